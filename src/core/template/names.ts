/**
 * Workbook names, apart from the layout (which loads the catalog), so that the task pane's first
 * screen can find a tracker by them; layout.ts re-exports NAMES.
 */
import type { PhaseNumber } from "../types";

/** The computed rows below the measures on Tracking, in order (layout.ts places them). */
export const PHASE_ROWS = [
  "phase",
  "expected",
  "targetPhase",
  "score1",
  "score2",
  "score3",
  "score4",
] as const;
export type PhaseRowId = (typeof PHASE_ROWS)[number];

/** Workbook names: the template's scripting contract, the same in every language (product.md 6.6). */
export const NAMES = {
  months: "Tracking_Months",
  tracking: (key: string) => `Tracking_${key}`,
  phaseRow: {
    phase: "Tracking_Phase",
    expected: "Tracking_Expected",
    targetPhase: "Tracking_TargetPhase",
    score1: "Tracking_Score_P1",
    score2: "Tracking_Score_P2",
    score3: "Tracking_Score_P3",
    score4: "Tracking_Score_P4",
  } satisfies Record<PhaseRowId, string>,
  trackingRisk: (group: string) => `Tracking_Risk_${group}`,
  /** A timeline row's budget, month by month (product.md 12, "Budget"). */
  budget: (key: string) => `Budget_${key}`,
  /** Actual minus budget as of the reporting month, positive where good for the measure (on the dashboard). */
  variance: (key: string) => `Variance_${key}`,
  reportingMonth: "Scale_ReportingMonth",
  minShare: "Scale_MinShare",
  startMonth: "Scale_StartMonth",
  phase: "Scale_Phase",
  expected: "Scale_Expected",
  targetPhase: "Scale_TargetPhase",
  score: (n: PhaseNumber) => `Score_P${n}`,
  current: (id: string) => `Current_${id}`,
  flag: (id: string) => `Flag_${id}`,
  gap: (id: string) => `Gap_${id}`,
  eta: (id: string) => `Eta_${id}`,
  riskFlag: (groupId: string) => `Risk_${groupId}_Flag`,
  plan: (n: PhaseNumber) => `Plan_P${n}`,
  /** The board page's printed area: `scale-tracker board` finds the page by it, whatever its sheet is called. */
  board: "Scale_Board",
  target: (metricId: string) => `Target_${metricId}`,
  floor: (metricId: string) => `Floor_${metricId}`,
  riskThreshold: (qualifiedId: string) =>
    `Threshold_${qualifiedId.replace(".", "_")}`,
  /** A Departments row's month cells: a typed KPI, or a change KPI's measured value (department-rows.ts keys). */
  department: (key: string) => `Dept_${key.replace(/\./g, "_")}`,
  /**
   * The Departments sheet's month cells, every row under the header: a rebuild reads the numbers
   * typed over its computed rows there (departments-layout.ts computedRows). Letters and
   * underscores, no cell-reference look-alike ([MS-XLSB] 2.5.166 XLNameWideString,
   * https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xlsb/9456f961-5069-4e5f-989d-44bdc56d031e).
   */
  departmentMonthBlock: "Dept_MonthBlock",
  /** A change KPI's baseline cell ("Error reduction: 70%" against it). */
  departmentBaseline: (kpiId: string) =>
    `Dept_${kpiId.replace(/\./g, "_")}_Baseline`,
  /** A KPI's level as of the reporting month, by the band rule. */
  departmentFlag: (kpiId: string) => `Dept_${kpiId.replace(/\./g, "_")}_Flag`,
  /** A KPI's editable target (the channel KPIs' is the Channels sheet's, channelTarget). */
  departmentTarget: (kpiId: string) =>
    `Dept_${kpiId.replace(/\./g, "_")}_Target`,
  /** A function's worst KPI level (the Risks-like summary). */
  departmentLevel: (fn: string) => `Dept_${fn}_Level`,
  /** A channel's month cells for one measure (department-rows.ts channelKey). */
  channel: (key: string) =>
    `Channel_${key.replace(/^channel\./, "").replace(/\./g, "_")}`,
  /** The name a user gives one of the five channels of their own. */
  channelName: (slot: string) => `Channel_${slot}_Name`,
  /** The Channels sheet's month cells, every row under the header (channels-layout.ts computedRows), as Dept_MonthBlock. */
  channelMonthBlock: "Channel_MonthBlock",
  /** Channels with spend or new customers, month by month. */
  channelDiversity: "Channel_Diversity",
  /**
   * Month by month, the highest CAC and the lowest first-year ROI among the channels that have one:
   * what the Departments sheet's marketing.cac_by_channel and marketing.roi_by_channel rows read.
   */
  channelWorstCac: "Channel_WorstCac",
  channelWorstRoi: "Channel_WorstRoi",
  /** A channel KPI's editable target (`marketing.cac_by_channel`: `Channel_cac_by_channel_Target`). */
  channelTarget: (kpiId: string) =>
    `Channel_${kpiId.replace(/^marketing\./, "").replace(/\./g, "_")}_Target`,
  /** One input of a tool category on the Tools sheet: `Tool_bi_InUse`. */
  tool: (categoryId: string, field: string) => `Tool_${categoryId}_${field}`,
  /** An expected-impact figure's baseline, current value or editable target on the Tools sheet. */
  toolImpact: (impactId: string, field: "Baseline" | "Current" | "Target") =>
    `Tool_${impactId.replace(/\./g, "_")}_${field}`,
  /** The tools' monthly cost, summed (shown on the dashboard). */
  toolsMonthlyCost: "Tools_MonthlyCost",
  /** A SaaS measure's convention in the Thresholds sheet's third table (product.md 12, 14). */
  contextThreshold: (measureId: string) => `Threshold_${measureId}`,
} as const;

/**
 * The Channels sheet's month row each channel KPI's Departments row reads, by the KPI's id: one
 * table for the Departments sheet's formulas and the task pane's Inspect.
 */
export const CHANNEL_KPI_ROWS: Readonly<Record<string, string>> = {
  "marketing.channel_diversity": NAMES.channelDiversity,
  "marketing.cac_by_channel": NAMES.channelWorstCac,
  "marketing.roi_by_channel": NAMES.channelWorstRoi,
};
