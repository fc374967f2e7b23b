/**
 * Unusual values (product.md section 11, "Unusual values are warned about, not refused"): a typed
 * value at least 10 times, or at most a tenth of, both its nearest typed neighbours in its row, as
 * a CAC typed in thousands among dollars is. The import preview, the command line and refresh
 * list them; nothing is refused for it.
 */
import { isFiniteNumber } from "./numbers";

/** How many times larger (or smaller) than both neighbours a value must be to be unusual. */
export const UNUSUAL_FACTOR = 10;

export interface Neighbour {
  /** 1-based position on the timeline. */
  readonly month: number;
  readonly value: number;
}

export interface UnusualValue {
  /** 1-based position on the timeline. */
  readonly month: number;
  readonly value: number;
  /** The nearest typed values before and after it in the same row. */
  readonly previous: Neighbour;
  readonly next: Neighbour;
  /** "large": at least 10 times both neighbours; "small": at most a tenth of both. */
  readonly size: "large" | "small";
}

/** Float products such as 10 × 0.03 must not decide the edge: exactly 10 times is unusual. */
const EDGE = 1e-9;

/**
 * The unusual values of one row of the timeline. `typed` holds the row's month cells, month 1
 * first, as the user typed them: a number is a typed value, anything else (blank, text, and a
 * computed cell, which the caller passes as null) is skipped. Only values whose two neighbours and
 * itself are non-zero and of one sign are compared: a ratio to zero, or across a change of sign
 * (a cash balance going negative), says nothing about a unit slip.
 */
export function unusualValues(typed: readonly unknown[]): UnusualValue[] {
  const points: Neighbour[] = typed.flatMap((value, i) =>
    isFiniteNumber(value) ? [{ month: i + 1, value }] : [],
  );
  const unusual: UnusualValue[] = [];
  for (let k = 1; k + 1 < points.length; k++) {
    const [previous, here, next] = [points[k - 1], points[k], points[k + 1]];
    const size = sizeAmong(here.value, previous.value, next.value);
    if (size) unusual.push({ ...here, previous, next, size });
  }
  return unusual;
}

function sizeAmong(
  value: number,
  previous: number,
  next: number,
): UnusualValue["size"] | undefined {
  const sign = Math.sign(value);
  if (sign === 0 || Math.sign(previous) !== sign || Math.sign(next) !== sign)
    return undefined;
  const [v, a, b] = [value, previous, next].map(Math.abs);
  if (v >= UNUSUAL_FACTOR * Math.max(a, b) * (1 - EDGE)) return "large";
  if (v * UNUSUAL_FACTOR <= Math.min(a, b) * (1 + EDGE)) return "small";
  return undefined;
}
