/**
 * SCALE.RISK, SCALE.GAP and SCALE.TARGET on the SaaS measures, evaluated by HyperFormula from real
 * formulas. Oracles from product.md 12/14 and section 4's band: quick ratio 4 and the Rule of 40.
 */
import { DetailedCellError } from "hyperformula";
import { engine } from "../support/scale-plugin";

function at(hf: ReturnType<typeof engine>, a1: string) {
  const addr = hf.simpleCellAddressFromString(a1, hf.getSheetId("Sheet1")!)!;
  return hf.getCellValue(addr);
}

test("the conventions judge, measure the gap and give the threshold; an untraced measure says which ones have one", () => {
  const hf = engine({
    Sheet1: [
      ["quick_ratio", 3.7, "=SCALE.RISK(A1, B1)", "=SCALE.GAP(A1, B1, 1)", "=SCALE.TARGET(A1, 1)"],
      ["rule_of_40", 0.3, "=SCALE.RISK(A2, B2)", "=SCALE.GAP(A2, B2, 1, TRUE())", "=SCALE.TARGET(A2, 1)"],
      ["nrr_12m", 1.1, "=SCALE.RISK(A3, B3)"],
    ],
  });
  expect(at(hf, "C1")).toBe("WATCH");
  expect(at(hf, "D1")).toBeCloseTo(0.3, 12);
  expect(at(hf, "E1")).toBe(4);
  expect(at(hf, "C2")).toBe("RISK");
  expect(at(hf, "D2")).toBeCloseTo(0.25, 12);
  expect(at(hf, "E2")).toBe(0.4);
  const e = at(hf, "C3");
  expect(e).toBeInstanceOf(DetailedCellError);
  expect((e as DetailedCellError).message).toMatch(/^nrr_12m has no threshold.*quick_ratio, rule_of_40\.$/);
});

test("a thresholds range with an Id and a Threshold column overrides a convention; 0 switches it off", () => {
  const hf = engine({
    Sheet1: [
      ["Id", "Threshold"],
      ["quick_ratio", 3],
      ["rule_of_40", 0],
      ['=SCALE.RISK("quick_ratio", 2.8, , A1:B3)', '=SCALE.TARGET("quick_ratio", 1, A1:B3)', '=SCALE.RISK("rule_of_40", 0.1, , A1:B3)'],
    ],
  });
  expect(at(hf, "A4")).toBe("WATCH"); // band 10% of 3: WATCH from 2.7
  expect(at(hf, "B4")).toBe(3);
  expect(at(hf, "C4") ?? "").toBe(""); // switched off: a blank flag
});
