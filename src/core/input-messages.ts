/**
 * The importer's and the value checks' sentences by language: English (the command line's, and
 * SCALE.*'s), Spanish (the pane's). The Spanish measure names replace the ids there.
 */
import type { Language, ValueChecked } from "./catalog";
import { inputProblem, valueProblem } from "./catalog";
import { MESSAGES } from "./messages";
import { INPUT_MESSAGES_EN, InputMessages } from "./messages-input";
import { INPUT_ES } from "./messages-es";

export const INPUT_MESSAGES: Readonly<Record<Language, InputMessages>> = {
  en: INPUT_MESSAGES_EN,
  es: INPUT_ES,
};

/** catalog.valueProblem in `language`: Spanish names the measure by its Spanish name. */
export function valueProblemIn(
  language: Language,
  m: ValueChecked,
  value: number,
): string | undefined {
  return language === "es"
    ? valueProblem(m, value, INPUT_ES.value, m.name.es)
    : valueProblem(m, value);
}

/** catalog.inputProblem in `language`: what the importer refuses to write. */
export function inputProblemIn(
  language: Language,
  m: ValueChecked,
  value: number,
  written?: string,
): string | undefined {
  return language === "es"
    ? inputProblem(m, value, INPUT_ES.value, m.name.es, written)
    : inputProblem(m, value, MESSAGES.value, undefined, written);
}
