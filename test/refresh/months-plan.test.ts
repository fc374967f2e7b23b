/** Months inserted as columns, planned without a host: which months are new, where their formulas come from, what stays. */
import { PHASE_ROWS, TRACKING } from "../../src/core/template";
import { SOURCES_PER_SIDE, insertedMonths, monthsAfterNew, planBudgetMonths, planInsertedMonths, sourceMonths, templateRows } from "../../src/officejs/refresh/months-plan";

test("a month is new when its header, past the first, is empty; a typed date or a formula is not new", () => {
  expect(insertedMonths([46023, "=DATE(1)", "", "=DATE(2)", 46115, null])).toEqual([2, 5]);
  // The first header is the date the others count from: never new.
  expect(insertedMonths(["", "=DATE(1)"])).toEqual([]);
});

test("the months whose formulas are copied: three on each side, never the first month, a new one or the one right after new ones", () => {
  expect(SOURCES_PER_SIDE).toBe(3);
  expect(monthsAfterNew([5], 36)).toEqual([6]);
  expect(sourceMonths([5], 36)).toEqual([2, 3, 4, 7, 8, 9]);
  expect(sourceMonths([1], 36)).toEqual([3, 4, 5]);
  expect(monthsAfterNew([34, 35], 37)).toEqual([36]);
  expect(sourceMonths([34, 35], 37)).toEqual([31, 32, 33]);
  expect(sourceMonths([5, 6], 12)).toEqual([2, 3, 4, 8, 9, 10]);
});

test("the template's rows follow rows the user inserted: found from the names' rows", () => {
  const lastGroup = Math.max(...TRACKING.groups.values());
  const at = { headerRow: TRACKING.headerRow, derivedRows: [7, 8], targetPhaseRow: TRACKING.phase.get("targetPhase")!, lastGroupRow: lastGroup };
  const rows = templateRows(at);
  const first = TRACKING.phase.get(PHASE_ROWS[0])! - TRACKING.headerRow;
  expect(rows.computed.slice(0, 4)).toEqual([0, 7 - TRACKING.headerRow, 8 - TRACKING.headerRow, first]);
  expect(rows.computed[rows.computed.length - 1]).toBe(TRACKING.lastRow - TRACKING.headerRow);
  expect(rows.chains).toContain(TRACKING.asOf.get("mrr")! - TRACKING.headerRow);
  expect(rows.chains).toHaveLength(2 * TRACKING.asOf.size);
  // Two rows inserted inside a section above the phase rows: everything below moves down by two.
  const moved = templateRows({ ...at, targetPhaseRow: at.targetPhaseRow + 2, lastGroupRow: lastGroup + 2 });
  expect(moved.chains).toEqual(rows.chains.map((r) => r + 2));
});

test("a new month's empty computed cells take the nearest month's formula, the later first; typed cells, input rows and the user's own rows stay", () => {
  // Rows: 0 header, 1 an input row holding the user's own link, 2 a computed row typed over in month 7, 3 a computed row the user typed in the new month.
  const rows = { computed: [0, 2, 3], chains: [] };
  const before = { offset: 4, formulas: ["=DATE(a)", "=PnL!D12", "=X(a)", "=SUM(a)"] };
  const later = { offset: 7, formulas: ["=DATE(c)", "=PnL!G12", 7, "=SUM(c)"] };
  const inserted = { offset: 5, formulas: ["", "", "", 99] };
  // Month 6 comes right after the new one: never a source.
  expect(planInsertedMonths([inserted], [before, later], rows, 12)).toEqual([
    { target: 5, source: 4, from: 0, to: 0 },
    { target: 5, source: 4, from: 2, to: 2 },
  ]);
});

test("the month after a run of new months gets its as-of rows again, overwritten; consecutive rows are one copy", () => {
  const rows = { computed: [0, 1, 2], chains: [5, 6, 7] };
  const source = { offset: 8, formulas: ["=H", "=A", "=B", 3, 4, "=C5", "=C6", "=C7"] };
  const copies = planInsertedMonths(
    [
      { offset: 5, formulas: ["", "", ""] },
      { offset: 6, formulas: ["", "", 12] },
    ],
    [source],
    rows,
    12,
  );
  expect(copies).toEqual([
    { target: 5, source: 8, from: 0, to: 2 },
    { target: 6, source: 8, from: 0, to: 1 },
    { target: 7, source: 8, from: 5, to: 7 },
  ]);
  // New months at the end of the block: no month after them.
  expect(planInsertedMonths([{ offset: 11, formulas: [""] }], [source], rows, 12).map((c) => c.target)).toEqual([11]);
});

test("the Budget sheet follows (product.md 12, the same month columns): as many columns at the same positions, once", () => {
  // Months 3 and 4 and month 10 new on a 26-month Tracking; the Budget still has the 23 months Tracking had.
  expect(planBudgetMonths([2, 3, 9], 26, { months: 23, rowsInPlace: true })).toEqual({
    inserts: [
      { at: 2, count: 2 },
      { at: 9, count: 1 },
    ],
    formulas: [2, 3, 9],
  });
  // Already as long as Tracking (an earlier refresh inserted them), another width, or no Budget sheet: nothing.
  expect(planBudgetMonths([2], 25, { months: 25, rowsInPlace: true })).toEqual({ inserts: [], formulas: [] });
  expect(planBudgetMonths([2], 25, { months: 20, rowsInPlace: true })).toEqual({ inserts: [], formulas: [] });
  expect(planBudgetMonths([2], 25, undefined)).toEqual({ inserts: [], formulas: [] });
  // Rows moved on the Budget sheet: the columns still go in (the months stay aligned), but no formula is written on a guessed row.
  expect(planBudgetMonths([2], 25, { months: 24, rowsInPlace: false })).toEqual({ inserts: [{ at: 2, count: 1 }], formulas: [] });
});
