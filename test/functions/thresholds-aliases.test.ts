/**
 * The bugs of the adversarial review (issue: thresholds that always agree with the sheet): each
 * test failed before its fix. product.md sections 3-5 are the oracle.
 */
import { eta, gap, metrics, phase, risk, score, target } from "../../src/functions/functions";
import { PHASE_METRICS, targetOf } from "../../src/core/catalog";
import { columnLetter, describeWorkbook, parseAddress } from "../../src/core/template";

const err = (code: string, message: string | RegExp) => expect.objectContaining({ code, message: typeof message === "string" ? message : expect.stringMatching(message) });

describe("every alias behaves exactly as its id", () => {
  const cases: [string, string, number][] = [
    ["Churn mensual", "churn", 0.04],
    ["Churn (monthly)", "churn", 0.06],
    ["churn rate", "churn", 0.052],
    ["Net promoter score", "nps", 64],
    ["Productivity vs competitors", "productivity", 14],
    ["Productividad vs competencia", "productivity", 16],
  ];
  test.each(cases)("SCALE.RISK(%p) without a phase uses the risk threshold, as %p does", (alias, id, value) => {
    expect(risk([[alias]], [[value]])).toEqual(risk([[id]], [[value]]));
    expect(risk([[alias]], [[value]])[0][0]).toMatch(/^(OK|WATCH|RISK)$/);
    expect(risk([[alias]], [[value]], 2)).toEqual(risk([[id]], [[value]], 2));
    expect(target([[alias]], 3)).toEqual(target([[id]], 3));
  });

  test('an alias in a thresholds table sets the indicator ("Churn mensual",0.03)', () => {
    const table = [["Id", "Threshold"], ["Churn mensual", 0.03]];
    expect(risk([["churn"]], [[0.04]], null, table)).toEqual([["RISK"]]);
    expect(target([["competition.churn"]], null, table)).toEqual([[0.03]]);
  });
});

describe("switched-off thresholds (product.md section 4): empty or 0, on desktop and on the web alike", () => {
  const risks = (cell: number | null | string) => [["Id", "Threshold"], ["cash_burn.cash_runway", cell]];
  test.each([
    ["0 (a zero typed, or an empty cell on desktop)", 0],
    ["null (an empty cell on the web)", null],
    ['"" (an empty text)', ""],
  ])("a risk threshold of %s: no level, TARGET blank", (_what, cell) => {
    expect(risk([["cash_burn.cash_runway"]], [[3]], null, risks(cell))).toEqual([[""]]);
    expect(target([["cash_burn.cash_runway"]], 1, risks(cell))).toEqual([[""]]);
  });

  test("a cleared target leaves the metric out of PHASE and SCORE for that phase only", () => {
    const table = [["Id", "P1", "P2", "P3", "P4"], ["churn", 0.05, null, 0.02, 0.01]];
    const ids = [["mrr"], ["churn"]];
    const vals = [[2_500_000], [0.04]];
    // churn 4% misses phase 2's 3%; with phase 2's churn check off, mrr alone decides phase 2.
    expect(phase(ids, vals)).toBe(1);
    expect(phase(ids, vals, null, table)).toBe(2);
    expect(score(ids, vals, 2, table)).toBe(1);
    expect(score(ids, vals, 2)).toBe(0.5);
    expect(risk([["churn"]], [[0.04]], 2, table)).toEqual([[""]]);
    expect(gap([["churn"]], [[0.04]], 2, false, table)).toEqual([[""]]);
    expect(score([["churn"]], [[0.04]], 2, table)).toEqual(err("#N/A", "No metric given has its phase 2 target switched on in thresholds."));
  });

  test("a group leaves switched-off indicators out of its worst level", () => {
    const table = [["Id", "Threshold"], ["cash_burn.cash_runway", 0]];
    expect(risk([["cash_burn"]], [[3, 100_000, 0.3, 2e7]])).toEqual([["RISK"]]);
    expect(risk([["cash_burn"]], [[3, 100_000, 0.3, 2e7]], null, table)).toEqual([["OK"]]);
  });
});

