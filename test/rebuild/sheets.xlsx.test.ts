/**
 * `scale-tracker template --from OLD.xlsx` carries what a user typed on the Departments, Channels
 * and Tools sheets (product.md 11: every typed input by calendar month, nothing dropped without
 * the user confirming it; product.md 13: the three sheets' inputs). The old workbook is an export
 * the user filled in (written with exceljs through the workbook's names), rebuilt with another
 * first month; the new file is read back through its names. Runs the command line's own main()
 * (src/cli), so it needs no build of lib/.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { NAMES } from "../../src/core/template";
import { CHANNELS, channelsMonthColumn } from "../../src/core/template/channels-layout";
import { DEPARTMENTS_SHEET, departmentMonthColumn } from "../../src/core/template/departments-layout";
import { runInProcess } from "../support/cli-in-process";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scale-rebuild-sheets-"));
const at = (file: string) => path.join(tmp, file);
const cli = (args: string[]) => runInProcess(["template", ...args]);

/** Month t (1-based) of a name's row, or its one cell, as the file holds it. */
function cellOf(wb: ExcelJS.Workbook, name: string, t = 1): ExcelJS.Cell {
  const [range] = wb.definedNames.getRanges(name).ranges;
  const bang = range.lastIndexOf("!");
  const sheet = wb.getWorksheet(range.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"))!;
  const first = sheet.getCell(range.slice(bang + 1).replace(/\$/g, "").split(":")[0]);
  return sheet.getRow(Number(first.row)).getCell(Number(first.col) + t - 1);
}

const open = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at(file));
  return wb;
};

const BI = "business_intelligence";

