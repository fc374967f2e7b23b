/**
 * Inserts the tracking workbook into the open workbook with Office.js: one sync to see what is
 * there (read.ts), one to write everything (here; the cells, styles and widths as plan.ts lays
 * them out). Never overwrites: taken sheet and table names get free ones, existing workbook names
 * are left alone (except template names a deleted template left broken, which the new template
 * takes over). On failure, what was created is deleted again, and what Excel would not let go of
 * is reported (InsertIncompleteError) for the pane to remove later (undo.ts).
 */
import {
  CellStyle,
  ChartSpec,
  SheetKey,
  SheetSpec,
  WorkbookSpec,
  columnLetter,
  columnPoints,
  listSource,
} from "../../core/template";
import { describeWithUserData } from "../../core/rebuild";
import { SHEET_NAMES } from "../../core/template/sheet-names";
import { STYLES, TABLE_STYLE } from "../../core/template/styles";
import { WorkbookError, toWorkbookError } from "../errors";
import { addRules } from "../rules";
import { readExisting } from "./read";
import {
  Existing,
  InsertOptions,
  InsertResult,
  freeName,
  freeSheetNames,
  holdsCells,
  sheetBlock,
  styleAreas,
  widthRuns,
} from "./plan";
import { undoInsert } from "./undo";

export type { InsertOptions, InsertResult, InsertedSheet } from "./plan";

/**
 * Excel needs at least this API set for everything the template uses: validation, charts, and
 * from 1.9 colour rules over several areas (RangeAreas) and the page layout.
 */
export const REQUIRED_API = { set: "ExcelApi", version: "1.9" } as const;

/** Refuses, before anything is read or written, a host without REQUIRED_API (insert and rebuild). */
export function refuseUnsupportedHost(): void {
  if (
    typeof Office !== "undefined" &&
    Office.context?.requirements &&
    !Office.context.requirements.isSetSupported(
      REQUIRED_API.set,
      REQUIRED_API.version,
    )
  )
    throw new WorkbookError("apiNotSupported");
}

/** One sync reads the workbook's sheet, name and table names; one writes the template. */
const INSERT_SYNCS = 2;

/** Excel takes a RangeAreas address of limited length: style areas go in groups of this many. */
const AREAS_PER_CALL = 150;

function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  const s = STYLES[style];
  if (s.bold) format.font.bold = true;
  if (s.italic) format.font.italic = true;
  if (s.size) format.font.size = s.size;
  if (s.color) format.font.color = s.color;
  if (s.fill) format.fill.color = s.fill;
  if (s.center) format.horizontalAlignment = Excel.HorizontalAlignment.center;
}

/** Orientation, fit, print area and titles, page breaks: as the .xlsx writer's page setup. */
function writePageLayout(sheet: Excel.Worksheet, spec: SheetSpec): void {
  const layout = sheet.pageLayout;
  if (spec.printLandscape) layout.orientation = Excel.PageOrientation.landscape;
  layout.zoom = {
    ...(spec.fitTo !== "height" && { horizontalFitToPages: 1 }),
    ...(spec.fitTo !== "width" && { verticalFitToPages: 1 }),
  };
  if (spec.printArea) layout.setPrintArea(spec.printArea);
  if (spec.printTitles) {
    layout.setPrintTitleRows(spec.printTitles.rows);
    layout.setPrintTitleColumns(spec.printTitles.columns);
  }
  for (const row of spec.pageBreaks ?? [])
    sheet.horizontalPageBreaks.add(`A${row + 1}`);
}

/**
 * Range.group and hideGroupDetails need ExcelApi 1.10 (every host the other declared sets allow
 * has it: Windows Version 1907, Mac 16.30). Where a host lacks it the columns stay visible, to
 * the right of the freeze, which product.md 10 allows too.
 */
const canGroup = () =>
  typeof Office === "undefined" ||
  !Office.context?.requirements ||
  Office.context.requirements.isSetSupported("ExcelApi", "1.10");

