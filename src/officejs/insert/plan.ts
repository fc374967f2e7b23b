/**
 * Insert and rebuild, planned without a host: the described workbook as Excel takes it (one block
 * of formulas and number formats per sheet, each style's cells as a few areas, runs of column
 * widths), free names beside what the workbook holds, what an interrupted insert may have left,
 * and for a rebuild the old tracker's sheets found from its names and the names the new ones end
 * with. Tested without a host.
 */
import { Language, PHASE_NUMBERS, RISK_GROUPS } from "../../core/catalog";
import type { Dropped } from "../../core/rebuild";
import {
  CellSpec,
  CellStyle,
  NAMES,
  SheetKey,
  SheetSpec,
  WorkbookSpec,
  cellPosition,
  columnLetter,
  parseAddress,
  planSheetKey,
} from "../../core/template";
import {
  SHEET_NAMES,
  isDefaultSheetName,
} from "../../core/template/sheet-names";
import type { CellGrid, TrackerCell } from "../../core/tracker-data";
import type { InsertLeft } from "../errors";
import { isFormula } from "../cells";
import { Cell, isBlank } from "../../core/cell";
import { DEPARTMENT_INPUT_ROWS } from "../../core/department-rows";

export interface InsertOptions {
  language: "en" | "es";
  company: string;
  currency: string;
  /** YYYY-MM */
  firstMonth: string;
  /** The timeline's length; default MONTHS.default. */
  months?: number;
}

export interface InsertedSheet {
  key: string;
  name: string;
  renamed: boolean;
}

export interface InsertResult {
  sheets: InsertedSheet[];
  dashboardSheet: string;
  /** Workbook names that already existed and were left as they were. */
  skippedNames: string[];
  syncs: number;
}

/** `name`, or `name (2)`, `name (3)`, ... whichever is free (Excel compares sheet names case-insensitively). */
export function freeName(
  name: string,
  taken: ReadonlySet<string>,
  separator = " ",
): string {
  const isTaken = (n: string) => taken.has(n.toLowerCase());
  if (!isTaken(name)) return name;
  for (let k = 2; ; k++) {
    const suffix = separator === " " ? ` (${k})` : `${k}`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!isTaken(candidate)) return candidate;
  }
}

/** The template's sheet names in `language`, each free beside the workbook's `taken` sheets (lower case) and the ones before it. */
export function freeSheetNames(
  language: Language,
  taken: ReadonlySet<string>,
): Record<SheetKey, string> {
  const used = new Set(taken);
  const names = { ...SHEET_NAMES[language] };
  for (const key of Object.keys(names) as SheetKey[]) {
    names[key] = freeName(names[key], used);
    used.add(names[key].toLowerCase());
  }
  return names;
}

interface Block {
  readonly topLeft: string;
  readonly formulas: Cell[][];
  readonly numberFormats: (string | null)[][];
}

/** What Excel should receive for one described cell: a formula, a number, or text kept as text. */
function cellInput(c: CellSpec): Cell {
  if (c.formula !== undefined) return `=${c.formula}`;
  if (typeof c.value === "string") return `'${c.value}`;
  return c.value ?? null;
}

/** A sheet's cells as one rectangle of formulas and number formats; null leaves a cell as it is. */
export function sheetBlock(sheet: SheetSpec): Block {
  const cells = sheet.cells.map((c) => ({ c, ...cellPosition(c.ref) }));
  const rows = Math.max(...cells.map((x) => x.row));
  const cols = Math.max(...cells.map((x) => x.col));
  const formulas = Array.from({ length: rows }, () =>
    Array<Cell>(cols).fill(null),
  );
  const numberFormats = Array.from({ length: rows }, () =>
    Array<string | null>(cols).fill(null),
  );
  for (const { c, row, col } of cells) {
    formulas[row - 1][col - 1] = cellInput(c);
    if (c.numberFormat) numberFormats[row - 1][col - 1] = c.numberFormat;
  }
  return { topLeft: "A1", formulas, numberFormats };
}

/**
 * The described cells of each style as rectangles: runs of consecutive cells in a row, then runs
 * with the same columns on consecutive rows merged, so a style takes a few dozen areas, not a call per cell.
 */
