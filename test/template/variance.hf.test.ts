/**
 * The dashboard's actual vs budget table (product.md 12, "Budget"), computed by HyperFormula from
 * the workbook's own formulas, against numbers worked out by hand from product.md: as of the
 * reporting month, the actual against the budget of the same month as that actual, the variance
 * positive where it is good for the measure, the variance in % of the budget's size, and blanks
 * (never errors) where there is no budget or no actual.
 */
import { PHASE_METRICS, SAAS_MEASURES } from "../../src/core/catalog";
import { monthSerial } from "../../src/core/months";
import { DASHBOARD, NAMES, TimelineValue, cellPosition, describeWorkbook } from "../../src/core/template";
import { cell } from "../../src/core/template/formulas";
import { loadWorkbook } from "../support/hf-workbook";

/** `key` typed in months 1..n, index 0 being month 1 (undefined: not typed). */
const typed = (rows: Record<string, readonly (number | undefined)[]>): TimelineValue[] =>
  Object.entries(rows).flatMap(([key, values]) => values.flatMap((value, i) => (value === undefined ? [] : [{ key, month: i + 1, value }])));

const _ = undefined;
/** Six months of data from January 2025: the reporting month is June 2025 (the last with an input). */
const ACTUALS = typed({
  mrr: [100_000, 104_000, 108_000, 112_000, 115_000, 120_000],
  churn: [0.05, 0.05, 0.04, 0.04, 0.04, 0.04],
  cac: [900, 900, 850, 850, 800, 800],
  cash_burn_burn_rate: [60_000, 60_000, 60_000, 60_000, 60_000, 60_000],
  cash_balance: [900_000, 840_000, 780_000, 720_000, 660_000, 600_000],
  gross_margin: [0.8, 0.8, 0.8, 0.8, 0.8, 0.8],
  leads: [8, 9, 9, 10, 10, 10],
  // Last typed in March: as of June its value is March's, compared with March's budget.
  customers: [100, 110, 120],
});
/** A budget for some measures only. */
const BUDGET = typed({
  mrr: [100_000, 102_000, 104_000, 106_000, 108_000, 110_000],
  churn: [_, _, _, _, _, 0.03],
  cac: [_, _, _, _, _, 1_000],
  cash_burn_burn_rate: [_, _, _, _, _, 50_000],
  cash_balance: [_, _, _, _, _, 600_000],
  leads: [_, _, _, _, _, 0],
  customers: [_, _, 130, _, _, 200],
  // A budget without an actual.
  nps: [_, _, _, _, _, 50],
});

const options = { language: "en", company: "Budgeted", currency: "USD", firstMonth: "2025-01", months: 24, actuals: ACTUALS, budget: BUDGET } as const;
const spec = describeWorkbook(options);
const workbook = loadWorkbook(spec);
const V = DASHBOARD.varianceColumns;

/** The table's row of a measure: where its Variance_<key> name points. */
function line(key: string, wb = workbook, s = spec) {
  const name = s.names.find((n) => n.name === NAMES.variance(key));
  if (!name) throw new Error(`No ${NAMES.variance(key)}`);
  const { row } = cellPosition(name.ref.replace(/\$/g, ""));
  const at = (col: number) => wb.value(s.sheets.find((x) => x.key === "dashboard")!.name, cell(col, row));
  return { month: at(V.month), actual: at(V.actual), budget: at(V.budget), variance: at(V.variance), percent: at(V.percent) };
}

const june = monthSerial("2025-06");

test("higher is better (MRR, ARR): variance = actual - budget, % of the budget; ARR's budget is computed from the budget's MRR", () => {
  const mrr = line("mrr");
  expect([mrr.month, mrr.actual, mrr.budget, mrr.variance]).toEqual([june, 120_000, 110_000, 10_000]);
  expect(mrr.percent).toBeCloseTo(10_000 / 110_000, 9);
  const arr = line("arr");
  expect([arr.actual, arr.budget, arr.variance]).toEqual([1_440_000, 1_320_000, 120_000]);
  expect(arr.percent).toBeCloseTo(120_000 / 1_320_000, 9);
});