describe("the thresholds argument", () => {
  const header = ["Id", "P1", "P2", "P3", "P4", "Floor P1", "Floor P2", "Floor P3", "Floor P4"];

  test("a floor typed for a metric without one is refused with its row", () => {
    expect(risk([["mrr"]], [[400_000]], 1, [header, ["mrr", 500_000, 2e6, 5e6, 2e7, 300_000, 0, 0, 0]])).toEqual([
      [err("#VALUE!", "thresholds row 2, Floor P1: mrr has no floor (only gross_margin has one); clear that cell")],
    ]);
  });

  test("the group form checks the phase like every other form", () => {
    expect(risk([["cash_burn"]], [[20, 100_000, 0.3, 2e7]], 7)).toEqual([[err("#VALUE!", "Phase must be a whole number from 1 to 4; got 7.")]]);
    expect(risk([["cash_burn"]], [[20, 100_000, 0.3, 2e7]], 0)).toEqual([["OK"]]);
  });

  test("a Threshold for churn, nps or productivity in a table that also has P1..P4 columns is read", () => {
    const table = [["Id", "P1", "P2", "P3", "P4", "Threshold"], ["churn", 0.05, 0.03, 0.02, 0.01, 0.02], ["mrr", 500_000, 2e6, 5e6, 2e7, null]];
    expect(risk([["churn"]], [[0.04]], null, table)).toEqual([["RISK"]]);
    expect(risk([["churn"]], [[0.04]], 1, table)).toEqual([["OK"]]);
    // Empty or 0 there switches the indicator's check off, as in a risk table.
    expect(risk([["churn"]], [[0.06]], null, [["Id", "P1", "P2", "P3", "P4", "Threshold"], ["churn", 0.05, 0.03, 0.02, 0.01, 0]])).toEqual([[""]]);
    expect(risk([["churn"]], [[0.04]], 1, [["Id", "P1", "P2", "P3", "P4", "Threshold"], ["churn", 0.05, 0.03, 0.02, 0.01, null]])).toEqual([["OK"]]);
    expect(risk([["mrr"]], [[1]], 1, [["Id", "P1", "P2", "P3", "P4", "Threshold"], ["mrr", 500_000, 2e6, 5e6, 2e7, 7]])).toEqual([
      [err("#VALUE!", "thresholds row 2, Threshold: mrr has no risk threshold; clear that cell")],
    ]);
  });

  test("a table the caller edits after a call is read again, not served from a kept reference", () => {
    const table: (string | number)[][] = [["cac", 100, 75, 50, 25]];
    expect(target([["cac"]], 1, table)).toEqual([[100]]);
    table[0][1] = 90;
    expect(target([["cac"]], 1, table)).toEqual([[90]]);
  });

  test("two tables used alternately each give their own numbers", () => {
    const a = [["cac", 100, 75, 50, 25]];
    const b = [["cac", 80, 75, 50, 25]];
    for (let k = 0; k < 3; k++) {
      expect(target([["cac"]], 1, a)).toEqual([[100]]);
      expect(target([["cac"]], 1, b)).toEqual([[80]]);
    }
  });

  test("the data body of the template's tables (ScaleThresholds without [#All]) is read by the tables' layout", () => {
    const body = PHASE_METRICS.slice(0, 2).map((m, i) => [m.id, m.name.en, "unit", "higher", ...[1, 2, 3, 4].map((n) => (i === 0 && n === 1 ? 700_000 : targetOf(m, n as 1))), null, null, null, null, "seed"]);
    expect(target([["mrr"]], 1, body)).toEqual([[700_000]]);
    const risks = [["cash_burn.cash_runway", "Cash runway", "months", "higher", ">", 12, "seed"]];
    expect(risk([["cash_burn.cash_runway"]], [[14]], null, risks)).toEqual([["OK"]]);
    expect(target([["mrr"]], 1, [["mrr", 1, 2]])).toEqual([
      [err("#VALUE!", "thresholds: pass a Thresholds table (ScaleThresholds[#All] with its headers, or ScaleThresholds), or a five-column range (id, P1, P2, P3, P4); got 3 columns without those headers")],
    ]);
    expect(target([["mrr"]], 1, [["mrr"]])).toEqual([[err("#VALUE!", /got 1 column without those headers$/)]]);
  });
});

describe("optional scalars from an empty cell on desktop (0) mean omitted", () => {
  test("phase of an indicator, min_share and language", () => {
    expect(risk([["cash_burn.cash_runway"]], [[20]], 0)).toEqual([["OK"]]);
    expect(risk([["churn"]], [[0.04]], 0)).toEqual(risk([["churn"]], [[0.04]]));
    expect(phase([["mrr"]], [[600_000]], 0)).toBe(1);
    expect(metrics(0)).toEqual(metrics());
    expect(target([["cash_burn.funding"]], 0)).toEqual([[10_000_000]]);
  });
});

describe("header rows and messages", () => {
  test("the two-range form skips a header row, as the two-column form does", () => {
    expect(phase([["Id"], ["mrr"], ["churn"]], [["Value"], [600_000], [0.04]])).toBe(1);
    expect(score([["Métrica"], ["mrr"]], [["Valor"], [600_000]], 1)).toBe(1);
  });

  test('"got 1 column", a text without an id, a dash or non-Latin text', () => {
    expect(phase([["mrr"]])).toEqual(err("#VALUE!", "Give the values too, or a two-column range (ids, values) as metrics; metrics has 1 column."));
    expect(risk([[null]], [["abc"]])).toEqual([[err("#VALUE!", 'The text "abc" has no metric id next to it.')]]);
    for (const text of ["-", "—", "收入"])
      expect(risk([[text]], [[1]])).toEqual([[err("#VALUE!", `"${text}" is not a metric id: ids and names are written in Latin letters, such as "mrr" or "churn". See =SCALE.METRICS() for the list.`)]]);
  });
});

