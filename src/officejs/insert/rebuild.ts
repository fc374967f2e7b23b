/**
 * Rebuild in the open workbook (product.md 11; docs/rebuild.md): the tracker made again with new
 * options or the current template version, carrying the user's data. Read (the tracker's names
 * and the cells they refer to) -> plan (pure: readTrackerData, describeWithUserData) -> write, in
 * steps that each leave a working tracker behind: the new sheets under free names; then every
 * template name pointed at them; only then the old sheets deleted and the new ones renamed.
 */
import { RISK_GROUPS, PHASE_NUMBERS } from "../../core/catalog";
import {
  Carried,
  Dropped,
  describeWithUserData,
  optionsFromTracker,
  trackerSummary,
} from "../../core/rebuild";
import {
  NAMES,
  SheetKey,
  TEMPLATE_LABELS,
  WorkbookSpec,
  parseAddress,
  planSheetKey,
} from "../../core/template";
import { SHEET_NAMES } from "../../core/template/sheet-names";
import {
  CellGrid,
  TrackerCell,
  TrackerCells,
  TrackerData,
  readTrackerData,
  trackerNames,
} from "../../core/tracker-data";
import { RebuildStoppedError, WorkbookError, toWorkbookError } from "../errors";
import {
  InsertOptions,
  Listed,
  refuseUnsupportedHost,
  freeName,
  queueWorkbook,
  readExisting,
  undoInsert,
} from "./write";
import { quoted } from "../refresh/plan";

/** The tracker in the workbook as a rebuild starts from it: its options, and what it would carry. */
export interface TrackerRead {
  readonly options: Required<InsertOptions>;
  readonly values: number;
  readonly typedOver: number;
  readonly thresholds: number;
  readonly planEntries: number;
}

