/**
 * Every sentence the core produces about bad input, in one place: the value checks of the
 * catalog, the thresholds tables and the actuals file, and the custom functions' errors
 * (MESSAGES.functions). The task pane words its own sentences around these; tests and docs/
 * quote them. The sentences about the workbook's inputs (the importer's, the insert options', a
 * rebuild's) are in messages-input.ts, and their Spanish in messages-es.ts: apart, so the custom
 * functions' bundle carries only what the functions say.
 */
import type { NoEta } from "./types";

export const plural = (n: number, word: string) =>
  `${n} ${word}${n === 1 ? "" : "s"}`;
const didYouMean = (suggestions: readonly string[]) =>
  suggestions.length ? ` (did you mean ${suggestions.join(", ")}?)` : "";

/** Why SCALE.ETA has no number (evaluate.ts's etaOf). */
const NO_ETA: Readonly<Record<NoEta, string>> = {
  short: "fewer than four months up to the last value",
  missing: "no number three or more months before the last one",
  nonpositive: "a value of 0 or less, so there is no growth rate",
  flat: "the trend is flat or falling",
};

export const MESSAGES = {
  value: {
    percentAsWhole: (name: string, value: number, fraction: number) =>
      `${name} is a percentage entered as a fraction: ${value}% is ${fraction}, so enter ${fraction}, not ${value}.`,
    atLeast: (name: string, min: number, value: number) =>
      `${name} must be at least ${min}; got ${value}.`,
    atMost: (name: string, max: number, value: number) =>
      `${name} must be at most ${max}; got ${value}.`,
    between: (name: string, min: number, max: number, value: number) =>
      `${name} must be between ${min} and ${max}; got ${value}.`,
    /** NaN or Infinity, as only a JavaScript caller or a parser can hand over. */
    notFinite: (name: string, value: number) =>
      `${name} must be a finite number; got ${value}.`,
    /** `written`: the text a semicolon file gave, read with a decimal comma ("2,500" as 2.5). */
    notWhole: (name: string, value: number, written?: string) =>
      `${name} is a count: ${value} is not a whole number; ${
        written === undefined
          ? "enter a whole number"
          : `in a semicolon file a comma is the decimal separator (${written} reads as ${value}): remove thousands separators`
      }.`,
  },
  /** Ids in a table or file, shared by the thresholds and actuals readers. */
  id: {
    unknown: (text: string, suggestions: readonly string[]) =>
      `unknown metric "${text}"${didYouMean(suggestions)}`,
    ambiguous: (text: string, candidates: readonly string[]) =>
      `"${text}" is ambiguous; use ${candidates.join(" or ")}`,
  },
  /**
   * The custom functions' sentences (src/functions/), which docs/functions.md quotes: English
   * only, as Excel shows a function's error message whatever its language. `shown` is a cell as
   * the sentences name it (cell.text, cell.flag or the number).
   */
  functions: {
    /** How a sentence names a cell's content. */
    cell: {
      text: (text: string) => `the text "${text}"`,
      flag: (value: boolean) => (value ? "TRUE" : "FALSE"),
      nothing: "nothing",
      empty: "empty",
    },
    /** Anything the function layer did not foresee: what JavaScript said, never a silent wrong value. */
    unexpected: (detail: string) =>
      `Scale Tracker could not evaluate this: ${detail}`,
    /** A result beyond Excel's numbers (no NaN or Infinity reaches a cell). */
    tooLarge: (what: string) => `The numbers are too large to compute ${what}.`,
    gapOf: (id: string) => `the gap for ${id}`,
    nothingGiven: "No metric and no value given.",
    noMetricValues: "No metric values to judge: every value is empty.",
    noValue: (id: string) => `No value for ${id}.`,
    notAnId: (shown: string) =>
      `Expected a metric id such as "mrr" or "churn"; got ${shown}.`,
    notLatin: (text: string) =>
      `"${text}" is not a metric id: ids and names are written in Latin letters, such as "mrr" or "churn". See =SCALE.METRICS() for the list.`,
    unknownId: (text: string, suggestions: readonly string[]) =>
      `Unknown metric "${text}".` +
      (suggestions.length
        ? ` Did you mean ${suggestions.join(", ")}?`
        : " See =SCALE.METRICS() for the list."),
    ambiguousId: (text: string, candidates: readonly string[]) =>
      `"${text}" is in more than one risk group: use ${candidates.join(" or ")}.`,
    groupGiven: (group: string, indicators: readonly string[]) =>
      `${group} is a risk group; give one of its indicators (${indicators.join(", ")}).`,
    indicatorGiven: (indicator: string, fn: string) =>
      `${indicator} is a risk indicator, not a phase metric; ${fn} takes phase metrics. Use SCALE.RISK for indicators.`,
    phase: (shown: string) =>
      `Phase must be a whole number from 1 to 4; got ${shown}.`,
    /**
     * A phase the function needs, declared optional in its metadata all the same: Excel refuses
     * to load an add-in with a required parameter after an optional one (office-js #1749).
     */
    phaseNeeded: (fn: string) =>
      `${fn} needs the phase (1 to 4) whose targets to check: give it after values, as in =${fn}(A2:B20, , 1).`,
    /** A SaaS measure where phase metrics are needed: it never counts toward the phase (product.md 12). */
    contextGiven: (id: string, fn: string) =>
      `${id} is judged against a convention and never counts toward the phase; ${fn} takes phase metrics. Use SCALE.RISK, SCALE.GAP or SCALE.TARGET for ${id}.`,
    /** A SaaS measure product.md 12 gives no traceable convention: nothing to judge it against. */
    noContext: (id: string, judged: readonly string[]) =>
      `${id} has no threshold to judge it against (it never counts toward the phase); SCALE.RISK, SCALE.GAP and SCALE.TARGET take the SaaS measures ${judged.join(", ")}.`,
    /** A department KPI where phase metrics are needed: judged against the seed's target, never toward the phase (product.md 13). */
    kpiGiven: (id: string, fn: string) =>
      `${id} is a department KPI judged against the seed's target and never counts toward the phase; ${fn} takes phase metrics. Use SCALE.RISK, SCALE.GAP or SCALE.TARGET for ${id}.`,
    /** thresholds given with a department KPI: no thresholds table holds a KPI's target. */
    kpiThresholds: (id: string) =>
      `${id} is a department KPI judged against the seed's target, which no thresholds table holds; leave thresholds out for it.`,
    /** A phase metric in SCALE.RISK without a phase, and no risk threshold of its own. */
    riskNeedsPhase: (id: string) =>
      `${id} is a phase metric: give the phase (1-4) to judge it against.`,
    value: (name: string, shown: string) =>
      `The value for ${name} is ${shown}; enter a number.`,
    shapes: (a: string, aShape: string, b: string, bShape: string) =>
      `${a} is ${aShape} but ${b} is ${bShape}; give ranges of the same shape.`,
    /** A value with an empty id cell beside it: text, or anything else as `shown`. */
    missingIdText: (text: string) =>
      `The text "${text}" has no metric id next to it.`,
    missingIdValue: (shown: string) =>
      `The value ${shown} has no metric id next to it.`,
    /** `percent`: a whole number from 2 to 100, likely a percentage typed for a fraction. */
    minShare: (shown: string, percent?: { value: number; fraction: number }) =>
      `min_share must be a fraction above 0 and at most 1${percent ? ` (${percent.value}% is ${percent.fraction})` : ""}; got ${shown}.`,
    flag: (name: string, shown: string) =>
      `${name} must be TRUE or FALSE; got ${shown}.`,
    language: (shown: string) => `language must be "en" or "es"; got ${shown}.`,
    valuesNeeded: (columns: number) =>
      `Give the values too, or a two-column range (ids, values) as metrics; metrics has ${plural(columns, "column")}.`,
    series: (shape: string) =>
      `values must be one row or one column of months; got ${shape}.`,
    groupCount: (group: string, indicators: readonly string[], got: number) =>
      `${group} has ${indicators.length} indicators (${indicators.join(", ")}); give ${indicators.length} values in that order, got ${got}.`,
    groupEmpty: (group: string, count: number) =>
      `No values for ${group}: all ${count} are empty.`,
    noneSwitchedOn: (phase: number) =>
      `No metric given has its phase ${phase} target switched on in thresholds.`,
    eta: {
      oneMetric: 'metric must be one metric id, such as "mrr".',
      notGrowing: (id: string) =>
        `No ETA for ${id}: it is computed for amounts that grow (mrr, arr, revenue_per_employee, customers, active_users, leads, team_size).`,
      switchedOff: (phase: number, id: string) =>
        `No ETA: the phase ${phase} target of ${id} is switched off in thresholds.`,
      none: (id: string, reason: NoEta) =>
        `No ETA for ${id}: ${NO_ETA[reason]}.`,
    },
  },
  thresholds: {
    at: (rowNumber: number, column?: string) =>
      `thresholds row ${rowNumber}${column ? `, ${column}` : ""}`,
    notANumber: (shown: string) => `${shown} is not a number`,
    groupRow: (text: string, example: string) =>
      `"${text}" is a risk group; give each of its indicators on its own row, as ${example}`,
    metricNeedsTargets: (id: string) =>
      `${id} is a phase metric; give its targets in P1..P4 columns`,
    contextNeedsThreshold: (id: string) =>
      `${id} is judged against a convention; give its threshold in a Threshold column, as the Thresholds sheet's third table does`,
    indicatorNeedsThreshold: (id: string) =>
      `${id} is a risk indicator; give its threshold in a Threshold column`,
    noRiskThreshold: (id: string) =>
      `${id} has no risk threshold; clear that cell`,
    noFloor: (id: string, withFloors: string) =>
      `${id} has no floor (only ${withFloors} has one); clear that cell`,
    unknownLayout: (columns: number) =>
      `thresholds: pass a Thresholds table (ScaleThresholds[#All] with its headers, or ScaleThresholds), or a five-column range (id, P1, P2, P3, P4); got ${plural(columns, "column")} without those headers`,
  },
} as const;
