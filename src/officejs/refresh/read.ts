/**
 * Refresh risk flags: find the template through its workbook names, rebuild the add-in's own
 * conditional formats for the current extent of the timeline (months inserted inside the month
 * block widen the names, so they are included) and the current thresholds, give inserted months
 * their formulas (inserted-months.ts, one more sync when there are any), and count the
 * reporting month's levels. Read (here) -> plan (refresh-plan.ts, pure) -> write (here). The
 * user's own rules stay. One sync to read, two to write (the new rules, then the old ones
 * deleted by their priority as read after the adds); nothing is written when a sheet is
 * protected or the workbook read-only.
 */
import {
  LEVELS,
  METRICS_WITH_FLOORS,
  PHASE_NUMBERS,
  PHASE_METRICS,
  RISK_GROUPS,
  RISK_INDICATORS,
} from "../../core/catalog";
import { Cell, isEmpty } from "../../core/cell";
import { Overrides } from "../../core/overrides";
import {
  OverridesError,
  noFloor,
  parseOverrides,
} from "../../core/thresholds-parser";
import { THRESHOLD_HEADERS } from "../../core/template/thresholds-layout";
import { PHASE_PLANS, planCompletion, planItemCount } from "../../core/plan";
import { TIMELINE_ROWS } from "../../core/timeline";
import {
  NAMES,
  PLAN,
  SheetKey,
  THRESHOLDS,
  cellPosition,
  monthColumn,
  parseAddress,
} from "../../core/template";
import { planItemRows } from "../../core/template/plan";
import { languageOfLabel } from "../../core/template/labels";
import { rangeNameTest } from "../names";
import {
  PendingMonths,
  queueFormulaCopies,
  queueInsertedMonthsRead,
} from "./months";
import { templateRows } from "./months-plan";
import { yearMonthOf } from "../../core/months";
import {
  RefreshIncompleteError,
  WorkbookError,
  WorkbookErrorCode,
  toWorkbookError,
} from "../errors";
import {
  FlaggedCell,
  OutOfRangeCell,
  UnusualCell,
  Plan,
  TemplateSnapshot,
  cellAddress,
  planRefresh,
} from "./plan";
import {
  SheetRules,
  addRules,
  holdsExactly,
  queueRulesRead,
  readRulesGuarded,
  ruleFormula,
  ruleTarget,
  rulesRead,
  staleRules,
} from "../rules";

export type { FlaggedCell, OutOfRangeCell, UnusualCell } from "./plan";

export interface RefreshResult {
  /** Per phase P1..P4, its plan completion (done ÷ not dropped); null where every item is dropped or the sheet is gone. */
  plan: (number | null)[];
  /** "YYYY-MM": the month the levels are of (the dashboard's reporting month). */
  reportingMonth?: string;
  counts: Record<(typeof LEVELS)[number], number>;
  /** The reporting month's WATCH and RISK metrics and indicators, worst first. */
  flagged: FlaggedCell[];
  /**
   * Month cells whose number cannot be right for their measure (pasted values skip Excel's data
   * validation): listed apart, and a measure whose value as of the reporting month is one of them is not counted.
   */
  outOfRange: OutOfRangeCell[];
  /** Typed values of the input rows unusually far from their neighbours (a CAC in thousands among dollars): listed, levels unchanged. */
  unusual: UnusualCell[];
  rulesRemoved: number;
  rulesAdded: number;
  /** "YYYY-MM" of the months inserted as columns that were given their formulas (from the months beside them). */
  monthsCompleted: string[];
  syncs: number;
  /** Ids of the sheets whose cells the flags read (Tracking, Thresholds, the dashboard's month): edits elsewhere leave them current. */
  inputSheetIds: string[];
  /** Sheets whose conditional formats Excel could not read: left as they were; rebuildSheetFlags can redo them. */
  unreadableSheets: string[];
}

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
const present = (range: Excel.Range | undefined): range is Excel.Range =>
  range !== undefined && !range.isNullObject;

/** A template sheet reached through one of its names, with what refresh needs of it. */
interface SheetRead {
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

/** The plan sheet's language from its completion label; undefined (either language's words) when the label was edited. */
const planLanguage = (label: Excel.Range | undefined) =>
  present(label)
    ? languageOfLabel(label.values[0]?.[0], (l) => l.plan.completion)
    : undefined;

interface Reads {
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
  };
}

