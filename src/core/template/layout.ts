/** Where things sit in the template; the builder, the writers' refresh and the tests share these. */
import { TEMPLATE_TABLES } from "../overrides";
import {
  PHASE_METRICS,
  PhaseNumber,
  RISK_GROUPS,
  RISK_SHEET_MONTHS,
  phaseOf,
} from "../catalog";

/** The Thresholds sheet; its two tables' columns are TEMPLATE_TABLES, which also reads a table's data body. */
export const THRESHOLDS = {
  headerRow: 1,
  firstMetricRow: 2,
  /** Columns of P1..P4 and Floor P1..P4 (1-based). */
  targetColumn: (n: PhaseNumber) => TEMPLATE_TABLES.targets.targets[n - 1] + 1,
  floorColumn: (n: PhaseNumber) => TEMPLATE_TABLES.targets.floors[n - 1] + 1,
  /** How many columns each table has. */
  targetsWidth: TEMPLATE_TABLES.targets.width,
  risksWidth: TEMPLATE_TABLES.risks.width,
  riskHeaderRow: PHASE_METRICS.length + 4,
  thresholdColumn: TEMPLATE_TABLES.risks.threshold + 1,
  metricRow: (index: number) => 2 + index,
  indicatorRow: (index: number) => PHASE_METRICS.length + 5 + index,
} as const;

/** Phase sheets and the Risks sheet: id, name, unit, then the month inputs from column D. */
export const FIRST_MONTH_COLUMN = 4;

export const PHASE_SHEET = {
  titleRow: 1,
  headerRow: 3,
  firstRow: 4,
  firstMonthColumn: FIRST_MONTH_COLUMN,
  months: (n: PhaseNumber) => phaseOf(n).months,
  latestColumn: (n: PhaseNumber) => 4 + phaseOf(n).months,
  targetColumn: (n: PhaseNumber) => 5 + phaseOf(n).months,
  gapColumn: (n: PhaseNumber) => 6 + phaseOf(n).months,
  flagColumn: (n: PhaseNumber) => 7 + phaseOf(n).months,
  metricRow: (index: number) => 4 + index,
} as const;

/** Risks sheet: a row per group followed by its indicators' rows. */
export const RISK_SHEET = {
  headerRow: 3,
  months: RISK_SHEET_MONTHS,
  firstMonthColumn: FIRST_MONTH_COLUMN,
  latestColumn: 4 + RISK_SHEET_MONTHS,
  thresholdColumn: 5 + RISK_SHEET_MONTHS,
  flagColumn: 6 + RISK_SHEET_MONTHS,
  groupRow: (g: number) => 4 + g * 5,
  indicatorRow: (g: number, i: number) => 5 + g * 5 + i,
  lastRow: 3 + RISK_GROUPS.length * 5,
} as const;

export const DASHBOARD = {
  companyRow: 3,
  phaseRow: 4,
  nextPhaseRow: 5,
  headerRow: 8,
  firstRow: 9,
  metricRow: (index: number) => 9 + index,
  valueColumn: 3,
  targetColumn: 4,
  gapColumn: 5,
  progressColumn: 6,
  meetsColumn: (n: PhaseNumber) => 6 + n,
  chartTargetColumn: 11,
  riskHeaderRow: PHASE_METRICS.length + 11,
  riskRow: (g: number) => PHASE_METRICS.length + 12 + g,
} as const;

export const phaseSheetKey = (n: PhaseNumber) => `phase${n}` as const;

/** Workbook names: the template's scripting contract, the same in every language. */
export const NAMES = {
  phaseActuals: (n: PhaseNumber, metricId: string) =>
    `Phase${n}_${metricId}_Actuals`,
  phaseFlag: (n: PhaseNumber, metricId: string) => `Phase${n}_${metricId}_Flag`,
  riskActuals: (groupId: string) => `Risk_${groupId}_Actuals`,
  riskFlag: (groupId: string) => `Risk_${groupId}_Flag`,
  phase: "Scale_Phase",
  target: (metricId: string) => `Target_${metricId}`,
  floor: (metricId: string) => `Floor_${metricId}`,
  riskThreshold: (qualifiedId: string) =>
    `Threshold_${qualifiedId.replace(".", "_")}`,
} as const;

export const TABLES = {
  targets: "ScaleThresholds",
  risks: "ScaleRiskThresholds",
} as const;
