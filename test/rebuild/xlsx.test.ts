/**
 * `scale-tracker template --from OLD.xlsx` (product.md 11): a filled tracking workbook, exported
 * with --actuals and then edited as a user would (a threshold lowered, plan statuses set, the
 * reporting month typed: written with exceljs), rebuilt on a timeline with an earlier first month
 * and more months. Every value lands in its calendar month, the edits are carried, and what
 * LibreOffice computes on the rebuilt dashboard is what it computes on the original's.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PHASE_PLANS } from "../../src/core/plan";
import { NAMES, TRACKING, cellPosition, columnLetter, monthColumn, trackingRow } from "../../src/core/template";
import { describeWith } from "../engines/engines";
import { Values, readValues, recalcLibreOffice } from "../support/recalculated";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scale-rebuild-"));

function cli(args: string[]) {
  return spawnSync("node", [path.join(ROOT, "bin/scale-tracker.js"), ...args], { cwd: tmp, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Half a year of actuals, January to June 2026 (nine rows of six months), and ARR typed over its formula in June: 55 values. */
const ACTUALS = [
  "metric,2026-01,2026-02,2026-03,2026-04,2026-05,2026-06",
  "mrr,40000,44000,48500,53000,58000,64000",
  "customers,80,86,93,100,108,117",
  "churn,0.05,0.048,0.045,0.044,0.042,0.04",
  "team_size,9,9,10,11,11,12",
  "nps,32,35,38,41,43,45",
  "cac,900,880,860,840,820,800",
  "gross_margin,0.62,0.64,0.65,0.66,0.68,0.7",
  "arr,,,,,,800000",
  "cash_balance,900000,850000,800000,760000,720000,690000",
  "cash_burn.burn_rate,50000,50000,45000,40000,40000,35000",
].join("\n");

const PLAN_ITEM = PHASE_PLANS[0].objectives.find((o) => !o.numeric)!.label!.en;
const INITIATIVE = PHASE_PLANS[1].strategies[0].initiatives[2].label.en;

/** A cell of a workbook through a defined name (its first cell). */
function named(wb: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const [range] = wb.definedNames.getRanges(name).ranges;
  const bang = range.lastIndexOf("!");
  const sheet = range.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  return wb.getWorksheet(sheet)!.getCell(range.slice(bang + 1).replace(/\$/g, "").split(":")[0]);
}

/** The row of a plan sheet whose label is `label`, and the cell in its Status (or another header's) column. */
function planCell(sheet: ExcelJS.Worksheet, label: string, header = "Status"): ExcelJS.Cell {
  let row = 0;
  let col = 0;
  sheet.eachRow((r, n) =>
    r.eachCell((c, k) => {
      if (c.value === label && !row) row = n;
      if (c.value === header && !col) col = k;
    }),
  );
  return sheet.getCell(row, col);
}

