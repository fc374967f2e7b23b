/**
 * Monthly actuals from a table (a CSV file's rows or the cells of a selection) into the timeline
 * (product.md sections 7 and 11): long form (metric,month,value), wide form (a label or nothing,
 * then one column per month) or, for a selection, the transpose (month, then one column per
 * metric). Finance layouts as they come: title rows above the header, month headers as dates or
 * as text in English or Spanish, empty rows, and Total rows and columns skipped and listed; a
 * label the lookup does not know may be mapped to a measure by the user. Every row is either
 * read, skipped and listed, or reported with its line and what is wrong; when any is bad,
 * nothing is read. Values unusually far from their neighbours are warned about, never refused.
 */
import { Cell, isBlank } from "./cell";
import {
  normalizeKey,
  otherMeasureNamed,
  resolve,
  suggestMeasures,
} from "./lookup";
import { INPUT_MESSAGES, inputProblemIn } from "./input-messages";
import type { InputMessages } from "./messages-input";
import { Language } from "./catalog";
import { Measure, TimelineRow, rowOf } from "./timeline";
import {
  EXCEL_DATES,
  addMonths,
  monthLabel,
  monthsBetween,
  readMonthText,
  yearMonthOf,
} from "./months";
import { readDecimalText, readWholeText } from "./numbers";
import { UnusualValue, unusualValues } from "./unusual";
import {
  InputSheet,
  SheetInput,
  ownChannelNamed,
  sheetInputNamed,
  sheetInputProblem,
  suggestSheetInputs,
} from "./sheet-inputs";
import { SHEET_NAMES } from "./template/sheet-names";

/** A row typed on the Departments or Channels sheet (product.md 13): its key is department-rows.ts's. */
export interface SheetInputRow {
  readonly key: string;
  readonly id: string;
  readonly sheet: InputSheet;
  readonly measure: SheetInput;
}

/** Where an imported value goes: a timeline row (Tracking's, or the budget's), or a Departments or Channels row. */
export type ImportRow = TimelineRow | SheetInputRow;

/** What a label names: a timeline measure or a Departments or Channels row. */
type Target = Measure | SheetInput;

const isSheetInput = (t: Target): t is SheetInput => t.kind === "sheetInput";

/** The row a target's values go to. */
const rowFor = (t: Target): ImportRow =>
  isSheetInput(t)
    ? { key: t.id, id: t.id, sheet: t.sheet, measure: t }
    : rowOf(t);

/** Whether an imported value goes to the Departments or Channels sheet. */
export const isSheetInputRow = (row: ImportRow): row is SheetInputRow =>
  "sheet" in row;

export interface TableRow {
  /** Line in the file (or row of the selection), for messages. */
  readonly line: number;
  readonly cells: readonly Cell[];
}

export interface ImportedValue {
  readonly row: ImportRow;
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
  /**
   * The user's choice for labels the lookup does not know: label -> the measure it is (any id,
   * alias or name the lookup accepts, or cash_balance). Labels match ignoring case and repeated
   * spaces; a mapped label is read as its measure even where the lookup knows it otherwise.
   */
  readonly mapping?: ReadonlyMap<string, string>;
  /**
   * The timeline's typed values before the import, by row key (`Tracking_<key>`), month 1 first:
   * a number where one is typed, anything else (null) where the cell is blank or computed.
   * Unusual values are judged with them; without it, among the imported values alone.
   */
  readonly existing?: ReadonlyMap<string, readonly unknown[]>;
  /**
   * What the values are: actuals (default: Tracking's rows and the Departments and Channels
   * sheets' typed rows) or the budget, which holds Tracking's rows only (the Budget sheet):
   * a Departments or Channels row in a budget is refused, never dropped.
   */
  readonly into?: "actuals" | "budget";
  /**
   * The names the user gave their own channels on the Channels sheet, by slot (user1..user5):
   * "TikTok spend" is then channel.user1.spend where user1 is named TikTok.
   */
  readonly channelNames?: ReadonlyMap<string, string>;
}

