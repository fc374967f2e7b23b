/** The .xlsx writer only translates: read the file back with exceljs and find the whole description in it. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellPosition, describeWorkbook, LEVEL_FILL, NAMES, TEMPLATE_LABELS, TemplateOptions, TRACKING } from "../../src/core/template";
import { spacerCell } from "../../src/xlsx/chart";
import { writeWorkbook } from "../../src/xlsx/write";
import { SCENARIOS } from "../support/scenarios";
import { readCharts } from "../support/charts";
import { onSheet } from "../../src/core/address";
import { CHANNELS } from "../../src/core/template/channels-layout";
import { DEPARTMENTS_SHEET, departmentMonthColumn } from "../../src/core/template/departments-layout";

const options: TemplateOptions = { ...SCENARIOS[3].options, sheetNames: { thresholds: "Umbrales (2)" } };
const spec = describeWorkbook(options);
const wb = new ExcelJS.Workbook();
const sheetOf = (key: string) => wb.getWorksheet(spec.sheets.find((s) => s.key === key)!.name)!;

/** What exceljs reads back but its typings leave out. */
interface ReadBack {
  readonly conditionalFormattings: { ref: string; rules: ExcelJS.ExpressionRuleType[] }[];
  getTables(): { table: { name: string; tableRef: string; columns: { name: string }[] } }[];
}
const readBack = (ws: ExcelJS.Worksheet) => ws as unknown as ReadBack;

beforeAll(async () => {
  await wb.xlsx.load((await writeWorkbook(spec)) as unknown as ArrayBuffer);
});

test("the sheets, in the described order and names", () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual(spec.sheets.map((s) => s.name));
});

test("every described cell holds its value or formula and number format", () => {
  for (const s of spec.sheets) {
    const ws = wb.getWorksheet(s.name)!;
    for (const c of s.cells) {
      const got = ws.getCell(c.ref);
      // exceljs reads a number with a date format (the month headers) back as a Date.
      const read = got.value instanceof Date ? Math.round((got.value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000) : got.value;
      const content = c.formula !== undefined ? (got.value as ExcelJS.CellFormulaValue).formula : read;
      expect([s.name, c.ref, content]).toEqual([s.name, c.ref, c.formula ?? c.value ?? null]);
      if (c.numberFormat) expect([c.ref, got.numFmt]).toEqual([c.ref, c.numberFormat]);
    }
  }
});

test("workbook names point at the described ranges on the final sheet names", () => {
  const unquote = (r: string) => r.replace(/'/g, "");
  for (const n of spec.names) {
    const sheetName = spec.sheets.find((s) => s.key === n.sheet)!.name;
    expect(wb.definedNames.getRanges(n.name).ranges.map(unquote)).toEqual([`${sheetName}!${n.ref}`]);
  }
});

test("tables with the described names, ranges and headers", () => {
  for (const t of spec.tables) {
    const found = readBack(sheetOf(t.sheet))
      .getTables()
      .map((x) => x.table)
      .find((x) => x.name === t.name)!;
    expect([found.tableRef, found.columns.map((c) => c.name)]).toEqual([t.ref, t.columns]);
  }
});

test("conditional formats: every rule with its formula, level colour and a unique priority", () => {
  for (const s of spec.sheets) {
    const rules = readBack(wb.getWorksheet(s.name)!).conditionalFormattings.flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })));
    const described = spec.rules.filter((r) => r.sheet === s.key);
    expect(rules.map(({ ref, rule }) => [ref, rule.formulae![0], rule.style!.fill]).sort()).toEqual(
      described.map((r) => [r.ref, r.formula, { type: "pattern", pattern: "solid", bgColor: { argb: `FF${LEVEL_FILL[r.level].slice(1)}` } }]).sort(),
    );
    expect(new Set(rules.map(({ rule }) => rule.priority)).size).toBe(rules.length);
  }
});

