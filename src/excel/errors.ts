/** Office.js failures as plain sentences that say what to do; the task pane translates by code. */
import type { Language } from "../core/catalog";

export type WorkbookErrorCode =
  | "protected"
  | "editMode"
  | "readOnly"
  | "apiNotSupported"
  | "notInserted"
  | "badThresholds"
  | "unknown";

/** What to do about each failure, in the pane's two languages; WorkbookError carries the English one. */
export const WORKBOOK_ERROR_MESSAGES: Readonly<
  Record<Language, Readonly<Record<WorkbookErrorCode, string>>>
> = {
  en: {
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
    badThresholds:
      "A threshold on the Thresholds sheet is empty or not a number. Type a number there (5% is 0.05), then refresh again.",
    unknown:
      "Excel could not finish the operation. Nothing was changed; try again.",
  },
  es: {
    protected:
      "El libro o una hoja está protegido. Desprotégelo (Revisar > Desproteger) e inténtalo de nuevo.",
    editMode:
      "Excel está editando una celda. Pulsa Intro o Esc para salir de la celda e inténtalo de nuevo.",
    readOnly:
      "El libro es de solo lectura. Guarda una copia editable (Archivo > Guardar una copia) e inténtalo de nuevo.",
    apiNotSupported:
      "Esta versión de Excel no admite lo que Scale Tracker necesita (Excel API 1.8). Usa Microsoft 365 o Excel en la web.",
    notInserted:
      "No se encontró un libro de seguimiento aquí. Insértalo primero con Insertar libro de seguimiento.",
    badThresholds:
      "Un umbral de la hoja Umbrales está vacío o no es un número. Escribe un número (5 % es 0,05) y vuelve a actualizar.",
    unknown:
      "Excel no pudo terminar la operación. No se cambió nada; inténtalo de nuevo.",
  },
};

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    readonly detail?: string,
  ) {
    super(WORKBOOK_ERROR_MESSAGES.en[code]);
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
