/**
 * Months inserted as columns inside the month block get their formulas from the months beside them
 * (months-plan.ts): read the new months and the months around them, then copy formulas
 * only (Range.copyFrom with RangeCopyType.formulas, ExcelApi 1.9: references move as in a paste)
 * into the new months' empty computed cells and the following month's as-of rows. One sync to
 * read, and the copies join refresh's write.
 */
import { addMonths, yearMonthOf } from "../../core/months";
import { TIMELINE_ROWS } from "../../core/timeline";
import {
  BUDGET,
  SheetKey,
  TRACKING,
  TRACKING_COLUMNS,
  columnLetter,
  parseAddress,
  trackingRow,
} from "../../core/template";
import { budgetMonthFormulas } from "../../core/template/budget";
import { Address } from "../../core/template/formulas";
import { WorkbookError, toWorkbookError } from "../errors";
import {
  BudgetMonthsPlan,
  FormulaCopy,
  MonthColumnRead,
  TemplateRows,
  insertedMonths,
  planBudgetMonths,
  planInsertedMonths,
  sourceMonths,
  templateRows,
  workingRowsBelowLastGroup,
} from "./months-plan";
import { Reads, SheetRead, present } from "./read";
import {
  MONTH_ROW_NAME,
  describedMonthFormulas,
  seedSheetNames,
  startOf,
} from "./seed-sheets";

/** The month block as refresh read it through the names: the month headers, where the template's rows are now. */
export interface MonthBlock {
  readonly sheet: Excel.Worksheet;
  /** Tracking_Months' address and its formulas. */
  readonly months: Address;
  readonly headerFormulas: readonly unknown[];
  /** "YYYY-MM" of the first month header, which the others count from. */
  readonly firstMonth?: string;
  readonly lastGroupRow: number;
  readonly rows: TemplateRows;
}

/** Month t's cells on a sheet that follows Tracking's months, as its builder writes them (budget.ts budgetMonthFormulas). */
export type MonthFormulas = (
  trackingSheet: string,
  t: number,
) => readonly { row: number; formula: string }[];

/**
 * A sheet with Tracking's months (Budget; Departments and Channels, product.md 13) and what it
 * gets for the months inserted on Tracking.
 */
export interface FollowingMonths {
  readonly sheet: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  /** 1-based column of its first month. */
  readonly firstColumn: number;
  /** Tracking's sheet name, which the new headers read. */
  readonly trackingSheet: string;
  readonly plan: BudgetMonthsPlan;
  /** Its new months' cells; none where its builder gives no such function (the columns go in without formulas). */
  readonly formulas?: MonthFormulas;
}

export interface PendingMonths {
  readonly block: MonthBlock;
  readonly inserted: readonly number[];
  readonly columns: ReadonlyMap<number, Excel.Range>;
  /** Budget, then Departments and Channels, where they get columns. */
  readonly following: readonly FollowingMonths[];
}

/** Rows `from`..`to` (0-based from the header row) of month `offset`; the whole column by default. */
const cellsOf = (
  block: MonthBlock,
  offset: number,
  from = 0,
  to = block.lastGroupRow + workingRowsBelowLastGroup - block.months.start.row,
) =>
  block.sheet.getRangeByIndexes(
    block.months.start.row - 1 + from,
    block.months.start.col - 1 + offset,
    to - from + 1,
    1,
  );

/** Queues the read of the new months and their neighbours; undefined (nothing to read) when no month is new. */
export function queueInsertedMonthsRead(
  block: MonthBlock,
): PendingMonths | undefined {
  const inserted = insertedMonths(block.headerFormulas);
  if (inserted.length === 0) return undefined;
  const months = block.headerFormulas.length;
  const offsets = [...inserted, ...sourceMonths(inserted, months)];
  const columns = new Map(
    offsets.map((k) => [k, cellsOf(block, k).load("formulas")]),
  );
  return { block, inserted, columns, following: [] };
}

const read = (pending: PendingMonths, offset: number): MonthColumnRead => ({
  offset,
  formulas: pending.columns.get(offset)!.formulas.map((r) => r[0]),
});

