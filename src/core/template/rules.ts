/**
 * The risk-flag rules: which threshold cell a level compares against, and the conditional
 * formats that colour cells by level. describeWorkbook and the Excel refresh both build from here.
 */
import {
  LEVELS,
  PHASE_METRICS,
  PhaseNumber,
  RISK_INDICATORS,
  RiskIndicator,
  floorOf,
} from "../catalog";
import { LevelRule, absolute, onSheet, ruleCondition } from "./formulas";
import { THRESHOLDS } from "./layout";
import { ConditionalRule, RULE_MARKER, SheetKey } from "./types";

/** Phase metric `index` judged against phase n's target (and floor) on the Thresholds sheet. */
export function metricLevelRule(
  thresholdsSheet: string,
  index: number,
  n: PhaseNumber,
): LevelRule {
  const m = PHASE_METRICS[index];
  const row = THRESHOLDS.metricRow(index);
  return {
    direction: m.direction,
    strict: false,
    capped: m.capped,
    threshold: onSheet(
      thresholdsSheet,
      absolute(THRESHOLDS.targetColumn(n), row),
    ),
    floor:
      floorOf(m, n) === undefined
        ? undefined
        : onSheet(thresholdsSheet, absolute(THRESHOLDS.floorColumn(n), row)),
  };
}

/** A risk indicator judged against its threshold on the Thresholds sheet. */
export function indicatorLevelRule(
  thresholdsSheet: string,
  indicator: RiskIndicator,
): LevelRule {
  const row = THRESHOLDS.indicatorRow(RISK_INDICATORS.indexOf(indicator));
  return {
    direction: indicator.direction,
    strict: indicator.strict,
    capped: indicator.capped,
    threshold: onSheet(
      thresholdsSheet,
      absolute(THRESHOLDS.thresholdColumn, row),
    ),
  };
}

/** Three conditional formats (OK/WATCH/RISK) colouring `ref` by each cell's own level. */
export function levelRules(
  sheet: SheetKey,
  ref: string,
  topLeft: string,
  rule: LevelRule,
): ConditionalRule[] {
  return LEVELS.map((level) => ({
    sheet,
    ref,
    level,
    formula: ruleCondition(topLeft, rule, level),
  }));
}

/** Three conditional formats colouring flag cells by the level text their formulas show. */
export function flagTextRules(
  sheet: SheetKey,
  ref: string,
  topLeft: string,
): ConditionalRule[] {
  return LEVELS.map((level) => ({
    sheet,
    ref,
    level,
    formula: `AND(${topLeft}="${level}",${RULE_MARKER})`,
  }));
}
