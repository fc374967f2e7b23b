/**
 * The SaaS measures against their conventions (product.md 12 and 14): SCALE.RISK by the band
 * rule of section 4, SCALE.GAP, SCALE.TARGET. Oracles typed from the conventions: the SaaS quick
 * ratio 4 (Mamoon Hamid, 2015) and the Rule of 40, 40% (Brad Feld, 2015), both higher-is-better.
 */
import { gap, phase, risk, target } from "../../src/functions/functions";
import { CONTEXT_THRESHOLDS } from "../../src/core/catalog";
import { columnLetter, describeWorkbook, parseAddress } from "../../src/core/template";

type Grid = (string | number | null)[][];

/** The template's cells in `ref` of the sheet holding table `table`, as Excel passes them (null where empty). */
function grid(language: "en" | "es", table: string, part: "all" | "body" | "sheet"): Grid {
  const spec = describeWorkbook({ language, company: "Acme", currency: "USD", firstMonth: "2026-01" });
  const t = spec.tables.find((x) => x.name === table)!;
  const sheet = spec.sheets.find((x) => x.key === t.sheet)!;
  const { start, end } = parseAddress(`x!${t.ref}`);
  const byRef = new Map(sheet.cells.map((c) => [c.ref, c.value ?? null]));
  const [top, left, right] = part === "sheet" ? [1, 1, 13] : [start.row + (part === "body" ? 1 : 0), start.col, end.col];
  const rows: Grid = [];
  for (let r = top; r <= end.row; r++) {
    const row = [];
    for (let c = left; c <= right; c++) row.push((byRef.get(`${columnLetter(c)}${r}`) as string | number | null) ?? null);
    rows.push(row);
  }
  return rows;
}

/** Sets the Threshold cell of `id`'s row (column F of the risk-shaped tables, from column A). */
function edited(g: Grid, id: string, value: number | null): Grid {
  return g.map((row) => (row[0] === id ? row.map((c, k) => (k === 5 ? value : c)) : row));
}


const err = (code: string, message: string | RegExp) =>
  expect.objectContaining({ code, message: typeof message === "string" ? message : expect.stringMatching(message) });

