/**
 * Judging values against the catalog: level (OK / WATCH / RISK), gap, phase and group level.
 * product.md section 4 fixes the rules; the template's formulas implement the same ones
 * (see `template/`), and tests check that both agree.
 */
import {
  Direction,
  Level,
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
  metricFloor,
  metricTarget,
  indicatorThreshold,
} from "./overrides";

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
const RELATIVE_TOLERANCE = 1e-12;

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

export function metricRule(
  metric: PhaseMetric,
  phase: PhaseNumber,
  overrides?: Overrides,
): Rule {
  return {
    direction: metric.direction,
    threshold: overrides
      ? metricTarget(overrides, metric, phase)
      : targetOf(metric, phase),
    strict: false,
    capped: metric.capped,
    floor: overrides
      ? metricFloor(overrides, metric, phase)
      : floorOf(metric, phase),
  };
}

export function indicatorRule(
  indicator: RiskIndicator,
  overrides?: Overrides,
): Rule {
  return {
    direction: indicator.direction,
    threshold: overrides
      ? indicatorThreshold(overrides, indicator)
      : indicator.threshold,
    strict: indicator.strict,
    capped: indicator.capped,
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
 * Highest phase N for which at least `minShare` of the values meet phase N's target; 0 when none.
 * Phases are checked each on its own, not cumulatively: some targets fall as the company grows.
 * Returns undefined for no values.
 */
export function phaseReached(
  values: readonly MetricValue[],
  minShare = 1,
  overrides?: Overrides,
): number | undefined {
  if (values.length === 0) return undefined;
  for (let i = PHASE_NUMBERS.length - 1; i >= 0; i--) {
    const phase = PHASE_NUMBERS[i];
    let met = 0;
    for (const { metric, value } of values)
      if (meets(value, metricRule(metric, phase, overrides))) met++;
    if (met >= minShare * values.length - RELATIVE_TOLERANCE) return phase;
  }
  return 0;
}
