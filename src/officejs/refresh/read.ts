/**
 * Refresh's read: the template found through its workbook names, in one sync where Excel allows
 * it (every name's range, the sheets' protection and rules), else through the names listed first
 * and each sheet's rules read on their own. What was read goes on as Office objects to the
 * thresholds (thresholds.ts) and the snapshot (snapshot.ts) the plan is made from.
 */
import {
  CONTEXT_THRESHOLDS,
  METRICS_WITH_FLOORS,
  PHASE_NUMBERS,
  PHASE_METRICS,
  RISK_GROUPS,
  RISK_INDICATORS,
} from "../../core/catalog";
import { TIMELINE_ROWS } from "../../core/timeline";
import {
  DEPARTMENT_FUNCTIONS,
  DEPARTMENT_KPIS,
} from "../../core/department-kpis";
import {
  NAMES,
  PLAN,
  SheetKey,
  THRESHOLDS,
  VARIANCE_ROWS,
} from "../../core/template";
import { rangeNameTest } from "../names";
import {
  SEED_SHEETS,
  SeedSheetKey,
  isSeedSheet,
  seedSheetNames,
} from "./seed-sheets";
import { WorkbookError, WorkbookErrorCode, toWorkbookError } from "../errors";
import {
  SheetRules,
  queueRulesRead,
  readRulesOfSheets,
  rulesRead,
} from "../rules";

/** A plan sheet's status cells (objectives to the last initiative), from its completion cell. */
const PLAN_STATUSES = {
  rows: PLAN.objectiveRow(0) - PLAN.completionRow,
  columns: PLAN.columns.status - PLAN.completionColumn,
  height: PLAN.lastRow - PLAN.objectiveRow(0) + 1,
} as const;

/** How far a row's Floor P1..P4 cells sit to the right of its P1..P4 (the Thresholds table's layout). */
const FLOORS_AFTER_TARGETS =
  THRESHOLDS.floorColumn(1) - THRESHOLDS.targetColumn(1);

/** Which template names exist as ranges; undefined where the host is asked for every one of them. */
type Existing = ((name: string) => boolean) | undefined;

/**
 * The range a workbook name points at: a null object where the name does not exist (or
 * undefined, where `existing` says so and the host is not asked).
 */
function named(
  context: Excel.RequestContext,
  name: string,
  props: string,
  existing: Existing,
): Excel.Range | undefined {
  if (existing && !existing(name)) return undefined;
  const range = context.workbook.names
    .getItemOrNullObject(name)
    .getRangeOrNullObject();
  // eslint-disable-next-line office-addins/no-empty-load -- the properties are the caller's argument
  range.load(props);
  return range;
}

/** A range that was read and exists. */
export const present = (range: Excel.Range | undefined): range is Excel.Range =>
  range !== undefined && !range.isNullObject;

/** A template sheet reached through one of its names, with what refresh needs of it. */
export interface SheetRead {
  sheet: Excel.Worksheet;
  /** Its rules in the same read, or undefined where they are read one sheet at a time. */
  rules?: Excel.ConditionalFormatCollection;
  protection: Excel.WorksheetProtection;
}

function sheetRead(
  anchor: Excel.Range | undefined,
  withRules: boolean,
): SheetRead | undefined {
  if (!anchor) return undefined;
  const sheet = anchor.worksheet.load("name,id");
  return {
    sheet,
    rules: withRules ? queueRulesRead(sheet) : undefined,
    protection: sheet.protection.load("protected"),
  };
}

