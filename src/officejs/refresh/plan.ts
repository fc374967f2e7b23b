/**
 * Refresh's plan, pure: from what was read of the workbook (plain values and addresses, no
 * Office objects) to the add-in's colour rules for the current extent of the timeline and the
 * reporting month's levels. Tested without a host.
 */
import {
  CONTEXT_THRESHOLDS,
  LEVELS,
  Level,
  PHASE_METRICS,
  PhaseNumber,
  RISK_GROUPS,
  RISK_INDICATORS,
  valueProblem,
} from "../../core/catalog";
import { contextRule, indicatorRule, levelOf } from "../../core/evaluate";
import { otherMeasureNamed } from "../../core/lookup";
import { addMonths, monthsBetween, yearMonthOf } from "../../core/months";
import { unusualValues } from "../../core/unusual";
import { Overrides } from "../../core/overrides";
import {
  Series,
  TIMELINE_ROWS,
  computeTimeline,
  lastInputMonth,
  rowOf,
  timelineValues,
} from "../../core/timeline";
import {
  ConditionalRule,
  DASHBOARD,
  RISKS,
  SheetKey,
  TRACKING_COLUMNS,
  flagTextRules,
  varianceRules,
  trackingLevelRules,
} from "../../core/template";
import { Address, cell, cellAddress, parseAddress } from "../../core/address";
import {
  DepartmentLevels,
  SeedSheetContext,
  SeedSheetSnapshot,
  seedSheetRules,
} from "./seed-sheets";

export interface FlaggedCell {
  /** The month cell the value is from, e.g. Tracking!R7 */
  address: string;
  sheet: string;
  measureId: string;
  /**
   * The target phase a metric is judged against, "R" for a risk indicator, "C" for a SaaS measure
   * against its convention (product.md 12, 14: information, never toward the phase).
   */
  phase: PhaseNumber | "R" | "C";
  value: number;
  target: number;
  level: "WATCH" | "RISK";
}

/** A month cell holding a number its measure cannot take (5 typed for 5% churn). */
export interface OutOfRangeCell {
  address: string;
  measureId: string;
  value: number;
  /** The core's sentence: "churn is a percentage entered as a fraction: 5% is 0.05, ...". */
  problem: string;
}

/** A typed value unusually far from its row's neighbours (core/unusual.ts): listed, never judged otherwise. */
export interface UnusualCell {
  address: string;
  /** The row's key (Tracking_<key>) and the id its cell shows. */
  key: string;
  measureId: string;
  /** "YYYY-MM" of the value and of its nearest typed neighbours before and after it. */
  month: string;
  value: number;
  previous: { month: string; value: number };
  next: { month: string; value: number };
  size: "large" | "small";
}

/** A range as read: where it is and its values. */
export interface RangeRead {
  readonly address: Address;
  readonly values: readonly (readonly unknown[])[];
}

/** What refresh read of the template, as plain data. */
export interface TemplateSnapshot {
  /** Row key -> the month cells of that timeline row (Tracking_<key>), where the name exists. */
  readonly rows: ReadonlyMap<string, RangeRead>;
  /** Tracking_TargetPhase's row: the colour rules read each month's target phase there. */
  readonly targetPhaseRow?: number;
  /** The last risk group row (Tracking_Risk_<last group>): the working rows sit below it. */
  readonly lastGroupRow?: number;
  /** The month headers' values (dates as serial numbers). */
  readonly months?: readonly unknown[];
  /**
   * Scale_ReportingMonth as read: a date (typed, or the default formula's result), the default
   * formula not yet computed ("default", as the fake host gives it), or a cleared cell ("empty").
   */
  readonly reportingMonth?: number | "default" | "empty";
  /** Scale_MinShare's value. */
  readonly minShare?: unknown;
  /** Scale_Phase, the anchor of the dashboard's risk levels. */
  readonly dashboardPhase?: Address;
  /** Flag_<id> cells on the dashboard. */
  readonly dashboardFlags: readonly Address[];
  /** Variance_<key> cells on the dashboard, where the tracker has them. */
  readonly dashboardVariances?: readonly Address[];
  /** Risk_<group>_Flag cells on the Risks sheet. */
  readonly groupFlags: readonly Address[];
  readonly overrides: Overrides;
  /** The Departments, Channels and Tools sheets that exist (product.md 13), and what their months depend on. */
  readonly seedSheets?: readonly SeedSheetSnapshot[];
  readonly seedContext?: SeedSheetContext;
  /** The levels the Departments sheet shows, where it exists. */
  readonly departments?: DepartmentLevels;
}

