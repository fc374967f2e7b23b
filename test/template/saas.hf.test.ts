/**
 * The SaaS measures of product.md 12 on the Tracking sheet, computed by HyperFormula from the
 * workbook's own formulas: every new row, month by month, against the numbers worked out by hand
 * (saas-company.ts), and the MRR reconciliation's flag as of the reporting month.
 */
import { SAAS_MEASURES } from "../../src/core/catalog";
import { NAMES, TRACKING_COLUMNS, describeWorkbook, trackingRow } from "../../src/core/template";
import { cell, cellPosition } from "../../src/core/template/formulas";
import { loadWorkbook } from "../support/hf-workbook";
import { RECONCILIATION_FLAGS, SAAS_COMPANY, SAAS_EXPECTED } from "../support/saas-company";
import { sameValue } from "../support/scenarios";

const spec = describeWorkbook(SAAS_COMPANY.options);
const workbook = loadWorkbook(spec);

test("every new row holds, month by month, what product.md 12's definitions give (blank where an input is missing), and no error", () => {
  const wrong: string[] = [];
  for (const [key, want] of SAAS_EXPECTED) {
    const got = workbook.namedRange(NAMES.tracking(key))[0];
    expect(got).toHaveLength(want.length);
    want.forEach((w, t) => {
      if (!sameValue(got[t], w ?? "")) wrong.push(`${key} month ${t + 1}: HyperFormula ${JSON.stringify(got[t])}, by hand ${w}`);
    });
  }
  expect(wrong).toEqual([]);
  // Every SaaS row has a workbook name, and every computed one is checked above.
  expect(SAAS_MEASURES.filter((m) => !SAAS_EXPECTED.has(m.id)).map((m) => m.id).sort()).toEqual(["churned_mrr", "contraction_mrr", "expansion_mrr", "new_mrr"]);
});

test("the MRR reconciliation's flag: RISK as of month 7 (movements $1,000 short of the change, over 0.5%), OK as of months 12 and 14, blank before there is one", () => {
  const flagOf = (reportingMonth?: string) => {
    const options = reportingMonth ? { ...SAAS_COMPANY.options, settings: { reportingMonth } } : SAAS_COMPANY.options;
    return loadWorkbook(describeWorkbook(options)).value("Tracking", cell(TRACKING_COLUMNS.flag, trackingRow("mrr_reconciliation")));
  };
  expect([flagOf(), flagOf("2025-07"), flagOf("2025-12"), flagOf("2025-02")]).toEqual(["OK", "RISK", "OK", ""]);
  expect(RECONCILIATION_FLAGS.slice(0, 14).filter((f) => f === "RISK")).toHaveLength(1);
});

test("the reconciliation's colours: RISK in month 7 only, OK in the other months it is computed, by the rules' own condition", () => {
  const rules = spec.rules.filter((r) => r.sheet === "tracking" && r.ref.startsWith(`S${trackingRow("mrr_reconciliation")}:`));
  expect(rules.map((r) => r.level)).toEqual(["OK", "RISK"]);
  // Each rule's condition, written for month 2 (column S), evaluated in the cell of every month.
  const sheet = workbook.hf.getSheetId("Tracking")!;
  const shift = (formula: string, by: number) =>
    formula.replace(/\b([A-Z]{1,2})(\d+)\b/g, (ref: string) => {
      const { col, row } = cellPosition(ref);
      return cell(col + by, row);
    });
  const levels = Array.from({ length: 13 }, (_, k) => {
    const hit = rules.find((r) => workbook.hf.calculateFormula(`=${shift(r.formula, k)}`, sheet) === true);
    return hit?.level;
  });
  expect(levels).toEqual(RECONCILIATION_FLAGS.slice(1, 14));
});