function writeSheet(sheet: Excel.Worksheet, spec: SheetSpec): void {
  const block = sheetBlock(spec);
  const range = sheet.getRangeByIndexes(
    0,
    0,
    block.formulas.length,
    block.formulas[0].length,
  );
  range.numberFormat = block.numberFormats as string[][];
  range.formulas = block.formulas as string[][];
  for (const [style, areas] of styleAreas(spec))
    for (let k = 0; k < areas.length; k += AREAS_PER_CALL)
      applyStyle(
        sheet.getRanges(areas.slice(k, k + AREAS_PER_CALL).join(", ")).format,
        style,
      );
  for (const { from, to, width } of widthRuns(spec.columnWidths))
    sheet.getRange(`${from}:${to}`).format.columnWidth = columnPoints(width);
  if (spec.collapsedColumns && canGroup()) {
    const details = sheet.getRange(
      `${spec.collapsedColumns.from}:${spec.collapsedColumns.to}`,
    );
    details.group(Excel.GroupOption.byColumns);
    details.hideGroupDetails(Excel.GroupOption.byColumns);
  }
  for (const row of spec.hiddenRows ?? [])
    sheet.getRange(`${row}:${row}`).rowHidden = true;
  if (spec.freeze && spec.freeze.columns > 0) {
    sheet.freezePanes.freezeAt(
      sheet.getRange(
        `A1:${columnLetter(spec.freeze.columns)}${spec.freeze.rows}`,
      ),
    );
  } else if (spec.freeze && spec.freeze.rows > 0) {
    sheet.freezePanes.freezeRows(spec.freeze.rows);
  }
  writePageLayout(sheet, spec);
}

/**
 * A described chart: lines over the months (series by rows) or bars over the metrics (by
 * columns). Excel makes no series from empty cells (product.md section 10: an input row is empty
 * on insert), so the chart is made from the first series whose cells the description fills, and
 * the others are added at their places (ChartSeriesCollection.add(name, index), ExcelApi 1.7).
 */
function addChart(
  sheet: Excel.Worksheet,
  sheetOf: (key: SheetKey) => Excel.Worksheet,
  c: ChartSpec,
  spec: WorkbookSpec,
): void {
  const line = c.kind === "line";
  // A series may read another sheet than the categories (the budget's MRR beside Tracking's):
  // ChartSeries.setValues takes a Range (ExcelApi 1.7,
  // https://learn.microsoft.com/javascript/api/excel/excel.chartseries#excel-excel-chartseries-setvalues-member(1)),
  // and a series' values may be "a range on a worksheet", any worksheet
  // (https://learn.microsoft.com/office/vba/api/Excel.Series.Values).
  const valuesOf = (s: ChartSpec["series"][number]) =>
    sheetOf(s.sheet ?? c.dataSheet).getRange(s.values);
  const source = Math.max(
    0,
    c.series.findIndex((s) =>
      holdsCells(spec, s.sheet ?? c.dataSheet, s.values),
    ),
  );
  const chart = sheet.charts.add(
    line ? Excel.ChartType.line : Excel.ChartType.barClustered,
    valuesOf(c.series[source]),
    line ? Excel.ChartSeriesBy.rows : Excel.ChartSeriesBy.columns,
  );
  chart.title.text = c.title;
  chart.setPosition(c.from, c.to);
  const categories = sheetOf(c.dataSheet).getRange(c.categories);
  // Series go in order: when the k-th is set, the ones before it are in place, so the chart's own
  // series (made first, at the top) has been moved down to index k.
  c.series.forEach((s, k) => {
    const series =
      k === source ? chart.series.getItemAt(k) : chart.series.add(s.name, k);
    series.name = s.name;
    if (k !== source) series.setValues(valuesOf(s));
    series.setXAxisValues(categories);
    // The phase targets (every series after the first): dashed, as in the .xlsx.
    if (line && k > 0) series.format.line.lineStyle = Excel.ChartLineStyle.dash;
  });
  const axis = chart.axes.valueAxis;
  axis.numberFormat = c.valueAxis.numberFormat;
  if (c.valueAxis.min !== undefined) axis.minimum = c.valueAxis.min;
  if (c.valueAxis.max !== undefined) axis.maximum = c.valueAxis.max;
  if (c.valueAxis.logBase !== undefined) axis.logBase = c.valueAxis.logBase;
  if (c.dateFormat) chart.axes.categoryAxis.numberFormat = c.dateFormat;
  // "Show data in hidden rows and columns" (off by default): the chart's data is in hidden rows.
  if (c.plotsHiddenCells) chart.plotVisibleOnly = false;
}

