/** Office.js failures as plain sentences that say what to do; the task pane translates by code. */
import type { Language } from "../core/catalog";
import type { Cell } from "../core/cell";
import type { ImportCell, ImportTarget } from "./import/plan";

export type WorkbookErrorCode =
  | "protected"
  | "editMode"
  | "readOnly"
  | "apiNotSupported"
  | "unsupportedFeature"
  | "invalidOperation"
  | "tooLarge"
  | "notInserted"
  | "olderLayout"
  | "badThresholds"
  | "refreshIncomplete"
  | "rebuildIncomplete"
  | "insertIncomplete"
  | "importChanged"
  | "budgetChanged"
  | "noBudget"
  | "importIncomplete"
  | "trackerRebuildStopped"
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
      "This version of Excel does not support what Scale Tracker needs (Excel API 1.9). Use Microsoft 365 or Excel on the web.",
    unsupportedFeature:
      "The sheet holds a feature Excel cannot change from an add-in. Make the change on a copy of the sheet without that feature, or by hand.",
    invalidOperation:
      "Excel cannot do that right now: a cell is being edited or a dialog is open. Press Enter or Esc, close any dialog, then try again.",
    tooLarge:
      "The selection is too large for Excel to pass to the add-in at once. Select fewer cells (a few thousand at most), then try again.",
    notInserted:
      "No tracking workbook found here. Insert it first with Insert tracking workbook.",
    olderLayout:
      "The Tracking sheet's columns are not where this version of Scale Tracker puts them (a tracker made by an earlier version, or columns inserted before the months). Rebuild the tracker from the pane's Insert view, which keeps every number you typed, then refresh.",
    badThresholds:
      "A threshold on the Thresholds sheet is not a number. Type a number there (5% is 0.05), or clear it to switch that check off, then refresh again.",
    refreshIncomplete:
      "Excel stopped the refresh part-way. Every sheet still has a full set of flags, old or new; refresh again to bring them all up to date.",
    rebuildIncomplete:
      "Excel stopped the rebuild part-way: that sheet's flags were cleared and may be only partly back. Rebuild it again.",
    insertIncomplete:
      "Excel stopped the insert part-way, and the add-in could not take back everything it had added.",
    importChanged:
      "The Tracking sheet changed since the preview, so nothing was written. Read the selection again to see the import as it is now.",
    budgetChanged:
      "The Budget sheet changed since the preview, so nothing was written. Read the selection again to see the import as it is now.",
    noBudget:
      "This tracker has no Budget sheet: an earlier version of Scale Tracker made it. Rebuild it first from the pane's Insert view, which keeps every number you typed, then import into the budget.",
    importIncomplete: "Excel stopped the import part-way.",
    trackerRebuildStopped:
      "Excel stopped the rebuild after the new sheets were written.",
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
      "Esta versión de Excel no admite lo que Scale Tracker necesita (Excel API 1.9). Usa Microsoft 365 o Excel en la web.",
    unsupportedFeature:
      "La hoja tiene una característica que Excel no permite cambiar desde un complemento. Haz el cambio en una copia de la hoja sin esa característica, o a mano.",
    invalidOperation:
      "Excel no puede hacerlo ahora: se está editando una celda o hay un cuadro de diálogo abierto. Pulsa Intro o Esc, cierra el cuadro de diálogo e inténtalo de nuevo.",
    tooLarge:
      "La selección es demasiado grande para que Excel la pase al complemento de una vez. Selecciona menos celdas (unos pocos miles como máximo) e inténtalo de nuevo.",
    notInserted:
      "No se encontró un libro de seguimiento aquí. Insértalo primero con Insertar libro de seguimiento.",
    olderLayout:
      "Las columnas de la hoja Seguimiento no están donde las pone esta versión de Scale Tracker (un libro creado por una versión anterior, o columnas insertadas antes de los meses). Reconstruye el libro desde la vista Insertar del panel, que conserva todo lo que escribiste, y luego actualiza.",
    badThresholds:
      "Un umbral de la hoja Umbrales no es un número. Escribe un número (5 % es 0,05), o bórralo para desactivar esa comprobación, y vuelve a actualizar.",
    refreshIncomplete:
      "Excel detuvo la actualización a medias. Cada hoja conserva un juego completo de alertas, antiguo o nuevo; vuelve a actualizar para ponerlas todas al día.",
    rebuildIncomplete:
      "Excel detuvo la reconstrucción a medias: las alertas de esa hoja se borraron y puede que solo vuelvan en parte. Reconstrúyela de nuevo.",
    insertIncomplete:
      "Excel detuvo la inserción a medias, y el complemento no pudo deshacer todo lo que había añadido.",
    importChanged:
      "La hoja Seguimiento cambió desde la vista previa, así que no se escribió nada. Vuelve a leer la selección para ver la importación tal como está ahora.",
    budgetChanged:
      "La hoja Presupuesto cambió desde la vista previa, así que no se escribió nada. Vuelve a leer la selección para ver la importación tal como está ahora.",
    noBudget:
      "Este libro de seguimiento no tiene hoja Presupuesto: lo creó una versión anterior de Scale Tracker. Reconstrúyelo primero desde la vista Insertar del panel, que conserva todo lo que escribiste, y luego importa al presupuesto.",
    importIncomplete: "Excel detuvo la importación a medias.",
    trackerRebuildStopped:
      "Excel detuvo la reconstrucción después de escribir las hojas nuevas.",
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

