/**
 * The board page (product.md 12, "Board page") computed by HyperFormula from the workbook's own
 * formulas, for the SaaS company of saas-company.ts with a cash balance typed in months 12 and 13
 * and a budget for three figures.
 * The oracle is worked out by hand from product.md (6.3, 6.4, 6.5, 12), never from the code: the
 * reporting month is month 14 (Feb 2026), the last with a number.
 */
import { DASHBOARD, NAMES, describeWorkbook } from "../../src/core/template";
import { BOARD, BOARD_FIGURES } from "../../src/core/template/board";
import { cell } from "../../src/core/template/formulas";
import { monthSerial } from "../../src/core/months";
import { loadWorkbook } from "../support/hf-workbook";
import { SAAS_ACTUALS, SAAS_COMPANY } from "../support/saas-company";
import { sameValue } from "../support/scenarios";

// Cash at the end of months 12 and 13: the runway is cash / burn ($60,000 a month then).
const CASH = [
  { key: "cash_balance", month: 12, value: 900_000 },
  { key: "cash_balance", month: 13, value: 1_200_000 },
];
/** A budget for three of the figures; the others have none (their variance is blank). */
const BUDGET = [
  { key: "mrr", month: 14, value: 170_000 },
  { key: "gross_margin", month: 14, value: 0.78 },
  { key: "cash_burn_burn_rate", month: 14, value: 50_000 },
];
const options = { ...SAAS_COMPANY.options, actuals: [...SAAS_ACTUALS, ...CASH], budget: BUDGET };

/** MRR in months 12, 13, 14 (saas-company.ts). */
const MRR = { 12: 152_400, 13: 157_400, 14: 162_400 };
const growth = (t: 13 | 14) => MRR[t] / MRR[(t - 1) as 12 | 13] - 1;
/** Monthly NRR of months 3..14: (MRR before + expansion - contraction - churned) / MRR before (product.md 12). */
const NRR_3_TO_14 = [104_000 / 105_000, 109_000 / 110_000, 117_000 / 115_000, 122_000 / 123_000, 127_000 / 128_000, 133_000 / 134_000, 138_000 / 139_000, 136_000 / 144_000, 0.99, 146_000 / 147_000, 151_400 / 152_400, 156_400 / 157_400];

/**
 * Value, change from the previous month, variance against the budget, flag; "" is blank. Changes
 * and variances of percentages in percentage points; a variance is positive where the actual is
 * better than the budget for the measure's direction (product.md 12, "Budget").
 */
const EXPECTED: Record<(typeof BOARD_FIGURES)[number], [number | "", number | "", number | "", string]> = {
  // Phase 0 reached (MRR is under phase 1's $500,000), so every metric is judged against phase 1.
  mrr: [162_400, 5_000, 162_400 - 170_000, "RISK"],
  // The budget's ARR is derived from its MRR, as on Tracking (product.md 12): 12 × $170,000.
  arr: [12 * 162_400, 12 * 5_000, 12 * (162_400 - 170_000), "RISK"],
  mrr_growth: [growth(14), 100 * (growth(14) - growth(13)), "", "RISK"],
  // The product of the last 12 monthly NRRs; month 13's lacks month 2's, so there is no change. No flag: no traced convention.
  nrr_12m: [NRR_3_TO_14.reduce((p, x) => p * x, 1), "", "", ""],
  // 80% against phase 1's 75%.
  gross_margin: [0.8, 0, 100 * (0.8 - 0.78), "OK"],
  // -$12,000 in month 14 (cash generated) after $60,000: below the $500,000 threshold.
  // Lower is better: the budget minus the actual.
  cash_burn_burn_rate: [-12_000, -72_000, 50_000 - -12_000, "OK"],
  // Month 14 burns nothing, so no runway then; as of month 14 it is month 13's $1,200,000 / $60,000 = 20 months, above 18.
  cash_burn_cash_runway: [20, 0, "", "OK"],
  // Customers = MRR / 100.
  customers: [1_624, 50, "", "OK"],
};

const spec = describeWorkbook(options);
const workbook = loadWorkbook(spec);
const sheet = spec.sheets.find((s) => s.key === "board")!.name;
const board = (column: number, row: number) => workbook.value(sheet, cell(column, row));
const C = BOARD.columns;

test("company, reporting month, phase reached against the schedule", () => {
  expect(board(C.value, BOARD.companyRow)).toBe("Flow");
  expect(board(C.value, BOARD.reportingRow)).toBe(monthSerial("2026-02"));
  // Month 14 of a company that started in the timeline's first month expects phase 2 (12 <= t < 24).
  expect([board(C.value, BOARD.phaseRow), board(C.value, BOARD.expectedRow), board(C.value, BOARD.scheduleRow)]).toEqual([0, 2, "behind"]);
});

test("a company name cleared on the dashboard is blank on the board, not 0", () => {
  const dashboard = spec.sheets.find((s) => s.key === "dashboard")!.name;
  const hf = workbook.hf;
  hf.setCellContents({ sheet: hf.getSheetId(dashboard)!, row: DASHBOARD.companyRow - 1, col: DASHBOARD.valueColumn - 1 }, null);
  try {
    expect(board(C.value, BOARD.companyRow)).toBe("");
  } finally {
    hf.setCellContents({ sheet: hf.getSheetId(dashboard)!, row: DASHBOARD.companyRow - 1, col: DASHBOARD.valueColumn - 1 }, "Flow");
  }
});

test("the eight headline figures: value as of the reporting month, change from the previous month, variance against the budget, flag", () => {
  const wrong: string[] = [];
  BOARD_FIGURES.forEach((key, i) => {
    const row = BOARD.figureRow(i);
    const got = [board(C.value, row), board(C.change, row), board(C.budget, row), board(C.flag, row)];
    EXPECTED[key].forEach((want, k) => {
      if (!sameValue(got[k], want)) wrong.push(`${key} ${["value", "change", "vs budget", "flag"][k]}: HyperFormula ${JSON.stringify(got[k])}, by hand ${want}`);
    });
  });
  expect(wrong).toEqual([]);
});

test("the four risk levels (worst indicator, blank where a group has no value) and plan completion per phase", () => {
  // Cash burn: revenue growth 3.2% misses 20% and funding is blank; competition: growth misses 25%.
  expect([0, 1, 2, 3].map((g) => board(C.value, BOARD.riskRow(g)))).toEqual(["", "", "RISK", "RISK"]);
  // No plan item is done, none dropped: 0 done of all.
  expect([1, 2, 3, 4].map((n) => board(C.plan, BOARD.planRow(n)))).toEqual([0, 0, 0, 0]);
  expect([1, 2, 3, 4].map((n) => workbook.named(NAMES.plan(n as 1 | 2 | 3 | 4)))).toEqual([0, 0, 0, 0]);
});
