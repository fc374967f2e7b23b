/**
 * The scaling framework's numbers: the single place where a threshold lives.
 *
 * Every figure comes from `shared/seed/estrategias_escalamiento.md` (Spanish) as read by
 * `shared/docs/product.md`; `source` names the seed section. Nothing outside this module
 * hard-codes a target, a floor, a risk threshold or the warning band.
 *
 * Units follow Excel conventions: a percentage is a fraction (5% is 0.05), a ratio 20:1 is 20,
 * a multiple 10x is 10. Churn, MRR growth and customer growth are monthly rates.
 */

import { MESSAGES } from "./messages";
import type { InputMessages } from "./messages-input";
import { PHASES, Phase } from "./phases";
import type { Localized, PhaseNumber } from "./types";

export type { Language, Localized, PhaseNumber } from "./types";

export type Unit =
  | "usd"
  | "usd_month"
  | "fraction"
  | "ratio"
  | "multiple"
  | "count"
  | "nps"
  | "score_1_5"
  | "months";

export type Direction = "higher" | "lower";
export const PHASE_NUMBERS: readonly PhaseNumber[] = [1, 2, 3, 4];
/** One value per phase, P1..P4. */
export type PerPhase = readonly [number, number, number, number];

export type Level = "OK" | "WATCH" | "RISK";
export const LEVELS: readonly Level[] = ["OK", "WATCH", "RISK"];

/** A value that misses its threshold by at most this share of it is WATCH, beyond it RISK. */
export const WARNING_BAND = 0.1;

/**
 * Largest plausible value of an uncapped fraction (growth rates, price premium): 10 is 1,000%.
 * Above it is a percentage typed as a whole number (20 for 20%), refused with that hint rather
 * than accepted as 2,000% growth that meets every phase.
 */
export const UNCAPPED_FRACTION_MAX = 10;

/** Marketing ROI's targets are 3-6 (300%-600%), so its plausible maximum is higher: 100 is 10,000%. */
export const MARKETING_ROI_MAX = 100;

export interface UnitInfo {
  readonly id: Unit;
  readonly label: Localized;
  /** Smallest and largest value the unit can take; outside is an input mistake. */
  readonly min: number;
  readonly max: number;
  /** The smallest value of a measure of this unit that can be negative (`signed`). */
  readonly signedMin?: number;
  /** Excel number format for the unit; `{cur}` is replaced by the currency format. */
  readonly numberFormat: string;
}

export const UNITS: Readonly<Record<Unit, UnitInfo>> = {
  usd: {
    id: "usd",
    label: { en: "currency", es: "moneda" },
    min: 0,
    max: Infinity,
    signedMin: -Infinity,
    numberFormat: "{cur}#,##0",
  },
  usd_month: {
    id: "usd_month",
    label: { en: "currency per month", es: "moneda al mes" },
    min: 0,
    max: Infinity,
    signedMin: -Infinity,
    numberFormat: "{cur}#,##0",
  },
  fraction: {
    id: "fraction",
    label: { en: "percent (5% is 0.05)", es: "porcentaje (5% es 0,05)" },
    min: 0,
    max: 1,
    // A rate or margin that can be negative loses at most all of it: -100%.
    signedMin: -1,
    numberFormat: "0.0%",
  },
  ratio: {
    id: "ratio",
    label: { en: "ratio (20:1 is 20)", es: "razón (20:1 es 20)" },
    min: 0,
    max: Infinity,
    numberFormat: '0.0":1"',
  },
  multiple: {
    id: "multiple",
    label: { en: "multiple (10x is 10)", es: "múltiplo (10x es 10)" },
    min: 0,
    max: Infinity,
    numberFormat: '0.0"x"',
  },
  count: {
    id: "count",
    label: { en: "count", es: "cantidad" },
    min: 0,
    max: Infinity,
    numberFormat: "#,##0",
  },
  nps: {
    id: "nps",
    label: { en: "score -100..100", es: "puntuación -100..100" },
    min: -100,
    max: 100,
    numberFormat: "0",
  },
  score_1_5: {
    id: "score_1_5",
    label: { en: "score 1..5", es: "puntuación 1..5" },
    min: 1,
    max: 5,
    numberFormat: "0.0",
  },
  months: {
    id: "months",
    label: { en: "months", es: "meses" },
    min: 0,
    max: Infinity,
    numberFormat: "0.0",
  },
};

export { PHASES } from "./phases";
export type { Phase } from "./phases";