test("data validation on every input cell of every described range", () => {
  for (const v of spec.validations) {
    const ws = sheetOf(v.sheet);
    const [from, to = from] = v.ref.split(":").map((r) => ws.getCell(r));
    for (let row = Number(from.row); row <= Number(to.row); row++) {
      for (let col = Number(from.col); col <= Number(to.col); col++) {
        const want =
          v.kind === "decimal" || v.kind === "whole"
            ? { type: v.kind, operator: "between", formulae: [v.min, v.max] }
            : v.kind === "list"
              ? { type: "list", formulae: [`"${v.values.join(",")}"`] }
              : { type: "date", operator: "greaterThan" };
        expect(ws.getCell(row, col).dataValidation).toMatchObject({ ...want, error: v.message });
      }
    }
  }
});

test("a count's month cells take whole numbers only, an amount's decimals (product.md 13: new customers, a KPI counted)", () => {
  const channels = sheetOf("channels");
  const departments = sheetOf("departments");
  const at = (ws: ExcelJS.Worksheet, row: number) => ws.getCell(row, CHANNELS.columns.firstMonth).dataValidation;
  expect(at(channels, CHANNELS.measureRow(0, "customers"))).toMatchObject({ type: "whole", operator: "between", formulae: [0, 1e15] });
  expect(at(channels, CHANNELS.measureRow(9, "customers"))).toMatchObject({ type: "whole" });
  expect(at(channels, CHANNELS.measureRow(0, "spend"))).toMatchObject({ type: "decimal" });
  expect(at(channels, CHANNELS.measureRow(9, "new_mrr"))).toMatchObject({ type: "decimal" });
  const column = (t: number) => departmentMonthColumn(t);
  for (const id of ["sales.team_size", "marketing.content_volume"])
    expect([id, departments.getCell(DEPARTMENTS_SHEET.kpiRow(id), column(1)).dataValidation]).toMatchObject([id, { type: "whole" }]);
  expect(departments.getCell(DEPARTMENTS_SHEET.inputRow("product.patents"), column(1)).dataValidation).toMatchObject({ type: "whole" });
});

test("column widths, frozen panes, collapsed column groups and hidden rows", () => {
  for (const s of spec.sheets) {
    const ws = wb.getWorksheet(s.name)!;
    for (const [column, width] of Object.entries(s.columnWidths)) expect([s.name, column, ws.getColumn(column).width]).toEqual([s.name, column, width]);
    if (s.freeze) expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: s.freeze.columns, ySplit: s.freeze.rows });
    const grouped = ws.columns.filter((c) => c.outlineLevel === 1 && c.hidden).map((c) => c.letter);
    const from = s.collapsedColumns && ws.getColumn(s.collapsedColumns.from).number;
    const to = s.collapsedColumns && ws.getColumn(s.collapsedColumns.to).number;
    expect([s.name, grouped]).toEqual([s.name, from && to ? Array.from({ length: to - from + 1 }, (_, k) => ws.getColumn(from + k).letter) : []]);
    const hidden: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => row.hidden && hidden.push(n));
    expect([s.name, hidden]).toEqual([s.name, s.hiddenRows ?? []]);
  }
  // The phase chart's copy of Phase reached is the one hidden row (its #N/A are for the chart).
  expect(spec.sheets.find((s) => s.key === "tracking")!.hiddenRows).toEqual([TRACKING.plottedPhase]);
});

test("styled cells keep the workbook's face and size, Calibri 11 (the column widths are computed with its digits), a title larger", () => {
  for (const s of spec.sheets) {
    const ws = wb.getWorksheet(s.name)!;
    for (const c of s.cells.filter((x) => x.style)) {
      const font = ws.getCell(c.ref).font;
      expect([s.name, c.ref, font.name, font.size]).toEqual([s.name, c.ref, "Calibri", c.style === "title" ? 14 : 11]);
    }
  }
});

