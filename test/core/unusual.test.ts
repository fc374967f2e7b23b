/** product.md 11, fifth bullet: a typed value at least 10 times, or at most a tenth of, both its nearest typed neighbours. */
import { unusualValues } from "../../src/core/unusual";

const found = (row: unknown[]) => unusualValues(row).map((u) => [u.month, u.size, u.previous.month, u.next.month]);

describe("unusualValues(typed row): the one rule the importer, the command line and refresh share", () => {
  test("10 times both neighbours, or a tenth of both: a CAC in thousands among dollars, a count in thousands", () => {
    expect(found([95, 92_000, 90])).toEqual([[2, "large", 1, 3]]);
    expect(found([1200, 1.3, 1400])).toEqual([[2, "small", 1, 3]]);
    expect(unusualValues([95, 92_000, 90])).toEqual([{ month: 2, value: 92_000, size: "large", previous: { month: 1, value: 95 }, next: { month: 3, value: 90 } }]);
  });

  test("exactly 10 times, or exactly a tenth, counts; just inside does not", () => {
    expect(found([100, 1000, 50])).toEqual([[2, "large", 1, 3]]);
    expect(found([0.03, 0.3, 0.02])).toEqual([[2, "large", 1, 3]]);
    expect(found([100, 999, 50])).toEqual([]);
    expect(found([100, 10, 500])).toEqual([[2, "small", 1, 3]]);
    expect(found([100, 10.01, 500])).toEqual([]);
  });

  test("both neighbours: 10 times one and not the other is a change, not a slip", () => {
    expect(found([10, 100, 1000])).toEqual([]);
    expect(found([95, 92_000, 50_000])).toEqual([]);
  });

  test("the nearest typed neighbours: blanks, text and computed cells (null) between them are skipped", () => {
    expect(found([95, null, "", 92_000, undefined, "n/a", 90])).toEqual([[4, "large", 1, 7]]);
  });

  test("the first and last typed values have one neighbour only: not judged", () => {
    expect(found([92_000, 95, 90])).toEqual([]);
    expect(found([95, 90, 92_000])).toEqual([]);
    expect(found([null, 92_000, null])).toEqual([]);
  });

  test("zero, and a change of sign, say nothing about a unit: not judged", () => {
    expect(found([0.02, 0, 0.03])).toEqual([]);
    expect(found([0, 5, 0])).toEqual([]);
    expect(found([2_000_000, -50_000, 1_800_000])).toEqual([]);
    // Negative amounts of one sign compare by size: a burn of -5,000,000 among -50,000s.
    expect(found([-50_000, -5_000_000, -60_000])).toEqual([[2, "large", 1, 3]]);
  });

  test("several in one row, each judged against its own neighbours", () => {
    expect(found([1, 100, 1, 100, 1])).toEqual([[2, "large", 1, 3], [3, "small", 2, 4], [4, "large", 3, 5]]);
  });
});
