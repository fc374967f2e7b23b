/** Numbers as the template shows them: percentages for fractions, 20:1 for ratios, 10x for multiples. */
import type { Language, Unit } from "../core/catalog";

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
