/**
 * The SaaS measures against their conventions (product.md 12 and 14): SCALE.RISK by the band
 * rule of section 4, SCALE.GAP, SCALE.TARGET. Oracles typed from the conventions: the SaaS quick
 * ratio 4 (Mamoon Hamid, 2015) and the Rule of 40, 40% (Brad Feld, 2015), both higher-is-better.
 */
import { gap, phase, risk, target } from "../../src/functions/functions";
import { CONTEXT_THRESHOLDS } from "../../src/core/catalog";

const err = (code: string, message: string | RegExp) =>
  expect.objectContaining({ code, message: typeof message === "string" ? message : expect.stringMatching(message) });

describe("context thresholds in the catalog", () => {
  test("each convention carries its author, year, segment and a source a user can look up", () => {
    expect(CONTEXT_THRESHOLDS.map((c) => [c.id, c.threshold, c.year])).toEqual([
      ["quick_ratio", 4, 2015],
      ["rule_of_40", 0.4, 2015],
    ]);
    for (const c of CONTEXT_THRESHOLDS) {
      expect(c.author).toMatch(/\w/);
      expect(c.segment).toMatch(/\w/);
      expect(c.source).toMatch(/^https?:\/\//);
    }
  });
});

describe("SCALE.RISK against a convention, by the band rule (10% of the threshold)", () => {
  test("quick ratio 4: OK from 4, WATCH from 3.6, RISK below", () => {
    expect(risk([["quick_ratio"]], [[4, 5, 3.7, 3.6, 3.5]])).toEqual([["OK", "OK", "WATCH", "WATCH", "RISK"]]);
  });

  test("Rule of 40 by its Spanish name: OK from 40%, WATCH from 36%, RISK below", () => {
    expect(risk([["Regla del 40"]], [[0.4, 0.37, 0.35, -0.2]])).toEqual([["OK", "WATCH", "RISK", "RISK"]]);
  });

  test("the same in every phase; a phase given must still be 1-4", () => {
    expect(risk([["rule_of_40"]], [[0.37]], 3)).toEqual([["WATCH"]]);
    expect(risk([["rule_of_40"]], [[0.37]], 5)).toEqual([[err("#VALUE!", /Phase must be a whole number from 1 to 4; got 5/)]]);
  });

  test("a value the measure cannot take names the measure and its range", () => {
    expect(risk([["quick_ratio"]], [[-1]])).toEqual([[err("#VALUE!", "quick_ratio must be at least 0; got -1.")]]);
  });
});

describe("SCALE.GAP and SCALE.TARGET against a convention", () => {
  test("GAP: quick ratio 3 is 1 short (25% of 4); Rule of 40 at 50% is 10 points ahead", () => {
    expect(gap([["quick_ratio"]], [[3]], 1)).toEqual([[1]]);
    expect(gap([["quick_ratio"]], [[3]], 1, true)).toEqual([[0.25]]);
    const [[ahead]] = gap([["rule_of_40"]], [[0.5]], 2) as number[][];
    expect(ahead).toBeCloseTo(-0.1, 12);
  });

  test("TARGET gives the convention's threshold, with or without a phase", () => {
    expect(target([["quick_ratio", "R40"]], 1)).toEqual([[4, 0.4]]);
    expect(target([["SaaS quick ratio"]], null)).toEqual([[4]]);
  });
});

describe("errors name what to fix", () => {
  test("a SaaS measure without a traceable convention lists those that have one", () => {
    const message = "nrr_12m has no threshold to judge it against (it never counts toward the phase); SCALE.RISK, SCALE.GAP and SCALE.TARGET take the SaaS measures quick_ratio, rule_of_40.";
    expect(risk([["NRR 12m"]], [[1.1]])).toEqual([[err("#VALUE!", message)]]);
    expect(target([["burn_multiple"]], 1)).toEqual([[err("#VALUE!", /^burn_multiple has no threshold/)]]);
  });

  test("the measures never count toward the phase: SCALE.PHASE refuses them and says where they go", () => {
    expect(phase([["quick_ratio"]], [[5]])).toEqual(err("#VALUE!", /quick_ratio is judged against a convention and never counts toward the phase; SCALE.PHASE takes phase metrics/));
  });

  test("phase metrics keep their targets", () => {
    expect(target([["mrr"]], 1)).toEqual([[500_000]]);
  });
});
