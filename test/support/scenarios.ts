/**
 * Companies as a finance team would type them, and what the core says the workbook must show
 * for them: the oracle the engines' results are compared with (the core's timeline rules, not
 * the template's formulas).
 */
import fc from "fast-check";
import { PHASE_METRICS, PHASE_NUMBERS, RISK_GROUPS, valueRange } from "../../src/core/catalog";
import { metricRule, indicatorRule } from "../../src/core/evaluate";
import { Overrides } from "../../src/core/overrides";
import { INPUT_ROWS } from "../../src/core/timeline";
import { importActuals } from "../../src/core/importer";
import { addMonths, monthSerial, monthsBetween } from "../../src/core/months";
import { isGrowingAmount } from "../../src/core/evaluate";
import { Series, computeTimeline } from "../../src/core/timeline";
import { NAMES, TEMPLATE_LABELS, TemplateOptions, TimelineValue } from "../../src/core/template";
import { SAAS_COMPANY } from "./saas-company";

export interface Scenario {
  readonly name: string;
  readonly options: TemplateOptions & { months: number; actuals: readonly TimelineValue[] };
}

/** `start` growing by `rate` a month over months `from`..`to`. */
function growing(key: string, start: number, rate: number, from: number, to: number, step = 1): TimelineValue[] {
  const out: TimelineValue[] = [];
  for (let t = from; t <= to; t += step) out.push({ key, month: t, value: +(start * Math.pow(1 + rate, t - from)).toPrecision(12) });
  return out;
}

const flat = (key: string, value: number, from: number, to: number, step = 1) => growing(key, value, 0, from, to, step);

const base = { company: "Acme", currency: "USD", firstMonth: "2025-01" } as const;

/** Meets every phase 1 target in month 14 and grows: phase 1, target phase 2, ETAs above 0. */
const phaseOne: Scenario = {
  name: "phase 1 reached, with ETAs",
  options: {
    ...base,
    language: "en",
    months: 36,
    actuals: [
      ...growing("mrr", 60_000, 0.22, 1, 14),
      ...growing("customers", 40, 0.32, 1, 14),
      ...flat("gross_margin", 0.78, 1, 14),
      ...flat("churn", 0.04, 1, 14),
      ...flat("nps", 72, 1, 14),
      ...growing("active_users", 200, 0.15, 1, 14),
      ...growing("leads", 2_000, 0.14, 1, 14),
      ...flat("cac", 90, 1, 14),
      ...flat("marketing_roi", 3.5, 1, 14),
      ...growing("team_size", 12, 0.05, 1, 14),
      ...flat("productivity", 11, 1, 14),
      ...flat("process_automation", 0.85, 1, 14),
      ...flat("uptime", 0.9995, 1, 14),
      ...flat("employee_retention", 0.96, 1, 14),
      ...flat("team_satisfaction", 4.6, 1, 14),
      ...flat("cash_balance", 9_000_000, 1, 14),
      ...flat("cash_burn_burn_rate", 400_000, 1, 14),
      ...flat("competition_market_share", 0.04, 12, 14),
    ],
  },
};

/** Month 30 with numbers short of phase 1: phase 0 while the schedule expects 3. */
const lateStarter: Scenario = {
  name: "phase 0 past month 24",
  options: {
    ...base,
    language: "en",
    months: 36,
    actuals: [
      ...growing("mrr", 20_000, 0.03, 1, 30),
      ...growing("customers", 100, 0.02, 1, 30),
      ...flat("churn", 0.08, 1, 30),
      ...flat("gross_margin", 0.68, 1, 30),
      ...flat("team_size", 15, 1, 30),
      ...flat("cac", 140, 1, 30),
      ...flat("quality_loss_error_rate", 0.02, 25, 30),
      ...flat("team_overload_burnout_rate", 0.12, 25, 30),
    ],
  },
};

/** Ten years of numbers, some every month, some every quarter. */
const decade: Scenario = {
  name: "a 120-month timeline",
  options: {
    ...base,
    language: "en",
    firstMonth: "2020-01",
    months: 120,
    actuals: [
      ...growing("mrr", 50_000, 0.045, 1, 118),
      ...growing("customers", 50, 0.04, 1, 118),
      ...growing("team_size", 8, 0.03, 1, 118, 3),
      ...flat("gross_margin", 0.82, 1, 118, 3),
      ...flat("churn", 0.025, 1, 118),
      ...flat("nps", 76, 1, 118, 6),
      ...growing("leads", 1_000, 0.05, 1, 118),
      ...flat("cac", 70, 1, 118, 3),
      ...flat("uptime", 0.9999, 60, 118),
      ...flat("cash_balance", 20_000_000, 100, 118),
      ...flat("cash_burn_burn_rate", -50_000, 100, 118),
    ],
  },
};