export interface Reads {
  workbook: Excel.Workbook;
  rows: Map<string, Excel.Range | undefined>;
  months?: Excel.Range;
  targetPhase?: Excel.Range;
  lastGroup?: Excel.Range;
  tracking?: SheetRead;
  reportingMonth?: Excel.Range;
  minShare?: Excel.Range;
  /** Per phase, its plan sheet's status cells (found from Plan_P<n>), where the name exists. */
  planStatuses: (Excel.Range | undefined)[];
  /** Per phase, the label beside Plan_P<n>: its words say the sheet's language, whose status words the sheet counts. */
  planLabels: (Excel.Range | undefined)[];
  dashboardPhase?: Excel.Range;
  dashboardFlags: (Excel.Range | undefined)[];
  /** Variance_<key> cells on the dashboard (a tracker from before the budget has none). */
  dashboardVariances: (Excel.Range | undefined)[];
  dashboard?: SheetRead;
  groupFlags: (Excel.Range | undefined)[];
  risks?: SheetRead;
  /** Per metric, its P1..P4 targets on the Thresholds sheet. */
  targets: (Excel.Range | undefined)[];
  thresholdsSheet?: Excel.Worksheet;
  floors: Map<string, Excel.Range | undefined>;
  /** Per metric without floors, the Floor P1..P4 cells of its row: a number typed there is refused. */
  strayFloors: Map<string, Excel.Range | undefined>;
  /** Per risk indicator, its threshold cell. */
  thresholds: (Excel.Range | undefined)[];
  /** Per SaaS measure with a convention, its cell in the third table (a tracker from before it has none). */
  contextThresholds: (Excel.Range | undefined)[];
  /** The Budget sheet's first and last timeline rows (Budget_<key>; a tracker from before the budget has none): its months, where its rows are. */
  budgetRows: readonly [Excel.Range | undefined, Excel.Range | undefined];
  /** The Departments, Channels and Tools sheets through the description's names on them (a tracker from before them has none). */
  seedSheets: Map<SeedSheetKey, SeedSheetReads>;
}

/** One of the three sheets of product.md 13: every name the description puts there, and the sheet through the first that exists. */
export interface SeedSheetReads {
  /** In the description's order; values too for the Departments sheet's levels (Dept_<fn>_Level, Dept_<id>_Flag). */
  names: Map<string, Excel.Range | undefined>;
  read?: SheetRead;
}

/** The Departments sheet's level cells, whose values the pane lists. */
const LEVEL_NAMES: ReadonlySet<string> = new Set([
  ...DEPARTMENT_FUNCTIONS.map(NAMES.departmentLevel),
  ...DEPARTMENT_KPIS.map((k) => NAMES.departmentFlag(k.id)),
]);

function queueSeedSheets(
  context: Excel.RequestContext,
  existing: Existing,
  withRules: boolean,
): Map<SeedSheetKey, SeedSheetReads> {
  const all = seedSheetNames();
  return new Map(
    SEED_SHEETS.map((key) => {
      const names = new Map(
        (all.get(key) ?? []).map((n) => [
          n.name,
          named(
            context,
            n.name,
            LEVEL_NAMES.has(n.name) ? "values,address" : "address",
            existing,
          ),
        ]),
      );
      const anchor = anchorOf([...names.values()], existing);
      return [key, { names, read: sheetRead(anchor, withRules) }];
    }),
  );
}

/** A sheet's anchor: its first name's range, or (names listed first) the first existing one. */
const anchorOf = (ranges: (Excel.Range | undefined)[], existing: Existing) =>
  existing ? ranges.find((f) => f !== undefined) : ranges[0];

