/**
 * The monthly timeline of product.md section 6: which rows it has (every phase metric once, the
 * risk indicators that are not a phase metric's row, the cash balance), how derived rows compute
 * (section 6.3), and the rules of section 6.4-6.5 month by month. The template's formulas
 * implement the same rules (template/), and tests check that both agree.
 */
import {
  CASH_BALANCE,
  LINKED_INDICATORS,
  Level,
  OtherInput,
  PHASE_METRICS,
  PHASE_NUMBERS,
  PhaseMetric,
  RECONCILIATION_TOLERANCE,
  RISK_GROUPS,
  RISK_INDICATORS,
  RiskGroupId,
  RiskIndicator,
  SAAS_MEASURES,
  expectedPhase,
} from "./catalog";
import {
  Eta,
  MetricValue,
  RELATIVE_TOLERANCE,
  etaAt,
  isGrowingAmount,
  gapOf,
  indicatorRule,
  levelOf,
  metricRule,
  phaseReached,
  phaseScore,
  worstLevel,
} from "./evaluate";
import { Overrides } from "./overrides";
import { targetPhaseOf } from "./phases";

export type SectionId =
  | "revenue"
  | "customers"
  | "marketing"
  | "team"
  | "efficiency"
  | "risk"
  | "other";

export const SECTIONS: readonly SectionId[] = [
  "revenue",
  "customers",
  "marketing",
  "team",
  "efficiency",
  "risk",
  "other",
];

export type Measure = PhaseMetric | RiskIndicator | OtherInput;

/** What a derived row computes from (product.md sections 6.3 and 12). */
export type Derivation =
  | "arr"
  | "mrr_growth"
  | "customer_growth"
  | "revenue_per_employee"
  | "ltv_cac"
  | "cash_runway"
  | "turnover"
  | "net_new_mrr"
  | "mrr_reconciliation"
  | "revenue_churn"
  | "nrr"
  | "nrr_12m"
  | "grr_12m"
  | "quick_ratio"
  | "cac_payback"
  | "burn_multiple"
  | "arr_growth_yoy"
  | "rule_of_40";

export interface TimelineRow {
  /** The row's workbook name is `Tracking_<key>`: a metric id, `cash_balance`, or `<group>_<indicator>`. */
  readonly key: string;
  /** Shown in the row's id cell and read by the importer: a metric id, `group.indicator` or `cash_balance`. */
  readonly id: string;
  readonly measure: Measure;
  readonly section: SectionId;
  readonly derived?: Derivation;
  /** The risk indicators this row's values are judged against (a linked indicator sits on its metric's row). */
  readonly indicators: readonly RiskIndicator[];
}

/** The row flagged where the MRR movements do not explain the MRR change (product.md 12). */
export const RECONCILIATION_KEY = "mrr_reconciliation";

/** `cash_burn.cash_runway` -> `cash_burn_cash_runway`: a workbook name's suffix. */
export const indicatorKey = (i: RiskIndicator) => `${i.group}_${i.id}`;

const METRIC_SECTION: Readonly<Record<string, SectionId>> = {
  mrr: "revenue",
  arr: "revenue",
  mrr_growth: "revenue",
  revenue_per_employee: "revenue",
  gross_margin: "revenue",
  customers: "customers",
  customer_growth: "customers",
  churn: "customers",
  nps: "customers",
  active_users: "customers",
  leads: "marketing",
  cac: "marketing",
  ltv_cac: "marketing",
  marketing_roi: "marketing",
};

const DERIVED: Readonly<Record<string, Derivation>> = {
  arr: "arr",
  mrr_growth: "mrr_growth",
  customer_growth: "customer_growth",
  revenue_per_employee: "revenue_per_employee",
  ltv_cac: "ltv_cac",
  "cash_burn.cash_runway": "cash_runway",
  "team_overload.turnover": "turnover",
  net_new_mrr: "net_new_mrr",
  [RECONCILIATION_KEY]: "mrr_reconciliation",
  revenue_churn: "revenue_churn",
  nrr: "nrr",
  nrr_12m: "nrr_12m",
  grr_12m: "grr_12m",
  quick_ratio: "quick_ratio",
  cac_payback: "cac_payback",
  burn_multiple: "burn_multiple",
  arr_growth_yoy: "arr_growth_yoy",
  rule_of_40: "rule_of_40",
};

