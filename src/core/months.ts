/** Calendar months as "YYYY-MM": the timeline's dates, in one place. */
import type { Language } from "./catalog";

/** Timeline length: the `months` option (a small module, so the pane's first screen can read it). */
export const MONTHS = { default: 36, min: 12, max: 120 } as const;

/**
 * The months a timeline may use. Excel's dates (the 1900 date system) run from 1900-01-01 to
 * 9999-12-31, serial 2,958,465 ("Excel specifications and limits": earliest and latest date
 * allowed for calculation,
 * https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * Excel counts a 29 February 1900 that never was, so its serials before 1900-03-01 are one
 * day off the 1899-12-30 epoch monthSerial and yearMonthOf use
 * (https://learn.microsoft.com/en-us/office/troubleshoot/excel/wrongly-assumes-1900-is-leap-year):
 * the first usable month is March 1900.
 */
export const EXCEL_DATES = {
  firstMonth: "1900-03",
  lastMonth: "9999-12",
  lastSerial: 2_958_465,
} as const;

/** The latest first month of a timeline of `months` months that still ends within Excel's dates. */
export const latestFirstMonth = (months: number): string =>
  addMonths(EXCEL_DATES.lastMonth, 1 - months);

/** Whether every month of the timeline from `first` ("YYYY-MM") for `months` months is an Excel date. */
export const timelineFitsExcel = (first: string, months: number): boolean =>
  first >= EXCEL_DATES.firstMonth && first <= latestFirstMonth(months);

export function parseYearMonth(
  text: string,
): { year: number; month: number } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return { year: Number(m[1]), month: Number(m[2]) };
}

function ym(text: string): { year: number; month: number } {
  const parsed = parseYearMonth(text);
  if (!parsed) throw new Error(`Not a YYYY-MM month: ${text}`);
  return parsed;
}

/** Months from `from` to `to` (0 for the same month, negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const a = ym(from);
  const b = ym(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

export function addMonths(first: string, offset: number): string {
  const { year, month } = ym(first);
  const index = year * 12 + month - 1 + offset;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The month of a date, "YYYY-MM", in the local calendar (the user's "this month"). */
export const monthOfDate = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;

/**
 * The first month a new timeline gets unless the user says otherwise: twelve months before this
 * one, so last year's history fits and this month is month 13 (product.md 11, "The first month").
 */
export const defaultFirstMonth = (today: Date = new Date()): string =>
  addMonths(monthOfDate(today), -12);

/** Day 0 of Excel's date serials as this module counts them: 1899-12-30 (see EXCEL_DATES). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A date (its UTC day and time, as exceljs reads a cell's date) -> its Excel date serial: days
 * since 1899-12-30, the time of day as the fraction ("DATE function": 2008-01-01 is 39448,
 * https://support.microsoft.com/en-us/office/date-function-e36c0c8c-4104-49da-ab83-82328b832349;
 * ECMA-376 Part 1, L.2.16.9.1 "Date Conversion for Serial Values": in the 1900 base the date
 * 1899-12-30 is 0, and the time of day is the fraction).
 */
export const dateSerial = (date: Date): number =>
  (date.getTime() - SERIAL_EPOCH) / DAY_MS;

/** The Excel date serial of the first day of a month. */
export function monthSerial(text: string): number {
  const { year, month } = ym(text);
  return Math.round(dateSerial(new Date(Date.UTC(year, month - 1, 1))));
}

/** An Excel date serial -> its "YYYY-MM"; undefined for anything that is not a finite number. */
export function yearMonthOf(serial: unknown): string | undefined {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return undefined;
  const d = new Date(SERIAL_EPOCH + Math.floor(serial) * DAY_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Month names as finance exports write them, English and Spanish, full and short ("sept", "set" too). */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ["jan", "january", "ene", "enero"],
    ["feb", "february", "febrero"],
    ["mar", "march", "marzo"],
    ["apr", "april", "abr", "abril"],
    ["may", "mayo"],
    ["jun", "june", "junio"],
    ["jul", "july", "julio"],
    ["aug", "august", "ago", "agosto"],
    ["sep", "sept", "september", "set", "septiembre", "setiembre"],
    ["oct", "october", "octubre"],
    ["nov", "november", "noviembre"],
    ["dec", "december", "dic", "diciembre"],
  ].flatMap((words, i) => words.map((w) => [w, i + 1] as const)),
);

