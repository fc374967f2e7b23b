/** Office.js failures as plain sentences that say what to do; the task pane translates by code. */

export type WorkbookErrorCode =
  | "protected"
  | "editMode"
  | "readOnly"
  | "apiNotSupported"
  | "notInserted"
  | "unknown";

const MESSAGES: Readonly<Record<WorkbookErrorCode, string>> = {
  protected:
    "The workbook or a sheet is protected. Unprotect it (Review > Unprotect), then try again.",
  editMode:
    "Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.",
  readOnly:
    "The workbook is read-only. Save a copy you can edit (File > Save a Copy), then try again.",
  apiNotSupported:
    "This version of Excel does not support what Scale Tracker needs (Excel API 1.8). Use Microsoft 365 or Excel on the web.",
  notInserted:
    "No tracking workbook found here. Insert it first with Insert tracking workbook.",
  unknown:
    "Excel could not finish the operation. Nothing was changed; try again.",
};

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    readonly detail?: string,
  ) {
    super(MESSAGES[code]);
    this.name = "WorkbookError";
  }
}

/** Office.js error codes (OfficeExtension.Error.code) -> what the user can do about them. */
const OFFICE_CODES: Readonly<Record<string, WorkbookErrorCode>> = {
  AccessDenied: "protected",
  InvalidOperationInCellEditMode: "editMode",
  ApiNotFound: "apiNotSupported",
  ApiNotAvailable: "apiNotSupported",
  UnsupportedFeature: "apiNotSupported",
  UnsupportedOperation: "apiNotSupported",
  Forbidden: "readOnly",
};

export function toWorkbookError(e: unknown): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const code =
    typeof e === "object" && e !== null
      ? String((e as { code?: unknown }).code ?? "")
      : "";
  const detail = e instanceof Error ? e.message : String(e);
  return new WorkbookError(OFFICE_CODES[code] ?? "unknown", detail);
}