/** A sheet whose anchor name is gone while others remain was read through nothing: read again. */
function anchorsMissing(reads: Reads): boolean {
  return !present(reads.groupFlags[0]) && reads.groupFlags.some(present);
}

/** The numbers in a thresholds name's cells, "" where empty (that check is off); a text cell is refused, naming the cell. */
function thresholdNumbers(range: Excel.Range): (number | "")[] {
  const a = parseAddress(range.address);
  return (range.values[0] as Cell[]).map((v, k) => {
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (v === "" || v === null) return "";
    throw new WorkbookError(
      "badThresholds",
      `${cellAddress(a.sheet, a.start.col + k, a.start.row)} holds ${JSON.stringify(v)}, not a number`,
    );
  });
}

/** A floor typed for a metric that has none (product.md section 4): refused naming the cell, as SCALE.* refuses it. */
function refuseStrayFloors(reads: Reads): void {
  for (const [id, range] of reads.strayFloors) {
    if (!present(range)) continue;
    const a = parseAddress(range.address);
    (range.values[0] as Cell[]).forEach((v, k) => {
      if (isEmpty(v)) return;
      throw new WorkbookError(
        "badThresholds",
        `${cellAddress(a.sheet, a.start.col + k, a.start.row)} holds ${JSON.stringify(v)}: ${noFloor(id)}`,
      );
    });
  }
}

/**
 * The thresholds the sheet's formulas use (the cells the names point at), as core overrides:
 * laid out as the Thresholds tables and read by parseOverrides, as SCALE.* reads them.
 */
function overridesFrom(reads: Reads): Overrides {
  refuseStrayFloors(reads);
  const h = THRESHOLD_HEADERS;
  const rows: Cell[][] = [[h.id, ...h.targets, ...h.floors]];
  PHASE_METRICS.forEach((m, i) => {
    const targets = reads.targets[i];
    if (!present(targets)) return;
    const floor = reads.floors.get(m.id);
    const floors = present(floor) ? thresholdNumbers(floor) : ["", "", "", ""];
    rows.push([m.id, ...thresholdNumbers(targets), ...floors]);
  });
  rows.push([h.id, h.threshold]);
  RISK_INDICATORS.forEach((ind, i) => {
    const cell = reads.thresholds[i];
    if (present(cell)) rows.push([ind.qualifiedId, thresholdNumbers(cell)[0]]);
  });
  try {
    return parseOverrides(rows);
  } catch (e) {
    if (e instanceof OverridesError)
      throw new WorkbookError("badThresholds", e.message);
    throw e;
  }
}

