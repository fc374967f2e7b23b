/**
 * The property that keeps the core and the workbook in agreement (product.md sections 4 and 6):
 * random companies on the timeline and random edits to the exported Thresholds tables (new
 * numbers, 0, cleared cells, floors), recalculated by LibreOffice. Every dashboard name must hold
 * what the core computes with the same edited table, as Excel passes it to SCALE.*: empty cells as
 * null (Excel on the web) and as 0 (Excel desktop).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PHASE_METRICS, PHASE_NUMBERS, RISK_INDICATORS, valueRange } from "../../src/core/catalog";
import { Cell } from "../../src/core/cell";
import { parseOverrides } from "../../src/core/thresholds-parser";
import { THRESHOLDS, columnLetter, describeWorkbook } from "../../src/core/template";
import { writeWorkbook } from "../../src/xlsx/write";
import { describeWith } from "../engines/engines";
import { Values, readValues, recalcLibreOffice } from "../support/recalculated";
import { expectedNames, randomScenarios, sameValue } from "../support/scenarios";

const WORKBOOKS = 120;
const MONTHS = 24;

/** A user's edit of one threshold cell: a new number, 0, or the cell cleared. */
interface Edit {
  readonly ref: string;
  readonly value: number | null;
}

const near = (x: number, k: number, m: { min: number; max: number }) => Math.min(m.max, Math.max(m.min, +(x * k).toPrecision(6)));
const newValue = (catalog: number, range: { min: number; max: number }) =>
  fc.oneof(fc.double({ min: 0.6, max: 1.4, noNaN: true }).map((k) => near(catalog, k, range)), fc.constant(0), fc.constant(null));
const targetEdit = fc
  .record({ i: fc.integer({ min: 0, max: PHASE_METRICS.length - 1 }), n: fc.constantFrom(...PHASE_NUMBERS) })
  .chain(({ i, n }) => newValue(PHASE_METRICS[i].targets[n - 1], valueRange(PHASE_METRICS[i])).map((value): Edit => ({ ref: `${columnLetter(THRESHOLDS.targetColumn(n))}${THRESHOLDS.metricRow(i)}`, value })));
const gm = PHASE_METRICS.findIndex((m) => m.floors);
const floorEdit = fc
  .constantFrom(...PHASE_NUMBERS)
  .chain((n) => newValue(PHASE_METRICS[gm].floors![n - 1], valueRange(PHASE_METRICS[gm])).map((value): Edit => ({ ref: `${columnLetter(THRESHOLDS.floorColumn(n))}${THRESHOLDS.metricRow(gm)}`, value })));
const riskEdit = fc
  .integer({ min: 0, max: RISK_INDICATORS.length - 1 })
  .chain((k) => newValue(RISK_INDICATORS[k].threshold, valueRange(RISK_INDICATORS[k])).map((value): Edit => ({ ref: `${columnLetter(THRESHOLDS.thresholdColumn)}${THRESHOLDS.indicatorRow(k)}`, value })));
const edits = fc.array(fc.oneof(targetEdit, targetEdit, floorEdit, riskEdit), { minLength: 1, maxLength: 12 });

/** The Thresholds sheet's two tables as LibreOffice computed them, as Excel passes a range: web (null) or desktop (0) blanks. */
function thresholdsRange(values: Values, desktop: boolean): Cell[][] {
  const cells = values.get("Thresholds")!;
  const last = THRESHOLDS.indicatorRow(RISK_INDICATORS.length - 1);
  return Array.from({ length: last }, (_, r) =>
    Array.from({ length: THRESHOLDS.targetsWidth }, (_, c) => {
      const v = cells.get(`${columnLetter(c + 1)}${r + 1}`);
      return v === undefined || v === null || v === "" ? (desktop ? 0 : null) : (v as Cell);
    }),
  );
}

describeWith(["libreoffice"], "the core and the workbook agree under random threshold edits (LibreOffice)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-agreement-"));
  const scenarios = randomScenarios(WORKBOOKS, MONTHS);
  const edited = fc.sample(edits, { numRuns: WORKBOOKS, seed: 20261201 });
  const specs = scenarios.map((s) => describeWorkbook(s.options));
  let computed: Values[] = [];

  beforeAll(async () => {
    const files: string[] = [];
    for (let k = 0; k < WORKBOOKS; k++) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await writeWorkbook(specs[k])) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("Thresholds")!;
      for (const { ref, value } of edited[k]) sheet.getCell(ref).value = value;
      files.push(path.join(dir, `w${k}.xlsx`));
      await workbook.xlsx.writeFile(files[k]);
    }
    computed = await Promise.all(recalcLibreOffice(files, path.join(dir, "lo")).map(readValues));
  }, 900_000);

  test(`${WORKBOOKS} random companies and threshold edits: every dashboard name as the core computes it, with web and desktop blanks`, () => {
    const disagreements: string[] = [];
    let compared = 0;
    const seen = new Set<string>();
    for (let k = 0; k < WORKBOOKS; k++) {
      const spec = specs[k];
      const sheetName = new Map(spec.sheets.map((s) => [s.key, s.name] as const));
      for (const desktop of [false, true]) {
        const overrides = parseOverrides(thresholdsRange(computed[k], desktop));
        for (const [name, want] of expectedNames(scenarios[k], 1, overrides)) {
          const n = spec.names.find((x) => x.name === name)!;
          const got = computed[k].get(sheetName.get(n.sheet)!)?.get(n.ref.replace(/\$/g, "")) ?? null;
          compared++;
          if (typeof want === "string") seen.add(want);
          if (!sameValue(got, want)) disagreements.push(`workbook ${k} (${desktop ? "desktop" : "web"}) ${name}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}; edits ${JSON.stringify(edited[k])}`);
        }
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // Not vacuous: thousands of names compared, every level and switched-off blanks among them.
    expect(compared).toBeGreaterThan(WORKBOOKS * 100);
    expect(["OK", "WATCH", "RISK", ""].filter((l) => seen.has(l))).toEqual(["OK", "WATCH", "RISK", ""]);
    expect(edited.flat().filter((e) => e.value === 0).length).toBeGreaterThan(20);
    expect(edited.flat().filter((e) => e.value === null).length).toBeGreaterThan(20);
  });
});
