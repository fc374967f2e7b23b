/**
 * The formula builder's plan, and what its formulas compute when a real formula engine
 * (HyperFormula with the SCALE plugin) evaluates them beside the user's cells.
 */
import type { Cell } from "../../src/core/cell";
import { WorkbookThresholds, inspectSelection, planFormulas } from "../../src/officejs/inspect/plan";
import { describeWorkbook, parseAddress } from "../../src/core/template";
import { engine } from "../support/scale-plugin";

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
      phases: [null, 2, 2, null, null],
      count: 3,
      withPhase: false,
      workbookTargets: false,
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
    expect(planFormulas("Data!A1:C6", values, formulas, "en")).toEqual({ problem: "notEmpty", address: "Data!C1:C6" });
    const below = grown(selection);
    below.values[5][2] = "typed";
    expect(planFormulas("Data!A1:C6", below.values, below.formulas, "en")).toEqual({ problem: "notEmpty", address: "Data!C1:C6" });
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

describe("in a workbook with the tracker, the formulas agree with Inspect's table", () => {
  type Cells = (string | number | null)[][];
  /** The tracker's Thresholds sheet as the template writes it, and where its tables and Target_ names are. */
  function thresholdsSheet(): { grid: Cells; tableRef: (name: string) => string; targetRows: (grid: Cells) => Cell[][] } {
    const spec = describeWorkbook({ language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" });
    const sheet = spec.sheets.find((s) => s.key === "thresholds")!;
    const grid: Cells = [];
    for (const c of sheet.cells) {
      const { start } = parseAddress(`x!${c.ref}`);
      while (grid.length < start.row) grid.push([]);
      const row = grid[start.row - 1];
      while (row.length < start.col) row.push(null);
      row[start.col - 1] = (c.value as string | number | undefined) ?? null;
    }
    const tableRef = (name: string) => `Thresholds!${spec.tables.find((t) => t.name === name)!.ref}`;
    // What Inspect reads through the Target_<metric> names (host.readSelection): (id, P1..P4).
    const targetRows = (edited: Cells) =>
      spec.names
        .filter((n) => n.name.startsWith("Target_"))
        .map((n) => {
          const { start, end } = parseAddress(`x!${n.ref.replace(/\$/g, "")}`);
          const cells = edited[start.row - 1].slice(start.col - 1, end.col);
          return [n.name.slice("Target_".length), ...cells];
        });
    return { grid, tableRef, targetRows };
  }

  /** Sets the threshold of `id` in column `header` of the Thresholds sheet, as a user edits it. */
  function edit(grid: Cells, id: string, header: string, value: number): void {
    const row = grid.find((r) => r[0] === id)!;
    const headerRow = grid.slice(0, grid.indexOf(row)).reverse().find((r) => r[0] === "Id")!;
    row[headerRow.indexOf(header)] = value;
  }

  const workbook: WorkbookThresholds = { targets: [], targetsTable: "ScaleThresholds", risksTable: "ScaleRiskThresholds", contextTable: "ScaleContextThresholds" };

  /** Plans the formulas beside Data!A1:B<n> and evaluates them in HyperFormula with the edited Thresholds sheet. */
  function evaluate(selection: Cells, thresholds: ReturnType<typeof thresholdsSheet>, tables = workbook) {
    const { values, formulas } = grown(selection);
    const plan = planFormulas(`Data!A1:C${selection.length + 1}`, values, formulas, "en", { ...tables, targets: thresholds.targetRows(thresholds.grid) });
    if (!("formulas" in plan)) throw new Error("no plan");
    // HyperFormula has no structured references ("Known limitations": Tables), so the tables' own
    // ranges stand for them: ScaleThresholds[#All] is the table with its header row.
    const inHyperFormula = (f: string | null) =>
      f && f.replace(/(ScaleThresholds|ScaleRiskThresholds|ScaleContextThresholds)\[#All\]/g, (_, name: string) => thresholds.tableRef(name));
    const data: Grid = selection.map((row, r) => [...row, inHyperFormula(plan.formulas[r][0])]);
    data.push([null, null, inHyperFormula(plan.formulas[selection.length][0])]);
    const hf = engine({ Data: data, Thresholds: thresholds.grid });
    const value = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, hf.getSheetId("Data")!)!);
    return { plan, value };
  }

  test("each GAP is the table's gap for its row, at the row's own phase, judged with the edited Thresholds table; PHASE is the table's phase", () => {
    const thresholds = thresholdsSheet();
    // The user lowers MRR's phase 1 target to 400,000 and raises CAC's phase 3 target (a ceiling) to 60.
    edit(thresholds.grid, "mrr", "P1", 400_000);
    edit(thresholds.grid, "cac", "P3", 60);
    const selection: Cells = [["Metric", "Value"], ["mrr", 450_000], ["cac", 60], ["nps", 90]];
    const { plan, value } = evaluate(selection, thresholds);
    const inspection = inspectSelection({ values: selection, formulas: selection, targets: thresholds.targetRows(thresholds.grid) });

    // By hand (product.md 3: targets met inclusively, each phase on its own): mrr 450,000 meets
    // the edited 400,000 but not 2,000,000: phase 1, gap to P2 1,550,000. cac 60 meets 100, 75 and
    // the edited 60 but not 25: phase 3, gap to P4 60 - 25 = 35. nps 90 meets every phase up to
    // 85: phase 4, the margin ahead -5. Together only phase 1 is met by all three.
    expect(inspection.metrics.map((m) => [m.id, m.phase, m.nextPhase, m.gap])).toEqual([
      ["mrr", 1, 2, 1_550_000],
      ["cac", 3, 4, 35],
      ["nps", 4, 4, -5],
    ]);
    expect(inspection.phase).toBe(1);

    expect(plan).toMatchObject({ phases: [null, 2, 4, 4], workbookTargets: true, withPhase: true });
    expect(plan.formulas.flat()).toEqual([
      null,
      "=SCALE.GAP(A2,B2,2,,ScaleThresholds[#All])",
      "=SCALE.GAP(A3,B3,4,,ScaleThresholds[#All])",
      "=SCALE.GAP(A4,B4,4,,ScaleThresholds[#All])",
      "=SCALE.PHASE(A1:A4,B1:B4,,ScaleThresholds[#All])",
    ]);
    expect(["C2", "C3", "C4"].map(value)).toEqual(inspection.metrics.map((m) => m.gap));
    expect(value("C5")).toBe(inspection.phase);
  });

  test("a risk indicator is judged with the edited risk table", () => {
    const thresholds = thresholdsSheet();
    // Runway 15 months: RISK against the seed's > 18 (3 short, more than 10%), OK against an edited > 12.
    edit(thresholds.grid, "cash_burn.cash_runway", "Threshold", 12);
    const { plan, value } = evaluate([["cash_burn.cash_runway", 15], ["mrr", 450_000]], thresholds);
    expect(plan.formulas.flat()).toEqual(["=SCALE.RISK(A1,B1,,ScaleRiskThresholds[#All])", "=SCALE.GAP(A2,B2,1,,ScaleThresholds[#All])", null]);
    expect([value("C1"), value("C2")]).toEqual(["OK", 50_000]);
  });

  test("the table's own name (ScaleThresholds2 where the name was taken); Spanish Excel's function names", () => {
    const { values, formulas } = grown([["mrr", 450_000], ["cash_burn.cash_runway", 15]]);
    const { grid, targetRows } = thresholdsSheet();
    const plan = planFormulas("Datos!A1:C3", values, formulas, "es", { targets: targetRows(grid), targetsTable: "ScaleThresholds2", risksTable: "ScaleRiskThresholds2" });
    expect("formulas" in plan && plan.formulas.flat()).toEqual(["=SCALE.BRECHA(A1,B1,1,,ScaleThresholds2[#All])", "=SCALE.RIESGO(A2,B2,,ScaleRiskThresholds2[#All])", null]);
  });

  test("without a tracker, no thresholds argument: the built-in targets, as Inspect then uses", () => {
    const selection: Cells = [["mrr", 450_000], ["cac", 60]];
    const { values, formulas } = grown(selection);
    const plan = planFormulas("Data!A1:C3", values, formulas, "en");
    const inspection = inspectSelection({ values: selection, formulas: selection, targets: [] });
    // mrr 450,000 reaches no phase with the seed's 500,000: its gap is to phase 1. cac 60: phase 2, gap to P3 (50).
    expect(inspection.metrics.map((m) => m.nextPhase)).toEqual([1, 3]);
    expect(plan).toMatchObject({ phases: [1, 3], workbookTargets: false });
    expect("formulas" in plan && plan.formulas.flat()).toEqual(["=SCALE.GAP(A1,B1,1)", "=SCALE.GAP(A2,B2,3)", "=SCALE.PHASE(A1:A2,B1:B2)"]);
  });

  test("a SaaS measure with a convention gets SCALE.RISK with the conventions' table, agreeing with Inspect; the others, which the functions refuse, get nothing", () => {
    const thresholds = thresholdsSheet();
    // The user lowers the quick ratio's convention from 4 to 3 (Thresholds sheet, third table).
    edit(thresholds.grid, "quick_ratio", "Threshold", 3);
    const selection: Cells = [["quick_ratio", 2.8], ["Rule of 40", 0.3], ["New MRR", 20_000], ["mrr", 450_000]];
    const { plan, value } = evaluate(selection, thresholds);
    expect(plan.formulas.flat()).toEqual([
      "=SCALE.RISK(A1,B1,,ScaleContextThresholds[#All])",
      "=SCALE.RISK(A2,B2,,ScaleContextThresholds[#All])",
      // new_mrr has no convention: SCALE.RISK, GAP and TARGET refuse it (docs/functions.md).
      null,
      "=SCALE.GAP(A4,B4,1,,ScaleThresholds[#All])",
      // SCALE.PHASE refuses the SaaS measures: not written over them.
      null,
    ]);
    expect(plan).toMatchObject({ phases: [null, null, null, 1], withPhase: false, count: 3 });
    // product.md 4 and 12: 2.8 is within 10% of the edited 3 (WATCH); a Rule of 40 of 30% is 10 points short of 40%, more than 10% of it (RISK).
    expect([value("C1"), value("C2")]).toEqual(["WATCH", "RISK"]);
    const inspection = inspectSelection({ values: selection, formulas: selection, targets: thresholds.targetRows(thresholds.grid), contextThresholds: thresholds.grid });
    expect(inspection.context.map((c) => c.judged?.level)).toEqual(["WATCH", "RISK", undefined]);
    // SaaS measures without a convention alone: nothing to write.
    const none = grown([["new_mrr", 20_000], ["NRR 12m", 1.02]]);
    expect(planFormulas("Data!A1:C3", none.values, none.formulas, "en", workbook)).toEqual({ problem: "noMetrics" });
  });
});
