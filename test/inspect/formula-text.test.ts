/**
 * Formulas as each Excel shows and takes them when typed (product.md 11, "Feedback": examples
 * written for Spanish Excel use `;` and decimal commas; array constants as Microsoft's Spanish
 * page writes them, `\` between columns and `;` between rows).
 */
import { formulaText, parameterList } from "../../src/taskpane/formula-text";

describe("formulaText", () => {
  test("English Excel: , between arguments, decimal points, {a,b} rows and {a;b} columns", () => {
    expect(formulaText("SCALE.RISK", ["churn", 0.06], "en")).toBe('=SCALE.RISK("churn", 0.06)');
    expect(formulaText("SCALE.ETA", ["customers", { row: [100, 200, 400, 800] }, 2], "en")).toBe('=SCALE.ETA("customers", {100,200,400,800}, 2)');
    expect(formulaText("SCALE.SCORE", [{ column: ["mrr", "churn"] }, { column: [600000, 0.06] }, 1], "en")).toBe('=SCALE.SCORE({"mrr";"churn"}, {600000;0.06}, 1)');
  });

  test("Spanish Excel: ; between arguments, decimal commas, {a\\b} rows and {a;b} columns", () => {
    expect(formulaText("SCALE.RIESGO", ["churn", 0.06], "es")).toBe('=SCALE.RIESGO("churn"; 0,06)');
    expect(formulaText("SCALE.MESES", ["customers", { row: [100, 200, 400, 800] }, 2], "es")).toBe('=SCALE.MESES("customers"; {100\\200\\400\\800}; 2)');
    expect(formulaText("SCALE.PUNTAJE", [{ column: ["mrr", "churn"] }, { column: [600000, 0.06] }, 1], "es")).toBe('=SCALE.PUNTAJE({"mrr";"churn"}; {600000;0,06}; 1)');
  });

  test("text keeps its dots and commas, and a quote is doubled as Excel writes it", () => {
    expect(formulaText("SCALE.RIESGO", ["cash_burn.cash_runway", 17], "es")).toBe('=SCALE.RIESGO("cash_burn.cash_runway"; 17)');
    expect(formulaText("SCALE.TARGET", ['say "hi", 1.5', 2], "es")).toBe('=SCALE.TARGET("say ""hi"", 1.5"; 2)');
  });

  test("a signature's parameters take the same separator", () => {
    expect(parameterList(["metrica", "valor", "fase"], "es")).toBe("metrica; valor; fase");
    expect(parameterList(["metric", "value", "phase"], "en")).toBe("metric, value, phase");
  });
});
