/** The SaaS measures of product.md 12 in the core: rows, inputs, derivations and the reconciliation flag, against numbers worked out by hand. */
import { SAAS_MEASURES, inputProblem } from "../../src/core/catalog";
import { INPUT_ROWS, Series, TIMELINE_ROWS, computeTimeline, reconciliationLevel, timelineValues } from "../../src/core/timeline";
import { DATA_MONTHS, RECONCILIATION_FLAGS, SAAS_ACTUALS, SAAS_COMPANY_MONTHS, SAAS_EXPECTED } from "../support/saas-company";

function typed(months: number): Map<string, Series> {
  const rows = new Map<string, (number | undefined)[]>();
  for (const v of SAAS_ACTUALS) {
    const row = rows.get(v.key) ?? Array<number | undefined>(months).fill(undefined);
    row[v.month - 1] = v.value;
    rows.set(v.key, row);
  }
  return rows;
}

const close = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? a === b : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

const measure = (id: string) => SAAS_MEASURES.find((m) => m.id === id)!;

test("the four MRR movements and the profit margin are inputs; the other eleven are computed rows that can be typed over", () => {
  const inputs = ["new_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr", "profit_margin"];
  for (const id of inputs) expect([id, INPUT_ROWS.some((r) => r.key === id)]).toEqual([id, true]);
  const computed = TIMELINE_ROWS.filter((r) => SAAS_MEASURES.some((m) => m.id === r.key) && r.derived).map((r) => r.key);
  expect(computed.sort()).toEqual(["arr_growth_yoy", "burn_multiple", "cac_payback", "grr_12m", "mrr_reconciliation", "net_new_mrr", "nrr", "nrr_12m", "quick_ratio", "revenue_churn", "rule_of_40"]);
  // The movements sit in the Revenue section (product.md 12); none counts toward the phase (not a phase metric).
  expect(TIMELINE_ROWS.filter((r) => r.key.endsWith("_mrr") && r.key !== "mrr").every((r) => r.section === "revenue")).toBe(true);
  expect(SAAS_MEASURES.every((m) => m.kind === "input")).toBe(true);
});

test("every new row, month by month, is what product.md 12's definitions give for the company (blank where an input is missing)", () => {
  const values = timelineValues(typed(SAAS_COMPANY_MONTHS), SAAS_COMPANY_MONTHS);
  const wrong: string[] = [];
  for (const [key, want] of SAAS_EXPECTED)
    want.forEach((w, t) => {
      const got = values.get(key)![t];
      if (!close(got, w)) wrong.push(`${key} month ${t + 1}: core ${got}, by hand ${w}`);
    });
  expect(wrong).toEqual([]);
  // A few by hand in full: month 7's unexplained $1,000; month 10's quick ratio (6,000 + 2,000) / (1,000 + 9,000).
  expect([values.get("mrr_reconciliation")![6], values.get("quick_ratio")![9], values.get("cac_payback")![0]]).toEqual([1_000, 0.8, 11.25]);
});

test("the reconciliation is flagged when its size exceeds 0.5% of the month before's MRR, and only then", () => {
  const state = computeTimeline(typed(SAAS_COMPANY_MONTHS), SAAS_COMPANY_MONTHS);
  expect(state.reconciliation).toEqual(RECONCILIATION_FLAGS);
  expect(state.reportingMonth).toBe(DATA_MONTHS);
  // As of month 14 the reconciliation is 0: OK. As of month 7, RISK; as of month 12 ($400 of $147,000), OK.
  expect(state.reconciliationNow).toBe("OK");
  const at = (month: number) => computeTimeline(typed(SAAS_COMPANY_MONTHS), SAAS_COMPANY_MONTHS, { reportingMonth: month }).reconciliationNow;
  expect([at(7), at(12), at(2), at(1)]).toEqual(["RISK", "OK", undefined, undefined]);
  // At the edge: exactly 0.5% is explained, a little more is not; either sign; 0 against an MRR of 0 is explained.
  expect([reconciliationLevel(500, 100_000), reconciliationLevel(-500, 100_000), reconciliationLevel(500.01, 100_000), reconciliationLevel(-500.01, 100_000)]).toEqual(["OK", "OK", "RISK", "RISK"]);
  expect([reconciliationLevel(0, 0), reconciliationLevel(1, 0), reconciliationLevel(undefined, 100), reconciliationLevel(1, undefined)]).toEqual(["OK", "RISK", undefined, undefined]);
});

test("a number typed over a 12-month measure's monthly input counts in the product, as any typed cell (product.md 6.3: x(t) is the cell's value)", () => {
  const rows = typed(SAAS_COMPANY_MONTHS);
  const without = timelineValues(new Map([...rows].filter(([k]) => k !== "nrr")), SAAS_COMPANY_MONTHS).get("nrr_12m")![13]!;
  const withTyped = timelineValues(rows, SAAS_COMPANY_MONTHS).get("nrr_12m")![13]!;
  // Month 11's NRR computed is 141,000 / 142,000; typed, 0.99.
  expect(withTyped / without).toBeCloseTo(0.99 / (141_000 / 142_000), 12);
});

test("values the new inputs can take: movements are amounts of at least 0; a profit margin far below -100% is possible, above 100% not", () => {
  expect(inputProblem(measure("churned_mrr"), -1)).toMatch(/at least 0/);
  expect(inputProblem(measure("profit_margin"), -3)).toBeUndefined();
  expect(inputProblem(measure("profit_margin"), 25)).toMatch(/0\.25/);
  expect(inputProblem(measure("burn_multiple"), -0.5)).toBeUndefined();
  expect(inputProblem(measure("nrr"), 1.12)).toBeUndefined();
  expect(inputProblem(measure("revenue_churn"), 3)).toMatch(/0\.03/);
  expect(inputProblem(measure("net_new_mrr"), -2_000)).toBeUndefined();
  expect(inputProblem(measure("arr_growth_yoy"), 15)).toBeUndefined();
});