export function styleAreas(sheet: SheetSpec): Map<CellStyle, string[]> {
  const byStyle = new Map<CellStyle, Map<number, number[]>>();
  for (const c of sheet.cells) {
    if (!c.style) continue;
    const { row, col } = cellPosition(c.ref);
    const rows = byStyle.get(c.style) ?? new Map<number, number[]>();
    const cols = rows.get(row) ?? [];
    cols.push(col);
    rows.set(row, cols);
    byStyle.set(c.style, rows);
  }
  const areas = new Map<CellStyle, string[]>();
  for (const [style, rows] of byStyle) {
    // Row runs as [first column, last column] per row.
    const open = new Map<string, { top: number; bottom: number }>();
    const done: string[] = [];
    const close = (key: string, box: { top: number; bottom: number }) => {
      const [c1, c2] = key.split(":").map(Number);
      done.push(
        `${columnLetter(c1)}${box.top}:${columnLetter(c2)}${box.bottom}`,
      );
    };
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = rows.get(row)!.sort((a, b) => a - b);
      const runs: string[] = [];
      let start = cols[0];
      cols.forEach((col, i) => {
        if (cols[i + 1] !== col + 1) {
          runs.push(`${start}:${col}`);
          start = cols[i + 1];
        }
      });
      for (const [key, box] of open)
        if (!runs.includes(key) || box.bottom !== row - 1) {
          close(key, box);
          open.delete(key);
        }
      for (const key of runs) {
        const box = open.get(key);
        if (box) box.bottom = row;
        else open.set(key, { top: row, bottom: row });
      }
    }
    for (const [key, box] of open) close(key, box);
    areas.set(style, done);
  }
  return areas;
}

/** Consecutive columns of one width as one range: a timeline's months take one call, not one each. */
export function widthRuns(
  widths: Readonly<Record<string, number>>,
): { from: string; to: string; width: number }[] {
  const columns = Object.entries(widths)
    .map(([letter, width]) => ({ col: cellPosition(`${letter}1`).col, width }))
    .sort((a, b) => a.col - b.col);
  const runs: { first: number; last: number; width: number }[] = [];
  for (const { col, width } of columns) {
    const run = runs[runs.length - 1];
    if (run && run.last === col - 1 && run.width === width) run.last = col;
    else runs.push({ first: col, last: col, width });
  }
  return runs.map((r) => ({
    from: columnLetter(r.first),
    to: columnLetter(r.last),
    width: r.width,
  }));
}

/** Each described sheet's cells by reference, made once per description (a chart asks per series). */
export const cellsByRef = new WeakMap<SheetSpec, Map<string, CellSpec>>();

/** Whether the description puts anything (a value or a formula) in a range of a sheet. */
export function holdsCells(
  spec: WorkbookSpec,
  sheet: SheetKey,
  range: string,
): boolean {
  const described = spec.sheets.find((s) => s.key === sheet)!;
  if (!cellsByRef.has(described))
    cellsByRef.set(described, new Map(described.cells.map((c) => [c.ref, c])));
  const cells = cellsByRef.get(described)!;
  const [a, b = a] = range.replace(/\$/g, "").split(":").map(cellPosition);
  for (let row = a.row; row <= b.row; row++)
    for (let col = a.col; col <= b.col; col++) {
      const c = cells.get(`${columnLetter(col)}${row}`);
      if (c && (c.formula !== undefined || !isBlank(c.value))) return true;
    }
  return false;
}

/** What the workbook holds before inserting; names are lower case, as Excel compares them. */
export interface Existing {
  sheets: ReadonlySet<string>;
  /** Defined names and table names: Excel keeps both in one namespace. */
  names: ReadonlySet<string>;
  /**
   * Template names left broken (#REF!) by a template whose sheets were deleted, with their
   * formula: the new template takes them over, and a failed insert puts them back.
   */
  stale: ReadonlyMap<string, string>;
}

/** The workbook's sheets and names as read, for a rebuild to find the tracker in. */
export interface Listed {
  readonly sheets: readonly { readonly name: string; readonly id: string }[];
  readonly names: readonly {
    readonly name: string;
    readonly type: string;
    readonly formula: string;
  }[];
}

/**
 * What an insert that stopped part-way may have added: the template's sheets (their names were
 * free when it began) and the template's names that were free or stale then. Stale names
 * (#REF!) are the insert's to take over, so one whose formula changed is the insert's.
 */
export function insertedBy(spec: WorkbookSpec, existing: Existing) {
  const sheets = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  const names = spec.names
    .map((n) => n.name)
    .filter((n) => {
      const key = n.toLowerCase();
      return !existing.names.has(key) || existing.stale.has(key);
    });
  return { sheets, names };
}

