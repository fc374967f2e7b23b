/**
 * The workbook description -> an .xlsx file, with exceljs. Translation only: every value,
 * formula, name, rule and format comes from the description. exceljs writes no charts, so
 * `addCharts` adds the described ones to the parts exceljs rendered, which are then zipped once.
 */
import ExcelJS from "exceljs";
import { cellPosition, onSheet } from "../core/address";
import {
  CellStyle,
  LEVEL_FILL,
  LEVEL_FONT,
  TableSpec,
  WorkbookSpec,
  validationFormulas,
} from "../core/template";
import {
  FONT,
  STYLES as TEMPLATE_STYLES,
  TABLE_STYLE,
} from "../core/template/styles";
import { addCharts } from "./chart";
import { excelJsParts, zipParts } from "./package";

/** exceljs's worksheet has `dataValidations` (a model keyed by address); its typings leave it out. */
interface WithValidations {
  readonly dataValidations: {
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

const solid = (hex: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(hex) },
});

/** The description's styles (core/template/styles.ts) as exceljs styles. */
const STYLES = Object.fromEntries(
  Object.entries(TEMPLATE_STYLES).map(([key, s]) => [
    key,
    {
      // A style's font is whole in an .xlsx: without a face and size, viewers pick their own.
      font: {
        name: FONT.name,
        size: s.size ?? FONT.size,
        bold: s.bold,
        italic: s.italic,
        color: s.color ? { argb: argb(s.color) } : undefined,
      },
      fill: s.fill ? solid(s.fill) : undefined,
      alignment: s.center ? { horizontal: "center" } : undefined,
    } as Partial<ExcelJS.Style>,
  ]),
) as Record<CellStyle, Partial<ExcelJS.Style>>;

/**
 * A sheet's cells by reference, found by row and column numbers: exceljs's getCell("DO4") decodes
 * each reference into an object of new strings, 40,000 times for a 120-month workbook.
 */
function cellFinder(sheet: ExcelJS.Worksheet): (ref: string) => ExcelJS.Cell {
  const columns = new Map<string, number>();
  return (ref) => {
    let digits = 0;
    while (ref.charCodeAt(digits) >= 65) digits++;
    const letters = ref.slice(0, digits);
    let column = columns.get(letters);
    if (column === undefined)
      columns.set(letters, (column = cellPosition(ref).col));
    const row = Number(ref.slice(digits));
    if (!(row > 0)) throw new Error(`Not a cell reference: ${ref}`);
    return sheet.getRow(row).getCell(column);
  };
}

function applyCells(
  sheet: ExcelJS.Worksheet,
  spec: WorkbookSpec["sheets"][number],
): void {
  // One style object per style and number format: cells share it (exceljs keeps a style id per object).
  const styles = new Map<
    CellStyle,
    Map<string | undefined, Partial<ExcelJS.Style>>
  >();
  const styleOf = (style: CellStyle, numFmt: string | undefined) => {
    let byFormat = styles.get(style);
    if (!byFormat) styles.set(style, (byFormat = new Map()));
    let shared = byFormat.get(numFmt);
    if (!shared) byFormat.set(numFmt, (shared = { ...STYLES[style], numFmt }));
    return shared;
  };
  const cellAt = cellFinder(sheet);
  for (const c of spec.cells) {
    const target = cellAt(c.ref);
    if (c.formula !== undefined)
      target.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) target.value = c.value;
    if (c.style) target.style = styleOf(c.style, c.numberFormat);
    else if (c.numberFormat) target.numFmt = c.numberFormat;
  }
  for (const [column, width] of Object.entries(spec.columnWidths))
    sheet.getColumn(column).width = width;
  if (spec.printLandscape) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: spec.fitTo === "height" ? 0 : 1,
      fitToHeight: spec.fitTo === "width" ? 0 : 1,
      // exceljs puts a "$" before each corner ("A1" -> "$A1"): give it the rest of an absolute reference.
      printArea: spec.printArea?.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
      printTitlesRow: spec.printTitles?.rows,
      printTitlesColumn: spec.printTitles?.columns,
    };
  }
  for (const row of spec.pageBreaks ?? []) sheet.getRow(row).addPageBreak();
  if (spec.collapsedColumns) {
    const { from, to } = spec.collapsedColumns;
    const [first, last] = [from, to].map((c) => sheet.getColumn(c).number);
    for (let c = first; c <= last; c++)
      Object.assign(sheet.getColumn(c), { outlineLevel: 1, hidden: true });
    sheet.properties.outlineLevelCol = 1;
  }
  for (const row of spec.hiddenRows ?? []) sheet.getRow(row).hidden = true;
  if (spec.freeze)
    sheet.views = [
      {
        state: "frozen",
        xSplit: spec.freeze.columns,
        ySplit: spec.freeze.rows,
      },
    ];
}

/** An Excel table over cells already written; exceljs rewrites the same values into them. */
function addTable(sheet: ExcelJS.Worksheet, table: TableSpec): void {
  const [from, to] = table.ref.split(":").map((ref) => sheet.getCell(ref));
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = Number(from.row) + 1; r <= Number(to.row); r++) {
    rows.push(
      table.columns.map((_, c) => sheet.getCell(r, Number(from.col) + c).value),
    );
  }
  sheet.addTable({
    name: table.name,
    ref: from.address,
    headerRow: true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: table.columns.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

export async function writeWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const parts = await excelJsParts(excelJsWorkbook(spec));
  addCharts(parts, spec);
  return zipParts(parts);
}

/** The description as an exceljs workbook: every sheet, table, name, rule and validation; no charts. */
export function excelJsWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Scale Tracker";
  wb.calcProperties.fullCalcOnLoad = true;
  const sheets = new Map(
    spec.sheets.map((s) => [s.key, wb.addWorksheet(s.name)] as const),
  );
  spec.sheets.forEach((s) => applyCells(sheets.get(s.key)!, s));

  for (const t of spec.tables) addTable(sheets.get(t.sheet)!, t);
  for (const n of spec.names) {
    wb.definedNames.add(onSheet(sheets.get(n.sheet)!.name, n.ref), n.name);
  }
  // Unique priorities per sheet, as Excel writes them; the levels exclude each other, so order is moot.
  spec.rules.forEach((r, i) => {
    sheets.get(r.sheet)!.addConditionalFormatting({
      ref: r.ref,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [r.formula],
          style: {
            fill: {
              type: "pattern",
              pattern: "solid",
              bgColor: { argb: argb(LEVEL_FILL[r.level]) },
            },
            font: { color: { argb: argb(LEVEL_FONT[r.level]) } },
          },
        },
      ],
    });
  });
  // One validation per described range: exceljs writes a range key as its sqref as it is
  // (set per cell, it compares every cell with its neighbours to merge them again).
  for (const v of spec.validations) {
    const rule: ExcelJS.DataValidation =
      v.kind === "decimal" || v.kind === "whole"
        ? { type: v.kind, operator: "between", formulae: [v.min, v.max] }
        : v.kind === "list"
          ? { type: "list", formulae: validationFormulas(v) }
          : {
              type: "date",
              operator: "greaterThan",
              formulae: [new Date(Date.UTC(1900, 0, 1))],
            };
    (sheets.get(v.sheet)! as unknown as WithValidations).dataValidations.add(
      v.ref,
      {
        ...rule,
        allowBlank: true,
        showErrorMessage: true,
        // Information lets another value through (types.ts ValidationSpec othersAllowed).
        ...(v.kind === "list" &&
          v.othersAllowed && { errorStyle: "information" }),
        errorTitle: "Scale Tracker",
        error: v.message,
      },
    );
  }
  return wb;
}
