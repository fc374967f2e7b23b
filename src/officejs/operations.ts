/** The Office.js adapter: insert the tracking workbook, refresh its risk flags, import from a selection. */
export {
  insertTrackingWorkbook,
  removeInsertLeft,
  REQUIRED_API,
} from "./insert/write";
export type { InsertOptions, InsertResult, InsertedSheet } from "./insert/write";
export { readTracker, rebuildTracker } from "./insert/rebuild";
export type { RebuildOutcome, RebuildResult, TrackerRead } from "./insert/rebuild";
export { rebuildSheetFlags, refreshRiskFlags } from "./refresh/read";
export type { FlaggedCell, RefreshResult } from "./refresh/read";
export {
  ImportChangedError,
  ImportIncompleteError,
  InsertIncompleteError,
  RebuildStoppedError,
  RefreshIncompleteError,
  WorkbookError,
} from "./errors";
export type { InsertLeft, WorkbookErrorCode } from "./errors";
export { readImport, writeImport, IMPORT_MAX_CELLS } from "./import/read";
export type {
  ImportCell,
  ImportPlan,
  ImportPreview,
  ImportWritten,
} from "./import/read";