/** The wide, semicolon-separated file Spanish Excel saves, with decimal commas. */
export const SPANISH_CSV = [
  "metric;2025-01;2025-02;2025-03;2025-04;2025-05;2025-06",
  "MRR / Revenue mensual;150000;180000;220000;265000;320000;390000",
  "Clientes;300;390;500;650;850;1100",
  "Churn mensual;0,045;0,042;0,04;0,038;0,036;0,035",
  "Margen bruto;0,71;0,72;0,74;0,75;0,76;0,77",
  "CAC;95;92;90;88;85;80",
  "Tamaño del equipo;10;11;12;13;15;16",
  "competition.revenue_growth;;;;;;",
  "cash_burn.burn_rate;250000;260000;270000;280000;290000;300000",
  "cash_balance;6000000;5750000;5500000;5200000;4900000;4600000",
].join("\n");

export function spanishValues(): TimelineValue[] {
  const rows = SPANISH_CSV.split("\n").map((line, i) => ({ line: i + 1, cells: line.split(";") }));
  const result = importActuals(rows, { months: 24, decimalComma: true });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.values.map((v) => ({ key: v.row.key, month: v.month, value: v.value }));
}

const spanish: Scenario = {
  name: "Spanish, from a wide semicolon CSV",
  options: { ...base, language: "es", currency: "EUR", months: 24, actuals: spanishValues() },
};

/** Numbers typed over derived rows: ARR from the books, growth from another source, a runway. */
const typedOver: Scenario = {
  name: "numbers typed over computed rows",
  options: {
    ...base,
    language: "en",
    months: 12,
    actuals: [
      ...growing("mrr", 400_000, 0.1, 1, 8),
      { key: "arr", month: 8, value: 7_500_000 },
      { key: "mrr_growth", month: 6, value: 0.3 },
      { key: "ltv_cac", month: 8, value: 4 },
      { key: "team_overload_turnover", month: 8, value: 0.02 },
      { key: "cash_burn_cash_runway", month: 7, value: 30 },
      ...flat("customers", 1_200, 1, 8),
      ...flat("employee_retention", 0.9, 1, 8),
    ],
  },
};

/** Quarterly metrics whose last number is older than three months before the reporting month. */
const quarterly: Scenario = {
  name: "quarterly-only metrics that go stale",
  options: {
    ...base,
    language: "en",
    months: 24,
    actuals: [
      ...growing("mrr", 300_000, 0.08, 1, 17),
      ...flat("nps", 71, 3, 12, 3),
      ...flat("team_satisfaction", 4.3, 3, 12, 3),
      ...flat("gross_margin", 0.8, 3, 15, 3),
      ...flat("uptime", 0.9991, 1, 9),
    ],
  },
};

/** Month 26 meeting every phase 1, 2 and 3 target and some of phase 4's: phase 3 (the highest that qualifies), on schedule. */
const phaseThree: Scenario = {
  name: "phase 3 reached, with ETAs to phase 4",
  options: {
    ...base,
    language: "en",
    months: 36,
    actuals: [
      ...growing("mrr", 66_000, 0.2, 1, 26),
      ...growing("customers", 40, 0.3, 1, 26),
      ...flat("churn", 0.015, 1, 26),
      ...flat("nps", 82, 1, 26),
      ...growing("leads", 60_000, 0.06, 1, 26),
      ...growing("team_size", 30, 0.06, 1, 26),
    ],
  },
};

/**
 * The team counted each quarter (months 1, 4, 7, 10), so revenue per employee exists only then, while MRR is
 * typed monthly to month 13; the data ends there, mid-timeline. Month 13's ETAs for team size and revenue per
 * employee come from months 10 and 7 (product.md 6.5, 3rd ed.), not from month 10's number carried to 13.
 * The company started 18 months before the timeline: month 13 is its month 31, phase 3 expected (6.4).
 */
const quarterlyTeam: Scenario = {
  name: "a quarterly team and data ending mid-timeline",
  options: {
    ...base,
    language: "en",
    months: 24,
    // The company started in Jul 2023, 18 months before the timeline's first month (Jan 2025).
    settings: { startMonth: "2023-07" },
    actuals: [
      ...growing("mrr", 50_000, 0.06, 1, 13),
      // 10% a quarter.
      ...[10, 11, 12.1, 13.31].map((value, q) => ({ key: "team_size", month: 1 + 3 * q, value })),
      ...flat("nps", 60, 1, 13),
      ...flat("churn", 0.05, 1, 13),
      ...flat("cash_balance", 2_000_000, 1, 13),
      ...flat("cash_burn_burn_rate", 150_000, 1, 13),
    ],
  },
};