interface Measured {
  readonly id: string;
  readonly name: Localized;
  readonly unit: Unit;
  readonly direction: Direction;
  /**
   * A fraction that cannot pass 100%: its warning band is 10% of the smaller of the
   * threshold and its distance to 100%, so the band stays meaningful near the top.
   */
  readonly capped: boolean;
  /** Extra spellings accepted by lookup besides the id and both names (case-insensitive). */
  readonly aliases: readonly string[];
  /** An uncapped fraction's largest plausible value, where UNCAPPED_FRACTION_MAX is too low. */
  readonly plausibleMax?: number;
  /**
   * The smallest plausible value, where the unit's (or its signedMin) is wrong for the measure:
   * a profit margin of -300% (costs four times the revenue), a negative burn multiple (cash
   * generated while growing).
   */
  readonly plausibleMin?: number;
  /**
   * A measure that can be negative: a currency amount (cash balance, burn rate) down to any
   * amount, a rate or margin (growth, ROI, price premium, gross margin) down to -100%
   * (UNITS' signedMin). Every other measure starts at its unit's minimum: a share such as churn,
   * an error rate or uptime cannot be negative (product.md section 10, "Nothing lost").
   */
  readonly signed?: boolean;
  readonly source: string;
}

export interface PhaseMetric extends Measured {
  readonly kind: "metric";
  readonly targets: PerPhase;
  /** Lower number the seed also gives; below it is RISK, between floor and target WATCH. */
  readonly floors?: PerPhase;
  /** Shown in help texts. */
  readonly note?: Localized;
}

export interface RiskIndicator extends Measured {
  readonly kind: "indicator";
  readonly group: RiskGroupId;
  /** `group.indicator`, unique across groups. */
  readonly qualifiedId: string;
  readonly threshold: number;
  /** True where the seed says `>`/`<` (the threshold itself misses), false for `>=`/`<=`. */
  readonly strict: boolean;
}

export type RiskGroupId =
  "quality_loss" | "team_overload" | "cash_burn" | "competition";

export interface RiskGroup {
  readonly id: RiskGroupId;
  readonly name: Localized;
  readonly source: string;
  readonly indicators: readonly RiskIndicator[];
}

const MONTHLY_NOTE: Localized = { en: "monthly rate", es: "tasa mensual" };

function metric(
  m: Omit<PhaseMetric, "kind" | "capped"> & { capped?: boolean },
): PhaseMetric {
  return { kind: "metric", ...m, capped: m.capped ?? m.unit === "fraction" };
}

