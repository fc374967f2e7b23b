/** The Office.js adapter: insert the tracking workbook, refresh its risk flags, import from a selection. */
export { insertTrackingWorkbook, REQUIRED_API } from "./insert/write";
export { removeInsertLeft } from "./insert/undo";
export type {
  InsertOptions,
  InsertResult,
  InsertedSheet,
} from "./insert/write";
export { readTracker } from "./insert/read";
export { rebuildTracker } from "./insert/rebuild";
export type {
  RebuildOutcome,
  RebuildResult,
  TrackerRead,
} from "./insert/rebuild";
export { rebuildSheetFlags, refreshRiskFlags } from "./refresh";
export type { FlaggedCell, RefreshResult } from "./refresh";
export {
  ImportChangedError,
  ImportIncompleteError,
  InsertIncompleteError,
  RebuildStoppedError,
  RefreshIncompleteError,
  WorkbookError,
} from "./errors";
export type { InsertLeft, WorkbookErrorCode } from "./errors";
export { readImport, IMPORT_MAX_CELLS } from "./import/read";
export { writeImport } from "./import/write";
export type { ImportCell, ImportPlan, ImportTarget } from "./import/plan";
export type { ImportPreview } from "./import/read";
export type { ImportWritten } from "./import/write";
