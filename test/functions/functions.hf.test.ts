import { DetailedCellError } from "hyperformula";
import { engine } from "../support/scale-plugin";

/** Address helper: sheet 0, A1-style. */
function at(hf: ReturnType<typeof engine>, a1: string, sheetName = "Sheet1") {
  const sheet = hf.getSheetId(sheetName)!;
  const addr = hf.simpleCellAddressFromString(a1, sheet)!;
  return hf.getCellValue(addr);
}

function errorOf(v: unknown): { type: string; message: string } | undefined {
  return v instanceof DetailedCellError ? { type: v.type, message: v.message } : undefined;
}

describe("SCALE.* evaluated by HyperFormula from real formulas", () => {
  test("PHASE over cell references and a two-column range with blanks and a header", () => {
    const hf = engine({
      Sheet1: [
        ["Metric", "Value", "=SCALE.PHASE(A2:B5)", '=SCALE.PHASE("mrr", B2)', "=SCALE.PHASE(A2:A5, B2:B5, 0.5)"],
        ["mrr", 2_100_000],
        ["churn", 0.029],
        ["nps", null],
        ["ltv_cac", 25],
      ],
    });
    expect(at(hf, "C1")).toBe(1);
    expect(at(hf, "D1")).toBe(2);
    expect(at(hf, "E1")).toBe(2);
  });

  test("a user's edit of a value recalculates PHASE", () => {
    const hf = engine({ Sheet1: [["mrr", 600_000, "=SCALE.PHASE(A1:B1)"]] });
    expect(at(hf, "C1")).toBe(1);
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, 2_500_000);
    expect(at(hf, "C1")).toBe(2);
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, null);
    expect(errorOf(at(hf, "C1"))).toEqual({ type: "NA", message: "No metric values to judge: every value is empty." });
  });

  test("GAP spills element-wise over a row of months, blanks give #N/A with a reason", () => {
    const hf = engine({
      Sheet1: [
        ["cac", 120, 100, 90, null],
        ['=SCALE.GAP(A1, B1:E1, 1)'],
        ['=SCALE.GAP(A1, B1:E1, 1, TRUE())'],
      ],
    });
    expect([at(hf, "A2"), at(hf, "B2"), at(hf, "C2")]).toEqual([20, 0, -10]);
    expect(errorOf(at(hf, "D2"))).toEqual({ type: "NA", message: "No value for cac." });
    expect(at(hf, "A3")).toBeCloseTo(0.2, 12);
  });

  test("RISK: single value, ranges, a risk group literal, and phase-dependent churn", () => {
    const hf = engine({
      Sheet1: [
        ["churn", 0.04, "=SCALE.RISK(A1, B1)", "=SCALE.RISK(A1, B1, 2)"],
        ["cash_burn.cash_runway", 17, "=SCALE.RISK(A2:A3, B2:B3)"],
        ["cash_burn.burn_rate", 900_000],
        [24, 400_000, 0.19, 20_000_000, '=SCALE.RISK("cash_burn", A4:D4)'],
        ["revenue_growth", 0.3, "=SCALE.RISK(A5, B5)"],
      ],
    });
    expect(at(hf, "C1")).toBe("OK");
    expect(at(hf, "D1")).toBe("RISK");
    expect([at(hf, "C2"), at(hf, "C3")]).toEqual(["WATCH", "RISK"]);
    expect(at(hf, "E4")).toBe("WATCH");
    expect(errorOf(at(hf, "C5"))?.message).toBe('"revenue_growth" is in more than one risk group: use cash_burn.revenue_growth or competition.revenue_growth.');
  });

  test("TARGET and a thresholds range edited in the sheet flow into formulas", () => {
    const hf = engine({
      Thresholds: [
        ["Id", "P1", "P2", "P3", "P4", "Threshold"],
        ["cac", 100, 75, 50, 25, null],
        ["cash_burn.cash_runway", null, null, null, null, 18],
      ],
      Sheet1: [
        ["=SCALE.TARGET(\"cac\", 2, Thresholds!A1:F3)", "=SCALE.GAP(\"cac\", 80, 2, FALSE(), Thresholds!A1:F3)", "=SCALE.RISK(\"cash_runway\", 15, , Thresholds!A1:F3)"],
        ['=SCALE.TARGET("cac", 2)'],
      ],
    });
    expect([at(hf, "A1"), at(hf, "B1"), at(hf, "C1")]).toEqual([75, 5, "RISK"]);
    hf.setCellContents({ sheet: hf.getSheetId("Thresholds")!, row: 1, col: 2 }, 90);
    hf.setCellContents({ sheet: hf.getSheetId("Thresholds")!, row: 2, col: 5 }, 12);
    expect([at(hf, "A1"), at(hf, "B1"), at(hf, "C1")]).toEqual([90, -10, "OK"]);
    expect(at(hf, "A2")).toBe(75);
  });

  test("METRICS spills the catalogue", () => {
    const hf = engine({ Sheet1: [['=SCALE.METRICS("es")']] });
    expect([at(hf, "A1"), at(hf, "B1"), at(hf, "E1")]).toEqual(["Id", "Métrica", "P1"]);
    expect([at(hf, "A2"), at(hf, "E2"), at(hf, "H2")]).toEqual(["mrr", 500_000, 20_000_000]);
  });

  test("ETA over a row of months: blank months are skipped, never carried into a growth rate; blanks after the last value are ignored", () => {
    const hf = engine({
      Sheet1: [
        // months 0..7: 80k, 100k, (blank), (blank), 121k, 133.1k, (blank), (blank)
        ["mrr", 80_000, 100_000, null, null, 121_000, 133_100, null, null],
        ["=SCALE.ETA(A1, B1:I1, 1)", "=SCALE.ETA(A1, B1:I1, 2)"],
      ],
    });
    // product.md 6.5 (3rd ed.): the last number is month 5 (133,100); the last number at or before month 2 is
    // month 1's 100,000, four months earlier: g = 1.331^(1/4) - 1 = 0.07410, ln(1 + g) = 0.071483.
    // Phase 1 (500,000): ln(500,000 / 133,100) / ln(1 + g) = 1.32351 / 0.071483 = 18.52 -> 19.
    // Phase 2 (2,000,000): ln(15.026) / ln(1 + g) = 2.70979 / 0.071483 = 37.91 -> 38.
    // Carried forward (100,000 taken as month 2's), g would be 1.331^(1/3) - 1 = 0.1: 14 and 29.
    expect([at(hf, "A2"), at(hf, "B2")]).toEqual([19, 38]);
  });

  test("ETA over a column of months", () => {
    const hf = engine({
      Sheet1: [["customers", "=SCALE.ETA(A1, A2:A5, 1)"], [125], [150], [180], [216]],
    });
    // g = (216 / 125)^(1/3) - 1 = 1.728^(1/3) - 1 = 0.2; phase 1 target 1,000 customers:
    // ln(1,000 / 216) / ln(1.2) = 1.5325 / 0.18232 = 8.41 -> 9 (216 * 1.2^8 = 928.8 < 1,000 <= 216 * 1.2^9 = 1,114.5).
    expect(at(hf, "B1")).toBe(9);
  });

  test("ETA is 0 when the last value already meets the target, #N/A with the reason for 3 months or a flat trend", () => {
    const hf = engine({
      Sheet1: [
        ["mrr", 700_000, 650_000, 600_000, '=SCALE.ETA("mrr", B1:D1, 1)'],
        ["mrr", 100_000, 200_000, 300_000, "=SCALE.ETA(A2, B2:D2, 1)"],
        ["mrr", 100_000, 100_000, 100_000, 100_000, "=SCALE.ETA(A3, B3:E3, 1)"],
      ],
    });
    // 600,000 >= 500,000 (phase 1): met, 0 months, even over three falling months.
    expect(at(hf, "E1")).toBe(0);
    expect(errorOf(at(hf, "E2"))).toEqual({ type: "NA", message: "No ETA for mrr: fewer than four months up to the last value." });
    // (100,000 / 100,000)^(1/3) - 1 = 0: no growth.
    expect(errorOf(at(hf, "F3"))).toEqual({ type: "NA", message: "No ETA for mrr: the trend is flat or falling." });
  });

  test("ETA: a thresholds range on the sheet sets the target, and editing it recalculates", () => {
    const hf = engine({
      Thresholds: [
        ["Id", "P1", "P2", "P3", "P4"],
        ["mrr", 300_000, 2_000_000, 5_000_000, 20_000_000],
      ],
      Sheet1: [
        ["mrr", 100_000, 110_000, 121_000, 133_100],
        ["=SCALE.ETA(A1, B1:E1, 1, Thresholds!A1:E2)", "=SCALE.ETA(A1, B1:E1, 1)"],
      ],
    });
    const p1 = { sheet: hf.getSheetId("Thresholds")!, row: 1, col: 1 };
    // g = (133,100 / 100,000)^(1/3) - 1 = 0.1. Built-in 500,000: 14 months (see the row test).
    // 300,000: ln(2.2539) / ln(1.1) = 0.81268 / 0.09531 = 8.53 -> 9 (133,100 * 1.1^8 = 285,311 < 300,000 <= 313,843).
    expect([at(hf, "A2"), at(hf, "B2")]).toEqual([9, 14]);
    // 200,000: ln(1.5026) / ln(1.1) = 0.40722 / 0.09531 = 4.27 -> 5 (194,872 < 200,000 <= 214,359).
    hf.setCellContents(p1, 200_000);
    expect(at(hf, "A2")).toBe(5);
    // 120,000 <= 133,100: met.
    hf.setCellContents(p1, 120_000);
    expect(at(hf, "A2")).toBe(0);
    hf.setCellContents(p1, null);
    expect(errorOf(at(hf, "A2"))).toEqual({ type: "NA", message: "No ETA: the phase 1 target of mrr is switched off in thresholds." });
    expect(at(hf, "B2")).toBe(14);
  });

  test("SCORE in the two-range form and the two-column form with the values argument left empty", () => {
    const hf = engine({
      Sheet1: [
        ["mrr", 600_000, "=SCALE.SCORE(A1:B5,,1)", "=SCALE.SCORE(A1:B5,,2)", "=SCALE.SCORE(A1:A5, B1:B5, 1)", '=SCALE.SCORE("mrr", B1, 1)'],
        ["churn", 0.06],
        ["nps", null],
        ["cac", 90],
        ["ltv_cac", 25],
      ],
    });
    // Phase 1: mrr 600k >= 500k yes, churn 6% <= 5% no, nps blank (left out), cac 90 <= 100 yes, ltv_cac 25 >= 20 yes: 3 / 4.
    // Phase 2: mrr < 2M, churn > 3%, cac > 75, ltv_cac < 30: 0 / 4.
    expect([at(hf, "C1"), at(hf, "D1"), at(hf, "E1"), at(hf, "F1")]).toEqual([0.75, 0, 0.75, 1]);
  });

  test("SCORE without its phase, left out or given an empty cell, is #VALUE! saying it needs one (product.md section 5)", () => {
    const hf = engine({ Sheet1: [["mrr", 600_000, "=SCALE.SCORE(A1:B1)", "=SCALE.SCORE(A1:B1,,)", "=SCALE.SCORE(A1, B1, D2)"]] });
    const needed = { type: "VALUE", message: "SCALE.SCORE needs the phase (1 to 4) whose targets to check: give it after values, as in =SCALE.SCORE(A2:B20, , 1)." };
    expect([errorOf(at(hf, "C1")), errorOf(at(hf, "D1")), errorOf(at(hf, "E1"))]).toEqual([needed, needed, needed]);
  });

  describe("SCORE with a header row, and PHASE is the highest phase whose SCORE reaches min_share", () => {
    // Met per phase (targets P1 / P2 / P3 / P4):
    //   mrr 2.5M             (500k / 2M / 5M / 20M, higher):      yes yes no  no
    //   churn 2.5%           (5% / 3% / 2% / 1%, lower):          yes yes no  no
    //   nps 82               (70 / 75 / 80 / 85):                 yes yes yes no
    //   cac 40               (100 / 75 / 50 / 25, lower):         yes yes yes no
    //   revenue_per_employee 450k (250k / 400k / 500k / 400k):    yes yes no  yes
    //   ltv_cac 15           (20 / 30 / 40 / 50):                 no  no  no  no
    // Scores: P1 5/6, P2 5/6, P3 2/6, P4 1/6.
    const shares = [1, 0.9, 0.8, 0.5, 0.3, 0.15, 0.1];
    const hf = engine({
      Sheet1: [
        ["Metric", "Value", "=SCALE.SCORE(A1:B7,,1)", "=SCALE.SCORE(A1:A7, B1:B7, 1)"],
        ["mrr", 2_500_000, "=SCALE.SCORE(A1:B7,,2)", "=SCALE.SCORE(A1:A7, B1:B7, 2)"],
        ["churn", 0.025, "=SCALE.SCORE(A1:B7,,3)", "=SCALE.SCORE(A1:A7, B1:B7, 3)"],
        ["nps", 82, "=SCALE.SCORE(A1:B7,,4)", "=SCALE.SCORE(A1:A7, B1:B7, 4)"],
        ["cac", 40],
        ["revenue_per_employee", 450_000],
        ["ltv_cac", 15],
      ],
      Shares: shares.map((s, r) => [s, `=SCALE.PHASE(Sheet1!A1:B7,,A${r + 1})`, `=SCALE.PHASE(Sheet1!A1:A7, Sheet1!B1:B7, A${r + 1})`]),
    });
    // HyperFormula rounds the numbers it returns to 10 significant digits (5/6 reads 0.83333333333).
    const scores = ["C1", "C2", "C3", "C4"].map((a) => at(hf, a) as number);

    test("the header row is skipped in both forms", () => {
      [5 / 6, 5 / 6, 2 / 6, 1 / 6].forEach((expected, i) => expect(scores[i]).toBeCloseTo(expected, 9));
      expect(["D1", "D2", "D3", "D4"].map((a) => at(hf, a))).toEqual(scores);
    });

    test("PHASE for each min_share", () => {
      // 1 and 0.9: no phase reaches (5/6 = 0.833 at best); 0.8 and 0.5: P2 (5/6); 0.3: P3 (1/3); 0.15 and 0.1: P4 (1/6 = 0.167).
      const phases = shares.map((_, r) => at(hf, `B${r + 1}`, "Shares"));
      expect(phases).toEqual([0, 0, 2, 2, 3, 4, 4]);
      shares.forEach((share, r) => {
        const highest = [4, 3, 2, 1].find((p) => scores[p - 1] >= share) ?? 0;
        expect([at(hf, `B${r + 1}`, "Shares"), at(hf, `C${r + 1}`, "Shares")]).toEqual([highest, highest]);
      });
    });
  });

  test("bad input in cells gives #VALUE! with the message", () => {
    const hf = engine({
      Sheet1: [
        ["churn", 5, "=SCALE.PHASE(A1, B1)"],
        ["mrr", "lots", "=SCALE.PHASE(A2, B2)"],
        ["gros margin", 0.8, "=SCALE.GAP(A3, B3, 1)"],
        ["cac", 50, "=SCALE.GAP(A4, B4, 7)"],
        ['=SCALE.METRICS("fr")'],
      ],
    });
    expect(errorOf(at(hf, "C1"))).toEqual({ type: "VALUE", message: "churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5." });
    expect(errorOf(at(hf, "C2"))?.message).toBe('The value for mrr is the text "lots"; enter a number.');
    expect(errorOf(at(hf, "C3"))?.message).toMatch(/^Unknown metric "gros margin"\. Did you mean gross_margin/);
    expect(errorOf(at(hf, "C4"))?.message).toBe("Phase must be a whole number from 1 to 4; got 7.");
    expect(errorOf(at(hf, "A5"))?.message).toBe('language must be "en" or "es"; got the text "fr".');
  });
});
