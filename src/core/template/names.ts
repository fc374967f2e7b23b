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
  /** A SaaS measure's convention in the Thresholds sheet's third table (product.md 12, 14). */
  contextThreshold: (measureId: string) => `Threshold_${measureId}`,
} as const;
