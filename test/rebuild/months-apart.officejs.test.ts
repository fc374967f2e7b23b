/**
 * A rebuild after months were inserted on Tracking, on the fake Excel host (product.md 11: nothing
 * of the user's misplaced silently, a message says what to do; 12: the Budget sheet has Tracking's
 * month columns; 6.2: months are added by inserting columns and refresh follows). Before a
 * refresh the Budget, Departments and Channels sheets still have the old months: the rebuild is
 * refused and writes nothing. After the refresh, the rebuild carries the budget typed for a month
 * after the inserted ones into the same month as that month's actual.
 */
import { NAMES, budgetMonthColumn, cellPosition, columnLetter, trackingRow } from "../../src/core/template";
import { DEPARTMENTS_SHEET } from "../../src/core/template/departments-layout";
import { monthsApartRefusal } from "../../src/core/rebuild";
import { rebuildTracker } from "../../src/officejs/operations";
import { refreshRiskFlags } from "../../src/officejs/refresh";
import { fakeContext, insertColumn, insertRow } from "../support/excel-fake";
import { enter, insert, month, options, sheet, snapshot, state, type } from "../support/fake-workbook";

/** Month t's cell of a Budget row, as inserted. */
const budgetCell = (key: string, t: number) => `${columnLetter(budgetMonthColumn(t))}${trackingRow(key)}`;

/** Where in a name's row (0-based) the workbook now holds `value`. */
function positionIn(name: string, value: number): number {
  const n = state.names.get(name)!;
  const [a, b] = n.ref.replace(/\$/g, "").split(":").map(cellPosition);
  const s = sheet(n.sheet);
  for (let col = a.col; col <= b.col; col++) if (s.cells.get(`${columnLetter(col)}${a.row}`)?.value === value) return col - a.col;
  return -1;
}

test("two months inserted on Tracking: refused before a refresh, nothing written; after the refresh, April's budget is carried into April's column beside April's actual", async () => {
  await insert();
  // April 2026 (month 4): the actual and the budget, typed in the same month column.
  type("mrr", 4, 131_000);
  enter("Budget", budgetCell("mrr", 4), 125_000);
  insertColumn(state, "Tracking", month(3));
  insertColumn(state, "Tracking", month(3));
  const before = state.sheets.map(snapshot);
  const names = JSON.stringify([...state.names]);

  const refused = await rebuildTracker(fakeContext(state), { ...options, months: 26 });
  expect(refused.kind).toBe("monthsApart");
  if (refused.kind !== "monthsApart") return;
  expect(refused.apart).toEqual({
    tracking: 26,
    sheets: [
      { sheet: "budget", months: 24 },
      { sheet: "departments", months: 24 },
      { sheet: "channels", months: 24 },
    ],
  });
  expect(monthsApartRefusal(refused.apart, "en", false)).toContain(
    "Tracking has 26 months and the Budget sheet 24, the Departments sheet 24, the Channels sheet 24: months were inserted on Tracking since the last refresh",
  );
  expect(state.sheets.map(snapshot)).toEqual(before);
  expect(JSON.stringify([...state.names])).toBe(names);

  await refreshRiskFlags(fakeContext(state));
  const rebuilt = await rebuildTracker(fakeContext(state), { ...options, months: 26 });
  expect(rebuilt.kind).toBe("done");
  // The actual and the budget of the same month stay in the same month: both moved two columns on.
  expect([positionIn(NAMES.tracking("mrr"), 131_000), positionIn(NAMES.budget("mrr"), 125_000)]).toEqual([5, 5]);
});

test("a row inserted among the Departments sheet's month rows: refused, nothing written, since the numbers typed over its computed cells are found row by row", async () => {
  await insert();
  const { first, last } = DEPARTMENTS_SHEET.monthBlock;
  insertRow(state, "Departments", first + 5);
  const before = state.sheets.map(snapshot);
  const refused = await rebuildTracker(fakeContext(state), options);
  expect(refused.kind).toBe("monthsApart");
  if (refused.kind !== "monthsApart") return;
  expect(refused.apart.sheets).toEqual([]);
  expect(refused.apart.rowsMoved).toEqual([{ sheet: "departments", rows: last - first + 2 }]);
  expect(monthsApartRefusal(refused.apart, "en", false)).toContain("Rows were inserted or deleted among the month rows of the Departments sheet");
  expect(monthsApartRefusal(refused.apart, "es", true)).toContain("Se insertaron o eliminaron filas entre las filas de meses de la hoja Áreas");
  expect(state.sheets.map(snapshot)).toEqual(before);
});
