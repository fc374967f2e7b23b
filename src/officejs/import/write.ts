/**
 * An import's write, once the user confirmed its preview: one sync checks the sheet imported into
 * (Tracking, or the budget) still holds what the preview read (else ImportChangedError, and nothing is written), one writes the
 * values and remembers the mapping; a write Excel stopped part-way says which cells it wrote
 * (docs/nothing-lost.md).
 */
import {
  ChangedCell,
  ImportChangedError,
  ImportIncompleteError,
  WorkbookError,
  toWorkbookError,
} from "../errors";
import type { Cell } from "../../core/cell";
import { referencesOf } from "../names";
import { ImportPlan, Run, runs } from "./plan";
import { IMPORT_MAPPING_SETTING } from "./read";

/** A run's range on its sheet. */
const rangeOf = (context: Excel.RequestContext, run: Run): Excel.Range =>
  context.workbook.worksheets.getItem(run.sheet).getRange(run.ref);

export interface ImportWritten {
  readonly written: number;
  /** Typed values left as they were (the user did not confirm replacing them). */
  readonly keptTyped: number;
  readonly syncs: number;
}

/** The rows (Tracking's or the budget's) whose names point elsewhere than at the preview (a row or column inserted or deleted, the sheet renamed or deleted). */
function movedRows(
  plan: ImportPlan,
  names: Excel.NamedItemCollection,
): string[] {
  const reference = referencesOf(names);
  return plan.rows
    .filter((r) => reference(r.name) !== r.reference)
    .map((r) => r.name);
}

/**
 * Refuses, before anything is written, an import whose target cells no longer hold what the
 * preview read (a value typed, a formula entered or cleared since) or whose rows moved: one sync
 * reads the cells again, with the names. Where that read fails (a host refusing a sheet that is
 * gone), one more sync reads the names alone to tell a moved sheet from Excel's own failure.
 */
async function refuseChanged(
  context: Excel.RequestContext,
  plan: ImportPlan,
  writes: readonly Run[],
): Promise<void> {
  const names = context.workbook.names.load("items/name,items/formula");
  const reads = writes.map((run) => ({
    run,
    range: rangeOf(context, run).load("formulas"),
  }));
  try {
    await context.sync();
  } catch (e) {
    const error = toWorkbookError(e);
    const again = context.workbook.names.load("items/name,items/formula");
    await context.sync().catch(() => {
      throw error;
    });
    const moved = movedRows(plan, again);
    throw moved.length ? new ImportChangedError([], moved, plan.target) : error;
  }
  const moved = movedRows(plan, names);
  const changed: ChangedCell[] = reads.flatMap(({ run, range }) =>
    range.isNullObject
      ? []
      : run.cells.flatMap((cell, i) => {
          const now = (range.formulas[0]?.[i] ?? "") as NonNullable<Cell>;
          return now === cell.seen ? [] : [{ cell, now }];
        }),
  );
  if (changed.length || moved.length)
    throw new ImportChangedError(changed, moved, plan.target);
}

/**
 * After a write Excel stopped part-way (the operations queued before the failing one stay done:
 * a batch is not a transaction, see OfficeExtension.Error's traceMessages example,
 * https://learn.microsoft.com/javascript/api/office/officeextension.error): reads the cells
 * again and says which were written; the cause alone when none was.
 */
async function partialWrite(
  context: Excel.RequestContext,
  plan: ImportPlan,
  writes: readonly Run[],
  total: number,
  cause: WorkbookError,
): Promise<WorkbookError> {
  try {
    const reads = writes.map((run) => ({
      run,
      range: rangeOf(context, run).load("formulas"),
    }));
    await context.sync();
    const written = reads.flatMap(({ run, range }) =>
      run.cells.filter((c, i) => range.formulas[0]?.[i] === c.value),
    );
    return written.length
      ? new ImportIncompleteError(written, total, cause, true, plan.target)
      : cause;
  } catch {
    return new ImportIncompleteError([], total, cause, false, plan.target);
  }
}

/**
 * Writes the plan's cells (typed values only with `replaceTyped`), and remembers its mapping in the
 * workbook for the next import, in two syncs: one checks that
 * the cells still hold what the preview read (else ImportChangedError, and nothing is written),
 * one writes. Excel has no transaction, so a cell changed between those two syncs is not seen.
 */
export async function writeImport(
  context: Excel.RequestContext,
  plan: ImportPlan,
  replaceTyped: boolean,
): Promise<ImportWritten> {
  if (plan.errors.length)
    throw new Error("An import with refused rows writes nothing.");
  const cells = plan.cells.filter(
    (c) => replaceTyped || c.replaces !== "typed",
  );
  const writes = runs(cells);
  await refuseChanged(context, plan, writes);
  for (const run of writes)
    rangeOf(context, run).values = [run.cells.map((c) => c.value)];
  if (Object.keys(plan.mapping).length)
    context.workbook.settings.add(
      IMPORT_MAPPING_SETTING,
      JSON.stringify(plan.mapping),
    );
  try {
    await context.sync();
  } catch (e) {
    throw await partialWrite(
      context,
      plan,
      writes,
      cells.length,
      toWorkbookError(e),
    );
  }
  return {
    written: cells.length,
    keptTyped: plan.cells.length - cells.length,
    syncs: 2,
  };
}
