/**
 * The Office host stub for browser tests: the fake Excel host installed on window before the
 * pane's bundle runs (served in place of Office.js). Tests reach its state as window.__fake.
 * Query parameters: displayLanguage (Office's, default en-US), theme=dark (Office's dark theme),
 * events=off (an Excel that cannot report worksheet changes), themeEvents=on (an Office that
 * reports theme changes: tests call window.__themeHandlers with OfficeThemeChangedEventArgs).
 */
import { insertColumn, installFakeOffice, newFakeState } from "../fakes/excel-fake";

const params = new URLSearchParams(location.search);
const state = newFakeState();
state.displayLanguage = params.get("displayLanguage") ?? "en-US";
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
Object.assign(window, {
  __fake: state,
  __themeHandlers: themeHandlers,
  // The functions bundle registers SCALE.* in the shared runtime.
  CustomFunctions: { associate: () => undefined, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } },
});