export const PHASE_METRICS: readonly PhaseMetric[] = [
  metric({
    id: "mrr",
    name: { en: "Monthly recurring revenue", es: "MRR / Revenue mensual" },
    aliases: [
      "MRR",
      "revenue",
      "monthly revenue",
      "revenue mensual",
      "ingresos mensuales",
      "ingresos recurrentes mensuales",
    ],
    unit: "usd_month",
    direction: "higher",
    targets: [500_000, 2_000_000, 5_000_000, 20_000_000],
    source:
      "Objetivos de Escalamiento (Revenue $/mes); Métricas por Fase (MRR)",
  }),
  metric({
    id: "arr",
    name: { en: "Annual recurring revenue", es: "ARR" },
    aliases: [
      "annual revenue",
      "ingresos anuales",
      "ingresos recurrentes anuales",
    ],
    unit: "usd",
    direction: "higher",
    targets: [6_000_000, 24_000_000, 60_000_000, 240_000_000],
    source: "Métricas de Escalamiento (REVENUE METRICS: ARR)",
  }),
  metric({
    id: "mrr_growth",
    name: { en: "MRR growth (monthly)", es: "Crecimiento MRR mensual" },
    aliases: ["MRR growth", "growth rate", "crecimiento MRR"],
    unit: "fraction",
    direction: "higher",
    capped: false,
    signed: true,
    targets: [0.2, 0.15, 0.1, 0.05],
    note: MONTHLY_NOTE,
    source: "Métricas de Escalamiento (MRR growth: N%+ mensual)",
  }),
  metric({
    id: "revenue_per_employee",
    name: { en: "Revenue per employee (annual)", es: "Revenue por empleado" },
    aliases: [
      "revenue per employee",
      "ingresos por empleado",
      "rev per employee",
    ],
    unit: "usd",
    direction: "higher",
    targets: [250_000, 400_000, 500_000, 400_000],
    source: "Métricas de Escalamiento (Revenue per employee)",
  }),
  metric({
    id: "gross_margin",
    name: { en: "Gross margin", es: "Margen bruto" },
    aliases: ["margin", "margen"],
    unit: "fraction",
    direction: "higher",
    // Negative when the cost of revenue exceeds revenue.
    signed: true,
    targets: [0.75, 0.8, 0.85, 0.9],
    floors: [0.7, 0.75, 0.8, 0.85],
    source:
      "Métricas de Escalamiento (Gross margin: target); Objetivos de Escalamiento (Margen bruto >: floor)",
  }),
  metric({
    id: "customers",
    name: { en: "Customers", es: "Clientes" },
    aliases: [
      "customer count",
      "total customers",
      "active customers",
      "paying customers",
      "número de clientes",
      "clientes activos",
      "clientes de pago",
    ],
    unit: "count",
    direction: "higher",
    targets: [1_000, 5_000, 20_000, 100_000],
    source: "Métricas de Escalamiento (Customer count)",
  }),
  metric({
    id: "customer_growth",
    name: { en: "Customer growth (monthly)", es: "Crecimiento de clientes" },
    aliases: ["customer growth", "crecimiento clientes"],
    unit: "fraction",
    direction: "higher",
    capped: false,
    signed: true,
    targets: [0.3, 0.25, 0.2, 0.15],
    note: MONTHLY_NOTE,
    source: "Métricas de Escalamiento (Customer growth: N% mensual)",
  }),
  metric({
    id: "churn",
    name: { en: "Churn (monthly)", es: "Churn mensual" },
    aliases: [
      "churn rate",
      "logo churn",
      "customer churn",
      "tasa de churn",
      "tasa de abandono",
      "abandono",
      "tasa de cancelación",
    ],
    unit: "fraction",
    direction: "lower",
    targets: [0.05, 0.03, 0.02, 0.01],
    note: MONTHLY_NOTE,
    source:
      "Objetivos de Escalamiento (Churn <); Métricas de Escalamiento (Churn rate)",
  }),
  metric({
    id: "nps",
    name: { en: "Net promoter score", es: "NPS" },
    aliases: ["net promoter", "net promoter score"],
    unit: "nps",
    direction: "higher",
    targets: [70, 75, 80, 85],
    source: "Objetivos de Escalamiento (NPS >); Métricas de Escalamiento (NPS)",
  }),
  metric({
    id: "active_users",
    name: { en: "Active users", es: "Usuarios activos" },
    aliases: ["users", "usuarios"],
    unit: "count",
    direction: "higher",
    targets: [1_000, 10_000, 50_000, 200_000],
    source: "Objetivos de Escalamiento (PRODUCTO: usuarios activos)",
  }),
  metric({
    id: "leads",
    name: { en: "Leads generated", es: "Leads generados" },
    aliases: ["leads", "prospectos"],
    unit: "count",
    direction: "higher",
    targets: [10_000, 50_000, 200_000, 1_000_000],
    source: "Objetivos de Escalamiento (MARKETING: leads generados)",
  }),
  metric({
    id: "cac",
    name: { en: "Customer acquisition cost", es: "CAC" },
    aliases: [
      "costo de adquisición",
      "coste de adquisición",
      "costo de adquisicion de clientes",
      "coste de adquisición de clientes",
    ],
    unit: "usd",
    direction: "lower",
    targets: [100, 75, 50, 25],
    source: "Objetivos de Escalamiento (MARKETING: CAC <)",
  }),
  metric({
    id: "ltv_cac",
    name: { en: "LTV / CAC", es: "LTV/CAC" },
    // LTV/CAC, ltv:cac and ltv-cac are the id itself to the lookup (it ignores punctuation).
    aliases: ["ltv to cac"],
    unit: "ratio",
    direction: "higher",
    targets: [20, 30, 40, 50],
    source: "Objetivos de Escalamiento (MARKETING: LTV/CAC > N:1)",
  }),
  metric({
    id: "marketing_roi",
    name: { en: "Marketing ROI", es: "ROI" },
    aliases: ["ROI de marketing", "return on investment"],
    unit: "fraction",
    direction: "higher",
    capped: false,
    signed: true,
    plausibleMax: MARKETING_ROI_MAX,
    targets: [3, 4, 5, 6],
    source: "Objetivos de Escalamiento (MARKETING: ROI > N%)",
  }),
  metric({
    id: "team_size",
    name: { en: "Team size", es: "Tamaño del equipo" },
    aliases: [
      "team",
      "headcount",
      "employees",
      "FTE",
      "FTEs",
      "equipo",
      "empleados",
      "número de empleados",
      "plantilla",
    ],
    unit: "count",
    direction: "higher",
    targets: [20, 50, 100, 500],
    source:
      "Objetivos de Escalamiento (Equipo de N+ personas); Métricas de Escalamiento (Team size)",
  }),
  metric({
    id: "productivity",
    name: {
      en: "Productivity vs competitors",
      es: "Productividad vs competencia",
    },
    aliases: ["productivity", "productividad"],
    unit: "multiple",
    direction: "higher",
    targets: [10, 15, 20, 25],
    source: "Métricas de Escalamiento (Productivity: Nx vs competencia)",
  }),
  metric({
    id: "process_automation",
    name: { en: "Process automation", es: "Automatización de procesos" },
    aliases: ["automation", "automatización", "automatizacion de procesos"],
    unit: "fraction",
    direction: "higher",
    targets: [0.8, 0.9, 0.95, 0.98],
    source: "Métricas de Escalamiento (Process automation)",
  }),
  metric({
    id: "uptime",
    name: { en: "System uptime", es: "Uptime" },
    aliases: ["availability", "disponibilidad"],
    unit: "fraction",
    direction: "higher",
    targets: [0.999, 0.9995, 0.9999, 0.9999],
    source: "Métricas de Escalamiento (System uptime)",
  }),
  metric({
    id: "employee_retention",
    name: { en: "Employee retention", es: "Retención del equipo" },
    aliases: [
      "retention",
      "team retention",
      "retención",
      "retencion del equipo",
    ],
    unit: "fraction",
    direction: "higher",
    targets: [0.9, 0.95, 0.95, 0.95],
    source: "Métricas por Fase (TEAM: Retention)",
  }),
  metric({
    id: "team_satisfaction",
    name: { en: "Team satisfaction", es: "Satisfacción del equipo" },
    aliases: ["satisfaction", "satisfacción"],
    unit: "score_1_5",
    direction: "higher",
    targets: [4.2, 4.5, 4.7, 4.8],
    source: "Métricas por Fase (TEAM: Satisfaction N/5)",
  }),
];

