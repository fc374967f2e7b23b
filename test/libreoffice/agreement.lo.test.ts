/**
 * The property that keeps SCALE.* and the workbook in agreement (product.md section 4): random
 * edits to the exported Thresholds tables (new numbers, 0, cleared cells, floors) and random
 * inputs, recalculated by LibreOffice; every flag the sheets show must equal SCALE.RISK given
 * the same edited table as Excel passes it: empty cells as null (Excel on the web) and as 0
 * (Excel desktop). Scale_Phase must equal SCALE.PHASE the same way.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PHASE_METRICS, PHASE_NUMBERS, PhaseNumber, RISK_GROUPS, RISK_INDICATORS, valueRange } from "../../src/core/catalog";
import { Cell } from "../../src/core/overrides";
import { NAMES, RISK_SHEET, THRESHOLDS, WorkbookSpec, columnLetter, describeWorkbook } from "../../src/core/template";
import { phase, risk } from "../../src/functions/functions";
import { writeWorkbook } from "../../src/xlsx/write";
import { describeWith } from "../engines/engines";
import { latest, randomCompanies } from "../template/expected";
import { cellText, numberOf, recalculate } from "./soffice";

const WORKBOOKS = 150;
const base = { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" } as const;

/** A user's edit of one threshold cell: a new number, 0, or the cell cleared. */
interface Edit {
  readonly ref: string;
  readonly value: number | null;
}

const near = (x: number, k: number, m: { min: number; max: number }) => Math.min(m.max, Math.max(m.min, +(x * k).toPrecision(6)));
const newValue = (catalog: number, range: { min: number; max: number }) =>
  fc.oneof(
    fc.double({ min: 0.6, max: 1.4, noNaN: true }).map((k) => near(catalog, k, range)),
    fc.constant(0),
    fc.constant(null),
  );

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
function thresholdsRange(sheet: string[][], desktop: boolean): Cell[][] {
  const last = THRESHOLDS.indicatorRow(RISK_INDICATORS.length - 1);
  const width = 13;
  return Array.from({ length: last }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const text = sheet[r]?.[c] ?? "";
      if (text === "") return desktop ? 0 : null;
      return numberOf(text) ?? text;
    }),
  );
}

const level = (result: unknown) => {
  const cell = (result as unknown[][])[0][0];
  if (typeof cell === "string") return cell;
  // A group with no values is #N/A; its flag cell is blank.
  if ((cell as { code?: string }).code === "#N/A") return "";
  throw new Error(`SCALE.RISK gave ${JSON.stringify(cell)}`);
};

describeWith(["libreoffice"], "SCALE.* and the workbook's flags agree under random threshold edits (LibreOffice)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-agreement-"));
  const companies = randomCompanies(WORKBOOKS);
  const edited = fc.sample(edits, { numRuns: WORKBOOKS, seed: 20261201 });
  let spec: WorkbookSpec;
  let computed: Map<string, Map<string, string[][]>>;
  const fileOf = (k: number) => path.join(dir, `w${k}.xlsx`);

  beforeAll(async () => {
    for (let k = 0; k < WORKBOOKS; k++) {
      spec = describeWorkbook({ ...base, actuals: companies[k] });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await writeWorkbook(spec)) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("Thresholds")!;
      for (const { ref, value } of edited[k]) sheet.getCell(ref).value = value;
      await workbook.xlsx.writeFile(fileOf(k));
    }
    computed = recalculate(Array.from({ length: WORKBOOKS }, (_, k) => fileOf(k)));
  }, 600_000);

  test(`${WORKBOOKS} random workbooks: every phase flag, indicator flag, group flag and Scale_Phase equal SCALE.RISK / SCALE.PHASE, with web and desktop blanks`, () => {
    const sheetName = new Map(spec.sheets.map((s) => [s.key, s.name] as const));
    const disagreements: string[] = [];
    let compared = 0;
    const levelsSeen = new Set<string>();
    for (let k = 0; k < WORKBOOKS; k++) {
      const sheets = computed.get(fileOf(k))!;
      const named = (name: string) => {
        const n = spec.names.find((x) => x.name === name)!;
        return cellText(sheets.get(sheetName.get(n.sheet)!)!, n.ref.split(":")[0]);
      };
      const actuals = companies[k];
      for (const desktop of [false, true]) {
        const table = thresholdsRange(sheets.get("Thresholds")!, desktop);
        const check = (where: string, shown: string, expected: string) => {
          compared++;
          levelsSeen.add(expected);
          if (shown !== expected) disagreements.push(`workbook ${k} (${desktop ? "desktop" : "web"}) ${where}: sheet ${JSON.stringify(shown)}, SCALE ${JSON.stringify(expected)}; edits ${JSON.stringify(edited[k])}`);
        };
        for (const n of PHASE_NUMBERS as PhaseNumber[])
          for (const m of PHASE_METRICS) {
            const v = latest(actuals, n, m.id);
            check(NAMES.phaseFlag(n, m.id), named(NAMES.phaseFlag(n, m.id)), v === undefined ? "" : level(risk([[m.id]], [[v]], n, table)));
          }
        RISK_GROUPS.forEach((g, gi) => {
          const values = g.indicators.map((i) => latest(actuals, "R", i.qualifiedId) ?? null);
          check(NAMES.riskFlag(g.id), named(NAMES.riskFlag(g.id)), level(risk([[g.id]], [values], null, table)));
          g.indicators.forEach((i, ii) => {
            const shown = cellText(sheets.get("Risks")!, `${columnLetter(RISK_SHEET.flagColumn)}${RISK_SHEET.indicatorRow(gi, ii)}`);
            const v = values[ii];
            check(`Risks flag of ${i.qualifiedId}`, shown, v === null ? "" : level(risk([[i.qualifiedId]], [[v]], null, table)));
          });
        });
        const current = PHASE_METRICS.flatMap((m) => {
          const v = [...PHASE_NUMBERS].reverse().map((n) => latest(actuals, n, m.id)).find((x) => x !== undefined);
          return v === undefined ? [] : [[m.id, v]];
        });
        const reached = current.length ? phase(current, undefined, undefined, table) : "";
        check(NAMES.phase, named(NAMES.phase), String(reached));
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // Not vacuous: thousands of flags compared, every level and switched-off blanks among them.
    expect(compared).toBeGreaterThan(WORKBOOKS * 100);
    expect(["OK", "WATCH", "RISK", ""].filter((l) => levelsSeen.has(l))).toEqual(["OK", "WATCH", "RISK", ""]);
    expect(edited.flat().filter((e) => e.value === 0).length).toBeGreaterThan(20);
    expect(edited.flat().filter((e) => e.value === null).length).toBeGreaterThan(20);
  });
});
