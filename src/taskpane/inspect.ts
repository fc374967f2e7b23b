/**
 * Inspect a selection: rows of (metric, value) or metric rows with months. The numbers come
 * from the SCALE functions themselves, so the pane and the sheet always agree.
 */
import { PHASE_NUMBERS, Unit } from "../core/catalog";
import { resolve } from "../core/lookup";
import { isExcelError } from "../functions/errors";
import { gap, phase } from "../functions/functions";
import { isFormula } from "../excel/cells";
import type { CellValue, SelectedCells } from "./host";

export interface InspectedMetric {
  /** The catalog id, whatever spelling the sheet uses. */
  id: string;
  unit: Unit;
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
  /** True when the targets came from the workbook's Thresholds sheet, false for the built-in ones. */
  workbookTargets: boolean;
}

const messageOf = (x: unknown): number | string =>
  isExcelError(x) ? `${x.code} ${x.message}` : (x as number);

/**
 * The value of a metric row. Typed text after the id (its name, its unit, its kind) is skipped.
 * If the next cell is a formula with a number, that is the value (the dashboard's rows, the
 * Tracking sheet's Latest, (metric, =formula) pairs); otherwise the value is the last number
 * typed in the row (the latest month), so computed columns (targets, gaps, derived months) are ignored.
 */
function rowValue(
  values: readonly CellValue[],
  formulas: readonly CellValue[],
): number | undefined {
  let first = 1;
  while (
    first < values.length &&
    !isFormula(formulas[first]) &&
    typeof values[first] === "string" &&
    values[first] !== ""
  )
    first++;
  if (first >= values.length) return undefined;
  if (isFormula(formulas[first]) && typeof values[first] === "number")
    return values[first] as number;
  const typed = values.filter(
    (v, c): v is number =>
      c >= first && typeof v === "number" && !isFormula(formulas[c]),
  );
  return typed.length ? typed[typed.length - 1] : undefined;
}

function rowPair(
  values: readonly CellValue[],
  formulas: readonly CellValue[],
): [string, number, Unit] | undefined {
  const id = values[0];
  if (typeof id !== "string") return undefined;
  const found = resolve(id);
  if (found.kind !== "metric") return undefined;
  const value = rowValue(values, formulas);
  return value === undefined
    ? undefined
    : [found.metric.id, value, found.metric.unit];
}

/** The workbook's targets as Inspect passes them to the functions: none means the built-in ones. */
export const workbookThresholds = (
  targets: CellValue[][] | undefined,
): CellValue[][] | undefined => (targets?.length ? targets : undefined);

/**
 * The phase a metric reaches alone, and the phase its gap is measured against: the next one, 4
 * at the top, 1 where the phase is an error. Inspect's table and the formula builder both use it.
 */
export function rowPhases(
  id: string,
  value: CellValue,
  thresholds: CellValue[][] | undefined,
): { reached: unknown; next: number } {
  const reached = phase([[id]], [[value]], undefined, thresholds);
  const next =
    typeof reached === "number"
      ? Math.min(reached + 1, PHASE_NUMBERS.length)
      : 1;
  return { reached, next };
}

export function inspectSelection(cells: SelectedCells): Inspection {
  const thresholds = workbookThresholds(cells.targets);
  const pairs = cells.values
    .map((row, r) => rowPair(row, cells.formulas[r] ?? []))
    .filter((p): p is [string, number, Unit] => p !== undefined);
  const metrics = pairs.map(([id, value, unit]): InspectedMetric => {
    const { reached, next } = rowPhases(id, value, thresholds);
    return {
      id,
      unit,
      value,
      phase: messageOf(reached),
      nextPhase: next,
      gap: messageOf(gap([[id]], [[value]], next, undefined, thresholds)[0][0]),
    };
  });
  const overall = metrics.length
    ? messageOf(
        phase(
          pairs.map(([id, value]) => [id, value]),
          undefined,
          undefined,
          thresholds,
        ),
      )
    : "";
  return { metrics, phase: overall, workbookTargets: thresholds !== undefined };
}