type IndicatorSpec = Omit<
  RiskIndicator,
  "kind" | "group" | "qualifiedId" | "capped" | "source" | "aliases"
> & {
  capped?: boolean;
  aliases?: readonly string[];
};

function group(
  id: RiskGroupId,
  name: Localized,
  source: string,
  specs: readonly IndicatorSpec[],
): RiskGroup {
  const indicators = specs.map((s): RiskIndicator => ({
    kind: "indicator",
    ...s,
    aliases: s.aliases ?? [],
    capped: s.capped ?? s.unit === "fraction",
    group: id,
    qualifiedId: `${id}.${s.id}`,
    source,
  }));
  return { id, name, source, indicators };
}

const RISKS = "Riesgos de Escalamiento y Mitigación";

export const RISK_GROUPS: readonly RiskGroup[] = [
  group(
    "quality_loss",
    { en: "Quality loss", es: "Pérdida de calidad" },
    `${RISKS} › Riesgo: Pérdida de Calidad (MÉTRICAS)`,
    [
      {
        id: "quality_score",
        name: { en: "Quality score", es: "Puntuación de calidad" },
        unit: "score_1_5",
        direction: "higher",
        threshold: 4.5,
        strict: true,
      },
      {
        id: "error_rate",
        name: { en: "Error rate", es: "Tasa de error" },
        unit: "fraction",
        direction: "lower",
        threshold: 0.01,
        strict: true,
      },
      {
        id: "customer_satisfaction",
        name: { en: "Customer satisfaction", es: "Satisfacción del cliente" },
        unit: "fraction",
        direction: "higher",
        threshold: 0.9,
        strict: true,
      },
      {
        id: "nps",
        name: { en: "NPS", es: "NPS" },
        unit: "nps",
        direction: "higher",
        threshold: 70,
        strict: true,
      },
    ],
  ),
  group(
    "team_overload",
    { en: "Team overload", es: "Sobrecarga del equipo" },
    `${RISKS} › Riesgo: Sobrecarga del Equipo (MÉTRICAS)`,
    [
      {
        id: "employee_satisfaction",
        name: { en: "Employee satisfaction", es: "Satisfacción de empleados" },
        unit: "score_1_5",
        direction: "higher",
        threshold: 4.5,
        strict: true,
      },
      {
        id: "burnout_rate",
        name: { en: "Burnout rate", es: "Tasa de burnout" },
        unit: "fraction",
        direction: "lower",
        threshold: 0.1,
        strict: true,
      },
      {
        id: "turnover",
        name: { en: "Turnover", es: "Rotación" },
        unit: "fraction",
        direction: "lower",
        threshold: 0.05,
        strict: true,
        aliases: ["turnover rate", "rotación de personal"],
      },
      {
        id: "productivity",
        name: { en: "Productivity", es: "Productividad" },
        unit: "multiple",
        direction: "higher",
        threshold: 15,
        strict: true,
      },
    ],
  ),
  group(
    "cash_burn",
    { en: "Cash burn", es: "Quema de caja" },
    `${RISKS} › Riesgo: Quema de Caja (MÉTRICAS)`,
    [
      {
        id: "cash_runway",
        name: { en: "Cash runway", es: "Runway de caja" },
        unit: "months",
        direction: "higher",
        threshold: 18,
        strict: true,
        aliases: ["runway"],
      },
      {
        id: "burn_rate",
        name: { en: "Burn rate", es: "Tasa de quema" },
        unit: "usd_month",
        direction: "lower",
        threshold: 500_000,
        strict: true,
        signed: true,
        aliases: ["burn", "net burn", "monthly burn", "quema mensual"],
      },
      {
        id: "revenue_growth",
        name: { en: "Revenue growth", es: "Crecimiento de ingresos" },
        unit: "fraction",
        direction: "higher",
        threshold: 0.2,
        strict: true,
        capped: false,
        signed: true,
      },
      {
        id: "funding",
        name: { en: "Funding", es: "Financiamiento" },
        unit: "usd",
        direction: "higher",
        threshold: 10_000_000,
        strict: false,
        aliases: ["financiación", "funding raised"],
      },
    ],
  ),
  group(
    "competition",
    { en: "Aggressive competition", es: "Competencia agresiva" },
    `${RISKS} › Riesgo: Competencia Agresiva (MÉTRICAS)`,
    [
      {
        id: "market_share",
        name: { en: "Market share", es: "Cuota de mercado" },
        unit: "fraction",
        direction: "higher",
        threshold: 0.1,
        strict: true,
        aliases: ["participación de mercado"],
      },
      {
        id: "price_premium",
        name: { en: "Price premium", es: "Prima de precio" },
        unit: "fraction",
        direction: "higher",
        threshold: 0.2,
        strict: false,
        capped: false,
        // Below the competitors' price.
        signed: true,
      },
      {
        id: "churn",
        name: { en: "Churn", es: "Churn" },
        unit: "fraction",
        direction: "lower",
        threshold: 0.05,
        strict: true,
      },
      {
        id: "revenue_growth",
        name: { en: "Revenue growth", es: "Crecimiento de ingresos" },
        unit: "fraction",
        direction: "higher",
        threshold: 0.25,
        strict: true,
        capped: false,
        signed: true,
      },
    ],
  ),
];

