import type { Cell } from "../../src/core/cell";
import { SelectedCells, inspectSelection } from "../../src/officejs/inspect/plan";

/** A selection as Excel returns it; "=" cells are formulas whose result is given after "->". */
function selection(rows: Cell[][], targets: Cell[][] = []): SelectedCells {
  const parse = (c: Cell) => (typeof c === "string" && c.startsWith("=") ? c.split("->") : [c, c]);
  const values = rows.map((r) => r.map((c) => {
    const [formula, result] = parse(c);
    return formula === result ? c : result === "" ? "" : Number(result);
  }));
  const formulas = rows.map((r) => r.map((c) => parse(c)[0]));
  return { values, formulas, targets };
}

describe("inspectSelection: the numbers SCALE.PHASE and SCALE.GAP give for a selection", () => {
  test("two columns (metric, value): each metric's phase and gap to the next phase, and the phase of all", () => {
    const rows: [string, number][] = [["mrr", 600_000], ["Churn", 0.04], ["nps", 90]];
    const inspection = inspectSelection(selection(rows));
    // product.md 2: MRR 600,000 meets P1 (500,000) not P2 (2,000,000); churn 4% meets P1 (5%) not P2 (3%); NPS 90 meets P4.
    expect(inspection.phase).toBe(1);
    expect(inspection.workbookTargets).toBe(false);
    expect(inspection.metrics.map((m) => [m.id, m.value, m.phase, m.nextPhase, m.gap])).toEqual([
      ["mrr", 600_000, 1, 2, 1_400_000],
      ["churn", 0.04, 1, 2, expect.closeTo(0.01, 12)],
      // Phase 4 is the top: the gap to its target is the margin ahead (negative).
      ["nps", 90, 4, 4, -5],
    ]);
    expect(inspection.metrics.map((m) => m.unit)).toEqual(["usd_month", "fraction", "nps"]);
  });

  test("a phase sheet's row counts the last month typed, not its computed latest, target and gap columns", () => {
    const row = ["mrr", "Monthly recurring revenue", "currency per month", 300_000, "", 450_000, "", "", "", "=J->450000", "=K->500000", "=L->50000", "=M->WATCH"];
    const inspection = inspectSelection(selection([row]));
    expect(inspection.metrics.map((m) => m.value)).toEqual([450_000]);
    // Short of P1's 500,000 by 50,000 (product.md 2).
    expect(inspection.metrics[0].gap).toBe(50_000);
  });

  test("a phase sheet's row with no month typed has no value, though its target is a number", () => {
    const row = ["mrr", "Monthly recurring revenue", "currency per month", "", "", "", "", "", "", "=J->", "=K->500000", "=L->", "=M->"];
    expect(inspectSelection(selection([row])).metrics).toEqual([]);
  });

  test("a dashboard row (id, name, then formulas) counts its first formula's result: the current value", () => {
    const rows = [
      ["mrr", "Monthly recurring revenue", "=C9->750000", "=D9->2000000", "=E9->1250000", "=F9->0.375"],
      ["churn", "Churn (monthly)", "=C10->", "=D10->0.03", "=E10->", "=F10->"],
    ];
    const inspection = inspectSelection(selection(rows));
    expect(inspection.metrics.map((m) => [m.id, m.value])).toEqual([["mrr", 750_000]]);
  });

  test("(metric, formula) pairs count the formula's result", () => {
    expect(inspectSelection(selection([["cac", "=B2*2->120"]])).metrics[0]).toMatchObject({ id: "cac", value: 120, gap: 20, nextPhase: 1 });
  });

  test("headers, unknown ids, risk indicators and blank values are skipped", () => {
    const rows = [["Metric", "Value"], ["xyz", 5], ["cash_burn.cash_runway", 14], ["mrr", ""], [null, 3], ["gross_margin", 0.8]];
    const inspection = inspectSelection(selection(rows));
    expect(inspection.metrics.map((m) => m.id)).toEqual(["gross_margin"]);
    expect(inspectSelection(selection([])).metrics).toEqual([]);
  });

  test("the workbook's targets (its Thresholds sheet) are the thresholds argument of both functions", () => {
    const targets = [["mrr", 500_000, 700_000, 5_000_000, 20_000_000]];
    const inspection = inspectSelection(selection([["mrr", 600_000]], targets));
    expect(inspection.workbookTargets).toBe(true);
    expect(inspection.metrics[0].gap).toBe(100_000);
  });

  test("a value the function rejects shows the function's message", () => {
    const inspection = inspectSelection(selection([["churn", 5]]));
    expect(inspection.metrics[0].phase).toBe("#VALUE! churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5.");
    expect(inspection.metrics[0].gap).toBe(inspection.metrics[0].phase);
    expect(inspection.phase).toBe(inspection.metrics[0].phase);
  });
});

