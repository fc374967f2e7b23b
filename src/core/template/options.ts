/**
 * The insert options as a person gives them (the pane's fields, the command line's options),
 * checked here once for both: which values each takes, its default, and the sentence, in English
 * or Spanish, that says what to give instead.
 */
import type { Language } from "../catalog";
import { COMPANY_MAX_CHARACTERS, companyFits } from "../company";
import { INPUT_MESSAGES } from "../input-messages";
import type { InputMessages } from "../messages-input";
import {
  EXCEL_DATES,
  MONTHS,
  latestFirstMonth,
  parseYearMonth,
  timelineFitsExcel,
} from "../months";
import { readWholeText } from "../numbers";

export { INSERT_DEFAULTS, defaultCompany } from "./option-defaults";

export type InsertOption =
  "language" | "company" | "currency" | "firstMonth" | "months";

/** The options as given, as text; undefined where one is not given (its default applies). */
export type GivenOptions = { readonly [K in InsertOption]?: string };

/** The options read: those given and usable. */
export interface ReadOptions {
  readonly language?: Language;
  /** Trimmed. */
  readonly company?: string;
  /** Upper case. */
  readonly currency?: string;
  readonly firstMonth?: string;
  readonly months?: number;
}

export interface CheckedOptions {
  readonly options: ReadOptions;
  /** Per option given that cannot be used, what to give instead; none when every option can be used. */
  readonly problems: { readonly [K in InsertOption]?: string };
}

/** How a surface words the sentences. */
export interface OptionWording {
  /** Each option as the surface names it: "--first-month" on the command line, a field's label in the pane. */
  readonly names: Readonly<Record<InsertOption, string>>;
  /** The sentences' language; English by default. */
  readonly language?: Language;
  /** A month as the sentences show it; "YYYY-MM" by default. */
  readonly month?: (yearMonth: string) => string;
}

const LANGUAGES: readonly string[] = ["en", "es"] satisfies Language[];

/** Whether a timeline may have `months` months. */
export const monthsFit = (months: number): boolean =>
  Number.isInteger(months) && months >= MONTHS.min && months <= MONTHS.max;

type Outcome<T> = { readonly value: T } | { readonly problem: string };
type Sentences = InputMessages["options"];

function readLanguage(
  text: string,
  name: string,
  say: Sentences,
): Outcome<Language> {
  const language = text.trim().toLowerCase();
  return LANGUAGES.includes(language)
    ? { value: language as Language }
    : { problem: say.language(name, text) };
}

function readCompany(
  text: string,
  name: string,
  say: Sentences,
): Outcome<string> {
  return companyFits(text)
    ? { value: text.trim() }
    : {
        problem: say.company(name, COMPANY_MAX_CHARACTERS, text.trim().length),
      };
}

function readCurrency(
  text: string,
  name: string,
  say: Sentences,
): Outcome<string> {
  const currency = text.trim();
  return /^[A-Za-z]{3}$/.test(currency)
    ? { value: currency.toUpperCase() }
    : { problem: say.currency(name, text) };
}

function readMonths(
  text: string,
  name: string,
  say: Sentences,
): Outcome<number> {
  const read = readWholeText(text.trim());
  return read.kind === "number" && monthsFit(read.value)
    ? { value: read.value }
    : { problem: say.months(name, MONTHS.min, MONTHS.max, text) };
}

/** A first month whose timeline of `span` months is all Excel dates. */
function readFirstMonth(
  text: string,
  span: number,
  wording: OptionWording,
  say: Sentences,
): Outcome<string> {
  const first = text.trim();
  const name = wording.names.firstMonth;
  const shown = wording.month ?? ((m: string) => m);
  if (!parseYearMonth(first)) return { problem: say.firstMonth(name, text) };
  if (!timelineFitsExcel(first, span))
    return {
      problem: say.firstMonthRange(
        name,
        shown(EXCEL_DATES.firstMonth),
        shown(latestFirstMonth(span)),
        span,
        text,
      ),
    };
  return { value: first };
}

/**
 * Checks every option given. The first month's range needs the timeline's length: the months
 * given, or the shortest timeline where none are given or they cannot be used (so the first month
 * is refused only where no length would hold it). The command line gives its default months when
 * the user gives none, so the range checked is the workbook's.
 */
export function validateInsertOptions(
  given: GivenOptions,
  wording: OptionWording,
): CheckedOptions {
  const say = INPUT_MESSAGES[wording.language ?? "en"].options;
  const { names } = wording;
  const read = <T>(
    text: string | undefined,
    reader: (text: string, name: string, say: Sentences) => Outcome<T>,
    name: string,
  ) => (text === undefined ? undefined : reader(text, name, say));
  const months = read(given.months, readMonths, names.months);
  const span = months && "value" in months ? months.value : MONTHS.min;
  const outcomes = {
    language: read(given.language, readLanguage, names.language),
    company: read(given.company, readCompany, names.company),
    currency: read(given.currency, readCurrency, names.currency),
    months,
    firstMonth:
      given.firstMonth === undefined
        ? undefined
        : readFirstMonth(given.firstMonth, span, wording, say),
  };
  const value = <T>(o: Outcome<T> | undefined) =>
    o && "value" in o ? o.value : undefined;
  const problems = Object.entries(outcomes).flatMap(([key, o]) =>
    o && "problem" in o ? [[key, o.problem] as const] : [],
  );
  return {
    options: {
      language: value(outcomes.language),
      company: value(outcomes.company),
      currency: value(outcomes.currency),
      months: value(outcomes.months),
      firstMonth: value(outcomes.firstMonth),
    },
    problems: Object.fromEntries(problems),
  };
}
