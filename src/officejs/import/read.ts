/**
 * Import from a selection: one sync reads the selected block and the Tracking sheet's rows
 * (through their names), the plan (import-plan.ts, pure) says what goes where, and once the user
 * confirmed, one sync checks the cells still hold what the preview read and one writes them
 * (docs/nothing-lost.md). Typed values are replaced only when the user said so.
 */
import { Language } from "../../core/catalog";
import { TableRow } from "../../core/importer";
import { TIMELINE_ROWS } from "../../core/timeline";
import { NAMES, parseAddress } from "../../core/template";
import {
  CellContent,
  ChangedCell,
  ImportChangedError,
  ImportIncompleteError,
  WorkbookError,
  toWorkbookError,
} from "../errors";
import {
  ImportCell,
  ImportPlan,
  TrackingRead,
  emptyPlan,
  planImport,
} from "./plan";
import { rangeNameTest } from "../names";

export type { ImportCell, ImportPlan } from "./plan";

/**
 * The workbook setting that remembers the user's mapping of unknown labels (JSON, label -> measure
 * id), applied to the next import. Workbook settings are kept in the file, per add-in (ExcelApi 1.4:
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection).
 */
export const IMPORT_MAPPING_SETTING = "scaleTracker.importMapping";

/** A remembered mapping as read; anything but a JSON object of strings is read as none. */
export function mappingFrom(value: unknown): Record<string, string> {
  try {
    const parsed: unknown =
      typeof value === "string" ? JSON.parse(value) : undefined;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
      return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (e): e is [string, string] => typeof e[1] === "string",
      ),
    );
  } catch {
    return {};
  }
}

/** The most cells an import reads from the selection (Excel on the web limits one request). */
export const IMPORT_MAX_CELLS = 10_000;

export interface ImportPreview {
  /** The selection's address, as Excel reports it. */
  readonly source: string;
  readonly plan: ImportPlan;
  readonly syncs: number;
}

/** The reads of one import preview, queued; `done` gives the preview once they are synced. */
function queueImportRead(
  context: Excel.RequestContext,
  language: Language,
  /** Labels the user mapped in the pane, over the ones the workbook remembers. */
  chosen: Readonly<Record<string, string>>,
  /** Names known to exist (listed in an earlier sync): only those are read. Without it, missing names are null objects. */
  exists?: (name: string) => boolean,
): () => ImportPreview {
  const remembered = context.workbook.settings
    .getItemOrNullObject(IMPORT_MAPPING_SETTING)
    .load("value");
  const names = context.workbook.names.load(
    "items/name,items/type,items/formula",
  );
  const rangeOf = (name: string): Excel.Range | undefined =>
    !exists
      ? context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject()
      : exists(name)
        ? context.workbook.names.getItem(name).getRange()
        : undefined;
  const months = rangeOf(NAMES.months)?.load("values");
  const rows = TIMELINE_ROWS.map((r) => ({
    key: r.key,
    range: rangeOf(NAMES.tracking(r.key))?.load("values,formulas,address"),
  }));
  const selected = context.workbook.getSelectedRange().load("address");
  const used = selected
    .getUsedRangeOrNullObject(true)
    .load("values,address,rowCount,columnCount");
  return () => {
    if (!rangeNameTest(names)(NAMES.months) || !months || months.isNullObject)
      throw new WorkbookError("notInserted");
    if (used.isNullObject)
      return { source: selected.address, plan: emptyPlan(), syncs: 1 };
    if (used.rowCount * used.columnCount > IMPORT_MAX_CELLS)
      throw new WorkbookError(
        "tooLarge",
        `The selection holds ${used.rowCount * used.columnCount} cells; an import reads up to ${IMPORT_MAX_CELLS}.`,
      );
    const start = parseAddress(used.address).start;
    const table: TableRow[] = (used.values as unknown[][]).map((cells, r) => ({
      line: start.row + r,
      cells: cells as TableRow["cells"],
    }));
    const reference = referencesOf(names);
    const tracking: TrackingRead = {
      months: months.values[0] ?? [],
      rows: new Map(
        rows.flatMap(({ key, range }) =>
          range && !range.isNullObject
            ? [
                [
                  key,
                  {
                    address: parseAddress(range.address),
                    values: range.values[0] ?? [],
                    formulas: range.formulas[0] ?? [],
                    reference: reference(NAMES.tracking(key)),
                  },
                ] as const,
              ]
            : [],
        ),
      ),
    };
    const mapping = {
      ...(remembered.isNullObject ? {} : mappingFrom(remembered.value)),
      ...chosen,
    };
    return {
      source: used.address,
      plan: planImport(table, tracking, language, mapping),
      syncs: 1,
    };
  };
}

/** After a names load with formulas: each name's formula, "" for a name that does not exist. */
function referencesOf(
  names: Excel.NamedItemCollection,
): (name: string) => string {
  const formulas = new Map(
    names.items.map((n) => [n.name.toLowerCase(), n.formula] as const),
  );
  return (name) => formulas.get(name.toLowerCase()) ?? "";
}

