/**
 * Import from a selection: one sync reads the selected block and the Tracking sheet's rows
 * (through their names), the plan (import-plan.ts, pure) says what goes where, and one sync
 * writes it once the user confirmed. Typed values are replaced only when the user said so.
 */
import { Language } from "../core/catalog";
import { TableRow } from "../core/importer";
import { TIMELINE_ROWS } from "../core/timeline";
import { NAMES, parseAddress } from "../core/template";
import { WorkbookError, toWorkbookError } from "./errors";
import {
  ImportCell,
  ImportPlan,
  TrackingRead,
  planImport,
} from "./import-plan";
import { rangeNameTest } from "./names";

export type { ImportCell, ImportPlan } from "./import-plan";

/** The most cells an import reads from the selection (Excel on the web limits one request). */
export const IMPORT_MAX_CELLS = 10_000;

export interface ImportPreview {
  /** The selection's address, as Excel reports it. */
  readonly source: string;
  readonly plan: ImportPlan;
  readonly syncs: number;
}

/**
 * Reads the selection's used part and the Tracking rows in one sync: the workbook's names are
 * loaded in the same batch, and each row is reached through its name with getItemOrNullObject,
 * so a missing name is a null object rather than a failed read.
 */
export async function readImport(
  context: Excel.RequestContext,
  language: Language = "en",
): Promise<ImportPreview> {
  let selected: Excel.Range;
  let used: Excel.Range;
  const names = context.workbook.names.load("items/name,items/type");
  const months = context.workbook.names
    .getItemOrNullObject(NAMES.months)
    .getRangeOrNullObject()
    .load("values");
  const rows = TIMELINE_ROWS.map((r) => ({
    key: r.key,
    range: context.workbook.names
      .getItemOrNullObject(NAMES.tracking(r.key))
      .getRangeOrNullObject()
      .load("values,formulas,address"),
  }));
  try {
    selected = context.workbook.getSelectedRange().load("address");
    used = selected
      .getUsedRangeOrNullObject(true)
      .load("values,address,rowCount,columnCount");
    await context.sync();
  } catch (e) {
    throw toWorkbookError(e);
  }
  if (!rangeNameTest(names)(NAMES.months) || months.isNullObject)
    throw new WorkbookError("notInserted");
  if (used.isNullObject)
    return {
      source: selected.address,
      plan: { cells: [], overwrites: [], unchanged: 0, errors: [] },
      syncs: 1,
    };
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
  const tracking: TrackingRead = {
    months: months.values[0] ?? [],
    rows: new Map(
      rows
        .filter((r) => !r.range.isNullObject)
        .map((r) => [
          r.key,
          {
            address: parseAddress(r.range.address),
            values: r.range.values[0] ?? [],
            formulas: r.range.formulas[0] ?? [],
          },
        ]),
    ),
  };
  return {
    source: used.address,
    plan: planImport(table, tracking, language),
    syncs: 1,
  };
}

/** Consecutive cells of one row as one write. */
function runs(
  cells: readonly ImportCell[],
): { address: string; values: number[] }[] {
  const byRow = new Map<string, { col: number; cell: ImportCell }[]>();
  for (const c of cells) {
    const a = parseAddress(c.address);
    const key = `${a.sheet}|${a.start.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), { col: a.start.col, cell: c }]);
  }
  const out: { address: string; values: number[] }[] = [];
  for (const row of byRow.values()) {
    row.sort((x, y) => x.col - y.col);
    let run: typeof row = [];
    const flush = () => {
      if (!run.length) return;
      const first = run[0].cell.address;
      const last = run[run.length - 1].cell.address.split("!")[1];
      out.push({
        address: run.length === 1 ? first : `${first}:${last}`,
        values: run.map((x) => x.cell.value),
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

export interface ImportWritten {
  readonly written: number;
  /** Typed values left as they were (the user did not confirm replacing them). */
  readonly keptTyped: number;
  readonly syncs: number;
}

/** Writes the plan's cells in one sync; typed values only with `replaceTyped`. */
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
  for (const { address, values } of runs(cells)) {
    const bang = address.lastIndexOf("!");
    const sheetName = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    context.workbook.worksheets
      .getItem(sheetName)
      .getRange(address.slice(bang + 1)).values = [values];
  }
  try {
    await context.sync();
  } catch (e) {
    throw toWorkbookError(e);
  }
  return {
    written: cells.length,
    keptTyped: plan.cells.length - cells.length,
    syncs: 1,
  };
}