/** After the read's sync: the copies planned, queued; returns them and the "YYYY-MM" of each month given formulas. */
export function queueFormulaCopies(pending: PendingMonths): {
  copies: FormulaCopy[];
  months: string[];
} {
  const { block, inserted } = pending;
  const sources = [...pending.columns.keys()].filter(
    (k) => !inserted.includes(k),
  );
  const copies = planInsertedMonths(
    inserted.map((k) => read(pending, k)),
    sources.map((k) => read(pending, k)),
    block.rows,
    block.headerFormulas.length,
  );
  // The other sheets first: where Excel stops before Tracking's new months get their headers, the
  // next refresh finds them new again; each sheet's width then says whether its columns went in.
  for (const following of pending.following) queueFollowingMonths(following);
  for (const c of copies)
    cellsOf(block, c.target, c.from, c.to).copyFrom(
      cellsOf(block, c.source, c.from, c.to),
      Excel.RangeCopyType.formulas,
      false,
      false,
    );
  const first = block.firstMonth;
  const filled = inserted.filter((k) => copies.some((c) => c.target === k));
  return {
    copies,
    months: filled.map((k) => (first ? addMonths(first, k) : `#${k + 1}`)),
  };
}

/**
 * A following sheet's columns for the months inserted on Tracking: whole columns inserted with
 * Range.insert(InsertShiftDirection.right) (ExcelApi 1.1), which moves every cell to their right,
 * typed values included, and adjusts the formulas and names that refer to them as a user's
 * insert does ("Formulas with cell references automatically adjust after insertion":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-insert,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)).
 * Then each new month's header and computed rows as the description writes them; null elsewhere
 * leaves a cell as it is (Range.formulas).
 */
function queueFollowingMonths(following: FollowingMonths): void {
  const { sheet, firstColumn, plan, formulas } = following;
  const letter = (offset: number) => columnLetter(firstColumn + offset);
  for (const run of plan.inserts)
    sheet
      .getRange(`${letter(run.at)}:${letter(run.at + run.count - 1)}`)
      .insert(Excel.InsertShiftDirection.right);
  if (!formulas) return;
  for (const offset of plan.formulas) {
    const cells = formulas(following.trackingSheet, offset + 1);
    if (cells.length === 0) continue;
    const top = Math.min(...cells.map((c) => c.row));
    const bottom = Math.max(...cells.map((c) => c.row));
    const column: (string | null)[][] = Array.from(
      { length: bottom - top + 1 },
      () => [null],
    );
    for (const c of cells) column[c.row - top] = [`=${c.formula}`];
    sheet.getRange(
      `${letter(offset)}${top}:${letter(offset)}${bottom}`,
    ).formulas = column;
  }
}

/** Where a following sheet's months are as read (one of its month rows by name), and whether its cells are where the template put them. */
interface FollowingBlock {
  readonly row: Excel.Range | undefined;
  readonly firstColumn: number;
  readonly inPlace: boolean;
  readonly formulas?: MonthFormulas;
}

/** What a following sheet gets for the months inserted on Tracking; undefined where it has none or needs nothing. */
function followingMonthsOf(
  block: FollowingBlock,
  inserted: readonly number[],
  trackingMonths: number,
  trackingSheet: string,
): FollowingMonths | undefined {
  const { row } = block;
  if (!present(row)) return undefined;
  const months = parseAddress(row.address);
  const plan = planBudgetMonths(inserted, trackingMonths, {
    months: months.end.col - months.start.col + 1,
    rowsInPlace: block.inPlace && months.start.col === block.firstColumn,
  });
  if (plan.inserts.length === 0) return undefined;
  // Reached only now, through a name that exists: a tracker from before the sheet has none to reach.
  const sheet = row.worksheet.load("name");
  return {
    sheet,
    protection: sheet.protection.load("protected"),
    firstColumn: months.start.col,
    trackingSheet,
    plan,
    formulas: block.formulas,
  };
}