describe("scale-tracker template --from: rebuild a filled tracking workbook", () => {
  const old = path.join(tmp, "old.xlsx");
  const rebuilt = path.join(tmp, "rebuilt.xlsx");

  beforeAll(async () => {
    fs.writeFileSync(path.join(tmp, "actuals.csv"), ACTUALS);
    const run = cli(["template", "--out", "exported.xlsx", "--company", "Acme Analytics", "--currency", "EUR", "--first-month", "2026-01", "--months", "24", "--actuals", "actuals.csv"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    // The user lowers MRR's P1 target, sets plan statuses and an owner, and types the reporting month.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "exported.xlsx"));
    named(wb, "Target_mrr").value = 45000;
    // The quick ratio's convention in the third table (product.md 12, 14) lowered to 3.
    named(wb, NAMES.contextThreshold("quick_ratio")).value = 3;
    planCell(wb.getWorksheet("Phase 1")!, PLAN_ITEM).value = "Done";
    planCell(wb.getWorksheet("Phase 1")!, PLAN_ITEM, "Owner").value = "Ana";
    planCell(wb.getWorksheet("Phase 2")!, INITIATIVE).value = "In progress";
    named(wb, "Scale_ReportingMonth").value = new Date(Date.UTC(2026, 4, 1));
    await wb.xlsx.writeFile(old);
  });

  test("an earlier first month and more months: every value in its calendar month, every edit carried", async () => {
    const run = cli(["template", "--from", "old.xlsx", "--out", "rebuilt.xlsx", "--first-month", "2025-07", "--months", "48"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("Rebuilt old.xlsx as rebuilt.xlsx: Scale Dashboard, Board, Tracking, Budget, Departments, Channels, Phase 1, Phase 2, Phase 3, Phase 4, Thresholds, Risks, Tools; 48 months from 2025-07.");
    expect(run.stdout).toContain("Carried 55 values (1 typed over computed cells), 2 threshold edits, 2 plan entries, the reporting month May 2026, the start month Jan 2026.");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rebuilt);
    const tracking = wb.getWorksheet("Tracking")!;
    const at = (key: string, t: number) => tracking.getCell(`${columnLetter(monthColumn(t))}${trackingRow(key)}`).value;
    // July 2025 is month 1, so January 2026 is month 7 and March 2026 month 9.
    expect((tracking.getCell(`${columnLetter(monthColumn(1))}${TRACKING.headerRow}`).value as Date).toISOString()).toBe("2025-07-01T00:00:00.000Z");
    expect([6, 7, 8, 9, 12, 13].map((t) => at("mrr", t))).toEqual([null, 40000, 44000, 48500, 64000, null]);
    expect(at("cash_burn_burn_rate", 9)).toBe(45000);
    expect(at("arr", 12)).toBe(800000);
    expect((at("arr", 11) as { formula?: string }).formula).toBeDefined();
    // The edits: the lowered target, the statuses and the owner, the reporting month and the company.
    expect(named(wb, "Target_mrr").value).toBe(45000);
    expect([named(wb, NAMES.contextThreshold("quick_ratio")).value, named(wb, NAMES.contextThreshold("rule_of_40")).value]).toEqual([3, 0.4]);
    expect(planCell(wb.getWorksheet("Phase 1")!, PLAN_ITEM).value).toBe("Done");
    expect(planCell(wb.getWorksheet("Phase 1")!, PLAN_ITEM, "Owner").value).toBe("Ana");
    expect(planCell(wb.getWorksheet("Phase 2")!, INITIATIVE).value).toBe("In progress");
    expect((named(wb, "Scale_ReportingMonth").value as Date).toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(wb.getWorksheet("Scale Dashboard")!.getCell("B2").value).toBe("Acme Analytics");
    expect(named(wb, "Target_mrr").numFmt).toContain("€");
  });

  test("no options: the old workbook's own timeline, company and currency (the current template version)", async () => {
    const run = cli(["template", "--from", "old.xlsx", "--out", "same.xlsx"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("; 24 months from 2026-01.");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "same.xlsx"));
    expect(wb.getWorksheet("Tracking")!.getCell(`${columnLetter(monthColumn(3))}${trackingRow("mrr")}`).value).toBe(48500);
  });

  test("months outside the new timeline are listed and nothing is written, unless --drop-outside", async () => {
    const refused = cli(["template", "--from", "old.xlsx", "--out", "later.xlsx", "--first-month", "2026-05", "--months", "12"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("scale-tracker: 36 values of the old workbook cannot be carried into the new timeline, which runs from May 2026 to Apr 2027 (12 months); no file was written. To write it, give a --first-month and --months whose timeline holds them, or add --drop-outside to write the new workbook without them:");
    expect(refused.stderr).toContain("\n  mrr, Jan 2026: 40000 (not on the new timeline)\n");
    expect(fs.existsSync(path.join(tmp, "later.xlsx"))).toBe(false);
    const dropped = cli(["template", "--from", "old.xlsx", "--out", "later.xlsx", "--first-month", "2026-05", "--months", "12", "--drop-outside"]);
    expect(dropped.status).toBe(0);
    expect(dropped.stderr.split("\n")).toContain("scale-tracker: warning: dropped: mrr, Apr 2026: 53000 (not on the new timeline)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "later.xlsx"));
    expect(wb.getWorksheet("Tracking")!.getCell(`${columnLetter(monthColumn(2))}${trackingRow("mrr")}`).value).toBe(64000);
  });

  test.each([
    [["--from", "missing.xlsx"], "--from: no file at missing.xlsx"],
    [["--from", "actuals.csv"], "--from: actuals.csv is not an .xlsx workbook that can be read"],
    [["--from", "old.xlsx", "--actuals", "actuals.csv"], "--from carries the old workbook's own values and budget: give --actuals or --budget (and --map) to an export without --from"],
    [["--drop-outside"], "--drop-outside goes with --from"],
  ])("%j refused with a message", (args, message) => {
    const run = cli(["template", "--out", "refused.xlsx", ...args]);
    expect([run.status, run.stderr]).toEqual([2, expect.stringContaining(message)]);
    expect(fs.existsSync(path.join(tmp, "refused.xlsx"))).toBe(false);
  });

  test("a workbook without a tracker is named as such", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = 1;
    await wb.xlsx.writeFile(path.join(tmp, "plain.xlsx"));
    const run = cli(["template", "--from", "plain.xlsx", "--out", "refused.xlsx"]);
    expect([run.status, run.stderr.trim()]).toEqual([2, "scale-tracker: --from: plain.xlsx holds no tracking workbook (it has no Tracking_Months name); give a workbook Scale Tracker inserted or exported"]);
  });

  test("--help says what --from carries and points to docs/rebuild.md", () => {
    const help = cli(["template", "--help"]).stdout.replace(/\s+/g, " ");
    for (const words of ["--from <xlsx>", "typed values by calendar month", "threshold edits, plan entries", "--drop-outside", "docs/rebuild.md"]) expect(help).toContain(words);
  });

  test("a workbook an earlier version exported (commit 268cde6) (laid out as that version laid it out) is read by its names and upgraded", async () => {
    // test/fixtures/tracker-from-268cde6.xlsx: that commit's `template --out --company "Old Co" --currency GBP
    // --first-month 2026-01 --months 24 --actuals` with mrr, customers and churn for Jan-Apr 2026 and ARR typed in April.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, "test/fixtures/tracker-from-268cde6.xlsx"));
    named(wb, "Target_mrr").value = 30000;
    planCell(wb.getWorksheet("Phase 1")!, PLAN_ITEM).value = "Done";
    await wb.xlsx.writeFile(path.join(tmp, "earlier.xlsx"));
    const run = cli(["template", "--from", "earlier.xlsx", "--out", "upgraded.xlsx", "--first-month", "2025-11"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("; 24 months from 2025-11.");
    expect(run.stdout).toContain("Carried 13 values (1 typed over computed cells), 1 threshold edit, 1 plan entry, the start month Jan 2026.");
    const upgraded = new ExcelJS.Workbook();
    await upgraded.xlsx.readFile(path.join(tmp, "upgraded.xlsx"));
    const at = (key: string, t: number) => upgraded.getWorksheet("Tracking")!.getCell(`${columnLetter(monthColumn(t))}${trackingRow(key)}`).value;
    // November 2025 is month 1: January 2026 is month 3.
    expect([2, 3, 4, 5, 6, 7].map((t) => at("mrr", t))).toEqual([null, 40000, 44000, 48500, 53000, null]);
    expect([at("churn", 5), at("arr", 6)]).toEqual([0.045, 700000]);
    expect(named(upgraded, "Target_mrr").value).toBe(30000);
    // That version had no third Thresholds table: the conventions are the catalog's (product.md 12: quick ratio 4, Rule of 40 40%).
    expect([named(upgraded, NAMES.contextThreshold("quick_ratio")).value, named(upgraded, NAMES.contextThreshold("rule_of_40")).value]).toEqual([4, 0.4]);
    expect(planCell(upgraded.getWorksheet("Phase 1")!, PLAN_ITEM).value).toBe("Done");
    expect(upgraded.getWorksheet("Scale Dashboard")!.getCell("B2").value).toBe("Old Co");
    expect(named(upgraded, "Target_mrr").numFmt).toContain("£");
  });

  describeWith(["libreoffice"], "recalculated by LibreOffice", () => {
    /** Every workbook name outside Tracking's and Budget's rows (whose months differ), with the values LibreOffice computed in its cells. */
    async function dashboardNames(file: string, values: Values): Promise<Map<string, unknown[]>> {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const out = new Map<string, unknown[]>();
      const model = wb.definedNames.model;
      const area = (range: string) => {
        const bang = range.lastIndexOf("!");
        const [from, to = from] = range.slice(bang + 1).replace(/\$/g, "").split(":").map(cellPosition);
        return { sheet: range.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"), from, to };
      };
      const timeline = area(model.find((n) => n.name === NAMES.months)!.ranges[0]);
      // Rows over the timeline's months (Tracking's, the Budget's, the Departments and Channels rows, those sheets' month blocks) grow with the timeline: compared by calendar month elsewhere.
      const overMonths = (a: ReturnType<typeof area>) => a.to.col - a.from.col === timeline.to.col - timeline.from.col;
      for (const { name, ranges } of model) {
        if (ranges.length !== 1 || overMonths(area(ranges[0]))) continue;
        const { sheet, from, to } = area(ranges[0]);
        const got: unknown[] = [];
        for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) got.push(values.get(sheet)?.get(`${columnLetter(c)}${r}`) ?? null);
        out.set(name, got);
      }
      return out;
    }

    test("the rebuilt dashboard's names hold what the original's hold for the same reporting month", async () => {
      const [oldSaved, newSaved] = recalcLibreOffice([old, rebuilt], path.join(tmp, "recalculated"));
      const before = await dashboardNames(old, await readValues(oldSaved));
      const after = await dashboardNames(rebuilt, await readValues(newSaved));
      // The schedule too: the start month (product.md 6.4) keeps the company's month 1 where the timeline moved.
      expect(after.get(NAMES.startMonth)).toEqual(before.get(NAMES.startMonth));
      const compared = [...before.keys()];
      expect(compared.length).toBeGreaterThan(100);
      expect(Object.fromEntries(compared.map((n) => [n, after.get(n)]))).toEqual(Object.fromEntries(compared.map((n) => [n, before.get(n)])));
      // Not vacuous: the dashboard computed the values, flags and ETAs of May 2026.
      expect(before.get("Current_mrr")).toEqual([58000]);
      expect(before.get("Plan_P1")).toEqual([expect.any(Number)]);
      expect((before.get("Plan_P1")![0] as number) > 0).toBe(true);
      expect(before.get("Eta_mrr")).toEqual([expect.any(Number)]);
    }, 240_000);
  });
});
