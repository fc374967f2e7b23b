import { phaseReached } from "../core/evaluate";
import { guard } from "./errors";
import { noMetricValues } from "./results";
import {
  metricPairs,
  metricValues,
  readMinShare,
  readOverrides,
} from "./inputs";

/**
 * Phase reached (0-4): the highest phase N for which at least min_share of the given metrics meet phase N's target. Each phase is checked on its own, because some targets fall as a company grows. 0 means phase 1 is not yet reached. Churn, MRR growth and customer growth are monthly; percentages are fractions (5% is 0.05).
 * @customfunction PHASE
 * @helpurl https://localhost:3000/help.html#phase
 * @param metrics One metric id ("mrr"), a range of ids, or a two-column range of ids and values.
 * @param [values] The value for the id, or a range of values shaped like metrics. Omit it when metrics has two columns.
 * @param [min_share] Share of the metrics that must meet a phase's target, above 0 and at most 1. Default 1: all of them.
 * @param [thresholds] Optional: the Thresholds table (with headers) or a five-column range (id, P1, P2, P3, P4) that overrides the built-in targets; an empty or 0 target switches that check off.
 * @returns The phase reached, 0 to 4.
 */
export function phase(
  metrics: any[][],
  values?: any[][],
  min_share?: any,
  thresholds?: any[][],
): any {
  return guard(() => {
    const overrides = readOverrides(thresholds);
    const share = readMinShare(min_share);
    const given = metricValues(metricPairs(metrics, values), "SCALE.PHASE");
    const reached = phaseReached(given, share, overrides);
    if (reached === undefined) throw noMetricValues();
    return reached;
  });
}