export const RISK_INDICATORS: readonly RiskIndicator[] = RISK_GROUPS.flatMap(
  (g) => g.indicators,
);

/** The metrics the seed gives a floor besides the target (gross margin): only these have floors. */
export const METRICS_WITH_FLOORS: readonly PhaseMetric[] = PHASE_METRICS.filter(
  (m) => m.floors !== undefined,
);

export function phaseOf(n: PhaseNumber): Phase {
  return PHASES[n - 1];
}

/** Target for phase `n`; the only place a per-phase array is indexed. */
export function targetOf(m: PhaseMetric, n: PhaseNumber): number {
  return m.targets[n - 1];
}

export function floorOf(m: PhaseMetric, n: PhaseNumber): number | undefined {
  return m.floors?.[n - 1];
}

/** What valueRange reads of a measure: its unit and its own limits (a department KPI's unit too). */
export type Ranged = Pick<
  Measured,
  "capped" | "signed" | "plausibleMin" | "plausibleMax"
> & { readonly unit: string };
type UnitRange = Pick<UnitInfo, "min" | "max" | "signedMin">;

/** The values a measure can possibly take; outside is an input mistake (5 typed for 5%). */
export function valueRange(
  m: Ranged,
  unit: UnitRange = UNITS[m.unit as Unit],
): {
  min: number;
  max: number;
} {
  const min =
    m.plausibleMin ?? (m.signed ? (unit.signedMin ?? unit.min) : unit.min);
  if (m.unit === "fraction" && !m.capped)
    return { min, max: m.plausibleMax ?? UNCAPPED_FRACTION_MAX };
  return { min, max: unit.max };
}

/** What valueProblem checks: any measure of the timeline. */
export type ValueChecked = PhaseMetric | RiskIndicator | OtherInput;

/**
 * Why `value` cannot be a value of `m` (5 typed for 5%, a negative churn, Infinity), or undefined
 * when it can. The sentence names the measure by its id, as the command line and SCALE.* do;
 * input-messages.ts words it in the pane's language.
 */
export function valueProblem(
  m: ValueChecked,
  value: number,
  messages: InputMessages["value"] = MESSAGES.value,
  name = m.kind === "indicator" ? m.qualifiedId : m.id,
): string | undefined {
  return rangeProblem(name, value, valueRange(m), m.unit, messages);
}