/** "Jan 2027" / "ene 2027": a month as messages name it, as the Tracking sheet shows it (mmm yyyy). */
const SHORT_NAMES: Readonly<Record<Language, readonly string[]>> = {
  en: [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ],
  es: [
    "ene",
    "feb",
    "mar",
    "abr",
    "may",
    "jun",
    "jul",
    "ago",
    "sep",
    "oct",
    "nov",
    "dic",
  ],
};

/** "2027-01" -> "Jan 2027" (English) or "ene 2027" (Spanish). */
export function monthLabel(yearMonth: string, language: Language): string {
  const { year, month } = ym(yearMonth);
  return `${SHORT_NAMES[language][month - 1]} ${year}`;
}

/**
 * A two-digit year as Excel reads one: 00-29 are 2000-2029, 30-99 are 1930-1999 ("How Excel works
 * with two-digit year numbers", KB 214391:
 * https://learn.microsoft.com/en-us/office/troubleshoot/excel/two-digit-year-numbers).
 */
const fullYear = (digits: string): number => {
  const y = Number(digits);
  return digits.length === 4 ? y : y < 30 ? 2000 + y : 1900 + y;
};

const daysIn = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

const asYearMonth = (year: number, month: number): string | undefined =>
  month >= 1 && month <= 12 && year >= 1000 && year <= 9999
    ? `${year}-${String(month).padStart(2, "0")}`
    : undefined;

/**
 * A day/month/year written with the order unknown (1/31/2026 in the US, 31/01/2026 in Spain): the
 * order where the date exists; where both do, the one that puts the day on the first or the last
 * of its month, as month headers are; undefined when that still leaves two months (3/4/2026).
 */
function slashDate(a: number, b: number, year: number): string | undefined {
  const readings = [
    { month: a, day: b },
    { month: b, day: a },
  ].filter(
    (r) =>
      r.month >= 1 &&
      r.month <= 12 &&
      r.day >= 1 &&
      r.day <= daysIn(year, r.month),
  );
  const months = new Set(readings.map((r) => r.month));
  if (months.size === 1) return asYearMonth(year, readings[0].month);
  const edges = readings.filter(
    (r) => r.day === 1 || r.day === daysIn(year, r.month),
  );
  return edges.length === 1 ? asYearMonth(year, edges[0].month) : undefined;
}

/** A time after a date ("1/31/2026 0:00", "2026-01-31T00:00:00Z"), on text already lower-cased. */
const TIME = /[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[ap]\.? ?m\.?)?z?$/;

/**
 * A month header or month cell written as text, in the ways finance exports write them: 2027-01,
 * 2027/1, 2027-01-31, 01/2027, 1/31/2027 or 31/01/2027, Jan 2027, January 2027, ene-25, enero de
 * 2025, Sep-26, sept 2026, 2027 Jan. Returns "YYYY-MM", or undefined for anything else.
 */
export function readMonthText(text: string): string | undefined {
  const t = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(TIME, "");
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(t);
  if (m) return asYearMonth(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
      ? asYearMonth(year, month)
      : undefined;
  }
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return asYearMonth(Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(t);
  if (m) return slashDate(Number(m[1]), Number(m[3]), fullYear(m[4]));
  m = /^([a-z]+)\.?(?:[\s\-/.']+(?:de\s+)?)?'?(\d{4}|\d{2})$/.exec(t);
  if (m && MONTH_WORDS.has(m[1]))
    return asYearMonth(fullYear(m[2]), MONTH_WORDS.get(m[1])!);
  m = /^(\d{4})[\s\-/.]+([a-z]+)\.?$/.exec(t);
  if (m && MONTH_WORDS.has(m[2]))
    return asYearMonth(Number(m[1]), MONTH_WORDS.get(m[2])!);
  return undefined;
}
