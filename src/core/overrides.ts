/**
 * Thresholds edited by the user, so edited numbers flow into the evaluation: per metric its four
 * targets and floors, per risk indicator its threshold. Rows a table does not mention keep the
 * catalog's numbers; a threshold of null switches that check off (product.md section 4). The
 * Thresholds tables are read into this by thresholds-parser.ts.
 */
import {
  ContextThreshold,
  PhaseMetric,
  PhaseNumber,
  RiskIndicator,
  floorOf,
  targetOf,
} from "./catalog";

/** A threshold, or null where the table switches that check off. */
export type Threshold = number | null;
export type Four<T> = readonly [T, T, T, T];

export interface Overrides {
  readonly targets: ReadonlyMap<string, Four<Threshold>>;
  /** Per phase; undefined where the floor was cleared (the band rule applies). */
  readonly floors: ReadonlyMap<string, Four<number | undefined>>;
  /** Keyed by qualified id (`cash_burn.revenue_growth`). */
  readonly riskThresholds: ReadonlyMap<string, Threshold>;
  /** The SaaS measures' conventions (the third table), keyed by id; absent = none edited. */
  readonly contextThresholds?: ReadonlyMap<string, Threshold>;
}

/** The convention's threshold, unless the table sets or switches it off; undefined = switched off. */
export function contextThreshold(
  o: Overrides,
  c: ContextThreshold,
): number | undefined {
  const set = o.contextThresholds?.get(c.id);
  if (set === undefined) return c.threshold;
  return set ?? undefined;
}

/** The built-in target, unless the table sets or switches it off; undefined = switched off. */
export function metricTarget(
  o: Overrides,
  m: PhaseMetric,
  n: PhaseNumber,
): number | undefined {
  const set = o.targets.get(m.id);
  if (set === undefined) return targetOf(m, n);
  return set[n - 1] ?? undefined;
}

export function metricFloor(
  o: Overrides,
  m: PhaseMetric,
  n: PhaseNumber,
): number | undefined {
  const set = o.floors.get(m.id);
  return set === undefined ? floorOf(m, n) : set[n - 1];
}

/** The built-in threshold, unless the table sets or switches it off; undefined = switched off. */
export function indicatorThreshold(
  o: Overrides,
  i: RiskIndicator,
): number | undefined {
  const set = o.riskThresholds.get(i.qualifiedId);
  if (set === undefined) return i.threshold;
  return set ?? undefined;
}
