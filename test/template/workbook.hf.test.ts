/**
 * The whole tracking workbook evaluated by HyperFormula, compared with the core: for each
 * scenario, every dashboard name and every month of the phase, score, risk group and measure
 * rows must be what the core's timeline rules give for the same typed numbers; no cell is an error.
 */
import { describeWorkbook } from "../../src/core/template";
import { loadWorkbook } from "./hf-workbook";
import { SCENARIOS, expectedNames, expectedRows, sameValue } from "./scenarios";

describe.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_, scenario) => {
  const workbook = loadWorkbook(describeWorkbook(scenario.options));

  test("no formula cell is an error", () => {
    const errors: string[] = [];
    for (const [sheet, cells] of workbook.formulas())
      for (const [ref, v] of cells) if (v !== null && typeof v === "object") errors.push(`${sheet}!${ref}: ${v.error}`);
    expect(errors).toEqual([]);
  });

  test("every dashboard name holds what the core computes", () => {
    const wrong: string[] = [];
    for (const [name, want] of expectedNames(scenario)) {
      const got = workbook.named(name);
      if (!sameValue(got, want)) wrong.push(`${name}: HyperFormula ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
  });

  test("every month of the computed rows holds what the core computes", () => {
    const wrong: string[] = [];
    for (const [name, want] of expectedRows(scenario)) {
      const got = workbook.namedRange(name)[0];
      want.forEach((w, t) => {
        if (!sameValue(got[t], w)) wrong.push(`${name} month ${t + 1}: HyperFormula ${JSON.stringify(got[t])}, core ${JSON.stringify(w)}`);
      });
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});
