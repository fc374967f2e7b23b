/**
 * `scale-tracker board` end to end (product.md 12, "Board page"): a tracking workbook filled by
 * the command line (the SaaS company of saas-company.ts), recalculated by LibreOffice and its board
 * page printed to PDF, in English and in Spanish. The PDF is one page; its text holds the company,
 * the reporting month, MRR as of that month (month 14's $162,400: product.md 6.4, the last number at
 * or before the reporting month), its variance against a budget given with --budget, and every note whole (nothing cut off at the page's edge). The
 * PNG renders are kept in test-artifacts/board/ to look at.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runInProcess } from "../support/cli-in-process";
import { RISK_GROUPS } from "../../src/core/catalog";
import { TEMPLATE_LABELS } from "../../src/core/template";
import { rowByKey } from "../../src/core/timeline";
import { describeWith, enginePath } from "../engines/engines";
import { SAAS_ACTUALS, SAAS_COMPANY_MONTHS } from "../support/saas-company";

const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/board");
const poppler = (tool: string) => path.join(path.dirname(enginePath("pdftoppm")), tool);

/** The command line in this process; its exit code and what it said. */
async function run(...args: string[]): Promise<{ code: number; said: string }> {
  const { status, said } = await runInProcess(args);
  return { code: status, said };
}

const CASES = {
  // vs budget: month 14's MRR budget is $170,000, so $162,400 is $7,600 short (product.md 12).
  en: { currency: "USD", month: "Feb 2026", mrr: "$162,400", vsBudget: "-$7,600" },
  es: { currency: "EUR", month: "feb 2026", mrr: "162.400 €", vsBudget: "-7.600 €" },
} as const;

describeWith(["libreoffice", "pyuno", "pdftoppm"], "scale-tracker board: the board page printed by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-board-lo-"));
  const csv = path.join(dir, "actuals.csv");
  const budget = path.join(dir, "budget.csv");

  beforeAll(() => {
    // Long form, months by position, each measure by the id the importer reads (product.md 7).
    const lines = SAAS_ACTUALS.map((v) => `${rowByKey(v.key).id},${v.month},${v.value}`);
    fs.writeFileSync(csv, ["metric,month,value", ...lines].join("\n"));
    fs.writeFileSync(budget, "metric,month,value\nmrr,14,170000\n");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  for (const lang of ["en", "es"] as const) {
    test(`${lang}: one landscape page with the company, the reporting month, MRR, its variance against the budget and every note whole`, async () => {
      const c = CASES[lang];
      const xlsx = path.join(dir, `filled-${lang}.xlsx`);
      const pdf = path.join(dir, `board-${lang}.pdf`);
      const made = await run("template", "--out", xlsx, "--lang", lang, "--company", "Nimbus Analytics", "--currency", c.currency, "--first-month", "2025-01", "--months", String(SAAS_COMPANY_MONTHS), "--actuals", csv, "--budget", budget);
      expect(made.code).toBe(0);
      const printed = await run("board", "--in", xlsx, "--out", pdf);
      expect([printed.code, printed.said]).toEqual([0, expect.stringContaining(`Wrote ${pdf}`)]);

      const info = execFileSync(poppler("pdfinfo"), [pdf], { encoding: "utf8" });
      expect(info).toMatch(/^Pages:\s+1$/m);
      const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
      expect(width).toBeGreaterThan(height);

      const text = execFileSync(poppler("pdftotext"), [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      for (const shown of ["Nimbus Analytics", c.month, c.mrr, c.vsBudget]) expect([shown, text.includes(shown)]).toEqual([shown, true]);
      const cashBurn = RISK_GROUPS.find((g) => g.id === "cash_burn")!.name[lang];
      for (const note of TEMPLATE_LABELS[lang].board.notes(cashBurn)) expect([note, text.includes(note)]).toEqual([note, true]);

      execFileSync(enginePath("pdftoppm"), ["-r", "70", "-png", pdf, path.join(ARTIFACTS, `board-${lang}`)]);
    });
  }
});
