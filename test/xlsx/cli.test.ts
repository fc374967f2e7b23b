import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readActuals } from "../../src/core/actuals";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scale-cli-"));

function cli(args: string[]) {
  return spawnSync("node", [path.join(ROOT, "bin/scale-tracker.js"), ...args], { cwd: tmp, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const rows = (text: string) => text.split("\n").map((line, i) => ({ line: i + 1, cells: line.split(",") }));

describe("actuals CSV rows", () => {
  test("ids, aliases, risk indicators with phase R", () => {
    const result = readActuals(rows("metric,phase,month,value\nLTV/CAC,2,12,31\ncash_burn.cash_runway,R,3,14\nchurn,r,1,0.04\n"));
    expect(result).toEqual({
      ok: true,
      actuals: [
        { phase: 2, id: "ltv_cac", month: 12, value: 31 },
        { phase: "R", id: "cash_burn.cash_runway", month: 3, value: 14 },
        { phase: "R", id: "competition.churn", month: 1, value: 0.04 },
      ],
    });
  });

  test("each bad row is named with its line and what is wrong", () => {
    const result = readActuals(
      rows(
        [
          "metric,phase,month,value",
          "mrrr,1,1,5",
          "mrr,5,1,5",
          "mrr,1,7,5",
          "mrr,2,0,5",
          "mrr,1,1,lots",
          "churn,1,1,5",
          "mrr,R,1,5",
          "cash_burn.funding,1,1,5",
          "revenue_growth,R,1,0.2",
          "mrr,1,2,1",
          "mrr,1,2,2",
          "cash_burn,R,1,2",
          "mrr,1,2",
        ].join("\n"),
      ),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'line 2: unknown metric "mrrr" (did you mean mrr, arr, mrr_growth?)',
        'line 3: phase must be 1, 2, 3, 4 or R (risk indicators); got "5"',
        'line 4: month must be a whole number from 1 to 6 for phase 1; got "7"',
        'line 5: month must be a whole number from 1 to 12 for phase 2; got "0"',
        'line 6: value "lots" is not a number (write fractions as 0.05, not 5%)',
        "line 7: churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5.",
        'line 8: "mrr" is a phase metric; risk rows (phase R) need a group.indicator id such as cash_burn.cash_runway',
        'line 9: "cash_burn.funding" is a risk indicator; give it phase R',
        'line 10: "revenue_growth" is ambiguous; use cash_burn.revenue_growth or competition.revenue_growth',
        "line 12: mrr phase 1 month 2 was already given on line 11",
        'line 13: "cash_burn" is a risk group; give one of its indicators as group.indicator',
        "line 14: expected 4 fields (metric,phase,month,value); got 3",
      ],
    });
  });

  test("the header is required", () => {
    expect(readActuals(rows("id,phase,month,value\nmrr,1,1,5"))).toEqual({ ok: false, errors: ['line 1: the header must be metric,phase,month,value; got "id,phase,month,value"'] });
  });
});

describe("scale-tracker template (the command line)", () => {
  test("exports the workbook with actuals, Spanish labels and a currency", async () => {
    fs.writeFileSync(path.join(tmp, "actuals.csv"), "metric,phase,month,value\nmrr,1,2,520000\ncash_burn.cash_runway,R,3,14\n");
    const run = cli(["template", "--out", "acme.xlsx", "--lang", "es", "--company", "Acme", "--currency", "EUR", "--first-month", "2026-03", "--actuals", "actuals.csv"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("Wrote acme.xlsx: Panel de escalamiento, Umbrales, Fase 1, Fase 2, Fase 3, Fase 4, Riesgos");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "acme.xlsx"));
    expect(wb.getWorksheet("Fase 1")!.getCell("E4").value).toBe(520000);
    expect(wb.getWorksheet("Fase 1")!.getCell("D3").value).toBe("mar 2026");
    expect(wb.getWorksheet("Riesgos")!.getCell("F15").value).toBe(14);
    expect(wb.getWorksheet("Panel de escalamiento")!.getCell("B3").value).toBe("Acme");
    expect(wb.definedNames.getRanges("Phase1_mrr_Flag").ranges).toEqual(["'Fase 1'!$M$4"]);
  });

  test("an invalid CSV writes no file and names every bad line; exit code 2", () => {
    fs.writeFileSync(path.join(tmp, "bad.csv"), "metric,phase,month,value\nmrr,1,1,400000\nchurn,1,9,0.1\nnps,1,1,abc\n");
    const run = cli(["template", "--out", "bad.xlsx", "--actuals", "bad.csv"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("bad.csv has 2 bad row(s); no file was written");
    expect(run.stderr).toContain('line 3: month must be a whole number from 1 to 6 for phase 1; got "9"');
    expect(run.stderr).toContain('line 4: value "abc" is not a number');
    expect(fs.existsSync(path.join(tmp, "bad.xlsx"))).toBe(false);
  });

  test("line numbers are the file's lines: blank lines, Windows line ends and a quoted field over two lines", () => {
    fs.writeFileSync(path.join(tmp, "lines.csv"), 'metric,phase,month,value\r\n\r\n"Margen\r\nbruto",1,1,0.7\r\nmrr,1,9,5\r\n');
    const run = cli(["template", "--out", "lines.xlsx", "--actuals", "lines.csv"]);
    expect(run.stderr).toContain("lines.csv has 1 bad row(s)");
    expect(run.stderr).toContain('line 5: month must be a whole number from 1 to 6 for phase 1; got "9"');
    expect(fs.existsSync(path.join(tmp, "lines.xlsx"))).toBe(false);
  });

  test("an unreadable CSV is named with csv-parse's reason", () => {
    fs.writeFileSync(path.join(tmp, "quote.csv"), 'metric,phase,month,value\n"mrr,1,1,5\n');
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
    [["template", "--out", "x.xlsx", "--phases", "1,5"], '--phases must list phases from 1 to 4, such as 1,2; got "1,5"'],
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