/** The Budget sheet's month block: its first and last timeline rows where the template puts them. */
function budgetBlock(reads: Reads, trackingInPlace: boolean): FollowingBlock {
  const [first, last] = reads.budgetRows;
  // The new months' formulas are the description's, for the template's positions on both sheets:
  // written only where both sheets still have them (else the columns go in without formulas).
  const inPlace =
    trackingInPlace &&
    present(first) &&
    present(last) &&
    parseAddress(first.address).start.row ===
      trackingRow(TIMELINE_ROWS[0].key) &&
    parseAddress(last.address).start.row ===
      trackingRow(TIMELINE_ROWS[TIMELINE_ROWS.length - 1].key);
  return {
    row: present(last) ? first : undefined,
    firstColumn: BUDGET.columns.firstMonth,
    inPlace,
    formulas: budgetMonthFormulas,
  };
}

/**
 * The Departments and Channels sheets' month blocks (product.md 13: "the timeline's months"),
 * through one of their month rows; in place unless the plan leaves them alone. A new month gets
 * the description's cells for it (its header reads Tracking's, its computed rows).
 */
function seedBlocks(
  reads: Reads,
  leftAlone: readonly SheetKey[],
  trackingInPlace: boolean,
  trackingMonths: number,
): FollowingBlock[] {
  return (["departments", "channels"] as const).flatMap((key) => {
    const rowName = MONTH_ROW_NAME[key];
    const described = seedSheetNames()
      .get(key)
      ?.find((n) => n.name === rowName);
    if (!rowName || !described) return [];
    return [
      {
        row: reads.seedSheets.get(key)?.names.get(rowName),
        firstColumn: startOf(described.ref).col,
        inPlace: trackingInPlace && !leftAlone.includes(key),
        formulas: (trackingSheet: string, t: number) =>
          describedMonthFormulas(key, trackingMonths, trackingSheet, t),
      },
    ];
  });
}

/** Months inserted as columns: their cells and their neighbours' read in a sync of their own; undefined when there are none. */
export async function readInsertedMonths(
  context: Excel.RequestContext,
  reads: Reads,
  sheets: ReadonlyMap<SheetKey, SheetRead>,
  leftAlone: readonly SheetKey[] = [],
): Promise<PendingMonths | undefined> {
  const tracking = sheets.get("tracking");
  if (
    !tracking ||
    !present(reads.months) ||
    !present(reads.lastGroup) ||
    !present(reads.targetPhase)
  )
    return undefined;
  const months = parseAddress(reads.months.address);
  const lastGroupRow = parseAddress(reads.lastGroup.address).start.row;
  const rowOfName = (key: string) => {
    const range = reads.rows.get(key);
    return present(range) ? [parseAddress(range.address).start.row] : [];
  };
  const pending = queueInsertedMonthsRead({
    sheet: tracking.sheet,
    months,
    headerFormulas: reads.months.formulas[0],
    firstMonth: yearMonthOf(reads.months.values[0]?.[0]),
    lastGroupRow,
    rows: templateRows({
      headerRow: months.start.row,
      derivedRows: TIMELINE_ROWS.filter((r) => r.derived).flatMap((r) =>
        rowOfName(r.key),
      ),
      targetPhaseRow: parseAddress(reads.targetPhase.address).start.row,
      lastGroupRow,
    }),
  });
  if (!pending) return undefined;
  const trackingInPlace =
    months.start.col === TRACKING_COLUMNS.firstMonth &&
    months.start.row === TRACKING.headerRow;
  const following = [
    budgetBlock(reads, trackingInPlace),
    ...seedBlocks(
      reads,
      leftAlone,
      trackingInPlace,
      months.end.col - months.start.col + 1,
    ),
  ].flatMap((block) => {
    const f = followingMonthsOf(
      block,
      pending.inserted,
      months.end.col - months.start.col + 1,
      tracking.sheet.name,
    );
    return f ? [f] : [];
  });
  try {
    await context.sync();
  } catch (e) {
    throw toWorkbookError(e);
  }
  const locked = following.find((f) => f.protection.protected);
  if (locked)
    throw new WorkbookError(
      "protected",
      `The sheet ${locked.sheet.name} is protected.`,
    );
  return { ...pending, following };
}
