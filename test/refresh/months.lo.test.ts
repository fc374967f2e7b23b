/**
 * Months inserted as columns by LibreOffice itself (its Python bridge, as a user's Insert Columns):
 * LibreOffice moves every reference, name and range of the exported workbook, copies the formulas
 * refresh's plan chooses into the new months (its copy moves references as a paste does), takes the
 * new months' numbers and recalculates. LibreOffice's results, and Gnumeric's recalculation of the
 * file LibreOffice saved, must be what the core computes for the longer timeline.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TRACKING, WorkbookSpec, cellPosition, columnLetter, describeWorkbook, monthColumn, trackingRow } from "../../src/core/template";
import { TIMELINE_ROWS } from "../../src/core/timeline";
import { insertedMonths, planInsertedMonths, sourceMonths, templateRows } from "../../src/officejs/refresh/months-plan";
import { writeWorkbook } from "../../src/xlsx/write";
import { describeWith, enginePath } from "../engines/engines";
import { Values, readValues, recalcGnumeric } from "../support/recalculated";
import { INSERTED_MONTHS, InsertedMonths, expectedNames, expectedRows, longerTimeline, sameValue } from "../support/scenarios";

const trackingOf = (spec: WorkbookSpec) => spec.sheets.find((s) => s.key === "tracking")!;

/**
 * Refresh's plan for the new months, from the Tracking sheet as the description writes it with the
 * columns inserted: a month's cells as Excel's Range.formulas gives them ("=..." or the value).
 */
function planFor(spec: WorkbookSpec, c: InsertedMonths) {
  const cells = new Map(trackingOf(spec).cells.map((x) => [x.ref, x]));
  const months = c.scenario.options.months + c.count;
  const isNew = (k: number) => k >= c.at - 1 && k < c.at - 1 + c.count;
  const column = (k: number) => ({
    offset: k,
    formulas: Array.from({ length: TRACKING.lastRow - TRACKING.headerRow + 1 }, (_, r) => {
      if (isNew(k)) return "";
      const old = k < c.at - 1 ? k : k - c.count;
      const cell = cells.get(`${columnLetter(monthColumn(old + 1))}${TRACKING.headerRow + r}`);
      return cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? "");
    }),
  });
  const inserted = insertedMonths(Array.from({ length: months }, (_, k) => column(k).formulas[0]));
  // No rows inserted: the template's rows are where the layout puts them.
  const rows = templateRows({
    headerRow: TRACKING.headerRow,
    derivedRows: TIMELINE_ROWS.filter((r) => r.derived).map((r) => trackingRow(r.key)),
    targetPhaseRow: TRACKING.phase.get("targetPhase")!,
    lastGroupRow: Math.max(...TRACKING.groups.values()),
  });
  return { inserted, copies: planInsertedMonths(inserted.map(column), sourceMonths(inserted, months).map(column), rows, months) };
}

describeWith(["libreoffice", "gnumeric", "pyuno"], "months inserted as columns in LibreOffice, given their formulas by refresh's plan", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-insert-months-"));
  const results = new Map<string, { libre: Values; gnumeric: Values; inserted: number[] }>();

  beforeAll(async () => {
    for (const [i, c] of INSERTED_MONTHS.entries()) {
      const spec = describeWorkbook(c.scenario.options);
      const input = path.join(dir, `case${i}.xlsx`);
      const output = path.join(dir, "lo", `case${i}.xlsx`);
      fs.mkdirSync(path.dirname(output), { recursive: true });
      fs.writeFileSync(input, await writeWorkbook(spec));
      const { inserted, copies } = planFor(spec, c);
      const toSheet = (offset: number) => monthColumn(offset + 1) - 1;
      const edit = {
        soffice: enginePath("libreoffice"),
        input,
        output,
        sheet: trackingOf(spec).name,
        insertAt: toSheet(c.at - 1),
        count: c.count,
        copies: copies.map((x) => ({ source: toSheet(x.source), target: toSheet(x.target), from: TRACKING.headerRow - 1 + x.from, to: TRACKING.headerRow - 1 + x.to })),
        values: c.typed.map((v) => ({ row: cellPosition(spec.names.find((n) => n.name === `Tracking_${v.key}`)!.ref.split(":")[0]).row - 1, col: toSheet(v.month - 1), value: v.value })),
      };
      fs.writeFileSync(path.join(dir, `edit${i}.json`), JSON.stringify(edit));
      execFileSync(enginePath("pyuno"), [path.join(__dirname, "insert-months.py"), path.join(dir, `edit${i}.json`)], { stdio: "pipe", timeout: 300_000 });
      results.set(c.name, { libre: await readValues(output), gnumeric: await readValues(recalcGnumeric(output, path.join(dir, "gnumeric"))), inserted });
    }
  }, 900_000);

  describe.each(INSERTED_MONTHS.map((c) => [c.name, c] as const))("%s", (_, c) => {
    test("every dashboard name and every month of the computed rows is what the core computes, in LibreOffice and Gnumeric", () => {
      const { libre, gnumeric, inserted } = results.get(c.name)!;
      expect(inserted).toEqual(Array.from({ length: c.count }, (_, k) => c.at - 1 + k));
      const spec = describeWorkbook(c.scenario.options);
      const sheetName = (key: string) => spec.sheets.find((s) => s.key === key)!.name;
      const longer = longerTimeline(c);
      const wrong: string[] = [];
      let compared = 0;
      for (const [engine, values] of [["LibreOffice", libre], ["Gnumeric", gnumeric]] as const) {
        for (const [name, want] of expectedNames(longer)) {
          const n = spec.names.find((x) => x.name === name)!;
          const got = values.get(sheetName(n.sheet))?.get(n.ref.replace(/\$/g, "")) ?? null;
          compared++;
          if (!sameValue(got, want)) wrong.push(`${name}: ${engine} ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
        }
        for (const [name, want] of expectedRows(longer)) {
          const row = cellPosition(spec.names.find((x) => x.name === name)!.ref.split(":")[0]).row;
          want.forEach((w, t) => {
            const got = values.get(sheetName("tracking"))?.get(`${columnLetter(monthColumn(t + 1))}${row}`) ?? null;
            compared++;
            if (!sameValue(got, w)) wrong.push(`${name} month ${t + 1}: ${engine} ${JSON.stringify(got)}, core ${JSON.stringify(w)}`);
          });
        }
      }
      expect(compared).toBeGreaterThan(1000);
      expect(wrong.slice(0, 20)).toEqual([]);
    });
  });
});
