/**
 * Rebuild in the open workbook (product.md 11; docs/rebuild.md): the tracker made again with new
 * options or the current template version, carrying the user's data. Read (read.ts: the tracker's
 * names and the cells they refer to) -> plan (pure: plan.ts, readTrackerData,
 * describeWithUserData) -> write, in steps that each leave a working tracker behind: the new
 * sheets under free names (write.ts); then every template name pointed at them; only then the old
 * sheets deleted and the new ones renamed. Excel stopping part-way: undo.ts.
 */
import { Carried, Dropped, describeWithUserData } from "../../core/rebuild";
import { SheetKey, WorkbookSpec } from "../../core/template";
import { MonthsApart, TrackerData } from "../../core/tracker-data";
import { onSheet } from "../../core/address";
import { WorkbookError, toWorkbookError } from "../errors";
import {
  InsertOptions,
  Listed,
  finalNames,
  freeSheetNames,
  namesByKey,
  referenceOf,
  sameDropped,
  trackerSheets,
} from "./plan";
import { readData, readExisting } from "./read";
import { Sheets, stoppedAt, undoInsert, undoSwitch } from "./undo";
import { queueWorkbook, refuseUnsupportedHost } from "./write";

export type { TrackerRead } from "./read";

export type RebuildOutcome =
  /** Values the new timeline cannot hold: nothing was written; rebuild again with these as `confirmed` to drop them. */
  | {
      readonly kind: "confirm";
      readonly dropped: readonly Dropped[];
      readonly syncs: number;
    }
  /**
   * Months inserted or deleted on Tracking since the last refresh: the Budget, Departments or
   * Channels sheet's months are not Tracking's, so nothing was written (rebuild.ts monthsApartRefusal says what to do).
   */
  | {
      readonly kind: "monthsApart";
      readonly apart: MonthsApart;
      readonly syncs: number;
    }
  | { readonly kind: "done"; readonly result: RebuildResult };

export interface RebuildResult {
  readonly sheets: readonly { readonly key: SheetKey; readonly name: string }[];
  readonly dashboardSheet: string;
  readonly carried: Carried;
  /** What was left out, as the user confirmed. */
  readonly dropped: readonly Dropped[];
  /** Template names that point elsewhere than the old tracker (the user's own), left as they were. */
  readonly skippedNames: readonly string[];
  readonly syncs: number;
}

export async function rebuildTracker(
  context: Excel.RequestContext,
  options: InsertOptions,
  confirmed: readonly Dropped[] = [],
): Promise<RebuildOutcome> {
  refuseUnsupportedHost();
  // 1. Read: the workbook's sheets and names, then the user's data (two syncs).
  let existing: Awaited<ReturnType<typeof readExisting>>;
  let data: TrackerData;
  let old: Map<SheetKey, { name: string; id: string }>;
  try {
    existing = await readExisting(context);
    const found = trackerSheets(existing.listed);
    if (!found) throw new WorkbookError("notInserted");
    old = found;
    data = await readData(context, existing.listed);
  } catch (e) {
    throw toWorkbookError(e);
  }
  if (data.monthsApart)
    return { kind: "monthsApart", apart: data.monthsApart, syncs: 2 };
  // 2. Plan: the new workbook under free sheet names, the user's data placed.
  const sheetNames = freeSheetNames(options.language, existing.sheets);
  const { spec, dropped, carried } = describeWithUserData(
    { ...options, sheetNames },
    data,
  );
  if (dropped.length > 0 && !sameDropped(dropped, confirmed))
    return { kind: "confirm", dropped, syncs: 2 };
  // 3. The new sheets, complete, beside the old ones; the names stay on the old tracker.
  const sheetsOnly: WorkbookSpec = { ...spec, names: [] };
  let written: ReturnType<typeof queueWorkbook>;
  try {
    context.application.suspendApiCalculationUntilNextSync();
    written = queueWorkbook(context, sheetsOnly, existing);
    await context.sync();
  } catch (e) {
    throw await undoInsert(context, sheetsOnly, existing, toWorkbookError(e));
  }
  const staying = existing.listed.sheets
    .filter((s) => ![...old.values()].some((o) => o.id === s.id))
    .map((s) => s.name);
  const finals = finalNames(spec, old, staying, options.language);
  // 4. Every template name pointed at the new sheets.
  const switched = await switchNames(context, spec, written, existing.listed, {
    old,
    finals,
  });
  // 5. The old sheets deleted, the new ones given their names.
  await replaceOld(context, spec, written, old, finals);
  return {
    kind: "done",
    result: {
      sheets: spec.sheets.map((s) => ({
        key: s.key,
        name: finals.get(s.key)!,
      })),
      dashboardSheet: finals.get("dashboard")!,
      carried,
      dropped,
      skippedNames: switched.skipped,
      syncs: REBUILD_SYNCS,
    },
  };
}

/** Read twice, write once, point the names, replace the sheets. */
const REBUILD_SYNCS = 5;

