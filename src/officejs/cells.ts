/** A cell as Excel's Range.formulas gives it: "=..." for a formula, else its value. */
export const isFormula = (cell: unknown): boolean =>
  typeof cell === "string" && cell.startsWith("=");
