import { targetPhaseOf } from "../../src/core/phases";
import { targetPhaseFormula } from "../../src/core/template/formulas";

test("the target phase is one past the phase reached, 4 at most, and 1 where none is reached (product.md 6.4)", () => {
  expect([0, 1, 2, 3, 4, undefined].map(targetPhaseOf)).toEqual([1, 2, 3, 4, 4, 1]);
});

test("the sheet's target phase formula says the same: MIN(reached+1,4), 1 where the cell holds no number", () => {
  expect(targetPhaseFormula("B5")).toBe("IF(ISNUMBER(B5),MIN(B5+1,4),1)");
});
