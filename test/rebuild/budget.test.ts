/**
 * A rebuild carries the budget (product.md 12, "Budget"; product.md 11): the Budget sheet's numbers
 * of an old tracking workbook, read by their names (`Budget_<id>`), land in their calendar month
 * on the new timeline; those it cannot hold are listed as the budget's, and nothing is written
 * unless --drop-outside; an old tracker without a Budget sheet simply has no budget.
 * Runs the command line's own main() (src/cli), so it needs no build of lib/.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { droppedLines } from "../../src/core/rebuild";
import { cellPosition, columnLetter } from "../../src/core/template";
import { runInProcess } from "../support/cli-in-process";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scale-rebuild-budget-"));
const at = (file: string) => path.join(tmp, file);

const cli = (args: string[]) => runInProcess(["template", ...args]);

/** Month t (1-based) of a name's row, as the file holds it. */
function cellOf(wb: ExcelJS.Workbook, name: string, t: number): ExcelJS.Cell {
  const [range] = wb.definedNames.getRanges(name).ranges;
  const bang = range.lastIndexOf("!");
  const sheet = wb.getWorksheet(range.slice(0, bang).replace(/^'|'$/g, ""))!;
  const first = sheet.getCell(range.slice(bang + 1).replace(/\$/g, "").split(":")[0]);
  return sheet.getRow(Number(first.row)).getCell(Number(first.col) + t - 1);
}

const open = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at(file));
  return wb;
};

/** Budgeted MRR, January to June 2026; the actuals' MRR for January and February. */
const BUDGET = "metric,2026-01,2026-02,2026-03,2026-04,2026-05,2026-06\nmrr,40000,45000,50000,55000,60000,66000\n";
const ACTUALS = "metric,month,value\nmrr,2026-01,38000\nmrr,2026-02,43000\n";

