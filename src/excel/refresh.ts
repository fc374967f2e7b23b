/**
 * Refresh risk flags: find the template through its workbook names, rebuild the add-in's own
 * conditional formats for the current extent of each row (months inserted inside a row's month
 * block widen its name, so they are included) and the current thresholds, and count the levels.
 * The user's own rules stay. One sync to read, one to write; nothing is written when a sheet is
 * protected or the workbook read-only.
 */
import {
  LEVELS,
  Level,
  PHASE_METRICS,
  PHASE_NUMBERS,
  PhaseMetric,
  PhaseNumber,
  RISK_GROUPS,
  METRICS_WITH_FLOORS,
  RISK_INDICATORS,
  RiskIndicator,
  valueProblem,
} from "../core/catalog";
import { indicatorRule, levelOf, metricRule } from "../core/evaluate";
import { resolve } from "../core/lookup";
import {
  Cell,
  Overrides,
  OverridesError,
  THRESHOLD_HEADERS,
  isEmpty,
  noFloor,
  parseOverrides,
} from "../core/overrides";
import {
  ConditionalRule,
  DASHBOARD,
  NAMES,
  PHASE_SHEET,
  RISK_SHEET,
  SheetKey,
  THRESHOLDS,
  cellPosition,
  columnLetter,
  flagTextRules,
  indicatorLevelRule,
  levelRules,
  metricLevelRule,
  parseAddress,
  phaseSheetKey,
} from "../core/template";
import {
  Address,
  LevelRule,
  absolute,
  onSheet,
} from "../core/template/formulas";
import { rangeNameTest } from "./names";
import {
  RefreshIncompleteError,
  WorkbookError,
  WorkbookErrorCode,
  toWorkbookError,
} from "./errors";
import {
  SheetRules,
  addRule,
  holdsExactly,
  oursOf,
  queueRulesRead,
  readRulesGuarded,
  ruleFormula,
  rulesRead,
} from "./rules";

export interface FlaggedCell {
  /** The flag cell, e.g. 'Phase 1'!M4 */
  address: string;
  sheet: string;
  measureId: string;
  phase: PhaseNumber | "R";
  value: number;
  target: number;
  level: "WATCH" | "RISK";
}

/** An input cell holding a number its measure cannot take (5 typed for 5% churn). */
export interface OutOfRangeCell {
  address: string;
  measureId: string;
  value: number;
  /** The core's sentence: "churn is a percentage entered as a fraction: 5% is 0.05, ...". */
  problem: string;
}

export interface RefreshResult {
  counts: Record<Level, number>;
  flagged: FlaggedCell[];
  /**
   * Input cells whose number cannot be right for their measure (pasted values skip Excel's data
   * validation): listed apart, and a row whose latest month is one of them is not counted.
   */
  outOfRange: OutOfRangeCell[];
  rulesRemoved: number;
  rulesAdded: number;
  syncs: number;
  /** Ids of the sheets whose cells the flags read (phase sheets, Risks, Thresholds): edits elsewhere leave them current. */
  inputSheetIds: string[];
  /** Sheets whose conditional formats Excel could not read: left as they were; rebuildSheetFlags can redo them. */
  unreadableSheets: string[];
}

type Grid = (string | number | boolean | null)[][];

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

/** The last number in a row of months, or undefined (the template's Latest column does the same). */
function latestNumber(row: readonly unknown[]): number | undefined {
  for (let k = row.length - 1; k >= 0; k--)
    if (typeof row[k] === "number") return row[k] as number;
  return undefined;
}

/** An address as Excel reports it: the sheet name quoted only where it needs to be. */
const quoted = (sheet: string, ref: string) =>
  `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${ref}`;

/** One cell's address, as Excel reports it. */
const cellAddress = (sheet: string, col: number, row: number) =>
  quoted(sheet, `${columnLetter(col)}${row}`);

interface Reads {
  workbook: Excel.Workbook;
  phases: {
    n: PhaseNumber;
    rows: { actuals?: Excel.Range; flag?: Excel.Range }[];
    /** Reached through the first row's flag (the first existing one, where names were listed first). */
    sheet?: SheetRead;
  }[];
  risks: { actuals?: Excel.Range; ids?: Excel.Range; flag?: Excel.Range }[];
  risksSheet?: SheetRead;
  dashboard?: Excel.Range;
  dashboardSheet?: SheetRead;
  /** Per metric, its P1..P4 targets on the Thresholds sheet. */
  targets: (Excel.Range | undefined)[];
  thresholdsSheet?: Excel.Worksheet;
  floors: Map<string, Excel.Range | undefined>;
  /** Per metric without floors, the Floor P1..P4 cells of its row: a number typed there is refused. */
  strayFloors: Map<string, Excel.Range | undefined>;
  /** Per risk indicator, its threshold cell. */
  thresholds: (Excel.Range | undefined)[];
}