export type RebuildOutcome =
  /** Values the new timeline cannot hold: nothing was written; rebuild again with these as `confirmed` to drop them. */
  | {
      readonly kind: "confirm";
      readonly dropped: readonly Dropped[];
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

/** A name on each template sheet: the old tracker's sheets are where these point. */
const KEY_NAMES: ReadonlyArray<readonly [SheetKey, string]> = [
  ["dashboard", NAMES.reportingMonth],
  ["tracking", NAMES.months],
  ...PHASE_NUMBERS.map((n) => [planSheetKey(n), NAMES.plan(n)] as const),
  ["thresholds", NAMES.target("mrr")],
  ["risks", NAMES.riskFlag(RISK_GROUPS[0].id)],
];

/** A workbook name's reference, where it is one range on a sheet: "='Tracking (2)'!$R$4:$BA$4". */
function referenceOf(formula: string) {
  try {
    return parseAddress(formula.replace(/^=/, "").replace(/\$/g, ""));
  } catch {
    return undefined;
  }
}

/** The workbook's names by lower-case name. */
const namesByKey = (listed: Listed) =>
  new Map(listed.names.map((n) => [n.name.toLowerCase(), n]));

/** The old tracker's sheet of each key (by the names on it); undefined when the workbook has no tracker. */
function trackerSheets(
  listed: Listed,
): Map<SheetKey, { name: string; id: string }> | undefined {
  const names = namesByKey(listed);
  const range = (name: string) => {
    const n = names.get(name.toLowerCase());
    return n?.type === "Range" ? referenceOf(n.formula) : undefined;
  };
  if (!range(NAMES.months)) return undefined;
  const sheets = new Map<SheetKey, { name: string; id: string }>();
  for (const [key, name] of KEY_NAMES) {
    const sheet = range(name)?.sheet;
    const found = listed.sheets.find((s) => s.name === sheet);
    if (found) sheets.set(key, found);
  }
  return sheets;
}

/** Office.js's values and formulas of a range as tracker cells: "=..." is a formula, "" is empty. */
function toCells(
  values: unknown[][],
  formulas: unknown[][],
  formats?: unknown[][],
): TrackerCell[][] {
  return values.map((row, r) =>
    row.map((v, c) => {
      const f = formulas[r]?.[c];
      const format = formats?.[r]?.[c];
      return {
        value: v === "" ? null : (v as TrackerCell["value"]),
        ...(typeof f === "string" &&
          f.startsWith("=") && { formula: f.slice(1) }),
        ...(typeof format === "string" && { numberFormat: format }),
      };
    }),
  );
}

/**
 * Queues the reads readTrackerData needs, through the names that exist as ranges (never through
 * a missing name's null object): their cells, the company cell above the reporting month, the
 * used part of each plan sheet. The cells are there after the next sync.
 */
function queueTrackerCells(
  context: Excel.RequestContext,
  listed: Listed,
): () => TrackerCells {
  const names = namesByKey(listed);
  const isRange = (name: string) =>
    names.get(name.toLowerCase())?.type === "Range";
  const rangeOf = (name: string) =>
    context.workbook.names.getItem(name).getRange();
  const named = trackerNames()
    .filter(isRange)
    .map((name) => ({
      name,
      range: rangeOf(name).load(
        name === NAMES.target("mrr")
          ? "values,formulas,numberFormat"
          : "values,formulas",
      ),
    }));
  const reporting = isRange(NAMES.reportingMonth)
    ? referenceOf(names.get(NAMES.reportingMonth.toLowerCase())!.formula)
    : undefined;
  const company =
    reporting && reporting.start.row > 1
      ? rangeOf(NAMES.reportingMonth)
          .getOffsetRange(-1, 0)
          .load("values,formulas")
      : undefined;
  const plans = PHASE_NUMBERS.filter((n) => isRange(NAMES.plan(n))).map(
    (n) => ({
      n,
      used: rangeOf(NAMES.plan(n))
        .worksheet.getRange()
        .getUsedRangeOrNullObject(true)
        .load("values,formulas,address"),
    }),
  );
  return () => ({
    named: new Map(
      named.map(({ name, range }) => [
        name,
        toCells(
          range.values,
          range.formulas,
          name === NAMES.target("mrr") ? range.numberFormat : undefined,
        ),
      ]),
    ),
    ...(company && {
      company: toCells(company.values, company.formulas)[0][0],
    }),
    plans: new Map(
      plans
        .filter((p) => !p.used.isNullObject)
        .map((p) => [p.n, fromA1(p.used)]),
    ),
  });
}

/** A used range's cells placed from A1 (empty rows and columns before it). */
function fromA1(used: Excel.Range): CellGrid {
  const { start } = parseAddress(used.address);
  const cells = toCells(used.values, used.formulas);
  const empty = (n: number) =>
    Array.from({ length: n }, (): TrackerCell => ({ value: null }));
  return [
    ...Array.from({ length: start.row - 1 }, () => []),
    ...cells.map((row) => [...empty(start.col - 1), ...row]),
  ];
}

/** Reads the tracker's data in one sync, once the names are listed. */
async function readData(
  context: Excel.RequestContext,
  listed: Listed,
): Promise<TrackerData> {
  const cells = queueTrackerCells(context, listed);
  await context.sync();
  return readTrackerData(cells());
}

/** The workbook's names with formulas, in one sync. */
async function listNames(context: Excel.RequestContext): Promise<Listed> {
  const sheets = context.workbook.worksheets.load("items/name,items/id");
  const names = context.workbook.names.load(
    "items/name,items/type,items/formula",
  );
  await context.sync();
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, id: s.id })),
    names: names.items.map((n) => ({
      name: n.name,
      type: n.type,
      formula: n.formula,
    })),
  };
}

/** The user's data in the workbook's tracker, or undefined when it has none; two syncs. */
export async function readUserData(
  context: Excel.RequestContext,
): Promise<TrackerData | undefined> {
  const listed = await listNames(context);
  return trackerSheets(listed) ? readData(context, listed) : undefined;
}

/**
 * The tracker in the workbook with the options a rebuild starts from (its own), or undefined
 * when it has none; two syncs.
 */
export async function readTracker(
  context: Excel.RequestContext,
): Promise<TrackerRead | undefined> {
  try {
    const data = await readUserData(context);
    if (!data) return undefined;
    const old = optionsFromTracker(data);
    return {
      options: {
        language: old.language ?? "en",
        company: old.company ?? "",
        currency: old.currency ?? "USD",
        firstMonth: old.firstMonth!,
        months: old.months,
      },
      ...trackerSummary(data),
    };
  } catch (e) {
    throw toWorkbookError(e);
  }
}

