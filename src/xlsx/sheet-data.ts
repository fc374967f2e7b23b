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

/** The bytes XML text writes for the characters it escapes; "" for a control character XML 1.0 cannot hold (escapeXml). */
const ESCAPED: readonly (Buffer | undefined)[] = Array.from(
  { length: 128 },
  (_, c) => {
    const ch = String.fromCharCode(c);
    const escaped = escapeXml(ch);
    return escaped === ch ? undefined : Buffer.from(escaped, "ascii");
  },
);

/**
 * Markup written straight into UTF-8 bytes: a 120-month Tracking sheet is 4 MB of it, and held as
 * strings until the end, its pieces kept the garbage collector copying them from young to old space.
 */
class Utf8Writer {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  /** Room for `units` UTF-16 units written at six bytes each at most (`&quot;`; UTF-8 takes three). */
  private reserve(units: number): void {
    const needed = this.length + units * 6;
    if (needed <= this.bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, needed));
    this.bytes.copy(larger, 0, 0, this.length);
    this.bytes = larger;
  }

  /** Markup, as it is. */
  write(text: string): void {
    this.reserve(text.length);
    this.length += this.bytes.write(text, this.length);
  }

  /** Text, escaped as escapeXml escapes it, without making the escaped string first. */
  writeEscaped(text: string): void {
    this.reserve(text.length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        // A surrogate pair's two units are one character; a lone one becomes U+FFFD, as Buffer writes it.
        const next = text.charCodeAt(i + 1);
        const pair =
          c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
        const end = pair ? i + 2 : i + 1;
        at += bytes.write(text.slice(i, end), at);
        i = end - 1;
        continue;
      }
      const escaped = ESCAPED[c];
      if (escaped === undefined) bytes[at++] = c;
      else at += escaped.copy(bytes, at);
    }
    this.length = at;
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

function writeCell(out: Utf8Writer, c: CellSpec, registry: CellRegistry): void {
  const kind = kindOf(c);
  const style = registry.styleId(c.style, c.numberFormat, kind);
  if (kind === "empty" && !style) return;
  const open = style ? `<c r="${c.ref}" s="${style}"` : `<c r="${c.ref}"`;
  switch (kind) {
    case "formula":
      out.write(`${open}><f>`);
      out.writeEscaped(c.formula!);
      return out.write("</f></c>");
    case "number":
      return out.write(`${open}><v>${c.value}</v></c>`);
    case "string":
      return out.write(
        `${open} t="s"><v>${registry.stringId(c.value as string)}</v></c>`,
      );
    case "boolean":
      return out.write(`${open} t="b"><v>${c.value ? 1 : 0}</v></c>`);
    case "empty":
      return out.write(`${open}/>`);
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
    for (const { cell } of cells) writeCell(out, cell, registry);
    out.write("</row>");
  }
  out.write("</sheetData>");
  const [top, bottom] = [numbers[0], numbers[numbers.length - 1]];
  return {
    xml: out.done(),
    dimension: `${cellRef(left, top)}:${cellRef(right, bottom)}`,
  };
}