/** The SaaS measures of product.md 12: the MRR movements and retention with revenue, efficiency on its own. */
const SAAS_SECTION: Readonly<Record<string, SectionId>> = {
  cac_payback: "efficiency",
  burn_multiple: "efficiency",
  arr_growth_yoy: "efficiency",
  profit_margin: "efficiency",
  rule_of_40: "efficiency",
};

function buildRows(): TimelineRow[] {
  const linkedTo = (id: string) =>
    RISK_INDICATORS.filter((i) => LINKED_INDICATORS.get(i.qualifiedId) === id);
  const metrics = PHASE_METRICS.map((m): TimelineRow => ({
    key: m.id,
    id: m.id,
    measure: m,
    section: METRIC_SECTION[m.id] ?? "team",
    derived: DERIVED[m.id],
    indicators: linkedTo(m.id),
  }));
  const indicators = RISK_INDICATORS.filter(
    (i) => !LINKED_INDICATORS.has(i.qualifiedId),
  ).map((i): TimelineRow => ({
    key: indicatorKey(i),
    id: i.qualifiedId,
    measure: i,
    section: "risk",
    derived: DERIVED[i.qualifiedId],
    indicators: [i],
  }));
  const cash: TimelineRow = {
    key: CASH_BALANCE.id,
    id: CASH_BALANCE.id,
    measure: CASH_BALANCE,
    section: "other",
    indicators: [],
  };
  const saas = SAAS_MEASURES.map((m): TimelineRow => ({
    key: m.id,
    id: m.id,
    measure: m,
    section: SAAS_SECTION[m.id] ?? "revenue",
    derived: DERIVED[m.id],
    indicators: [],
  }));
  return SECTIONS.flatMap((s) =>
    [...metrics, ...saas, ...indicators, cash].filter((r) => r.section === s),
  );
}

/** Every row of the timeline, in sheet order. */
export const TIMELINE_ROWS: readonly TimelineRow[] = buildRows();

const ROW_BY_KEY = new Map(TIMELINE_ROWS.map((r) => [r.key, r]));

export function rowByKey(key: string): TimelineRow {
  const row = ROW_BY_KEY.get(key);
  if (!row) throw new Error(`No timeline row '${key}'`);
  return row;
}

/** The row a measure's values go to: its own, or for a linked indicator its phase metric's. */
export function rowOf(measure: Measure): TimelineRow {
  if (measure.kind !== "indicator") return rowByKey(measure.id);
  const metric = LINKED_INDICATORS.get(measure.qualifiedId);
  return rowByKey(metric ?? indicatorKey(measure));
}

/** Rows whose values the team types (not derived): the reporting month is the last month any of them holds a number. */
export const INPUT_ROWS = TIMELINE_ROWS.filter((r) => r.derived === undefined);

/** Values of a derived row's inputs in one month, in the order of its `inputs`. */
type Inputs = readonly (number | undefined)[];

/** The four MRR movements, in the order net new MRR adds and subtracts them. */
const MOVEMENT_INPUTS = [
  "new_mrr",
  "expansion_mrr",
  "contraction_mrr",
  "churned_mrr",
];

/** Months of 12-month measures: a product of the last 12 months, a change against 12 months before. */
export const YEAR = 12;

/** The inputs of each derived row, by row key, and its rule (blank where the table says so). */
export const DERIVATIONS: Readonly<
  Record<
    Derivation,
    {
      readonly inputs: readonly string[];
      /**
       * How many months before month t the rule reads its first input (the 12-month measures), where
       * it reads further back than the month before: the sheet reads them through a window of that
       * many months before its own (template/formulas.ts).
       */
      readonly span?: number;
      /**
       * Values of the inputs in month t, in month t-1 (undefined at t = 1), and `back(k)` in month
       * t-k (undefined before month 1).
       */
      readonly compute: (
        now: Inputs,
        before: Inputs | undefined,
        back: (k: number) => Inputs | undefined,
      ) => number | undefined;
    }
  >