/** Why `value` is outside `range` for the measure `name` of `unit` (a percent typed for a fraction named as such). */
export function rangeProblem(
  name: string,
  value: number,
  { min, max }: { min: number; max: number },
  unit: string,
  messages: InputMessages["value"] = MESSAGES.value,
): string | undefined {
  if (!Number.isFinite(value)) return messages.notFinite(name, value);
  if (value >= min && value <= max) return undefined;
  const fraction = +(value / 100).toPrecision(12);
  if (unit === "fraction" && fraction >= min && fraction <= max)
    return messages.percentAsWhole(name, value, fraction);
  if (max === Infinity) return messages.atLeast(name, min, value);
  if (min === -Infinity) return messages.atMost(name, max, value);
  return messages.between(name, min, max, value);
}

/**
 * Why `value` cannot be written into the timeline as `m`'s value: what valueProblem refuses,
 * and a count that is not a whole number (2.5 customers). `written` is the text a semicolon
 * file gave it, when a decimal comma made it a fraction ("2,500" read as 2.5): the message
 * then says so. Thresholds and the functions' arguments are only compared with, never
 * written, so they need not be whole.
 */
export function inputProblem(
  m: ValueChecked,
  value: number,
  messages: InputMessages["value"] = MESSAGES.value,
  name = m.kind === "indicator" ? m.qualifiedId : m.id,
  written?: string,
): string | undefined {
  const problem = valueProblem(m, value, messages, name);
  if (problem || m.unit !== "count" || Number.isInteger(value)) return problem;
  return messages.notWhole(name, value, written);
}

/** A measure of the timeline that is neither a phase metric nor a risk indicator. */
export interface OtherInput extends Measured {
  readonly kind: "input";
}

/** Cash at the end of the month: feeds the cash runway (product.md section 6.2). */
export const CASH_BALANCE: OtherInput = {
  kind: "input",
  id: "cash_balance",
  name: { en: "Cash balance (end of month)", es: "Saldo de caja (fin de mes)" },
  aliases: [
    "cash",
    "cash balance",
    "ending cash",
    "closing cash",
    "caja",
    "saldo de caja",
    "saldo",
    "tesorería",
  ],
  unit: "usd",
  direction: "higher",
  capped: false,
  signed: true,
  source: "product.md 6.2 (feeds Riesgo: Cash Burn, runway)",
};

/** A movement of MRR in the month: an amount of at least 0 (product.md 12, "MRR movements"). */
const MOVEMENTS = "product.md 12 (MRR movements and retention)";
const EFFICIENCY = "product.md 12 (Efficiency)";

/** Year-over-year ARR growth of an early company can pass 1,000% ($20,000 to $300,000 ARR): 100 is 10,000%. */
export const YOY_GROWTH_MAX = 100;

/** A profit margin can fall far below -100% (costs several times the revenue): -1,000% is its plausible floor. */
export const PROFIT_MARGIN_MIN = -UNCAPPED_FRACTION_MAX;

function saas(
  m: Omit<OtherInput, "kind" | "capped"> & { capped?: boolean },
): OtherInput {
  return { kind: "input", ...m, capped: m.capped ?? m.unit === "fraction" };
}

/**
 * The SaaS measures a CFO expects beside the framework's (product.md 12): the four MRR movements
 * and what retention they give, and the efficiency of growth. No seed targets: they never count
 * toward the phase. Every one is a row of the timeline; the derived ones compute as timeline.ts's
 * DERIVATIONS say and can be typed over.
 */
