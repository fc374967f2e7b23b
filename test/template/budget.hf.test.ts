/**
 * The Budget sheet computed by HyperFormula from the workbook's own formulas (product.md 12,
 * "Budget": the derived rows computed by the same formulas as Tracking's): a budget of MRR, the
 * four movements, customers, margins, CAC and burn typed on Budget gives ARR, MRR growth, net new
 * MRR, NRR, ... on Budget's derived rows, against the numbers worked out by hand (saas-company.ts);
 * the Budget_<id> names resolve, and the month headers are Tracking's.
 */
import { NAMES, cellPosition, describeWorkbook } from "../../src/core/template";
import { cell } from "../../src/core/template/formulas";
import { TIMELINE_ROWS } from "../../src/core/timeline";
import { loadWorkbook } from "../support/hf-workbook";
import { SAAS_BUDGET_EXPECTED, SAAS_COMPANY, SAAS_COMPANY_MONTHS, SAAS_EXPECTED } from "../support/saas-company";
import { sameValue } from "../support/scenarios";

const workbook = loadWorkbook(describeWorkbook(SAAS_COMPANY.options));

test("the budget's derived rows hold, month by month, what product.md 12's definitions give for the budget, not for the actuals", () => {
  const wrong: string[] = [];
  for (const [key, want] of SAAS_BUDGET_EXPECTED) {
    const got = workbook.namedRange(NAMES.budget(key))[0];
    expect(got).toHaveLength(SAAS_COMPANY_MONTHS);
    want.forEach((w, t) => {
      if (!sameValue(got[t], w ?? "")) wrong.push(`${key} month ${t + 1}: HyperFormula ${JSON.stringify(got[t])}, by hand ${w}`);
    });
  }
  expect(wrong).toEqual([]);
  // Worked out by hand for month 3 of the budget (the actuals' month 2, doubled): ARR 12 x $210,000; MRR
  // growth $210,000 / $200,000 - 1; net new and NRR blank (no expansion typed that month).
  expect([NAMES.budget("arr"), NAMES.budget("mrr_growth"), NAMES.budget("net_new_mrr"), NAMES.budget("nrr")].map((n) => workbook.namedRange(n)[0][2])).toEqual([2_520_000, 0.05, "", ""]);
  // Tracking's rows are the actuals' still.
  const trackingNet = workbook.namedRange(NAMES.tracking("net_new_mrr"))[0];
  expect(trackingNet.slice(0, 3)).toEqual(SAAS_EXPECTED.get("net_new_mrr")!.slice(0, 3).map((x) => x ?? ""));
});

test("every Budget_<id> name resolves to a row of the timeline's length, without an error; the month headers are Tracking's", () => {
  for (const r of TIMELINE_ROWS) {
    const row = workbook.namedRange(NAMES.budget(r.key));
    expect([r.key, row.length, row[0].length]).toEqual([r.key, 1, SAAS_COMPANY_MONTHS]);
    expect([r.key, row[0].filter((v) => v !== null && typeof v === "object")]).toEqual([r.key, []]);
  }
  const spec = describeWorkbook(SAAS_COMPANY.options);
  const budget = spec.sheets.find((s) => s.key === "budget")!;
  // The first month's header: the first cell reading another sheet; the others follow it.
  const first = cellPosition(budget.cells.find((c) => c.formula?.includes("!"))!.ref);
  const headers = Array.from({ length: SAAS_COMPANY_MONTHS }, (_, t) => workbook.value(budget.name, cell(first.col + t, first.row)));
  expect(headers).toEqual(workbook.namedRange(NAMES.months)[0]);
  expect(typeof headers[0]).toBe("number");
});