/** Whether the user confirmed exactly these dropped values (the workbook may have changed since). */
const sameDropped = (a: readonly Dropped[], b: readonly Dropped[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Whether a sheet name is a template sheet's default in some language ("Tracking", "Seguimiento (2)"). */
const isDefaultName = (name: string, key: SheetKey) =>
  Object.values(SHEET_NAMES).some(
    (n) => n[key].toLowerCase() === name.replace(/ \(\d+\)$/, "").toLowerCase(),
  );

/**
 * The names the new sheets end with: the old sheet's name where the user gave it one, else the
 * new language's default (the old default in the same language), free once the old sheets go.
 */
function finalNames(
  spec: WorkbookSpec,
  old: ReadonlyMap<SheetKey, { name: string }>,
  staying: readonly string[],
  language: InsertOptions["language"],
): Map<SheetKey, string> {
  const taken = new Set(staying.map((s) => s.toLowerCase()));
  for (const s of spec.sheets) taken.add(s.name.toLowerCase());
  const finals = new Map<SheetKey, string>();
  for (const s of spec.sheets) {
    const was = old.get(s.key)?.name;
    const wanted =
      was && !isDefaultName(was, s.key) ? was : SHEET_NAMES[language][s.key];
    taken.delete(s.name.toLowerCase());
    const name = freeName(wanted, taken);
    taken.add(name.toLowerCase());
    finals.set(s.key, name);
  }
  return finals;
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
  // 2. Plan: the new workbook under free sheet names, the user's data placed.
  const defaults = TEMPLATE_LABELS[options.language].sheets;
  const takenSheets = new Set(existing.sheets);
  const sheetNames: Partial<Record<SheetKey, string>> = {};
  for (const key of Object.keys(defaults) as SheetKey[]) {
    sheetNames[key] = freeName(defaults[key], takenSheets);
    takenSheets.add(sheetNames[key]!.toLowerCase());
  }
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
    const target = `=${quoted(sheetName.get(n.sheet)!, n.ref)}`;
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

/** After the names' switch failed: names pointed back, added ones deleted, the new sheets removed (one read, one write). */
async function undoSwitch(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  sheets: Sheets,
  changed: readonly { name: string; was?: string }[],
  cause: WorkbookError,
): Promise<WorkbookError> {
  try {
    const now = namesByKey(await listNames(context));
    for (const c of changed) {
      const is = now.get(c.name.toLowerCase());
      if (c.was === undefined && is)
        context.workbook.names.getItem(c.name).delete();
      if (c.was !== undefined && is && is.formula !== c.was)
        context.workbook.names.getItem(c.name).formula = c.was;
    }
    for (const s of spec.sheets)
      context.workbook.worksheets.getItem(s.name).delete();
    await context.sync();
    return cause;
  } catch {
    return await stoppedAt(context, "names", spec, sheets, cause);
  }
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

/** The old tracker's sheets and the names the new ones end with. */
interface Sheets {
  readonly old: ReadonlyMap<SheetKey, { name: string; id: string }>;
  readonly finals: ReadonlyMap<SheetKey, string>;
}

/** What a stopped rebuild left, read in one sync (as far as Excel can still be read). */
async function stoppedAt(
  context: Excel.RequestContext,
  stage: "names" | "replace",
  spec: WorkbookSpec,
  { old, finals }: Sheets,
  cause: WorkbookError,
): Promise<RebuildStoppedError> {
  const temporary = spec.sheets.map((s) => ({
    name: s.name,
    final: finals.get(s.key) ?? s.name,
  }));
  try {
    const now = await listNames(context);
    const has = (name: string) =>
      now.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
    const newSheets = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
    const moved = now.names
      .filter((n) => {
        const sheet = referenceOf(n.formula)?.sheet.toLowerCase();
        return sheet !== undefined && newSheets.has(sheet);
      })
      .map((n) => n.name);
    return new RebuildStoppedError(
      stage,
      now.sheets
        .filter((s) => [...old.values()].some((o) => o.id === s.id))
        .map((s) => s.name),
      temporary.filter((t) => t.name !== t.final && has(t.name)),
      stage === "names" ? moved : [],
      cause,
    );
  } catch {
    return new RebuildStoppedError(
      stage,
      [...old.values()].map((s) => s.name),
      temporary.filter((t) => t.name !== t.final),
      [],
      cause,
    );
  }
}
