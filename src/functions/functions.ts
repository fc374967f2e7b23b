/**
 * The SCALE.* custom functions, one file each with its metadata (JSDoc) beside it. Plain
 * functions over Excel-shaped values: importable in Node without Office globals (tests,
 * HyperFormula, the task pane's inspector). `register.ts` associates them with Excel.
 */
export { phase } from "./phase";
export { gap } from "./gap";
export { risk } from "./risk";
export { target } from "./target";
export { metrics } from "./metrics";
export { eta } from "./eta";
export { score } from "./score";
