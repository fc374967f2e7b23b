import { formatMeasure, rangeProblem } from "../../src/taskpane/format";

describe("formatMeasure: numbers as the template formats them", () => {
  test.each([
    [0.9989, "fraction", "en", "99.89%"],
    [0.04, "fraction", "es", "4\u00a0%"],
    [3, "fraction", "en", "300%"],
    [25, "ratio", "en", "25:1"],
    [12.5, "multiple", "es", "12,5x"],
    [1_400_000, "usd_month", "en", "1,400,000"],
    [1_400_000, "usd_month", "es", "1.400.000"],
    [-5, "nps", "en", "-5"],
    [4.25, "score_1_5", "en", "4.25"],
  ] as const)("%p %s (%s) -> %s", (value, unit, language, shown) => {
    expect(formatMeasure(value, unit, language)).toBe(shown);
  });
});

describe("a value its measure cannot take, in the pane's language (the core words it in both)", () => {
  test("a fraction typed as a whole percent, a score off its scale, a negative count", () => {
    expect(rangeProblem("churn", 5, "es")).toBe("Churn mensual es un porcentaje que se escribe como fracción: 5 % es 0,05; escribe 0,05, no 5.");
    expect(rangeProblem("quality_loss.quality_score", 9, "es")).toBe("Puntuación de calidad debe estar entre 1 y 5; es 9.");
    expect(rangeProblem("customers", -3, "es")).toBe("Clientes debe ser al menos 0; es -3.");
    expect(rangeProblem("customers", -3, "en")).toBe("customers must be at least 0; got -3.");
  });
});
