import { etaOf, isGrowingAmount, metricRule } from "../core/evaluate";
import { MESSAGES } from "../core/messages";
import { guard, invalid, notAvailable } from "./errors";
import {
  cellCount,
  isEmptyId,
  readOverrides,
  readPhase,
  readPhaseMetric,
  readSeries,
  toGrid,
} from "./inputs";

/**
 * Months to a phase's target: whole months from the last value of a monthly series to the target, at the compound monthly growth from the last number at least three months earlier (the dashboard's ETA; blank months are skipped, never carried forward). 0 when already met; #N/A with the reason when no number stands three or more months before the last one, the trend is flat or falling, or the metric is not a growing amount (mrr, arr, revenue_per_employee, customers, active_users, leads, team_size).
 * @customfunction ETA
 * @helpurl https://localhost:3000/help.html#eta
 * @param metric A metric id that grows: "mrr", "arr", "revenue_per_employee", "customers", "active_users", "leads" or "team_size".
 * @param values The monthly values, one row or one column, oldest first; blank months are skipped, not counted as values.
 * @param phase The phase whose target to reach, 1 to 4.
 * @param [thresholds] Optional: the Thresholds table or a five-column range (id, P1..P4) that overrides the built-in targets.
 * @returns Whole months until the target is reached.
 */
export function eta(
  metric: any,
  values: any[][],
  phase: any,
  thresholds?: any[][],
): any {
  return guard(() => {
    const overrides = readOverrides(thresholds);
    const ids = toGrid(metric);
    if (cellCount(ids) !== 1 || isEmptyId(ids[0][0]))
      throw invalid(MESSAGES.functions.eta.oneMetric);
    const m = readPhaseMetric(ids[0][0], "SCALE.ETA");
    if (!isGrowingAmount(m))
      throw notAvailable(MESSAGES.functions.eta.notGrowing(m.id));
    const p = readPhase(phase);
    const series = readSeries(values, m);
    const rule = metricRule(m, p, overrides);
    if (rule === undefined)
      throw notAvailable(MESSAGES.functions.eta.switchedOff(p, m.id));
    const result = etaOf(series, rule);
    if ("none" in result)
      throw notAvailable(MESSAGES.functions.eta.none(m.id, result.none));
    return result.months;
  });
}