test("lower is better (churn, CAC, burn): variance = budget - actual, so above budget is negative and below it positive", () => {
  // A percentage's variance in percentage points, as a gap (product.md 6.5 shows gaps so): 3% - 4% = -1 pp.
  const churn = line("churn");
  expect(churn.variance).toBeCloseTo(-1, 9);
  expect(churn.percent).toBeCloseTo(-0.01 / 0.03, 9);
  const cac = line("cac");
  expect([cac.actual, cac.budget, cac.variance]).toEqual([800, 1_000, 200]);
  expect(cac.percent).toBeCloseTo(0.2, 9);
  const burn = line("cash_burn_burn_rate");
  expect([burn.actual, burn.budget, burn.variance]).toEqual([60_000, 50_000, -10_000]);
  expect(burn.percent).toBeCloseTo(-0.2, 9);
  // Runway (higher is better): $600,000 / $60,000 = 10 months against $600,000 / $50,000 = 12 budgeted.
  const runway = line("cash_burn_cash_runway");
  expect([runway.actual, runway.budget, runway.variance]).toEqual([10, 12, -2]);
  expect(runway.percent).toBeCloseTo(-2 / 12, 9);
});

test("like for like: an actual last typed in March is compared with March's budget, not June's", () => {
  const customers = line("customers");
  expect([customers.month, customers.actual, customers.budget, customers.variance]).toEqual([monthSerial("2025-03"), 120, 130, -10]);
  expect(customers.percent).toBeCloseTo(-10 / 130, 9);
});

test("blanks, not errors: no budget for the actual's month, no actual, or a budget of 0 (no %)", () => {
  expect(line("gross_margin")).toMatchObject({ actual: 0.8, budget: "", variance: "", percent: "" });
  expect(line("nps")).toEqual({ month: "", actual: "", budget: "", variance: "", percent: "" });
  expect(line("leads")).toMatchObject({ actual: 10, budget: 0, variance: 10, percent: "" });
  const dashboard = workbook.formulas().get(spec.sheets.find((s) => s.key === "dashboard")!.name)!;
  expect([...dashboard].filter(([, v]) => typeof v === "object" && v !== null)).toEqual([]);
});

test("a reporting month typed earlier (April): every actual and budget are April's", () => {
  const s = describeWorkbook({ ...options, settings: { reportingMonth: "2025-04" } });
  const mrr = line("mrr", loadWorkbook(s), s);
  expect([mrr.month, mrr.actual, mrr.budget, mrr.variance]).toEqual([monthSerial("2025-04"), 112_000, 106_000, 6_000]);
});

test("the Variance_ names the board page reads exist, one cell each, on the dashboard", () => {
  const board = ["mrr", "arr", "mrr_growth", "cash_burn_burn_rate", "cash_burn_cash_runway", "gross_margin", "customers", "nrr_12m"];
  for (const key of board) {
    const n = spec.names.find((x) => x.name === NAMES.variance(key));
    expect([key, n?.sheet, n?.ref.includes(":")]).toEqual([key, "dashboard", false]);
    expect(() => workbook.named(NAMES.variance(key))).not.toThrow();
  }
  // Every phase metric and every section-12 measure but the MRR reconciliation (a check, not a figure one budgets).
  expect(spec.names.some((n) => n.name === NAMES.variance("mrr_reconciliation"))).toBe(false);
  const keys = [...PHASE_METRICS.map((m) => m.id), ...SAAS_MEASURES.map((m) => m.id).filter((id) => id !== "mrr_reconciliation"), "cash_burn_burn_rate", "cash_burn_cash_runway"];
  expect(spec.names.filter((n) => n.name.startsWith("Variance_")).map((n) => n.name).sort()).toEqual(keys.map(NAMES.variance).sort());
});

test("the variance's colours: green (OK) where positive, red (RISK) where negative, none where blank, by the rules' own condition", () => {
  const dashboard = spec.sheets.find((s) => s.key === "dashboard")!.name;
  const sheet = workbook.hf.getSheetId(dashboard)!;
  const first = cellPosition(spec.names.find((n) => n.name === NAMES.variance("mrr"))!.ref.replace(/\$/g, ""));
  const rules = spec.rules.filter((r) => r.sheet === "dashboard" && r.ref.startsWith(`${cell(first.col, first.row)}:`));
  expect(rules.length).toBeLessThanOrEqual(2);
  // Each rule's condition, written for the first variance, evaluated in the cell of `key`'s variance.
  const colour = (key: string) => {
    const { row } = cellPosition(spec.names.find((n) => n.name === NAMES.variance(key))!.ref.replace(/\$/g, ""));
    const moved = (formula: string) => formula.replace(new RegExp(`\\b${cell(first.col, first.row)}\\b`, "g"), cell(first.col, row));
    return rules.find((r) => workbook.hf.calculateFormula(`=${moved(r.formula)}`, sheet) === true)?.level;
  };
  expect(["mrr", "cac", "churn", "cash_burn_burn_rate", "gross_margin", "nps"].map(colour)).toEqual(["OK", "OK", "RISK", "RISK", undefined, undefined]);
});
