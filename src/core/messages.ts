/**
 * Every sentence the core produces about bad input, in one place: the value checks of the
 * catalog, the thresholds tables and the actuals file, and the custom functions' errors
 * (MESSAGES.functions). The task pane words its own sentences around these; tests and docs/
 * quote them. The sentences
 * about a table's values (the importer's, the value checks') also come in Spanish, for the pane
 * (messages-es.ts, apart so the custom functions' bundle does not carry it).
 */
import type { NoEta } from "./evaluate";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
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
  importer: {
    header: (got: string) =>
      `the header must be metric,month,value (long form), a label or nothing followed by one column per month, such as metric,2026-01,2026-02 or KPI,Jan 2026,Feb 2026 (wide form; title rows above it are skipped), or month followed by one column per metric; got "${got}"`,
    noMetricHeader: () => "this column has no metric in its header",
    monthHeader: (text: string) =>
      `column "${text}" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)`,
    fields: (count: number) =>
      `expected 3 fields (metric,month,value); got ${count}`,
    groupRow: (text: string) =>
      `"${text}" is a risk group; give one of its indicators as group.indicator, such as cash_burn.burn_rate`,
    month: (text: string) =>
      `month "${text}" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)`,
    outsideTimeline: (
      month: string,
      first: string,
      last: string,
      months: number,
      fix = "give --first-month or --months to move or widen it",
    ) =>
      `month ${month} is outside the timeline, which runs from ${first} to ${last} (${plural(months, "month")}); ${fix}`,
    /** The fix for a selection's months after the Tracking sheet's last: the workbook's timeline is the one to widen. */
    widenTracking:
      "add months by inserting columns inside the Tracking sheet's month block first, or leave those months out",
    /** The fix for a selection's months before the Tracking sheet's first. */
    earlierTracking:
      "leave those months out, or rebuild the tracking workbook with an earlier first month (Rebuild, on the Insert tab)",
    positionOutside: (position: number, months: number) =>
      `month ${position} is outside the timeline's months 1 to ${months}`,
    notANumber: (text: string) =>
      `value "${text}" is not a number (write fractions as 0.05, not 5%)`,
    tooLarge: (text: string) =>
      `value "${text}" is too large for Excel (its largest number is about 1E+308): check it for extra digits`,
    percentSign: (text: string) =>
      `value "${text}" has a percent sign: write percentages as fractions (5% is 0.05)`,
    separators: (text: string) =>
      `value "${text}" has a currency symbol or a thousands separator: remove them ($1,234,567.50 is 1234567.5)`,
    /** `earlier`: where the first value was, "line 3" or "row 3"; `earlierId` where it was given under another id of the same row. */
    duplicate: (
      id: string,
      month: string,
      earlier: string,
      earlierId?: string,
    ) =>
      `${id} for ${month} was already given on ${earlier}${earlierId ? ` (${earlierId} and ${id} are the same row)` : ""}`,
    monthNumber: (position: number) => `month ${position}`,
    /** A row whose label is no known measure: the lookup's sentence and how to import it. */
    unknownRow: (unknown: string, fix: string) => `${unknown}; ${fix}`,
    /** Values in a row whose first cell is blank (an unlabelled sum row, say). */
    noLabel: () =>
      "this row has values but no label in its first cell: write the measure it is there, or remove the row",
    /** The command line's fix for an unknown row. */
    mapOption: (label: string) =>
      `give --map "${label}=ID" with the id of the measure it is, or remove the row`,
    /** The pane's fix for an unknown row. */
    chooseMeasure:
      "choose the measure it is, or leave the row out of the selection",
    /** A mapping (label -> id) whose id names no measure. */
    mapping: (label: string, problem: string) =>
      `the mapping of "${label}": ${problem}`,
    /** A row or column read and left out: a title above the header, a total. */
    skipped: (what: "title" | "totalRow" | "totalColumn", label: string) =>
      what === "totalColumn"
        ? "skipped (a total column)"
        : `skipped (${what === "title" ? "above the header" : "a total row"}): "${label}"`,
    /** An unusual value: written all the same (product.md 11). `neighbours`: the months and values before and after it. */
    unusual: (
      name: string,
      month: string,
      value: number,
      neighbours: readonly (readonly [string, number])[],
      size: "large" | "small",
    ) =>
      `${name} for ${month} is ${value}, ${size === "large" ? "at least 10 times" : "at most a tenth of"} both its neighbours (${neighbours
        .map(([m, v]) => `${m}: ${v}`)
        .join(
          "; ",
        )}): check it is in the same unit as they are (not thousands, cents or a percentage)`,
    noMonths: () =>
      "the file has no months: give a calendar month (YYYY-MM) or a month number",
    /** Where a value is: "line 4" in a file, "row 4" in a selection. */
    line: (word: "line" | "row", line: number) => `${word} ${line}`,
    /** Import from a selection: the workbook's month headers cannot be read. */
    notDates: () =>
      "The Tracking sheet's month headers are not dates: insert the tracking workbook again, or type the first month's date in its first month header.",
    /** Import from a selection: a row's name is gone. */
    rowGone: (where: string, id: string, name: string) =>
      `${where}: the Tracking sheet has no row for ${id} any more (its name ${name} is gone); insert the tracking workbook again`,
    /** "line 4: ..." in a file, "row 4: ..." in a selection. */
    at: (where: string, problem: string) => `${where}: ${problem}`,
    cell: (where: string, column: string, problem: string) =>
      `${where}, column ${column}: ${problem}`,
  },
  /**
   * The insert options (template/options.ts), for the command line and the pane: `name` is how the
   * surface names the option ("--first-month", or the pane's field label), `got` what was given.
   */
  options: {
    language: (name: string, got: string) =>
      `${name} must be en or es; got "${got}"`,
    company: (name: string, max: number, length: number) =>
      `${name} must be 1 to ${max} characters, as it titles the dashboard; got ${length}`,
    currency: (name: string, got: string) =>
      `${name} must be a three-letter code such as USD or EUR; got "${got}"`,
    months: (name: string, min: number, max: number, got: string) =>
      `${name} must be a whole number from ${min} to ${max}; got "${got}"`,
    firstMonth: (name: string, got: string) =>
      `${name} must be YYYY-MM, such as 2026-01; got "${got}"`,
    firstMonthRange: (
      name: string,
      from: string,
      to: string,
      months: number,
      got: string,
    ) =>
      `${name} must be from ${from} to ${to}, so that all ${months} months are dates Excel can hold; got "${got}"`,
  },
  /** A rebuild's (product.md 11): what the new timeline cannot hold, and what is carried. */
  rebuild: {
    /** What a dropped value is of: a row's id, or the reporting month. */
    reportingMonth: "the reporting month",
    dropped: (
      what: string,
      month: string,
      value: string,
      reason: "outside" | "notANumber",
    ) =>
      reason === "outside"
        ? `${what}, ${month}: ${value} (not on the new timeline)`
        : `${what}, ${month}: "${value}" is not a number, so no cell of the new workbook takes it`,
    cannotCarry: (count: number, first: string, last: string, months: number) =>
      `${plural(count, "value")} of the old workbook cannot be carried into the new timeline, which runs from ${first} to ${last} (${plural(months, "month")})`,
    /** The command line's fix. */
    dropOption:
      "give a --first-month and --months whose timeline holds them, or add --drop-outside to write the new workbook without them",
    /** The pane's fix. */
    confirmDrop:
      "change the first month or the number of months so that the timeline holds them, or rebuild without them",
    carried: (
      values: number,
      typedOver: number,
      thresholds: number,
      planEntries: number,
      settings: readonly string[],
    ) =>
      `Carried ${plural(values, "value")}${typedOver ? ` (${typedOver} typed over computed cells)` : ""}, ${plural(thresholds, "threshold edit")}, ${planEntries} plan ${planEntries === 1 ? "entry" : "entries"}${settings.length ? `, ${settings.join(", ")}` : ""}.`,
    reportingSetting: (month: string) => `the reporting month ${month}`,
    minShareSetting: (share: number) =>
      `the minimum share ${+(share * 100).toFixed(4)}%`,
    startSetting: (month: string) => `the start month ${month}`,
    fromFormulas: (count: number) =>
      `${plural(count, "formula")} typed on input rows ${count === 1 ? "is" : "are"} carried as ${count === 1 ? "its number" : "their numbers"}.`,
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

type Widened<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : T[K];
};

/** The sentences about a table's values, ids and rows (the importer's, the value checks'), the insert options' and a rebuild's: what messages-es.ts gives in Spanish. */
export type InputMessages = {
  readonly [K in "value" | "id" | "importer" | "options" | "rebuild"]: Widened<
    (typeof MESSAGES)[K]
  >;
};
