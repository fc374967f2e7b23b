import { RULE_MARKER } from "../../src/core/template";
import { staleRules } from "../../src/officejs/rules";

const ours = (body: string) => `=AND(${body},N("${RULE_MARKER}")=0)`;

describe("staleRules: which of the add-in's rules a refresh deletes once its new ones are on top", () => {
  test("keeps the first rule of each planned formula, deletes the other ones of the add-in bottom-up, never a user's rule", () => {
    const formulas = ["=A1>0", ours("B1=1"), ours("B1=2"), undefined, ours("B1=1"), "=A1<0", ours("B1=2"), ours("B1=9")];
    expect(staleRules(formulas, [ours("B1=1"), ours("B1=2")])).toEqual([7, 6, 4]);
  });

  test("a formula planned twice keeps two rules; Excel's way of giving formulas back (no spaces, no needless quotes) still matches", () => {
    const formulas = [`=AND(Thresholds!E5>1,N("${RULE_MARKER}")=0)`, ours("C1=1"), ours("C1=1"), ours("C1=1")];
    expect(staleRules(formulas, [`=AND('Thresholds'!E5>1, N("${RULE_MARKER}")=0)`, ours("C1=1"), ours("C1=1")])).toEqual([3]);
  });

  test("nothing of the add-in's, nothing deleted", () => {
    expect(staleRules(["=A1>0", undefined], [ours("B1=1")])).toEqual([]);
  });
});
