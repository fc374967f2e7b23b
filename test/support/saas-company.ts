/**
 * A small company typing the MRR movements and the efficiency inputs of product.md 12 for 14 months,
 * and what each new row must hold, worked out by hand from product.md 12's definitions (never from
 * the code under test): the oracle of the core's, HyperFormula's, LibreOffice's and Gnumeric's tests.
 *
 * MRR starts at $100,000; each month brings $6,000 new, $2,000 expansion, $1,000 contraction and
 * $2,000 churned MRR (net new $5,000), except: month 2 has no expansion typed (the movements are
 * incomplete: every row that needs it is blank), month 5 loses nothing (net new $8,000; no quick
 * ratio: its denominator is 0), month 10 churns $9,000 (net new -$2,000: no burn multiple). The
 * typed MRR follows the movements except in month 7, which is $1,000 above them (flagged: more than
 * 0.5% of month 6's $128,000, $640) and month 12, $400 above (not flagged: under 0.5% of $147,000,
 * $735). Month 11's monthly NRR is typed over (99%). ARPA is $100 (customers = MRR / 100), the
 * gross margin 80% (75% in month 6, not typed in month 9), the CAC $900, the burn $60,000 a month
 * (-$12,000 in month 14: cash generated), the profit margin -25% (-10% in month 14).
 */
import { TimelineValue } from "../../src/core/template";

export const SAAS_COMPANY_MONTHS = 24;
/** Months 1..14 hold numbers; the reporting month is the last of them. */
export const DATA_MONTHS = 14;

type Row = readonly (number | undefined)[];

/** `n` blank months. */
const blank = (n: number): Row => Array<undefined>(n).fill(undefined);

/** Index 0 is month 1. */
const MRR: Row = [100_000, 105_000, 110_000, 115_000, 123_000, 128_000, 134_000, 139_000, 144_000, 142_000, 147_000, 152_400, 157_400, 162_400];
const every = (value: number, exceptions: Record<number, number | undefined> = {}): Row =>
  Array.from({ length: DATA_MONTHS }, (_, i) => (i + 1 in exceptions ? exceptions[i + 1] : value));

const TYPED: Record<string, Row> = {
  mrr: MRR,
  new_mrr: every(6_000),
  expansion_mrr: every(2_000, { 2: undefined }),
  contraction_mrr: every(1_000, { 5: 0 }),
  churned_mrr: every(2_000, { 5: 0, 10: 9_000 }),
  customers: MRR.map((m) => m! / 100),
  gross_margin: every(0.8, { 6: 0.75, 9: undefined }),
  cac: every(900),
  cash_burn_burn_rate: every(60_000, { 14: -12_000 }),
  profit_margin: every(-0.25, { 14: -0.1 }),
  // Typed over the formula: NRR from the billing system.
  nrr: [...blank(10), 0.99],
};

export const SAAS_ACTUALS: readonly TimelineValue[] = Object.entries(TYPED).flatMap(([key, row]) =>
  row.flatMap((value, i) => (value === undefined ? [] : [{ key, month: i + 1, value }])),
);

const _ = undefined;
/** Net revenue retention, month by month: (MRR before + expansion - contraction - churned) / MRR before. */
const NRR: Row = [_, _, 104_000 / 105_000, 109_000 / 110_000, 117_000 / 115_000, 122_000 / 123_000, 127_000 / 128_000, 133_000 / 134_000, 138_000 / 139_000, 136_000 / 144_000, 0.99, 146_000 / 147_000, 151_400 / 152_400, 156_400 / 157_400];
/** Revenue churn: (contraction + churned) / MRR before. */
const REVENUE_CHURN: Row = [_, 3_000 / 100_000, 3_000 / 105_000, 3_000 / 110_000, 0, 3_000 / 123_000, 3_000 / 128_000, 3_000 / 134_000, 3_000 / 139_000, 10_000 / 144_000, 3_000 / 142_000, 3_000 / 147_000, 3_000 / 152_400, 3_000 / 157_400];
const product = (xs: Row) => xs.reduce<number>((p, x) => p * x!, 1);
/** Months a..b (1-based, inclusive) of a row. */
const months = (row: Row, a: number, b: number) => row.slice(a - 1, b);
const ARR_GROWTH_13 = 157_400 / 100_000 - 1;
const ARR_GROWTH_14 = 162_400 / 105_000 - 1;
const QUICK = 8_000 / 3_000;