/**
 * Points every template name at the new sheets (NamedItem.formula, ExcelApi 1.7) and adds those
 * the old tracker lacked, in one sync. A name that points elsewhere than the old tracker's sheets
 * is the user's own and stays (as insert leaves it). When Excel stops part-way, the names are
 * pointed back and the new sheets removed, so the old tracker works as before, and Excel's reason
 * is thrown; when that fails too, RebuildStoppedError says where each name points.
 */
async function switchNames(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  written: ReturnType<typeof queueWorkbook>,
  listed: Listed,
  sheets: Sheets,
): Promise<{ skipped: string[] }> {
  const { old } = sheets;
  const before = namesByKey(listed);
  const oldSheets = new Set([...old.values()].map((s) => s.name));
  const sheetName = new Map(spec.sheets.map((s) => [s.key, s.name]));
  const skipped: string[] = [];
  const changed: { name: string; was?: string }[] = [];
  for (const n of spec.names) {
    const target = `=${onSheet(sheetName.get(n.sheet)!, n.ref)}`;
    const was = before.get(n.name.toLowerCase());
    if (!was) {
      context.workbook.names.add(
        n.name,
        written.sheets.get(n.sheet)!.getRange(n.ref),
        n.comment,
      );
      changed.push({ name: n.name });
      continue;
    }
    const points = referenceOf(was.formula)?.sheet;
    if (
      was.type === "Range" &&
      points !== undefined &&
      !oldSheets.has(points)
    ) {
      skipped.push(was.name);
      continue;
    }
    context.workbook.names.getItem(was.name).formula = target;
    changed.push({ name: was.name, was: was.formula });
  }
  try {
    await context.sync();
    return { skipped };
  } catch (e) {
    throw await undoSwitch(context, spec, sheets, changed, toWorkbookError(e));
  }
}

/**
 * The cells whose text names a new sheet by its temporary name, with the final names: a note
 * ("Tracking (2)'s rows"), a HYPERLINK's "#'Tools (2)'!A1" and its words. Renaming a sheet adjusts
 * references to it, never text (HYPERLINK's link_location is text, a path "as text":
 * https://support.microsoft.com/Excel/functions/hyperlink-function), so these are written again
 * once the sheets have their names; `content` is as Range.formulas takes it.
 */
export function textNamingTemporary(
  spec: WorkbookSpec,
  finals: ReadonlyMap<SheetKey, string>,
): { sheet: SheetKey; ref: string; content: string }[] {
  const renamed = spec.sheets
    .filter((s) => finals.get(s.key) !== s.name)
    .map((s) => [s.name, finals.get(s.key)!] as const);
  if (!renamed.length) return [];
  const plain = (text: string) =>
    renamed.reduce((t, [from, to]) => t.split(from).join(to), text);
  // In a formula's text a quote is doubled, and a sheet in a location is quoted as a reference is.
  const inQuotes = (text: string) => text.replace(/"/g, '""');
  const location = (sheet: string) =>
    inQuotes(onSheet(sheet, "A1").slice(0, -2));
  const quoted = (text: string) =>
    renamed.reduce(
      (t, [from, to]) =>
        t
          .split(location(from))
          .join(location(to))
          .split(inQuotes(from))
          .join(inQuotes(to)),
      text,
    );
  const inFormula = (formula: string) =>
    formula.replace(/"(?:[^"]|"")*"/g, quoted);
  return spec.sheets.flatMap((s) =>
    s.cells.flatMap((c) => {
      if (c.formula !== undefined) {
        const formula = inFormula(c.formula);
        return formula === c.formula
          ? []
          : [{ sheet: s.key, ref: c.ref, content: `=${formula}` }];
      }
      if (typeof c.value !== "string") return [];
      const text = plain(c.value);
      // A text starting with "=" would be taken for a formula: written as text.
      return text === c.value
        ? []
        : [
            {
              sheet: s.key,
              ref: c.ref,
              content: /^[=+\-@]/.test(text) ? `'${text}` : text,
            },
          ];
    }),
  );
}

/**
 * Deletes the old sheets, gives the new ones their names and the tables theirs, in one sync.
 * The names already point at the new sheets: if Excel stops here, the new tracker works, and
 * RebuildStoppedError says which old sheets are left and which new ones keep a temporary name.
 */
async function replaceOld(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  written: ReturnType<typeof queueWorkbook>,
  old: ReadonlyMap<SheetKey, { name: string; id: string }>,
  finals: ReadonlyMap<SheetKey, string>,
): Promise<void> {
  for (const s of old.values())
    context.workbook.worksheets.getItem(s.id).delete();
  for (const s of spec.sheets)
    if (finals.get(s.key) !== s.name)
      written.sheets.get(s.key)!.name = finals.get(s.key)!;
  for (const [name, t] of written.tables)
    if (t.name !== name) t.table.name = name;
  for (const c of textNamingTemporary(spec, finals))
    written.sheets.get(c.sheet)!.getRange(c.ref).formulas = [[c.content]];
  written.sheets.get("dashboard")?.activate();
  try {
    await context.sync();
  } catch (e) {
    throw await stoppedAt(
      context,
      "replace",
      spec,
      { old, finals },
      toWorkbookError(e),
    );
  }
}
