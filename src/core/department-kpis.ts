/**
 * The department KPIs' numbers (product.md 13; the seed's "Estrategias de Escalamiento por
 * Función", four MÉTRICAS per block, 32 in all): id, unit, direction and target only, so
 * SCALE.RISK can import them without the texts (departments.ts holds the seed's words, the
 * strategies and the tools). Targets are in the unit's scale: 75% is 0.75, 10x is 10.
 */
import {
  Direction,
  MARKETING_ROI_MAX,
  UNCAPPED_FRACTION_MAX,
  UNITS,
  Unit,
  rangeProblem,
  valueRange,
} from "./catalog";
import type { InputMessages } from "./messages-input";
import { EXTRA_UNITS, ExtraUnit, SeedUnit } from "./seed-units";

/** The seed's four functions, in its order (departments.ts DEPARTMENTS, the Departments sheet's blocks). */
export const DEPARTMENT_FUNCTIONS = [
  "product",
  "marketing",
  "sales",
  "operations",
] as const;
export type DepartmentFunction = (typeof DEPARTMENT_FUNCTIONS)[number];

/** How a KPI stated as a change against a baseline is computed from the baseline and the month's value. */
export type ChangeKind =
  /** (baseline - value) / baseline: "Error reduction: 70%", "Cost savings: 50%". */
  | "reduction"
  /** (value - baseline) / baseline: "Decision speed: +50%". */
  | "increase";

/** What a change subtracts from what: the baseline less the value for a reduction, the value less the baseline for an increase. */
export const changeTerms = <T>(
  kind: ChangeKind,
  baseline: T,
  value: T,
): [T, T] => (kind === "reduction" ? [baseline, value] : [value, baseline]);

/**
 * The change from a baseline, as a fraction of it (ChangeKind); none unless the baseline is above
 * 0: a reduction or a saving of nothing, or of a negative amount, has no meaning. formulas.ts
 * changeFromBaselineFormula writes the same rule for the sheets.
 */
export function relativeChange(
  kind: ChangeKind,
  baseline: number,
  value: number,
): number | undefined {
  if (!(baseline > 0)) return undefined;
  const [from, less] = changeTerms(kind, baseline, value);
  return (from - less) / baseline;
}

export type Period = "week" | "month" | "year";

export interface DepartmentKpi {
  /** `<function>.<kpi>`. */
  readonly id: string;
  readonly unit: SeedUnit;
  readonly direction: Direction;
  readonly target: number;
  /** The seed writes `<` or `>`: the target itself misses, as for the risk indicators. */
  readonly strict: boolean;
  /** A fraction that cannot pass 100% (the band rule's cap, as in catalog.ts). */
  readonly capped: boolean;
  /** Can be negative (an ROI). */
  readonly signed?: boolean;
  readonly plausibleMax?: number;
  /** A count per period: "New features: 50/año", "Content volume: 100/mes". */
  readonly per?: Period;
  /** Stated as a change against a baseline: the target is the size of the change. */
  readonly change?: ChangeKind;
  /**
   * The timeline row (catalog.ts id) that already holds this quantity: the KPI is that row,
   * judged against this target, never typed twice.
   */
  readonly link?: string;
}

type Options = Partial<
  Pick<
    DepartmentKpi,
    "strict" | "per" | "change" | "link" | "signed" | "plausibleMax" | "capped"
  >
>;

function kpi(
  id: string,
  unit: SeedUnit,
  direction: Direction,
  target: number,
  options: Options = {},
): DepartmentKpi {
  return {
    id,
    unit,
    direction,
    target,
    strict: false,
    capped: unit === "fraction",
    ...options,
  };
}

/** An ROI as the seed states it ("ROI by channel: >300%"): uncapped, negative when the money is lost. */
const ROI: Options = {
  capped: false,
  signed: true,
  plausibleMax: MARKETING_ROI_MAX,
};

