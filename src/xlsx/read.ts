/**
 * A tracking workbook (.xlsx) -> the cells its names refer to, for readTrackerData: the command
 * line's `--from`. Read with exceljs, by the workbook's defined names (the public contract), so a
 * file an earlier version exported, or one Excel or LibreOffice saved, reads the same way.
 */
import ExcelJS from "exceljs";
import { PHASE_NUMBERS, PhaseNumber } from "../core/catalog";
import type { Cell } from "../core/cell";
import { dateSerial } from "../core/months";
import { NAMES, columnLetter, parseAddress } from "../core/template";
import {
  CellGrid,
  TrackerCell,
  TrackerCells,
  trackerNames,
} from "../core/tracker-data";

const cell = (col: number, row: number) => `${columnLetter(col)}${row}`;

/** A cell's value as a spreadsheet holds it: dates as serials, rich text as its text. */
function plain(v: unknown): TrackerCell["value"] {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return dateSerial(v);
  if (typeof v === "object") {
    const o = v as {
      richText?: { text: string }[];
      text?: string;
      error?: string;
    };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if (o.error !== undefined) return o.error;
    if (o.text !== undefined) return o.text;
    return null;
  }
  return v as NonNullable<Cell>;
}

function trackerCell(c: ExcelJS.Cell): TrackerCell {
  const numberFormat = c.numFmt ? { numberFormat: c.numFmt } : {};
  if (c.type === ExcelJS.ValueType.Formula) {
    // A file no spreadsheet calculated (an export) has no result: the value is then empty.
    const { formula, sharedFormula } = c.value as ExcelJS.CellFormulaValue &
      ExcelJS.CellSharedFormulaValue;
    return {
      value: plain(c.result),
      formula: formula ?? sharedFormula ?? "",
      ...numberFormat,
    };
  }
  return { value: plain(c.value), ...numberFormat };
}

/** The cells from `start` to `end` on a sheet, as rows. */
function grid(
  sheet: ExcelJS.Worksheet,
  start: { col: number; row: number },
  end: { col: number; row: number },
): CellGrid {
  const rows: TrackerCell[][] = [];
  for (let r = start.row; r <= end.row; r++) {
    const row: TrackerCell[] = [];
    for (let c = start.col; c <= end.col; c++)
      row.push(trackerCell(sheet.getCell(cell(c, r))));
    rows.push(row);
  }
  return rows;
}

/** A workbook's defined names by lower-case name, with their ranges (exceljs builds its model anew on each read: read once). */
type DefinedNames = ReadonlyMap<string, readonly string[]>;
function definedNames(workbook: ExcelJS.Workbook): DefinedNames {
  const names = new Map<string, readonly string[]>();
  for (const n of workbook.definedNames.model)
    if (!names.has(n.name.toLowerCase()))
      names.set(n.name.toLowerCase(), n.ranges);
  return names;
}

/** A defined name's one range, as sheet and corners; undefined for a name that is missing, broken or not one range. */
function rangeOf(
  workbook: ExcelJS.Workbook,
  names: DefinedNames,
  name: string,
) {
  const ranges = names.get(name.toLowerCase());
  if (ranges?.length !== 1) return undefined;
  const {
    sheet: sheetName,
    start,
    end,
  } = parseAddress(ranges[0].replace(/\$/g, ""));
  const sheet = workbook.getWorksheet(sheetName);
  return sheet && { sheet, start, end };
}

/** What readTrackerData needs of a workbook: its template names' cells, the company cell, the plan sheets. */
export function trackerCells(workbook: ExcelJS.Workbook): TrackerCells {
  const names = definedNames(workbook);
  const named = new Map<string, CellGrid>();
  for (const name of trackerNames()) {
    const range = rangeOf(workbook, names, name);
    if (range) named.set(name, grid(range.sheet, range.start, range.end));
  }
  const reporting = rangeOf(workbook, names, NAMES.reportingMonth);
  const company =
    reporting && reporting.start.row > 1
      ? trackerCell(
          reporting.sheet.getCell(
            cell(reporting.start.col, reporting.start.row - 1),
          ),
        )
      : undefined;
  const plans = new Map<PhaseNumber, CellGrid>();
  for (const n of PHASE_NUMBERS) {
    const sheet = rangeOf(workbook, names, NAMES.plan(n))?.sheet;
    if (sheet)
      plans.set(
        n,
        grid(
          sheet,
          { col: 1, row: 1 },
          { col: sheet.columnCount, row: sheet.rowCount },
        ),
      );
  }
  return { named, plans, ...(company && { company }) };
}

/** Reads an .xlsx file's tracker cells. */
export async function readTrackerFile(file: string): Promise<TrackerCells> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return trackerCells(workbook);
}

/** The sheet each of `names` refers to, for the names the .xlsx file has as one range. */
export async function sheetsOfNames(
  file: string,
  names: readonly string[],
): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const defined = definedNames(workbook);
  const sheets = new Map<string, string>();
  for (const name of names) {
    const range = rangeOf(workbook, defined, name);
    if (range) sheets.set(name, range.sheet.name);
  }
  return sheets;
}
