/** The insert options' defaults, for the command line and the pane (a small module: the pane's first screen reads it; template/options.ts checks the options). */
import { MONTHS } from "../months";

/** The options' defaults; the company's is in the workbook's language. */
export const INSERT_DEFAULTS = {
  language: "en",
  company: { en: "My company", es: "Mi empresa" },
  currency: "USD",
  months: MONTHS.default,
} as const;
