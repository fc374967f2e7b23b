/**
 * Excel errors with messages. Inside Excel they are `CustomFunctions.Error`; in Node (tests,
 * HyperFormula, the task pane's inspector) the global is absent and a look-alike is made instead.
 * Only #VALUE! and #N/A carry a message in Excel, so those are the only two used.
 */

import { MESSAGES } from "../core/messages";

export type ErrorCode = "#VALUE!" | "#N/A";

/** The shape Excel's `CustomFunctions.Error` has; returned from functions, never thrown. */
export interface ExcelError {
  readonly code: ErrorCode;
  readonly message: string;
}

/** Thrown inside the function layer for bad input; turned into an Excel error at the boundary. */
export class InputError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string): InputError =>
  new InputError("#VALUE!", message);
export const notAvailable = (message: string): InputError =>
  new InputError("#N/A", message);

class DetachedExcelError implements ExcelError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

function officeErrorCode(code: ErrorCode): CustomFunctions.ErrorCode {
  return code === "#N/A"
    ? CustomFunctions.ErrorCode.notAvailable
    : CustomFunctions.ErrorCode.invalidValue;
}

export function excelError(code: ErrorCode, message: string): ExcelError {
  if (
    typeof CustomFunctions !== "undefined" &&
    typeof CustomFunctions.Error === "function"
  ) {
    return new CustomFunctions.Error(
      officeErrorCode(code),
      message,
    ) as unknown as ExcelError;
  }
  return new DetachedExcelError(code, message);
}

export function isExcelError(x: unknown): x is ExcelError {
  return (
    typeof x === "object" &&
    x !== null &&
    (x as ExcelError).code !== undefined &&
    ((x as ExcelError).code === "#VALUE!" || (x as ExcelError).code === "#N/A")
  );
}

/** Runs `body`; bad input becomes its Excel error, anything unexpected a #VALUE! that says so. */
export function guard<T>(body: () => T): T | ExcelError {
  try {
    return body();
  } catch (e) {
    if (e instanceof InputError) return excelError(e.code, e.message);
    const detail = e instanceof Error ? e.message : String(e);
    return excelError("#VALUE!", MESSAGES.functions.unexpected(detail));
  }
}
