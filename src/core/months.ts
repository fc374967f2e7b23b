/** Calendar months as "YYYY-MM": the timeline's dates, in one place. */

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

/** The Excel date serial (days since 1899-12-30) of the first day of a month. */
export function monthSerial(text: string): number {
  const { year, month } = ym(text);
  return Math.round(
    (Date.UTC(year, month - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000,
  );
}

/** An Excel date serial -> its "YYYY-MM"; undefined for anything that is not a finite number. */
export function yearMonthOf(serial: unknown): string | undefined {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return undefined;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}