export const DEPARTMENT_KPIS: readonly DepartmentKpi[] = [
  kpi("product.feature_adoption", "fraction", "higher", 0.75),
  kpi("product.user_satisfaction", "score_1_5", "higher", 4.5),
  kpi("product.performance_ms", "milliseconds", "lower", 200, { strict: true }),
  kpi("product.uptime", "fraction", "higher", 0.999, { link: "uptime" }),
  kpi("product.rd_investment", "fraction", "higher", 0.2),
  kpi("product.new_features", "count", "higher", 50, { per: "year" }),
  kpi("product.patents", "count", "higher", 10, { per: "year" }),
  kpi("product.innovation_index", "score_0_10", "higher", 8),
  kpi("marketing.channel_diversity", "count", "higher", 10),
  kpi("marketing.cac_by_channel", "usd", "lower", 100, { strict: true }),
  kpi("marketing.roi_by_channel", "fraction", "higher", 3, {
    strict: true,
    ...ROI,
  }),
  kpi("marketing.attribution_accuracy", "fraction", "higher", 0.9),
  kpi("marketing.content_volume", "count", "higher", 100, { per: "month" }),
  kpi("marketing.engagement_rate", "fraction", "higher", 0.08),
  kpi("marketing.conversion_rate", "fraction", "higher", 0.03),
  kpi("marketing.content_roi", "fraction", "higher", 4, ROI),
  kpi("sales.cycle_days", "days", "lower", 45),
  kpi("sales.win_rate", "fraction", "higher", 0.4),
  kpi("sales.productivity", "multiple", "higher", 2),
  kpi("sales.revenue_per_rep", "usd", "higher", 500_000),
  kpi("sales.team_size", "count", "higher", 50),
  kpi("sales.hiring_days", "days", "lower", 30),
  kpi("sales.ramp_days", "days", "lower", 90),
  kpi("sales.retention", "fraction", "higher", 0.95),
  kpi("operations.automation_rate", "fraction", "higher", 0.9, {
    link: "process_automation",
  }),
  kpi("operations.process_efficiency", "fraction", "higher", 0.8),
  kpi("operations.error_reduction", "fraction", "higher", 0.7, {
    change: "reduction",
  }),
  kpi("operations.cost_savings", "fraction", "higher", 0.5, {
    change: "reduction",
  }),
  kpi("operations.uptime", "fraction", "higher", 0.9999, { link: "uptime" }),
  kpi("operations.response_time_ms", "milliseconds", "lower", 100, {
    strict: true,
  }),
  kpi("operations.scalability", "multiple", "higher", 10),
  kpi("operations.security", "fraction", "higher", 1),
];

/**
 * The KPIs' names (departments.ts's labels, English and Spanish) that SCALE.RISK, GAP and TARGET
 * accept besides the id and its last part (`win_rate`), where a name is more than that last part
 * once case, spaces and punctuation are ignored ("Win rate" is `win_rate`). Kept here so the
 * functions do not carry departments.ts's texts; a test checks it against departments.ts. Names
 * that are already a framework measure's ("Uptime", "ROI", "Productivity", "Team size",
 * "Retention") keep naming that measure and are left out.
 */
export const DEPARTMENT_KPI_NAMES: Readonly<Record<string, readonly string[]>> =
  {
    "product.performance_ms": ["Performance (response time)", "Performance"],
    "sales.cycle_days": ["Sales cycle"],
    "sales.productivity": ["Sales productivity"],
    "sales.team_size": ["Sales team size"],
    "sales.hiring_days": ["Hiring time"],
    "sales.ramp_days": ["Ramp time"],
    "sales.retention": ["Sales team retention"],
    "operations.response_time_ms": ["Response time"],
  };

export function departmentKpi(id: string): DepartmentKpi | undefined {
  return DEPARTMENT_KPIS.find((k) => k.id === id);
}

/**
 * The values a KPI can take where it is judged (SCALE.RISK's value): a change KPI takes the
 * change, at most 100% for a reduction (down to nothing) and below 0 when the quantity rose
 * (down to -1,000%, eleven times the baseline: further is a percent typed as a whole number).
 */
export function kpiValueRange(k: DepartmentKpi): { min: number; max: number } {
  if (k.change === "reduction") return { min: -UNCAPPED_FRACTION_MAX, max: 1 };
  if (k.change === "increase") return { min: -1, max: UNCAPPED_FRACTION_MAX };
  return valueRange(
    k,
    UNITS[k.unit as Unit] ?? EXTRA_UNITS[k.unit as ExtraUnit],
  );
}

/** Why `value` cannot be a value of `k` (70 typed for 70%, a negative count), or undefined when it can; `messages` in the pane's language. */
export const kpiValueProblem = (
  k: DepartmentKpi,
  value: number,
  messages?: InputMessages["value"],
) => rangeProblem(k.id, value, kpiValueRange(k), k.unit, messages);