describe("context thresholds in the catalog", () => {
  test("each convention carries its author, year, segment and a source a user can look up", () => {
    expect(CONTEXT_THRESHOLDS.map((c) => [c.id, c.threshold, c.year])).toEqual([
      ["quick_ratio", 4, 2015],
      ["rule_of_40", 0.4, 2015],
    ]);
    for (const c of CONTEXT_THRESHOLDS) {
      expect(c.author).toMatch(/\w/);
      expect([c.segment.en, c.segment.es]).toEqual([expect.stringMatching(/SaaS/), expect.stringMatching(/SaaS/)]);
      expect(c.source).toMatch(/^https?:\/\//);
    }
  });
});

describe("SCALE.RISK against a convention, by the band rule (10% of the threshold)", () => {
  test("quick ratio 4: OK from 4, WATCH from 3.6, RISK below", () => {
    expect(risk([["quick_ratio"]], [[4, 5, 3.7, 3.6, 3.5]])).toEqual([["OK", "OK", "WATCH", "WATCH", "RISK"]]);
  });

  test("Rule of 40 by its Spanish name: OK from 40%, WATCH from 36%, RISK below", () => {
    expect(risk([["Regla del 40"]], [[0.4, 0.37, 0.35, -0.2]])).toEqual([["OK", "WATCH", "RISK", "RISK"]]);
  });

  test("the same in every phase; a phase given must still be 1-4", () => {
    expect(risk([["rule_of_40"]], [[0.37]], 3)).toEqual([["WATCH"]]);
    expect(risk([["rule_of_40"]], [[0.37]], 5)).toEqual([[err("#VALUE!", /Phase must be a whole number from 1 to 4; got 5/)]]);
  });

  test("a value the measure cannot take names the measure and its range", () => {
    expect(risk([["quick_ratio"]], [[-1]])).toEqual([[err("#VALUE!", "quick_ratio must be at least 0; got -1.")]]);
  });
});

describe("SCALE.GAP and SCALE.TARGET against a convention", () => {
  test("GAP: quick ratio 3 is 1 short (25% of 4); Rule of 40 at 50% is 10 points ahead", () => {
    expect(gap([["quick_ratio"]], [[3]], 1)).toEqual([[1]]);
    expect(gap([["quick_ratio"]], [[3]], 1, true)).toEqual([[0.25]]);
    const [[ahead]] = gap([["rule_of_40"]], [[0.5]], 2) as number[][];
    expect(ahead).toBeCloseTo(-0.1, 12);
  });

  test("TARGET gives the convention's threshold, with or without a phase", () => {
    expect(target([["quick_ratio", "R40"]], 1)).toEqual([[4, 0.4]]);
    expect(target([["SaaS quick ratio"]], null)).toEqual([[4]]);
  });
});

describe("errors name what to fix", () => {
  test("a SaaS measure without a traceable convention lists those that have one", () => {
    const message = "nrr_12m has no threshold to judge it against (it never counts toward the phase); SCALE.RISK, SCALE.GAP and SCALE.TARGET take the SaaS measures quick_ratio, rule_of_40.";
    expect(risk([["NRR 12m"]], [[1.1]])).toEqual([[err("#VALUE!", message)]]);
    expect(target([["burn_multiple"]], 1)).toEqual([[err("#VALUE!", /^burn_multiple has no threshold/)]]);
  });

  test("the measures never count toward the phase: SCALE.PHASE refuses them and says where they go", () => {
    expect(phase([["quick_ratio"]], [[5]])).toEqual(err("#VALUE!", /quick_ratio is judged against a convention and never counts toward the phase; SCALE.PHASE takes phase metrics/));
  });

  test("phase metrics keep their targets", () => {
    expect(target([["mrr"]], 1)).toEqual([[500_000]]);
  });
});

describe("the third table of the Thresholds sheet (product.md 14): the conventions, editable", () => {
  test("after the two tables, each convention with its threshold, author and year, in both languages", () => {
    for (const language of ["en", "es"] as const) {
      const spec = describeWorkbook({ language, company: "Acme", currency: "USD", firstMonth: "2026-01" });
      const [targets, risks, context] = ["ScaleThresholds", "ScaleRiskThresholds", "ScaleContextThresholds"].map((n) => spec.tables.find((t) => t.name === n)!);
      expect([context.sheet, risks.sheet, targets.sheet]).toEqual(["thresholds", "thresholds", "thresholds"]);
      const row = (ref: string) => parseAddress(`x!${ref}`);
      expect(row(context.ref).start.row).toBeGreaterThan(row(risks.ref).end.row + 1);
      const body = grid(language, "ScaleContextThresholds", "body");
      expect(body.map((r) => [r[0], r[5]])).toEqual([["quick_ratio", 4], ["rule_of_40", 0.4]]);
      expect(body[0][6]).toMatch(/Mamoon Hamid.*2015/);
      expect(body[1][6]).toMatch(/Brad Feld, 2015/);
    }
  });

  test("given the whole sheet, the functions read an edited convention; 0 or empty switches it off", () => {
    const sheet = grid("en", "ScaleContextThresholds", "sheet");
    const three = edited(sheet, "quick_ratio", 3);
    expect(risk([["quick_ratio"]], [[3]], null, three)).toEqual([["OK"]]);
    expect(risk([["quick_ratio"]], [[2.8]], null, three)).toEqual([["WATCH"]]); // band 10% of 3: WATCH from 2.7
    expect(target([["quick_ratio"]], 1, three)).toEqual([[3]]);
    expect(gap([["quick_ratio"]], [[2]], 1, false, three)).toEqual([[1]]);
    expect(risk([["quick_ratio"]], [[3]], null, edited(sheet, "quick_ratio", 0))).toEqual([[""]]);
    expect(target([["quick_ratio"]], 1, edited(sheet, "quick_ratio", null))).toEqual([[""]]);
    // Rows the table does not change keep the convention.
    expect(target([["rule_of_40"]], 1, three)).toEqual([[0.4]]);
  });

  test("the table alone, with or without its header, and the Spanish sheet read the same", () => {
    for (const g of [grid("en", "ScaleContextThresholds", "all"), grid("en", "ScaleContextThresholds", "body"), grid("es", "ScaleContextThresholds", "sheet")]) {
      expect(risk([["rule_of_40"]], [[0.33]], null, edited(g, "rule_of_40", 0.3))).toEqual([["OK"]]);
    }
  });

  test("a convention typed out of range names the cell and the measure", () => {
    const bad = edited(grid("en", "ScaleContextThresholds", "all"), "rule_of_40", 4000);
    expect(target([["quick_ratio"]], 1, [["quick_ratio", 3, 3, 3, 3]])).toEqual([[err("#VALUE!", "thresholds row 1: quick_ratio is judged against a convention; give its threshold in a Threshold column, as the Thresholds sheet's third table does")]]);
    expect(target([["rule_of_40"]], 1, bad)).toEqual([[err("#VALUE!", "thresholds row 3, Threshold: rule_of_40 is a percentage entered as a fraction: 4000% is 40, so enter 40, not 4000.")]]);
  });
});
