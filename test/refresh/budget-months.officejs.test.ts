/**
 * Months inserted on Tracking reach the Budget sheet (product.md 12: the budget has "the same month
 * columns" as Tracking; 6.2: a user adds months by inserting columns inside the month block and
 * refresh follows; 11: never overwrite a user's data). The fake host moves cells, names and the
 * formulas that refer to them on an insert as Excel does; HyperFormula then computes the fake's
 * cells, so the dashboard's variance is read as the workbook computes it.
 */
import { BUDGET, DASHBOARD, NAMES, WorkbookSpec, budgetMonthColumn, columnLetter, describeWorkbook, trackingRow } from "../../src/core/template";
import { refreshRiskFlags } from "../../src/officejs/refresh";
import { fakeContext, insertColumn } from "../support/excel-fake";
import { loadWorkbook } from "../support/hf-workbook";
import { enter, insert, month, options, sheet, state, type } from "../support/fake-workbook";

const budgetCell = (key: string, t: number) => `${columnLetter(budgetMonthColumn(t))}${trackingRow(key)}`;

/** The fake's workbook as a description HyperFormula can load: every cell, every range name. */
function fakeAsSpec(): WorkbookSpec {
  return {
    sheets: state.sheets.map((s) => ({ key: s.name, name: s.name, cells: [...s.cells].map(([ref, c]) => ({ ref, formula: c.formula, value: c.value })) })),
    names: [...state.names].filter(([, n]) => n.formula === undefined).map(([name, n]) => ({ name, sheet: n.sheet, ref: n.ref.replace(/\$?([A-Z]+)\$?(\d+)/g, "$$$1$$$2") })),
    tables: [],
    rules: [],
    validations: [],
    charts: [],
  } as unknown as WorkbookSpec;
}

const BUDGET_MRR = [100_000, 110_000, 120_000];
const ACTUAL_MRR = [105_000, 115_000, 130_000];

/** A tracker with MRR typed in months 1-3 on both sheets, and a month column inserted on Tracking after month 2. */
async function budgetAndInsertedMonth() {
  await insert();
  BUDGET_MRR.forEach((v, k) => enter("Budget", budgetCell("mrr", k + 1), v));
  ACTUAL_MRR.forEach((v, k) => type("mrr", k + 1, v));
  insertColumn(state, "Tracking", month(3));
}

test("a month inserted on Tracking: refresh inserts a Budget column at the same place, the names widen, typed budgets keep their months, the variance compares like for like", async () => {
  await budgetAndInsertedMonth();
  const budget = sheet("Budget");
  // Where each typed budget sits now, under which header (the header formulas moved with Tracking's months).
  const headerOf = (ref: string) => budget.cells.get(`${ref.replace(/\d+$/, "")}${BUDGET.headerRow}`)?.formula;
  const typedBefore = BUDGET_MRR.map((v) => [...budget.cells].find(([, c]) => c.value === v)![0]).map(headerOf);
  const result = await refreshRiskFlags(fakeContext(state));
  expect([result.monthsCompleted, result.syncs, state.syncs]).toEqual([["2026-03"], 4, 4]);
  // One more month on the Budget sheet, at the new month's position: Budget_mrr spans 25 months.
  const row = trackingRow("mrr");
  const longer = describeWorkbook({ ...options, months: options.months + 1 });
  const longerRef = longer.names.find((n) => n.name === NAMES.budget("mrr"))!.ref;
  expect(state.names.get(NAMES.budget("mrr"))!.ref).toBe(longerRef.replace(/\$/g, ""));
  expect(longer.names.find((n) => n.name === NAMES.budget("mrr"))!.ref).toBe(`$D$${row}:$${columnLetter(budgetMonthColumn(25))}$${row}`);
  // The typed budgets under the same headers as before refresh, in months 1, 2 and 4 (the old March moved on with its month).
  const typedAfter = BUDGET_MRR.map((v) => [...budget.cells].find(([, c]) => c.value === v)![0]);
  expect(typedAfter).toEqual([budgetCell("mrr", 1), budgetCell("mrr", 2), budgetCell("mrr", 4)]);
  expect(typedAfter.map(headerOf)).toEqual(typedBefore);
  // The new month's header and derived rows: the description's month 3 of the longer timeline.
  const described = longer.sheets.find((s) => s.key === "budget")!.cells.filter((c) => new RegExp(`^${columnLetter(budgetMonthColumn(3))}\\d+$`).test(c.ref) && c.formula !== undefined);
  expect(described.length).toBeGreaterThan(10);
  for (const c of described) expect([c.ref, budget.cells.get(c.ref)?.formula]).toEqual([c.ref, c.formula]);
  expect(budget.cells.get(budgetCell("mrr", 3))?.value).toBeUndefined();
  // As the workbook computes it: the reporting month is month 4 (April, the old March's actual),
  // compared with the budget typed for that month: 130,000 - 120,000.
  const hf = loadWorkbook(fakeAsSpec());
  const varianceRow = Number(state.names.get(NAMES.variance("mrr"))!.ref.replace(/\D+/g, ""));
  const dashboard = state.names.get(NAMES.variance("mrr"))!.sheet;
  const at = (col: number) => hf.value(dashboard, `${columnLetter(col)}${varianceRow}`);
  const V = DASHBOARD.varianceColumns;
  expect([at(V.actual), at(V.budget), hf.named(NAMES.variance("mrr"))]).toEqual([130_000, 120_000, 10_000]);
  expect(hf.namedRange(NAMES.budget("mrr"))[0].slice(0, 4)).toEqual([100_000, 110_000, null, 120_000]);
  // Budget's headers are Tracking's months, one by one.
  expect(hf.namedRange(NAMES.budget("mrr"))[0]).toHaveLength(25);
  expect(Array.from({ length: 25 }, (_, k) => hf.value("Budget", `${columnLetter(budgetMonthColumn(k + 1))}${BUDGET.headerRow}`))).toEqual(hf.namedRange(NAMES.months)[0]);
  // Complete now: the next refresh inserts nothing more.
  const again = await refreshRiskFlags(fakeContext(state));
  expect(again.syncs).toBe(3);
  expect(state.names.get(NAMES.budget("mrr"))!.ref).toBe(longerRef.replace(/\$/g, ""));
});

