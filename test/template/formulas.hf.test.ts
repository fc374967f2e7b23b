/**
 * The template's level formula, evaluated by HyperFormula against threshold cells as a user may
 * leave them (a number, 0, empty, text), compared with the core's rule (product.md section 4).
 */
import { DetailedCellError } from "hyperformula";
import { LEVELS, PHASE_METRICS, RISK_INDICATORS } from "../../src/core/catalog";
import { indicatorRule, levelOf, metricRule } from "../../src/core/evaluate";
import { LevelRule, flagFormula, ruleCondition, watchLimitFormula } from "../../src/core/template/formulas";
import { engine } from "../support/scale-plugin";

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

/**
 * The three colour rules of a month cell (A1), each comparing it with the WATCH limit its row
 * computes (D1 from the threshold B1 and the floor C1): the levels they light, joined ("" none).
 */
function colours(value: number, threshold: number | string | null, floor: number | string | null | undefined, rule: Omit<LevelRule, "threshold" | "floor">): string {
  const full = { ...rule, threshold: "B1", floor: floor === undefined ? undefined : "C1" };
  const conditions = LEVELS.map((level) => `=${ruleCondition("A1", full, "D1", level)}`);
  const hf = engine({ Sheet1: [[value, threshold, floor ?? null, `=${watchLimitFormula(full)}`, ...conditions]] });
  return LEVELS.filter((_, k) => hf.getCellValue({ sheet: 0, row: 0, col: 4 + k }) === true).join("+");
}

test("the colour rules light exactly the core's level, at band edges and floors too; none where the check is off or a threshold is text", () => {
  const metric = (m: typeof grossMargin) => ({ direction: m.direction, strict: false, capped: m.capped });
  // Gross margin, target 80%: OK from 80%; WATCH down to the floor (70%), or without one to 78% (the band is 10% of min(0.8, 0.2)).
  for (const [value, floor] of [[0.8, 0.7], [0.7999999999999999, 0.7], [0.79, 0.7], [0.7, 0.7], [0.69, 0.7], [0.78, null], [0.7799, null], [0.75, 0]] as const) {
    const core = levelOf(value, { ...metricRule(grossMargin, 2), threshold: 0.8, floor: floor || undefined });
    expect([value, floor, colours(value, 0.8, floor, metric(grossMargin))]).toEqual([value, floor, core]);
  }
  // CAC, lower is better, target 100: WATCH up to 110.
  for (const value of [99, 100, 105, 110, 110.0001, 150]) expect([value, colours(value, 100, undefined, metric(cac))]).toEqual([value, levelOf(value, { ...metricRule(cac, 1), threshold: 100 })]);
  // A strict indicator (NPS above 70): 70 itself is not OK.
  const nps = RISK_INDICATORS.find((i) => i.qualifiedId === "quality_loss.nps")!;
  for (const value of [71, 70, 63, 62.9]) expect([value, colours(value, 70, undefined, nps)]).toEqual([value, levelOf(value, { ...indicatorRule(nps), threshold: 70 })]);
  expect([colours(0.5, 0, 0.7, metric(grossMargin)), colours(0.5, null, 0.7, metric(grossMargin)), colours(0.5, "lots", 0.7, metric(grossMargin)), colours(0.5, 0.8, "n/a", metric(grossMargin))]).toEqual(["", "", "", ""]);
});
