import { DetailedCellError } from "hyperformula";
import { engine } from "./scale-plugin";

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
