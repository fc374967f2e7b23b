/** Months inserted as columns, planned without a host: which months are new, where their formulas come from, what stays. */
import { SOURCES_PER_SIDE, insertedMonths, planInsertedMonths, sourceMonths } from "../../src/excel/inserted-months-plan";

test("a month is new when its header, past the first, holds no formula (empty, or a date the user typed)", () => {
  expect(insertedMonths([46023, "=DATE(1)", "", "=DATE(2)", 46115, "=DATE(3)"])).toEqual([2, 4]);
  // The first header is the date the others count from: never new.
  expect(insertedMonths([46023, "=DATE(1)"])).toEqual([]);
  expect(insertedMonths(["", "=DATE(1)"])).toEqual([]);
});

test("the months read for their formulas: up to three on each side of each new one, new ones skipped, within the block", () => {
  expect(SOURCES_PER_SIDE).toBe(3);
  expect(sourceMonths([5], 36)).toEqual([2, 3, 4, 6, 7, 8]);
  expect(sourceMonths([1], 36)).toEqual([0, 2, 3, 4]);
  expect(sourceMonths([34, 35], 37)).toEqual([31, 32, 33, 36]);
  expect(sourceMonths([5, 6], 12)).toEqual([2, 3, 4, 7, 8, 9]);
});

test("each empty cell takes the nearest month's formula, the later month first; typed cells and input rows stay", () => {
  // Rows: header, an input row, a computed row typed over in the next month, a computed row the user typed in the new month.
  const next = { offset: 6, formulas: ["=DATE(b)", 120, 7, "=SUM(b)"] };
  const before = { offset: 4, formulas: ["=DATE(a)", 100, "=X(a)", "=SUM(a)"] };
  const further = { offset: 7, formulas: ["=DATE(c)", 130, "=X(c)", "=SUM(c)"] };
  const inserted = { offset: 5, formulas: ["", 110, "", 99] };
  expect(planInsertedMonths([inserted], [before, next, further])).toEqual([
    { target: 5, source: 6, from: 0, to: 0 },
    // Month 6's cell is typed over: month 4 is as near as month 7, and computes it.
    { target: 5, source: 4, from: 2, to: 2 },
  ]);
});

test("consecutive rows from one month are one copy; nothing to copy when every cell is typed", () => {
  const source = { offset: 3, formulas: ["=A", "=B", "=C", 5, "=D"] };
  expect(planInsertedMonths([{ offset: 2, formulas: ["", "", "", "", ""] }], [source])).toEqual([
    { target: 2, source: 3, from: 0, to: 2 },
    { target: 2, source: 3, from: 4, to: 4 },
  ]);
  expect(planInsertedMonths([{ offset: 2, formulas: [1, 2, 3, 4, 5] }], [source])).toEqual([]);
});

test("two new months side by side both take the months beside them, never each other", () => {
  const sources = [
    { offset: 3, formulas: ["=L"] },
    { offset: 6, formulas: ["=R"] },
  ];
  expect(
    planInsertedMonths(
      [
        { offset: 4, formulas: [""] },
        { offset: 5, formulas: [""] },
      ],
      sources,
    ),
  ).toEqual([
    { target: 4, source: 3, from: 0, to: 0 },
    { target: 5, source: 6, from: 0, to: 0 },
  ]);
});
