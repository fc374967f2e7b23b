/** Where things sit in the template; the builders, the writers, refresh and the tests share these. */
import { TEMPLATE_TABLES } from "./thresholds-layout";
import {
  PHASE_METRICS,
  PHASE_NUMBERS,
  PhaseNumber,
  RISK_GROUPS,
  RISK_INDICATORS,
  RiskGroupId,
  SAAS_MEASURES,
} from "../catalog";
import type { OtherInput } from "../catalog";
import {
  RECONCILIATION_KEY,
  SECTIONS,
  SectionId,
  TIMELINE_ROWS,
  TimelineRow,
} from "../timeline";
import { PHASE_ROWS } from "./names";
import type { PhaseRowId } from "./names";

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
  /** The third table (the SaaS measures' conventions): after the risk table and its note. */
  contextHeaderRow: PHASE_METRICS.length + RISK_INDICATORS.length + 8,
  contextRow: (index: number) =>
    PHASE_METRICS.length + RISK_INDICATORS.length + 9 + index,
} as const;

export { MONTHS } from "../months";

/**
 * The Tracking sheet's left block, then one column per month. What a reader scrolling the months
 * keeps in view is frozen: the measure, its current value and its flag (product.md 10, "Screen").
 * The latest value's month, target and gap follow, unfrozen; the reference columns (id, unit,
 * kind, the P1..P4 targets and WATCH limits the colour rules read) are an outline group shown
 * collapsed, so the months start right after the gap.
 */
export const TRACKING_COLUMNS = {
  name: 1,
  latest: 2,
  flag: 3,
  /** Columns A..C stay in view: frozen at this column. */
  frozen: 3,
  latestMonth: 4,
  target: 5,
  gap: 6,
  id: 7,
  unit: 8,
  kind: 9,
  /** P1..P4 targets of a phase metric's row, brought from the Thresholds sheet (an indicator's threshold is P1's). */
  phaseTarget: (n: PhaseNumber) => 9 + n,
  /** Where WATCH ends and RISK starts against phase n's target (the colour rules compare a month with it). */
  watchLimit: (n: PhaseNumber) => 13 + n,
  /** The collapsed outline group: id to the last WATCH limit. */
  details: { first: 7, last: 17 },
  firstMonth: 18,
} as const;

/** The computed rows below the measures, in order: beside their names in names.ts, which imports nothing of this module. */
export { PHASE_ROWS } from "./names";
export type { PhaseRowId } from "./names";

function trackingRows() {
  let row = 5;
  const sections = new Map<SectionId, number>();
  const measures = new Map<string, number>();
  for (const s of SECTIONS) {
    sections.set(s, row++);
    for (const r of TIMELINE_ROWS.filter((x) => x.section === s))
      measures.set(r.key, row++);
  }
  const lastMeasure = row - 1;
  const phaseHeader = ++row;
  const phase = new Map<PhaseRowId, number>();
  for (const p of PHASE_ROWS) phase.set(p, ++row);
  const groupHeader = ++row + 1;
  row = groupHeader;
  const groups = new Map<RiskGroupId, number>();
  for (const g of RISK_GROUPS) groups.set(g.id, ++row);
  const workingHeader = row + 2;
  row = workingHeader;
  const monthNumber = ++row;
  const lastInput = ++row;
  const floor = ++row;
  const mrrTarget = new Map(PHASE_NUMBERS.map((n) => [n, ++row]));
  const asOf = new Map(TIMELINE_ROWS.map((r) => [r.key, ++row]));
  const asOfMonth = new Map(TIMELINE_ROWS.map((r) => [r.key, ++row]));
  const meets = new Map(
    PHASE_NUMBERS.map((n) => [n, PHASE_METRICS.map(() => ++row)]),
  );
  const met = new Map(PHASE_NUMBERS.map((n) => [n, ++row]));
  const judged = new Map(PHASE_NUMBERS.map((n) => [n, ++row]));
  const indicatorLevel = new Map(
    RISK_INDICATORS.map((i) => [i.qualifiedId, ++row]),
  );
  const plottedPhase = ++row;
  return {
    titleRow: 1,
    /** Two rows of notes. */
    noteRows: [2, 3],
    headerRow: 4,
    sections,
    measures,
    firstMeasure: 6,
    lastMeasure,
    phaseHeader,
    phase,
    groupHeader,
    groups,
    workingHeader,
    monthNumber,
    lastInput,
    floor,
    mrrTarget,
    asOf,
    asOfMonth,
    meets,
    met,
    judged,
    indicatorLevel,
    /**
     * The phase chart's copy of Phase reached: #N/A where that row is blank (before the data starts,
     * after it ends), so the line stops there. A hidden row: the chart plots it, readers never see #N/A.
     */
    plottedPhase,
    lastRow: row,
  };
}