/** A refresh Excel stopped part-way: the sheets that hold their new flags, and those that kept the old. */
export class RefreshIncompleteError extends WorkbookError {
  constructor(
    readonly refreshed: readonly string[],
    /** Sheets that kept their previous flags, or hold both sets (the write stopped while deleting the old). */
    readonly notRefreshed: readonly string[],
    /** Why Excel stopped, as its own sentence (protected, editMode...). */
    readonly cause: WorkbookError,
    /** Sheets whose rules Excel could not read, so not written: a refresh again offers to rebuild them. */
    readonly unreadable: readonly string[] = [],
  ) {
    super(
      "refreshIncomplete",
      `Refreshed: ${refreshed.join(", ") || "none"}. Kept their previous flags: ${notRefreshed.join(", ") || "none"}.` +
        (unreadable.length ? ` Not read: ${unreadable.join(", ")}.` : "") +
        ` ${cause.message}${cause.detail ? ` (${cause.detail})` : ""}`,
    );
    this.name = "RefreshIncompleteError";
  }
}

/** A cell an import was to write that no longer holds what its preview showed. */
export interface ChangedCell {
  readonly cell: ImportCell;
  /** As Range.formulas gives it: "=..." for a formula, "" when empty, else its value. */
  readonly now: NonNullable<Cell>;
}

/** An import refused at write time: the sheet imported into (Tracking, or the budget) changed since the preview, and nothing was written. */
export class ImportChangedError extends WorkbookError {
  constructor(
    readonly cells: readonly ChangedCell[],
    /** Row names that point elsewhere now (a row or column inserted or deleted, the sheet renamed or deleted). */
    readonly moved: readonly string[],
    readonly target: ImportTarget = "tracking",
  ) {
    super(
      target === "budget" ? "budgetChanged" : "importChanged",
      [
        ...cells.map(
          (c) =>
            `${c.cell.address}: ${JSON.stringify(c.cell.seen)} in the preview, ${JSON.stringify(c.now)} now`,
        ),
        ...(moved.length ? [`Moved: ${moved.join(", ")}`] : []),
      ].join("; "),
    );
    this.name = "ImportChangedError";
  }
}

/** An import Excel stopped part-way: the cells it wrote (as read afterwards), or unchecked when that read failed too. */
export class ImportIncompleteError extends WorkbookError {
  constructor(
    readonly written: readonly ImportCell[],
    /** The values the import was to write. */
    readonly total: number,
    readonly cause: WorkbookError,
    /** False when Excel could not be read afterwards: `written` is then empty, and any of the values may be there. */
    readonly checked: boolean,
    /** The sheet imported into. */
    readonly target: ImportTarget = "tracking",
  ) {
    super(
      "importIncomplete",
      `${checked ? `Written: ${written.map((c) => c.address).join(", ") || "none"} of ${total} values.` : `Not checked which of ${total} values were written.`} ${cause.message}${cause.detail ? ` (${cause.detail})` : ""}`,
    );
    this.name = "ImportIncompleteError";
  }
}

/**
 * A rebuild Excel stopped once the new sheets were written (docs/rebuild.md). `names`: while it
 * pointed the workbook's names at them, and pointing them back failed too, so some names point
 * to the new sheets (`moved`) and both sets of sheets are there. `replace`: after every name
 * pointed to the new sheets, which make the working tracker; some old sheets may be left and
 * some new ones keep a temporary name.
 */