> = {
  arr: {
    inputs: ["mrr"],
    compute: ([mrr]) => (num(mrr) ? 12 * mrr! : undefined),
  },
  mrr_growth: { inputs: ["mrr"], compute: growth },
  customer_growth: { inputs: ["customers"], compute: growth },
  revenue_per_employee: {
    inputs: ["mrr", "team_size"],
    compute: ([mrr, team]) =>
      num(mrr) && num(team) && team! > 0 ? (12 * mrr!) / team! : undefined,
  },
  ltv_cac: {
    inputs: ["mrr", "customers", "gross_margin", "churn", "cac"],
    compute: ([mrr, customers, margin, churn, cac]) =>
      [mrr, customers, margin, churn, cac].every(num) &&
      customers! > 0 &&
      churn! > 0 &&
      cac! > 0
        ? ((mrr! / customers!) * margin!) / churn! / cac!
        : undefined,
  },
  cash_runway: {
    inputs: ["cash_balance", "cash_burn_burn_rate"],
    compute: ([cash, burn]) =>
      num(cash) && num(burn) && burn! > 0 ? cash! / burn! : undefined,
  },
  turnover: {
    inputs: ["employee_retention"],
    compute: ([retention]) => (num(retention) ? 1 - retention! : undefined),
  },
  // product.md 12: the MRR movements and retention.
  net_new_mrr: {
    inputs: MOVEMENT_INPUTS,
    compute: (now) =>
      now.every(num) ? now[0]! + now[1]! - now[2]! - now[3]! : undefined,
  },
  mrr_reconciliation: {
    inputs: ["mrr", "net_new_mrr"],
    compute: ([mrr, net], before) => {
      const prev = before?.[0];
      return num(mrr) && num(net) && prev !== undefined
        ? mrr! - prev - net!
        : undefined;
    },
  },
  revenue_churn: {
    inputs: ["mrr", "contraction_mrr", "churned_mrr"],
    compute: ([, contraction, churned], before) => {
      const prev = before?.[0];
      return num(contraction) && num(churned) && prev !== undefined && prev > 0
        ? (contraction! + churned!) / prev
        : undefined;
    },
  },
  nrr: {
    inputs: ["mrr", "expansion_mrr", "contraction_mrr", "churned_mrr"],
    compute: ([, expansion, contraction, churned], before) => {
      const prev = before?.[0];
      return [expansion, contraction, churned].every(num) &&
        prev !== undefined &&
        prev > 0
        ? (prev + expansion! - contraction! - churned!) / prev
        : undefined;
    },
  },
  nrr_12m: {
    inputs: ["nrr"],
    span: YEAR - 1,
    compute: (_now, _before, back) => lastYearProduct(back, (nrr) => nrr),
  },
  grr_12m: {
    inputs: ["revenue_churn"],
    span: YEAR - 1,
    compute: (_now, _before, back) =>
      lastYearProduct(back, (churn) => 1 - churn),
  },
  quick_ratio: {
    inputs: MOVEMENT_INPUTS,
    compute: (now) => {
      if (!now.every(num)) return undefined;
      const [added, expansion, contraction, churned] = now as number[];
      const lost = contraction + churned;
      return lost > 0 ? (added + expansion) / lost : undefined;
    },
  },
  // product.md 12: efficiency.
  cac_payback: {
    inputs: ["cac", "mrr", "customers", "gross_margin"],
    compute: ([cac, mrr, customers, margin]) => {
      if (![cac, mrr, customers, margin].every(num) || customers! <= 0)
        return undefined;
      const monthlyMargin = (mrr! / customers!) * margin!;
      return monthlyMargin > 0 ? cac! / monthlyMargin : undefined;
    },
  },
  burn_multiple: {
    inputs: ["cash_burn_burn_rate", "net_new_mrr"],
    compute: ([burn, net]) =>
      num(burn) && num(net) && net! > 0 ? burn! / (12 * net!) : undefined,
  },
  arr_growth_yoy: {
    inputs: ["arr"],
    span: YEAR,
    compute: ([arr], _before, back) => {
      const yearBefore = back(YEAR)?.[0];
      return num(arr) && yearBefore !== undefined && yearBefore > 0
        ? arr! / yearBefore - 1
        : undefined;
    },
  },
  rule_of_40: {
    inputs: ["arr_growth_yoy", "profit_margin"],
    compute: ([growth, margin]) =>
      num(growth) && num(margin) ? growth! + margin! : undefined,
  },
};