test("page setup: landscape, the Tracking sheet's print area and titles, the dashboard's page break", async () => {
  const tracking = sheetOf("tracking");
  const described = spec.sheets.find((s) => s.key === "tracking")!;
  expect(tracking.pageSetup).toMatchObject({ orientation: "landscape", printArea: described.printArea, printTitlesRow: described.printTitles!.rows, printTitlesColumn: described.printTitles!.columns });
  // exceljs does not read page breaks back: the sheet's XML has them.
  const dashboard = spec.sheets.find((s) => s.key === "dashboard")!;
  const zip = await JSZip.loadAsync(await writeWorkbook(spec));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  expect(xml).toContain(`<rowBreaks count="1" manualBreakCount="1"><brk id="${dashboard.pageBreaks![0]}"`);
});

describe("the dashboard charts (exceljs writes none; addCharts adds the described ones)", () => {
  /** "B9:B28" on a sheet -> the absolute formula a chart series holds, its sheet written as every address is (test/core/address.test.ts). */
  const seriesFormula = (sheet: string, range: string) =>
    onSheet(
      sheet,
      range
        .split(":")
        .map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
        .join(":"),
    );

  test.each([
    ["Spanish, thresholds renamed", spec],
    ["a dashboard whose name needs quoting", describeWorkbook({ ...options, language: "en", sheetNames: { dashboard: "Acme's dashboard" } })],
  ])("%s: the described charts on the dashboard, with their anchors, kinds, titles, series and axes", async (_, s) => {
    const charts = await readCharts(await writeWorkbook(s));
    const sheetName = (key: string) => s.sheets.find((x) => x.key === key)!.name;
    expect(s.charts.length).toBeGreaterThan(0);
    expect(charts).toEqual(
      s.charts.map((c) => {
        const from = cellPosition(c.from);
        const to = cellPosition(c.to);
        return {
          sheet: sheetName(c.sheet),
          from: { col: from.col - 1, row: from.row - 1 },
          to: { col: to.col, row: to.row },
          title: c.title,
          kind: c.kind,
          valueAxis: Object.fromEntries(Object.entries({ min: c.valueAxis.min, max: c.valueAxis.max, logBase: c.valueAxis.logBase }).filter(([, v]) => v !== undefined)),
          // "Show data in hidden rows and columns" where the chart reads a hidden row.
          plotVisibleOnly: !c.plotsHiddenCells,
          blanksAs: "gap",
          // A chart whose #N/A is a gap: one more series, of the empty cell past the first one's row, out of the legend (LibreOffice then leaves gaps).
          unlisted: c.naIsGap ? [seriesFormula(sheetName(c.dataSheet), spacerCell(c))] : [],
          series: c.series.map((x) => ({
            name: x.name,
            categories: seriesFormula(sheetName(c.dataSheet), c.categories),
            values: seriesFormula(sheetName(x.sheet ?? c.dataSheet), x.values),
            cached: new Map(),
          })),
        };
      }),
    );
  });
});

test("the MRR chart plots the budget (product.md 12): a series named Budget whose values are the Budget sheet's MRR row, Budget_mrr, over the chart's months", async () => {
  const en = describeWorkbook({ language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", months: 24 });
  const charts = await readCharts(await writeWorkbook(en));
  const mrr = charts.find((c) => c.title === TEMPLATE_LABELS.en.charts.mrr)!;
  const budget = mrr.series.find((x) => x.name === "Budget");
  const budgetMrr = en.names.find((n) => n.name === NAMES.budget("mrr"))!;
  expect(budgetMrr.sheet).toBe("budget");
  expect(budget?.values).toBe(onSheet("Budget", budgetMrr.ref));
  // The same months as the MRR series: its categories are Tracking's month headers.
  expect(budget?.categories).toBe(mrr.series.find((x) => x.name === "MRR")!.categories);
  const es = describeWorkbook({ language: "es", company: "Acme", currency: "EUR", firstMonth: "2026-01", months: 24 });
  const titled = (await readCharts(await writeWorkbook(es))).find((c) => c.title === TEMPLATE_LABELS.es.charts.mrr)!;
  expect(titled.series.find((x) => x.name === "Presupuesto")?.values).toBe(onSheet("Presupuesto", budgetMrr.ref));
});
