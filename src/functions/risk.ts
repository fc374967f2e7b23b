import { RiskGroup } from "../core/catalog";
import {
  Rule,
  contextRule,
  indicatorRule,
  levelOf,
  metricRule,
  worstLevel,
} from "../core/evaluate";
import { Cell, isBlank } from "../core/cell";
import { MESSAGES } from "../core/messages";
import { Overrides } from "../core/overrides";
import { guard, invalid, notAvailable } from "./errors";
import {
  Grid,
  Measure,
  cellCount,
  isEmptyId,
  isEmptyPair,
  kpiRuleOf,
  measureId,
  measured,
  missingId,
  pairCells,
  readId,
  readMeasure,
  readOptionalPhase,
  readOverrides,
  readValue,
  toGrid,
} from "./inputs";
import { Result, SWITCHED_OFF, somethingGiven, spill } from "./results";

/** What a measure is judged against: a phase target where a phase applies, else its risk threshold; undefined when switched off. */
function riskRule(
  m: Measure,
  phaseNumber: Cell,
  overrides: Overrides | undefined,
): Rule | undefined {
  if (m.kind === "kpi") return kpiRuleOf(m.kpi, phaseNumber, overrides);
  const p = readOptionalPhase(phaseNumber);
  // A convention holds in every phase, but a phase given must still be a phase.
  if (m.kind === "context") return contextRule(m.measure, m.context, overrides);
  if (m.kind === "metric" && p !== undefined)
    return metricRule(m.metric, p, overrides);
  if (m.kind === "metric" && m.indicator === undefined)
    throw invalid(MESSAGES.functions.riskNeedsPhase(m.metric.id));
  return indicatorRule(m.indicator!, overrides);
}

function riskCell(
  id: Cell,
  value: Cell,
  phaseNumber: Cell,
  overrides: Overrides | undefined,
): Result<string> {
  if (isEmptyPair(id, value)) return "";
  return guard(() => {
    if (isEmptyId(id)) throw missingId(value);
    const m = readMeasure(id);
    if (isBlank(value))
      throw notAvailable(MESSAGES.functions.noValue(measureId(m)));
    const v = readValue(value, measured(m));
    const rule = riskRule(m, phaseNumber, overrides);
    return rule === undefined ? SWITCHED_OFF : levelOf(v, rule);
  });
}

/** A group's worst level over its non-blank values; indicators switched off are left out. */
function groupLevel(
  values: Grid,
  group: RiskGroup,
  overrides: Overrides | undefined,
): string {
  const cells = values.flat();
  const n = group.indicators.length;
  if (cells.length !== n)
    throw invalid(
      MESSAGES.functions.groupCount(
        group.id,
        group.indicators.map((i) => i.id),
        cells.length,
      ),
    );
  const levels = group.indicators.flatMap((indicator, i) => {
    if (isBlank(cells[i])) return [];
    const v = readValue(cells[i], indicator);
    const rule = indicatorRule(indicator, overrides);
    return rule === undefined ? [] : [levelOf(v, rule)];
  });
  if (cells.every(isBlank))
    throw notAvailable(MESSAGES.functions.groupEmpty(group.id, n));
  return worstLevel(levels) ?? SWITCHED_OFF;
}

/**
 * Risk level OK, WATCH or RISK of a value against its threshold: a risk indicator's, or a phase target when a phase is given. With a risk group id and its four values, the group's worst level. Churn, MRR growth and revenue growth are monthly rates; percentages are fractions (5% is 0.05). Blank where thresholds switch the check off. Ranges spill element-wise.
 * @customfunction RISK
 * @helpurl https://localhost:3000/help.html#risk
 * @param indicator An indicator, metric or department KPI id ("cash_burn.cash_runway", "churn", "sales.win_rate"), a range of ids, or a risk group id ("cash_burn").
 * @param values The value, a range of values (same shape as indicator), or a group's four values in the table's order. Rates are monthly; percentages are fractions.
 * @param [phase] Phase 1-4 to judge phase metrics against their target; without it churn, nps and productivity use their risk threshold.
 * @param [thresholds] Optional: the Thresholds table (phase targets and risk thresholds) or a five-column range (id, P1..P4).
 * @returns OK, WATCH or RISK, or a spilled range of them.
 */
export function risk(
  indicator: any[][],
  values: any[][],
  phase?: any,
  thresholds?: any[][],
): any[][] {
  return spill(() => {
    const overrides = readOverrides(thresholds);
    const ids = toGrid(indicator);
    const vals = toGrid(values);
    if (cellCount(ids) === 1 && !isEmptyId(ids[0][0])) {
      const found = readId(ids[0][0]);
      if (found.kind === "group") {
        // One level for every phase, but a phase given must still be a phase.
        readOptionalPhase(phase);
        return [[groupLevel(vals, found.group, overrides)]];
      }
    }
    somethingGiven(ids, vals);
    return pairCells(ids, "indicator", vals, "values", (id, v) =>
      riskCell(id, v, phase, overrides),
    );
  });
}
