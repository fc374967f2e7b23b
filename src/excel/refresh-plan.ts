/**
 * Refresh's plan, pure: from what was read of the workbook (plain values and addresses, no
 * Office objects) to the add-in's colour rules for the current extent of the timeline and the
 * reporting month's levels. Tested without a host.
 */
import {
  Level,
  PHASE_METRICS,
  PhaseNumber,
  RISK_GROUPS,
  RISK_INDICATORS,
  valueProblem,
} from "../core/catalog";
import { indicatorRule, levelOf, metricRule } from "../core/evaluate";
import { Overrides } from "../core/overrides";
import { TIMELINE_ROWS, asOfSeries, rowOf } from "../core/timeline";
import {
  ConditionalRule,
  DASHBOARD,
  RISKS,
  TRACKING,
  TRACKING_COLUMNS,
  columnLetter,
  flagTextRules,
  trackingLevelRules,
} from "../core/template";
import type { Address } from "../core/template/formulas";

export interface FlaggedCell {
  /** The month cell the value is from, e.g. Tracking!R7 */
  address: string;
  sheet: string;
  measureId: string;
  /** The target phase a metric is judged against, or "R" for a risk indicator. */
  phase: PhaseNumber | "R";
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

/** A range as read: where it is and its values. */
export interface RangeRead {
  readonly address: Address;
  readonly values: readonly (readonly unknown[])[];
}

/** What refresh read of the template, as plain data. */
export interface TemplateSnapshot {
  /** Row key -> the month cells of that timeline row (Tracking_<key>), where the name exists. */
  readonly rows: ReadonlyMap<string, RangeRead>;
  readonly targetPhase?: RangeRead;
  /** The last risk group row (Tracking_Risk_<last group>): the working rows sit below it. */
  readonly lastGroupRow?: number;
  /** The reporting month's position, as the dashboard computed it. */
  readonly reportingIndex?: number;
  /** The month headers' values (dates as serial numbers). */
  readonly months?: readonly unknown[];
  /** Scale_Phase, the anchor of the dashboard's risk levels. */
  readonly dashboardPhase?: Address;
  /** Flag_<id> cells on the dashboard. */
  readonly dashboardFlags: readonly Address[];
  /** Risk_<group>_Flag cells on the Risks sheet. */
  readonly groupFlags: readonly Address[];
  readonly overrides: Overrides;
}

export interface Plan {
  /** "YYYY-MM" of the reporting month, where there is one. */
  reportingMonth?: string;
  rules: ConditionalRule[];
  counts: Record<Level, number>;
  flagged: FlaggedCell[];
  outOfRange: OutOfRangeCell[];
}

/** An address as Excel reports it: the sheet name quoted only where it needs to be. */
export const quoted = (sheet: string, ref: string) =>
  `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${ref}`;

/** One cell's address, as Excel reports it. */
export const cellAddress = (sheet: string, col: number, row: number) =>
  quoted(sheet, `${columnLetter(col)}${row}`);

const ref = (col: number, row: number) => `${columnLetter(col)}${row}`;

/** The Tracking sheet's colours, for the rows and months the names cover now. */
function trackingRules(s: TemplateSnapshot): ConditionalRule[] {
  const first = [...s.rows.values()][0];
  if (!first || !s.targetPhase || s.lastGroupRow === undefined) return [];
  const lastGroup = TRACKING.groups.get(RISK_GROUPS[RISK_GROUPS.length - 1].id)!;
  const rules = trackingLevelRules({
    rows: new Map([...s.rows].map(([key, r]) => [key, r.address.start.row])),
    firstMonthColumn: first.address.start.col,
    lastMonthColumn: first.address.end.col,
    targetPhaseRow: s.targetPhase.address.start.row,
    // Rows a user inserted above the working rows move them all alike.
    floorRow: s.lastGroupRow + TRACKING.floor - lastGroup,
    targetColumn:
      first.address.start.col -
      (TRACKING_COLUMNS.firstMonth - TRACKING_COLUMNS.phaseTarget(1)),
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
  return flagTextRules("dashboard", `${risks} ${flags}`, ref(p.col, riskRow(0)));
}

function risksRules(s: TemplateSnapshot): ConditionalRule[] {
  if (s.groupFlags.length === 0) return [];
  const rows = s.groupFlags.map((a) => a.start.row);
  const col = s.groupFlags[0].start.col;
  const last = Math.max(...rows) + (RISKS.lastRow - RISKS.groupRow(RISK_GROUPS.length - 1));
  return flagTextRules("risks", `${ref(col, Math.min(...rows))}:${ref(col, last)}`, ref(col, Math.min(...rows)));
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

/** The reporting month's level of every metric (against its target phase) and risk indicator. */
function judgeReportingMonth(s: TemplateSnapshot, plan: Plan, bad: Set<string>): void {
  const t = s.reportingIndex;
  if (t === undefined || t < 1) return;
  const targetPhase = s.targetPhase?.values[0]?.[t - 1];
  const phase = (typeof targetPhase === "number" ? targetPhase : 1) as PhaseNumber;
  const asOf = (key: string) => {
    const read = s.rows.get(key);
    if (!read) return undefined;
    const series = asOfSeries(numbers(read.values[0] ?? []));
    const month = series.months[t - 1];
    const value = series.values[t - 1];
    if (month === undefined || value === undefined || bad.has(`${key}@${month - 1}`)) return undefined;
    const a = read.address;
    return { value, address: cellAddress(a.sheet, a.start.col + month - 1, a.start.row), sheet: a.sheet };
  };
  const judge = (level: Level, cell: Omit<FlaggedCell, "level">) => {
    plan.counts[level]++;
    if (level !== "OK") plan.flagged.push({ ...cell, level });
  };
  for (const m of PHASE_METRICS) {
    const now = asOf(m.id);
    const rule = metricRule(m, phase, s.overrides);
    if (!now || !rule) continue; // no value, or switched off in the Thresholds table
    judge(levelOf(now.value, rule), { ...now, measureId: m.id, phase, target: rule.threshold });
  }
  for (const i of RISK_INDICATORS) {
    const now = asOf(rowOf(i).key);
    const rule = indicatorRule(i, s.overrides);
    if (!now || !rule) continue;
    judge(levelOf(now.value, rule), { ...now, measureId: i.qualifiedId, phase: "R", target: rule.threshold });
  }
}

/** An Excel date serial -> "YYYY-MM". */
function yearMonth(serial: unknown): string | undefined {
  if (typeof serial !== "number") return undefined;
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function planRefresh(s: TemplateSnapshot): Plan {
  const plan: Plan = {
    reportingMonth:
      s.reportingIndex === undefined ? undefined : yearMonth(s.months?.[s.reportingIndex - 1]),
    rules: [...trackingRules(s), ...dashboardRules(s), ...risksRules(s)],
    counts: { OK: 0, WATCH: 0, RISK: 0 },
    flagged: [],
    outOfRange: [],
  };
  judgeReportingMonth(s, plan, checkRanges(s, plan));
  return plan;
}
