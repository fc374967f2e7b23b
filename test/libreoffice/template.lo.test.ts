import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LEVELS, PHASE_METRICS, PhaseNumber, RISK_INDICATORS } from "../../src/core/catalog";
import { Cell } from "../../src/core/overrides";
import { Actual, LEVEL_FILL, NAMES, PHASE_SHEET, THRESHOLDS, TemplateOptions, WorkbookSpec, cellPosition, columnLetter, describeWorkbook } from "../../src/core/template";
import { writeWorkbook } from "../../src/xlsx/write";
import { boundaryActuals, companyAtPhase, everyRiskBreached, expectedNames, mixedCompany, randomCompanies, withBlanks } from "../template/expected";
import { readCharts } from "../xlsx/charts";
import { describeWith } from "../engines/engines";
import { ERROR_TEXT, cellText, numberOf, pagePixels, recalculate, renderPages, resave } from "./soffice";

const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/libreoffice");

interface Sample {
  readonly name: string;
  readonly options: TemplateOptions;
  readonly actuals: Actual[];
}

const base = { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" } as const;
const samples: Sample[] = [
  ...([1, 2, 3, 4] as PhaseNumber[]).map((n) => ({ name: `phase${n}`, options: base, actuals: companyAtPhase(n) })),
  { name: "risks", options: base, actuals: [...everyRiskBreached(), ...companyAtPhase(1)] },
  { name: "blanks", options: { ...base, language: "es", currency: "EUR", company: "Ñandú S.A." }, actuals: withBlanks() },
  { name: "empty", options: base, actuals: [] },
  { name: "mixed", options: base, actuals: mixedCompany() },
  ...([0, 1, 2] as const).map((k) => ({ name: `boundary${k}`, options: base, actuals: boundaryActuals(k) })),
  { name: "twophases", options: { ...base, phases: [1, 2] as PhaseNumber[] }, actuals: [...companyAtPhase(2), ...withBlanks()] },
  ...randomCompanies(8).map((actuals, k) => ({ name: `random${k}`, options: base, actuals })),
];

const metricIndex = (id: string) => PHASE_METRICS.findIndex((m) => m.id === id);
/** Thresholds-sheet cell -> the value a user types over it (the "blanks" sample has these metrics). */
const THRESHOLD_EDITS: [string, number][] = [
  [`${columnLetter(THRESHOLDS.targetColumn(1))}${THRESHOLDS.metricRow(metricIndex("mrr"))}`, 600_000],
  [`${columnLetter(THRESHOLDS.targetColumn(1))}${THRESHOLDS.metricRow(metricIndex("churn"))}`, 0.045],
  [`${columnLetter(THRESHOLDS.thresholdColumn)}${THRESHOLDS.indicatorRow(RISK_INDICATORS.findIndex((i) => i.qualifiedId === "cash_burn.burn_rate"))}`, 600_000],
];

/** LibreOffice's text of a sheet as Excel would pass the range to a function: numbers, text, blanks. */
const asRange = (rows: string[][]): Cell[][] => rows.map((row) => row.map((t) => (t === "" ? null : (numberOf(t) ?? t))));

/** Name -> text LibreOffice computed in the cell the name points at. */
function namedCells(spec: WorkbookSpec, sheets: Map<string, string[][]>): Map<string, string> {
  const sheetName = new Map(spec.sheets.map((s) => [s.key, s.name] as const));
  return new Map(spec.names.map((n) => [n.name, cellText(sheets.get(sheetName.get(n.sheet)!) ?? [], n.ref.split(":")[0])] as const));
}

describeWith(["libreoffice"], "the exported workbook, recalculated by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-samples-"));
  const specs = new Map<string, WorkbookSpec>();
  let computed: Map<string, Map<string, string[][]>>;
  const fileOf = (name: string) => path.join(dir, `${name}.xlsx`);

  beforeAll(async () => {
    for (const s of samples) {
      const spec = describeWorkbook({ ...s.options, actuals: s.actuals });
      specs.set(s.name, spec);
      fs.writeFileSync(fileOf(s.name), await writeWorkbook(spec));
    }
    // A user's edits on the Thresholds sheet, made in the file as a user would, before recalculation.
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(fileOf("blanks"));
    const umbrales = edited.getWorksheet("Umbrales")!;
    for (const [ref, value] of THRESHOLD_EDITS) umbrales.getCell(ref).value = value;
    await edited.xlsx.writeFile(fileOf("edited"));
    specs.set("edited", specs.get("blanks")!);
    computed = recalculate([...samples.map((s) => fileOf(s.name)), fileOf("edited")]);
  });

  test.each(samples.map((s) => [s.name]))("%s: no cell evaluates to an error", (name) => {
    const sheets = computed.get(fileOf(name))!;
    expect(sheets.size).toBe(specs.get(name)!.sheets.length);
    const errors = [...sheets].flatMap(([sheet, rows]) => rows.flatMap((row, r) => row.flatMap((c, k) => (ERROR_TEXT.test(c) ? [`${sheet}!R${r + 1}C${k + 1}=${c}`] : []))));
    expect(errors).toEqual([]);
  });

  test.each(samples.map((s) => [s.name]))("%s: every *_Flag name and Scale_Phase hold what the core computes", (name) => {
    const sample = samples.find((s) => s.name === name)!;
    const actual = namedCells(specs.get(name)!, computed.get(fileOf(name))!);
    const expected = expectedNames(sample.actuals, sample.options.phases);
    expect(expected.size).toBeGreaterThan(5);
    const got = new Map([...expected.keys()].map((k) => [k, actual.get(k)] as const));
    expect(got).toEqual(expected);
  });

  test("the samples reach the phase they were built for, so the comparison is not vacuous", () => {
    for (const n of [1, 2, 3, 4]) {
      expect(namedCells(specs.get(`phase${n}`)!, computed.get(fileOf(`phase${n}`))!).get(NAMES.phase)).toBe(String(n));
    }
    const risky = namedCells(specs.get("risks")!, computed.get(fileOf("risks"))!);
    expect(["quality_loss", "team_overload", "cash_burn", "competition"].map((g) => risky.get(NAMES.riskFlag(g)))).toEqual(["RISK", "RISK", "RISK", "RISK"]);
    const levels = new Set([0, 1, 2].flatMap((k) => [...namedCells(specs.get(`boundary${k}`)!, computed.get(fileOf(`boundary${k}`))!).values()]));
    expect(["OK", "WATCH", "RISK"].filter((l) => levels.has(l))).toEqual(["OK", "WATCH", "RISK"]);
  });

  test("edits on the Thresholds sheet move the flags, as SCALE.* with that sheet as thresholds says", () => {
    const sample = samples.find((s) => s.name === "blanks")!;
    const before = namedCells(specs.get("blanks")!, computed.get(fileOf("blanks"))!);
    const after = namedCells(specs.get("edited")!, computed.get(fileOf("edited"))!);
    const watched = [NAMES.phaseFlag(1, "mrr"), NAMES.phaseFlag(1, "churn"), NAMES.riskFlag("cash_burn"), NAMES.phase];
    // MRR 510,000 against 600,000; churn 4.9% against 4.5%; burn 520,000 against 600,000.
    expect(watched.map((n) => before.get(n))).toEqual(["OK", "OK", "WATCH", "1"]);
    expect(watched.map((n) => after.get(n))).toEqual(["RISK", "WATCH", "OK", "0"]);
    const sheets = computed.get(fileOf("edited"))!;
    const mrrRow = PHASE_SHEET.metricRow(metricIndex("mrr"));
    expect([PHASE_SHEET.targetColumn(1), PHASE_SHEET.gapColumn(1)].map((c) => cellText(sheets.get("Fase 1")!, `${columnLetter(c)}${mrrRow}`))).toEqual(["600000", "90000"]);
    // The core, reading LibreOffice's Thresholds sheet the way SCALE.*(..., thresholds) reads it, agrees on every name.
    const thresholds = asRange(sheets.get("Umbrales")!);
    expect(THRESHOLD_EDITS.map(([ref]) => thresholds[cellPosition(ref).row - 1][cellPosition(ref).col - 1])).toEqual(THRESHOLD_EDITS.map(([, v]) => v));
    const expected = expectedNames(sample.actuals, undefined, thresholds);
    expect(new Map([...expected.keys()].map((k) => [k, after.get(k)]))).toEqual(expected);
  });

  test("LibreOffice reads the dashboard chart and plots the values it computed in the dashboard's cells", async () => {
    const spec = specs.get("mixed")!;
    const [described] = spec.charts;
    const saved = resave(fileOf("mixed"), path.join(dir, "resaved"));
    const charts = await readCharts(fs.readFileSync(saved));
    const dashboardName = spec.sheets.find((s) => s.key === described.sheet)!.name;
    expect(charts.map((c) => [c.sheet, c.title, c.series.map((s) => s.name)])).toEqual([
      [dashboardName, described.title, described.series.map((s) => s.name)],
    ]);
    const dashboard = computed.get(fileOf("mixed"))!.get(dashboardName)!;
    /** What LibreOffice computed in a series' cells: point index -> number, blanks left out. */
    const cellsOf = (range: string) => {
      const [from, to] = range.split(":").map(cellPosition);
      const points = new Map<number, number>();
      for (let row = from.row; row <= to.row; row++) {
        const value = numberOf(cellText(dashboard, `${columnLetter(from.col)}${row}`));
        if (value !== undefined) points.set(row - from.row, value);
      }
      return points;
    };
    charts[0].series.forEach((s, i) => {
      const expected = cellsOf(described.series[i].values);
      expect(expected.size).toBeGreaterThan(3);
      expect([...s.cached.keys()]).toEqual([...expected.keys()]);
      for (const [k, v] of expected) expect(s.cached.get(k)).toBeCloseTo(v, 6);
    });
  });

  describeWith(["pdftoppm"], "rendered to PNG pages", () => {
    test("the rendered workbook shows flags coloured green, amber and red (PNG artifacts in test-artifacts/libreoffice)", () => {
      fs.rmSync(ARTIFACTS, { recursive: true, force: true });
      const pages = renderPages(fileOf("mixed"), ARTIFACTS);
      expect(pages.length).toBeGreaterThanOrEqual(4);
      const pdf = path.join(ARTIFACTS, "mixed.pdf");
      const pixelsNear = (rgb: Buffer, hex: string) => {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        let n = 0;
        for (let i = 0; i + 2 < rgb.length; i += 3) if (Math.abs(rgb[i] - r) < 6 && Math.abs(rgb[i + 1] - g) < 6 && Math.abs(rgb[i + 2] - b) < 6) n++;
        return n;
      };
      // Page 1 is the dashboard: its four risk levels are OK, WATCH, RISK and blank.
      const dashboard = pagePixels(pdf, 1);
      expect(LEVELS.map((level) => pixelsNear(dashboard, LEVEL_FILL[level]) > 20)).toEqual([true, true, true]);
      const allPages = Array.from({ length: pages.length }, (_, i) => pagePixels(pdf, i + 1));
      for (const level of LEVELS) expect(allPages.reduce((n, p) => n + pixelsNear(p, LEVEL_FILL[level]), 0)).toBeGreaterThan(200);
    });
  });
});
