import type { Cell } from "../../../src/core/cell";
import { SelectedCells, inspectSelection } from "../../../src/officejs/inspect/plan";

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
