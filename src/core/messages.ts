/**
 * Every sentence the core produces about bad input, in one place: the value checks of the
 * catalog, the thresholds tables and the actuals file. The function layer (src/functions/) and the
 * task pane word their own sentences around these; tests and the README quote them.
 */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const didYouMean = (suggestions: readonly string[]) =>
  suggestions.length ? ` (did you mean ${suggestions.join(", ")}?)` : "";

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
  },
  /** Ids in a table or file, shared by the thresholds and actuals readers. */
  id: {
    unknown: (text: string, suggestions: readonly string[]) =>
      `unknown metric "${text}"${didYouMean(suggestions)}`,
    ambiguous: (text: string, candidates: readonly string[]) =>
      `"${text}" is ambiguous; use ${candidates.join(" or ")}`,
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
  actuals: {
    fields: (count: number) =>
      `expected 4 fields (metric,phase,month,value); got ${count}`,
    phase: (text: string) =>
      `phase must be 1, 2, 3, 4 or R (risk indicators); got "${text}"`,
    groupRow: (text: string) =>
      `"${text}" is a risk group; give one of its indicators as group.indicator`,
    phaseMetricOnRiskRow: (text: string) =>
      `"${text}" is a phase metric; risk rows (phase R) need a group.indicator id such as cash_burn.cash_runway`,
    indicatorNeedsR: (text: string) =>
      `"${text}" is a risk indicator; give it phase R`,
    month: (months: number, phase: number | "R", text: string) =>
      `month must be a whole number from 1 to ${months} for phase ${phase}; got "${text}"`,
    notANumber: (text: string) =>
      `value "${text}" is not a number (write fractions as 0.05, not 5%)`,
    header: (line: number, expected: string, got: string) =>
      `line ${line}: the header must be ${expected}; got "${got}"`,
    line: (line: number, problem: string) => `line ${line}: ${problem}`,
    duplicate: (
      id: string,
      phase: number | "R",
      month: number,
      earlier: number,
    ) =>
      `${id} phase ${phase} month ${month} was already given on line ${earlier}`,
  },
} as const;
