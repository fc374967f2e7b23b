/**
 * The Office host stub for browser tests: the fake Excel host installed on window before the
 * pane's bundle runs (served in place of Office.js). Tests reach its state as window.__fake.
 */
import { installFakeOffice, newFakeState } from "../fakes/excel-fake";

const params = new URLSearchParams(location.search);
const state = newFakeState();
state.displayLanguage = params.get("displayLanguage") ?? "en-US";
installFakeOffice(window as unknown as Record<string, unknown>, state);
Object.assign(window, {
  __fake: state,
  // The functions bundle registers SCALE.* in the shared runtime.
  CustomFunctions: { associate: () => undefined, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } },
});