export interface Plan {
  /** "YYYY-MM" of the reporting month, where there is one. */
  reportingMonth?: string;
  rules: ConditionalRule[];
  counts: Record<Level, number>;
  flagged: FlaggedCell[];
  outOfRange: OutOfRangeCell[];
  unusual: UnusualCell[];
  /** Sheets whose rules refresh leaves as they are (their names moved: the description's cells would be the wrong ones). */
  leftAlone: SheetKey[];
  departments?: DepartmentLevels;
}

const ref = cell;

/** The Departments, Channels and Tools sheets' rules: the description's, where each sheet is where it put it. */
function seedRules(s: TemplateSnapshot, plan: Plan): ConditionalRule[] {
  if (!s.seedContext) return [];
  const at = s.seedContext;
  return (s.seedSheets ?? []).flatMap((sheet) => {
    const rules = seedSheetRules(sheet, at);
    if (rules) return rules;
    plan.leftAlone.push(sheet.key);
    return [];
  });
}

/** The Tracking sheet's colours, for the rows and months the names cover now. */
function trackingRules(s: TemplateSnapshot): ConditionalRule[] {
  const first = [...s.rows.values()][0];
  if (!first || s.targetPhaseRow === undefined || s.lastGroupRow === undefined)
    return [];
  const rules = trackingLevelRules({
    rows: new Map([...s.rows].map(([key, r]) => [key, r.address.start.row])),
    firstMonthColumn: first.address.start.col,
    lastMonthColumn: first.address.end.col,
    targetPhaseRow: s.targetPhaseRow,
  });
  const measureRows = [...s.rows.values()].map((r) => r.address.start.row);
  const flagColumn =
    first.address.start.col -
    (TRACKING_COLUMNS.firstMonth - TRACKING_COLUMNS.flag);
  const flags = `${ref(flagColumn, Math.min(...measureRows))}:${ref(flagColumn, Math.max(...measureRows))}`;
  const groups = `${ref(first.address.start.col, s.lastGroupRow - RISK_GROUPS.length + 1)}:${ref(first.address.end.col, s.lastGroupRow)}`;
  rules.push(
    ...flagTextRules(
      "tracking",
      `${flags} ${groups}`,
      ref(flagColumn, Math.min(...measureRows)),
    ),
  );
  return rules;
}

function dashboardRules(s: TemplateSnapshot): ConditionalRule[] {
  if (!s.dashboardPhase || s.dashboardFlags.length === 0) return [];
  const p = s.dashboardPhase.start;
  const riskRow = (g: number) =>
    p.row + DASHBOARD.riskRow(g) - DASHBOARD.phaseRow;
  const risks = `${ref(p.col, riskRow(0))}:${ref(p.col, riskRow(RISK_GROUPS.length - 1))}`;
  const rows = s.dashboardFlags.map((a) => a.start.row);
  const col = s.dashboardFlags[0].start.col;
  const flags = `${ref(col, Math.min(...rows))}:${ref(col, Math.max(...rows))}`;
  return [
    ...flagTextRules("dashboard", `${risks} ${flags}`, ref(p.col, riskRow(0))),
    ...varianceColumnRules(s.dashboardVariances ?? []),
  ];
}

