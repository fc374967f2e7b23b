/**
 * The Office host stub for browser tests: the fake Excel host installed on window before the
 * pane's bundle runs (served in place of Office.js). Tests reach its state as window.__fake.
 * Query parameters: displayLanguage (Office's, default en-US), theme=dark (Office's dark theme),
 * events=off (an Excel that cannot report worksheet changes), themeEvents=on (an Office that
 * reports theme changes: tests call window.__themeHandlers with OfficeThemeChangedEventArgs),
 * tracker=1 (a workbook that holds a tracker when the pane opens; with numbers=1 a number typed
 * on its Tracking sheet, with copies=1 a second copy of its Tracking sheet, "Tracking (2)", as an
 * earlier insert left it). A test may set window.__seed before the page runs (openPane's `init`):
 * the workbook the pane opens on, as test/support/xlsx-seed.ts reads it from an .xlsx file.
 */
import { insertTrackingWorkbook } from "../../src/officejs/insert/write";
import { insertColumn, installFakeOffice, newFakeState, newSheet } from "./excel-fake";
import type { FakeSeed } from "./xlsx-seed";

const params = new URLSearchParams(location.search);
const state = newFakeState();
state.displayLanguage = params.get("displayLanguage") ?? "en-US";
const seed = (window as unknown as { __seed?: FakeSeed }).__seed;
if (seed) {
  state.sheets = seed.sheets.map((s) => ({ ...newSheet(s.name), cells: new Map(s.cells), tables: s.tables }));
  state.names = new Map(seed.names);
}
installFakeOffice(window as unknown as Record<string, unknown>, state);
// A user inserting a column in Excel (cells, names and rules move): window.__insertColumn("Tracking", "O").
(window as unknown as { __insertColumn: (sheet: string, column: string) => void }).__insertColumn = (sheet, column) => insertColumn(state, sheet, column);
if (params.get("theme") === "dark") {
  const office = (window as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.officeTheme = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" };
}
const themeHandlers: ((args: unknown) => void)[] = [];
if (params.get("themeEvents") === "on") {
  // As Office.js has it where OfficeThemeChanged is supported: Document.addHandlerAsync.
  const office = (window as unknown as { Office: Record<string, unknown> & { context: Record<string, unknown> } }).Office;
  office.EventType = { OfficeThemeChanged: "officeThemeChanged" };
  office.context.document = {
    addHandlerAsync: (type: string, handler: (args: unknown) => void) => type === "officeThemeChanged" && themeHandlers.push(handler),
    removeHandlerAsync: (_type: string, options: { handler: (args: unknown) => void }) => themeHandlers.splice(themeHandlers.indexOf(options.handler), 1),
  };
}
if (params.get("events") === "off") {
  // An Excel without worksheet change events: registering a handler fails as Office.js does.
  const excel = (window as unknown as { Excel: { run: (batch: (context: Excel.RequestContext) => unknown) => unknown } }).Excel;
  const run = excel.run;
  excel.run = (batch) =>
    run((context) => {
      Object.defineProperty(context.workbook.worksheets, "onChanged", {
        get: () => {
          throw Object.assign(new Error("The API is not supported"), { code: "ApiNotFound" });
        },
      });
      return batch(context);
    });
}
/** The workbook as the user left it before opening the pane: Office is ready once it is there. */
async function prepareTracker(): Promise<void> {
  const excel = (window as unknown as { Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> } }).Excel;
  await excel.run((context) => insertTrackingWorkbook(context, { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" }));
  const tracking = state.sheets.find((s) => s.name === "Tracking")!;
  if (params.get("numbers") === "1") tracking.cells.set(state.names.get("Tracking_mrr")!.ref.split(":")[0], { value: 480_000 });
  if (params.get("copies") === "1") state.sheets.push({ ...tracking, name: "Tracking (2)", id: undefined, cells: new Map(tracking.cells), tables: [], charts: [] });
  state.syncs = 0;
}
if (params.get("tracker") === "1") {
  const office = (window as unknown as { Office: { onReady: (callback?: (info: unknown) => void) => Promise<unknown> } }).Office;
  const onReady = office.onReady;
  const prepared = prepareTracker();
  office.onReady = (callback) => prepared.then(() => onReady(callback));
}
Object.assign(window, {
  __fake: state,
  __themeHandlers: themeHandlers,
  // The functions bundle registers SCALE.* in the shared runtime.
  CustomFunctions: { associate: () => undefined, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } },
});
