/**
 * Months inserted as columns inside the month block (product.md 6.2), planned without a host.
 * Excel leaves an inserted column empty, and the month after it still carries its as-of values
 * from the month before the insertion (the one chain that reads the month before by address,
 * core/template/formulas.ts). Every month past the first holds its neighbour's formula moved by one
 * column, so refresh copies formulas (Excel's own copy, Range.copyFrom with formulas only, which
 * moves references as a paste does) from the nearest month that is neither new nor right after a
 * new one: into the new month's empty cells of the rows the template computes, and into the
 * following month's as-of rows. Input rows, the user's own rows and cells the user typed stay.
 */
import { PHASE_ROWS, TRACKING } from "../../core/template";
import { rowRuns } from "../../core/template/rules";
import { Cell, isBlank } from "../../core/cell";
import { isFormula } from "../cells";

/** Months on either side of a new one whose formulas are read. */
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

/** Rows of the month block (0-based from the header row): those the template computes, and its as-of chains. */
export interface TemplateRows {
  readonly computed: readonly number[];
  readonly chains: readonly number[];
}

const LAST_GROUP = Math.max(...TRACKING.groups.values());

/** The month block's rows below the header, to the last working row, found from the last risk group row. */
export const workingRowsBelowLastGroup = TRACKING.lastRow - LAST_GROUP;

/**
 * Where the template's rows are now, from rows found through names (rows the user inserted move
 * them): the header, the computed measure rows, the phase rows to the last working row.
 */
export function templateRows(at: {
  readonly headerRow: number;
  readonly derivedRows: readonly number[];
  readonly targetPhaseRow: number;
  readonly lastGroupRow: number;
}): TemplateRows {
  const first = at.targetPhaseRow - PHASE_ROWS.indexOf("targetPhase");
  const last = at.lastGroupRow + workingRowsBelowLastGroup;
  const working = (row: number) =>
    row - LAST_GROUP + at.lastGroupRow - at.headerRow;
  return {
    computed: [
      0,
      ...at.derivedRows.map((r) => r - at.headerRow),
      ...Array.from(
        { length: last - first + 1 },
        (_, k) => first + k - at.headerRow,
      ),
    ],
    chains: [...TRACKING.asOf.values(), ...TRACKING.asOfMonth.values()].map(
      working,
    ),
  };
}

/** The new months: past the first (whose header is the date the others count from), an empty header. */
export function insertedMonths(headerFormulas: readonly unknown[]): number[] {
  return headerFormulas.flatMap((f, k) =>
    k > 0 && isBlank(f as Cell) ? [k] : [],
  );
}

/** The first month after each run of new months: its as-of rows still read the month before the run. */
export function monthsAfterNew(
  inserted: readonly number[],
  months: number,
): number[] {
  return inserted
    .filter((k) => !inserted.includes(k + 1) && k + 1 < months)
    .map((k) => k + 1);
}

/**
 * The months whose formulas are copied: up to SOURCES_PER_SIDE on each side of each new month,
 * never the first month (its formulas have no month before), a new one or one right after new ones.
 */
export function sourceMonths(
  inserted: readonly number[],
  months: number,
): number[] {
  const after = monthsAfterNew(inserted, months);
  const usable = (j: number) =>
    j > 0 && !inserted.includes(j) && !after.includes(j);
  const sources = new Set<number>();
  for (const k of inserted)
    for (const step of [1, -1]) {
      let found = 0;
      for (
        let j = k + step;
        j >= 0 && j < months && found < SOURCES_PER_SIDE;
        j += step
      )
        if (usable(j)) {
          sources.add(j);
          found++;
        }
    }
  return [...sources].sort((a, b) => a - b);
}

/** Per target month and row, the nearest source (the later one first) holding a formula there, as runs of rows. */
function copiesInto(
  target: number,
  rows: readonly number[],
  sources: readonly MonthColumnRead[],
): FormulaCopy[] {
  const nearest = [...sources].sort(
    (a, b) =>
      Math.abs(a.offset - target) - Math.abs(b.offset - target) ||
      b.offset - a.offset,
  );
  const bySource = new Map<number, number[]>();
  for (const row of rows) {
    const source = nearest.find((s) => isFormula(s.formulas[row]));
    if (source)
      bySource.set(source.offset, [
        ...(bySource.get(source.offset) ?? []),
        row,
      ]);
  }
  return [...bySource].flatMap(([source, list]) =>
    rowRuns(list).map(([from, to]) => ({ target, source, from, to })),
  );
}

/**
 * The copies: each new month's empty cells of the computed rows, and the as-of rows of the month
 * after each run of new months (working rows, the template's own formulas).
 */
export function planInsertedMonths(
  inserted: readonly MonthColumnRead[],
  sources: readonly MonthColumnRead[],
  rows: TemplateRows,
  months: number,
): FormulaCopy[] {
  const copies = inserted.flatMap((m) =>
    copiesInto(
      m.offset,
      rows.computed.filter((r) => isBlank(m.formulas[r] as Cell)),
      sources,
    ),
  );
  const after = monthsAfterNew(
    inserted.map((m) => m.offset),
    months,
  );
  for (const k of after) copies.push(...copiesInto(k, rows.chains, sources));
  return copies.sort((a, b) => a.target - b.target || a.from - b.from);
}

/** The Budget sheet's month block as read through its names: how many months, and whether its rows are where the layout puts them. */
export interface BudgetBlock {
  readonly months: number;
  readonly rowsInPlace: boolean;
}

/** Columns to insert on the Budget sheet: `count` months at 0-based month position `at`. */
export interface ColumnRun {
  readonly at: number;
  readonly count: number;
}

export interface BudgetMonthsPlan {
  /** In order: each at its final position, so an earlier insert does not move a later one. */
  readonly inserts: readonly ColumnRun[];
  /** Month positions whose header and derived rows get the description's formulas (budgetMonthFormulas). */
  readonly formulas: readonly number[];
}

/**
 * The Budget sheet follows the months inserted on Tracking (product.md 12: "the same month
 * columns"): where it holds exactly the months Tracking had before them, the same number of
 * columns at the same positions, which widen its names as on Tracking; typed budget values move
 * with their months. Another width (a refresh that already inserted them) inserts nothing. The
 * new months get their formulas only where the sheet's rows are where the layout says.
 */
export function planBudgetMonths(
  inserted: readonly number[],
  trackingMonths: number,
  budget: BudgetBlock | undefined,
): BudgetMonthsPlan {
  if (!budget || budget.months !== trackingMonths - inserted.length)
    return { inserts: [], formulas: [] };
  return {
    inserts: rowRuns(inserted).map(([from, to]) => ({
      at: from,
      count: to - from + 1,
    })),
    formulas: budget.rowsInPlace ? [...inserted].sort((a, b) => a - b) : [],
  };
}
