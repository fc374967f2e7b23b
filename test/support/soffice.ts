/**
 * LibreOffice headless as the real spreadsheet application of the tests: it opens our .xlsx
 * files, recalculates every formula, and exports what it computed.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "csv-parse/sync";
import { enginePath } from "../engines/engines";

/** One soffice run over `files` workbooks: three minutes, and five seconds more per workbook (a batch of 120 thirteen-sheet workbooks on a busy machine took over three minutes). */
function soffice(args: string[], cwd: string, files = 1): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "scale-lo-profile-"));
  execFileSync(enginePath("libreoffice"), [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], {
    cwd,
    stdio: "pipe",
    timeout: 180_000 + 5_000 * files,
  });
}

/** Sheet name -> rows of computed cell text, for each workbook; one soffice run for all of them. `asShown`: each cell's text through its number format. */
export function recalculate(files: readonly string[], asShown = false): Map<string, Map<string, string[][]>> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "scale-lo-csv-"));
  // Token 9 false: raw values, not as shown (true: as shown); token 12 -1: every sheet to its own file.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;
  soffice(["--convert-to", filter, "--outdir", out, ...files], out, files.length);
  const result = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const base = path.basename(file, ".xlsx");
    const sheets = new Map<string, string[][]>();
    for (const csv of fs.readdirSync(out).filter((f) => f.startsWith(`${base}-`) && f.endsWith(".csv"))) {
      const rows = parse(fs.readFileSync(path.join(out, csv), "utf8"), { relax_column_count: true }) as string[][];
      sheets.set(csv.slice(base.length + 1, -4), rows);
    }
    result.set(file, sheets);
  }
  return result;
}

/** The computed text of an A1 cell. */
export function cellText(sheet: string[][], ref: string): string {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet[Number(m[2]) - 1]?.[col - 1] ?? "";
}

/** "5.2%" -> 0.052, "1,000" -> 1000; undefined for text and blanks. */
export function numberOf(text: string): number | undefined {
  const t = text.replace(/[$€£,]/g, "").trim();
  if (t === "") return undefined;
  const n = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export const ERROR_TEXT = /^(#N\/A|#VALUE!|#REF!|#NAME\?|#DIV\/0!|#NUM!|#NULL!|Err:\d+)$/;

/** The workbook opened and saved again as .xlsx by LibreOffice; returns the new file's path. */
export function resave(file: string, outDir: string): string {
  return resaveAll([file], outDir)[0];
}

/** Several workbooks resaved in one LibreOffice run; returns the new files' paths. */
export function resaveAll(files: readonly string[], outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  soffice(["--convert-to", "xlsx", "--outdir", outDir, ...files], outDir, files.length);
  return files.map((f) => path.join(outDir, path.basename(f)));
}

/** PDF of the workbook, then PNG pages with pdftoppm; returns the PNG paths. */
export function renderPages(file: string, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  soffice(["--convert-to", "pdf", "--outdir", outDir, file], outDir);
  const pdf = path.join(outDir, `${path.basename(file, ".xlsx")}.pdf`);
  const prefix = path.join(outDir, path.basename(file, ".xlsx"));
  execFileSync(enginePath("pdftoppm"), ["-r", "90", "-png", pdf, prefix], { stdio: "pipe" });
  return fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(path.basename(file, ".xlsx")) && f.endsWith(".png"))
    .sort()
    .map((f) => path.join(outDir, f));
}

/** RGB pixels of one PDF page, through pdftoppm's plain PPM output. */
export function pagePixels(pdf: string, page: number): Buffer {
  const ppm = execFileSync(enginePath("pdftoppm"), ["-r", "30", "-f", String(page), "-l", String(page), pdf], { maxBuffer: 64 << 20 });
  // Header: "P6\n<w> <h>\n255\n" then RGB bytes.
  let offset = 0;
  for (let fields = 0; fields < 4; ) {
    while (/\s/.test(String.fromCharCode(ppm[offset]))) offset++;
    while (!/\s/.test(String.fromCharCode(ppm[offset]))) offset++;
    fields++;
  }
  return ppm.subarray(offset + 1);
}
