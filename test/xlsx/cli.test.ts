import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TRACKING, columnLetter, monthColumn, trackingRow } from "../../src/core/template";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scale-cli-"));

/** Month t's cell in a Tracking row (the header row by default). */
const monthCell = (t: number, row: number = TRACKING.headerRow) => `${columnLetter(monthColumn(t))}${row}`;

function cli(args: string[]) {
  return spawnSync("node", [path.join(ROOT, "bin/scale-tracker.js"), ...args], { cwd: tmp, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("scale-tracker template (the command line)", () => {
  test("exports the workbook: long CSV, Spanish labels, a currency, 48 months from a first month", async () => {
    fs.writeFileSync(path.join(tmp, "actuals.csv"), "metric,month,value\nmrr,2024-02,520000\ncash_burn.cash_runway,2024-03,14\n");
    const run = cli(["template", "--out", "acme.xlsx", "--lang", "es", "--company", "Acme", "--currency", "EUR", "--months", "48", "--first-month", "2024-01", "--actuals", "actuals.csv"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("Wrote acme.xlsx: Panel de escalamiento, Resumen, Seguimiento, Presupuesto, Áreas, Canales, Fase 1, Fase 2, Fase 3, Fase 4, Umbrales, Riesgos, Herramientas; 48 months from 2024-01, 2 values");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "acme.xlsx"));
    const seguimiento = wb.getWorksheet("Seguimiento")!;
    expect(seguimiento.getCell(monthCell(2, trackingRow("mrr"))).value).toBe(520000);
    expect(seguimiento.getCell(monthCell(3, trackingRow("cash_burn_cash_runway"))).value).toBe(14);
    expect((seguimiento.getCell(monthCell(1)).value as Date).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(seguimiento.getCell(monthCell(48)).value).toBeTruthy();
    expect(seguimiento.getCell(monthCell(49)).value).toBeNull();
    expect(wb.getWorksheet("Panel de escalamiento")!.getCell("B2").value).toBe("Acme");
    expect(wb.definedNames.getRanges("Tracking_mrr").ranges).toEqual([`Seguimiento!$${columnLetter(monthColumn(1))}$${trackingRow("mrr")}:$${columnLetter(monthColumn(48))}$${trackingRow("mrr")}`]);
  });

  test("without --company, the company is named in the workbook's language: Mi empresa in a Spanish one", async () => {
    const run = cli(["template", "--out", "sin-nombre.xlsx", "--lang", "es"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "sin-nombre.xlsx"));
    expect(wb.getWorksheet("Panel de escalamiento")!.getCell("B2").value).toBe("Mi empresa");
  });

  test("a wide, semicolon-separated CSV with decimal commas; the timeline starts at its earliest month", async () => {
    fs.writeFileSync(path.join(tmp, "wide.csv"), "metric;2025-03;2025-04\nChurn mensual;0,045;0,04\nMRR / Revenue mensual;150000;180000\n");
    const run = cli(["template", "--out", "wide.xlsx", "--actuals", "wide.csv"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("36 months from 2025-03, 4 values");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "wide.xlsx"));
    expect(wb.getWorksheet("Tracking")!.getCell(monthCell(2, trackingRow("churn"))).value).toBe(0.04);
  });

  test("an invalid CSV writes no file and names every bad line; exit code 2", () => {
    fs.writeFileSync(path.join(tmp, "bad.csv"), "metric,month,value\nmrr,2026-01,400000\nchurn,2026-02,0.1\nnps,2026-02,abc\nmrr,2030-01,1\n");
    const run = cli(["template", "--out", "bad.xlsx", "--actuals", "bad.csv", "--first-month", "2026-01"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("bad.csv has 2 bad value(s); no file was written");
    expect(run.stderr).toContain('line 4: value "abc" is not a number');
    expect(run.stderr).toContain("line 5: month Jan 2030 is outside the timeline, which runs from Jan 2026 to Dec 2028 (36 months)");
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
    expect(run.stderr).toContain("line 2, column Jan 2026: customers is a count: 2.5 is not a whole number; in a semicolon file a comma is the decimal separator (2,500 reads as 2.5): remove thousands separators.");
    expect(run.stderr).toContain('line 3, column Jan 2026: value "1e309" is too large for Excel (its largest number is about 1E+308): check it for extra digits');
    expect(fs.existsSync(path.join(tmp, "semi.xlsx"))).toBe(false);
  });
});

describe("finance files as they come (product.md 11, fourth and fifth bullets)", () => {
  async function tracking(file: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, file));
    return (key: string, month: number) => wb.getWorksheet("Tracking")!.getCell(`${columnLetter(monthColumn(month))}${trackingRow(key)}`).value;
  }

  /** Spanish Excel's CSV: semicolons, decimal commas, month names, accents. */
  const SPANISH = "Métrica;ene 2026;feb 2026\nTasa de cancelación;0,04;0,035\nPlantilla;12;13\nSaldo de caja;900000;850000\n";
  const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
  test.each([
    ["Windows-1252 (Spanish Excel's plain CSV)", Buffer.from(SPANISH, "latin1")],
    ["UTF-8 without a byte order mark", Buffer.from(SPANISH, "utf8")],
    ["UTF-8 with a byte order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SPANISH, "utf8")])],
    ["UTF-16 LE with a byte order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SPANISH, "utf16le")])],
    ["UTF-16 BE with a byte order mark", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SPANISH)])],
  ])("reads %s", async (encoding, bytes) => {
    const file = `enc-${encoding.replace(/\W+/g, "-")}`;
    fs.writeFileSync(path.join(tmp, `${file}.csv`), bytes);
    const run = cli(["template", "--out", `${file}.xlsx`, "--actuals", `${file}.csv`]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("36 months from 2026-01, 6 values");
    const cell = await tracking(`${file}.xlsx`);
    expect([cell("churn", 1), cell("churn", 2), cell("team_size", 2), cell("cash_balance", 1)]).toEqual([0.04, 0.035, 13, 900000]);
  });

  test("UTF-16 without a byte order mark is named, not read as garbage", () => {
    fs.writeFileSync(path.join(tmp, "nobom.csv"), Buffer.from(SPANISH, "utf16le"));
    const run = cli(["template", "--out", "nobom.xlsx", "--actuals", "nobom.csv"]);
    expect([run.status, run.stderr.trim()]).toEqual([2, "scale-tracker: --actuals: nobom.csv looks like UTF-16 without a byte order mark; save it as CSV UTF-8 or as Unicode text"]);
  });

  const FINANCE = [
    "Acme Inc. — KPIs FY2026,,,,",
    ",,,,",
    "KPI,Jan 2026,Feb 2026,Mar 2026,Total",
    "MRR,100000,110000,120000,330000",
    "Ventas recurrentes,1200000,1320000,1440000,",
    ",,,,",
    "Total,1300000,1430000,1560000,",
  ].join("\r\n");

  test("a finance export: title row, KPI corner, month names, a Total row and column skipped and listed; --map reads the unknown label", async () => {
    fs.writeFileSync(path.join(tmp, "finance.csv"), FINANCE);
    const run = cli(["template", "--out", "finance.xlsx", "--actuals", "finance.csv", "--map", "Ventas recurrentes=ARR"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout.trim().split("\n").slice(1)).toEqual([
      'line 1: skipped (above the header): "Acme Inc. — KPIs FY2026"',
      "line 3, column Total: skipped (a total column)",
      'line 7: skipped (a total row): "Total"',
    ]);
    const cell = await tracking("finance.xlsx");
    expect([1, 2, 3].map((t) => [cell("mrr", t), cell("arr", t)])).toEqual([[100000, 1200000], [110000, 1320000], [120000, 1440000]]);
    expect(cell("mrr", 4)).toBeNull();
  });

  test("without --map the unknown label blocks the file, saying how to map it; a --map naming no measure is named", () => {
    fs.writeFileSync(path.join(tmp, "finance2.csv"), FINANCE);
    const unmapped = cli(["template", "--out", "finance2.xlsx", "--actuals", "finance2.csv"]);
    expect([unmapped.status, unmapped.stderr]).toEqual([2, expect.stringContaining('line 5: unknown metric "Ventas recurrentes" (did you mean arr, mrr, customers?); give --map "Ventas recurrentes=ID" with the id of the measure it is, or remove the row')]);
    const bad = cli(["template", "--out", "finance2.xlsx", "--actuals", "finance2.csv", "--map", "Ventas recurrentes=arrr"]);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'scale-tracker: --map "Ventas recurrentes=arrr": unknown metric "arrr" (did you mean arr, mrr, nrr?)']);
    expect(fs.existsSync(path.join(tmp, "finance2.xlsx"))).toBe(false);
  });

  test.each([
    [["--map", "Ventas"], '--map must be "Label=id", such as --map "Ventas recurrentes=mrr"; got "Ventas"'],
    [["--map", "=mrr"], '--map must be "Label=id", such as --map "Ventas recurrentes=mrr"; got "=mrr"'],
    [["--map", "Ventas=mrr", "--map", "ventas=arr"], '--map gives "ventas" twice (mrr and arr); keep one'],
    [["--map", "Ventas=cash_burn"], '--map "Ventas=cash_burn": "cash_burn" is a risk group; give one of its indicators as group.indicator, such as cash_burn.burn_rate'],
  ])("--map %j refused: message, exit code 2, no file", (args, message) => {
    fs.writeFileSync(path.join(tmp, "map.csv"), "metric,2026-01\nVentas,1\n");
    const run = cli(["template", "--out", "map.xlsx", "--actuals", "map.csv", ...args]);
    expect([run.status, run.stderr.trim()]).toEqual([2, `scale-tracker: ${message}`]);
    expect(fs.existsSync(path.join(tmp, "map.xlsx"))).toBe(false);
  });

  test("--map without --actuals is refused", () => {
    const run = cli(["template", "--out", "nomap.xlsx", "--map", "Ventas=mrr"]);
    expect([run.status, run.stderr.trim()]).toEqual([2, "scale-tracker: --map names labels of the --actuals or --budget file: give one of them too"]);
  });

  test("an unusual value (a CAC in thousands among dollars) is written, and warned about on stderr, one line each", async () => {
    fs.writeFileSync(path.join(tmp, "unusual.csv"), "metric,2026-01,2026-02,2026-03,2026-04\ncac,95,92000,90,88\nteam_size,120,12,130,140\n");
    const run = cli(["template", "--out", "unusual.xlsx", "--actuals", "unusual.csv"]);
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split("\n")).toEqual([
      "scale-tracker: warning: line 2, column Feb 2026: cac for Feb 2026 is 92000, at least 10 times both its neighbours (Jan 2026: 95; Mar 2026: 90): check it is in the same unit as they are (not thousands, cents or a percentage)",
      "scale-tracker: warning: line 3, column Feb 2026: team_size for Feb 2026 is 12, at most a tenth of both its neighbours (Jan 2026: 120; Mar 2026: 130): check it is in the same unit as they are (not thousands, cents or a percentage)",
    ]);
    const cell = await tracking("unusual.xlsx");
    expect([cell("cac", 2), cell("team_size", 2)]).toEqual([92000, 12]);
  });

  test("--help names the layouts, --map, the encodings and the warnings", () => {
    const help = cli(["template", "--help"]).stdout.replace(/\s+/g, " ");
    for (const words of ["KPI,Jan 2026", "Total rows skipped", "--map <label=id>", "UTF-8, UTF-16 or Windows-1252", "docs/import.md", "at most a tenth of, both its neighbours in its row is written, with a warning on stderr"])
      expect(help).toContain(words);
  });
});