describe("SCALE.SCORE (product.md section 5)", () => {
  test("the share of the non-blank metrics meeting the phase, in PHASE's three forms", () => {
    expect(score([["mrr"], ["churn"], ["nps"], ["cac"]], [[5_000_000], [0.04], [72], [90]], 1)).toBe(1);
    expect(score([["mrr"], ["churn"], ["nps"], ["cac"]], [[5_000_000], [0.04], [72], [90]], 3)).toBe(0.25);
    expect(score([["mrr", 600_000], ["churn", 0.06], ["nps", null]], null as unknown as [][], 1)).toBe(0.5); // Excel passes an empty argument as null
    expect(score([["mrr"]], [[600_000]], 2)).toBe(0);
  });

  test("SCALE.PHASE is the highest phase whose SCALE.SCORE reaches min_share", () => {
    const ids = [["mrr"], ["churn"], ["nps"], ["cac"], ["mrr_growth"]];
    const vals = [[5_000_000], [0.04], [72], [90], [0.06]];
    for (const share of [0.2, 0.4, 0.6, 0.8, 1]) {
      const highest = [4, 3, 2, 1].find((p) => (score(ids, vals, p) as number) >= share) ?? 0;
      expect(phase(ids, vals, share)).toBe(highest);
    }
  });

  test("bad input", () => {
    expect(score([["mrr"]], [[600_000]], 5)).toEqual(err("#VALUE!", "Phase must be a whole number from 1 to 4; got 5."));
    expect(score([["mrr"]], [[null]], 1)).toEqual(err("#N/A", "No metric values to judge: every value is empty."));
    expect(score([["cash_burn.cash_runway"]], [[3]], 1)).toEqual(err("#VALUE!", /is a risk indicator, not a phase metric; SCALE.SCORE takes phase metrics/));
    expect(score([["churn"]], [[5]], 1)).toEqual(err("#VALUE!", /5% is 0.05/));
  });

  test("a missing phase is #VALUE! saying SCORE needs it: omitted, left empty on the web (null) or on desktop (0)", () => {
    // product.md section 5: phase is optional in the metadata (office-js #1749), but SCORE needs it.
    const needed = err("#VALUE!", "SCALE.SCORE needs the phase (1 to 4) whose targets to check: give it after values, as in =SCALE.SCORE(A2:B20, , 1).");
    expect(score([["mrr"]], [[600_000]])).toEqual(needed);
    for (const empty of [undefined, null, 0, ""]) expect(score([["mrr"]], [[600_000]], empty)).toEqual(needed);
    expect(score([["mrr", 600_000]], null as unknown as [][], null, [["mrr", 1, 2, 3, 4]])).toEqual(needed);
  });
});

