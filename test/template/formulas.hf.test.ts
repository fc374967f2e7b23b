/**
 * The template's level formula, evaluated by HyperFormula against threshold cells as a user may
 * leave them (a number, 0, empty, text), compared with the core's rule (product.md section 4).
 */
import { DetailedCellError } from "hyperformula";
import { PHASE_METRICS } from "../../src/core/catalog";
import { levelOf, metricRule } from "../../src/core/evaluate";
import { flagFormula } from "../../src/core/template/formulas";
import { engine } from "../hyperformula/scale-plugin";

const grossMargin = PHASE_METRICS.find((m) => m.id === "gross_margin")!;
const cac = PHASE_METRICS.find((m) => m.id === "cac")!;

/** A1 the value, B1 the threshold, C1 the floor, D1 the flag formula. */
function flag(value: number, threshold: number | string | null, floor?: number | string | null, metric = grossMargin): unknown {
  const rule = { direction: metric.direction, strict: false, capped: metric.capped, threshold: "B1", floor: floor === undefined ? undefined : "C1" };
  const hf = engine({ Sheet1: [[value, threshold, floor ?? null, `=${flagFormula("A1", rule)}`]] });
  const v = hf.getCellValue({ sheet: 0, row: 0, col: 3 });
  return v instanceof DetailedCellError ? v.type : v;
}

test("a number: the core's level; with a floor, WATCH down to the floor", () => {
  for (const value of [0.5, 0.72, 0.8]) expect(flag(value, 0.8, 0.7)).toBe(levelOf(value, { ...metricRule(grossMargin, 2), threshold: 0.8, floor: 0.7 }));
  expect(flag(110, 100, undefined, cac)).toBe("WATCH");
  expect(flag(120, 100, undefined, cac)).toBe("RISK");
});

test("0 or an empty threshold switches the check off: blank flag", () => {
  expect(flag(0.5, 0, 0.7)).toBe("");
  expect(flag(0.5, null, 0.7)).toBe("");
  expect(flag(120, 0, undefined, cac)).toBe("");
});

test("a cleared floor (empty or 0) means the band rule", () => {
  // Target 80%: the band is 10% of min(0.8, 0.2) = 0.02, so 0.79 is WATCH and 0.75 RISK without a floor.
  expect([flag(0.79, 0.8, null), flag(0.75, 0.8, null), flag(0.75, 0.8, 0)]).toEqual(["WATCH", "RISK", "RISK"]);
  expect(flag(0.75, 0.8, 0.7)).toBe("WATCH");
});

test("text in the threshold or the floor is an error, as SCALE.* refuses it", () => {
  expect(flag(0.5, "lots", 0.7)).toBe("NA");
  expect(flag(0.5, 0.8, "n/a")).toBe("NA");
  expect(flag(120, "x", undefined, cac)).toBe("NA");
});
