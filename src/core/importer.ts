/**
 * Monthly actuals from a table (a CSV file's rows or the cells of a selection) into the timeline
 * (product.md section 7): long form (metric,month,value), wide form (metric, then one column per
 * month) or, for a selection, the transpose (month, then one column per metric). Every row is
 * either read or reported with its line and what is wrong; when any is bad, nothing is read.
 */
import { resolve } from "./lookup";
import { INPUT_MESSAGES, inputProblemIn } from "./input-messages";
import type { InputMessages } from "./messages";
import { CASH_BALANCE, Language } from "./catalog";
import { Measure, TimelineRow, rowOf } from "./timeline";
import {
  EXCEL_DATES,
  addMonths,
  monthsBetween,
  parseYearMonth,
} from "./months";
import { readDecimalText, readWholeText } from "./numbers";

export type TableCell = string | number | boolean | null | undefined;

export interface TableRow {
  /** Line in the file (or row of the selection), for messages. */
  readonly line: number;
  readonly cells: readonly TableCell[];
}

export interface ImportedValue {
  readonly row: TimelineRow;
  /** 1-based position on the timeline. */
  readonly month: number;
  readonly value: number;
  readonly line: number;
}

export interface ImportOptions {
  /** Length of the timeline. */
  readonly months: number;
  /** "YYYY-MM"; default the earliest calendar month of the table. */
  readonly firstMonth?: string;
  /** Semicolon-separated files (Spanish Excel's CSV) write decimal commas. */
  readonly decimalComma?: boolean;
  /** What messages call a row: "line" for a file (default), "row" for a sheet's selection. */
  readonly rowWord?: "line" | "row";
  /** The messages' language: English (default, the command line's), or Spanish for the pane. */
  readonly language?: Language;
}

