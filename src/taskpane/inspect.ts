/**
 * Inspect a selection: rows of (metric, value) or a metric row with months. The numbers come
 * from the SCALE functions themselves, so the pane and the sheet always agree.
 */
import { PHASE_NUMBERS } from "../core/catalog";
import { resolve } from "../core/lookup";
import { isExcelError } from "../functions/errors";
import { gap, phase } from "../functions/functions";
import type { CellValue } from "./host";

export interface InspectedMetric {
  id: string;
  value: number;
  /** Phase this metric alone reaches (0-4), or the error message. */
  phase: number | string;
  /** Phase whose target the gap is measured against: the next one, or 4 at the top. */
  nextPhase: number;
  gap: number | string;
}

export interface Inspection {
  metrics: InspectedMetric[];
  /** SCALE.PHASE over all the metrics, or its error message. */
  phase: number | string;
}

const messageOf = (x: unknown): number | string =>
  isExcelError(x) ? `${x.code} ${x.message}` : (x as number);

/** Metric id in the first cell of a row and its value: the next cell, or the row's last number. */
function rowPair(row: readonly CellValue[]): [string, number] | undefined {
  const [id, ...rest] = row;
  if (typeof id !== "string" || resolve(id).kind !== "metric") return undefined;
  const numbers = rest.filter((v): v is number => typeof v === "number");
  return numbers.length ? [id, numbers[numbers.length - 1]] : undefined;
}

export function inspectSelection(
  values: readonly (readonly CellValue[])[],
): Inspection {
  const pairs = values
    .map(rowPair)
    .filter((p): p is [string, number] => p !== undefined);
  const metrics = pairs.map(([id, value]): InspectedMetric => {
    const reached = phase([[id]], [[value]]);
    const next =
      typeof reached === "number"
        ? Math.min(reached + 1, PHASE_NUMBERS.length)
        : 1;
    return {
      id,
      value,
      phase: messageOf(reached),
      nextPhase: next,
      gap: messageOf(gap([[id]], [[value]], next)[0][0]),
    };
  });
  return { metrics, phase: metrics.length ? messageOf(phase(pairs)) : "" };
}