/** Rows of the Tracking sheet (the same for every timeline length). */
export const TRACKING = trackingRows();

export const trackingRow = (key: string): number => {
  const row = TRACKING.measures.get(key);
  if (row === undefined) throw new Error(`No Tracking row for '${key}'`);
  return row;
};

/** 1-based month t's column. */
export const monthColumn = (t: number) => TRACKING_COLUMNS.firstMonth + t - 1;

/**
 * The Budget sheet (product.md 12, "Budget"): Tracking's months and rows, each timeline row and
 * section on its Tracking row (trackingRow) so a row reads alike on both sheets, after a compact
 * left block. The name and unit stay in view while the months scroll.
 */
export const BUDGET = {
  titleRow: TRACKING.titleRow,
  noteRows: TRACKING.noteRows,
  headerRow: TRACKING.headerRow,
  lastRow: TRACKING.lastMeasure,
  columns: {
    name: 1,
    unit: 2,
    /** Columns A..B stay in view: frozen at this column. */
    frozen: 2,
    id: 3,
    firstMonth: 4,
  },
} as const;

/** 1-based month t's column on the Budget sheet. */
export const budgetMonthColumn = (t: number) =>
  BUDGET.columns.firstMonth + t - 1;

/** The dashboard's per-metric table, one column each, left to right. */
const DASHBOARD_METRIC_COLUMNS = {
  id: 1,
  name: 2,
  current: 3,
  month: 4,
  stale: 5,
  target: 6,
  gap: 7,
  flag: 8,
  eta: 9,
  projected: 10,
  progress: 11,
} as const;

/** The headline figures, by timeline row key, in the order the board shows them. */
export const BOARD_FIGURES = [
  "mrr",
  "arr",
  "mrr_growth",
  "nrr_12m",
  "gross_margin",
  "cash_burn_burn_rate",
  "cash_burn_cash_runway",
  "customers",
] as const;

/**
 * The rows of the dashboard's actual vs budget table, in the timeline's order (product.md 12,
 * "Budget"): every phase metric, every section-12 measure but the MRR reconciliation (a check of
 * the movements, not a figure one budgets), and the burn and runway the board page shows.
 */
export const VARIANCE_ROWS: readonly TimelineRow[] = TIMELINE_ROWS.filter(
  (r) =>
    r.measure.kind === "metric" ||
    (SAAS_MEASURES.includes(r.measure as OtherInput) &&
      r.key !== RECONCILIATION_KEY) ||
    (BOARD_FIGURES as readonly string[]).includes(r.key),
);

