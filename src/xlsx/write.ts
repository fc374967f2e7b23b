/**
 * The workbook description -> an .xlsx file, with exceljs. Translation only: every value,
 * formula, name, rule and format comes from the description. exceljs writes the workbook and each
 * sheet's layout, names, rules and validations; sheet-data.ts writes the cells into exceljs's
 * parts, with its styles and shared strings; `addCharts` adds the charts, and the parts are zipped once.
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
import {
  CellsWriter,
  PackageRegistry,
  excelJsParts,
  zipParts,
} from "./package";
import { CellKind, CellRegistry, sheetDataXml } from "./sheet-data";

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
export const STYLES = Object.fromEntries(
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

/** exceljs's value type behind each kind of cell: it picks a format's default number format. */
const VALUE_TYPE: Record<CellKind, ExcelJS.ValueType> = {
  // A formula's cached result is left out (Excel computes it on load), so exceljs types it as empty.
  formula: ExcelJS.ValueType.Null,
  empty: ExcelJS.ValueType.Null,
  number: ExcelJS.ValueType.Number,
  string: ExcelJS.ValueType.String,
  boolean: ExcelJS.ValueType.Boolean,
};

/** The description's styles and number formats as cell formats in exceljs's styles.xml. */
function cellRegistry(registry: PackageRegistry): CellRegistry {
  // Style -> number format -> kind -> id: asked once per cell, so no key string is made per cell.
  const ids = new Map<
    CellStyle | undefined,
    Map<string | undefined, Map<CellKind, number>>
  >();
  return {
    styleId: (style, numFmt, kind) => {
      let byFormat = ids.get(style);
      if (!byFormat) ids.set(style, (byFormat = new Map()));
      let byKind = byFormat.get(numFmt);
      if (!byKind) byFormat.set(numFmt, (byKind = new Map()));
      let id = byKind.get(kind);
      if (id === undefined) {
        const format: Partial<ExcelJS.Style> = style
          ? { ...STYLES[style], numFmt }
          : numFmt
            ? { numFmt }
            : {};
        byKind.set(kind, (id = registry.style(format, VALUE_TYPE[kind])));
      }
      return id;
    },
    stringId: registry.string,
  };
}

/** Each sheet's cells, by its name (src/xlsx/sheet-data.ts). */
export const sheetCells =
  (spec: WorkbookSpec): CellsWriter =>
  (registry) => {
    const cells = cellRegistry(registry);
    return new Map(spec.sheets.map((s) => [s.name, sheetDataXml(s, cells)]));
  };

/** A sheet's layout: column widths, printing, outline, frozen panes. Its cells are sheet-data.ts's. */
function applyLayout(
  sheet: ExcelJS.Worksheet,
  spec: WorkbookSpec["sheets"][number],
): void {
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
  if (spec.freeze)
    sheet.views = [
      {
        state: "frozen",
        xSplit: spec.freeze.columns,
        ySplit: spec.freeze.rows,
      },
    ];
}

/**
 * An Excel table over the described cells. exceljs writes a table's rows into its own cells, which
 * the export leaves out (sheet-data.ts writes the cells): only their count, the table's height, matters.
 */
function addTable(sheet: ExcelJS.Worksheet, table: TableSpec): void {
  const [from, to] = table.ref.split(":").map(cellPosition);
  sheet.addTable({
    name: table.name,
    ref: table.ref.split(":")[0],
    headerRow: true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: table.columns.map((name) => ({ name, filterButton: true })),
    rows: Array.from({ length: to.row - from.row }, () =>
      table.columns.map(() => null),
    ),
  });
}

export async function writeWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const parts = await excelJsParts(excelJsWorkbook(spec), sheetCells(spec));
  addCharts(parts, spec);
  return zipParts(parts);
}

/** The description as an exceljs workbook: every sheet, table, name, rule and validation; no cells, no charts. */
export function excelJsWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Scale Tracker";
  wb.calcProperties.fullCalcOnLoad = true;
  const sheets = new Map(
    spec.sheets.map((s) => [s.key, wb.addWorksheet(s.name)] as const),
  );
  spec.sheets.forEach((s) => applyLayout(sheets.get(s.key)!, s));

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
