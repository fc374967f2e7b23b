/**
 * Import's plan without a host (product.md 7, 11 and 12): the same read of the selection planned
 * onto the Tracking sheet's rows or onto the budget's, each value to its row's month cell on that
 * sheet, a typed value listed apart and written only once the user says so.
 */
import { TrackingRead, emptyPlan, planImport } from "../../src/officejs/import/plan";
import { parseAddress } from "../../src/core/address";
import type { TableRow } from "../../src/core/importer";

/** Excel's date serial of the first of a month: 2026-01-01 is 46023. */
const SERIALS = [46023, 46054, 46082];

/** Two rows of a sheet laid out as the template lays out Tracking and Budget: mrr on row 7, churn on row 12, months from column `first`. */
function sheet(name: string, first: string, cells: { mrr?: unknown[]; churn?: unknown[] } = {}): TrackingRead {
  const row = (r: number, values: unknown[] = []) => {
    const last = String.fromCharCode(first.charCodeAt(0) + SERIALS.length - 1);
    const padded = SERIALS.map((_, k) => values[k] ?? "");
    return {
      address: parseAddress(`${name}!${first}${r}:${last}${r}`),
      values: padded,
      formulas: padded,
      reference: `=${name}!$${first}$${r}:$${last}$${r}`,
    };
  };
  return {
    months: SERIALS,
    rows: new Map([
      ["mrr", row(7, cells.mrr)],
      ["churn", row(12, cells.churn)],
    ]),
  };
}

const selection = (rows: unknown[][]): TableRow[] => rows.map((cells, r) => ({ line: r + 1, cells: cells as TableRow["cells"] }));

const block = selection([
  ["KPI", "Jan 2026", "Feb 2026"],
  ["MRR", 100_000, 110_000],
  ["Churn", 0.03, null],
]);

test("into the budget: each value goes to its Budget_<id> row's month cell on the Budget sheet, named in the plan", () => {
  const plan = planImport(block, sheet("Budget", "D"), "en", {}, "budget");
  expect(plan.target).toBe("budget");
  expect(plan.errors).toEqual([]);
  // product.md 12: the Budget sheet has the timeline's months; January is its first month column (D here).
  expect(plan.cells.map((c) => [c.address, c.row.key, c.monthLabel, c.value])).toEqual([
    ["Budget!D7", "mrr", "2026-01", 100_000],
    ["Budget!E7", "mrr", "2026-02", 110_000],
    ["Budget!D12", "churn", "2026-01", 0.03],
  ]);
  expect(plan.rows.map((r) => r.name)).toEqual(["Budget_mrr", "Budget_churn"]);
});

test("into Tracking, the same block goes to the Tracking_<id> rows (the default)", () => {
  const plan = planImport(block, sheet("Tracking", "R"));
  expect(plan.target).toBe("tracking");
  expect(plan.cells.map((c) => c.address)).toEqual(["Tracking!R7", "Tracking!S7", "Tracking!R12"]);
  expect(plan.rows.map((r) => r.name)).toEqual(["Tracking_mrr", "Tracking_churn"]);
});

test("a budget figure typed before is not replaced without the user's say (product.md 11): listed apart, with what it holds; the same figure is left alone", () => {
  const plan = planImport(block, sheet("Budget", "D", { mrr: [90_000, 110_000] }), "en", {}, "budget");
  expect(plan.overwrites.map((c) => [c.address, c.previous, c.value])).toEqual([["Budget!D7", 90_000, 100_000]]);
  expect(plan.unchanged).toBe(1);
  // The write checks these rows' names still point where the preview read them.
  expect(plan.rows.map((r) => r.name)).toEqual(["Budget_mrr", "Budget_churn"]);
  expect(plan.cells.map((c) => [c.address, c.replaces])).toEqual([
    ["Budget!D7", "typed"],
    ["Budget!D12", "empty"],
  ]);
});

test("a budget row whose name is gone is refused naming the Budget sheet and the Budget_ name, in the pane's language; nothing is written", () => {
  const read = sheet("Budget", "D");
  const rows = new Map(read.rows);
  rows.delete("churn");
  const plan = planImport(block, { ...read, rows }, "en", {}, "budget");
  expect(plan.cells).toEqual([]);
  expect(plan.errors).toEqual([
    "row 3: the Budget sheet has no row for churn any more (its name Budget_churn is gone); insert the tracking workbook again",
  ]);
  expect(planImport(block, { ...read, rows }, "es", {}, "budget").errors).toEqual([
    "fila 3: la hoja Presupuesto ya no tiene una fila para churn (su nombre Budget_churn ha desaparecido); vuelve a insertar el libro de seguimiento",
  ]);
  expect(emptyPlan([], "budget").target).toBe("budget");
});
