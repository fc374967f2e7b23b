/**
 * The Office host stub for browser tests: the fake Excel host installed on window before the
 * pane's bundle runs (served in place of Office.js). Tests reach its state as window.__fake.
 * Query parameters: displayLanguage (Office's, default en-US), theme=dark (Office's dark theme),
 * events=off (an Excel that cannot report worksheet changes).
 */
import { installFakeOffice, newFakeState } from "../fakes/excel-fake";

const params = new URLSearchParams(location.search);
const state = newFakeState();
state.displayLanguage = params.get("displayLanguage") ?? "en-US";
installFakeOffice(window as unknown as Record<string, unknown>, state);
if (params.get("theme") === "dark") {
  const office = (window as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.officeTheme = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" };
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
  // The functions bundle registers SCALE.* in the shared runtime.
  CustomFunctions: { associate: () => undefined, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } },
});