/** The variances' colours over their column, first to last Variance_<key> cell. */
function varianceColumnRules(cells: readonly Address[]): ConditionalRule[] {
  if (cells.length === 0) return [];
  const rows = cells.map((a) => a.start.row);
  const col = cells[0].start.col;
  const first = ref(col, Math.min(...rows));
  return varianceRules(
    "dashboard",
    `${first}:${ref(col, Math.max(...rows))}`,
    first,
  );
}

function risksRules(s: TemplateSnapshot): ConditionalRule[] {
  if (s.groupFlags.length === 0) return [];
  const rows = s.groupFlags.map((a) => a.start.row);
  const col = s.groupFlags[0].start.col;
  const last =
    Math.max(...rows) +
    (RISKS.lastRow - RISKS.groupRow(RISK_GROUPS.length - 1));
  return flagTextRules(
    "risks",
    `${ref(col, Math.min(...rows))}:${ref(col, last)}`,
    ref(col, Math.min(...rows)),
  );
}

/** The numbers of a row of month cells; undefined for anything else (a blank, "" from a formula, text). */
const numbers = (row: readonly unknown[]) =>
  row.map((v) => (typeof v === "number" && Number.isFinite(v) ? v : undefined));

/** Every number of every row checked against what its measure can take. */
function checkRanges(s: TemplateSnapshot, plan: Plan): Set<string> {
  const bad = new Set<string>();
  for (const r of TIMELINE_ROWS) {
    const read = s.rows.get(r.key);
    if (!read) continue;
    const a = read.address;
    numbers(read.values[0] ?? []).forEach((v, k) => {
      if (v === undefined) return;
      const problem = valueProblem(r.measure, v);
      if (!problem) return;
      bad.add(`${r.key}@${k}`);
      plan.outOfRange.push({
        address: cellAddress(a.sheet, a.start.col + k, a.start.row),
        measureId: r.id,
        value: v,
        problem,
      });
    });
  }
  return bad;
}

/**
 * The unusual values of the input rows (those the user types; a derived row's cells are Excel's
 * results), in row order; cells out of range are listed as such, not again here.
 */
function findUnusual(s: TemplateSnapshot, bad: Set<string>): UnusualCell[] {
  const first = yearMonthOf(s.months?.[0]) ?? "";
  const monthOf = (position: number) =>
    first ? addMonths(first, position - 1) : String(position);
  return TIMELINE_ROWS.filter((r) => !r.derived).flatMap((r) => {
    const read = s.rows.get(r.key);
    if (!read) return [];
    const typed = numbers(read.values[0] ?? []).map((v, k) =>
      bad.has(`${r.key}@${k}`) ? undefined : v,
    );
    const a = read.address;
    return unusualValues(typed).map((u) => ({
      address: cellAddress(a.sheet, a.start.col + u.month - 1, a.start.row),
      key: r.key,
      measureId: r.id,
      month: monthOf(u.month),
      value: u.value,
      previous: { month: monthOf(u.previous.month), value: u.previous.value },
      next: { month: monthOf(u.next.month), value: u.next.value },
      size: u.size,
    }));
  });
}

/**
 * The reporting month's position: a typed date's month on the timeline (the dashboard's MATCH),
 * else the last month any input row holds a number (the dashboard's default).
 */
function reportingIndex(
  s: TemplateSnapshot,
  values: ReadonlyMap<string, Series>,
): number | undefined {
  const date = s.reportingMonth ?? "default";
  if (date === "default") return lastInputMonth(values);
  // A cleared cell: the dashboard shows no month, so nothing is judged.
  if (date === "empty") return undefined;
  // Month t is the first month's date moved on by t - 1 (the headers' formulas): only the first is read.
  const first = yearMonthOf(s.months?.[0]);
  const typed = yearMonthOf(date);
  if (!first || !typed) return undefined;
  const index = monthsBetween(first, typed) + 1;
  return index >= 1 && index <= (s.months?.length ?? 0) ? index : undefined;
}

/**
 * The reporting month's level of every metric (against its target phase), risk indicator and SaaS
 * measure with a convention:
 * the core's timeline over the numbers read (typed inputs, and Excel's results of the derived rows,
 * which the core computes the same way where a cell is blank).
 */