/** A row (or column) read and left out, with the sentence that lists it. */
export interface SkippedLine {
  readonly line: number;
  readonly label: string;
  /** A title above the header, a Total / Subtotal / Total general row, or such a month column. */
  readonly what: "title" | "totalRow" | "totalColumn";
  /** "line 14: skipped (a total row): "Total"" in the import's language. */
  readonly message: string;
}

/** A label that names no measure: what the pane offers to map, with the closest measures. */
export interface UnknownLabel {
  readonly label: string;
  /** Every line (row) that carries it. */
  readonly lines: readonly number[];
  /** The closest ids, best first (possibly none). */
  readonly suggestions: readonly string[];
}

/** An imported value unusually far from its neighbours (unusual.ts): written all the same. */
export interface UnusualImport extends UnusualValue {
  readonly row: ImportRow;
  readonly line: number;
  /** "line 4, column Mar 2026: cac for Mar 2026 is 95000, at least 10 times ..." */
  readonly message: string;
}

export type ImportResult =
  | {
      readonly ok: true;
      /** The timeline's first month: the one given, or the table's earliest. */
      readonly firstMonth?: string;
      readonly values: readonly ImportedValue[];
      readonly skipped: readonly SkippedLine[];
      readonly warnings: readonly UnusualImport[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly string[];
      readonly skipped: readonly SkippedLine[];
      /** The labels among the errors that a mapping would resolve. */
      readonly unknown: readonly UnknownLabel[];
    };

const LONG_HEADER = [
  ["metric", "métrica", "metrica"],
  ["month", "mes"],
  ["value", "valor"],
] as const;

/** The first cell of a months-across header, beside a blank one: what finance exports put there. */
const CORNER_WORDS = new Set(
  [
    "metric",
    "metrics",
    "métrica",
    "métricas",
    "kpi",
    "kpis",
    "indicator",
    "indicators",
    "indicador",
    "indicadores",
    "measure",
    "measures",
    "medida",
    "medidas",
    "concepto",
  ].map(normalizeKey),
);

/** Labels of rows (and month columns) that add others up: skipped, never read as a measure. */
const TOTAL_WORDS = new Set(
  [
    "Total",
    "Totales",
    "Subtotal",
    "Subtotales",
    "Total general",
    "Grand total",
    "Gran total",
  ].map(normalizeKey),
);

const isTotal = (label: string) => TOTAL_WORDS.has(normalizeKey(label));

/** How a mapping's labels are matched: case and repeated spaces aside, as written. */
const labelKey = (label: string) =>
  label.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/** A month as the table writes it: a calendar month, or a position on the timeline. */
type MonthSpec = { readonly calendar: string } | { readonly position: number };

const text = (c: Cell) =>
  c === null || c === undefined ? "" : String(c).trim();

/** The delimiter of a CSV file, from its first line: semicolons where it has more of them than commas. */
export function csvDelimiter(firstLine: string): "," | ";" {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** Below this, a number in a month cell is a position (1..120); above, an Excel date. */
const FIRST_DATE_SERIAL = 367;

function readMonth(cell: Cell): MonthSpec | undefined {
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 1 && cell < FIRST_DATE_SERIAL)
      return { position: cell };
    if (cell >= FIRST_DATE_SERIAL && cell <= EXCEL_DATES.lastSerial)
      return { calendar: yearMonthOf(cell)! };
    return undefined;
  }
  const t = text(cell);
  const calendar = readMonthText(t);
  if (calendar) return { calendar };
  const position = readWholeText(t);
  if (position.kind === "number" && position.value >= 1)
    return { position: position.value };
  return undefined;
}

/**
 * A month header in a row with no header word: text that reads as a calendar month, or an Excel
 * date on the first or last day of its month (as month headers are), so a row of amounts in a
 * selection is not taken for one.
 */