function queueReads(
  context: Excel.RequestContext,
  existing: Existing,
  withRules: boolean,
): Reads {
  const rows = new Map(
    TIMELINE_ROWS.map((r) => [
      r.key,
      named(context, NAMES.tracking(r.key), "values,address", existing),
    ]),
  );
  const months = named(
    context,
    NAMES.months,
    "values,formulas,address",
    existing,
  );
  const lastGroup = named(
    context,
    NAMES.trackingRisk(RISK_GROUPS[RISK_GROUPS.length - 1].id),
    "address",
    existing,
  );
  const dashboardPhase = named(context, NAMES.phase, "address", existing);
  const dashboardFlags = PHASE_METRICS.map((m) =>
    named(context, NAMES.flag(m.id), "address", existing),
  );
  const groupFlags = RISK_GROUPS.map((g) =>
    named(context, NAMES.riskFlag(g.id), "address", existing),
  );
  const targets = PHASE_METRICS.map((m) =>
    named(context, NAMES.target(m.id), "values,address", existing),
  );
  const budgetRows = [
    TIMELINE_ROWS[0],
    TIMELINE_ROWS[TIMELINE_ROWS.length - 1],
  ].map((r) => named(context, NAMES.budget(r.key), "address", existing));
  return {
    workbook: context.workbook.load("readOnly"),
    rows,
    months,
    targetPhase: named(
      context,
      NAMES.phaseRow.targetPhase,
      "address",
      existing,
    ),
    lastGroup,
    tracking: sheetRead(months, withRules),
    reportingMonth: named(
      context,
      NAMES.reportingMonth,
      "values,formulas",
      existing,
    ),
    minShare: named(context, NAMES.minShare, "values", existing),
    planStatuses: PHASE_NUMBERS.map((n) =>
      named(context, NAMES.plan(n), "address", existing)
        ?.getOffsetRange(PLAN_STATUSES.rows, PLAN_STATUSES.columns)
        .getResizedRange(PLAN_STATUSES.height - 1, 0)
        .load("values"),
    ),
    planLabels: PHASE_NUMBERS.map((n) =>
      named(context, NAMES.plan(n), "address", existing)
        ?.getOffsetRange(0, 1 - PLAN.completionColumn)
        .load("values"),
    ),
    dashboardPhase,
    dashboardFlags,
    dashboardVariances: VARIANCE_ROWS.map((r) =>
      named(context, NAMES.variance(r.key), "address", existing),
    ),
    dashboard: sheetRead(dashboardPhase, withRules),
    groupFlags,
    risks: sheetRead(anchorOf(groupFlags, existing), withRules),
    targets,
    thresholdsSheet: anchorOf(targets, existing)?.worksheet.load("id"),
    floors: new Map(
      METRICS_WITH_FLOORS.map((m) => [
        m.id,
        named(context, NAMES.floor(m.id), "values,address", existing),
      ]),
    ),
    strayFloors: new Map(
      PHASE_METRICS.flatMap((m, i) =>
        METRICS_WITH_FLOORS.includes(m)
          ? []
          : [
              [
                m.id,
                targets[i]
                  ?.getOffsetRange(0, FLOORS_AFTER_TARGETS)
                  .load("values,address"),
              ] as const,
            ],
      ),
    ),
    thresholds: RISK_INDICATORS.map((i) =>
      named(
        context,
        NAMES.riskThreshold(i.qualifiedId),
        "values,address",
        existing,
      ),
    ),
    contextThresholds: CONTEXT_THRESHOLDS.map((c) =>
      named(context, NAMES.contextThreshold(c.id), "values,address", existing),
    ),
    budgetRows: [budgetRows[0], budgetRows[1]],
    seedSheets: queueSeedSheets(context, existing, withRules),
  };
}

/** A sheet whose anchor name is gone while others remain was read through nothing: read again. */
function anchorsMissing(reads: Reads): boolean {
  const missing = (ranges: (Excel.Range | undefined)[]) =>
    !present(ranges[0]) && ranges.some(present);
  return (
    missing(reads.groupFlags) ||
    [...reads.seedSheets.values()].some((s) => missing([...s.names.values()]))
  );
}

/** The template as one read shows it, and how many syncs that took. */
interface TemplateRead {
  reads: Reads;
  syncs: number;
}

/**
 * Failures of the one-sync read that the slower reads may get past: a null object refused, or a
 * rule Excel cannot read (reported as GeneralException, InvalidOperation or UnsupportedFeature).
 * Cell edit mode, protection or an old Excel fail the slower reads too, so those are said at once.
 */
const RETRIED_READS: ReadonlySet<WorkbookErrorCode> = new Set([
  "unknown",
  "invalidOperation",
  "unsupportedFeature",
  "tooLarge",
]);