beforeAll(async () => {
  const run = await cli(["--out", at("exported.xlsx"), "--first-month", "2026-01", "--months", "24"]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  const wb = await open("exported.xlsx");
  // March 2026 (month 3): the win rate, error reduction's measured value, paid advertising's month.
  cellOf(wb, NAMES.department("sales.win_rate"), 3).value = 0.38;
  cellOf(wb, NAMES.department("operations.error_reduction.value"), 3).value = 12;
  cellOf(wb, NAMES.channel("channel.paid_advertising.spend"), 3).value = 5_000;
  cellOf(wb, NAMES.channel("channel.paid_advertising.customers"), 3).value = 40;
  // January 2026: a channel of the user's own, named.
  cellOf(wb, NAMES.channel("channel.user1.spend"), 1).value = 900;
  cellOf(wb, NAMES.channelName("user1")).value = "TikTok";
  cellOf(wb, NAMES.departmentBaseline("operations.error_reduction")).value = 40;
  // The BI category's register and one figure.
  cellOf(wb, NAMES.tool(BI, "InUse")).value = "Tableau";
  cellOf(wb, NAMES.tool(BI, "Owner")).value = "Ana";
  cellOf(wb, NAMES.tool(BI, "MonthlyCost")).value = 1_200;
  cellOf(wb, NAMES.tool(BI, "Renewal")).value = new Date(Date.UTC(2026, 8, 1));
  cellOf(wb, NAMES.tool(BI, "Status")).value = "In use";
  cellOf(wb, NAMES.toolImpact(`${BI}.data_accuracy`, "Baseline")).value = 0.8;
  cellOf(wb, NAMES.toolImpact(`${BI}.data_accuracy`, "Current")).value = 0.95;
  await wb.xlsx.writeFile(at("old.xlsx"));
});

test("an earlier first month: the month rows in their calendar month, the single inputs in their cells, in the new workbook's language", async () => {
  const run = await cli(["--from", at("old.xlsx"), "--out", at("rebuilt.xlsx"), "--first-month", "2025-10", "--months", "36", "--lang", "es"]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain("Carried 5 values");
  expect(run.stdout).toContain("Carried 9 inputs of the Departments, Channels and Tools sheets");
  const wb = await open("rebuilt.xlsx");
  // October 2025 is month 1: January 2026 is month 4, March 2026 month 6.
  expect([5, 6, 7].map((t) => cellOf(wb, NAMES.department("sales.win_rate"), t).value)).toEqual([null, 0.38, null]);
  expect(cellOf(wb, NAMES.department("operations.error_reduction.value"), 6).value).toBe(12);
  expect(cellOf(wb, NAMES.channel("channel.paid_advertising.spend"), 6).value).toBe(5_000);
  expect(cellOf(wb, NAMES.channel("channel.paid_advertising.customers"), 6).value).toBe(40);
  expect(cellOf(wb, NAMES.channel("channel.user1.spend"), 4).value).toBe(900);
  expect(cellOf(wb, NAMES.channelName("user1")).value).toBe("TikTok");
  expect(cellOf(wb, NAMES.departmentBaseline("operations.error_reduction")).value).toBe(40);
  expect(["InUse", "Owner", "MonthlyCost", "Status"].map((f) => cellOf(wb, NAMES.tool(BI, f)).value)).toEqual(["Tableau", "Ana", 1_200, "En uso"]);
  expect(cellOf(wb, NAMES.tool(BI, "Renewal")).value).toEqual(new Date(Date.UTC(2026, 8, 1)));
  expect(cellOf(wb, NAMES.toolImpact(`${BI}.data_accuracy`, "Baseline")).value).toBe(0.8);
  expect(cellOf(wb, NAMES.toolImpact(`${BI}.data_accuracy`, "Current")).value).toBe(0.95);
});

test("months outside the new timeline are listed with their sheet and nothing is written, unless --drop-outside", async () => {
  const refused = await cli(["--from", at("old.xlsx"), "--out", at("later.xlsx"), "--first-month", "2026-02", "--months", "12"]);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain("1 value of the old workbook cannot be carried into the new timeline");
  expect(refused.stderr).toContain("\n  channel.user1.spend (Channels), Jan 2026: 900 (not on the new timeline)");
  expect(fs.existsSync(at("later.xlsx"))).toBe(false);
  const dropped = await cli(["--from", at("old.xlsx"), "--out", at("later.xlsx"), "--first-month", "2026-02", "--months", "12", "--drop-outside"]);
  expect(dropped.status).toBe(0);
  const wb = await open("later.xlsx");
  expect(cellOf(wb, NAMES.department("sales.win_rate"), 2).value).toBe(0.38);
  expect(cellOf(wb, NAMES.tool(BI, "Owner")).value).toBe("Ana");
});

test("a tracker made before the three sheets (none of their names) is rebuilt, with nothing of them to carry", async () => {
  const wb = await open("old.xlsx");
  for (const sheet of ["Departments", "Channels", "Tools"]) wb.removeWorksheet(wb.getWorksheet(sheet)!.id);
  wb.definedNames.model = wb.definedNames.model.filter((n) => !/^(Dept_|Channel_|Tool_|Tools_)/.test(n.name) && n.ranges.every((r) => !/^'?(Departments|Channels|Tools)'?!/.test(r)));
  await wb.xlsx.writeFile(at("older.xlsx"));
  const run = await cli(["--from", at("older.xlsx"), "--out", at("from-older.xlsx")]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).not.toContain("inputs of the Departments");
  const rebuilt = await open("from-older.xlsx");
  expect(cellOf(rebuilt, NAMES.tool(BI, "Owner")).value).toBeNull();
  expect(cellOf(rebuilt, NAMES.department("sales.win_rate"), 3).value).toBeNull();
});

test("an edited target is carried, one left as the catalog's is not counted (product.md 11: every threshold edit is carried)", async () => {
  const wb = await open("exported.xlsx");
  // The catalog's win-rate target is 40%; the user's is 30%.
  cellOf(wb, NAMES.departmentTarget("sales.win_rate")).value = 0.3;
  await wb.xlsx.writeFile(at("target.xlsx"));
  const run = await cli(["--from", at("target.xlsx"), "--out", at("from-target.xlsx"), "--lang", "es"]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain("Carried 1 input of the Departments, Channels and Tools sheets");
  const rebuilt = await open("from-target.xlsx");
  expect(cellOf(rebuilt, NAMES.departmentTarget("sales.win_rate")).value).toBe(0.3);
  expect(cellOf(rebuilt, NAMES.channelTarget("marketing.cac_by_channel")).value).toBe(100);
});

describe("numbers typed over the computed month cells of the Departments and Channels sheets (product.md 11: carried as a number, the other months keep their formula)", () => {
  // Where the cells are: the sheets' layouts (docs/workbook.md), month t in its column.
  const channelCac = (wb: ExcelJS.Workbook, t: number) =>
    wb.getWorksheet("Channels")!.getCell(CHANNELS.cacRow(0), channelsMonthColumn(t));
  const uptime = (wb: ExcelJS.Workbook, t: number) =>
    wb.getWorksheet("Departments")!.getCell(DEPARTMENTS_SHEET.kpiRow("product.uptime"), departmentMonthColumn(t));
  const errorReduction = (wb: ExcelJS.Workbook, t: number) =>
    wb.getWorksheet("Departments")!.getCell(DEPARTMENTS_SHEET.kpiRow("operations.error_reduction"), departmentMonthColumn(t));
  const hasFormula = (c: ExcelJS.Cell) => typeof c.formula === "string" && c.formula.length > 0;

  beforeAll(async () => {
    const wb = await open("exported.xlsx");
    // March 2026 (month 3): paid advertising's CAC and the product uptime a linked KPI reads from Tracking, typed over.
    channelCac(wb, 3).value = 87.5;
    uptime(wb, 3).value = 0.995;
    await wb.xlsx.writeFile(at("over.xlsx"));
  });

  test("carried into their calendar month, said so; the neighbouring months keep their formulas", async () => {
    const run = await cli(["--from", at("over.xlsx"), "--out", at("from-over.xlsx"), "--first-month", "2025-10", "--months", "36"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("Carried 2 values (2 typed over computed cells)");
    const wb = await open("from-over.xlsx");
    // October 2025 is month 1: March 2026 is month 6.
    expect([channelCac(wb, 6).value, uptime(wb, 6).value]).toEqual([87.5, 0.995]);
    for (const c of [channelCac(wb, 5), channelCac(wb, 7), uptime(wb, 5), uptime(wb, 7)]) expect(hasFormula(c)).toBe(true);
  });

  test("a tracker made before the sheets' month blocks were named still rebuilds, with none of them to carry", async () => {
    const wb = await open("over.xlsx");
    const blocks: string[] = [NAMES.departmentMonthBlock, NAMES.channelMonthBlock];
    wb.definedNames.model = wb.definedNames.model.filter((n) => !blocks.includes(n.name));
    await wb.xlsx.writeFile(at("over-older.xlsx"));
    const run = await cli(["--from", at("over-older.xlsx"), "--out", at("from-over-older.xlsx")]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("Carried 0 values");
    expect(hasFormula(channelCac(await open("from-over-older.xlsx"), 3))).toBe(true);
  });

  test("text typed over a computed cell is listed with its sheet, not dropped unseen", async () => {
    const wb = await open("exported.xlsx");
    errorReduction(wb, 3).value = "n/a";
    await wb.xlsx.writeFile(at("text-over.xlsx"));
    const run = await cli(["--from", at("text-over.xlsx"), "--out", at("from-text-over.xlsx")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("\n  operations.error_reduction (Departments), Mar 2026: \"n/a\" is not a number");
    expect(fs.existsSync(at("from-text-over.xlsx"))).toBe(false);
  });
});
