/**
 * A sheet's cells as SpreadsheetML's `<sheetData>` (ECMA-376 Part 1, 18.3.1.80), written from the
 * description in one pass. exceljs renders the rest of the worksheet part; through its cell model
 * a 120-month workbook's 50,000 cells took most of the export's time (docs/performance.md).
 * The markup is the one exceljs 4.4 writes for the same cells, attribute for attribute
 * (test/xlsx/sheet-data.test.ts compares them), with the style ids and shared strings exceljs gives.
 */
import { cell as cellRef, cellPosition } from "../core/address";
import { CellSpec, CellStyle, SheetSpec } from "../core/template";
import { escapeXml } from "./xml";

/** What a cell holds, as far as its markup and its style's default number format go. */
export type CellKind = "formula" | "number" | "string" | "boolean" | "empty";

/** The package's registers a cell's markup points into. */
export interface CellRegistry {
  /** The cell format's index in styles.xml (0: the default format, written as no `s`). */
  styleId(
    style: CellStyle | undefined,
    numberFormat: string | undefined,
    kind: CellKind,
  ): number;
  /** The text's index in sharedStrings.xml. */
  stringId(text: string): number;
}

/** `<sheetData>` as UTF-8 and the used range the worksheet's `<dimension>` gives (none for a sheet without cells). */
export interface SheetCells {
  readonly xml: Buffer;
  readonly dimension?: string;
}

/**
 * Markup written straight into UTF-8 bytes: a 120-month Tracking sheet is 4 MB of it, and held as
 * strings until the end, its pieces kept the garbage collector copying them from young to old space.
 */
class Utf8Writer {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  write(text: string): void {
    // Three bytes at most per UTF-16 unit (a surrogate pair is two units and four bytes).
    if (this.length + text.length * 3 > this.bytes.length) {
      const larger = Buffer.allocUnsafe(
        Math.max(this.bytes.length * 2, this.length + text.length * 3),
      );
      this.bytes.copy(larger, 0, 0, this.length);
      this.bytes = larger;
    }
    this.length += this.bytes.write(text, this.length);
  }

  done(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}

const kindOf = (c: CellSpec): CellKind =>
  c.formula !== undefined
    ? "formula"
    : c.value === undefined
      ? "empty"
      : (typeof c.value as "number" | "string" | "boolean");

function cellXml(c: CellSpec, registry: CellRegistry): string {
  const kind = kindOf(c);
  const style = registry.styleId(c.style, c.numberFormat, kind);
  const open = `<c r="${c.ref}"${style ? ` s="${style}"` : ""}`;
  switch (kind) {
    case "formula":
      return `${open}><f>${escapeXml(c.formula!)}</f></c>`;
    case "number":
      return `${open}><v>${c.value}</v></c>`;
    case "string":
      return `${open} t="s"><v>${registry.stringId(c.value as string)}</v></c>`;
    case "boolean":
      return `${open} t="b"><v>${c.value ? 1 : 0}</v></c>`;
    case "empty":
      return style ? `${open}/>` : "";
  }
}

/** The cells by row number, each row's in column order; a reference described twice is a description's bug. */
function byRow(
  sheet: SheetSpec,
): Map<number, { col: number; cell: CellSpec }[]> {
  const rows = new Map<number, { col: number; cell: CellSpec }[]>();
  for (const cell of sheet.cells) {
    const { row, col } = cellPosition(cell.ref);
    const cells = rows.get(row);
    if (cells) cells.push({ col, cell });
    else rows.set(row, [{ col, cell }]);
  }
  for (const cells of rows.values()) {
    cells.sort((a, b) => a.col - b.col);
    for (let i = 1; i < cells.length; i++)
      if (cells[i].col === cells[i - 1].col)
        throw new Error(
          `${sheet.name}!${cells[i].cell.ref} is described twice`,
        );
  }
  return rows;
}

export function sheetDataXml(
  sheet: SheetSpec,
  registry: CellRegistry,
): SheetCells {
  const rows = byRow(sheet);
  if (rows.size === 0) return { xml: Buffer.from("<sheetData/>") };
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const hidden = new Set(sheet.hiddenRows);
  const out = new Utf8Writer();
  out.write("<sheetData>");
  let [left, right] = [Infinity, 0];
  for (const row of numbers) {
    const cells = rows.get(row)!;
    const [min, max] = [cells[0].col, cells[cells.length - 1].col];
    [left, right] = [Math.min(left, min), Math.max(right, max)];
    out.write(
      `<row r="${row}"${hidden.has(row) ? ' hidden="1"' : ""} spans="${min}:${max}" x14ac:dyDescent="0.25">`,
    );
    for (const { cell } of cells) out.write(cellXml(cell, registry));
    out.write("</row>");
  }
  out.write("</sheetData>");
  const [top, bottom] = [numbers[0], numbers[numbers.length - 1]];
  return {
    xml: out.done(),
    dimension: `${cellRef(left, top)}:${cellRef(right, bottom)}`,
  };
}