/** The first row's, or (names listed first) the first existing row's: the anchor of a sheet. */
const anchorOf = (flags: (Excel.Range | undefined)[], existing: Existing) =>
  existing ? flags.find((f) => f !== undefined) : flags[0];

function queueReads(
  context: Excel.RequestContext,
  existing: Existing,
  withRules: boolean,
): Reads {
  const phases = PHASE_NUMBERS.map((n) => {
    const rows = PHASE_METRICS.map((m) => ({
      actuals: named(
        context,
        NAMES.phaseActuals(n, m.id),
        "values,address",
        existing,
      ),
      flag: named(context, NAMES.phaseFlag(n, m.id), "address", existing),
    }));
    const anchor = anchorOf(
      rows.map((r) => r.flag),
      existing,
    );
    return { n, rows, sheet: sheetRead(anchor, withRules) };
  });
  const risks = RISK_GROUPS.map((g) => {
    const actuals = named(
      context,
      NAMES.riskActuals(g.id),
      "values,address",
      existing,
    );
    return {
      actuals,
      // Column A of the Risks sheet holds each row's indicator id.
      ids: actuals?.getColumnsBefore(3).load("values"),
      flag: named(context, NAMES.riskFlag(g.id), "address", existing),
    };
  });
  const dashboard = named(context, NAMES.phase, "address", existing);
  const targets = PHASE_METRICS.map((m) =>
    named(context, NAMES.target(m.id), "values,address", existing),
  );
  return {
    workbook: context.workbook.load("readOnly"),
    phases,
    risks,
    risksSheet: sheetRead(
      anchorOf(
        risks.map((r) => r.flag),
        existing,
      ),
      withRules,
    ),
    dashboard,
    dashboardSheet: sheetRead(dashboard, withRules),
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

/** A sheet whose first row's name is gone while others remain was read through nothing: read again. */
function anchorsMissing(reads: Reads): boolean {
  const missing = (flags: (Excel.Range | undefined)[]) =>
    !present(flags[0]) && flags.some(present);
  return (
    reads.phases.some((p) => missing(p.rows.map((r) => r.flag))) ||
    missing(reads.risks.map((r) => r.flag))
  );
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

/** The cell `offset` columns into a thresholds name, as a rule references it; undefined without the name. */
function thresholdCell(
  range: Excel.Range | undefined,
  offset: number,
): string | undefined {
  if (!present(range)) return undefined;
  const a = parseAddress(range.address);
  return onSheet(a.sheet, absolute(a.start.col + offset, a.start.row));
}

/** The core's rule for metric `index` in phase n, pointing at the threshold cells where they are now. */
function metricRuleHere(
  reads: Reads,
  thresholdsSheet: string,
  index: number,
  n: PhaseNumber,
): LevelRule {
  const base = metricLevelRule(thresholdsSheet, index, n);
  const m: PhaseMetric = PHASE_METRICS[index];
  return {
    ...base,
    threshold: thresholdCell(reads.targets[index], n - 1) ?? base.threshold,
    floor:
      base.floor &&
      (thresholdCell(reads.floors.get(m.id), n - 1) ?? base.floor),
  };
}

function indicatorRuleHere(
  reads: Reads,
  thresholdsSheet: string,
  indicatorIndex: number,
): LevelRule {
  const base = indicatorLevelRule(
    thresholdsSheet,
    RISK_INDICATORS[indicatorIndex],
  );
  return {
    ...base,
    threshold:
      thresholdCell(reads.thresholds[indicatorIndex], 0) ?? base.threshold,
  };
}

interface Plan {
  rules: ConditionalRule[];
  counts: Record<Level, number>;
  flagged: FlaggedCell[];
  outOfRange: OutOfRangeCell[];
}

/**
 * Every number of a row of months checked against what its measure can take; true when the
 * latest one is fine (so the row's level can be counted).
 */
function checkRange(
  plan: Plan,
  months: readonly unknown[],
  start: { sheet: string; col: number; row: number },
  measure: PhaseMetric | RiskIndicator,
): boolean {
  let latestFine = true;
  months.forEach((v, k) => {
    if (typeof v !== "number") return;
    const problem = valueProblem(measure, v);
    latestFine = problem === undefined;
    if (problem === undefined) return;
    plan.outOfRange.push({
      address: cellAddress(start.sheet, start.col + k, start.row),
      measureId:
        measure.kind === "indicator" ? measure.qualifiedId : measure.id,
      value: v,
      problem,
    });
  });
  return latestFine;
}

function judge(
  plan: Plan,
  level: Level,
  cell: Omit<FlaggedCell, "level">,
): void {
  plan.counts[level]++;
  if (level !== "OK") plan.flagged.push({ ...cell, level });
}

/** A column of flag cells from the first to the last row given. */
function flagColumn(addresses: readonly string[]): {
  ref: string;
  topLeft: string;
} {
  const cells = addresses.map((a) => parseAddress(a).start);
  const col = columnLetter(cells[0].col);
  const [first, last] = [
    Math.min(...cells.map((c) => c.row)),
    Math.max(...cells.map((c) => c.row)),
  ];
  return { ref: `${col}${first}:${col}${last}`, topLeft: `${col}${first}` };
}

/** Columns from a row's Latest cell to its flag: Latest, Target, Gap, Flag / Latest, Threshold, Flag. */
const LATEST_BEFORE_FLAG = {
  phase: PHASE_SHEET.flagColumn(1) - PHASE_SHEET.latestColumn(1),
  risks: RISK_SHEET.flagColumn - RISK_SHEET.latestColumn,
} as const;

/**
 * The cells a row's level colours: its months (the row's name) and its Latest cell, found from
 * the flag. A column inserted between the last month and Latest is outside the name, and so
 * outside the row's formulas: it is left uncoloured, and Latest keeps its colour.
 */
function levelRanges(
  months: Address,
  row: number,
  flagColumn: number,
  latestBeforeFlag: number,
): { ref: string; topLeft: string }[] {
  const first = `${columnLetter(months.start.col)}${row}`;
  const latestColumn = flagColumn - latestBeforeFlag;
  const latest = `${columnLetter(latestColumn)}${row}`;
  if (latestColumn === months.end.col + 1)
    return [{ ref: `${first}:${latest}`, topLeft: first }];
  return [
    { ref: `${first}:${columnLetter(months.end.col)}${row}`, topLeft: first },
    { ref: latest, topLeft: latest },
  ];
}

function planPhase(
  plan: Plan,
  reads: Reads,
  read: Reads["phases"][number],
  thresholdsSheet: string,
  overrides: Overrides,
): void {
  const key = phaseSheetKey(read.n);
  const flags: string[] = [];
  read.rows.forEach(({ actuals, flag }, i) => {
    if (!present(actuals) || !present(flag)) return;
    const m = PHASE_METRICS[i];
    const a = parseAddress(actuals.address);
    const rule = metricRuleHere(reads, thresholdsSheet, i, read.n);
    const flagColumn = parseAddress(flag.address).start.col;
    for (const r of levelRanges(
      a,
      a.start.row,
      flagColumn,
      LATEST_BEFORE_FLAG.phase,
    ))
      plan.rules.push(...levelRules(key, r.ref, r.topLeft, rule));
    flags.push(flag.address);
    const months = (actuals.values as Grid)[0];
    const value = latestNumber(months);
    const fine = checkRange(plan, months, { sheet: a.sheet, ...a.start }, m);
    if (value === undefined || !fine) return;
    const judged = metricRule(m, read.n, overrides);
    if (judged === undefined) return; // switched off in the Thresholds table
    judge(plan, levelOf(value, judged), {
      address: flag.address,
      sheet: a.sheet,
      measureId: m.id,
      phase: read.n,
      value,
      target: judged.threshold,
    });
  });
  if (flags.length) {
    const column = flagColumn(flags);
    plan.rules.push(...flagTextRules(key, column.ref, column.topLeft));
  }
}

/** Each group's rows: the indicator named in column A (rows a user inserted in the group included). */
function planRisks(
  plan: Plan,
  reads: Reads,
  thresholdsSheet: string,
  overrides: Overrides,
): void {
  const flags: string[] = [];
  for (const { actuals, ids, flag } of reads.risks) {
    if (!present(actuals) || !present(flag) || !ids) continue;
    const a = parseAddress(actuals.address);
    const flagColumn = parseAddress(flag.address).start.col;
    flags.push(flag.address);
    (actuals.values as Grid).forEach((row, r) => {
      const found = resolve(String(ids.values[r]?.[0] ?? ""));
      if (found.kind !== "indicator") return;
      const rowNumber = a.start.row + r;
      const flagAddress = cellAddress(a.sheet, flagColumn, rowNumber);
      const rule = indicatorRuleHere(
        reads,
        thresholdsSheet,
        RISK_INDICATORS.indexOf(found.indicator),
      );
      for (const cells of levelRanges(
        a,
        rowNumber,
        flagColumn,
        LATEST_BEFORE_FLAG.risks,
      ))
        plan.rules.push(...levelRules("risks", cells.ref, cells.topLeft, rule));
      flags.push(flagAddress);
      const value = latestNumber(row);
      const fine = checkRange(
        plan,
        row,
        { sheet: a.sheet, col: a.start.col, row: rowNumber },
        found.indicator,
      );
      if (value === undefined || !fine) return;
      const judged = indicatorRule(found.indicator, overrides);
      if (judged === undefined) return; // switched off in the Thresholds table
      judge(plan, levelOf(value, judged), {
        address: flagAddress,
        sheet: a.sheet,
        measureId: found.indicator.qualifiedId,
        phase: "R",
        value,
        target: judged.threshold,
      });
    });
  }
  if (flags.length) {
    const column = flagColumn(flags);
    plan.rules.push(...flagTextRules("risks", column.ref, column.topLeft));
  }
}

/** The dashboard's four risk levels sit below its phase cell (Scale_Phase), wherever that is now. */
function planDashboard(plan: Plan, dashboard: Excel.Range): void {
  const phase = parseAddress(dashboard.address).start;
  const row = (g: number) =>
    phase.row + DASHBOARD.riskRow(g) - DASHBOARD.phaseRow;
  const col = columnLetter(phase.col);
  const first = `${col}${row(0)}`;
  plan.rules.push(
    ...flagTextRules(
      "dashboard",
      `${first}:${col}${row(RISK_GROUPS.length - 1)}`,
      first,
    ),
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
  if (reads.dashboardSheet) sheets.set("dashboard", reads.dashboardSheet);
  if (reads.risksSheet && reads.risks.some((r) => present(r.flag)))
    sheets.set("risks", reads.risksSheet);
  for (const p of reads.phases)
    if (p.sheet && p.rows.some((r) => present(r.flag)))
      sheets.set(phaseSheetKey(p.n), p.sheet);
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
  const dashboard = reads.dashboard;
  const firstTargets = reads.targets[0];
  if (!present(dashboard) || !present(firstTargets))
    throw new WorkbookError("notInserted");
  const sheets = sheetsByKey(reads);
  checkWritable(reads, sheets);
  const thresholdsSheet = parseAddress(firstTargets.address).sheet;
  const overrides = overridesFrom(reads);
  const plan: Plan = {
    rules: [],
    counts: { OK: 0, WATCH: 0, RISK: 0 },
    flagged: [],
    outOfRange: [],
  };
  for (const read of reads.phases)
    planPhase(plan, reads, read, thresholdsSheet, overrides);
  planRisks(plan, reads, thresholdsSheet, overrides);
  planDashboard(plan, dashboard);
  return { reads, syncs, sheets, plan };
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
  let rulesRemoved = 0;
  // Per sheet, the new rules before the old ones go: wherever Excel stops, a sheet keeps a full set.
  for (const [key, { sheet }] of written) {
    for (const rule of plannedFor(plan, key)) addRule(sheet, rule);
    for (const cf of oursOf(rules.get(key)!)) {
      cf.delete();
      rulesRemoved++;
    }
  }
  try {
    await context.sync();
  } catch (e) {
    throw await afterFailedWrite(
      context,
      written,
      unreadableOf(sheets, rules),
      plan,
      e,
    );
  }
  const order = (f: FlaggedCell) => LEVELS.indexOf(f.level);
  plan.flagged.sort(
    (a, b) =>
      order(b) - order(a) ||
      cellPosition(a.address.split("!")[1]).row -
        cellPosition(b.address.split("!")[1]).row,
  );
  return {
    counts: plan.counts,
    flagged: plan.flagged,
    outOfRange: plan.outOfRange,
    rulesRemoved,
    rulesAdded: written.reduce(
      (n, [key]) => n + plannedFor(plan, key).length,
      0,
    ),
    syncs: syncs + 1,
    inputSheetIds: [
      ...[...sheets]
        .filter(([key]) => key !== "dashboard")
        .map(([, read]) => read.sheet.id),
      ...(reads.thresholdsSheet ? [reads.thresholdsSheet.id] : []),
    ],
    unreadableSheets: unreadableOf(sheets, rules),
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
    sheet.getRange(ref).conditionalFormats.clearAll();
  for (const rule of planned) addRule(sheet, rule);
  try {
    await context.sync();
  } catch (e) {
    // Office.js keeps what ran before the failure: the clearing, maybe some of the adds.
    throw new WorkbookError("rebuildIncomplete", toWorkbookError(e).detail);
  }
  return { rulesAdded: planned.length, syncs: syncs + 1 };
}
