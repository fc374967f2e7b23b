/**
 * Entry of the functions bundle: tells Excel which code runs each SCALE.* id of functions.json.
 * Kept apart from functions.ts so the task pane can import the functions without registering them.
 */
import { eta, gap, metrics, phase, risk, score, target } from "./functions";

// Outside Excel (the page opened in a browser) Office.js provides no CustomFunctions.
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("PHASE", phase);
  CustomFunctions.associate("GAP", gap);
  CustomFunctions.associate("RISK", risk);
  CustomFunctions.associate("TARGET", target);
  CustomFunctions.associate("METRICS", metrics);
  CustomFunctions.associate("ETA", eta);
  CustomFunctions.associate("SCORE", score);
}
