/**
 * Actuals for the template from rows of `metric,phase,month,value`: every bad row is reported
 * with its line number and what is wrong, and nothing is used unless every row is good.
 */
import {
  PHASE_NUMBERS,
  PhaseNumber,
  RISK_SHEET_MONTHS,
  phaseOf,
  valueProblem,
} from "./catalog";
import { resolve } from "./lookup";
import { Actual } from "./template/types";

export const ACTUALS_HEADER = ["metric", "phase", "month", "value"] as const;

export interface ActualsRow {
  /** Line in the source file, for messages. */
  readonly line: number;
  readonly cells: readonly string[];
}

export type ActualsResult =
  | { readonly ok: true; readonly actuals: Actual[] }
  | { readonly ok: false; readonly errors: string[] };

function readPhase(text: string): PhaseNumber | "R" | undefined {
  if (text.toUpperCase() === "R") return "R";
  const n = Number(text);
  return PHASE_NUMBERS.includes(n as PhaseNumber)
    ? (n as PhaseNumber)
    : undefined;
}

/** One row -> an actual, or the reason it cannot be one. */
function readRow(cells: readonly string[]): Actual | string {
  if (cells.length !== ACTUALS_HEADER.length)
    return `expected 4 fields (metric,phase,month,value); got ${cells.length}`;
  const [metricText, phaseText, monthText, valueText] = cells.map((c) =>
    c.trim(),
  );
  const phase = readPhase(phaseText);
  if (phase === undefined)
    return `phase must be 1, 2, 3, 4 or R (risk indicators); got "${phaseText}"`;
  const found = resolve(metricText);
  if (found.kind === "unknown") {
    return (
      `unknown metric "${metricText}"` +
      (found.suggestions.length
        ? ` (did you mean ${found.suggestions.join(", ")}?)`
        : "")
    );
  }
  if (found.kind === "ambiguous")
    return `"${metricText}" is ambiguous; use ${found.candidates.join(" or ")}`;
  if (found.kind === "group")
    return `"${metricText}" is a risk group; give one of its indicators as group.indicator`;
  const measure =
    phase === "R"
      ? found.indicator
      : found.kind === "metric"
        ? found.metric
        : undefined;
  if (measure === undefined) {
    return phase === "R"
      ? `"${metricText}" is a phase metric; risk rows (phase R) need a group.indicator id such as cash_burn.cash_runway`
      : `"${metricText}" is a risk indicator; give it phase R`;
  }
  const months = phase === "R" ? RISK_SHEET_MONTHS : phaseOf(phase).months;
  const month = Number(monthText);
  if (!Number.isInteger(month) || month < 1 || month > months) {
    return `month must be a whole number from 1 to ${months} for phase ${phase}; got "${monthText}"`;
  }
  const value = valueText === "" ? NaN : Number(valueText);
  if (!Number.isFinite(value))
    return `value "${valueText}" is not a number (write fractions as 0.05, not 5%)`;
  const problem = valueProblem(measure, value);
  if (problem) return problem;
  return {
    phase,
    id: measure.kind === "indicator" ? measure.qualifiedId : measure.id,
    month,
    value,
  };
}

/** `rows` includes the header row. */
export function readActuals(rows: readonly ActualsRow[]): ActualsResult {
  const [header, ...body] = rows;
  const errors: string[] = [];
  if (
    !header ||
    header.cells.map((c) => c.trim().toLowerCase()).join(",") !==
      ACTUALS_HEADER.join(",")
  ) {
    return {
      ok: false,
      errors: [
        `line ${header?.line ?? 1}: the header must be ${ACTUALS_HEADER.join(",")}; got "${header?.cells.join(",") ?? ""}"`,
      ],
    };
  }
  const seen = new Map<string, number>();
  const actuals: Actual[] = [];
  for (const { line, cells } of body) {
    if (cells.every((c) => c.trim() === "")) continue;
    const result = readRow(cells);
    if (typeof result === "string") {
      errors.push(`line ${line}: ${result}`);
      continue;
    }
    const key = `${result.phase}/${result.id}/${result.month}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push(
        `line ${line}: ${result.id} phase ${result.phase} month ${result.month} was already given on line ${earlier}`,
      );
      continue;
    }
    seen.set(key, line);
    actuals.push(result);
  }
  return errors.length ? { ok: false, errors } : { ok: true, actuals };
}
