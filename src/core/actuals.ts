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
import { MESSAGES } from "./messages";
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
    return MESSAGES.actuals.fields(cells.length);
  const [metricText, phaseText, monthText, valueText] = cells.map((c) =>
    c.trim(),
  );
  const phase = readPhase(phaseText);
  if (phase === undefined) return MESSAGES.actuals.phase(phaseText);
  const found = resolve(metricText);
  if (found.kind === "unknown")
    return MESSAGES.id.unknown(metricText, found.suggestions);
  if (found.kind === "ambiguous")
    return MESSAGES.id.ambiguous(metricText, found.candidates);
  if (found.kind === "group") return MESSAGES.actuals.groupRow(metricText);
  const measure =
    phase === "R"
      ? found.indicator
      : found.kind === "metric"
        ? found.metric
        : undefined;
  if (measure === undefined) {
    return phase === "R"
      ? MESSAGES.actuals.phaseMetricOnRiskRow(metricText)
      : MESSAGES.actuals.indicatorNeedsR(metricText);
  }
  const months = phase === "R" ? RISK_SHEET_MONTHS : phaseOf(phase).months;
  const month = Number(monthText);
  if (!Number.isInteger(month) || month < 1 || month > months) {
    return MESSAGES.actuals.month(months, phase, monthText);
  }
  const value = valueText === "" ? NaN : Number(valueText);
  if (!Number.isFinite(value)) return MESSAGES.actuals.notANumber(valueText);
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
        MESSAGES.actuals.header(
          header?.line ?? 1,
          ACTUALS_HEADER.join(","),
          header?.cells.join(",") ?? "",
        ),
      ],
    };
  }
  const seen = new Map<string, number>();
  const actuals: Actual[] = [];
  for (const { line, cells } of body) {
    if (cells.every((c) => c.trim() === "")) continue;
    const result = readRow(cells);
    if (typeof result === "string") {
      errors.push(MESSAGES.actuals.line(line, result));
      continue;
    }
    const key = `${result.phase}/${result.id}/${result.month}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push(
        MESSAGES.actuals.line(
          line,
          MESSAGES.actuals.duplicate(
            result.id,
            result.phase,
            result.month,
            earlier,
          ),
        ),
      );
      continue;
    }
    seen.set(key, line);
    actuals.push(result);
  }
  return errors.length ? { ok: false, errors } : { ok: true, actuals };
}
