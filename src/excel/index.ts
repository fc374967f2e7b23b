/** The Office.js adapter: insert the tracking workbook, refresh its risk flags. */
export { insertTrackingWorkbook, REQUIRED_API } from "./insert";
export type { InsertOptions, InsertResult, InsertedSheet } from "./insert";
export { refreshRiskFlags } from "./refresh";
export type { FlaggedCell, RefreshResult } from "./refresh";
export { WorkbookError } from "./errors";
export type { WorkbookErrorCode } from "./errors";
