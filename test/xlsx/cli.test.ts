import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { trackingRow } from "../../src/core/template";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scale-cli-"));

function cli(args: string[]) {
  return spawnSync("node", [path.join(ROOT, "bin/scale-tracker.js"), ...args], { cwd: tmp, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("scale-tracker template (the command line)", () => {
  test("exports the workbook: long CSV, Spanish labels, a currency, 48 months from a first month", async () => {
    fs.writeFileSync(path.join(tmp, "actuals.csv"), "metric,month,value\nmrr,2024-02,520000\ncash_burn.cash_runway,2024-03,14\n");
    const run = cli(["template", "--out", "acme.xlsx", "--lang", "es", "--company", "Acme", "--currency", "EUR", "--months", "48", "--first-month", "2024-01", "--actuals", "actuals.csv"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("Wrote acme.xlsx: Panel de escalamiento, Seguimiento, Fase 1, Fase 2, Fase 3, Fase 4, Umbrales, Riesgos; 48 months from 2024-01, 2 values");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "acme.xlsx"));
    const seguimiento = wb.getWorksheet("Seguimiento")!;
    expect(seguimiento.getCell(`O${trackingRow("mrr")}`).value).toBe(520000);
    expect(seguimiento.getCell(`P${trackingRow("cash_burn_cash_runway")}`).value).toBe(14);
    expect((seguimiento.getCell("N4").value as Date).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(seguimiento.getCell("BI4").value).toBeTruthy();
    expect(seguimiento.getCell("BJ4").value).toBeNull();
    expect(wb.getWorksheet("Panel de escalamiento")!.getCell("B2").value).toBe("Acme");
    expect(wb.definedNames.getRanges("Tracking_mrr").ranges).toEqual([`Seguimiento!$N$${trackingRow("mrr")}:$BI$${trackingRow("mrr")}`]);
  });

  test("a wide, semicolon-separated CSV with decimal commas; the timeline starts at its earliest month", async () => {
    fs.writeFileSync(path.join(tmp, "wide.csv"), "metric;2025-03;2025-04\nChurn mensual;0,045;0,04\nMRR / Revenue mensual;150000;180000\n");
    const run = cli(["template", "--out", "wide.xlsx", "--actuals", "wide.csv"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("36 months from 2025-03, 4 values");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "wide.xlsx"));
    expect(wb.getWorksheet("Tracking")!.getCell(`O${trackingRow("churn")}`).value).toBe(0.04);
  });

  test("an invalid CSV writes no file and names every bad line; exit code 2", () => {
    fs.writeFileSync(path.join(tmp, "bad.csv"), "metric,month,value\nmrr,2026-01,400000\nchurn,2026-02,0.1\nnps,2026-02,abc\nmrr,2030-01,1\n");
    const run = cli(["template", "--out", "bad.xlsx", "--actuals", "bad.csv", "--first-month", "2026-01"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("bad.csv has 2 bad value(s); no file was written");
    expect(run.stderr).toContain('line 4: value "abc" is not a number');
    expect(run.stderr).toContain("line 5: month 2030-01 is outside the timeline, which runs from 2026-01 to 2028-12 (36 months)");
    expect(fs.existsSync(path.join(tmp, "bad.xlsx"))).toBe(false);
  });

  test("line numbers are the file's lines: blank lines, Windows line ends and a quoted field over two lines", () => {
    fs.writeFileSync(path.join(tmp, "lines.csv"), 'metric,month,value\r\n\r\n"Margen\r\nbruto",1,0.7\r\nmrr,99,5\r\n');
    const run = cli(["template", "--out", "lines.xlsx", "--actuals", "lines.csv"]);
    // The quoted "Margen / bruto" on lines 3-4 is gross margin; line 5 is the bad one.
    expect(run.stderr).toContain("lines.csv has 1 bad value(s)");
    expect(run.stderr).toContain("line 5: month 99 is outside the timeline's months 1 to 36");
    expect(fs.existsSync(path.join(tmp, "lines.xlsx"))).toBe(false);
  });

  test("an unreadable CSV is named with csv-parse's reason", () => {
    fs.writeFileSync(path.join(tmp, "quote.csv"), 'metric,month,value\n"mrr,1,5\n');
    const run = cli(["template", "--out", "quote.xlsx", "--actuals", "quote.csv"]);
    expect([run.status, run.stderr]).toEqual([2, expect.stringMatching(/--actuals: quote\.csv is not valid CSV: .*quote/i)]);
    expect(fs.existsSync(path.join(tmp, "quote.xlsx"))).toBe(false);
  });

  test("a write that fails leaves no partial file: a message instead", () => {
    fs.mkdirSync(path.join(tmp, "folder.xlsx"));
    const run = cli(["template", "--out", "folder.xlsx", "--force"]);
    expect([run.status, run.stderr]).toEqual([2, expect.stringContaining("could not write")]);
    expect(fs.readdirSync(tmp).filter((f) => f.includes("partial"))).toEqual([]);
  });

  test.each([
    [["template", "--out", "x.xlsx", "--lang", "fr"], '--lang must be en or es; got "fr"'],
    [["template", "--out", "x.xlsx", "--currency", "euro"], '--currency must be a three-letter code such as USD or EUR; got "euro"'],
    [["template", "--out", "x.xlsx", "--first-month", "2026-13"], '--first-month must be YYYY-MM, such as 2026-01; got "2026-13"'],
    [["template", "--out", "x.xlsx", "--months", "6"], '--months must be a whole number from 12 to 120; got "6"'],
    [["template", "--out", "x.xlsx", "--months", "two"], '--months must be a whole number from 12 to 120; got "two"'],
    [["template", "--out", "x.csv"], '--out must name an .xlsx file; got "x.csv"'],
    [["template", "--out", "x.xlsx", "--actuals", "missing.csv"], "--actuals: no file at missing.csv"],
    [["template"], "required option '--out <file>' not specified"],
  ])("bad input %j: message, exit code 2, no file", (args, message) => {
    const run = cli(args);
    expect([run.status, run.stderr]).toEqual([2, expect.stringContaining(message)]);
    expect(fs.existsSync(path.join(tmp, "x.xlsx"))).toBe(false);
  });

  test("never overwrites an existing file without --force", () => {
    fs.writeFileSync(path.join(tmp, "mine.xlsx"), "user data");
    const run = cli(["template", "--out", "mine.xlsx"]);
    expect([run.status, run.stderr]).toEqual([2, expect.stringContaining("mine.xlsx already exists; choose another --out or add --force")]);
    expect(fs.readFileSync(path.join(tmp, "mine.xlsx"), "utf8")).toBe("user data");
    expect(cli(["template", "--out", "mine.xlsx", "--force"]).status).toBe(0);
  });

  test("npm run template is the same command", () => {
    const out = execFileSync("npm", ["run", "--silent", "template", "--", "--out", path.join(tmp, "npm.xlsx")], { cwd: ROOT, encoding: "utf8" });
    expect(out).toContain("Wrote");
    expect(fs.existsSync(path.join(tmp, "npm.xlsx"))).toBe(true);
  });
});
