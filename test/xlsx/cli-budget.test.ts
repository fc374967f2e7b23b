/**
 * `scale-tracker template --budget FILE` (product.md 12, "Budget"): the budget read as --actuals
 * is (the same forms, --map too) onto the Budget sheet; a bad file names --budget and writes nothing.
 * Runs the command line's own main() (src/cli), so it needs no build of lib/.
 */
import * as fs from "fs";
import { namedRow, templateCli } from "../support/cli-template";

const { at, cli, read } = templateCli("scale-budget-");

test("the budget lands on the Budget sheet by month, the actuals on Tracking; the summary counts both", async () => {
  fs.writeFileSync(at("actuals.csv"), "metric,month,value\nmrr,2026-02,100000\n");
  fs.writeFileSync(at("budget.csv"), "metric,month,value\nmrr,2026-02,120000\nmrr,2026-03,130000\nchurned_mrr,2026-03,2000\n");
  const run = await cli(["--out", at("b.xlsx"), "--first-month", "2026-01", "--actuals", at("actuals.csv"), "--budget", at("budget.csv")]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain("36 months from 2026-01, 1 values, 3 budget values");
  const wb = await read("b.xlsx");
  const budgetMrr = namedRow(wb, "Budget_mrr");
  expect(budgetMrr.sheet).toBe("Budget");
  // Month 2 is Feb 2026, month 3 Mar 2026 (the timeline starts at --first-month).
  expect(budgetMrr.values.slice(0, 4)).toEqual([null, 120000, 130000, null]);
  expect(namedRow(wb, "Budget_churned_mrr").values[2]).toBe(2000);
  expect(namedRow(wb, "Tracking_mrr").values.slice(0, 3)).toEqual([null, 100000, null]);
  // The budget's derived rows compute from the budget: ARR holds a formula where MRR is budgeted.
  expect(namedRow(wb, "Budget_arr").values[1]).toEqual(expect.objectContaining({ formula: expect.any(String) }));
});

test("the same forms and --map as --actuals: a wide, semicolon-separated budget with a mapped label; alone, it starts the timeline", async () => {
  fs.writeFileSync(at("wide.csv"), "KPI;Mar 2025;Apr 2025\nVentas recurrentes;150000;180000\nChurn mensual;0,05;0,04\n");
  const run = await cli(["--out", at("wide.xlsx"), "--budget", at("wide.csv"), "--map", "Ventas recurrentes=mrr"]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain("36 months from 2025-03, 4 budget values");
  const wb = await read("wide.xlsx");
  expect(namedRow(wb, "Budget_mrr").values.slice(0, 2)).toEqual([150000, 180000]);
  expect(namedRow(wb, "Budget_churn").values.slice(0, 2)).toEqual([0.05, 0.04]);
});

test("a bad budget file: every bad line under a message naming --budget, exit code 2, no file written", async () => {
  fs.writeFileSync(at("bad.csv"), "metric,month,value\nmrr,2026-01,400000\nnps,2026-02,abc\nmrr,2030-01,1\n");
  const run = await cli(["--out", at("bad.xlsx"), "--first-month", "2026-01", "--budget", at("bad.csv")]);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`--budget: ${at("bad.csv")} has 2 bad value(s); no file was written`);
  expect(run.stderr).toContain('line 3: value "abc" is not a number');
  // Outside the timeline, reported as --actuals reports it.
  expect(run.stderr).toContain("line 4: month Jan 2030 is outside the timeline, which runs from Jan 2026 to Dec 2028 (36 months)");
  expect(fs.existsSync(at("bad.xlsx"))).toBe(false);
});

test.each([
  [["--budget", "missing.csv"], "--budget: no file at missing.csv"],
  [["--map", "Ventas=mrr"], "--map names labels of the --actuals or --budget file"],
])("bad input %j: a message naming the option, exit code 2, no file", async (args, message) => {
  const run = await cli(["--out", at("x.xlsx"), ...args]);
  expect([run.status, run.stderr]).toEqual([2, expect.stringContaining(message)]);
  expect(fs.existsSync(at("x.xlsx"))).toBe(false);
});

test("an unreadable budget CSV is named with --budget", async () => {
  fs.writeFileSync(at("quote.csv"), 'metric,month,value\n"mrr,1,5\n');
  const run = await cli(["--out", at("q.xlsx"), "--budget", at("quote.csv")]);
  expect([run.status, run.stderr]).toEqual([2, expect.stringMatching(/--budget: .*quote\.csv is not valid CSV/)]);
  expect(fs.existsSync(at("q.xlsx"))).toBe(false);
});