describe("SCALE.ETA (product.md sections 5 and 6.5)", () => {
  test("months to the target at the trailing three-month compound growth, rounded up", () => {
    // 100k -> 133.1k in three months is 10% a month; 500k / 133.1k needs ln(3.7566)/ln(1.1) = 13.88 months.
    expect(eta("mrr", [[90_000, 100_000, 110_000, 121_000, 133_100]], 1)).toBe(14);
    expect(eta("mrr", [[100_000], [110_000], [121_000], [133_100]], 1)).toBe(14);
    expect(eta("customers", [[100, 200, 400, 800]], 2)).toBe(3);
  });

  test("blanks carry the last value forward; trailing blanks are not months; desktop's 0 for an empty month is a blank", () => {
    expect(eta("mrr", [[100_000, null, 121_000, 133_100, null, null]], 1)).toBe(14);
    expect(eta("mrr", [[100_000, 0, 121_000, 133_100, 0, 0, 0]], 1)).toBe(14);
    expect(eta("mrr", [[0, 0, 110_000, 121_000]], 1)).toEqual(err("#N/A", "No ETA for mrr: no number three or more months before the last one."));
  });

  test("from observations (product.md 6.5, 3rd ed.): the last number and the last number at least three positions before it, blanks skipped", () => {
    // Revenue per employee typed quarterly: 121,000 (month 7) -> 133,100 (month 10) is 10% in three months;
    // ln(250,000 / 133,100) / ln(1.1^(1/3)) = 19.84 -> 20. Carried forward, months 10 and 13 would look flat.
    expect(eta("revenue_per_employee", [[100_000, null, null, 110_000, null, null, 121_000, null, null, 133_100, null, null, null]], 1)).toBe(20);
    // 110,000 in position 2 and 150,000 in position 6: four positions apart, g = (150/110)^(1/4) - 1; ln(500/150)/ln(1+g) = 15.53 -> 16.
    expect(eta("mrr", [[100_000, 110_000, null, null, null, 150_000]], 1)).toBe(16);
  });

  test("0 when already met; #N/A with the reason otherwise", () => {
    expect(eta("mrr", [[600_000]], 1)).toBe(0);
    expect(eta("mrr", [[100_000, 110_000, 121_000]], 1)).toEqual(err("#N/A", "No ETA for mrr: fewer than four months up to the last value."));
    expect(eta("mrr", [[100_000, 100_000, 100_000, 100_000]], 1)).toEqual(err("#N/A", "No ETA for mrr: the trend is flat or falling."));
    expect(eta("mrr", [[130_000, 120_000, 110_000, 100_000]], 1)).toEqual(err("#N/A", "No ETA for mrr: the trend is flat or falling."));
    expect(eta("mrr", [[null, null, 110_000, 121_000]], 1)).toEqual(err("#N/A", "No ETA for mrr: no number three or more months before the last one."));
    // 0 is a blank month (Excel desktop passes an empty cell as 0), so 0 three months back is no value.
    expect(eta("mrr", [[0, 10, 20, 30]], 1)).toEqual(err("#N/A", "No ETA for mrr: no number three or more months before the last one."));
    // An amount cannot be negative (product.md section 7: negative CAC, MRR or counts are refused).
    expect(eta("mrr", [[-10, 10, 20, 30]], 1)).toEqual(err("#VALUE!", "mrr must be at least 0; got -10."));
    expect(eta("churn", [[0.05, 0.04, 0.03, 0.02]], 1)).toEqual(err("#N/A", /No ETA for churn: it is computed for amounts that grow/));
    expect(eta("cac", [[200, 150, 120, 110]], 1)).toEqual(err("#N/A", /No ETA for cac/));
    expect(eta("mrr", [[1, 2], [3, 4]], 1)).toEqual(err("#VALUE!", "values must be one row or one column of months; got 2x2."));
    expect(eta("mrr", [[100_000, 110_000, 121_000, 133_100]], 9)).toEqual(err("#VALUE!", /Phase must be a whole number/));
    expect(eta("mrr", [[100_000, 110_000, "n/a", 133_100]], 1)).toEqual(err("#VALUE!", /The value for mrr is the text "n\/a"/));
    expect(eta("mrr", [[100_000, 110_000, 121_000, 133_100]], 1, [["mrr", 0, 2e6, 5e6, 2e7]])).toEqual(err("#N/A", "No ETA: the phase 1 target of mrr is switched off in thresholds."));
    expect(eta("mrr", [[100_000, 110_000, 121_000, 133_100]], 1, [["mrr", 200_000, 2e6, 5e6, 2e7]])).toBe(5); // ln(200/133.1)/ln(1.1) = 4.27
  });
});

describe("the template's own tables, as Excel passes them", () => {
  /** A table's cells from the workbook description, as a grid of values (null where empty), with or without its header row. */
  function tableGrid(name: string, withHeader: boolean): (string | number | null)[][] {
    const spec = describeWorkbook({ language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" });
    const table = spec.tables.find((t) => t.name === name)!;
    const sheet = spec.sheets.find((s) => s.key === table.sheet)!;
    const { start, end } = parseAddress(`x!${table.ref}`);
    const byRef = new Map(sheet.cells.map((c) => [c.ref, c.value ?? null]));
    const rows = [];
    for (let r = start.row + (withHeader ? 0 : 1); r <= end.row; r++) {
      const row = [];
      for (let c = start.col; c <= end.col; c++) row.push((byRef.get(`${columnLetter(c)}${r}`) as string | number | null) ?? null);
      rows.push(row);
    }
    return rows;
  }

  test("ScaleThresholds and ScaleRiskThresholds read the same with and without [#All] (the layout the parser assumes is the template's)", () => {
    for (const name of ["ScaleThresholds", "ScaleRiskThresholds"]) {
      const all = tableGrid(name, true);
      const body = tableGrid(name, false);
      body[0][name === "ScaleThresholds" ? 4 : 5] = 0; // the first row's first threshold switched off
      all[1][name === "ScaleThresholds" ? 4 : 5] = 0;
      const id = body[0][0] as string;
      expect([name, target([[id]], 1, body)]).toEqual([name, target([[id]], 1, all)]);
      expect([name, target([[id]], 1, body)]).toEqual([name, [[""]]]);
      const other = body[1][0] as string;
      expect([name, target([[other]], 2, body)]).toEqual([name, target([[other]], 2)]);
    }
  });
});