function judgeReportingMonth(
  s: TemplateSnapshot,
  plan: Plan,
  bad: Set<string>,
): void {
  const typed = new Map<string, Series>();
  let months = 0;
  for (const [key, read] of s.rows) {
    const row = numbers(read.values[0] ?? []).map((v, k) =>
      bad.has(`${key}@${k}`) ? undefined : v,
    );
    typed.set(key, row);
    months = Math.max(months, row.length);
  }
  if (months === 0) return;
  const t = reportingIndex(s, timelineValues(typed, months));
  if (t === undefined) return;
  const minShare =
    typeof s.minShare === "number" && s.minShare > 0 ? s.minShare : 1;
  const state = computeTimeline(typed, months, {
    minShare,
    reportingMonth: t,
    overrides: s.overrides,
  });
  const first = yearMonthOf(s.months?.[0]);
  if (first) plan.reportingMonth = addMonths(first, t - 1);
  const phase = (state.targetPhase[t - 1] ?? 1) as PhaseNumber;
  const where = (key: string) => {
    const read = s.rows.get(key);
    const month = state.asOfMonth.get(key)?.[t - 1];
    const value = state.asOf.get(key)?.[t - 1];
    if (!read || month === undefined || value === undefined) return undefined;
    const a = read.address;
    return {
      value,
      address: cellAddress(a.sheet, a.start.col + month - 1, a.start.row),
      sheet: a.sheet,
    };
  };
  const judge = (
    level: Level | undefined,
    cell: Omit<FlaggedCell, "level" | "value" | "address" | "sheet">,
    key: string,
  ) => {
    const at = where(key);
    if (!level || !at) return;
    plan.counts[level]++;
    if (level !== "OK") plan.flagged.push({ ...cell, ...at, level });
  };
  for (const m of PHASE_METRICS) {
    const now = state.metrics.get(m.id)!;
    if (now.target !== undefined)
      judge(now.flag, { measureId: m.id, phase, target: now.target }, m.id);
  }
  for (const i of RISK_INDICATORS) {
    const rule = indicatorRule(i, s.overrides);
    if (rule)
      judge(
        state.indicatorLevels.get(i.qualifiedId)![t - 1],
        { measureId: i.qualifiedId, phase: "R", target: rule.threshold },
        rowOf(i).key,
      );
  }
  for (const c of CONTEXT_THRESHOLDS) {
    const rule = contextRule(otherMeasureNamed(c.id)!, c, s.overrides);
    const value = state.asOf.get(c.id)?.[t - 1];
    if (rule && value !== undefined)
      judge(
        levelOf(value, rule),
        { measureId: c.id, phase: "C", target: rule.threshold },
        c.id,
      );
  }
}

export function planRefresh(s: TemplateSnapshot): Plan {
  const plan: Plan = {
    rules: [...trackingRules(s), ...dashboardRules(s), ...risksRules(s)],
    counts: { OK: 0, WATCH: 0, RISK: 0 },
    flagged: [],
    outOfRange: [],
    unusual: [],
    leftAlone: [],
    departments: s.departments,
  };
  plan.rules.push(...seedRules(s, plan));
  const bad = checkRanges(s, plan);
  plan.unusual = findUnusual(s, bad);
  judgeReportingMonth(s, plan, bad);
  return plan;
}

/** The rules planned for one sheet. */
export const rulesFor = (plan: Plan, key: SheetKey) =>
  plan.rules.filter((r) => r.sheet === key);

/** RISK before WATCH, then down the sheet: the order the pane lists flagged cells in. */
export function worstFirst(flagged: FlaggedCell[]): FlaggedCell[] {
  const order = (f: FlaggedCell) => LEVELS.indexOf(f.level);
  return flagged.sort(
    (a, b) =>
      order(b) - order(a) ||
      parseAddress(a.address).start.row - parseAddress(b.address).start.row,
  );
}