/** What an interrupted insert may have added, when the workbook cannot be read: its sheets and names, sheets without ids. */
export function mayBeLeft(spec: WorkbookSpec, existing: Existing): InsertLeft {
  const ours = insertedBy(spec, existing);
  return {
    sheets: spec.sheets.map((s) => ({ name: s.name, id: "" })),
    names: ours.names.map((name) => ({ name, formula: "" })),
    lost: [],
    checked: false,
  };
}

/** A name on each template sheet: the old tracker's sheets are where these point. */
export const KEY_NAMES: ReadonlyArray<readonly [SheetKey, string]> = [
  ["dashboard", NAMES.reportingMonth],
  ["board", NAMES.board],
  ["tracking", NAMES.months],
  ["budget", NAMES.budget("mrr")],
  ["departments", NAMES.department(DEPARTMENT_INPUT_ROWS[0].key)],
  ["channels", NAMES.channelDiversity],
  ...PHASE_NUMBERS.map((n) => [planSheetKey(n), NAMES.plan(n)] as const),
  ["thresholds", NAMES.target("mrr")],
  ["risks", NAMES.riskFlag(RISK_GROUPS[0].id)],
  ["tools", NAMES.toolsMonthlyCost],
];

/** A workbook name's reference, where it is one range on a sheet: "='Tracking (2)'!$R$4:$BA$4". */
export function referenceOf(formula: string) {
  try {
    return parseAddress(formula.replace(/^=/, ""));
  } catch {
    return undefined;
  }
}

/** The workbook's names by lower-case name. */
export const namesByKey = (listed: Listed) =>
  new Map(listed.names.map((n) => [n.name.toLowerCase(), n]));

/** The old tracker's sheet of each key (by the names on it); undefined when the workbook has no tracker. */
export function trackerSheets(
  listed: Listed,
): Map<SheetKey, { name: string; id: string }> | undefined {
  const names = namesByKey(listed);
  const range = (name: string) => {
    const n = names.get(name.toLowerCase());
    return n?.type === "Range" ? referenceOf(n.formula) : undefined;
  };
  if (!range(NAMES.months)) return undefined;
  const sheets = new Map<SheetKey, { name: string; id: string }>();
  for (const [key, name] of KEY_NAMES) {
    const sheet = range(name)?.sheet;
    const found = listed.sheets.find((s) => s.name === sheet);
    if (found) sheets.set(key, found);
  }
  return sheets;
}

/** Office.js's values and formulas of a range as tracker cells: "=..." is a formula, "" is empty. */
export function toCells(
  values: unknown[][],
  formulas: unknown[][],
  formats?: unknown[][],
): TrackerCell[][] {
  return values.map((row, r) =>
    row.map((v, c) => {
      const f = formulas[r]?.[c];
      const format = formats?.[r]?.[c];
      return {
        value: isBlank(v as Cell) ? null : (v as TrackerCell["value"]),
        ...(isFormula(f) && { formula: (f as string).slice(1) }),
        ...(typeof format === "string" && { numberFormat: format }),
      };
    }),
  );
}

/** A used range's cells placed from A1 (empty rows and columns before it). */
export function fromA1(used: {
  readonly address: string;
  readonly values: unknown[][];
  readonly formulas: unknown[][];
}): CellGrid {
  const { start } = parseAddress(used.address);
  const cells = toCells(used.values, used.formulas);
  const empty = (n: number) =>
    Array.from({ length: n }, (): TrackerCell => ({ value: null }));
  return [
    ...Array.from({ length: start.row - 1 }, () => []),
    ...cells.map((row) => [...empty(start.col - 1), ...row]),
  ];
}

/** Whether the user confirmed exactly these dropped values (the workbook may have changed since). */
export const sameDropped = (a: readonly Dropped[], b: readonly Dropped[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The names the new sheets end with: the old sheet's name where the user gave it one, else the
 * new language's default (the old default in the same language), free once the old sheets go.
 */
export function finalNames(
  spec: WorkbookSpec,
  old: ReadonlyMap<SheetKey, { name: string }>,
  staying: readonly string[],
  language: InsertOptions["language"],
): Map<SheetKey, string> {
  const taken = new Set(staying.map((s) => s.toLowerCase()));
  for (const s of spec.sheets) taken.add(s.name.toLowerCase());
  const finals = new Map<SheetKey, string>();
  for (const s of spec.sheets) {
    const was = old.get(s.key)?.name;
    const wanted =
      was && !isDefaultSheetName(was, s.key)
        ? was
        : SHEET_NAMES[language][s.key];
    taken.delete(s.name.toLowerCase());
    const name = freeName(wanted, taken);
    taken.add(name.toLowerCase());
    finals.set(s.key, name);
  }
  return finals;
}