/** The product of f(x) over the first input's last 12 months, t-11..t; undefined unless all 12 are numbers. */
function lastYearProduct(
  back: (k: number) => Inputs | undefined,
  f: (x: number) => number,
): number | undefined {
  let product = 1;
  for (let k = YEAR - 1; k >= 0; k--) {
    const x = back(k)?.[0];
    if (x === undefined) return undefined;
    product *= f(x);
  }
  return product;
}

function num(x: number | undefined): boolean {
  return x !== undefined;
}

function growth(
  [now]: readonly (number | undefined)[],
  before: readonly (number | undefined)[] | undefined,
): number | undefined {
  const prev = before?.[0];
  return num(now) && prev !== undefined && prev > 0
    ? now! / prev - 1
    : undefined;
}

/** Month cells of a timeline: index 0 is month 1; undefined is a blank cell. */
export type Series = readonly (number | undefined)[];

/**
 * Every row's month cells: typed values where there are some (a number typed over a derived
 * row's cell replaces its formula for that month), the derived rows' rule elsewhere.
 */
export function timelineValues(
  typed: ReadonlyMap<string, Series>,
  months: number,
): Map<string, (number | undefined)[]> {
  const values = new Map<string, (number | undefined)[]>();
  for (const r of TIMELINE_ROWS)
    values.set(
      r.key,
      Array.from({ length: months }, (_, t) => typed.get(r.key)?.[t]),
    );
  for (const r of DERIVED_IN_ORDER) {
    const { inputs, compute } = DERIVATIONS[r.derived!];
    const row = values.get(r.key)!;
    const at = (t: number) =>
      t < 0 ? undefined : inputs.map((k) => values.get(k)![t]);
    for (let t = 0; t < months; t++)
      if (row[t] === undefined)
        row[t] = compute(at(t)!, at(t - 1), (k) => at(t - k));
  }
  return values;
}

/** The derived rows, each after the derived rows it reads (NRR before its 12-month product, ARR before its growth). */
const DERIVED_IN_ORDER: readonly TimelineRow[] = (() => {
  const ordered: TimelineRow[] = [];
  const visit = (r: TimelineRow) => {
    if (!r.derived || ordered.includes(r)) return;
    DERIVATIONS[r.derived].inputs.forEach((k) => visit(rowByKey(k)));
    ordered.push(r);
  };
  TIMELINE_ROWS.forEach(visit);
  return ordered;
})();

/**
 * The MRR reconciliation's flag in a month (product.md 12): RISK when its size exceeds
 * RECONCILIATION_TOLERANCE (0.5%) of the month before's MRR, as the movements then do not explain
 * the MRR change; OK when not; undefined without both numbers. A size within the core's relative
 * tolerance of the limit is at the limit, as every comparison at a boundary (product.md 6.7).
 */
export function reconciliationLevel(
  reconciliation: number | undefined,
  mrrBefore: number | undefined,
): Level | undefined {
  if (reconciliation === undefined || mrrBefore === undefined) return undefined;
  const limit = RECONCILIATION_TOLERANCE * mrrBefore;
  // Strictly past the limit and its slack: a reconciliation of 0 against an MRR of 0 is explained.
  return Math.abs(reconciliation) > limit + RELATIVE_TOLERANCE * Math.abs(limit)
    ? "RISK"
    : "OK";
}

/** The as-of series: each month's value is the last number at or before it, and the month (1-based) it is from. */
export function asOfSeries(series: Series): {
  values: (number | undefined)[];
  months: (number | undefined)[];
} {
  const values: (number | undefined)[] = [];
  const months: (number | undefined)[] = [];
  series.forEach((v, t) => {
    const carried = v === undefined && t > 0;
    values.push(carried ? values[t - 1] : v);
    months.push(v !== undefined ? t + 1 : carried ? months[t - 1] : undefined);
  });
  return { values, months };
}