export class RebuildStoppedError extends WorkbookError {
  constructor(
    readonly stage: "names" | "replace",
    /** Sheets of the old tracker still in the workbook. */
    readonly oldSheets: readonly string[],
    /** New sheets under a temporary name, with the name they were to get. */
    readonly temporary: readonly {
      readonly name: string;
      readonly final: string;
    }[],
    /** Stage "names": the names that point to the new sheets. */
    readonly moved: readonly string[],
    readonly cause: WorkbookError,
  ) {
    super(
      "trackerRebuildStopped",
      `${stage === "names" ? `Names pointing to the new sheets: ${moved.join(", ") || "none"}. ` : ""}Old sheets left: ${oldSheets.join(", ") || "none"}. New sheets under a temporary name: ${temporary.map((t) => `${t.name} (to be ${t.final})`).join(", ") || "none"}. ${cause.message}${cause.detail ? ` (${cause.detail})` : ""}`,
    );
    this.name = "RebuildStoppedError";
  }
}

/** What an insert Excel stopped part-way left in the workbook, as read after its own undo failed. */
export interface InsertLeft {
  /** Sheets the insert added that are still there; the id (Worksheet.id) stays with a sheet when it is renamed. */
  readonly sheets: readonly { readonly name: string; readonly id: string }[];
  /** Workbook names the insert added that are still there, with the reference each holds. */
  readonly names: readonly {
    readonly name: string;
    readonly formula: string;
  }[];
  /** Broken names (#REF!) of an earlier tracker that the insert took over (replaced or deleted): removing puts them back. */
  readonly lost: readonly { readonly name: string; readonly formula: string }[];
  /** False when Excel could not be read after the failure: the lists hold what may be there, and sheets have no id. */
  readonly checked: boolean;
}

export const nothingLeft = (left: InsertLeft): boolean =>
  left.sheets.length + left.names.length + left.lost.length === 0;

/** An insert Excel stopped part-way whose additions could not all be taken back: what is left, and why Excel stopped. */
export class InsertIncompleteError extends WorkbookError {
  constructor(
    readonly left: InsertLeft,
    readonly cause: WorkbookError,
  ) {
    super(
      "insertIncomplete",
      `${left.checked ? "Left" : "May be left"}: sheets ${left.sheets.map((s) => s.name).join(", ") || "none"}; names ${left.names.map((n) => n.name).join(", ") || "none"}` +
        (left.lost.length
          ? `; broken names taken over: ${left.lost.map((n) => n.name).join(", ")}`
          : "") +
        `. ${cause.message}${cause.detail ? ` (${cause.detail})` : ""}`,
    );
    this.name = "InsertIncompleteError";
  }
}

/**
 * Office.js error codes (OfficeExtension.Error.code) -> what the user can do about them, as
 * Microsoft's "Error handling with the application-specific JavaScript APIs" table defines them:
 * UnsupportedFeature is "the source worksheet contains one or more unsupported features", not an
 * old Excel; the payload limits are Excel on the web's (5 MB per request or response).
 */
const OFFICE_CODES: Readonly<Record<string, WorkbookErrorCode>> = {
  AccessDenied: "protected",
  InvalidOperationInCellEditMode: "editMode",
  InvalidOperation: "invalidOperation",
  ApiNotFound: "apiNotSupported",
  ApiNotAvailable: "apiNotSupported",
  UnsupportedOperation: "apiNotSupported",
  UnsupportedFeature: "unsupportedFeature",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
  RangeExceedsLimit: "tooLarge",
  OperationCellsExceedLimit: "tooLarge",
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

/** A cell to select is gone: its sheet was renamed or deleted since the pane listed it. */
export class CellGoneError extends Error {
  constructor(readonly address: string) {
    super(`No sheet holds ${address} any more`);
    this.name = "CellGoneError";
  }
}

/** Inspect reads at most this many cells of a selection: more is refused before any value is read. */
export const INSPECT_MAX_CELLS = 10_000;

/** A selection larger than Inspect reads (Excel on the web would refuse the payload anyway). */
export class SelectionTooLargeError extends Error {
  constructor(readonly cells: number) {
    super(
      `The selection has ${cells} cells; Inspect reads up to ${INSPECT_MAX_CELLS}`,
    );
    this.name = "SelectionTooLargeError";
  }
}

/**
 * Office.js error codes the pane has its own sentence for: WORKBOOK_ERROR_MESSAGES
 * has none and would say "try again", which does not help.
 */
export type PaneOfficeCode = "InvalidSelection";

/** An Office.js failure with one of the codes above, passed on to the pane as it is. */
export class PaneOfficeError extends Error {
  constructor(
    readonly code: PaneOfficeCode,
    message: string,
  ) {
    super(message);
    this.name = "PaneOfficeError";
  }
}
