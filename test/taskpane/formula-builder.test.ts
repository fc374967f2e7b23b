/**
 * The formula builder's plan, and what its formulas compute when a real formula engine
 * (HyperFormula with the SCALE plugin) evaluates them beside the user's cells.
 */
import { planFormulas } from "../../src/taskpane/formula-builder";
import { engine } from "../hyperformula/scale-plugin";

type Grid = (string | number | null)[][];
/** The selection grown by one column and one row, as getResizedRange(1, 1) reads it: values and formulas. */
const grown = (cells: Grid) => {
  const rows = [...cells.map((r) => [...r, ""]), Array(cells[0].length + 1).fill("")];
  return { values: rows, formulas: rows.map((r) => r.map(() => "")) };
};

describe("Write formulas beside the selection", () => {
  const selection: Grid = [
    ["Metric", "Value"],
    ["mrr", 600_000],
    ["Churn mensual", 0.04],
    ["cash_burn.cash_runway", 12],
    ["notes", "see below"],
  ];

  test("per row a SCALE.GAP to the next phase (SCALE.RISK for an indicator), SCALE.PHASE below, referencing the user's cells", () => {
    const { values, formulas } = grown(selection);
    const plan = planFormulas("'My data'!B3:D8", values, formulas, "en");
    expect(plan).toEqual({
      ref: "D3:D8",
      address: "'My data'!D3:D8",
      nextPhase: 2,
      count: 3,
      withPhase: false,
      // An indicator and a note among the rows: no SCALE.PHASE over them (it would be #VALUE!).
      formulas: [[null], ["=SCALE.GAP(B4,C4,2)"], ["=SCALE.GAP(B5,C5,2)"], ["=SCALE.RISK(B6,C6)"], [null], [null]],
    });
  });

  test("in Spanish Excel the Spanish names", () => {
    const { values, formulas } = grown(selection);
    const plan = planFormulas("Datos!A1:C6", values, formulas, "es");
    expect("formulas" in plan && plan.formulas.flat()).toEqual([null, "=SCALE.BRECHA(A2,B2,2)", "=SCALE.BRECHA(A3,B3,2)", "=SCALE.RIESGO(A4,B4)", null, null]);
    const metricsOnly = grown(selection.slice(0, 3));
    const withPhase = planFormulas("Datos!A1:C4", metricsOnly.values, metricsOnly.formulas, "es");
    expect("formulas" in withPhase && withPhase.formulas.flat()).toEqual([null, "=SCALE.BRECHA(A2,B2,2)", "=SCALE.BRECHA(A3,B3,2)", "=SCALE.FASE(A1:A3,B1:B3)"]);
  });

  test("never over a cell that holds something; only two-column selections; something to write", () => {
    const { values, formulas } = grown(selection);
    formulas[3][2] = "=1+1";
    expect(planFormulas("Data!A1:C6", values, formulas, "en")).toEqual({ problem: "notEmpty", address: "'Data'!C1:C6" });
    const below = grown(selection);
    below.values[5][2] = "typed";
    expect(planFormulas("Data!A1:C6", below.values, below.formulas, "en")).toEqual({ problem: "notEmpty", address: "'Data'!C1:C6" });
    const three = grown([["mrr", 1, 2]]);
    expect(planFormulas("Data!A1:D2", three.values, three.formulas, "en")).toEqual({ problem: "twoColumns" });
    const none = grown([["Metric", "Value"], ["notes", 3]]);
    expect(planFormulas("Data!A1:C3", none.values, none.formulas, "en")).toEqual({ problem: "noMetrics" });
  });

  test("the formulas, evaluated by HyperFormula beside the cells, give the gaps, the level and the phase", () => {
    const evaluate = (cells: Grid) => {
      const { values, formulas } = grown(cells);
      const plan = planFormulas(`Sheet1!A1:C${cells.length + 1}`, values, formulas, "en");
      if (!("formulas" in plan)) throw new Error("no plan");
      const sheet: Grid = cells.map((row, r) => [...row, plan.formulas[r][0]]);
      sheet.push([null, null, plan.formulas[cells.length][0]]);
      const hf = engine({ Sheet1: sheet });
      return { hf, value: (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!) };
    };
    const mixed = evaluate(selection);
    // mrr 600,000 against phase 2's 2,000,000; churn 4% against 3%; runway 12 months against > 18 (RISK: more than 10% short).
    expect([mixed.value("C2"), mixed.value("C3"), mixed.value("C4"), mixed.value("C6")]).toEqual([1_400_000, 0.01, "RISK", null]);
    const metrics = evaluate(selection.slice(0, 3));
    // Phase 1 needs mrr >= 500,000 and churn <= 5%: both met; phase 2 is not.
    expect([metrics.value("C2"), metrics.value("C3"), metrics.value("C4")]).toEqual([1_400_000, 0.01, 1]);
    metrics.hf.setCellContents(metrics.hf.simpleCellAddressFromString("B2", 0)!, [[2_500_000]]);
    expect(metrics.value("C2")).toBe(-500_000);
  });
});
