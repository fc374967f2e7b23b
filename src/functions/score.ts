import { phaseScore } from "../core/evaluate";
import { MESSAGES } from "../core/messages";
import { guard, notAvailable } from "./errors";
import { noMetricValues } from "./results";
import {
  metricPairs,
  metricValues,
  readNeededPhase,
  readOverrides,
} from "./inputs";

/**
 * Score (0-1): the share of the given metrics that meet a phase's target, the same argument forms as SCALE.PHASE (which is the highest phase whose score reaches min_share). Metrics whose target is switched off in thresholds (empty or 0) are left out. Churn, MRR growth and customer growth are monthly; percentages are fractions (5% is 0.05).
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help.html#score
 * @param metrics One metric id ("mrr"), a range of ids, or a two-column range of ids and values.
 * @param [values] The value for the id, or a range of values shaped like metrics. Leave it empty when metrics has two columns.
 * @param [phase] The phase whose targets to check, 1 to 4 (needed, though Excel shows it in brackets).
 * @param [thresholds] Optional: the Thresholds table (with headers) or a five-column range (id, P1, P2, P3, P4) that overrides the built-in targets.
 * @returns The share of the metrics meeting the phase, from 0 to 1.
 */
export function score(
  metrics: any[][],
  values: any[][],
  phase?: any,
  thresholds?: any[][],
): any {
  return guard(() => {
    const overrides = readOverrides(thresholds);
    const p = readNeededPhase(phase, "SCALE.SCORE");
    const given = metricValues(metricPairs(metrics, values), "SCALE.SCORE");
    if (given.length === 0) throw noMetricValues();
    const share = phaseScore(given, p, overrides);
    if (share === undefined)
      throw notAvailable(MESSAGES.functions.noneSwitchedOn(p));
    return share;
  });
}
