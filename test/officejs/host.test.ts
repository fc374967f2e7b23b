/** The pane's Excel host against the fake Excel, in Node: what the browser tests cannot see. */
import { FakeState, installFakeOffice, newFakeState, newSheet } from "../support/excel-fake";
import { excelHost } from "../../src/officejs/host";
import { INSPECT_MAX_CELLS } from "../../src/officejs/errors";
import { inspectSelection } from "../../src/officejs/inspect/plan";
import { cell, parseAddress } from "../../src/core/template/formulas";

const globals = globalThis as unknown as Record<string, unknown>;
let state: FakeState;

beforeEach(() => {
  state = installFakeOffice(globals, newFakeState());
});
afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

test("the change listener passes on the changed sheet's id, and stops in a batch on the context it was added with", async () => {
  const run = jest.spyOn(globals.Excel as { run: (...args: unknown[]) => Promise<unknown> }, "run");
  const changed: (string | undefined)[] = [];
  const stop = await excelHost.onChanged((id) => changed.push(id));
  expect(state.changeHandlers).toHaveLength(1);
  await state.changeHandlers[0]({ type: "WorksheetChanged", worksheetId: "{sheet-a}" });
  await state.changeHandlers[0]({});
  expect(changed).toEqual(["{sheet-a}", undefined]);

  run.mockClear();
  stop();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(state.changeHandlers).toHaveLength(0);
  // As Office.js documents it: Excel.run(registration.context, ...), not remove() outside a batch.
  expect(run).toHaveBeenCalledTimes(1);
  expect(run.mock.calls[0]).toHaveLength(2);
  expect(run.mock.calls[0][0]).toEqual(expect.objectContaining({ sync: expect.any(Function) }));
});

test("a refresh names the sheets holding the template's inputs: the timeline, the thresholds, the dashboard's month and share; not the Risks sheet, not the user's own", async () => {
  state.sheets.push({ ...newSheet("Notes"), id: "{notes}" });
  await excelHost.insert({ language: "en", company: "Acme", currency: "USD", firstMonth: "2025-01", months: 24 });
  state.syncs = 0;
  const { inputSheetIds, syncs } = await excelHost.refresh();
  expect([syncs, state.syncs]).toEqual([3, 3]); // found by the refresh's own read, no extra sync
  const idOf = (name: string) => state.sheets.find((s) => s.name === name)!.id;
  // The Departments and Channels sheets too: their cells move the department levels the Risk flags tab lists (product.md 13).
  expect(inputSheetIds.slice().sort()).toEqual(["Thresholds", "Tracking", "Scale Dashboard", "Departments", "Channels"].map(idOf).sort());
  expect(inputSheetIds).not.toContain("{notes}");
  expect(inputSheetIds).not.toContain(idOf("Risks"));
});

describe("Inspect's read of the selection", () => {
  const select = (ref: string) => (state.selected = ref);

  test("reads the workbook's targets through the names that exist, also where Excel refuses paths through null objects", async () => {
    await excelHost.insert({ language: "en", company: "Acme", currency: "USD", firstMonth: "2025-01", months: 24 });
    state.names.delete("Target_cac");
    state.strictNullObjects = true;
    state.sheets.push(newSheet("Data"));
    state.sheets.at(-1)!.cells.set("A1", { value: "mrr" }).set("B1", { value: 600_000 });
    select("Data!A1:B1");
    state.syncs = 0;
    const read = await excelHost.readSelection();
    expect(state.syncs).toBe(2);
    expect(read.values).toEqual([["mrr", 600_000]]);
    expect(read.targets.map((t) => t[0])).not.toContain("cac");
    expect(read.targets.find((t) => t[0] === "mrr")).toEqual(["mrr", 500_000, 2_000_000, 5_000_000, 20_000_000]);
  });

  test("a selection whose used part is larger than Inspect reads is refused before any value is read", async () => {
    state.sheets.push(newSheet("Big"));
    const big = state.sheets.at(-1)!;
    big.cells.set("A1", { value: "mrr" }).set("J1001", { value: 1 });
    select("Big!A1:Z2000");
    state.log.length = 0;
    await expect(excelHost.readSelection()).rejects.toMatchObject({ name: "SelectionTooLargeError", cells: 10_010 });
    expect(INSPECT_MAX_CELLS).toBe(10_000);
    select("Big!A1:J1000");
    await expect(excelHost.readSelection()).resolves.toMatchObject({ targets: [] });
  });
});