/** The names that exist as ranges, listed in a sync of their own. */
async function rangeNames(
  context: Excel.RequestContext,
): Promise<(name: string) => boolean> {
  const names = context.workbook.names.load("items/name,items/type");
  await context.sync();
  return rangeNameTest(names);
}

/**
 * One sync reads every template name's range and every template sheet's rules, reaching missing
 * names through null objects. Where the host refuses that (or a sheet's first row lost its name),
 * the names are listed first and only existing ones are read; where that read fails too (a rule
 * Excel cannot read), the names are read without the rules, and each sheet's rules are read on
 * their own later (readSheetRules).
 */
export async function readTemplate(
  context: Excel.RequestContext,
  withRules = true,
): Promise<TemplateRead> {
  try {
    const reads = queueReads(context, undefined, withRules);
    await context.sync();
    if (!anchorsMissing(reads)) return { reads, syncs: 1 };
  } catch (e) {
    const error = toWorkbookError(e);
    if (!RETRIED_READS.has(error.code)) throw error;
  }
  let existing: (name: string) => boolean;
  try {
    existing = await rangeNames(context);
  } catch (e) {
    throw toWorkbookError(e);
  }
  if (withRules) {
    try {
      const reads = queueReads(context, existing, true);
      await context.sync();
      return { reads, syncs: 3 }; // the first read, the names, the read of those that exist
    } catch {
      // Read again without the rules: each sheet's are read on their own.
    }
  }
  try {
    const reads = queueReads(context, existing, false);
    await context.sync();
    return { reads, syncs: withRules ? 4 : 3 };
  } catch (e) {
    throw toWorkbookError(e);
  }
}

/** The template's sheets by key, each with its rules and protection as read. */
export function sheetsByKey(reads: Reads): Map<SheetKey, SheetRead> {
  const sheets = new Map<SheetKey, SheetRead>();
  if (reads.dashboard && present(reads.dashboardPhase))
    sheets.set("dashboard", reads.dashboard);
  if (reads.tracking && present(reads.months))
    sheets.set("tracking", reads.tracking);
  if (reads.risks && reads.groupFlags.some(present))
    sheets.set("risks", reads.risks);
  for (const [key, seed] of reads.seedSheets)
    if (seed.read && [...seed.names.values()].some(present))
      sheets.set(key, seed.read);
  return sheets;
}

/** Refuses, before anything is written, what Excel would refuse halfway. */
export function checkWritable(
  reads: Reads,
  sheets: Map<SheetKey, SheetRead>,
): void {
  if (reads.workbook.readOnly) throw new WorkbookError("readOnly");
  for (const [key, { protection, sheet }] of sheets)
    // A protected Departments, Channels or Tools sheet keeps its colours (index.ts): the rest refreshes.
    if (protection.protected && !isSeedSheet(key))
      throw new WorkbookError(
        "protected",
        `The sheet ${sheet.name} is protected.`,
      );
}

/**
 * Each sheet's rules: as the one read gave them, else read apart (readRulesOfSheets, each sheet's
 * types on its own since one of them may be unreadable, the formulas together); undefined for a
 * sheet whose rules Excel cannot read.
 */
export async function readSheetRules(
  context: Excel.RequestContext,
  sheets: ReadonlyMap<SheetKey, SheetRead>,
): Promise<{ rules: Map<SheetKey, SheetRules | undefined>; syncs: number }> {
  const rules = new Map<SheetKey, SheetRules | undefined>();
  const apart = [...sheets].filter(([, read]) => !read.rules);
  for (const [key, read] of sheets)
    if (read.rules) rules.set(key, rulesRead(read.rules));
  const { rules: read, syncs } = await readRulesOfSheets(
    context,
    apart.map(([, r]) => r.sheet),
    "alone",
  );
  apart.forEach(([key], i) => rules.set(key, read[i]));
  return { rules, syncs };
}
