/**
 * Judging values against the catalog: level (OK / WATCH / RISK), gap, phase and group level.
 * product.md section 4 fixes the rules; the template's formulas implement the same ones
 * (see `template/`), and tests check that both agree.
 */
import {
  ContextThreshold,
  Direction,
  Level,
  OtherInput,
  PHASE_NUMBERS,
  PhaseMetric,
  PhaseNumber,
  RiskIndicator,
  WARNING_BAND,
  floorOf,
  targetOf,
} from "./catalog";
import {
  Overrides,
  contextThreshold,
  metricFloor,
  metricTarget,
  indicatorThreshold,
} from "./overrides";
import type { NoEta } from "./types";
import type { DepartmentKpi } from "./department-kpis";

/** A threshold with everything needed to judge a value against it. */
export interface Rule {
  readonly direction: Direction;
  readonly threshold: number;
  /** The threshold itself misses (`> 4.5`), instead of meeting it (`>= 4.5`). */
  readonly strict: boolean;
  /** Fraction capped at 100%: band is 10% of min(threshold, 1 - threshold). */
  readonly capped: boolean;
  /** Replaces the band: WATCH from the floor to the threshold, RISK below. Higher-is-better only. */
  readonly floor?: number;
}

/**
 * Spreadsheet engines treat numbers that agree to about 15 significant digits as equal;
 * comparing the same way keeps the core and the template's formulas on the same side of a boundary.
 */
export const RELATIVE_TOLERANCE = 1e-12;

function nearlyEqual(a: number, b: number): boolean {
  return (
    Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))
  );
}

/** Signed distance from the value to the threshold, positive where the value is on the good side. */
function margin(value: number, rule: Rule): number {
  return rule.direction === "higher"
    ? value - rule.threshold
    : rule.threshold - value;
}

/** Width of the WATCH band below (or above) the threshold. */
export function bandWidth(rule: Pick<Rule, "threshold" | "capped">): number {
  const t = Math.abs(rule.threshold);
  return (
    WARNING_BAND * (rule.capped ? Math.min(t, Math.abs(1 - rule.threshold)) : t)
  );
}

export function meets(value: number, rule: Rule): boolean {
  const m = margin(value, rule);
  if (nearlyEqual(value, rule.threshold)) return !rule.strict;
  return m > 0;
}

export function levelOf(value: number, rule: Rule): Level {
  if (meets(value, rule)) return "OK";
  if (rule.floor !== undefined && rule.direction === "higher") {
    return value > rule.floor || nearlyEqual(value, rule.floor)
      ? "WATCH"
      : "RISK";
  }
  const edge =
    rule.direction === "higher"
      ? rule.threshold - bandWidth(rule)
      : rule.threshold + bandWidth(rule);
  const withinBand =
    rule.direction === "higher" ? value >= edge : value <= edge;
  return withinBand || nearlyEqual(value, edge) ? "WATCH" : "RISK";
}

/** Shortfall to the threshold in the rule's unit: positive = still to go, 0 or negative = met. */
export function gapOf(value: number, rule: Rule): number {
  const g = -margin(value, rule);
  return nearlyEqual(value, rule.threshold) ? 0 : g;
}

/** The rule for a metric in a phase, or undefined where the thresholds switch that check off. */
export function metricRule(metric: PhaseMetric, phase: PhaseNumber): Rule;
export function metricRule(
  metric: PhaseMetric,
  phase: PhaseNumber,
  overrides: Overrides | undefined,
): Rule | undefined;
export function metricRule(
  metric: PhaseMetric,
  phase: PhaseNumber,
  overrides?: Overrides,
): Rule | undefined {
  const threshold = overrides
    ? metricTarget(overrides, metric, phase)
    : targetOf(metric, phase);
  if (threshold === undefined) return undefined;
  return {
    direction: metric.direction,
    threshold,
    strict: false,
    capped: metric.capped,
    floor: overrides
      ? metricFloor(overrides, metric, phase)
      : floorOf(metric, phase),
  };
}

/** The rule for a risk indicator, or undefined where the thresholds switch it off. */
export function indicatorRule(indicator: RiskIndicator): Rule;
export function indicatorRule(
  indicator: RiskIndicator,
  overrides: Overrides | undefined,
): Rule | undefined;
export function indicatorRule(
  indicator: RiskIndicator,
  overrides?: Overrides,
): Rule | undefined {
  const threshold = overrides
    ? indicatorThreshold(overrides, indicator)
    : indicator.threshold;
  if (threshold === undefined) return undefined;
  return {
    direction: indicator.direction,
    threshold,
    strict: indicator.strict,
    capped: indicator.capped,
  };
}

/** The rule for a SaaS measure against its convention (product.md 12): the band rule of section 4. */
export function contextRule(
  measure: OtherInput,
  context: ContextThreshold,
): Rule;
export function contextRule(
  measure: OtherInput,
  context: ContextThreshold,
  overrides: Overrides | undefined,
): Rule | undefined;
export function contextRule(
  measure: OtherInput,
  context: ContextThreshold,
  overrides?: Overrides,
): Rule | undefined {
  const threshold = overrides
    ? contextThreshold(overrides, context)
    : context.threshold;
  if (threshold === undefined) return undefined;
  return {
    direction: measure.direction,
    threshold,
    strict: false,
    capped: measure.capped,
  };
}