export type ImportResult =
  | {
      readonly ok: true;
      /** The timeline's first month: the one given, or the table's earliest. */
      readonly firstMonth?: string;
      readonly values: readonly ImportedValue[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

const LONG_HEADER = [
  ["metric", "métrica", "metrica"],
  ["month", "mes"],
  ["value", "valor"],
] as const;

/** A month as the table writes it: a calendar month, or a position on the timeline. */
type MonthSpec =
  | { readonly calendar: string; readonly text: string }
  | { readonly position: number; readonly text: string };

const text = (c: TableCell) =>
  c === null || c === undefined ? "" : String(c).trim();

/** The delimiter of a CSV file, from its first line: semicolons where it has more of them than commas. */
export function csvDelimiter(firstLine: string): "," | ";" {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** Excel date serials (numbers of days since 1899-12-30) in a selection's header -> "YYYY-MM". */
function serialMonth(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Below this, a number in a month cell is a position (1..120); above, an Excel date. */
const FIRST_DATE_SERIAL = 367;

function readMonth(cell: TableCell): MonthSpec | undefined {
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 1 && cell < FIRST_DATE_SERIAL)
      return { position: cell, text: String(cell) };
    if (cell >= FIRST_DATE_SERIAL && cell <= EXCEL_DATES.lastSerial)
      return { calendar: serialMonth(cell), text: serialMonth(cell) };
    return undefined;
  }
  const t = text(cell);
  if (parseYearMonth(t)) return { calendar: t, text: t };
  if (/^\d{4}-\d{2}-01$/.test(t) && parseYearMonth(t.slice(0, 7)))
    return { calendar: t.slice(0, 7), text: t.slice(0, 7) };
  const position = readWholeText(t);
  if (position.kind === "number" && position.value >= 1)
    return { position: position.value, text: t };
  return undefined;
}

/** A value cell: undefined for blank, a number, or the reason it is not one. */
function readValue(
  cell: TableCell,
  decimalComma: boolean,
  m: InputMessages,
): number | string | undefined {
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? cell
      : Number.isNaN(cell)
        ? m.importer.notANumber(String(cell))
        : m.importer.tooLarge(String(cell));
  const t = text(cell);
  if (t === "") return undefined;
  if (t.includes("%")) return m.importer.percentSign(t);
  if (/[$€£¥]|^[A-Z]{3}\s|\s[A-Z]{3}$|\d[ \u00a0']\d/.test(t))
    return m.importer.separators(t);
  let plain = t;
  if (decimalComma) {
    if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t))
      return m.importer.separators(t);
    plain = t.replace(",", ".");
  } else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
    return m.importer.separators(t);
  }
  const read = readDecimalText(plain);
  if (read.kind === "tooLarge") return m.importer.tooLarge(t);
  return read.kind === "number" ? read.value : m.importer.notANumber(t);
}

/** A value's text when a decimal comma made it a fraction ("2,500" read as 2.5), for the count's message. */
const commaWritten = (r: Reader, cell: TableCell): string | undefined =>
  r.decimalComma && typeof cell === "string" && cell.includes(",")
    ? cell.trim()
    : undefined;

/** The timeline row a metric cell names, or why it names none. */
function readMeasure(cell: TableCell, m: InputMessages): Measure | string {
  const t = text(cell);
  const found = resolve(t);
  switch (found.kind) {
    case "metric":
      return found.metric;
    case "indicator":
      return found.indicator;
    case "group":
      return m.importer.groupRow(t);
    case "ambiguous": {
      // revenue_growth is two indicators (cash burn, competition) on one row, mrr_growth's: no ambiguity about where it goes.
      const rows = new Set(
        found.candidates.map((id) => {
          const again = resolve(id);
          return again.kind === "indicator" ? rowOf(again.indicator).key : id;
        }),
      );
      if (rows.size === 1) {
        const again = resolve(found.candidates[0]);
        if (again.kind === "indicator") return again.indicator;
      }
      return m.id.ambiguous(t, found.candidates);
    }
    case "unknown":
      return CASH_SPELLINGS.has(t.toLowerCase())
        ? CASH_BALANCE
        : m.id.unknown(t, found.suggestions);
  }
}

const CASH_SPELLINGS = new Set(
  [
    CASH_BALANCE.id,
    CASH_BALANCE.name.en,
    CASH_BALANCE.name.es,
    ...CASH_BALANCE.aliases,
  ].map((s) => s.toLowerCase()),
);

/** One value read from the table, before months are placed on the timeline. */
interface Entry {
  readonly line: number;
  readonly where: (problem: string) => string;
  readonly measure: Measure;
  readonly month: MonthSpec;
  readonly value: number;
  readonly written?: string;
}

function isLongHeader(cells: readonly string[]): boolean {
  return (
    cells.length >= 3 &&
    cells.slice(3).every((c) => c === "") &&
    LONG_HEADER.every((names, i) =>
      (names as readonly string[]).includes(cells[i]),
    )
  );
}

/** Where a message points: "line 4" in a file, "row 4" in a sheet. */
type Where = (line: number) => string;

interface Reader {
  readonly decimalComma: boolean;
  readonly errors: string[];
  readonly at: Where;
  readonly m: InputMessages;
}

function measureOf(
  r: Reader,
  cell: TableCell,
  where: (p: string) => string,
): Measure | undefined {
  const measure = readMeasure(cell, r.m);
  if (typeof measure === "string") r.errors.push(where(measure));
  return typeof measure === "string" ? undefined : measure;
}

/** metric,month,value: one value per row. */
function readLong(r: Reader, body: readonly TableRow[]): Entry[] {
  const entries: Entry[] = [];
  for (const { line, cells } of body) {
    const where = (p: string) => r.m.importer.at(r.at(line), p);
    const used = cells.map(text);
    while (used.length > 3 && used[used.length - 1] === "") used.pop();
    if (used.length !== 3) {
      r.errors.push(where(r.m.importer.fields(used.length)));
      continue;
    }
    const value = readValue(cells[2], r.decimalComma, r.m);
    if (value === undefined) continue;
    const measure = measureOf(r, cells[0], where);
    const month = readMonth(cells[1]);
    if (!month) r.errors.push(where(r.m.importer.month(used[1])));
    if (typeof value === "string") r.errors.push(where(value));
    if (measure && month && typeof value === "number")
      entries.push({
        line,
        where,
        measure,
        month,
        value,
        written: commaWritten(r, cells[2]),
      });
  }
  return entries;
}

/**
 * One label per row (a metric in the wide form, a month in the transposed form) and one header
 * per column (months, or metrics): every value of the body with its row's and column's labels.
 */
function readGrid(
  r: Reader,
  header: TableRow,
  body: readonly TableRow[],
  monthsAcross: boolean,
): Entry[] {
  const columns = header.cells.slice(1).map((c) => text(c));
  const entries: Entry[] = [];
  const columnMonths = monthsAcross
    ? header.cells.slice(1).map((c) => (text(c) === "" ? null : readMonth(c)))
    : [];
  const columnMeasures = monthsAcross
    ? []
    : header.cells
        .slice(1)
        .map((c) =>
          text(c) === ""
            ? null
            : measureOf(r, c, (p) => r.m.importer.at(r.at(header.line), p)),
        );
  for (const { line, cells } of body) {
    const values = cells
      .slice(1)
      .map((c, i) => ({ i, c, v: readValue(c, r.decimalComma, r.m) }))
      .filter((x) => x.v !== undefined);
    if (values.length === 0) continue;
    const rowWhere = (p: string) => r.m.importer.at(r.at(line), p);
    const rowMeasure = monthsAcross
      ? measureOf(r, cells[0], rowWhere)
      : undefined;
    const rowMonth = monthsAcross ? undefined : readMonth(cells[0]);
    if (!monthsAcross && !rowMonth)
      r.errors.push(rowWhere(r.m.importer.month(text(cells[0]))));
    for (const { i, c, v } of values) {
      const where = (p: string) =>
        r.m.importer.cell(r.at(line), columns[i] || String(i + 2), p);
      const month = monthsAcross ? columnMonths[i] : rowMonth;
      const measure = monthsAcross ? rowMeasure : columnMeasures[i];
      if (monthsAcross && !month) {
        r.errors.push(where(r.m.importer.monthHeader("")));
        continue;
      }
      if (!monthsAcross && columnMeasures[i] === null) {
        r.errors.push(where(r.m.importer.noMetricHeader()));
        continue;
      }
      if (typeof v === "string") r.errors.push(where(v));
      else if (measure && month)
        entries.push({
          line,
          where,
          measure,
          month,
          value: v!,
          written: commaWritten(r, c),
        });
    }
  }
  return entries;
}

const METRIC_HEADER = LONG_HEADER[0] as readonly string[];
const MONTH_HEADER = LONG_HEADER[1] as readonly string[];

function readEntries(rows: readonly TableRow[], r: Reader): Entry[] {
  const nonBlank = rows.filter((x) => x.cells.some((c) => text(c) !== ""));
  const [header, ...body] = nonBlank;
  if (!header) return (r.errors.push(r.m.importer.noMonths()), []);
  const headerText = header.cells.map((c) => text(c).toLowerCase());
  if (isLongHeader(headerText)) return readLong(r, body);
  const fail = (problem: string) => {
    r.errors.push(r.m.importer.at(r.at(header.line), problem));
    return [];
  };
  const got = header.cells.map(text).join(",");
  if (MONTH_HEADER.includes(headerText[0]))
    return readGrid(r, header, body, false);
  if (!METRIC_HEADER.includes(headerText[0]))
    return fail(r.m.importer.header(got));
  const months = header.cells
    .slice(1)
    .map((c) => (text(c) === "" ? null : readMonth(c)));
  const bad = header.cells.slice(1).find((_, i) => months[i] === undefined);
  if (bad !== undefined) return fail(r.m.importer.monthHeader(text(bad)));
  if (months.every((m) => m === null)) return fail(r.m.importer.header(got));
  return readGrid(r, header, body, true);
}

/** Reads `rows` (header first) onto a timeline of `options.months` months. */
export function importActuals(
  rows: readonly TableRow[],
  options: ImportOptions,
): ImportResult {
  const errors: string[] = [];
  const word = options.rowWord ?? "line";
  const language = options.language ?? "en";
  const m = INPUT_MESSAGES[language];
  const at = (line: number) => m.importer.line(word, line);
  const entries = readEntries(rows, {
    decimalComma: options.decimalComma ?? false,
    errors,
    at,
    m,
  });
  const calendar = entries.flatMap((e) =>
    "calendar" in e.month ? [e.month.calendar] : [],
  );
  const firstMonth =
    options.firstMonth ??
    (calendar.length ? [...calendar].sort()[0] : undefined);
  const seen = new Map<string, Entry>();
  const values: ImportedValue[] = [];
  for (const e of entries) {
    const position =
      "position" in e.month
        ? e.month.position
        : monthsBetween(firstMonth!, e.month.calendar) + 1;
    if (position < 1 || position > options.months) {
      errors.push(
        e.where(
          "position" in e.month || !firstMonth
            ? m.importer.positionOutside(position, options.months)
            : m.importer.outsideTimeline(
                e.month.calendar,
                firstMonth,
                addMonths(firstMonth, options.months - 1),
                options.months,
                word !== "row"
                  ? undefined
                  : e.month.calendar < firstMonth
                    ? m.importer.earlierTracking
                    : m.importer.widenTracking,
              ),
        ),
      );
      continue;
    }
    const problem = inputProblemIn(language, e.measure, e.value, e.written);
    if (problem) {
      errors.push(e.where(problem));
      continue;
    }
    const row = rowOf(e.measure);
    const key = `${row.key}@${position}`;
    const earlier = seen.get(key);
    if (earlier) {
      const id = measureId(e.measure);
      const earlierId = measureId(earlier.measure);
      errors.push(
        e.where(
          m.importer.duplicate(
            id,
            firstMonth
              ? addMonths(firstMonth, position - 1)
              : m.importer.monthNumber(position),
            at(earlier.line),
            id !== earlierId ? earlierId : undefined,
          ),
        ),
      );
      continue;
    }
    seen.set(key, e);
    values.push({ row, month: position, value: e.value, line: e.line });
  }
  // In the order of the file: every message starts with its line.
  const lineOf = (e: string) =>
    Number(/^(?:line|row|línea|fila) (\d+)/.exec(e)?.[1] ?? 0);
  errors.sort((a, b) => lineOf(a) - lineOf(b));
  return errors.length
    ? { ok: false, errors }
    : { ok: true, firstMonth, values };
}

const measureId = (m: Measure) =>
  m.kind === "indicator" ? m.qualifiedId : m.id;