/**
 * Reads the selection's used part and the Tracking rows in one sync: the workbook's names are
 * loaded in the same batch, and each row is reached through its name with getItemOrNullObject,
 * so a missing name is a null object rather than a failed read. A host that refuses objects
 * reached through a missing name (InvalidObjectPath: no tracker inserted yet, or a row's name
 * deleted) fails that sync; then the names are listed first and only those that exist are read,
 * so a workbook without a tracker is told to insert one, not to try again.
 */
export async function readImport(
  context: Excel.RequestContext,
  language: Language = "en",
  chosen: Readonly<Record<string, string>> = {},
): Promise<ImportPreview> {
  try {
    const done = queueImportRead(context, language, chosen);
    await context.sync();
    return done();
  } catch (e) {
    const error = toWorkbookError(e);
    if (error.code !== "unknown") throw error;
  }
  try {
    const names = context.workbook.names.load("items/name,items/type");
    await context.sync();
    const exists = rangeNameTest(names);
    if (!exists(NAMES.months)) throw new WorkbookError("notInserted");
    const done = queueImportRead(context, language, chosen, exists);
    await context.sync();
    return { ...done(), syncs: 3 };
  } catch (e) {
    throw toWorkbookError(e);
  }
}

/** Consecutive cells of one row: one range to read and write. */
interface Run {
  /** "Tracking!N6:P6", as the plan's cell addresses are written. */
  readonly address: string;
  readonly cells: readonly ImportCell[];
}

/** Consecutive cells of one row as one run. */
function runs(cells: readonly ImportCell[]): Run[] {
  const byRow = new Map<string, { col: number; cell: ImportCell }[]>();
  for (const c of cells) {
    const a = parseAddress(c.address);
    const key = `${a.sheet}|${a.start.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), { col: a.start.col, cell: c }]);
  }
  const out: Run[] = [];
  for (const row of byRow.values()) {
    row.sort((x, y) => x.col - y.col);
    let run: typeof row = [];
    const flush = () => {
      if (!run.length) return;
      const first = run[0].cell.address;
      const last = run[run.length - 1].cell.address.split("!")[1];
      out.push({
        address: run.length === 1 ? first : `${first}:${last}`,
        cells: run.map((x) => x.cell),
      });
      run = [];
    };
    for (const x of row) {
      if (run.length && x.col !== run[run.length - 1].col + 1) flush();
      run.push(x);
    }
    flush();
  }
  return out;
}

/** The range of an address such as "'My sheet'!N6:P6". */
function rangeAt(context: Excel.RequestContext, address: string): Excel.Range {
  const bang = address.lastIndexOf("!");
  const sheetName = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return context.workbook.worksheets
    .getItem(sheetName)
    .getRange(address.slice(bang + 1));
}

export interface ImportWritten {
  readonly written: number;
  /** Typed values left as they were (the user did not confirm replacing them). */
  readonly keptTyped: number;
  readonly syncs: number;
}

/** The Tracking rows whose names point elsewhere than at the preview (a row or column inserted or deleted, the sheet renamed or deleted). */
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
    range: rangeAt(context, run.address).load("formulas"),
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
    throw moved.length ? new ImportChangedError([], moved) : error;
  }
  const moved = movedRows(plan, names);
  const changed: ChangedCell[] = reads.flatMap(({ run, range }) =>
    range.isNullObject
      ? []
      : run.cells.flatMap((cell, i) => {
          const now = (range.formulas[0]?.[i] ?? "") as CellContent;
          return now === cell.seen ? [] : [{ cell, now }];
        }),
  );
  if (changed.length || moved.length)
    throw new ImportChangedError(changed, moved);
}

/**
 * After a write Excel stopped part-way (the operations queued before the failing one stay done:
 * a batch is not a transaction, see OfficeExtension.Error's traceMessages example,
 * https://learn.microsoft.com/javascript/api/office/officeextension.error): reads the cells
 * again and says which were written; the cause alone when none was.
 */
async function partialWrite(
  context: Excel.RequestContext,
  writes: readonly Run[],
  total: number,
  cause: WorkbookError,
): Promise<WorkbookError> {
  try {
    const reads = writes.map((run) => ({
      run,
      range: rangeAt(context, run.address).load("formulas"),
    }));
    await context.sync();
    const written = reads.flatMap(({ run, range }) =>
      run.cells.filter((c, i) => range.formulas[0]?.[i] === c.value),
    );
    return written.length
      ? new ImportIncompleteError(written, total, cause, true)
      : cause;
  } catch {
    return new ImportIncompleteError([], total, cause, false);
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
    rangeAt(context, run.address).values = [run.cells.map((c) => c.value)];
  if (Object.keys(plan.mapping).length)
    context.workbook.settings.add(
      IMPORT_MAPPING_SETTING,
      JSON.stringify(plan.mapping),
    );
  try {
    await context.sync();
  } catch (e) {
    throw await partialWrite(context, writes, cells.length, toWorkbookError(e));
  }
  return {
    written: cells.length,
    keptTyped: plan.cells.length - cells.length,
    syncs: 2,
  };
}
