/**
 * Issue 20's "Done when" company, and what its new names must hold, worked out by hand from
 * product.md 6.3 and 12 (never from the code under test).
 *
 * 30 months of data on a 36-month timeline from July 2024; the reporting month is the last with
 * data, month 30 (December 2026).
 * - MRR starts at $300,000; every month brings $12,000 new, $5,000 expansion, $1,000 contraction and
 *   $3,000 churned MRR: net new $13,000. The typed MRR follows the movements except twice: month 8
 *   is $3,000 above them (more than 0.5% of month 7's $378,000, $1,890: flagged), month 20 $4,000
 *   below (more than 0.5% of month 19's $537,000, $2,685: flagged). So
 *   MRR(t) = 300,000 + 13,000 (t - 1) + 3,000 [t >= 8] - 4,000 [t >= 20].
 * - 3,000 customers in month 1, 100 more a month; gross margin 78%; customer churn 1.1%; CAC $1,200;
 *   900 leads a month; burn $150,000 a month; profit margin -30%.
 * - Cash $3,000,000 in month 1, $150,000 less a month, and a funding round of $8,000,000 in month
 *   16 (typed as Funding that month, and in the cash balance from then on).
 * - A budget for half the phase metrics: MRR (300,000 + 15,000 (t - 1)), customers (3,000 + 110
 *   (t - 1)), churn 1.2%, CAC $1,100, gross margin 80%, leads 1,000 typed, and ARR, MRR growth,
 *   customer growth and LTV/CAC that the Budget sheet derives from them (10 of the 20); besides, new
 *   MRR $14,000 and burn $140,000. No budget for the other metrics, the other movements or the cash.
 */
import { TimelineValue } from "../../src/core/template";

export const MONTHS = 36;
export const DATA_MONTHS = 30;
export const FIRST_MONTH = "2024-07";

const months = (n: number, f: (t: number) => number) => Array.from({ length: n }, (_, i) => f(i + 1));

export const mrrAt = (t: number) => 300_000 + 13_000 * (t - 1) + (t >= 8 ? 3_000 : 0) - (t >= 20 ? 4_000 : 0);
const customersAt = (t: number) => 3_000 + 100 * (t - 1);
const cashAt = (t: number) => 3_000_000 - 150_000 * (t - 1) + (t >= 16 ? 8_000_000 : 0);

const ACTUAL_ROWS: Record<string, (t: number) => number | undefined> = {
  mrr: mrrAt,
  new_mrr: () => 12_000,
  expansion_mrr: () => 5_000,
  contraction_mrr: () => 1_000,
  churned_mrr: () => 3_000,
  customers: customersAt,
  gross_margin: () => 0.78,
  churn: () => 0.011,
  cac: () => 1_200,
  leads: () => 900,
  cash_burn_burn_rate: () => 150_000,
  cash_balance: cashAt,
  cash_burn_funding: (t) => (t === 16 ? 8_000_000 : undefined),
  profit_margin: () => -0.3,
};

const values = (rows: Record<string, (t: number) => number | undefined>, n: number): TimelineValue[] =>
  Object.entries(rows).flatMap(([key, f]) =>
    months(n, (t) => t).flatMap((t) => {
      const value = f(t);
      return value === undefined ? [] : [{ key, month: t, value }];
    }),
  );

export const ACTUALS = values(ACTUAL_ROWS, DATA_MONTHS);

const budgetMrr = (t: number) => 300_000 + 15_000 * (t - 1);
const budgetCustomers = (t: number) => 3_000 + 110 * (t - 1);

export const BUDGET = values(
  {
    mrr: budgetMrr,
    customers: budgetCustomers,
    churn: () => 0.012,
    cac: () => 1_100,
    gross_margin: () => 0.8,
    leads: () => 1_000,
    new_mrr: () => 14_000,
    cash_burn_burn_rate: () => 140_000,
  },
  MONTHS,
);

export const CFO_COMPANY = {
  company: "Ledger & Co",
  currency: "USD",
  firstMonth: FIRST_MONTH,
  months: MONTHS,
  actuals: ACTUALS,
  budget: BUDGET,
} as const;

const R = DATA_MONTHS;
const product = (ts: number[], f: (t: number) => number) => ts.reduce((p, t) => p * f(t), 1);
const lastYear = Array.from({ length: 12 }, (_, i) => R - 11 + i);

