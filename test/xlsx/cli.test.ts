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

describe("nothing lost on the command line (product.md section 10, last bullet)", () => {
  test("every error line reaches a pipe: thousands of bad rows, read by a slow consumer", () => {
    const bad = ["metric,month,value", ...Array.from({ length: 5000 }, (_, i) => `mrr,${(i % 36) + 1},abc${i}`)];
    fs.writeFileSync(path.join(tmp, "many.csv"), bad.join("\n") + "\n");
    // The consumer sleeps first, so the pipe fills (64 KiB on Linux) before it reads anything.
    const bin = path.join(ROOT, "bin/scale-tracker.js");
    const run = spawnSync("sh", ["-c", `node "${bin}" template --out many.xlsx --actuals many.csv 2>&1 >/dev/null | (sleep 1; cat)`], { cwd: tmp, encoding: "utf8", maxBuffer: 1 << 26 });
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.length).toBe(5001);
    expect(lines[0]).toBe("scale-tracker: --actuals: many.csv has 5000 bad value(s); no file was written:");
    expect(lines[5000]).toBe('  line 5001: value "abc4999" is not a number (write fractions as 0.05, not 5%)');
    expect(fs.existsSync(path.join(tmp, "many.xlsx"))).toBe(false);
  });

  test("a link at --out (even to nowhere) is an existing file: refused without --force, never written through", () => {
    fs.symlinkSync(path.join(tmp, "nowhere.xlsx"), path.join(tmp, "link.xlsx"));
    const run = cli(["template", "--out", "link.xlsx"]);
    expect([run.status, run.stderr]).toEqual([2, expect.stringContaining("link.xlsx already exists; choose another --out or add --force")]);
    expect(fs.existsSync(path.join(tmp, "nowhere.xlsx"))).toBe(false);
    // With --force the link itself is replaced; the file it points to is never touched.
    fs.writeFileSync(path.join(tmp, "victim.txt"), "keep me");
    fs.symlinkSync(path.join(tmp, "victim.txt"), path.join(tmp, "to-victim.xlsx"));
    expect(cli(["template", "--out", "to-victim.xlsx", "--force"]).status).toBe(0);
    expect(fs.readFileSync(path.join(tmp, "victim.txt"), "utf8")).toBe("keep me");
    expect(fs.lstatSync(path.join(tmp, "to-victim.xlsx")).isFile()).toBe(true);
  });

  test("the partial file is created exclusively under a name nobody can guess: a link planted there is never written through", () => {
    // In this process, as the command line runs it: the temporary name's only known part is the target's.
    const { writeWhole } = require("../../src/cli/cli") as typeof import("../../src/cli/cli");
    const target = path.join(tmp, "planted.xlsx");
    fs.writeFileSync(path.join(tmp, "victim2.txt"), "keep me");
    // The name the command line used to write through (`<out>.<pid>.partial`), and one given explicitly.
    const guessed = `${target}.${process.pid}.partial`;
    fs.symlinkSync(path.join(tmp, "victim2.txt"), guessed);
    writeWhole(target, Buffer.from("workbook"));
    expect(fs.readFileSync(path.join(tmp, "victim2.txt"), "utf8")).toBe("keep me");
    expect(fs.readFileSync(target, "utf8")).toBe("workbook");
    const planted = `${target}.planted.partial`;
    fs.symlinkSync(path.join(tmp, "victim2.txt"), planted);
    expect(() => writeWhole(target, Buffer.from("again"), planted)).toThrow(/could not write .*planted\.xlsx: .*EEXIST/);
    expect(fs.readFileSync(path.join(tmp, "victim2.txt"), "utf8")).toBe("keep me");
    expect(fs.readFileSync(target, "utf8")).toBe("workbook");
    expect(fs.lstatSync(planted).isSymbolicLink()).toBe(true);
    // Nothing left beside the target but the two planted links.
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith("planted.xlsx.")).sort()).toEqual([path.basename(guessed), path.basename(planted)].sort());
  });

  test.each([
    [["--first-month", "1899-12"], '--first-month must be from 1900-03 to 9997-01, so that all 36 months are dates Excel can hold; got "1899-12"'],
    [["--first-month", "1900-02"], '--first-month must be from 1900-03 to 9997-01, so that all 36 months are dates Excel can hold; got "1900-02"'],
    [["--first-month", "9997-02"], '--first-month must be from 1900-03 to 9997-01, so that all 36 months are dates Excel can hold; got "9997-02"'],
    [["--first-month", "9999-02", "--months", "12"], '--first-month must be from 1900-03 to 9999-01, so that all 12 months are dates Excel can hold; got "9999-02"'],
    [["--months", "9".repeat(400)], `--months must be a whole number from 12 to 120; got "${"9".repeat(400)}"`],
    [["--company", "x".repeat(101)], "--company must be 1 to 100 characters, as it titles the dashboard; got 101"],
    [["--company", "  "], "--company must be 1 to 100 characters, as it titles the dashboard; got 0"],
  ])("options outside Excel's limits %#: message, exit code 2, no file", (args, message) => {
    const run = cli(["template", "--out", "limits.xlsx", ...args]);
    expect([run.status, run.stderr.trim()]).toEqual([2, `scale-tracker: ${message}`]);
    expect(fs.existsSync(path.join(tmp, "limits.xlsx"))).toBe(false);
  });

  test("the first and last months Excel holds are accepted; a company name of 100 characters too", () => {
    expect(cli(["template", "--out", "first.xlsx", "--first-month", "1900-03"]).status).toBe(0);
    expect(cli(["template", "--out", "last.xlsx", "--first-month", "9997-01", "--company", "x".repeat(100)]).status).toBe(0);
  });

  test("a timeline started by --actuals must fit Excel's dates too", () => {
    fs.writeFileSync(path.join(tmp, "old.csv"), "metric,month,value\nmrr,1899-06,5\n");
    const run = cli(["template", "--out", "old.xlsx", "--actuals", "old.csv"]);
    expect([run.status, run.stderr.trim()]).toEqual([
      2,
      "scale-tracker: --actuals starts the timeline at 1899-06, so its 36 months are not all dates Excel can hold (1900-03 to 9999-12): give a --first-month from 1900-03 to 9997-01, and leave out the months outside its timeline",
    ]);
    expect(fs.existsSync(path.join(tmp, "old.xlsx"))).toBe(false);
  });

  test("a non-finite value, a count with a decimal comma: refused, nothing written", () => {
    fs.writeFileSync(path.join(tmp, "semi.csv"), "metric;2026-01;2026-02\ncustomers;2,500;3000\nmrr;1e309;100\n");
    const run = cli(["template", "--out", "semi.xlsx", "--actuals", "semi.csv"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("line 2, column 2026-01: customers is a count: 2.5 is not a whole number; in a semicolon file a comma is the decimal separator (2,500 reads as 2.5): remove thousands separators.");
    expect(run.stderr).toContain('line 3, column 2026-01: value "1e309" is too large for Excel (its largest number is about 1E+308): check it for extra digits');
    expect(fs.existsSync(path.join(tmp, "semi.xlsx"))).toBe(false);
  });
});