/** What was read, as plain data for the plan. */
function snapshotOf(reads: Reads, overrides: Overrides): TemplateSnapshot {
  const rows = new Map<
    string,
    { address: ReturnType<typeof parseAddress>; values: unknown[][] }
  >();
  for (const [key, range] of reads.rows)
    if (present(range))
      rows.set(key, {
        address: parseAddress(range.address),
        values: range.values,
      });
  // A date (typed, or the default formula's result); the default formula not computed; or cleared.
  const reporting = present(reads.reportingMonth)
    ? reads.reportingMonth
    : undefined;
  const value = reporting?.values[0]?.[0];
  const formula = String(reporting?.formulas[0]?.[0] ?? "").startsWith("=");
  const reportingMonth =
    typeof value === "number"
      ? value
      : formula || !reporting
        ? "default"
        : "empty";
  return {
    rows,
    targetPhaseRow: present(reads.targetPhase)
      ? parseAddress(reads.targetPhase.address).start.row
      : undefined,
    lastGroupRow: present(reads.lastGroup)
      ? parseAddress(reads.lastGroup.address).start.row
      : undefined,
    months: present(reads.months) ? reads.months.values[0] : undefined,
    reportingMonth,
    minShare: present(reads.minShare)
      ? reads.minShare.values[0]?.[0]
      : undefined,
    dashboardPhase: present(reads.dashboardPhase)
      ? parseAddress(reads.dashboardPhase.address)
      : undefined,
    dashboardFlags: reads.dashboardFlags
      .filter(present)
      .map((r) => parseAddress(r.address)),
    groupFlags: reads.groupFlags
      .filter(present)
      .map((r) => parseAddress(r.address)),
    overrides,
  };
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
 * their own later (readRulesGuarded).
 */
async function readTemplate(
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
function sheetsByKey(reads: Reads): Map<SheetKey, SheetRead> {
  const sheets = new Map<SheetKey, SheetRead>();
  if (reads.dashboard && present(reads.dashboardPhase))
    sheets.set("dashboard", reads.dashboard);
  if (reads.tracking && present(reads.months))
    sheets.set("tracking", reads.tracking);
  if (reads.risks && reads.groupFlags.some(present))
    sheets.set("risks", reads.risks);
  return sheets;
}

/** Refuses, before anything is written, what Excel would refuse halfway. */
function checkWritable(reads: Reads, sheets: Map<SheetKey, SheetRead>): void {
  if (reads.workbook.readOnly) throw new WorkbookError("readOnly");
  for (const { protection, sheet } of sheets.values())
    if (protection.protected)
      throw new WorkbookError(
        "protected",
        `The sheet ${sheet.name} is protected.`,
      );
}

/** What refresh and rebuild both start from: the template read, its sheets and the rules planned for it. */
interface Prepared {
  reads: Reads;
  syncs: number;
  sheets: Map<SheetKey, SheetRead>;
  plan: Plan;
}

async function prepare(
  context: Excel.RequestContext,
  withRules: boolean,
): Promise<Prepared> {
  const { reads, syncs } = await readTemplate(context, withRules);
  if (
    !present(reads.dashboardPhase) ||
    !present(reads.months) ||
    !present(reads.targets[0])
  )
    throw new WorkbookError("notInserted");
  // Flags and formulas are placed from this version's layout: on another one they would land on the wrong cells.
  if (parseAddress(reads.months.address).start.col !== monthColumn(1))
    throw new WorkbookError("olderLayout");
  const sheets = sheetsByKey(reads);
  checkWritable(reads, sheets);
  const plan = planRefresh(snapshotOf(reads, overridesFrom(reads)));
  return { reads, syncs, sheets, plan };
}

/** Months inserted as columns: their cells and their neighbours' read in a sync of their own; undefined when there are none. */
async function readInsertedMonths(
  context: Excel.RequestContext,
  reads: Reads,
  sheets: Map<SheetKey, SheetRead>,
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

/** The sheets whose rules could not be read, by name. */
const unreadableOf = (
  sheets: Map<SheetKey, SheetRead>,
  rules: Map<SheetKey, SheetRules | undefined>,
) =>
  [...sheets]
    .filter(([key]) => rules.get(key) === undefined)
    .map(([, read]) => read.sheet.name);

const plannedFor = (plan: Plan, key: SheetKey) =>
  plan.rules.filter((r) => r.sheet === key);

/**
 * After a write Excel stopped part-way: which sheets hold exactly their new rules. Office.js keeps
 * the operations that ran before a failed one, and each sheet got its new rules before its old
 * ones were deleted, so every sheet holds a full set either way; this says which.
 */
async function afterFailedWrite(
  context: Excel.RequestContext,
  written: [SheetKey, SheetRead][],
  unreadable: string[],
  plan: Plan,
  cause: unknown,
): Promise<RefreshIncompleteError> {
  const refreshed: string[] = [];
  const notRefreshed: string[] = [];
  for (const [key, { sheet }] of written) {
    const now = (await readRulesGuarded(context, sheet)).rules;
    const planned = plannedFor(plan, key).map(ruleFormula);
    (now && holdsExactly(now.formulas, planned)
      ? refreshed
      : notRefreshed
    ).push(sheet.name);
  }
  return new RefreshIncompleteError(
    refreshed,
    notRefreshed,
    toWorkbookError(cause),
    unreadable,
  );
}

export async function refreshRiskFlags(
  context: Excel.RequestContext,
): Promise<RefreshResult> {
  const {
    reads,
    syncs: readSyncs,
    sheets,
    plan,
  } = await prepare(context, true);
  let syncs = readSyncs;
  const pendingMonths = await readInsertedMonths(context, reads, sheets);
  if (pendingMonths) syncs++;
  const rules = new Map<SheetKey, SheetRules | undefined>();
  for (const [key, read] of sheets) {
    if (read.rules) rules.set(key, rulesRead(read.rules));
    else {
      const guarded = await readRulesGuarded(context, read.sheet);
      rules.set(key, guarded.rules);
      syncs += guarded.syncs;
    }
  }
  const written = [...sheets].filter(([key]) => rules.get(key) !== undefined);
  const unreadable = unreadableOf(sheets, rules);
  const failed = (e: unknown) =>
    afterFailedWrite(context, written, unreadable, plan, e);
  // First the new rules, each on top of its sheet (ConditionalFormatCollection.add), so that
  // wherever Excel stops every sheet keeps a whole set; then each sheet's rules read again, since
  // a rule's id is its priority and the adds moved every rule read before (see rules.ts).
  for (const [key, { sheet }] of written)
    addRules(plannedFor(plan, key), () => sheet);
  const completed = pendingMonths
    ? queueFormulaCopies(pendingMonths).months
    : [];
  const reread = new Map(
    written.map(([key, read]) => [
      key,
      read.rules ? queueRulesRead(read.sheet) : undefined,
    ]),
  );
  try {
    await context.sync();
  } catch (e) {
    throw await failed(e);
  }
  syncs++;
  let rulesRemoved = 0;
  for (const [key, { sheet }] of written) {
    const collection = reread.get(key);
    let now: SheetRules | undefined;
    if (collection) now = rulesRead(collection);
    else {
      const guarded = await readRulesGuarded(context, sheet);
      syncs += guarded.syncs;
      now = guarded.rules;
    }
    if (!now) continue; // Excel cannot read them back: two sets stay until the next refresh.
    const planned = plannedFor(plan, key).map(ruleFormula);
    for (const priority of staleRules(now.formulas, planned)) {
      now.items[priority].delete();
      rulesRemoved++;
    }
  }
  try {
    await context.sync();
  } catch (e) {
    throw await failed(e);
  }
  const order = (f: FlaggedCell) => LEVELS.indexOf(f.level);
  plan.flagged.sort(
    (a, b) =>
      order(b) - order(a) ||
      cellPosition(a.address.split("!")[1]).row -
        cellPosition(b.address.split("!")[1]).row,
  );
  return {
    plan: reads.planStatuses.map((range, k) =>
      present(range)
        ? (planCompletion(
            // Only the items' own cells: never a status typed beside a numeric objective or a heading.
            planItemRows(PHASE_NUMBERS[k]).map(
              (row) => range.values[row - PLAN.objectiveRow(0)]?.[0],
            ),
            planItemCount(PHASE_PLANS[k]),
            planLanguage(reads.planLabels[k]),
          ) ?? null)
        : null,
    ),
    reportingMonth: plan.reportingMonth,
    counts: plan.counts,
    flagged: plan.flagged,
    outOfRange: plan.outOfRange,
    unusual: plan.unusual,
    rulesRemoved,
    rulesAdded: written.reduce(
      (n, [key]) => n + plannedFor(plan, key).length,
      0,
    ),
    monthsCompleted: completed,
    syncs: syncs + 1,
    // The dashboard holds the reporting month and the minimum share: edits there move the levels too.
    inputSheetIds: [
      ...[...sheets]
        .filter(([key]) => key !== "risks")
        .map(([, read]) => read.sheet.id),
      ...(reads.thresholdsSheet ? [reads.thresholdsSheet.id] : []),
    ],
    unreadableSheets: unreadable,
  };
}

/**
 * The explicit way out for a sheet whose rules Excel cannot read: every conditional format on the
 * cells the add-in colours on that sheet is cleared (the user's own rules on those cells too,
 * which the pane says before it asks) and the add-in's flags are added again. Rules elsewhere on
 * the sheet stay. Returns how many rules were added.
 */
export async function rebuildSheetFlags(
  context: Excel.RequestContext,
  sheetName: string,
): Promise<{ rulesAdded: number; syncs: number }> {
  const { syncs, sheets, plan } = await prepare(context, false);
  const found = [...sheets].find(([, read]) => read.sheet.name === sheetName);
  if (!found)
    throw new WorkbookError(
      "notInserted",
      `No template sheet named ${sheetName}`,
    );
  const [key, { sheet }] = found;
  const planned = plannedFor(plan, key);
  for (const ref of new Set(planned.map((r) => r.ref)))
    ruleTarget(sheet, ref).conditionalFormats.clearAll();
  addRules(planned, () => sheet);
  try {
    await context.sync();
  } catch (e) {
    // Office.js keeps what ran before the failure: the clearing, maybe some of the adds.
    throw new WorkbookError("rebuildIncomplete", toWorkbookError(e).detail);
  }
  return { rulesAdded: planned.length, syncs: syncs + 1 };
}