beforeAll(async () => {
  fs.writeFileSync(at("budget.csv"), BUDGET);
  fs.writeFileSync(at("actuals.csv"), ACTUALS);
  const run = await cli(["--out", at("exported.xlsx"), "--first-month", "2026-01", "--months", "24", "--actuals", at("actuals.csv"), "--budget", at("budget.csv")]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  // The user types the budget's ARR over its formula in March 2026.
  const wb = await open("exported.xlsx");
  cellOf(wb, "Budget_arr", 3).value = 650000;
  await wb.xlsx.writeFile(at("old.xlsx"));
});

test("an earlier first month: every budget value in its calendar month on the new Budget sheet, and said so", async () => {
  const run = await cli(["--from", at("old.xlsx"), "--out", at("rebuilt.xlsx"), "--first-month", "2025-07", "--months", "48"]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain("Carried 2 values");
  expect(run.stdout).toContain("Carried the budget: 7 values on the Budget sheet.");
  const wb = await open("rebuilt.xlsx");
  // July 2025 is month 1: January 2026 is month 7, June 2026 month 12.
  expect([6, 7, 8, 9, 10, 11, 12, 13].map((t) => cellOf(wb, "Budget_mrr", t).value)).toEqual([null, 40000, 45000, 50000, 55000, 60000, 66000, null]);
  expect(cellOf(wb, "Budget_arr", 9).value).toBe(650000);
  expect(cellOf(wb, "Budget_arr", 10).formula).toBeDefined();
  expect([7, 8].map((t) => cellOf(wb, "Tracking_mrr", t).value)).toEqual([38000, 43000]);
});

test("budget months outside the new timeline are listed as the budget's and nothing is written, unless --drop-outside", async () => {
  const refused = await cli(["--from", at("old.xlsx"), "--out", at("later.xlsx"), "--first-month", "2026-04", "--months", "12"]);
  expect(refused.status).toBe(2);
  // Actuals of January and February, the budget's MRR of January to March and its ARR of March.
  expect(refused.stderr).toContain("6 values of the old workbook cannot be carried into the new timeline, which runs from Apr 2026 to Mar 2027 (12 months); no file was written.");
  expect(refused.stderr).toContain("\n  the budget's mrr, Jan 2026: 40000 (not on the new timeline)\n");
  expect(refused.stderr).toContain("\n  the budget's arr, Mar 2026: 650000 (not on the new timeline)");
  expect(refused.stderr).toContain("\n  mrr, Jan 2026: 38000 (not on the new timeline)\n");
  expect(fs.existsSync(at("later.xlsx"))).toBe(false);
  const dropped = await cli(["--from", at("old.xlsx"), "--out", at("later.xlsx"), "--first-month", "2026-04", "--months", "12", "--drop-outside"]);
  expect(dropped.status).toBe(0);
  expect(dropped.stderr.split("\n")).toContain("scale-tracker: warning: dropped: the budget's mrr, Mar 2026: 50000 (not on the new timeline)");
  const wb = await open("later.xlsx");
  expect([1, 2, 3, 4].map((t) => cellOf(wb, "Budget_mrr", t).value)).toEqual([55000, 60000, 66000, null]);
});

test("an old tracker without a Budget sheet has no budget: rebuilt with an empty one", async () => {
  const wb = await open("old.xlsx");
  wb.removeWorksheet(wb.getWorksheet("Budget")!.id);
  wb.definedNames.model = wb.definedNames.model.filter((n) => !n.name.startsWith("Budget_"));
  expect(wb.definedNames.model.some((n) => n.name.startsWith("Budget_"))).toBe(false);
  await wb.xlsx.writeFile(at("older.xlsx"));
  const run = await cli(["--from", at("older.xlsx"), "--out", at("from-older.xlsx")]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).not.toContain("Carried the budget");
  const rebuilt = await open("from-older.xlsx");
  expect(cellOf(rebuilt, "Budget_mrr", 1).value).toBeNull();
  expect(cellOf(rebuilt, "Tracking_mrr", 1).value).toBe(38000);
});

test("in Spanish the budget's values are named as the budget's", () => {
  expect(droppedLines([{ key: "mrr", month: "2026-01", value: 40000, reason: "outside", budget: true }], "es")).toEqual([expect.stringMatching(/ del presupuesto, ene 2026: 40\.?000 \(no está en la nueva línea de tiempo\)$/)]);
});

test("--budget with --from is refused: the old workbook's budget is carried", async () => {
  const run = await cli(["--from", at("old.xlsx"), "--out", at("x.xlsx"), "--budget", at("budget.csv")]);
  expect([run.status, run.stderr]).toEqual([2, expect.stringContaining("--from carries the old workbook's own values and budget")]);
});

test("months inserted on Tracking and no refresh since (the Budget sheet two months short): refused with what to do in Excel, no file written", async () => {
  const wb = await open("old.xlsx");
  // Excel widens Tracking_Months when two month columns are inserted inside it; the Budget sheet keeps its 24 months until a refresh.
  const widened = (range: string) => range.replace(/\$([A-Z]+)\$(\d+)$/, (_, col: string, row: string) => `$${columnLetter(cellPosition(`${col}1`).col + 2)}$${row}`);
  wb.definedNames.model = wb.definedNames.model.map((n) => (n.name === "Tracking_Months" ? { ...n, ranges: n.ranges.map(widened) } : n));
  await wb.xlsx.writeFile(at("inserted.xlsx"));
  const run = await cli(["--from", at("inserted.xlsx"), "--out", at("from-inserted.xlsx")]);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("Tracking has 26 months and the Budget sheet 24, the Departments sheet 24, the Channels sheet 24: months were inserted on Tracking since the last refresh");
  expect(run.stderr).toContain("Open the file in Excel, refresh the risk flags there");
  expect(run.stderr).toContain("no file was written");
  expect(fs.existsSync(at("from-inserted.xlsx"))).toBe(false);
});