function isHeaderMonth(cell: Cell): boolean {
  if (typeof cell !== "number") return readMonthText(text(cell)) !== undefined;
  const month = readMonth(cell);
  if (!month || !("calendar" in month) || !Number.isInteger(cell)) return false;
  return (
    yearMonthOf(cell - 1) !== month.calendar ||
    yearMonthOf(cell + 1) !== month.calendar
  );
}

/** A value cell: undefined for blank, a number, or the reason it is not one. */
function readValue(
  cell: Cell,
  decimalComma: boolean,
  m: InputMessages,
): number | string | undefined {
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? cell
      : Number.isNaN(cell)
        ? m.importer.notANumber(String(cell))
        : m.importer.tooLarge(String(cell));
  if (isBlank(cell)) return undefined;
  const t = text(cell);
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
const commaWritten = (r: Reader, cell: Cell): string | undefined =>
  r.decimalComma && typeof cell === "string" && cell.includes(",")
    ? cell.trim()
    : undefined;

/** What a label names: a timeline measure, nothing known (with the closest ids), or a refusal. */
type Named =
  | { readonly kind: "measure"; readonly measure: Target }
  | { readonly kind: "unknown"; readonly suggestions: readonly string[] }
  | { readonly kind: "refused"; readonly problem: string };

function named(
  label: string,
  m: InputMessages,
  language: Language,
  channelNames?: ReadonlyMap<string, string>,
): Named {
  const found = resolve(label);
  switch (found.kind) {
    case "metric":
      return { kind: "measure", measure: found.metric };
    case "indicator":
      return { kind: "measure", measure: found.indicator };
    case "group":
      return { kind: "refused", problem: m.importer.groupRow(label) };
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
        if (again.kind === "indicator")
          return { kind: "measure", measure: again.indicator };
      }
      return {
        kind: "refused",
        problem: m.id.ambiguous(label, found.candidates),
      };
    }
    case "unknown": {
      // The cash balance and the SaaS measures (product.md 12), which SCALE.* do not take.
      const other = otherMeasureNamed(label);
      if (other) return { kind: "measure", measure: other };
      const own = channelNames && ownChannelNamed(label, channelNames);
      if (own) return { kind: "measure", measure: own };
      return sheetNamed(label, m, language) ?? unknownNamed(label);
    }
  }
}

/**
 * An unknown label's closest measures: the Departments and Channels rows' near misses first (their
 * test is the stricter: "Win rat" is sales.win_rate), then the timeline's.
 */
function unknownNamed(label: string): Named {
  const near = suggestSheetInputs(label);
  const ids = suggestMeasures(label).filter((id) => !near.includes(id));
  return { kind: "unknown", suggestions: [...near, ...ids].slice(0, 3) };
}

/**
 * A Departments or Channels row `label` names; a KPI that is a Tracking row is read as that row;
 * a computed KPI is refused, saying what to import instead.
 */
function sheetNamed(
  label: string,
  m: InputMessages,
  language: Language,
): Named | undefined {
  const found = sheetInputNamed(label);
  switch (found?.kind) {
    case undefined:
      return undefined;
    case "input":
      return { kind: "measure", measure: found.input };
    case "linked":
      return named(found.row, m, language);
    case "channelKpi":
      return {
        kind: "refused",
        problem: m.importer.channelKpi(
          label,
          found.kpi,
          SHEET_NAMES[language].channels,
        ),
      };
    case "changeKpi":
      return {
        kind: "refused",
        problem: m.importer.changeKpi(
          label,
          found.kpi,
          found.value.id,
          found.value.name[language],
          SHEET_NAMES[language].departments,
        ),
      };
    case "ambiguous":
      return {
        kind: "refused",
        problem: m.id.ambiguous(label, found.candidates),
      };
  }
}