/**
 * A unit slip (issue 18): CAC typed in thousands (0.095) in month 14 among dollars (90 a month), the month the
 * dashboard reports. The workbook computes with it as typed, as every engine must alike; the importer and
 * refresh warn about it (unusual.ts), they do not change it.
 */
const unitSlip: Scenario = {
  name: "a unit slip: CAC typed in thousands in the reporting month",
  options: {
    ...phaseOne.options,
    months: 24,
    actuals: [...phaseOne.options.actuals.filter((a) => !(a.key === "cac" && a.month === 14)), { key: "cac", month: 14, value: 0.095 }],
  },
};

/** MRR movements and efficiency inputs (product.md 12), reconciled except in one month: saas-company.ts. */
const saasCompany: Scenario = SAAS_COMPANY;

export const SCENARIOS: readonly Scenario[] = [phaseOne, lateStarter, decade, spanish, typedOver, quarterly, phaseThree, quarterlyTeam, unitSlip, saasCompany];

/** The scenario's numbers after `count` months are inserted at position `at` (later months move on), with `typed` in the new months. */
export function withInsertedMonths(s: Scenario, at: number, count: number, typed: readonly TimelineValue[]): Scenario {
  const moved = s.options.actuals.map((v) => (v.month >= at ? { ...v, month: v.month + count } : v));
  return { ...s, options: { ...s.options, months: s.options.months + count, actuals: [...moved, ...typed] } };
}

/** Months a user inserts as columns into a scenario's workbook: `count` new months from position `at`, and what is typed in them. */
export interface InsertedMonths {
  readonly name: string;
  readonly scenario: Scenario;
  readonly at: number;
  readonly count: number;
  readonly typed: readonly TimelineValue[];
}

const scenarioNamed = (name: string) => SCENARIOS.find((s) => s.name === name)!;

/** The insertions the engines' tests make (HyperFormula's and LibreOffice's). */
export const INSERTED_MONTHS: readonly InsertedMonths[] = [
  {
    // Between months 6 and 7. The neighbour's runway is typed over, so that row's formula comes from further right.
    name: "a month inserted among typed months",
    scenario: scenarioNamed("numbers typed over computed rows"),
    at: 7,
    count: 1,
    typed: [
      { key: "mrr", month: 7, value: 600_000 },
      { key: "customers", month: 7, value: 1_250 },
      { key: "employee_retention", month: 7, value: 0.8 },
      // Typed only in the new month: the months after it carry it as of month 7.
      { key: "nps", month: 7, value: 45 },
    ],
  },
  {
    name: "two months inserted at the end of the typed months",
    scenario: scenarioNamed("phase 1 reached, with ETAs"),
    at: 15,
    count: 2,
    typed: [15, 16].flatMap((month, k) => [
      { key: "mrr", month, value: Math.round(60_000 * 1.22 ** (14 + k)) },
      { key: "customers", month, value: Math.round(40 * 1.32 ** (14 + k)) },
      { key: "team_size", month, value: 12 + k },
    ]),
  },
];

/** The scenario's numbers after the insertion: later months move on, the new months hold what was typed. */
export const longerTimeline = (i: InsertedMonths) => withInsertedMonths(i.scenario, i.at, i.count, i.typed);

/** The typed values by row key, as the core's timeline takes them. */
export function typedSeries(values: readonly TimelineValue[], months: number): Map<string, Series> {
  const typed = new Map<string, (number | undefined)[]>();
  for (const v of values) {
    const row = typed.get(v.key) ?? Array<number | undefined>(months).fill(undefined);
    row[v.month - 1] = v.value;
    typed.set(v.key, row);
  }
  return typed;
}

export type Expected = number | string;

/** Months the scenario's company start month is before its timeline's first month. */
const startOffsetOf = (s: Scenario) => {
  const start = s.options.settings?.startMonth;
  return start === undefined ? 0 : monthsBetween(start, s.options.firstMonth);
};

