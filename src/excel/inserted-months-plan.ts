/**
 * Months inserted as columns inside the month block (product.md 6.2), planned without a host.
 * Excel leaves an inserted column empty; every month's formula is its neighbour's moved by one
 * column (core/template/formulas.ts), so the new month gets, in each empty cell, the formula of the
 * nearest month that computes that row, through Excel's own copy of formulas (Range.copyFrom,
 * formulas only), which moves the references as a paste does. Cells the user typed stay.
 */
import { TRACKING } from "../core/template";
import { rowRuns } from "../core/template/rules";

/** Months on either side of a new one whose formulas are read: a row none of them computes is taken as an input row. */
export const SOURCES_PER_SIDE = 3;

/** One month column as read, from the month header down to the last working row. */
export interface MonthColumnRead {
  /** 0-based position in the month block. */
  readonly offset: number;
  /** As Excel gives them: "=..." for a formula, else the value ("" for an empty cell). */
  readonly formulas: readonly unknown[];
}

/** Copy the formulas of `source`'s rows `from`..`to` (0-based from the header row) into the same rows of `target`. */
export interface FormulaCopy {
  readonly target: number;
  readonly source: number;
  readonly from: number;
  readonly to: number;
}

const isFormula = (v: unknown) => typeof v === "string" && v.startsWith("=");
const isEmpty = (v: unknown) => v === "" || v === null || v === undefined;

/** The month block's rows below the header: to the last working row, found from the last risk group row. */
export const workingRowsBelowLastGroup =
  TRACKING.lastRow - Math.max(...TRACKING.groups.values());

/**
 * The new months: past the first (whose header is the date the others count from), a header
 * without a formula. A header the user typed over counts too: its other cells may still be empty.
 */
export function insertedMonths(headerFormulas: readonly unknown[]): number[] {
  return headerFormulas.flatMap((f, k) => (k > 0 && !isFormula(f) ? [k] : []));
}

/** The months whose formulas the new ones take: up to SOURCES_PER_SIDE on each side of each, new ones skipped. */
export function sourceMonths(
  inserted: readonly number[],
  months: number,
): number[] {
  const sources = new Set<number>();
  for (const k of inserted)
    for (const step of [1, -1]) {
      let found = 0;
      for (
        let j = k + step;
        j >= 0 && j < months && found < SOURCES_PER_SIDE;
        j += step
      )
        if (!inserted.includes(j)) {
          sources.add(j);
          found++;
        }
    }
  return [...sources].sort((a, b) => a - b);
}

/** Per new month, runs of its empty cells and the nearest month (the later one first) whose formulas they take. */
export function planInsertedMonths(
  inserted: readonly MonthColumnRead[],
  sources: readonly MonthColumnRead[],
): FormulaCopy[] {
  const copies: FormulaCopy[] = [];
  for (const month of inserted) {
    const nearest = [...sources].sort(
      (a, b) =>
        Math.abs(a.offset - month.offset) - Math.abs(b.offset - month.offset) ||
        b.offset - a.offset,
    );
    const rowsBySource = new Map<number, number[]>();
    month.formulas.forEach((v, row) => {
      if (!isEmpty(v)) return;
      const source = nearest.find((s) => isFormula(s.formulas[row]));
      if (!source) return;
      rowsBySource.set(source.offset, [
        ...(rowsBySource.get(source.offset) ?? []),
        row,
      ]);
    });
    for (const [source, rows] of rowsBySource)
      for (const [from, to] of rowRuns(rows))
        copies.push({ target: month.offset, source, from, to });
  }
  return copies.sort((a, b) => a.target - b.target || a.from - b.from);
}
