/** The Office.js adapter: insert the tracking workbook, refresh its risk flags, import from a selection. */
export {
  insertTrackingWorkbook,
  removeInsertLeft,
  REQUIRED_API,
} from "./insert";
export type { InsertOptions, InsertResult, InsertedSheet } from "./insert";
export { readTracker, rebuildTracker } from "./rebuild";
export type { RebuildOutcome, RebuildResult, TrackerRead } from "./rebuild";
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
export { readImport, writeImport, IMPORT_MAX_CELLS } from "./import";
export type {
  ImportCell,
  ImportPlan,
  ImportPreview,
  ImportWritten,
} from "./import";