export const DASHBOARD = {
  titleRow: 1,
  companyRow: 2,
  reportingRow: 3,
  minShareRow: 4,
  phaseRow: 5,
  expectedRow: 6,
  scheduleRow: 7,
  targetPhaseRow: 8,
  /** The company's start month (product.md 6.4, 3rd ed.): month 1 of the schedule. */
  startMonthRow: 9,
  /** The settings' labels (rows 1 to 9), and the title above them. */
  labelColumn: 1,
  valueColumn: 2,
  /** The reporting month's position on the timeline, beside the month. */
  reportingIndexColumn: 3,
  /** A setting's note, right of its value (the reporting month's, right of its position). */
  noteColumn: 4,
  /** The reporting month's second note: what it follows. */
  reportingNoteColumn: 5,
  scoreHeaderRow: 10,
  scoreRow: (n: PhaseNumber) => 10 + n,
  riskHeaderRow: 16,
  riskRow: (g: number) => 17 + g,
  metricHeaderRow: 22,
  metricRow: (index: number) => 23 + index,
  legendRow: 24 + PHASE_METRICS.length,
  columns: DASHBOARD_METRIC_COLUMNS,
  /** The scorecard: per phase its score and count, and its plan completion under the metrics' % of target. */
  scoreColumns: {
    phase: 1,
    name: 2,
    score: 3,
    meeting: 4,
    plan: DASHBOARD_METRIC_COLUMNS.progress,
  },
  riskColumns: { group: 1, level: 2 },
  /**
   * The actual vs budget table below the legend (product.md 12, "Budget"): the measure's name runs
   * over the empty column beside it (the SaaS measures' names are longer than the metric column),
   * the actual under the metrics' Current and its month under Month, the budget under Target, the
   * variance under Gap.
   */
  varianceColumns: {
    name: 1,
    actual: DASHBOARD_METRIC_COLUMNS.current,
    month: DASHBOARD_METRIC_COLUMNS.month,
    budget: DASHBOARD_METRIC_COLUMNS.target,
    variance: DASHBOARD_METRIC_COLUMNS.gap,
    percent: DASHBOARD_METRIC_COLUMNS.flag,
  },
  /** The next steps' checklist: each step's words run over the empty column before its status; a link to the sheet a step is done on after it. */
  stepColumns: { step: 1, status: 3, link: 4 },
  /** The tools' monthly cost right of the risk levels (its header on the risk header row): label, then value under the metrics' Target. */
  toolsColumns: { label: 4, value: DASHBOARD_METRIC_COLUMNS.target },
  /** The charts below the tables, by their first and last columns: two side by side, one under both. */
  chartColumns: {
    mrr: { from: 1, to: 4 },
    phases: { from: 5, to: DASHBOARD_METRIC_COLUMNS.progress },
    progress: { from: 1, to: DASHBOARD_METRIC_COLUMNS.progress },
  },
} as const;

/** A phase's plan sheet: completion, the twelve objectives, then four strategies of four initiatives. */
export const PLAN = {
  titleRow: 1,
  noteRow: 2,
  completionRow: 3,
  completionColumn: 2,
  objectivesHeaderRow: 5,
  objectiveRow: (k: number) => 6 + k,
  strategiesHeaderRow: 19,
  strategyRow: (s: number) => 20 + s * 5,
  initiativeRow: (s: number, i: number) => 21 + s * 5 + i,
  lastRow: 39,
  columns: {
    area: 1,
    label: 2,
    target: 3,
    /** The floor the flag also judges against, where the metric has one (gross margin). */
    floor: 4,
    current: 5,
    flag: 6,
    status: 7,
    owner: 8,
    due: 9,
    notes: 10,
    /** A strategy's completion, on its own row. */
    completion: 3,
  },
} as const;

export const planSheetKey = (n: PhaseNumber) => `phase${n}` as const;

/** Risks sheet: a row per group followed by its indicators' rows. */
export const RISKS = {
  titleRow: 1,
  noteRow: 2,
  headerRow: 3,
  groupRow: (g: number) => 4 + g * 5,
  indicatorRow: (g: number, i: number) => 5 + g * 5 + i,
  lastRow: 3 + RISK_GROUPS.length * 5,
  columns: {
    id: 1,
    name: 2,
    unit: 3,
    value: 4,
    month: 5,
    threshold: 6,
    flag: 7,
    /** The group's symptoms and mitigations, one per indicator row. */
    symptom: 8,
    mitigation: 9,
  },
} as const;

export { NAMES } from "./names";

export const TABLES = {
  targets: "ScaleThresholds",
  risks: "ScaleRiskThresholds",
  context: "ScaleContextThresholds",
} as const;
