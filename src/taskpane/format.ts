/** Numbers as the template shows them: percentages for fractions, 20:1 for ratios, 10x for multiples. */
import {
  Language,
  PHASE_METRICS,
  RISK_INDICATORS,
  Unit,
} from "../core/catalog";
import { INPUT_MESSAGES, valueProblemIn } from "../core/input-messages";
import { monthLabel } from "../core/months";
import type { UnusualCell } from "../excel/refresh-plan";

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

/** The core's "cannot be a value of" sentence (catalog.valueProblem) in the pane's language. */
export function rangeProblem(
  measureId: string,
  value: number,
  language: Language,
): string {
  const m =
    PHASE_METRICS.find((x) => x.id === measureId) ??
    RISK_INDICATORS.find((x) => x.qualifiedId === measureId);
  return (m && valueProblemIn(language, m, value)) ?? "";
}

/** The core's sentence for an unusual typed value (the importer's), its months as months, in `language`. */
export function unusualSentence(cell: UnusualCell, language: Language): string {
  const month = (m: string) =>
    /^\d{4}-\d{2}$/.test(m) ? monthLabel(m, language) : m;
  const metric = PHASE_METRICS.find((x) => x.id === cell.measureId);
  const name = language === "es" && metric ? metric.name.es : cell.measureId;
  return INPUT_MESSAGES[language].importer.unusual(
    name,
    month(cell.month),
    cell.value,
    [cell.previous, cell.next].map((n) => [month(n.month), n.value] as const),
    cell.size,
  );
}

/** "2024-05" -> "May 2024" / "mayo de 2024", in the pane's language. */
export function formatMonth(yearMonth: string, language: Language): string {
  const [year, month] = yearMonth.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString(
    LOCALE[language],
    { month: "long", year: "numeric", timeZone: "UTC" },
  );
}
