/**
 * The Departments / Áreas sheet (product.md 13, "Department KPIs") in HyperFormula: a company that
 * types its KPIs gets the band rule's levels of product.md 4 (worked out by hand in
 * departments-company.ts), the function summaries are the worst of their KPIs, a blank month gives
 * blanks and never an error, and the Spanish sheet holds every string of the seed's section.
 */
import * as fs from "fs";
import * as path from "path";
import { NAMES, describeWorkbook, frozenPixels } from "../../src/core/template";
import { loadWorkbook } from "../support/hf-workbook";
import { DEPARTMENTS_COMPANY, departmentMismatches, namedCell, withBaselines } from "./departments-company";

const LANGUAGES = ["en", "es"] as const;

describe("a company typing its department KPIs, in HyperFormula", () => {
  test.each(LANGUAGES)("%s: each KPI's value and flag as of the reporting month, and each function's worst level", (language) => {
    const spec = withBaselines(describeWorkbook({ ...DEPARTMENTS_COMPANY, language }));
    const hf = loadWorkbook(spec);
    expect(departmentMismatches(spec, hf.value)).toEqual([]);
  });

  test("a count per year is the last 12 months' typed counts at a yearly rate, blank months skipped (product.md 4); a typed month lands on its row", () => {
    const spec = withBaselines(describeWorkbook(DEPARTMENTS_COMPANY));
    const hf = loadWorkbook(spec);
    const count = (t: number) => namedCell(spec, NAMES.department("product.new_features"), t);
    expect(hf.value(count(6).sheet, count(6).ref)).toBe(5);
    // The judged row is the one of the flag: months 3..6 typed 5 each, months 1-2 blank (skipped): 5 a month, 60 a year.
    const flagRow = namedCell(spec, NAMES.departmentFlag("product.new_features")).ref.replace(/[A-Z]+/, "");
    const judged = (t: number) => ({ sheet: count(t).sheet, ref: count(t).ref.replace(/\d+$/, flagRow) });
    expect(hf.value(judged(6).sheet, judged(6).ref)).toBeCloseTo(60, 9);
    expect(hf.value(judged(2).sheet, judged(2).ref)).toBe("");
    expect(hf.value(judged(14).sheet, judged(14).ref)).toBe(60);
  });

  test.each([0, -50])("a change from a baseline of %s is blank, and so is its flag: a reduction of nothing, or of a negative count, means nothing", (baseline) => {
    const spec = withBaselines(describeWorkbook(DEPARTMENTS_COMPANY), { "operations.error_reduction": baseline });
    const hf = loadWorkbook(spec);
    const flag = namedCell(spec, NAMES.departmentFlag("operations.error_reduction"));
    expect(hf.value(flag.sheet, flag.ref)).toBe("");
    // The same company with its baseline of 100 is judged (0.6, RISK): the blank comes from the baseline.
    const judged = withBaselines(describeWorkbook(DEPARTMENTS_COMPANY));
    const cell = namedCell(judged, NAMES.departmentFlag("operations.error_reduction"));
    expect(loadWorkbook(judged).value(cell.sheet, cell.ref)).toBe("RISK");
  });

  test.each(LANGUAGES)("%s: an empty tracker: every value, flag and level on the sheet is blank, none an error", (language) => {
    const spec = describeWorkbook({ language, company: "Empty", currency: "USD", firstMonth: "2026-01", months: 12 });
    const sheet = spec.sheets.find((s) => s.key === "departments")!;
    const computed = loadWorkbook(spec).formulas().get(sheet.name)!;
    // 32 KPI flags and 4 function levels, every one computed.
    expect(sheet.cells.filter((c) => c.style === "flag" && c.formula !== undefined).length).toBe(36);
    // The headers, and the channel KPIs' targets, which show the Channels sheet's.
    const shown = new Set(sheet.cells.filter((c) => c.style === "header" || c.formula?.includes("_Target")).map((c) => c.ref));
    const notBlank = [...computed].filter(([ref, v]) => !shown.has(ref) && v !== "" && v !== null);
    expect(notBlank).toEqual([]);
  });
});

/** The seed section's strings, read from the fixture: headings, sub-headings and list items (product.md 13). */
function seedStrings(): string[] {
  const text = fs.readFileSync(path.join(__dirname, "../fixtures/seed-departments-tools.md"), "utf8");
  const section = text.slice(text.indexOf("## 🎯 Estrategias de Escalamiento por Función"));
  const out = ["Estrategias de Escalamiento por Función"];
  for (const raw of section.split("\n")) {
    const line = raw.trim();
    const heading = /^#{3,4} \*\*(?:\d+\. )?(.+?)\*\*$/.exec(line);
    if (heading) out.push(heading[1]);
    else if (/^- /.test(line)) out.push(line.slice(2));
    else if (/^[A-ZÁÉÍÓÚ]+:$/.test(line)) out.push(line);
  }
  return [...new Set(out)];
}

test("the Spanish Áreas sheet holds every string of the seed's \"Estrategias de Escalamiento por Función\", each in a cell of its own", () => {
  const spec = describeWorkbook({ language: "es", company: "Mi empresa", currency: "USD", firstMonth: "2026-01" });
  const sheet = spec.sheets.find((s) => s.key === "departments")!;
  expect(sheet.name).toBe("Áreas");
  const cells = new Set(sheet.cells.map((c) => c.value).filter((v) => typeof v === "string"));
  const strings = seedStrings();
  // 4 functions x 2 blocks: 4 + 8 headings, 8 x 4 strategy items, 7 x 4 tools, 5 channels, 32 KPIs; and the section's own heading.
  expect(strings.length).toBeGreaterThan(100);
  expect(strings.filter((s) => !cells.has(s))).toEqual([]);
});

test("the sheet scrolls on a laptop: the KPI, its value and its flag are frozen, at most 400 pixels (product.md 10)", () => {
  for (const language of LANGUAGES) {
    const sheet = describeWorkbook({ language, company: "A", currency: "USD", firstMonth: "2026-01" }).sheets.find((s) => s.key === "departments")!;
    expect([language, sheet.freeze!.columns, frozenPixels(sheet) <= 400]).toEqual([language, 3, true]);
  }
});