/** Queues every operation of the description; no sync. Returns the sheets and tables (by their described names) it adds. */
export function queueWorkbook(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  existing: Existing,
): {
  skippedNames: string[];
  sheets: ReadonlyMap<SheetKey, Excel.Worksheet>;
  /** By described name: the table, and the name it got (another where that one was taken). */
  tables: ReadonlyMap<string, { table: Excel.Table; name: string }>;
} {
  const sheets = new Map<SheetKey, Excel.Worksheet>();
  for (const s of spec.sheets) {
    const sheet = context.workbook.worksheets.add(s.name);
    sheets.set(s.key, sheet);
    writeSheet(sheet, s);
  }
  const ours = new Set(spec.names.map((n) => n.name.toLowerCase()));
  const replaceable = (name: string) =>
    existing.stale.has(name) && ours.has(name);
  const taken = new Set([...existing.names].filter((n) => !replaceable(n)));
  const tables = new Map<string, { table: Excel.Table; name: string }>();
  for (const t of spec.tables) {
    const table = sheets.get(t.sheet)!.tables.add(t.ref, true);
    const name = freeName(t.name, taken, "");
    table.name = name;
    taken.add(name.toLowerCase());
    table.style = TABLE_STYLE;
    tables.set(t.name, { table, name });
  }
  const skippedNames: string[] = [];
  for (const n of spec.names) {
    const key = n.name.toLowerCase();
    if (taken.has(key)) {
      skippedNames.push(n.name);
      continue;
    }
    if (replaceable(key)) context.workbook.names.getItem(n.name).delete();
    context.workbook.names.add(
      n.name,
      sheets.get(n.sheet)!.getRange(n.ref),
      n.comment,
    );
  }
  addRules(spec.rules, (r) => sheets.get(r.sheet)!);
  for (const v of spec.validations) {
    const validation = sheets.get(v.sheet)!.getRange(v.ref).dataValidation;
    // A count's cells take whole numbers only: DataValidationRule.wholeNumber, a BasicDataValidation
    // like decimal's (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationrule).
    validation.rule =
      v.kind === "decimal" || v.kind === "whole"
        ? {
            [v.kind === "whole" ? "wholeNumber" : "decimal"]: {
              formula1: v.min,
              formula2: v.max,
              operator: Excel.DataValidationOperator.between,
            },
          }
        : v.kind === "list"
          ? { list: { inCellDropDown: true, source: listSource(v.values) } }
          : {
              date: {
                formula1: "1900-01-01",
                operator: Excel.DataValidationOperator.greaterThan,
              },
            };
    validation.errorAlert = {
      message: v.message,
      showAlert: true,
      // Information's OK keeps another value typed (types.ts ValidationSpec othersAllowed); Stop refuses it.
      style:
        v.kind === "list" && v.othersAllowed
          ? Excel.DataValidationAlertStyle.information
          : Excel.DataValidationAlertStyle.stop,
      title: "Scale Tracker",
    };
  }
  for (const c of spec.charts)
    addChart(sheets.get(c.sheet)!, (key) => sheets.get(key)!, c, spec);
  sheets.get("dashboard")?.activate();
  return { skippedNames, sheets, tables };
}

export async function insertTrackingWorkbook(
  context: Excel.RequestContext,
  options: InsertOptions,
): Promise<InsertResult> {
  refuseUnsupportedHost();
  let existing: Existing;
  try {
    existing = await readExisting(context);
  } catch (e) {
    throw toWorkbookError(e);
  }
  const defaults = SHEET_NAMES[options.language];
  const sheetNames = freeSheetNames(options.language, existing.sheets);
  const { spec } = describeWithUserData({ ...options, sheetNames });

  let skippedNames: string[];
  try {
    context.application.suspendApiCalculationUntilNextSync();
    ({ skippedNames } = queueWorkbook(context, spec, existing));
    await context.sync();
  } catch (e) {
    throw await undoInsert(context, spec, existing, toWorkbookError(e));
  }
  return {
    sheets: spec.sheets.map((s) => ({
      key: s.key,
      name: s.name,
      renamed: s.name !== defaults[s.key],
    })),
    dashboardSheet: spec.sheets.find((s) => s.key === "dashboard")!.name,
    skippedNames,
    syncs: INSERT_SYNCS,
  };
}