/** Tracking's new rows in the reporting month (product.md 12). */
export const TRACKING_AT_REPORTING: Readonly<Record<string, number>> = {
  net_new_mrr: 13_000,
  mrr_reconciliation: 0,
  revenue_churn: 4_000 / mrrAt(R - 1),
  nrr: (mrrAt(R - 1) + 1_000) / mrrAt(R - 1),
  nrr_12m: product(lastYear, (t) => (mrrAt(t - 1) + 1_000) / mrrAt(t - 1)),
  grr_12m: product(lastYear, (t) => 1 - 4_000 / mrrAt(t - 1)),
  quick_ratio: 17_000 / 4_000,
  cac_payback: 1_200 / ((mrrAt(R) / customersAt(R)) * 0.78),
  burn_multiple: 150_000 / (12 * 13_000),
  arr_growth_yoy: mrrAt(R) / mrrAt(R - 12) - 1,
  rule_of_40: mrrAt(R) / mrrAt(R - 12) - 1 - 0.3,
  cash_burn_cash_runway: cashAt(R) / 150_000,
};

/** The reconciliation row month by month: the two unexplained months, 0 elsewhere, blank in month 1 and after the data. */
export const RECONCILIATION: readonly (number | undefined)[] = months(MONTHS, (t) =>
  t === 1 || t > R ? NaN : t === 8 ? 3_000 : t === 20 ? -4_000 : 0,
).map((v) => (Number.isNaN(v) ? undefined : v));

/** The Budget sheet's derived rows in the reporting month: the same rules as Tracking's, on the budget. */
export const BUDGET_AT_REPORTING: Readonly<Record<string, number | undefined>> = {
  mrr: budgetMrr(R),
  arr: 12 * budgetMrr(R),
  mrr_growth: budgetMrr(R) / budgetMrr(R - 1) - 1,
  customer_growth: budgetCustomers(R) / budgetCustomers(R - 1) - 1,
  ltv_cac: ((budgetMrr(R) / budgetCustomers(R)) * 0.8) / 0.012 / 1_100,
  cac_payback: 1_100 / ((budgetMrr(R) / budgetCustomers(R)) * 0.8),
  arr_growth_yoy: budgetMrr(R) / budgetMrr(R - 12) - 1,
  customers: budgetCustomers(R),
  churn: 0.012,
  cac: 1_100,
  gross_margin: 0.8,
  leads: 1_000,
  new_mrr: 14_000,
  cash_burn_burn_rate: 140_000,
  // Every other row is blank: one movement alone gives no net new MRR, quick ratio or retention;
  // no profit margin, no Rule of 40; no cash, no runway.
};

const actualLtvCac = ((mrrAt(R) / customersAt(R)) * 0.78) / 0.011 / 1_200;
const budgetLtvCac = BUDGET_AT_REPORTING.ltv_cac!;

const actualPayback = 1_200 / ((mrrAt(R) / customersAt(R)) * 0.78);
const actualYoY = mrrAt(R) / mrrAt(R - 12) - 1;

/**
 * Variance_<key> as of the reporting month: actual minus budget where higher is better, budget
 * minus actual where lower is better (positive is good); a rate's in percentage points, as the
 * dashboard's gaps are (docs/workbook.md, "pp"); blank without a budget.
 */
export const VARIANCE: Readonly<Record<string, number | undefined>> = {
  mrr: mrrAt(R) - budgetMrr(R),
  arr: 12 * (mrrAt(R) - budgetMrr(R)),
  mrr_growth: 100 * (mrrAt(R) / mrrAt(R - 1) - budgetMrr(R) / budgetMrr(R - 1)),
  customers: customersAt(R) - budgetCustomers(R),
  customer_growth: 100 * (customersAt(R) / customersAt(R - 1) - budgetCustomers(R) / budgetCustomers(R - 1)),
  churn: 100 * (0.012 - 0.011),
  cac: 1_100 - 1_200,
  gross_margin: 100 * (0.78 - 0.8),
  leads: 900 - 1_000,
  ltv_cac: actualLtvCac - budgetLtvCac,
  new_mrr: 12_000 - 14_000,
  cash_burn_burn_rate: 140_000 - 150_000,
  // Derived on both sheets from budgeted inputs.
  cac_payback: BUDGET_AT_REPORTING.cac_payback! - actualPayback,
  arr_growth_yoy: 100 * (actualYoY - BUDGET_AT_REPORTING.arr_growth_yoy!),
  // No budget: blank.
  nps: undefined,
  team_size: undefined,
  net_new_mrr: undefined,
  nrr_12m: undefined,
  cash_burn_cash_runway: undefined,
};
