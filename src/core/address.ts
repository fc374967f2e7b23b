/**
 * Cell addresses as the add-in writes them (formulas, workbook names, charts) and shows them (the
 * task pane's flagged cells, import cells, formula ranges), and reads them back: one rule for
 * quoting a sheet name, one parser. Excel's rule: a sheet name is written in single quotation marks
 * only where it needs them, an apostrophe in it doubled ('It''s'!A1); Excel reports addresses and
 * shows formulas that way (Tracking!N6, 'Phase 1'!D4), dropping quotes a name does not need.
 * Microsoft's "Create or change a cell reference"
 * (https://support.microsoft.com/office/create-or-change-a-cell-reference-c7b8b95d-c594-4488-947e-c835903cebaa)
 * encloses a sheet name with spaces or non-alphabetical characters in single quotation marks, and
 * a name that reads as a cell reference needs them too (Microsoft Knowledge Base Q60547, "Linking
 * Worksheets with an R# or A$ Name": a sheet named R1 is written 'R1'!). Quoting a name Excel
 * would leave bare (one with accented letters, say) is still a valid reference.
 */

export function columnLetter(index: number): string {
  let n = index;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const cell = (column: number, row: number): string =>
  `${columnLetter(column)}${row}`;

export const absolute = (column: number, row: number): string =>
  `$${columnLetter(column)}$${row}`;

/** "D4" or "$D$4" -> 1-based column and row. */
export function cellPosition(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`Not a cell reference: ${ref}`);
  return {
    col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0),
    row: Number(m[2]),
  };
}

/** Letters, digits, "_" and ".", not starting with a digit or ".": what a bare sheet name may hold. */
const BARE = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** Names Excel would read as a reference: A1 style (Q1, XFD9) or R1C1 style (R, C, RC, R2C3). */
const READS_AS_REFERENCE = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/;

/** A sheet name as a reference writes it: bare where Excel needs no quotes, else quoted. */
export function quoteSheet(sheet: string): string {
  return BARE.test(sheet) && !READS_AS_REFERENCE.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** `ref` on `sheet`: "Tracking!N6", "'Phase 1'!$D$4:$I$4". */
export const onSheet = (sheet: string, ref: string): string =>
  `${quoteSheet(sheet)}!${ref}`;

/** One cell of `sheet`, as Excel reports it. */
export const cellAddress = (sheet: string, col: number, row: number): string =>
  onSheet(sheet, cell(col, row));

/** A sheet name as written before a "!", quoted or not, back to the name. */
const unquoteSheet = (written: string): string =>
  written.startsWith("'") ? written.slice(1, -1).replace(/''/g, "'") : written;

/** "'It''s'!B2:C3" -> the sheet ("It's") and the reference after the "!" ("B2:C3"). */
export function splitAddress(address: string): { sheet: string; ref: string } {
  const bang = address.lastIndexOf("!");
  return {
    sheet: unquoteSheet(address.slice(0, bang)),
    ref: address.slice(bang + 1),
  };
}

export interface Address {
  readonly sheet: string;
  readonly start: { col: number; row: number };
  readonly end: { col: number; row: number };
}

/** "'Phase 1'!$D$4:$I$4" or "Risks!R4" (as Excel reports addresses) -> sheet and corners. */
export function parseAddress(address: string): Address {
  const { sheet, ref } = splitAddress(address);
  const [from, to] = ref.split(":");
  return { sheet, start: cellPosition(from), end: cellPosition(to ?? from) };
}

/**
 * A formula with every quoted sheet name written as quoteSheet writes it ('Thresholds'!E5 ->
 * Thresholds!E5): how Excel gives back a formula it was given.
 */
export const requoteSheets = (formula: string): string =>
  formula.replace(
    /'((?:[^'"]|'')+)'!/g,
    (_, written: string) => `${quoteSheet(unquoteSheet(`'${written}'`))}!`,
  );
