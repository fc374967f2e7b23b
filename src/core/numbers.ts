/**
 * Numbers written as text, read in one place (the importer's values and month numbers, the
 * thresholds reader's header test, the command line's options): plain decimals only, and never
 * a number JavaScript cannot hold. `Number("1e309")` and `Number("9".repeat(400))` are Infinity;
 * Excel cannot hold one either (its largest number is about 1E+308: "Excel specifications and
 * limits", https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3),
 * so such a text is refused as too large rather than written as Infinity.
 */

export type NumberText =
  | { readonly kind: "number"; readonly value: number }
  /** Written as a number, but beyond any number Excel or JavaScript holds. */
  | { readonly kind: "tooLarge" }
  | { readonly kind: "notANumber" };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const WHOLE = /^\d+$/;

const NOT_A_NUMBER: NumberText = { kind: "notANumber" };
const TOO_LARGE: NumberText = { kind: "tooLarge" };

/** A number a cell can hold: finite (no NaN, no Infinity). */
export const isFiniteNumber = (x: unknown): x is number =>
  typeof x === "number" && Number.isFinite(x);

/** `-12.5`, `3e4`, `.5` (a decimal point; a decimal comma is the caller's to turn into one). */
export function readDecimalText(text: string): NumberText {
  if (!DECIMAL.test(text)) return NOT_A_NUMBER;
  const value = Number(text);
  return Number.isFinite(value) ? { kind: "number", value } : TOO_LARGE;
}

/** Digits only (`36`), exact: beyond 2^53 a count of digits no longer reads as what was written. */
export function readWholeText(text: string): NumberText {
  if (!WHOLE.test(text)) return NOT_A_NUMBER;
  const value = Number(text);
  return Number.isSafeInteger(value) ? { kind: "number", value } : TOO_LARGE;
}
