/** The insert options' defaults, for the command line and the pane (a small module: the pane's first screen reads it; template/options.ts checks the options). */
import { MONTHS } from "../months";

/** The options' defaults; the company's is in the workbook's language. */
export const INSERT_DEFAULTS = {
  language: "en",
  company: { en: "My company", es: "Mi empresa" },
  currency: "USD",
  months: MONTHS.default,
} as const;

/** The company's default in the language asked for (an unknown language gets English; the options check refuses it). */
export const defaultCompany = (language: string | undefined): string =>
  language === "es" ? INSERT_DEFAULTS.company.es : INSERT_DEFAULTS.company.en;