/** What each row holds in months 1..14; every month after the data is blank. */
const EXPECTED_DATA: Record<string, Row> = {
  net_new_mrr: [5_000, _, 5_000, 5_000, 8_000, 5_000, 5_000, 5_000, 5_000, -2_000, 5_000, 5_000, 5_000, 5_000],
  mrr_reconciliation: [_, _, 0, 0, 0, 0, 1_000, 0, 0, 0, 0, 400, 0, 0],
  revenue_churn: REVENUE_CHURN,
  nrr: NRR,
  // Month 13's last 12 months (2..13) miss month 2's NRR; month 14's (3..14) have all 12.
  nrr_12m: [...blank(13), product(months(NRR, 3, 14))],
  // Gross retention: the product of (1 - revenue churn); month 12's last 12 months would start before month 1.
  grr_12m: [...blank(12), product(months(REVENUE_CHURN, 2, 13).map((c) => 1 - c!)), product(months(REVENUE_CHURN, 3, 14).map((c) => 1 - c!))],
  quick_ratio: [QUICK, _, QUICK, QUICK, _, QUICK, QUICK, QUICK, QUICK, 0.8, QUICK, QUICK, QUICK, QUICK],
  // $900 / ($100 × 80%); $900 / ($100 × 75%) in month 6; no gross margin in month 9.
  cac_payback: every(11.25, { 6: 12, 9: undefined }),
  // $60,000 / (12 × net new MRR); -$12,000 / $60,000 in month 14.
  burn_multiple: every(1, { 2: undefined, 5: 60_000 / 96_000, 10: undefined, 14: -0.2 }),
  // ARR against 12 months before: first in month 13 (12 × MRR cancels out).
  arr_growth_yoy: [...blank(12), ARR_GROWTH_13, ARR_GROWTH_14],
  rule_of_40: [...blank(12), ARR_GROWTH_13 - 0.25, ARR_GROWTH_14 - 0.1],
  // Typed, shown as typed.
  profit_margin: TYPED.profit_margin,
};

/** The new rows' month cells over the whole timeline, by row key: a number, or undefined for a blank cell. */
export const SAAS_EXPECTED: ReadonlyMap<string, Row> = new Map(
  Object.entries(EXPECTED_DATA).map(([key, row]) => [key, [...row, ...blank(SAAS_COMPANY_MONTHS - DATA_MONTHS)]]),
);

/** The reconciliation's flag month by month: RISK in month 7 only; blank where there is no reconciliation. */
export const RECONCILIATION_FLAGS: readonly (string | undefined)[] = [
  ...EXPECTED_DATA.mrr_reconciliation.map((v, i) => (v === undefined ? undefined : i + 1 === 7 ? "RISK" : "OK")),
  ...Array<undefined>(SAAS_COMPANY_MONTHS - DATA_MONTHS).fill(undefined),
];

/**
 * The company's budget (product.md 12, "Budget"): the same plan a month later and twice the money.
 * Month t of the budget is month t - 1 of the actuals with every amount (MRR, the movements, CAC,
 * burn) doubled; customers, margins and the typed-over NRR as they are. So, by product.md 12's
 * definitions: net new MRR and the reconciliation (sums and differences of amounts) double; every
 * ratio of amounts to amounts (NRR, revenue churn, the 12-month products, quick ratio, CAC payback,
 * burn multiple, ARR growth, Rule of 40) is the actuals' of the month before; ARR = 12 x MRR is
 * 24 x the actuals' MRR of the month before. A budget formula that read Tracking's cells, or the
 * wrong month, would give something else.
 */
const AMOUNTS = new Set(["mrr", "new_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr", "cac", "cash_burn_burn_rate"]);
export const SAAS_BUDGET: readonly TimelineValue[] = SAAS_ACTUALS.map((v) => ({ key: v.key, month: v.month + 1, value: AMOUNTS.has(v.key) ? 2 * v.value : v.value }));

const DOUBLED = new Set(["net_new_mrr", "mrr_reconciliation"]);
/** A row one month later: month 1 blank. */
const later = (row: Row): Row => [undefined, ...row.slice(0, SAAS_COMPANY_MONTHS - 1)];
/** What the Budget sheet's rows hold month by month (the SaaS rows, ARR and MRR growth), by row key. */
export const SAAS_BUDGET_EXPECTED: ReadonlyMap<string, Row> = new Map([
  ...[...SAAS_EXPECTED].map(([key, row]): [string, Row] => [key, later(row.map((x) => (x !== undefined && DOUBLED.has(key) ? 2 * x : x)))]),
  ["arr", later([...MRR.map((m) => 24 * m!), ...blank(SAAS_COMPANY_MONTHS - DATA_MONTHS)])],
  ["mrr_growth", later([undefined, ...MRR.slice(1).map((m, i) => m! / MRR[i]! - 1), ...blank(SAAS_COMPANY_MONTHS - DATA_MONTHS)])],
]);

export const SAAS_COMPANY = {
  name: "a company with MRR movements, one month unreconciled",
  options: { company: "Flow", currency: "USD", firstMonth: "2025-01", language: "en", months: SAAS_COMPANY_MONTHS, actuals: SAAS_ACTUALS, budget: SAAS_BUDGET },
} as const;
