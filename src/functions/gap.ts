import type { ValueChecked } from "../core/catalog";
import type { DepartmentKpi } from "../core/department-kpis";
import { Rule, contextRule, gapOf, metricRule } from "../core/evaluate";
import { Cell, isBlank } from "../core/cell";
import { MESSAGES } from "../core/messages";
import { Overrides } from "../core/overrides";
import { guard, notAvailable } from "./errors";
import {
  isEmptyId,
  isEmptyPair,
  kpiRuleOf,
  missingId,
  pairCells,
  phaseMetricOf,
  readFlag,
  readMeasure,
  readOptionalPhase,
  readOverrides,
  readPhase,
  readValue,
  toGrid,
} from "./inputs";
import { Result, SWITCHED_OFF, finite, somethingGiven, spill } from "./results";

/**
 * A phase metric against its phase's target, a SaaS measure against its convention (product.md
 * 12), a department KPI against the seed's target (product.md 13).
 */
function gapRule(
  id: Cell,
  phaseNumber: Cell,
  overrides: Overrides | undefined,
): { measure: ValueChecked | DepartmentKpi; rule: Rule | undefined } {
  const m = readMeasure(id);
  if (m.kind === "kpi")
    return { measure: m.kpi, rule: kpiRuleOf(m.kpi, phaseNumber, overrides) };
  if (m.kind === "context") {
    readOptionalPhase(phaseNumber);
    const rule = contextRule(m.measure, m.context, overrides);
    return { measure: m.measure, rule };
  }
  const metric = phaseMetricOf(m, "SCALE.GAP");
  const rule = metricRule(metric, readPhase(phaseNumber), overrides);
  return { measure: metric, rule };
}

function gapCell(
  id: Cell,
  value: Cell,
  phaseNumber: Cell,
  asFraction: boolean,
  overrides: Overrides | undefined,
): Result<number | string> {
  if (isEmptyPair(id, value)) return "";
  return guard(() => {
    if (isEmptyId(id)) throw missingId(value);
    const found = gapRule(id, phaseNumber, overrides);
    if (isBlank(value))
      throw notAvailable(MESSAGES.functions.noValue(found.measure.id));
    const v = readValue(value, found.measure);
    const rule = found.rule;
    if (rule === undefined) return SWITCHED_OFF;
    const gap = gapOf(v, rule);
    // A threshold of 0 switches the check off, so there is always a target to divide by.
    const what = MESSAGES.functions.gapOf(found.measure.id);
    if (!asFraction) return finite(gap, what);
    return finite(gap / Math.abs(rule.threshold), what);
  });
}

/**
 * Gap to a phase's target, in the metric's unit: positive = still to go, 0 or negative = met (negative is the margin ahead), whichever way the metric points (CAC 120 against a target of 100 is a gap of 20). Churn, MRR growth and customer growth are monthly rates; percentages are fractions (5% is 0.05). Blank where thresholds switch the target off. Ranges spill element-wise.
 * @customfunction GAP
 * @helpurl https://localhost:3000/help.html#gap
 * @param metric A metric or department KPI id ("cac", "sales.win_rate"), or a range of ids.
 * @param value The value, or a range of values (same shape as metric, or any shape with one id). Rates are monthly; percentages are fractions.
 * @param phase The phase whose target to compare with, 1 to 4 (a department KPI has the same target in every phase: leave it empty).
 * @param [as_fraction] TRUE to divide the gap by the target (a gap of 20 on a target of 100 is 0.2).
 * @param [thresholds] Optional: the Thresholds table or a five-column range (id, P1..P4) that overrides the built-in targets.
 * @returns The gap, or a spilled range of gaps.
 */
export function gap(
  metric: any[][],
  value: any[][],
  phase: any,
  as_fraction?: any,
  thresholds?: any[][],
): any[][] {
  return spill(() => {
    const overrides = readOverrides(thresholds);
    const asFraction = readFlag(as_fraction, "as_fraction");
    const ids = toGrid(metric);
    const values = toGrid(value);
    somethingGiven(ids, values);
    return pairCells(ids, "metric", values, "value", (id, v) =>
      gapCell(id, v, phase, asFraction, overrides),
    );
  });
}