export const SAAS_MEASURES: readonly OtherInput[] = [
  saas({
    id: "new_mrr",
    name: { en: "New MRR", es: "MRR nuevo" },
    aliases: [
      "new business MRR",
      "MRR from new customers",
      "nuevo MRR",
      "MRR de nuevos clientes",
      "MRR de altas",
    ],
    unit: "usd_month",
    direction: "higher",
    source: MOVEMENTS,
  }),
  saas({
    id: "expansion_mrr",
    name: { en: "Expansion MRR", es: "MRR de expansión" },
    aliases: [
      "expansion",
      "upsell MRR",
      "expansion revenue",
      "expansión",
      "MRR expansión",
      "MRR de ampliación",
    ],
    unit: "usd_month",
    direction: "higher",
    source: MOVEMENTS,
  }),
  saas({
    id: "contraction_mrr",
    name: { en: "Contraction MRR", es: "MRR de contracción" },
    aliases: [
      "contraction",
      "downgrade MRR",
      "downgrades",
      "contracción",
      "MRR contracción",
      "MRR de reducción",
    ],
    unit: "usd_month",
    direction: "lower",
    source: MOVEMENTS,
  }),
  saas({
    id: "churned_mrr",
    name: { en: "Churned MRR", es: "MRR cancelado" },
    aliases: [
      "churn MRR",
      "lost MRR",
      "cancelled MRR",
      "canceled MRR",
      "MRR perdido",
      "MRR de bajas",
      "MRR perdido por churn",
    ],
    unit: "usd_month",
    direction: "lower",
    source: MOVEMENTS,
  }),
  saas({
    id: "net_new_mrr",
    name: { en: "Net new MRR", es: "MRR neto nuevo" },
    aliases: [
      "net MRR",
      "net MRR change",
      "nuevo MRR neto",
      "MRR neto",
      "variación neta del MRR",
    ],
    unit: "usd_month",
    direction: "higher",
    // Churn and contraction can outweigh new and expansion MRR.
    signed: true,
    source: MOVEMENTS,
  }),
  saas({
    id: "mrr_reconciliation",
    name: { en: "MRR reconciliation", es: "Conciliación del MRR" },
    aliases: [
      "unexplained MRR",
      "MRR not explained",
      "conciliación MRR",
      "MRR sin explicar",
    ],
    unit: "usd_month",
    // What matters is its size: 0 means the movements explain the MRR change.
    direction: "lower",
    signed: true,
    source: MOVEMENTS,
  }),
  saas({
    id: "revenue_churn",
    name: { en: "Revenue churn (monthly)", es: "Churn de ingresos mensual" },
    aliases: [
      "gross MRR churn",
      "gross revenue churn",
      "revenue churn rate",
      "MRR churn rate",
      "churn de ingresos",
      "churn de MRR",
      "churn bruto de MRR",
    ],
    unit: "fraction",
    direction: "lower",
    source: MOVEMENTS,
  }),
  saas({
    id: "nrr",
    name: {
      en: "Net revenue retention (monthly)",
      es: "Retención neta mensual (NRR)",
    },
    aliases: [
      "net revenue retention",
      "net dollar retention",
      "monthly NRR",
      "NRR mensual",
      "retención neta",
      "retención neta de ingresos",
    ],
    unit: "fraction",
    direction: "higher",
    // Above 100% when expansion outweighs contraction and churn.
    capped: false,
    source: MOVEMENTS,
  }),
  saas({
    id: "nrr_12m",
    name: {
      en: "Net revenue retention, 12 months",
      es: "Retención neta 12 meses (NRR)",
    },
    aliases: [
      "NRR 12m",
      "NRR 12 months",
      "annual NRR",
      "trailing 12-month NRR",
      "NRR anual",
      "NRR 12 meses",
      "retención neta anual",
    ],
    unit: "fraction",
    direction: "higher",
    capped: false,
    source: MOVEMENTS,
  }),
  saas({
    id: "grr_12m",
    name: {
      en: "Gross retention, 12 months (GRR)",
      es: "Retención bruta 12 meses (GRR)",
    },
    aliases: [
      "GRR",
      "GRR 12m",
      "gross revenue retention",
      "gross dollar retention",
      "annual GRR",
      "GRR anual",
      "retención bruta",
      "retención bruta de ingresos",
    ],
    unit: "fraction",
    direction: "higher",
    source: MOVEMENTS,
  }),
  saas({
    id: "quick_ratio",
    name: { en: "SaaS quick ratio", es: "Quick ratio SaaS" },
    aliases: ["quick ratio", "ratio rápido"],
    unit: "ratio",
    direction: "higher",
    source: MOVEMENTS,
  }),
  saas({
    id: "cac_payback",
    name: { en: "CAC payback (months)", es: "Recuperación del CAC (meses)" },
    aliases: [
      "CAC payback",
      "CAC payback period",
      "payback period",
      "months to recover CAC",
      "payback del CAC",
      "periodo de recuperación del CAC",
      "meses de recuperación del CAC",
    ],
    unit: "months",
    direction: "lower",
    source: EFFICIENCY,
  }),
  saas({
    id: "burn_multiple",
    name: { en: "Burn multiple", es: "Múltiplo de quema" },
    aliases: ["múltiplo de burn"],
    unit: "multiple",
    direction: "lower",
    // Negative while the company generates cash (a negative burn rate) and grows.
    plausibleMin: -Infinity,
    source: EFFICIENCY,
  }),
  saas({
    id: "arr_growth_yoy",
    name: {
      en: "ARR growth (year over year)",
      es: "Crecimiento interanual del ARR",
    },
    aliases: [
      "ARR growth",
      "YoY ARR growth",
      "ARR growth YoY",
      "year over year growth",
      "YoY growth",
      "crecimiento del ARR",
      "crecimiento interanual",
    ],
    unit: "fraction",
    direction: "higher",
    capped: false,
    signed: true,
    plausibleMax: YOY_GROWTH_MAX,
    source: EFFICIENCY,
  }),
  saas({
    id: "profit_margin",
    name: {
      en: "Profit margin (EBITDA or FCF)",
      es: "Margen de beneficio (EBITDA o FCL)",
    },
    aliases: [
      "EBITDA margin",
      "FCF margin",
      "free cash flow margin",
      "margen EBITDA",
      "margen FCL",
      "margen de flujo de caja libre",
    ],
    unit: "fraction",
    direction: "higher",
    signed: true,
    plausibleMin: PROFIT_MARGIN_MIN,
    source: `${EFFICIENCY}: EBITDA or free-cash-flow margin, as the team reports it`,
  }),
  saas({
    id: "rule_of_40",
    name: { en: "Rule of 40", es: "Regla del 40" },
    aliases: ["rule of forty", "R40", "regla de 40"],
    unit: "fraction",
    direction: "higher",
    capped: false,
    // ARR growth plus the profit margin: between the sums of their plausible limits.
    plausibleMin: -1 + PROFIT_MARGIN_MIN,
    plausibleMax: YOY_GROWTH_MAX + 1,
    source: EFFICIENCY,
  }),
];

