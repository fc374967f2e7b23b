/**
 * Import's plan for the Departments and Channels sheets' rows (product.md 11 and 13, docs/import.md),
 * without a host: each value goes to its row's month cell, found through the row's workbook name
 * (`Dept_<key with _>`, `Channel_<slot>_<measure>`: the template's names, product.md 6.6) and the
 * timeline's months; a typed value that differs is listed apart and written only once the user says
 * so; a formula there is not replaced; a tracker without these sheets is told to be rebuilt first.
 */
import { TrackingRead, planImport } from "../../src/officejs/import/plan";
import { parseAddress } from "../../src/core/address";
import type { TableRow } from "../../src/core/importer";

/** Excel's date serials of 2026-01-01, 2026-02-01, 2026-03-01. */
const SERIALS = [46023, 46054, 46082];

type Row = TrackingRead["rows"] extends ReadonlyMap<string, infer R> ? R : never;

/** A row on `sheet` at row `r`, its three month cells from column `first`; `formulas` where a cell holds one. */
function row(sheet: string, first: string, r: number, values: unknown[] = [], formulas: unknown[] = []): Row {
  const last = String.fromCharCode(first.charCodeAt(0) + SERIALS.length - 1);
  const padded = SERIALS.map((_, k) => values[k] ?? "");
  return {
    address: parseAddress(`${sheet}!${first}${r}:${last}${r}`),
    values: padded,
    formulas: padded.map((v, k) => formulas[k] ?? v),
    reference: `=${sheet}!$${first}$${r}:$${last}$${r}`,
  };
}

/** A tracker with the Departments and Channels sheets: their month blocks start in other columns than Tracking's. */
const workbook = (dept: Partial<Record<string, Row>> = {}): TrackingRead => ({
  months: SERIALS,
  rows: new Map(
    Object.entries({
      mrr: row("Tracking", "R", 7),
      "sales.win_rate": row("Departments", "E", 30),
      "operations.error_reduction.value": row("Departments", "E", 44),
      "channel.paid_advertising.spend": row("Channels", "D", 6),
      "channel.paid_advertising.customers": row("Channels", "D", 7),
      ...dept,
    }) as [string, Row][],
  ),
});

const selection = (rows: unknown[][]): TableRow[] => rows.map((cells, r) => ({ line: r + 1, cells: cells as TableRow["cells"] }));

const block = selection([
  ["KPI", "Jan 2026", "Feb 2026"],
  ["MRR", 100_000, null],
  ["Win rate", 0.35, 0.38],
  ["Errores", 120, null],
  ["Paid advertising spend", 5_000, 6_000],
  ["Gasto en publicidad pagada", null, null],
  ["Paid advertising new customers", null, 40],
]);

test("each value to its row's month cell on the Departments or Channels sheet, the rows named as the template names them", () => {
  const plan = planImport(block, workbook());
  expect(plan.errors).toEqual([]);
  expect(plan.cells.map((c) => [c.address, c.row.key, c.monthLabel, c.value, c.replaces])).toEqual([
    ["Tracking!R7", "mrr", "2026-01", 100_000, "empty"],
    ["Departments!E30", "sales.win_rate", "2026-01", 0.35, "empty"],
    ["Departments!F30", "sales.win_rate", "2026-02", 0.38, "empty"],
    ["Departments!E44", "operations.error_reduction.value", "2026-01", 120, "empty"],
    ["Channels!D6", "channel.paid_advertising.spend", "2026-01", 5_000, "empty"],
    ["Channels!E6", "channel.paid_advertising.spend", "2026-02", 6_000, "empty"],
    ["Channels!E7", "channel.paid_advertising.customers", "2026-02", 40, "empty"],
  ]);
  expect(plan.rows.map((r) => r.name)).toEqual([
    "Tracking_mrr",
    "Dept_sales_win_rate",
    "Dept_operations_error_reduction_value",
    "Channel_paid_advertising_spend",
    "Channel_paid_advertising_customers",
  ]);
});

test("a typed value that differs is an overwrite the user confirms; the same value is left alone", () => {
  const plan = planImport(block, workbook({ "sales.win_rate": row("Departments", "E", 30, [0.3, 0.38]) }));
  expect(plan.overwrites.map((c) => [c.address, c.previous, c.value])).toEqual([["Departments!E30", 0.3, 0.35]]);
  expect(plan.unchanged).toBe(1);
});

test("a formula in a Departments or Channels month cell is not replaced: the import is refused, naming the cell", () => {
  const plan = planImport(block, workbook({ "channel.paid_advertising.spend": row("Channels", "D", 6, [4_000], ["=2000*2"]) }));
  expect(plan.cells).toEqual([]);
  expect(plan.errors).toEqual([
    "row 5: Channels!D6 holds a formula, which an import does not replace: clear the cell to import a value there, or leave this value out",
  ]);
});

test("a tracker made before the Departments and Channels sheets: rebuild it first (en, es); its Tracking rows alone import as before", () => {
  const old: TrackingRead = { months: SERIALS, rows: new Map([["mrr", row("Tracking", "R", 7)]]) };
  expect(planImport(block, old).errors).toEqual([
    "row 3: sales.win_rate is typed on the Departments sheet, which this tracker does not have (it was made before that sheet): rebuild it first from the pane's Insert view, which keeps every number you typed, then import again",
    "row 4: operations.error_reduction.value is typed on the Departments sheet, which this tracker does not have (it was made before that sheet): rebuild it first from the pane's Insert view, which keeps every number you typed, then import again",
    "row 5: channel.paid_advertising.spend is typed on the Channels sheet, which this tracker does not have (it was made before that sheet): rebuild it first from the pane's Insert view, which keeps every number you typed, then import again",
    "row 7: channel.paid_advertising.customers is typed on the Channels sheet, which this tracker does not have (it was made before that sheet): rebuild it first from the pane's Insert view, which keeps every number you typed, then import again",
  ]);
  expect(planImport(block, old, "es").errors[0]).toBe(
    "fila 3: sales.win_rate se escribe en la hoja Áreas, que este libro de seguimiento no tiene (se hizo antes que esa hoja): reconstrúyelo primero desde la vista Insertar del panel, que conserva todo lo que escribiste, y vuelve a importar",
  );
  expect(planImport(selection([["KPI", "Jan 2026"], ["MRR", 1]]), old).cells.map((c) => c.address)).toEqual(["Tracking!R7"]);
});

test("into the budget, a Departments or Channels row is refused: the budget holds Tracking's rows only", () => {
  const budget: TrackingRead = { months: SERIALS, rows: new Map([["mrr", row("Budget", "D", 7)]]) };
  const plan = planImport(selection([["KPI", "Jan 2026"], ["MRR", 1], ["Win rate", 0.4]]), budget, "en", {}, "budget");
  expect(plan.cells).toEqual([]);
  expect(plan.errors).toEqual([
    "row 3, column Jan 2026: sales.win_rate is typed on the Departments sheet; the Budget sheet holds the Tracking sheet's rows only: import it with the actuals, or remove it from the budget",
  ]);
});
