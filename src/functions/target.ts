import { contextRule, indicatorRule, metricRule } from "../core/evaluate";
import { guard } from "./errors";
import {
  isEmptyId,
  kpiRuleOf,
  readMeasure,
  readOptionalPhase,
  readOverrides,
  readPhase,
  toGrid,
} from "./inputs";
import { SWITCHED_OFF, spill } from "./results";

/**
 * Target of a metric for a phase (for a risk indicator: its threshold). Churn, MRR growth and customer growth targets are monthly rates; percentages are fractions (5% is 0.05). Blank where thresholds switch the check off. Ranges of ids spill.
 * @customfunction TARGET
 * @helpurl https://localhost:3000/help.html#target
 * @param metric A metric, indicator or department KPI id ("sales.win_rate"), or a range of ids.
 * @param phase The phase, 1 to 4 (a risk indicator has the same threshold in every phase; a phase given is still checked).
 * @param [thresholds] Optional: the Thresholds table or a five-column range (id, P1..P4) that overrides the built-in targets.
 * @returns The target in the metric's unit.
 */
export function target(
  metric: any[][],
  phase: any,
  thresholds?: any[][],
): any[][] {
  return spill(() => {
    const overrides = readOverrides(thresholds);
    return toGrid(metric).map((row) =>
      row.map((id) => {
        if (isEmptyId(id)) return "";
        return guard(() => {
          const m = readMeasure(id);
          const rule =
            m.kind === "kpi"
              ? kpiRuleOf(m.kpi, phase, overrides)
              : m.kind === "context"
                ? (readOptionalPhase(phase),
                  contextRule(m.measure, m.context, overrides))
                : m.kind === "indicator"
                  ? (readOptionalPhase(phase),
                    indicatorRule(m.indicator, overrides))
                  : metricRule(m.metric, readPhase(phase), overrides);
          return rule === undefined ? SWITCHED_OFF : rule.threshold;
        });
      }),
    );
  });
}
