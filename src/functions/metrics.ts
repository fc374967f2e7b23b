import {
  Language,
  PHASE_METRICS,
  PHASE_NUMBERS,
  UNITS,
  targetOf,
} from "../core/catalog";
import { readLanguage } from "./inputs";
import { spill } from "./results";

const CATALOG_HEADERS: Readonly<Record<Language, readonly string[]>> = {
  en: ["Id", "Metric", "Unit", "Better", "P1", "P2", "P3", "P4"],
  es: ["Id", "Métrica", "Unidad", "Mejor", "P1", "P2", "P3", "P4"],
};

const DIRECTION_LABEL = {
  en: { higher: "higher", lower: "lower" },
  es: { higher: "mayor", lower: "menor" },
} as const;

/**
 * The metric catalogue: id, name, unit, better direction and the targets P1-P4, spilled with a header row.
 * @customfunction METRICS
 * @helpurl https://localhost:3000/help.html#metrics
 * @param [language] "en" (default) or "es".
 * @returns The catalogue as a spilled range.
 */
export function metrics(language?: any): any[][] {
  return spill(() => {
    const lang = readLanguage(language);
    const rows = PHASE_METRICS.map((m) => [
      m.id,
      m.name[lang],
      UNITS[m.unit].label[lang],
      DIRECTION_LABEL[lang][m.direction],
      ...PHASE_NUMBERS.map((p) => targetOf(m, p)),
    ]);
    return [[...CATALOG_HEADERS[lang]], ...rows];
  });
}
