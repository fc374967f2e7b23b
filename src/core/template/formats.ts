/** Number formats of the template: one place for units, currency placement, dates and percentage points. */
import {
  Language,
  OtherInput,
  PHASE_NUMBERS,
  PhaseMetric,
  RiskIndicator,
  UNITS,
} from "../catalog";
import * as evaluate from "../evaluate";
import { TEMPLATE_LABELS } from "./labels";

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  USD: "$",
  EUR: "€",
  GBP: "£",
  JPY: "¥",
  MXN: "$",
  COP: "$",
  ARS: "$",
  CLP: "$",
  BRL: "R$",
};

/**
 * A currency amount: the symbol before the number in English ($1,234), after it with a space in
 * Spanish (1.234 €), as each language writes money; a code without a known symbol as the code.
 */
export function currencyFormat(code: string, language: Language): string {
  const symbol = CURRENCY_SYMBOLS[code.toUpperCase()] ?? code.toUpperCase();
  const quoted = `"${symbol.replace(/"/g, "")}"`;
  return language === "es" ? `#,##0 ${quoted}` : `${quoted}#,##0`;
}

/**
 * The currency code a currency format of currencyFormat shows, read back (a rebuild keeps the old
 * workbook's currency): its quoted symbol, the first code with that symbol ("$" is USD), or the
 * code itself where it had no symbol; undefined when the format shows none.
 */
export function currencyOfFormat(format: string): string | undefined {
  const shown = /"([^"]+)"#,##0|#,##0 "([^"]+)"/.exec(format);
  const symbol = shown?.[1] ?? shown?.[2];
  if (symbol === undefined) return undefined;
  const code = Object.keys(CURRENCY_SYMBOLS).find(
    (c) => CURRENCY_SYMBOLS[c] === symbol,
  );
  return code ?? (/^[A-Z]{3}$/.test(symbol) ? symbol : undefined);
}

/** The boundaries a reader must tell apart: every threshold, floor and band edge of `m`. */
function boundaries(m: PhaseMetric | RiskIndicator): number[] {
  const rules =
    m.kind === "indicator"
      ? [evaluate.indicatorRule(m)]
      : PHASE_NUMBERS.map((n) => evaluate.metricRule(m, n));
  return rules.flatMap((r) => {
    const edge =
      r.threshold + (r.direction === "higher" ? -1 : 1) * evaluate.bandWidth(r);
    return r.floor === undefined ? [r.threshold, edge] : [r.threshold, r.floor];
  });
}

/**
 * Decimals of a percentage: one more than its finest boundary needs, so a value one step past a
 * band edge does not look like the edge (product.md 11, "Precision at band edges": churn's WATCH
 * ends at 5.5%, and 5.50% WATCH and 5.51% RISK must not both show "5.5%"; uptime's 99.989% edge
 * shows as 99.9890%). Values and thresholds get the same decimals, in both writers.
 */
function percentDecimals(m: PhaseMetric | RiskIndicator): number {
  const decimals = (x: number) =>
    (String(+(x * 100).toPrecision(10)).split(".")[1] ?? "").length;
  return Math.min(4, 1 + Math.max(0, ...boundaries(m).map(decimals)));
}

export type Measured = PhaseMetric | RiskIndicator | OtherInput;

/**
 * Every section of a format tagged with the workbook's locale, so an application shows month
 * names and separators in the workbook's language (LibreOffice: "1.234 €", "jun 2025").
 */
const localized = (format: string, language: Language) =>
  format
    .split(";")
    .map((section) => TEMPLATE_LABELS[language].locale + section)
    .join(";");

function rawFormat(m: Measured, language: Language, currency: string): string {
  const format = UNITS[m.unit].numberFormat.replace(
    "{cur}#,##0",
    currencyFormat(currency, language),
  );
  return m.unit === "fraction" && m.kind !== "input"
    ? format.replace(/0\.0+%/, `0.${"0".repeat(percentDecimals(m))}%`)
    : format;
}

/** The format of a measure's values (and thresholds) in the workbook's language and currency. */
export function numberFormat(
  m: Measured,
  language: Language,
  currency: string,
): string {
  return localized(rawFormat(m, language, currency), language);
}

/** A threshold cell's format: a switched-off (0) threshold shows as a dash. */
export function thresholdFormat(
  m: Measured,
  language: Language,
  currency: string,
): string {
  const raw = rawFormat(m, language, currency);
  return localized(`${raw};-${raw};"–"`, language);
}

/** A gap: percentages in percentage points ("+5.0 pp"), other units as their values. */
export function gapFormat(
  m: Measured,
  language: Language,
  currency: string,
): string {
  // Ratios and multiples as plain numbers: a gap of 5 is not "5:1".
  if (m.unit === "ratio" || m.unit === "multiple")
    return localized("0.0", language);
  if (m.unit !== "fraction") return numberFormat(m, language, currency);
  const pp = TEMPLATE_LABELS[language].points;
  // As many decimals as the percentages themselves: uptime's 0.04 pp is not "0.0 pp".
  const digits =
    m.kind === "input" ? "0.0" : `0.${"0".repeat(percentDecimals(m))}`;
  return localized(`${digits}" ${pp}";-${digits}" ${pp}";0" ${pp}"`, language);
}

/** Month headers and month cells: "Jan 2026" / "ene 2026", the month names in the workbook's language. */
export const monthFormat = (language: Language) =>
  localized("mmm yyyy", language);

export const percentFormat = (language: Language) => localized("0%", language);