/**
 * The timeline's measures that are neither a phase metric nor a risk indicator: the cash balance
 * and the SaaS measures. The importer reads them; SCALE.RISK, SCALE.GAP and SCALE.TARGET take
 * those with a convention (CONTEXT_THRESHOLDS), never toward the phase.
 */
export const OTHER_MEASURES: readonly OtherInput[] = [
  CASH_BALANCE,
  ...SAAS_MEASURES,
];

/**
 * A public convention a SaaS measure is judged against, as information: it never counts toward
 * the phase (product.md 12 and 14). Only conventions product.md names with their figure, whose
 * author, year and source a user can look up; the rest are left out (see docs/functions.md).
 */
export interface ContextThreshold {
  /** The SaaS measure's id: its direction and cap are the measure's. */
  readonly id: string;
  readonly threshold: number;
  readonly author: string;
  readonly year: number;
  /** The companies the convention describes. */
  readonly segment: Localized;
  readonly source: string;
}

export const CONTEXT_THRESHOLDS: readonly ContextThreshold[] = [
  {
    id: "quick_ratio",
    threshold: 4,
    author: "Mamoon Hamid (Social Capital)",
    year: 2015,
    segment: {
      en: "early-stage, high-growth SaaS",
      es: "SaaS en etapa temprana y de alto crecimiento",
    },
    // Hamid's rule of thumb as InsightSquared's 2016 benchmark reports it.
    source:
      "https://www.insightsquared.com/blog/benchmarking-quick-ratio-benchmarks-2016/",
  },
  {
    id: "rule_of_40",
    threshold: 0.4,
    author: "Brad Feld",
    year: 2015,
    segment: {
      en: "SaaS at scale (about $50M revenue; from about $1M MRR)",
      es: "SaaS a escala (unos 50 M$ de ingresos; desde 1 M$ de MRR)",
    },
    source:
      "http://www.feld.com/archives/2015/02/rule-40-healthy-saas-company.html",
  },
];

/** The convention a SaaS measure is judged against (by its id), if product.md 12 gives it one. */
export const contextOf = (id: string): ContextThreshold | undefined =>
  CONTEXT_THRESHOLDS.find((c) => c.id === id);

/**
 * How far the MRR movements may miss the month's MRR change before the reconciliation is flagged:
 * 0.5% of the month before's MRR (product.md 12).
 */
export const RECONCILIATION_TOLERANCE = 0.005;

/**
 * Risk indicators that measure the same thing as a phase metric: the same row of data, judged
 * against both thresholds (product.md section 3). Revenue growth is treated as monthly, like MRR growth.
 */
export const LINKED_INDICATORS: ReadonlyMap<string, string> = new Map([
  ["quality_loss.nps", "nps"],
  ["team_overload.employee_satisfaction", "team_satisfaction"],
  ["team_overload.productivity", "productivity"],
  ["cash_burn.revenue_growth", "mrr_growth"],
  ["competition.churn", "churn"],
  ["competition.revenue_growth", "mrr_growth"],
]);

/** The phase the schedule expects by month t (1 = the first month): 0 before month 6, 4 from month 36. */
export function expectedPhase(t: number): number {
  let expected = 0;
  for (const p of PHASES) if (t >= p.expectedFrom) expected = p.number;
  return expected;
}
