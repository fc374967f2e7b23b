/** Number formats of the template: one place for units, currency placement, dates and percentage points. */
import {
  Language,
  OtherInput,
  PHASE_NUMBERS,
  PhaseMetric,
  RiskIndicator,
  UNITS,
  Unit,
} from "../catalog";
import * as evaluate from "../evaluate";
import { EXTRA_UNITS, ExtraUnit, SeedUnit } from "../seed-units";
import { rowOf } from "../timeline";
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
  const shown = /"([^"]+)"#,##0|#,##0(?:\.0+)? "([^"]+)"/.exec(format);
  const symbol = shown?.[1] ?? shown?.[2];
  if (symbol === undefined) return undefined;
  const code = Object.keys(CURRENCY_SYMBOLS).find(
    (c) => CURRENCY_SYMBOLS[c] === symbol,
  );
  return code ?? (/^[A-Z]{3}$/.test(symbol) ? symbol : undefined);
}

/**
 * The boundaries a reader of a row must tell apart: every threshold, floor and band edge judged
 * against its values (a phase metric's four phases and the risk indicators that are the same row).
 */
function boundaries(m: Measured): number[] {
  const row = rowOf(m);
  const metric = row.measure.kind === "metric" ? row.measure : undefined;
  const rules = [
    ...(metric ? PHASE_NUMBERS.map((n) => evaluate.metricRule(metric, n)) : []),
    ...row.indicators.map((i) => evaluate.indicatorRule(i)),
  ];
  return rules.flatMap((r) => {
    const edge =
      r.threshold + (r.direction === "higher" ? -1 : 1) * evaluate.bandWidth(r);
    return r.floor === undefined ? [r.threshold, edge] : [r.threshold, r.floor];
  });
}

/** Decimals a unit's own format shows (UNITS: "0.0%", "0.0x", "#,##0", ...). */
const formatDecimals = (format: string) =>
  /0\.(0+)/.exec(format)?.[1].length ?? 0;
/** One more decimal than the finest of `edges` needs (of a percent for a fraction), never fewer than the unit's own, at most 4. */
function edgeDecimals(
  unitFormat: string,
  fraction: boolean,
  edges: readonly number[],
): number {
  const scale = fraction ? 100 : 1;
  const decimals = (x: number) =>
    (String(+(x * scale).toPrecision(10)).split(".")[1] ?? "").length;
  const finest = Math.max(0, ...edges.map(decimals));
  return Math.min(
    4,
    Math.max(formatDecimals(unitFormat), finest > 0 ? finest + 1 : 0),
  );
}

/** The catalog's measures are constants: each one's decimals are worked out once (every row asks). */
const DECIMALS = new WeakMap<Measured, number>();

/**
 * Decimals a measure's values show, everywhere (both writers, and the task pane): one more than its
 * finest threshold, floor or band edge needs, so a value one step past a band edge does not look
 * like the edge (product.md 11, "Precision at band edges": churn's WATCH ends at 5.5%, so 5.50%
 * WATCH and 5.51% RISK; team satisfaction's 3.78 gives 3.780, CAC's 82.5 gives $82.50). Never fewer
 * than the unit's own format: amounts and counts whose edges are whole stay whole ($450,000), ratios
 * keep one (18.0:1). Fractions count decimals of a percent (uptime's 99.989% edge: 99.9890%).
 */
export function measureDecimals(m: Measured): number {
  let decimals = DECIMALS.get(m);
  if (decimals === undefined) {
    decimals = edgeDecimals(
      UNITS[m.unit].numberFormat,
      m.unit === "fraction",
      boundaries(m),
    );
    DECIMALS.set(m, decimals);
  }
  return decimals;
}

export type Measured = PhaseMetric | RiskIndicator | OtherInput;

const zeros = (n: number) => (n > 0 ? `.${"0".repeat(n)}` : "");

/**
 * Every section of a format tagged with the workbook's locale, so an application shows month
 * names and separators in the workbook's language (LibreOffice: "1.234 €", "jun 2025").
 */
export const localized = (format: string, language: Language) =>
  format
    .split(";")
    .map((section) => TEMPLATE_LABELS[language].locale + section)
    .join(";");

function rawFormat(m: Measured, language: Language, currency: string): string {
  const digits = zeros(measureDecimals(m));
  return UNITS[m.unit].numberFormat
    .replace("{cur}#,##0", currencyFormat(currency, language))
    .replace(/0(\.0+)?/, `0${digits}`);
}

/**
 * A seed unit's format (seed-units.ts: the department KPIs', the tools' impacts'), showing the
 * decimals `edges` (a target and its band edges) need, as measureDecimals does for the timeline.
 */
export function seedUnitFormat(
  unit: SeedUnit,
  edges: readonly number[],
  language: Language,
  currency: string,
): string {
  const base =
    unit in UNITS
      ? UNITS[unit as Unit].numberFormat
      : EXTRA_UNITS[unit as ExtraUnit].numberFormat;
  const digits = zeros(edgeDecimals(base, unit === "fraction", edges));
  return localized(
    base
      .replace("{cur}#,##0", currencyFormat(currency, language))
      .replace(/0(\.0+)?/, `0${digits}`),
    language,
  );
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

/** A gap: percentages in percentage points ("+5.00 pp"), other units as their values; as many decimals as the values. */
export function gapFormat(
  m: Measured,
  language: Language,
  currency: string,
): string {
  const digits = `0${zeros(measureDecimals(m))}`;
  // Ratios and multiples as plain numbers: a gap of 5 is not "5:1".
  if (m.unit === "ratio" || m.unit === "multiple")
    return localized(digits, language);
  if (m.unit !== "fraction") return numberFormat(m, language, currency);
  const pp = TEMPLATE_LABELS[language].points;
  return localized(`${digits}" ${pp}";-${digits}" ${pp}";0" ${pp}"`, language);
}

/** Month headers and month cells: "Jan 2026" / "ene 2026", the month names in the workbook's language. */
export const monthFormat = (language: Language) =>
  localized("mmm yyyy", language);

export const percentFormat = (language: Language) => localized("0%", language);