test("a Budget sheet whose months no longer start where the template put them (a column of the user's before them): the column goes in, with no formula built for other positions", async () => {
  await insert();
  BUDGET_MRR.forEach((v, k) => enter("Budget", budgetCell("mrr", k + 1), v));
  insertColumn(state, "Budget", "B");
  insertColumn(state, "Tracking", month(3));
  const budget = sheet("Budget");
  const result = await refreshRiskFlags(fakeContext(state));
  expect(result.syncs).toBe(4);
  // Months start one column right of the template's now: the inserted month is budget month 3's column plus one.
  const inserted = columnLetter(budgetMonthColumn(3) + 1);
  expect(state.names.get(NAMES.budget("mrr"))!.ref).toBe(`E${trackingRow("mrr")}:${columnLetter(budgetMonthColumn(25) + 1)}${trackingRow("mrr")}`);
  expect([...budget.cells].filter(([ref, c]) => new RegExp(`^${inserted}\\d+$`).test(ref) && (c.formula !== undefined || c.value !== undefined))).toEqual([]);
  // The typed budgets kept their months: 1, 2, then 4 past the new column.
  expect(BUDGET_MRR.map((v) => [...budget.cells].find(([, c]) => c.value === v)![0])).toEqual(
    [1, 2, 4].map((t) => `${columnLetter(budgetMonthColumn(t) + 1)}${trackingRow("mrr")}`),
  );
});

test.each([false, true])("a tracker without a Budget sheet: the inserted month gets its formulas, nothing else (a host strict about null objects: %s)", async (strict) => {
  await insert();
  state.strictNullObjects = strict;
  // A tracker from before the budget has none of the sheets that came after it either.
  const later = ["Budget", "Departments", "Channels", "Tools"];
  state.sheets = state.sheets.filter((s) => !later.includes(s.name));
  for (const [name, n] of [...state.names]) if (later.includes(n.sheet)) state.names.delete(name);
  insertColumn(state, "Tracking", month(3));
  const result = await refreshRiskFlags(fakeContext(state));
  // A strict host refuses the one-sync read through a missing name (as for any tracker from before the budget,
  // whose Variance_ names are missing too): the names are listed first, two syncs more.
  expect([result.monthsCompleted, result.syncs]).toEqual([["2026-03"], strict ? 6 : 4]);
  expect(state.log.filter((op) => op === "range.insert")).toEqual([]);
});

test("a protected Budget sheet: refused before anything is written, as a protected Tracking sheet is", async () => {
  await budgetAndInsertedMonth();
  sheet("Budget").protected = true;
  const before = JSON.stringify(state.sheets.map((s) => [s.name, [...s.cells], s.rules]));
  await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "protected", detail: "The sheet Budget is protected." });
  expect(JSON.stringify(state.sheets.map((s) => [s.name, [...s.cells], s.rules]))).toBe(before);
});

test("Excel stops at the Budget insert (product.md 10, nothing lost): the month stays new, and the next refresh gives the budget its column once", async () => {
  await budgetAndInsertedMonth();
  state.failWhen = (op) => op === "range.insert";
  await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "refreshIncomplete" });
  state.failWhen = undefined;
  const result = await refreshRiskFlags(fakeContext(state));
  expect(result.monthsCompleted).toEqual(["2026-03"]);
  expect(state.names.get(NAMES.budget("mrr"))!.ref).toBe(`D${trackingRow("mrr")}:${columnLetter(budgetMonthColumn(25))}${trackingRow("mrr")}`);
  expect(BUDGET_MRR.map((v) => [...sheet("Budget").cells].find(([, c]) => c.value === v)![0])).toEqual([budgetCell("mrr", 1), budgetCell("mrr", 2), budgetCell("mrr", 4)]);
});
