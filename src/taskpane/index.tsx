/**
 * Task pane entry. Inside Excel it renders the pane once Office is ready; opened in a plain
 * browser (no Office.js, or another host) it says it must run inside Excel instead of staying blank.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { OutsideExcel } from "./OutsideExcel";
import { excelHost } from "../officejs/host";
import { languageOf } from "./strings";

// The pane's own background reaches the edges, in dark themes too.
document.body.style.margin = "0";
const root = createRoot(document.getElementById("root")!);
const browserLanguage = languageOf(navigator.language);

function renderOutside(): void {
  root.render(<OutsideExcel language={browserLanguage} />);
}

if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
  renderOutside();
} else {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel || typeof Excel === "undefined")
      return renderOutside();
    root.render(
      <App
        host={excelHost}
        initialLanguage={languageOf(Office.context.displayLanguage)}
      />,
    );
  });
}