/** Workbook name -> what its cell must hold ("" for blank), computed by the core (with a user's thresholds, where given). */
export function expectedNames(s: Scenario, minShare = 1, overrides?: Overrides): Map<string, Expected> {
  const { months, actuals, language, firstMonth } = s.options;
  const state = computeTimeline(typedSeries(actuals, months), months, { minShare, overrides, startOffset: startOffsetOf(s) });
  const out = new Map<string, Expected>();
  const blank = (v: number | string | undefined) => v ?? "";
  const t = state.reportingMonth;
  out.set(NAMES.reportingMonth, t === undefined ? "" : monthSerial(addMonths(firstMonth, t - 1)));
  const at = <T>(series: readonly T[]) => (t === undefined ? undefined : series[t - 1]);
  out.set(NAMES.phase, blank(at(state.phase)));
  out.set(NAMES.expected, blank(at(state.expected)));
  out.set(NAMES.targetPhase, at(state.targetPhase) ?? 1);
  for (const n of PHASE_NUMBERS) out.set(NAMES.score(n), blank(at(state.scores[n - 1])));
  for (const g of RISK_GROUPS) out.set(NAMES.riskFlag(g.id), blank(at(state.groups.get(g.id)!)));
  for (const m of PHASE_METRICS) {
    const now = state.metrics.get(m.id)!;
    out.set(NAMES.current(m.id), blank(now.current));
    out.set(NAMES.flag(m.id), blank(now.flag));
    out.set(NAMES.gap(m.id), now.gap === undefined ? "" : m.unit === "fraction" ? 100 * now.gap : now.gap);
    if (isGrowingAmount(m)) {
      const eta = now.eta;
      out.set(NAMES.eta(m.id), eta === undefined ? "" : "months" in eta ? eta.months : TEMPLATE_LABELS[language].dashboard.notAvailable);
    }
  }
  return out;
}

/** Month-by-month rows the core computes, by workbook name: each must match the Tracking sheet's row. */
export function expectedRows(s: Scenario, minShare = 1): Map<string, Expected[]> {
  const { months, actuals } = s.options;
  const state = computeTimeline(typedSeries(actuals, months), months, { minShare, startOffset: startOffsetOf(s) });
  const row = (xs: readonly (number | string | undefined)[]) => xs.map((x) => x ?? "");
  const out = new Map<string, Expected[]>([
    [NAMES.phaseRow.phase, row(state.phase)],
    [NAMES.phaseRow.expected, row(state.expected)],
    [NAMES.phaseRow.targetPhase, row(state.targetPhase)],
    ...PHASE_NUMBERS.map((n) => [NAMES.phaseRow[`score${n}`], row(state.scores[n - 1])] as [string, Expected[]]),
    ...RISK_GROUPS.map((g) => [NAMES.trackingRisk(g.id), row(state.groups.get(g.id)!)] as [string, Expected[]]),
  ]);
  for (const [key, series] of state.values) out.set(NAMES.tracking(key), row(series));
  return out;
}

/** Equal as the engines and the core compute them: numbers to 9 significant digits. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const blank = (x: unknown) => (x === null || x === undefined ? "" : x);
  return blank(a) === blank(b);
}

/** A typical value of an input row near its phase-n target (a risk indicator near its threshold), within what it can take. */
function nearTarget(key: string, n: (typeof PHASE_NUMBERS)[number], k: number): number {
  const row = INPUT_ROWS.find((r) => r.key === key)!;
  const m = row.measure;
  const base = m.kind === "metric" ? metricRule(m, n).threshold : m.kind === "indicator" ? indicatorRule(m).threshold : 5_000_000;
  const { min, max } = valueRange(m);
  return Math.min(max, Math.max(min, +(base * k).toPrecision(6)));
}

/** Reproducible random companies: input rows with values near some phase's targets, months scattered (quarterly, gaps, typed-over derived rows). */
export function randomScenarios(count: number, months: number, seed = 20261201): Scenario[] {
  const value = fc.record({
    key: fc.constantFrom(...INPUT_ROWS.map((r) => r.key), "arr", "ltv_cac", "mrr_growth"),
    month: fc.integer({ min: 1, max: months }),
    n: fc.constantFrom(...PHASE_NUMBERS),
    k: fc.double({ min: 0.4, max: 1.6, noNaN: true }),
  });
  return fc.sample(fc.array(value, { minLength: 5, maxLength: 80 }), { numRuns: count, seed }).map((values, i) => {
    const actuals = new Map<string, TimelineValue>();
    for (const v of values) {
      const row = INPUT_ROWS.find((r) => r.key === v.key);
      const typed = row ? nearTarget(v.key, v.n, v.k) : +(metricRule(PHASE_METRICS.find((m) => m.id === v.key)!, v.n).threshold * v.k).toPrecision(6);
      actuals.set(`${v.key}@${v.month}`, { key: v.key, month: v.month, value: typed });
    }
    return { name: `random ${i}`, options: { ...base, language: "en", months, actuals: [...actuals.values()] } };
  });
}
