/**
 * Import from a selection: one sync reads the selected block and the rows of the sheet imported
 * into, Tracking's or the budget's (through their names, here), the plan (plan.ts, pure) says
 * what goes where, and once the user confirmed, write.ts checks the cells still hold what the
 * preview read and writes them (docs/nothing-lost.md). Typed values are replaced only when the user said so.
 */
import { Language } from "../../core/catalog";
import { TableRow } from "../../core/importer";
import { TIMELINE_ROWS } from "../../core/timeline";
import { SHEET_INPUT_KEYS } from "../../core/sheet-inputs";
import { USER_CHANNELS } from "../../core/department-rows";
import { isBlank } from "../../core/cell";
import { NAMES, parseAddress } from "../../core/template";
import { WorkbookError, toWorkbookError } from "../errors";
import {
  ImportPlan,
  ImportTarget,
  TrackingRead,
  emptyPlan,
  importRowName,
  planImport,
} from "./plan";
import { rangeNameTest, referencesOf } from "../names";

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
  target: ImportTarget,
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
  // Actuals go to Tracking and to the Departments and Channels sheets' typed rows; the budget holds Tracking's only.
  const keys = [
    ...TIMELINE_ROWS.map((r) => r.key),
    ...(target === "budget" ? [] : SHEET_INPUT_KEYS),
  ];
  const rows = keys.map((key) => ({
    key,
    range: rangeOf(importRowName(target, key))?.load("values,formulas,address"),
  }));
  // The user's own channels by the names typed on the Channels sheet ("TikTok spend").
  const ownChannels = (target === "budget" ? [] : USER_CHANNELS).map(
    (slot) => ({
      slot,
      range: rangeOf(NAMES.channelName(slot))?.load("values"),
    }),
  );
  const selected = context.workbook.getSelectedRange().load("address");
  const used = selected
    .getUsedRangeOrNullObject(true)
    .load("values,address,rowCount,columnCount");
  return () => {
    if (!rangeNameTest(names)(NAMES.months) || !months || months.isNullObject)
      throw new WorkbookError("notInserted");
    // A tracker an earlier version made has no Budget sheet: it is rebuilt first.
    if (
      target === "budget" &&
      rows.every(({ range }) => !range || range.isNullObject)
    )
      throw new WorkbookError("noBudget");
    if (used.isNullObject)
      return {
        source: selected.address,
        plan: emptyPlan([], target),
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
    const reference = referencesOf(names);
    const channelNames = new Map(
      ownChannels.flatMap(({ slot, range }) => {
        const name = range && !range.isNullObject && range.values[0]?.[0];
        return typeof name === "string" && !isBlank(name)
          ? [[slot, name.trim()] as const]
          : [];
      }),
    );
    const tracking: TrackingRead = {
      channelNames,
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
                    reference: reference(importRowName(target, key)),
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
      plan: planImport(table, tracking, language, mapping, target),
      syncs: 1,
    };
  };
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
  target: ImportTarget = "tracking",
): Promise<ImportPreview> {
  try {
    const done = queueImportRead(context, language, chosen, target);
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
    const done = queueImportRead(context, language, chosen, target, exists);
    await context.sync();
    return { ...done(), syncs: 3 };
  } catch (e) {
    throw toWorkbookError(e);
  }
}
