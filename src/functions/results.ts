/**
 * What a SCALE function hands back to Excel: a value, an Excel error with its message, or a
 * spilled range; never a thrown exception, NaN or Infinity.
 */
import { MESSAGES } from "../core/messages";
import { ExcelError, guard, invalid, notAvailable } from "./errors";
import { Grid, cellCount, isEmptyPair, shapeOf } from "./inputs";

export type Result<T> = T | ExcelError;
export type Spill<T> = Result<T>[][];

/** Runs `body` and returns a range for Excel: its spill, or its value or error as a 1x1 range. */
export function spill<T>(body: () => T | Spill<T>): Spill<T> {
  const result = guard(body);
  return Array.isArray(result) ? result : [[result]];
}

/**
 * A computed number, checked before it reaches a cell: Excel has no NaN or Infinity, so a result
 * that overflows (huge values against huge targets) is #VALUE!, not a broken cell.
 */
export function finite(n: number, what: string): number {
  if (Number.isFinite(n)) return n;
  throw invalid(MESSAGES.functions.tooLarge(what));
}

/**
 * Ids and values that hold nothing but blank pairs mean the call was given nothing: #N/A, not a
 * blank spill. Mismatched shapes are left to pairCells, which names both.
 */
export function somethingGiven(ids: Grid, values: Grid): void {
  const single = cellCount(ids) === 1;
  if (!single && shapeOf(ids) !== shapeOf(values)) return;
  for (let r = 0; r < values.length; r++)
    for (let c = 0; c < values[r].length; c++)
      if (!isEmptyPair(single ? ids[0][0] : ids[r][c], values[r][c])) return;
  throw notAvailable(MESSAGES.functions.nothingGiven);
}

/** PHASE and SCORE given only empty values. */
export const noMetricValues = () =>
  notAvailable(MESSAGES.functions.noMetricValues);

/** A check switched off in the thresholds (empty or 0 there): a blank cell, as the sheet's own flag. */
export const SWITCHED_OFF = "";
