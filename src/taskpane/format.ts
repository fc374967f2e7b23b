/** Numbers as the template shows them: percentages for fractions, 20:1 for ratios, 10x for multiples. */
import {
  Language,
  PHASE_METRICS,
  RISK_INDICATORS,
  Unit,
  valueRange,
} from "../core/catalog";

const LOCALE: Readonly<Record<Language, string>> = { en: "en-US", es: "es-ES" };

export function formatMeasure(
  value: number,
  unit: Unit,
  language: Language,
): string {
  const locale = LOCALE[language];
  const plain = (digits: number) =>
    value.toLocaleString(locale, { maximumFractionDigits: digits });
  switch (unit) {
    case "fraction":
      // Three decimals of a percent tell uptime 99.989% from its 99.99% target.
      return value.toLocaleString(locale, {
        style: "percent",
        maximumFractionDigits: 3,
      });
    case "ratio":
      return `${plain(2)}:1`;
    case "multiple":
      return `${plain(2)}x`;
    default:
      return plain(2);
  }
}

/** The Spanish for the core's "cannot be a value of" sentence (catalog.valueProblem), from the same ranges. */
export function spanishRangeProblem(measureId: string, value: number): string {
  const m =
    PHASE_METRICS.find((x) => x.id === measureId) ??
    RISK_INDICATORS.find((x) => x.qualifiedId === measureId);
  if (!m) return "";
  const { min, max } = valueRange(m);
  const name = m.name.es;
  const shown = (n: number) =>
    n.toLocaleString("es-ES", { maximumFractionDigits: 12 });
  if (m.unit === "fraction") {
    const fraction = shown(+(value / 100).toPrecision(12));
    return `${name} es un porcentaje que se escribe como fracción: ${shown(value)} % es ${fraction}; escribe ${fraction}, no ${shown(value)}.`;
  }
  if (max === Infinity) return `${name} debe ser al menos ${shown(min)}.`;
  if (min === -Infinity) return `${name} debe ser como máximo ${shown(max)}.`;
  return `${name} debe estar entre ${shown(min)} y ${shown(max)}.`;
}

/** "2024-05" -> "May 2024" / "mayo de 2024", in the pane's language. */
export function formatMonth(yearMonth: string, language: Language): string {
  const [year, month] = yearMonth.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString(
    LOCALE[language],
    { month: "long", year: "numeric", timeZone: "UTC" },
  );
}
