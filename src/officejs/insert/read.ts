/**
 * Insert's and rebuild's reads: what the workbook holds before anything is written (its sheets,
 * names and tables, whether it may be changed), and the tracker's data a rebuild carries, read
 * through the names that exist as ranges.
 */
import { PHASE_NUMBERS } from "../../core/catalog";
import { optionsFromTracker, trackerSummary } from "../../core/rebuild";
import { NAMES } from "../../core/template";
import { INSERT_DEFAULTS } from "../../core/template/options";
import {
  TrackerCells,
  TrackerData,
  readTrackerData,
  trackerNames,
} from "../../core/tracker-data";
import { WorkbookError, toWorkbookError } from "../errors";
import {
  Existing,
  InsertOptions,
  Listed,
  fromA1,
  namesByKey,
  referenceOf,
  toCells,
  trackerSheets,
} from "./plan";

/** Queues the read of the workbook's sheets (with ids) and names (with types and formulas), listed after the next sync. */
function queueListed(context: Excel.RequestContext): () => Listed {
  const sheets = context.workbook.worksheets.load("items/name,items/id");
  const names = context.workbook.names.load(
    "items/name,items/type,items/formula",
  );
  return () => ({
    sheets: sheets.items.map((s) => ({ name: s.name, id: s.id })),
    names: names.items.map((n) => ({
      name: n.name,
      type: n.type,
      formula: n.formula,
    })),
  });
}

/** The workbook's sheets and names, in one sync. */
export async function listNames(
  context: Excel.RequestContext,
): Promise<Listed> {
  const listed = queueListed(context);
  await context.sync();
  return listed();
}

/** The workbook's sheets (with ids) and its names by lower-case name (with formulas), in one sync. */
export async function readSheetsAndNames(
  context: Excel.RequestContext,
): Promise<{
  sheets: readonly { name: string; id: string }[];
  names: ReadonlyMap<string, { name: string; formula: string }>;
}> {
  const { sheets, names } = await listNames(context);
  return {
    sheets,
    names: new Map(
      names.map((n) => [
        n.name.toLowerCase(),
        { name: n.name, formula: n.formula },
      ]),
    ),
  };
}

/** Reads what is there (one sync); refuses, before anything is written, a workbook Excel would not let us change. */
export async function readExisting(
  context: Excel.RequestContext,
): Promise<Existing & { readonly listed: Listed }> {
  const workbook = context.workbook.load("readOnly");
  const protection = context.workbook.protection.load("protected");
  const read = queueListed(context);
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  if (workbook.readOnly) throw new WorkbookError("readOnly");
  if (protection.protected)
    throw new WorkbookError(
      "protected",
      "The workbook's structure is protected: sheets cannot be added.",
    );
  const listed = read();
  const lower = (items: readonly { name: string }[]) =>
    items.map((i) => i.name.toLowerCase());
  const stale = new Map(
    listed.names
      .filter((n) => n.type === Excel.NamedItemType.error)
      .map((n) => [n.name.toLowerCase(), n.formula] as const),
  );
  return {
    sheets: new Set(lower(listed.sheets)),
    names: new Set([...lower(listed.names), ...lower(tables.items)]),
    stale,
    listed,
  };
}

export interface TrackerRead {
  readonly options: Required<InsertOptions>;
  readonly values: number;
  readonly typedOver: number;
  /** The Budget sheet's typed values (product.md 12), counted beside the actuals. */
  readonly budgetValues: number;
  /** Single inputs of the Departments, Channels and Tools sheets (a baseline, a channel's name, a tool's owner...). */
  readonly cells: number;
  readonly thresholds: number;
  readonly planEntries: number;
}

/**
 * Queues the reads readTrackerData needs, through the names that exist as ranges (never through
 * a missing name's null object): their cells, the company cell above the reporting month, the
 * used part of each plan sheet. The cells are there after the next sync.
 */
export function queueTrackerCells(
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

/** Reads the tracker's data in one sync, once the names are listed. */
export async function readData(
  context: Excel.RequestContext,
  listed: Listed,
): Promise<TrackerData> {
  const cells = queueTrackerCells(context, listed);
  await context.sync();
  return readTrackerData(cells());
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
        language: old.language ?? INSERT_DEFAULTS.language,
        company: old.company ?? "",
        currency: old.currency ?? INSERT_DEFAULTS.currency,
        firstMonth: old.firstMonth!,
        months: old.months,
      },
      ...trackerSummary(data),
    };
  } catch (e) {
    throw toWorkbookError(e);
  }
}