/**
 * The rule for a department KPI (product.md 13): its seed target by the band rule, like a risk
 * indicator: the same in every phase, strict where the seed writes < or >, the band capped for a
 * fraction that cannot pass 100%. A change KPI is judged on the change.
 */
export function kpiRule(kpi: DepartmentKpi): Rule {
  return {
    direction: kpi.direction,
    threshold: kpi.target,
    strict: kpi.strict,
    capped: kpi.capped,
  };
}

const SEVERITY: Readonly<Record<Level, number>> = { OK: 0, WATCH: 1, RISK: 2 };

/** The worst of the levels, or undefined for none. */
export function worstLevel(levels: Iterable<Level>): Level | undefined {
  let worst: Level | undefined;
  for (const l of levels)
    if (worst === undefined || SEVERITY[l] > SEVERITY[worst]) worst = l;
  return worst;
}

export interface MetricValue {
  readonly metric: PhaseMetric;
  readonly value: number;
}

/**
 * Share (0-1) of the values meeting phase N's target, among the metrics whose check for that
 * phase is on; undefined when none is judged (no values, or every check switched off).
 */
export function phaseScore(
  values: readonly MetricValue[],
  phase: PhaseNumber,
  overrides?: Overrides,
): number | undefined {
  let judged = 0;
  let met = 0;
  for (const { metric, value } of values) {
    const rule = metricRule(metric, phase, overrides);
    if (rule === undefined) continue;
    judged++;
    if (meets(value, rule)) met++;
  }
  return judged === 0 ? undefined : met / judged;
}

/**
 * Highest phase N whose score reaches `minShare`; 0 when none does, undefined for no values.
 * Phases are checked each on its own, not cumulatively: some targets fall as the company grows.
 */
export function phaseReached(
  values: readonly MetricValue[],
  minShare = 1,
  overrides?: Overrides,
): number | undefined {
  if (values.length === 0) return undefined;
  for (let i = PHASE_NUMBERS.length - 1; i >= 0; i--) {
    const score = phaseScore(values, PHASE_NUMBERS[i], overrides);
    if (score !== undefined && score >= minShare - RELATIVE_TOLERANCE)
      return PHASE_NUMBERS[i];
  }
  return 0;
}

/** The amounts an ETA is computed for: currency and counts where higher is better (product.md section 5). */
const AMOUNT_UNITS: ReadonlySet<string> = new Set([
  "usd",
  "usd_month",
  "count",
]);
export function isGrowingAmount(m: PhaseMetric): boolean {
  return m.direction === "higher" && AMOUNT_UNITS.has(m.unit);
}

/** Why there is no ETA (product.md section 6.5): the reasons are in types.ts, which messages.ts words without importing this module. */
export type { NoEta } from "./types";
export type Eta = { readonly months: number } | { readonly none: NoEta };

/** Months of trend the ETA looks back over. */
export const ETA_LOOKBACK = 3;

/** The last position at or before `t` whose cell holds a number; -1 when none. */
function lastNumberAt(
  series: readonly (number | undefined)[],
  t: number,
): number {
  let k = Math.min(t, series.length - 1);
  while (k >= 0 && series[k] === undefined) k--;
  return k;
}

/**
 * Whole months to `rule`'s threshold from observations, never carried-forward copies (product.md
 * 6.5, 3rd ed.): m = the last month at or before `t` (0-based) holding a number, m' = the last one
 * at or before m - 3; 0 when v(m) already meets the target; else ceil(ln(target / v(m)) / ln(1 + g))
 * with g = (v(m) / v(m'))^(1/(m - m')) - 1, counted from m. The dashboard's ETA formulas implement
 * the same rule.
 */
export function etaAt(
  series: readonly (number | undefined)[],
  t: number,
  rule: Rule,
): Eta {
  const m = lastNumberAt(series, t);
  if (m < 0) return { none: "missing" };
  const now = series[m]!;
  if (meets(now, rule)) return { months: 0 };
  if (m < ETA_LOOKBACK) return { none: "short" };
  const earlier = lastNumberAt(series, m - ETA_LOOKBACK);
  if (earlier < 0) return { none: "missing" };
  const before = series[earlier]!;
  if (before <= 0 || now <= 0) return { none: "nonpositive" };
  const growth = Math.pow(now / before, 1 / (m - earlier)) - 1;
  if (!(growth > RELATIVE_TOLERANCE)) return { none: "flat" };
  const months = Math.log(rule.threshold / now) / Math.log(1 + growth);
  // A whole number of months computed as 2.0000000001 is 2, as a spreadsheet's ROUNDUP of the same sum would be.
  return { months: Math.max(1, Math.ceil(months - ETA_ROUNDING)) };
}

/** What the ETA's rounding up forgives: the same constant in the template's formula. */
export const ETA_ROUNDING = 1e-9;

/** SCALE.ETA: the ETA from the last number of `series` (monthly, oldest first; undefined = blank, skipped). */
export function etaOf(
  series: readonly (number | undefined)[],
  rule: Rule,
): Eta {
  return etaAt(series, series.length - 1, rule);
}