describe("the formula builder in a workbook with the tracker", () => {
  /** Types `value` over the `n`th cell (1-4: P1..P4) of a Target_<metric> name, as a user edits the Thresholds sheet. */
  const editTarget = (metric: string, n: number, value: number) => {
    const { sheet, ref } = state.names.get(`Target_${metric}`)!;
    const { start } = parseAddress(`x!${ref}`);
    state.sheets.find((s) => s.name === sheet)!.cells.set(cell(start.col + n - 1, start.row), { value });
  };
  const data = (rows: [string, number][]) => {
    const sheet = newSheet("Data");
    rows.forEach(([id, value], r) => sheet.cells.set(`A${r + 1}`, { value: id }).set(`B${r + 1}`, { value }));
    state.sheets.push(sheet);
    state.selected = `Data!A1:B${rows.length}`;
  };
  const written = (refs: string[]) => refs.map((r) => state.sheets.find((s) => s.name === "Data")!.cells.get(r)?.formula);

  test("passes the Thresholds table and each row's phase, the ones Inspect shows, in three syncs", async () => {
    await excelHost.insert({ language: "en", company: "Acme", currency: "USD", firstMonth: "2025-01", months: 24 });
    editTarget("mrr", 1, 400_000);
    editTarget("cac", 3, 60);
    data([["mrr", 450_000], ["cac", 60], ["nps", 90]]);
    const inspection = inspectSelection(await excelHost.readSelection());
    state.syncs = 0;
    const plan = await excelHost.writeFormulasBeside("en");
    expect(state.syncs).toBe(3);
    // With the edits, mrr reaches phase 1 alone, cac phase 3, nps phase 4 (product.md 3, targets met inclusively).
    expect(inspection.metrics.map((m) => m.nextPhase)).toEqual([2, 4, 4]);
    expect(plan).toMatchObject({ phases: [2, 4, 4], workbookTargets: true });
    expect(written(["C1", "C2", "C3", "C4"])).toEqual([
      "SCALE.GAP(A1,B1,2,,ScaleThresholds[#All])",
      "SCALE.GAP(A2,B2,4,,ScaleThresholds[#All])",
      "SCALE.GAP(A3,B3,4,,ScaleThresholds[#All])",
      "SCALE.PHASE(A1:A3,B1:B3,,ScaleThresholds[#All])",
    ]);
  });

  test("a SaaS measure with a convention: Inspect judges it with the workbook's edited convention, and the formula passes the conventions' table, in the same syncs", async () => {
    await excelHost.insert({ language: "en", company: "Acme", currency: "USD", firstMonth: "2025-01", months: 24 });
    // The user lowers the quick ratio's convention from 4 to 3 on the Thresholds sheet's third table.
    const thresholds = state.sheets.find((s) => s.name === "Thresholds")!;
    const idCell = [...thresholds.cells].find(([, c]) => c.value === "quick_ratio")![0];
    const row = Number(idCell.replace(/^[A-Z]+/, ""));
    const header = [...thresholds.cells].filter(([ref, c]) => c.value === "Threshold" && Number(ref.replace(/^[A-Z]+/, "")) < row);
    const column = header.at(-1)![0].replace(/\d+$/, "");
    thresholds.cells.set(`${column}${row}`, { value: 3 });
    data([["quick_ratio", 2.8], ["new_mrr", 20_000]]);
    state.syncs = 0;
    const inspection = inspectSelection(await excelHost.readSelection());
    expect(state.syncs).toBe(2);
    // product.md 4: 2.8 is within 10% of the edited 3 (WATCH), 0.2 short; new MRR has no convention.
    expect(inspection.context.map((c) => [c.id, c.judged?.level, c.judged?.threshold])).toEqual([["quick_ratio", "WATCH", 3], ["new_mrr", undefined, undefined]]);
    state.syncs = 0;
    await excelHost.writeFormulasBeside("en");
    expect(state.syncs).toBe(3);
    expect(written(["C1", "C2"])).toEqual(["SCALE.RISK(A1,B1,,ScaleContextThresholds[#All])", undefined]);
  });

  test("names the tables as inserted (ScaleThresholds2 beside a user's ScaleThresholds), though a user's Target_mrr points into the user's table", async () => {
    const budget = { ...newSheet("Budget"), tables: [{ name: "ScaleThresholds", ref: "A1:B2" }] };
    budget.cells.set("A1", { value: "Plan" });
    state.sheets.push(budget);
    state.names.set("target_MRR", { sheet: "Budget", ref: "A2" });
    await excelHost.insert({ language: "es", company: "Acme", currency: "EUR", firstMonth: "2025-01", months: 24 });
    data([["cac", 60], ["cash_burn.cash_runway", 15]]);
    await excelHost.writeFormulasBeside("es");
    expect(written(["C1", "C2"])).toEqual([
      expect.stringMatching(/^SCALE\.BRECHA\(A1,B1,\d,,ScaleThresholds2\[#All\]\)$/),
      // The risk table's own name was free.
      "SCALE.RIESGO(A2,B2,,ScaleRiskThresholds[#All])",
    ]);
  });
});