/** A value older than this many months before the reporting month is marked stale. */
export const STALE_AFTER_MONTHS = 3;

export interface MetricNow {
  readonly current?: number;
  /** 1-based month the current value is from. */
  readonly month?: number;
  readonly stale: boolean;
  /** The target phase's target; undefined where it is switched off. */
  readonly target?: number;
  readonly gap?: number;
  readonly flag?: Level;
  readonly eta?: Eta;
  /** 1-based month the ETA ends in: the current value's month + ETA (may be before the reporting month). */
  readonly projected?: number;
}

export interface TimelineState {
  readonly values: ReadonlyMap<string, Series>;
  readonly asOf: ReadonlyMap<string, Series>;
  readonly asOfMonth: ReadonlyMap<string, Series>;
  /** Month by month (index 0 = month 1). */
  readonly phase: Series;
  readonly expected: readonly number[];
  /** Blank after the data ends, like the phase, the scores and the group levels (product.md 6.4, 3rd ed.). */
  readonly targetPhase: Series;
  /** Per phase P1..P4, month by month. */
  readonly scores: readonly Series[];
  readonly met: readonly Series[];
  readonly judged: readonly Series[];
  readonly groups: ReadonlyMap<RiskGroupId, readonly (Level | undefined)[]>;
  /** Per risk indicator (qualified id), month by month. */
  readonly indicatorLevels: ReadonlyMap<string, readonly (Level | undefined)[]>;
  /** 1-based; undefined when no input row holds a number. */
  readonly reportingMonth?: number;
  readonly metrics: ReadonlyMap<string, MetricNow>;
  /** The MRR reconciliation's flag month by month (product.md 12): RISK where the movements do not explain the MRR change. */
  readonly reconciliation: readonly (Level | undefined)[];
  /** Its flag as of the reporting month: the month its as-of value is from, against the MRR of the month before that one. */
  readonly reconciliationNow?: Level;
}

export interface TimelineOptions {
  readonly minShare?: number;
  /** 1-based month to report on; default the last month in which any input row holds a number. */
  readonly reportingMonth?: number;
  readonly overrides?: Overrides;
  /** Months the company's start month (Scale_StartMonth) is before the timeline's first month; default 0. */
  readonly startOffset?: number;
}

/** The last month (1-based) in which any input row holds a number. */
export function lastInputMonth(
  values: ReadonlyMap<string, Series>,
): number | undefined {
  let last: number | undefined;
  for (const r of INPUT_ROWS)
    values.get(r.key)?.forEach((v, t) => {
      if (v !== undefined && (last === undefined || t + 1 > last)) last = t + 1;
    });
  return last;
}

/** Months are 0-based inside; everything outward-facing is 1-based. */
function monthly<T>(months: number, f: (t: number) => T): T[] {
  return Array.from({ length: months }, (_, t) => f(t));
}