/**
 * The timeline measure an id, alias or name gives (what a mapping may name), or why it gives
 * none, in `language`: the command line checks its --map options with it.
 */
export function measureNamed(
  idOrName: string,
  language: Language = "en",
): Target | string {
  const m = INPUT_MESSAGES[language];
  const found = named(idOrName.trim(), m, language);
  return found.kind === "measure"
    ? found.measure
    : found.kind === "refused"
      ? found.problem
      : m.id.unknown(idOrName.trim(), found.suggestions);
}

/** One value read from the table, before months are placed on the timeline. */
interface Entry {
  readonly line: number;
  readonly where: (problem: string) => string;
  readonly measure: Target;
  readonly month: MonthSpec;
  readonly value: number;
  readonly written?: string;
}

function isLongHeader(cells: readonly string[]): boolean {
  return (
    cells.length >= 3 &&
    cells.slice(3).every(isBlank) &&
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
  readonly skipped: SkippedLine[];
  readonly unknown: Map<string, UnknownLabel>;
  /** The user's mapping, by labelKey, to the measures its ids name. */
  readonly mapping: ReadonlyMap<string, Target>;
  readonly at: Where;
  readonly m: InputMessages;
  readonly language: Language;
  readonly channelNames?: ReadonlyMap<string, string>;
  /** How an unknown label can be imported: --map on the command line, a choice in the pane. */
  readonly fix: (label: string) => string;
}

function skip(
  r: Reader,
  line: number,
  what: SkippedLine["what"],
  label: string,
  column?: string,
): void {
  const message = r.m.importer.skipped(what, label);
  r.skipped.push({
    line,
    label,
    what,
    message:
      column === undefined
        ? r.m.importer.at(r.at(line), message)
        : r.m.importer.cell(r.at(line), column, message),
  });
}

/** A Total row's label, unless the user mapped that label to a measure. */
const totalRow = (r: Reader, label: string) =>
  isTotal(label) && !r.mapping.has(labelKey(label));

function measureOf(
  r: Reader,
  cell: Cell,
  line: number,
  where: (p: string) => string,
): Target | undefined {
  const label = text(cell);
  const mapped = r.mapping.get(labelKey(label));
  if (mapped) return mapped;
  if (isBlank(label)) {
    r.errors.push(where(r.m.importer.noLabel()));
    return undefined;
  }
  const found = named(label, r.m, r.language, r.channelNames);
  if (found.kind === "measure") return found.measure;
  if (found.kind === "refused") {
    r.errors.push(where(found.problem));
    return undefined;
  }
  const key = labelKey(label);
  const seen = r.unknown.get(key);
  r.unknown.set(key, {
    label,
    lines: [...(seen?.lines ?? []), line],
    suggestions: found.suggestions,
  });
  r.errors.push(
    where(
      r.m.importer.unknownRow(
        r.m.id.unknown(label, found.suggestions),
        r.fix(label),
      ),
    ),
  );
  return undefined;
}

/** metric,month,value: one value per row. */
function readLong(r: Reader, body: readonly TableRow[]): Entry[] {
  const entries: Entry[] = [];
  for (const { line, cells } of body) {
    const where = (p: string) => r.m.importer.at(r.at(line), p);
    const used = cells.map(text);
    while (used.length > 3 && isBlank(used[used.length - 1])) used.pop();
    if (totalRow(r, used[0])) {
      skip(r, line, "totalRow", used[0]);
      continue;
    }
    if (used.length !== 3) {
      r.errors.push(where(r.m.importer.fields(used.length)));
      continue;
    }
    const value = readValue(cells[2], r.decimalComma, r.m);
    if (value === undefined) continue;
    const measure = measureOf(r, cells[0], line, where);
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

/** A header column: a month, a measure, a Total column (skipped), blank (null), or unreadable (undefined). */
type Column<T> = T | "total" | null | undefined;

/** The months of a months-across header; "total" for a Total column, null for a blank one. */
function headerMonths(header: TableRow): Column<MonthSpec>[] {
  return header.cells
    .slice(1)
    .map((c) =>
      isBlank(c) ? null : isTotal(text(c)) ? "total" : readMonth(c),
    );
}

/** How a column is named in messages: a month as a month ("Jan 2026", never a date serial). */
function columnName(r: Reader, cell: Cell, month: Column<MonthSpec>) {
  return month && month !== "total" && "calendar" in month
    ? monthLabel(month.calendar, r.language)
    : text(cell);
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
  const headerWhere = (p: string) => r.m.importer.at(r.at(header.line), p);
  const columnMonths = monthsAcross ? headerMonths(header) : [];
  const columnMeasures: Column<Target>[] = monthsAcross
    ? []
    : header.cells
        .slice(1)
        .map((c) =>
          isBlank(c)
            ? null
            : isTotal(text(c))
              ? "total"
              : measureOf(r, c, header.line, headerWhere),
        );
  const columns = header.cells
    .slice(1)
    .map((c, i) => columnName(r, c, columnMonths[i]));
  const totals = monthsAcross ? columnMonths : columnMeasures;
  totals.forEach((c, i) => {
    if (c === "total")
      skip(r, header.line, "totalColumn", columns[i], columns[i]);
  });
  const entries: Entry[] = [];
  for (const { line, cells } of body) {
    const label = text(cells[0]);
    if (totalRow(r, label)) {
      skip(r, line, "totalRow", label);
      continue;
    }
    const values = cells
      .slice(1)
      .map((c, i) => ({ i, c, v: readValue(c, r.decimalComma, r.m) }))
      .filter((x) => x.v !== undefined && totals[x.i] !== "total");
    if (values.length === 0) continue;
    const rowWhere = (p: string) => r.m.importer.at(r.at(line), p);
    const rowMeasure = monthsAcross
      ? measureOf(r, cells[0], line, rowWhere)
      : undefined;
    const rowMonth = monthsAcross ? undefined : readMonth(cells[0]);
    if (!monthsAcross && !rowMonth)
      r.errors.push(rowWhere(r.m.importer.month(label)));
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
      else if (measure && measure !== "total" && month && month !== "total")
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

const MONTH_HEADER = [...LONG_HEADER[1], "date", "fecha", "period", "periodo"];

type Layout = "long" | "monthsAcross" | "monthsDown";

/** Whether a row's first cell may stand above a column of labels: blank, or no measure's name. */
const cornerCell = (r: Reader, label: string) =>
  isBlank(label) ||
  (!isTotal(label) &&
    !r.mapping.has(labelKey(label)) &&
    named(label, r.m, r.language, r.channelNames).kind === "unknown");

/** The layout a header row announces, or undefined when the row is not a header (a title). */
function layoutOf(r: Reader, row: TableRow): Layout | undefined {
  const cells = row.cells.map(text);
  if (isLongHeader(cells.map((c) => c.toLowerCase()))) return "long";
  if (MONTH_HEADER.includes(normalizeKey(cells[0] ?? ""))) return "monthsDown";
  const rest = row.cells.slice(1).filter((c) => !isBlank(c));
  if (rest.length === 0) return undefined;
  if (CORNER_WORDS.has(normalizeKey(cells[0]))) return "monthsAcross";
  const months = rest.filter(isHeaderMonth).length;
  const totals = rest.filter((c) => isTotal(text(c))).length;
  return months > 0 &&
    months + totals === rest.length &&
    cornerCell(r, cells[0])
    ? "monthsAcross"
    : undefined;
}

/**
 * No header found: the first row that looks like one (a corner cell, then some months) names its
 * first cell that is not a month; otherwise the first row is named with the layouts read.
 */
function noHeader(r: Reader, rows: readonly TableRow[]): void {
  const near = rows.find(
    (row) =>
      cornerCell(r, text(row.cells[0])) &&
      row.cells.slice(1).some(isHeaderMonth),
  );
  const bad = near?.cells
    .slice(1)
    .find((c) => !isBlank(c) && !isTotal(text(c)) && !isHeaderMonth(c));
  const [row, problem] =
    near && bad !== undefined
      ? [near, r.m.importer.monthHeader(text(bad))]
      : [rows[0], r.m.importer.header(rows[0].cells.map(text).join(","))];
  r.errors.push(r.m.importer.at(r.at(row.line), problem));
}

function readEntries(rows: readonly TableRow[], r: Reader): Entry[] {
  const nonBlank = rows.filter((x) => x.cells.some((c) => !isBlank(c)));
  if (nonBlank.length === 0)
    return (r.errors.push(r.m.importer.noMonths()), []);
  const at = nonBlank.findIndex((row) => layoutOf(r, row) !== undefined);
  if (at < 0) return (noHeader(r, nonBlank), []);
  for (const title of nonBlank.slice(0, at))
    skip(r, title.line, "title", text(title.cells.find((c) => !isBlank(c))));
  const header = nonBlank[at];
  const body = nonBlank.slice(at + 1);
  const layout = layoutOf(r, header);
  if (layout === "long") return readLong(r, body);
  if (layout === "monthsDown") return readGrid(r, header, body, false);
  const fail = (problem: string) => {
    r.errors.push(r.m.importer.at(r.at(header.line), problem));
    return [];
  };
  const months = headerMonths(header);
  const bad = header.cells.slice(1).find((_, i) => months[i] === undefined);
  if (bad !== undefined) return fail(r.m.importer.monthHeader(text(bad)));
  if (!months.some((m) => m && m !== "total"))
    return fail(r.m.importer.header(header.cells.map(text).join(",")));
  return readGrid(r, header, body, true);
}

/** The mapping's labels with the measures its ids name; a bad id is an error naming it. */
function readMapping(
  mapping: ReadonlyMap<string, string>,
  language: Language,
  errors: string[],
): Map<string, Target> {
  const measures = new Map<string, Target>();
  for (const [label, id] of mapping) {
    const measure = measureNamed(id, language);
    if (typeof measure !== "string") measures.set(labelKey(label), measure);
    else errors.push(INPUT_MESSAGES[language].importer.mapping(label, measure));
  }
  return measures;
}

/** A value the import accepted, with the entry it came from (for its warnings' place). */
interface Accepted {
  readonly entry: Entry;
  readonly value: ImportedValue;
}

/** Reads `rows` (a header, possibly title rows above it) onto a timeline of `options.months` months. */
export function importActuals(
  rows: readonly TableRow[],
  options: ImportOptions,
): ImportResult {
  const errors: string[] = [];
  const word = options.rowWord ?? "line";
  const language = options.language ?? "en";
  const m = INPUT_MESSAGES[language];
  const at = (line: number) => m.importer.line(word, line);
  const reader: Reader = {
    decimalComma: options.decimalComma ?? false,
    errors,
    skipped: [],
    unknown: new Map(),
    mapping: readMapping(options.mapping ?? new Map(), language, errors),
    at,
    m,
    language,
    channelNames: options.channelNames,
    fix: (label) =>
      word === "row" ? m.importer.chooseMeasure : m.importer.mapOption(label),
  };
  const entries = readEntries(rows, reader);
  const calendar = entries.flatMap((e) =>
    "calendar" in e.month ? [e.month.calendar] : [],
  );
  const firstMonth =
    options.firstMonth ??
    (calendar.length ? [...calendar].sort()[0] : undefined);
  const monthName = (position: number) =>
    firstMonth
      ? monthLabel(addMonths(firstMonth, position - 1), language)
      : m.importer.monthNumber(position);
  const seen = new Map<string, Entry>();
  const accepted: Accepted[] = [];
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
                monthLabel(e.month.calendar, language),
                monthName(1),
                monthName(options.months),
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
    const problem = valueProblemOf(e, language, options.into);
    if (problem) {
      errors.push(e.where(problem));
      continue;
    }
    const row = rowFor(e.measure);
    const key = `${row.key}@${position}`;
    const earlier = seen.get(key);
    if (earlier) {
      const id = measureId(e.measure);
      const earlierId = measureId(earlier.measure);
      errors.push(
        e.where(
          m.importer.duplicate(
            id,
            monthName(position),
            at(earlier.line),
            id !== earlierId ? earlierId : undefined,
          ),
        ),
      );
      continue;
    }
    seen.set(key, e);
    accepted.push({
      entry: e,
      value: { row, month: position, value: e.value, line: e.line },
    });
  }
  const skipped = byLine(reader.skipped);
  if (errors.length)
    return {
      ok: false,
      errors: sortByLine(errors),
      skipped,
      unknown: [...reader.unknown.values()].sort(
        (a, b) => a.lines[0] - b.lines[0],
      ),
    };
  return {
    ok: true,
    firstMonth,
    values: accepted.map((a) => a.value),
    skipped,
    warnings: unusualImports(accepted, options, language, monthName),
  };
}

/** Why an entry's value cannot be written where it goes: its value, or a Departments or Channels row in a budget. */
function valueProblemOf(
  e: Entry,
  language: Language,
  into: ImportOptions["into"],
): string | undefined {
  const m = INPUT_MESSAGES[language];
  if (!isSheetInput(e.measure))
    return inputProblemIn(language, e.measure, e.value, e.written);
  if (into === "budget")
    return m.importer.budgetTrackingOnly(
      e.measure.id,
      SHEET_NAMES[language][e.measure.sheet],
      SHEET_NAMES[language].budget,
    );
  const name = language === "es" ? e.measure.name.es : e.measure.id;
  return sheetInputProblem(e.measure, e.value, m.value, name, e.written);
}

/** Messages in the order of the file: every message starts with its line. */
function sortByLine(errors: string[]): string[] {
  const lineOf = (e: string) =>
    Number(/^(?:line|row|línea|fila) (\d+)/.exec(e)?.[1] ?? 0);
  return errors.sort((a, b) => lineOf(a) - lineOf(b));
}

const byLine = <T extends { readonly line: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.line - b.line);

/**
 * The imported values that are unusual (unusual.ts) in their row, the import's values merged
 * over the typed values already there (`options.existing`).
 */
function unusualImports(
  accepted: readonly Accepted[],
  options: ImportOptions,
  language: Language,
  monthName: (position: number) => string,
): UnusualImport[] {
  const m = INPUT_MESSAGES[language];
  const rows = new Map<string, Map<number, Accepted>>();
  for (const a of accepted) {
    const row = rows.get(a.value.row.key) ?? new Map<number, Accepted>();
    row.set(a.value.month, a);
    rows.set(a.value.row.key, row);
  }
  const warnings: UnusualImport[] = [];
  for (const [key, imported] of rows) {
    const before = options.existing?.get(key) ?? [];
    const timeline = Array.from({ length: options.months }, (_, i) =>
      imported.has(i + 1) ? imported.get(i + 1)!.value.value : before[i],
    );
    for (const u of unusualValues(timeline)) {
      const a = imported.get(u.month);
      if (!a) continue;
      const e = a.entry;
      const name = language === "es" ? e.measure.name.es : measureId(e.measure);
      const message = m.importer.unusual(
        name,
        monthName(u.month),
        u.value,
        [u.previous, u.next].map((n) => [monthName(n.month), n.value] as const),
        u.size,
      );
      warnings.push({
        ...u,
        row: a.value.row,
        line: e.line,
        message: e.where(message),
      });
    }
  }
  return byLine(warnings);
}

const measureId = (m: Target) =>
  m.kind === "indicator" ? m.qualifiedId : m.id;
