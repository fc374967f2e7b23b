/**
 * Months inserted as columns inside the month block get their formulas from the months beside them
 * (months-plan.ts): read the new months and the months around them, then copy formulas
 * only (Range.copyFrom with RangeCopyType.formulas, ExcelApi 1.9: references move as in a paste)
 * into the new months' empty computed cells and the following month's as-of rows. One sync to
 * read, and the copies join refresh's write.
 */
import { addMonths, yearMonthOf } from "../../core/months";
import { TIMELINE_ROWS } from "../../core/timeline";
import { SheetKey, parseAddress } from "../../core/template";
import { Address } from "../../core/template/formulas";
import { toWorkbookError } from "../errors";
import {
  FormulaCopy,
  MonthColumnRead,
  TemplateRows,
  insertedMonths,
  planInsertedMonths,
  sourceMonths,
  templateRows,
  workingRowsBelowLastGroup,
} from "./months-plan";
import { Reads, SheetRead, present } from "./read";

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

export interface PendingMonths {
  readonly block: MonthBlock;
  readonly inserted: readonly number[];
  readonly columns: ReadonlyMap<number, Excel.Range>;
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
  return { block, inserted, columns };
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

/** Months inserted as columns: their cells and their neighbours' read in a sync of their own; undefined when there are none. */
export async function readInsertedMonths(
  context: Excel.RequestContext,
  reads: Reads,
  sheets: ReadonlyMap<SheetKey, SheetRead>,
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
  try {
    await context.sync();
  } catch (e) {
    throw toWorkbookError(e);
  }
  return pending;
}