export function computeTimeline(
  typed: ReadonlyMap<string, Series>,
  months: number,
  options: TimelineOptions = {},
): TimelineState {
  const { minShare = 1, overrides } = options;
  const values = timelineValues(typed, months);
  const asOf = new Map<string, Series>();
  const asOfMonth = new Map<string, Series>();
  for (const [key, series] of values) {
    const s = asOfSeries(series);
    asOf.set(key, s.values);
    asOfMonth.set(key, s.months);
  }
  const metricValues = (t: number): MetricValue[] =>
    PHASE_METRICS.flatMap((metric) => {
      const value = asOf.get(metric.id)![t];
      return value === undefined ? [] : [{ metric, value }];
    });
  // Months after the last one in which any input row holds a number show no phase, score or level.
  const dataEnd = lastInputMonth(values) ?? 0;
  const whileData =
    <T>(f: (t: number) => T) =>
    (t: number) =>
      t + 1 > dataEnd ? undefined : f(t);
  const phase = monthly(
    months,
    whileData((t) => phaseReached(metricValues(t), minShare, overrides)),
  );
  const count = (n: (typeof PHASE_NUMBERS)[number], t: number) => {
    let met = 0;
    let judged = 0;
    for (const v of metricValues(t)) {
      const rule = metricRule(v.metric, n, overrides);
      if (!rule) continue;
      judged++;
      if (levelOf(v.value, rule) === "OK") met++;
    }
    return { met, judged };
  };
  const met = PHASE_NUMBERS.map((n) => monthly(months, (t) => count(n, t).met));
  const judged = PHASE_NUMBERS.map((n) =>
    monthly(months, (t) => count(n, t).judged),
  );
  const scores = PHASE_NUMBERS.map((n) =>
    monthly(
      months,
      whileData((t) => phaseScore(metricValues(t), n, overrides)),
    ),
  );
  const targetPhase = monthly(
    months,
    whileData((t) => targetPhaseOf(phase[t])),
  );
  const indicatorLevels = new Map<string, (Level | undefined)[]>();
  for (const i of RISK_INDICATORS) {
    const series = asOf.get(rowOf(i).key)!;
    const rule = indicatorRule(i, overrides);
    indicatorLevels.set(
      i.qualifiedId,
      series.map((v) =>
        v === undefined || rule === undefined ? undefined : levelOf(v, rule),
      ),
    );
  }
  const groups = new Map(
    RISK_GROUPS.map((g) => [
      g.id,
      monthly(
        months,
        whileData((t) =>
          worstLevel(
            g.indicators.flatMap((i) => {
              const l = indicatorLevels.get(i.qualifiedId)![t];
              return l === undefined ? [] : [l];
            }),
          ),
        ),
      ),
    ]),
  );
  const reportingMonth = options.reportingMonth ?? lastInputMonth(values);
  const mrr = values.get("mrr")!;
  const reconciliation = values
    .get(RECONCILIATION_KEY)!
    .map((v, t) => reconciliationLevel(v, mrr[t - 1]));
  const reconciledMonth =
    reportingMonth === undefined
      ? undefined
      : asOfMonth.get(RECONCILIATION_KEY)![reportingMonth - 1];
  const metrics = new Map<string, MetricNow>();
  for (const m of PHASE_METRICS) {
    metrics.set(
      m.id,
      metricNow(
        m,
        values.get(m.id)!,
        asOf.get(m.id)!,
        asOfMonth.get(m.id)!,
        reportingMonth,
        targetPhase,
        overrides,
      ),
    );
  }
  return {
    values,
    asOf,
    asOfMonth,
    phase,
    // The schedule counts from the company's start month (product.md 6.4, 3rd ed.); before it, phase 0.
    expected: monthly(months, (t) =>
      expectedPhase(t + 1 + (options.startOffset ?? 0)),
    ),
    targetPhase,
    scores,
    met,
    judged,
    groups,
    indicatorLevels,
    reportingMonth,
    metrics,
    reconciliation,
    reconciliationNow:
      reconciledMonth === undefined
        ? undefined
        : reconciliation[reconciledMonth - 1],
  };
}

function metricNow(
  m: PhaseMetric,
  observed: Series,
  asOf: Series,
  asOfMonth: Series,
  reportingMonth: number | undefined,
  targetPhase: Series,
  overrides: Overrides | undefined,
): MetricNow {
  if (reportingMonth === undefined) return { stale: false };
  const t = reportingMonth - 1;
  const current = asOf[t];
  const month = asOfMonth[t];
  // A reporting month typed after the data ends is judged against phase 1, as the dashboard does.
  const rule = metricRule(m, (targetPhase[t] ?? 1) as 1 | 2 | 3 | 4, overrides);
  const stale =
    month !== undefined && month < reportingMonth - STALE_AFTER_MONTHS;
  if (current === undefined || rule === undefined)
    return { current, month, stale, target: rule?.threshold };
  const eta = isGrowingAmount(m) ? etaAt(observed, t, rule) : undefined;
  return {
    current,
    month,
    stale,
    target: rule.threshold,
    gap: gapOf(current, rule),
    flag: levelOf(current, rule),
    eta,
    projected:
      eta && "months" in eta && month !== undefined
        ? month + eta.months
        : undefined,
  };
}