describe("inspectSelection: the SaaS measures of product.md 12 (never toward the phase)", () => {
  test("Tracking's rows by their names: each SaaS measure with its value; quick ratio and Rule of 40 judged against their conventions", () => {
    // Tracking's left block: name, Latest (a formula), Flag, then more formulas and the months.
    const tracking = (name: string, latest: number) => [name, `=B->${latest}`, "=C->", "=D->", "", "", "id", "unit"];
    const rows = [
      tracking("Monthly recurring revenue", 600_000),
      tracking("New MRR", 30_000),
      tracking("Net new MRR", -2_000),
      tracking("SaaS quick ratio", 3.7),
      tracking("Rule of 40", 0.5),
      tracking("Retención neta 12 meses (NRR)", 1.05),
    ];
    const inspection = inspectSelection(selection(rows));
    // product.md 2: MRR 600,000 is phase 1; the SaaS measures do not change it (product.md 12).
    expect(inspection.phase).toBe(1);
    expect(inspection.metrics.map((m) => m.id)).toEqual(["mrr"]);
    expect(inspection.context.map((c) => [c.id, c.value])).toEqual([
      ["new_mrr", 30_000],
      ["net_new_mrr", -2_000],
      ["quick_ratio", 3.7],
      ["rule_of_40", 0.5],
      ["nrr_12m", 1.05],
    ]);
    const judged = Object.fromEntries(inspection.context.map((c) => [c.id, c.judged]));
    // product.md 12/14 and 4: quick ratio >= 4, WATCH within 10% (from 3.6): 3.7 is WATCH, 0.3 short.
    expect(judged.quick_ratio).toEqual({ level: "WATCH", gap: expect.closeTo(0.3, 12), threshold: 4 });
    // Rule of 40 >= 40%: 50% is OK, 10 points ahead (a negative gap).
    expect(judged.rule_of_40).toEqual({ level: "OK", gap: expect.closeTo(-0.1, 12), threshold: 0.4 });
    // No convention product.md names for these: the value alone.
    expect([judged.new_mrr, judged.net_new_mrr, judged.nrr_12m]).toEqual([undefined, undefined, undefined]);
  });

  test("ids and (id, value) pairs too; a selection of SaaS measures alone has no phase", () => {
    const inspection = inspectSelection(selection([["quick_ratio", 2], ["expansion_mrr", 4_000]]));
    expect(inspection.metrics).toEqual([]);
    expect(inspection.phase).toBe("");
    // 2 is more than 10% short of 4: RISK.
    expect(inspection.context.map((c) => [c.id, c.judged?.level])).toEqual([["quick_ratio", "RISK"], ["expansion_mrr", undefined]]);
  });

  test("the workbook's edited convention (the Thresholds sheet's third table) is the one judged with; 0 switches it off", () => {
    const sheet = (quick: number) => [
      ["Id", "Measure", "Unit", "Better", "Rule", "Threshold", "Source"],
      ["quick_ratio", "SaaS quick ratio", "ratio", "higher", ">=", quick, "Hamid, 2015"],
      ["rule_of_40", "Rule of 40", "%", "higher", ">=", 0.4, "Feld, 2015"],
    ];
    // Edited to 3: 2.8 is within 10% of it, WATCH (product.md 4), 0.2 short.
    const edited = inspectSelection({ ...selection([["quick_ratio", 2.8]]), contextThresholds: sheet(3) });
    expect(edited.context[0].judged).toEqual({ level: "WATCH", gap: expect.closeTo(0.2, 12), threshold: 3 });
    const off = inspectSelection({ ...selection([["quick_ratio", 2.8]]), contextThresholds: sheet(0) });
    expect(off.context[0].judged).toEqual({ level: "", gap: "", threshold: "" });
  });
});
