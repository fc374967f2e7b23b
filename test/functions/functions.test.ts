import { gap, metrics, phase, risk, target } from "../../src/functions/functions";
import { PHASE_METRICS } from "../../src/core/catalog";

const err = (code: string, message: string | RegExp) => expect.objectContaining({ code, message: typeof message === "string" ? message : expect.stringMatching(message) });

describe("SCALE.PHASE", () => {
  test("one id with one value", () => {
    expect(phase([["mrr"]], [[600_000]])).toBe(1);
    expect(phase([["mrr"]], [[2_000_000]])).toBe(2);
    expect(phase([["mrr"]], [[100]])).toBe(0);
  });

  test("a range of ids with a same-shaped range of values", () => {
    expect(phase([["mrr", "churn", "nps"]], [[5_500_000, 0.019, 81]])).toBe(3);
    expect(phase([["mrr"], ["churn"]], [[5_500_000], [0.04]])).toBe(1);
  });

  test("a two-column range of ids and values, header row and blank rows skipped", () => {
    const table = [
      ["Metric", "Value"],
      ["mrr", 2_100_000],
      ["Margen bruto", 0.81],
      [null, null],
      ["LTV/CAC", 31],
    ];
    expect(phase(table)).toBe(2);
  });

  test("two columns: a first row whose id is a known metric is data, not a header, even with a text value", () => {
    expect(phase([["mrr", "600000"], ["arr", 25e6]])).toEqual(err("#VALUE!", 'The value for mrr is the text "600000"; enter a number.'));
    expect(phase([["Margen bruto", "81%"]])).toEqual(err("#VALUE!", 'The value for gross_margin is the text "81%"; enter a number.'));
    expect(phase([["cash_runway", "Value"], ["mrr", 600_000]])).toEqual(err("#VALUE!", /is a risk indicator, not a phase metric/));
    expect(phase([["Métrica", "Valor"], ["mrr", 600_000]])).toBe(1);
    expect(phase([[null, "Value"], ["mrr", 600_000]])).toBe(1);
  });

  test("each phase is checked on its own: growth of 6% meets phase 4 but not phase 1", () => {
    expect(phase([["mrr_growth"]], [[0.06]])).toBe(4);
  });

  test("min_share: the highest phase met by at least that share of the metrics", () => {
    const ids = [["mrr"], ["churn"], ["nps"], ["cac"]];
    const vals = [[5_000_000], [0.04], [72], [90]];
    expect(phase(ids, vals)).toBe(1);
    expect(phase(ids, vals, 0.25)).toBe(3);
    expect(phase(ids, vals, 80)).toEqual(err("#VALUE!", "min_share must be a fraction above 0 and at most 1 (80% is 0.8); got 80."));
  });

  test("min_share: a percent hint only for a whole-number percent (2 and up), rounded", () => {
    const ids = [["mrr"], ["churn"]];
    const vals = [[600_000], [0.04]];
    const noHint = (v: string) => err("#VALUE!", `min_share must be a fraction above 0 and at most 1; got ${v}.`);
    expect(phase(ids, vals, 1.0000001)).toEqual(noHint("1.0000001"));
    expect(phase(ids, vals, 1.5)).toEqual(noHint("1.5"));
    expect(phase(ids, vals, -0.5)).toEqual(noHint("-0.5"));
    // 0 is what Excel desktop passes for an empty cell: min_share omitted (product.md section 5).
    expect(phase(ids, vals, 0)).toBe(phase(ids, vals));
    expect(phase(ids, vals, 12.3)).toEqual(err("#VALUE!", "min_share must be a fraction above 0 and at most 1 (12.3% is 0.123); got 12.3."));
    expect(phase(ids, vals, 2)).toEqual(err("#VALUE!", "min_share must be a fraction above 0 and at most 1 (2% is 0.02); got 2."));
  });

  test("uncapped fractions have a plausible maximum: 20 for 20% growth or 300 for 300% ROI is a percent typed as a whole number", () => {
    expect(phase([["mrr_growth"]], [[20]])).toEqual(err("#VALUE!", "mrr_growth is a percentage entered as a fraction: 20% is 0.2, so enter 0.2, not 20."));
    expect(phase([["customer_growth"]], [[30]])).toEqual(err("#VALUE!", "customer_growth is a percentage entered as a fraction: 30% is 0.3, so enter 0.3, not 30."));
    expect(phase([["marketing_roi"]], [[300]])).toEqual(err("#VALUE!", "marketing_roi is a percentage entered as a fraction: 300% is 3, so enter 3, not 300."));
    expect(risk([["competition.price_premium"]], [[25]])).toEqual([[err("#VALUE!", /25% is 0.25, so enter 0.25, not 25\.$/)]]);
    expect(gap([["mrr_growth"]], [[0.1]], 1, false, [["mrr_growth", 20, 15, 10, 5]])).toEqual([[err("#VALUE!", /^thresholds row 1, P1: mrr_growth is a percentage entered as a fraction: 20% is 0.2/)]]);
    expect(phase([["mrr_growth"]], [[10]])).toBe(4);
    expect(phase([["marketing_roi"]], [[100]])).toBe(4);
    expect(risk([["cash_burn.revenue_growth"]], [[10]])).toEqual([["OK"]]);
  });

  test("blank values are not supplied; all blank is #N/A", () => {
    expect(phase([["mrr"], ["churn"]], [[600_000], [null]])).toBe(1);
    expect(phase([["mrr"], ["churn"]], [[null], [""]])).toEqual(err("#N/A", "No metric values to judge: every value is empty."));
  });

  test("Excel desktop's 0 for an empty row (id and value) is skipped", () => {
    expect(phase([["mrr", 600_000], [0, 0]])).toBe(1);
  });

  test("thresholds override the built-in targets, rows not mentioned keep theirs", () => {
    expect(phase([["mrr"]], [[300_000]], null, [["mrr", 250_000, 1e6, 2e6, 3e6]])).toBe(1);
    expect(phase([["mrr", "churn"]], [[300_000, 0.04]], null, [["mrr", 250_000, 1e6, 2e6, 3e6]])).toBe(1);
  });

  test("bad input", () => {
    expect(phase([["mrrr"]], [[1]])).toEqual(err("#VALUE!", /^Unknown metric "mrrr"\. Did you mean mrr/));
    expect(phase([["churn"]], [[5]])).toEqual(err("#VALUE!", "churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5."));
    expect(phase([["mrr"]], [["lots"]])).toEqual(err("#VALUE!", 'The value for mrr is the text "lots"; enter a number.'));
    expect(phase([["mrr"]], [[true]])).toEqual(err("#VALUE!", "The value for mrr is TRUE; enter a number."));
    expect(phase([["mrr"], ["churn"]], [[1], [2], [3]])).toEqual(err("#VALUE!", "metrics is 2x1 but values is 3x1; give ranges of the same shape."));
    expect(phase([["mrr"]])).toEqual(err("#VALUE!", /Give the values too/));
    expect(phase([["cash_burn.cash_runway"]], [[20]])).toEqual(err("#VALUE!", /is a risk indicator, not a phase metric/));
    expect(phase([[null, 5]])).toEqual(err("#VALUE!", "The value 5 has no metric id next to it."));
    expect(phase([["nps"]], [[150]])).toEqual(err("#VALUE!", "nps must be between -100 and 100; got 150."));
  });
});

describe("SCALE.GAP", () => {
  test("shortfall in the metric's unit, whichever way it points", () => {
    expect(gap([["mrr"]], [[400_000]], 1)).toEqual([[100_000]]);
    expect(gap([["cac"]], [[120]], 1)).toEqual([[20]]);
    expect(gap([["cac"]], [[80]], 1)).toEqual([[-20]]);
    expect(gap([["churn"]], [[0.03]], 2)).toEqual([[0]]);
  });

  test("as_fraction divides by the target", () => {
    expect(gap([["cac"]], [[120]], 1, true)).toEqual([[0.2]]);
    expect(gap([["mrr"]], [[1_500_000]], 2, true)).toEqual([[0.25]]);
  });

  test("a target of 0 in thresholds switches the check off (product.md section 4): a blank gap, with or without as_fraction", () => {
    const zeroP1 = [["mrr_growth", 0, 0.1, 0.1, 0.1]];
    expect(gap([["mrr_growth"]], [[0.1]], 1, true, zeroP1)).toEqual([[""]]);
    expect(gap([["mrr_growth"]], [[0]], 1, true, zeroP1)).toEqual([[""]]);
    expect(gap([["mrr_growth"]], [[0.1]], 1, false, zeroP1)).toEqual([[""]]);
    expect(gap([["mrr_growth"]], [[0.05]], 2, true, zeroP1)).toEqual([[0.5]]);
    expect(gap([["mrr_growth"]], [["lots"]], 1, true, zeroP1)).toEqual([[err("#VALUE!", /enter a number/)]]);
  });

  test("a gap too large for a number is #VALUE!, never Infinity", () => {
    const message = "The numbers are too large to compute the gap for cac.";
    // A negative target, which would overflow the difference, is refused as impossible for an amount.
    expect(gap([["cac"]], [[1.7e308]], 1, false, [["cac", -1.7e308, 75, 50, 25]])).toEqual([[err("#VALUE!", "thresholds row 1, P1: cac must be at least 0; got -1.7e+308.")]]);
    expect(gap([["cac"]], [[1e300]], 1, true, [["cac", 1e-10, 75, 50, 25]])).toEqual([[err("#VALUE!", message)]]);
  });

  test("ranges spill element-wise; one id spills over a row of months", () => {
    expect(gap([["mrr"], ["cac"]], [[400_000], [120]], 1)).toEqual([[100_000], [20]]);
    expect(gap([["cac"]], [[120, 90, null]], 1)).toEqual([[20, -10, err("#N/A", "No value for cac.")]]);
  });

  test("a value without an id says so, like SCALE.PHASE; a call given nothing at all is #N/A", () => {
    const noId = (v: string) => err("#VALUE!", `The value ${v} has no metric id next to it.`);
    expect(gap([[null]], [[5]], 1)).toEqual([[noId("5")]]);
    expect(gap([[""]], [[5]], 1)).toEqual([[noId("5")]]);
    expect(gap([[0]], [["abc"]], 1)).toEqual([[err("#VALUE!", 'The text "abc" has no metric id next to it.')]]);
    expect(gap([["mrr"], [null]], [[400_000], [7]], 1)).toEqual([[100_000], [noId("7")]]);
    expect(gap([[null]], [[null]], 1)).toEqual([[err("#N/A", "No metric and no value given.")]]);
    expect(gap([[""], [0]], [[null], [0]], 1)).toEqual([[err("#N/A", "No metric and no value given.")]]);
    expect(gap([["mrr"], [null]], [[400_000], [null]], 1)).toEqual([[100_000], [""]]);
  });

  test("bad input", () => {
    expect(gap([["cac"]], [[120]], 5)).toEqual([[err("#VALUE!", "Phase must be a whole number from 1 to 4; got 5.")]]);
    expect(gap([["cac"]], [[120]], "two")).toEqual([[err("#VALUE!", 'Phase must be a whole number from 1 to 4; got the text "two".')]]);
    expect(gap([["cac"], ["mrr"]], [[1, 2]], 1)).toEqual([[err("#VALUE!", "metric is 2x1 but value is 1x2; give ranges of the same shape.")]]);
    expect(gap([["cac"]], [[120]], 1, "yes")).toEqual([[err("#VALUE!", 'as_fraction must be TRUE or FALSE; got the text "yes".')]]);
    expect(gap([["uptime"]], [[99.9]], 1)).toEqual([[err("#VALUE!", /99.9% is 0.999/)]]);
  });
});

describe("SCALE.RISK", () => {
  test("one indicator and one value", () => {
    expect(risk([["cash_burn.cash_runway"]], [[24]])).toEqual([["OK"]]);
    expect(risk([["cash_runway"]], [[17]])).toEqual([["WATCH"]]);
    expect(risk([["cash_burn.burn_rate"]], [[600_000]])).toEqual([["RISK"]]);
  });

  test("churn, nps, productivity: phase target with a phase, risk threshold without", () => {
    expect(risk([["churn"]], [[0.04]])).toEqual([["OK"]]);
    expect(risk([["churn"]], [[0.04]], 2)).toEqual([["RISK"]]);
    expect(risk([["churn"]], [[0.032]], 2)).toEqual([["WATCH"]]);
  });

  test("a phase metric that is not a risk indicator needs the phase", () => {
    expect(risk([["mrr"]], [[1]])).toEqual([[err("#VALUE!", "mrr is a phase metric: give the phase (1-4) to judge it against.")]]);
    expect(risk([["mrr"]], [[480_000]], 1)).toEqual([["WATCH"]]);
  });

  test("same-shaped ranges spill element-wise", () => {
    expect(risk([["churn", "cash_burn.funding"]], [[0.2, 10_000_000]])).toEqual([["RISK", "OK"]]);
  });

  test("a risk group with its four values gives the worst level; blanks skipped", () => {
    expect(risk([["cash_burn"]], [[24], [400_000], [0.3], [20_000_000]])).toEqual([["OK"]]);
    expect(risk([["cash_burn"]], [[24, 400_000, 0.19, 20_000_000]])).toEqual([["WATCH"]]);
    expect(risk([["Quema de caja"]], [[24], [null], [null], [1]])).toEqual([["RISK"]]);
    expect(risk([["cash_burn"]], [[null], [null], [null], [null]])).toEqual([[err("#N/A", "No values for cash_burn: all 4 are empty.")]]);
    expect(risk([["cash_burn"]], [[1], [2], [3]])).toEqual([[err("#VALUE!", /cash_burn has 4 indicators .*give 4 values in that order, got 3/)]]);
  });

  test("bare revenue_growth is ambiguous and names both qualified ids", () => {
    expect(risk([["revenue_growth"]], [[0.3]])).toEqual([
      [err("#VALUE!", '"revenue_growth" is in more than one risk group: use cash_burn.revenue_growth or competition.revenue_growth.')],
    ]);
    expect(risk([["competition.revenue_growth"]], [[0.23]])).toEqual([["WATCH"]]);
  });

  test("thresholds override risk thresholds through the Threshold column", () => {
    const table = [
      ["Id", "P1", "P2", "P3", "P4", "Threshold"],
      ["cash_burn.cash_runway", null, null, null, null, 12],
    ];
    expect(risk([["cash_runway"]], [[13]], null, table)).toEqual([["OK"]]);
  });

  test("a value without an id says so, like SCALE.PHASE; a call given nothing at all is #N/A", () => {
    const noId = (v: string) => err("#VALUE!", `The value ${v} has no metric id next to it.`);
    expect(risk([[null]], [[5]])).toEqual([[noId("5")]]);
    expect(risk([[""]], [[0.5]], 1)).toEqual([[noId("0.5")]]);
    expect(risk([[0]], [[true]])).toEqual([[noId("TRUE")]]);
    expect(risk([[null]], [[null]])).toEqual([[err("#N/A", "No metric and no value given.")]]);
    expect(risk([[0, null]], [[0, ""]])).toEqual([[err("#N/A", "No metric and no value given.")]]);
    expect(risk([["churn", null]], [[0.01, null]])).toEqual([["OK", ""]]);
  });

  test("bad input", () => {
    expect(risk([["churn"]], [[5]])).toEqual([[err("#VALUE!", /5% is 0.05/)]]);
    expect(risk([["churn"]], [["n/a"]])).toEqual([[err("#VALUE!", 'The value for churn is the text "n/a"; enter a number.')]]);
    expect(risk([["cash_burn.runway"]], [[1]])).toEqual([[err("#VALUE!", /Unknown metric "cash_burn.runway". Did you mean/)]]);
    expect(risk([["cash_burn.cash_runway"]], [[-1]])).toEqual([[err("#VALUE!", "cash_burn.cash_runway must be at least 0; got -1.")]]);
    expect(risk([["productivity"]], [[-3]])).toEqual([[err("#VALUE!", "productivity must be at least 0; got -3.")]]);
    expect(risk([["churn"]], [[0.1]], 9)).toEqual([[err("#VALUE!", "Phase must be a whole number from 1 to 4; got 9.")]]);
  });
});

describe("SCALE.TARGET", () => {
  test("the target of a metric for a phase; a risk indicator's threshold", () => {
    expect(target([["gross_margin"]], 2)).toEqual([[0.8]]);
    expect(target([["revenue_per_employee"]], 4)).toEqual([[400_000]]);
    expect(target([["competition.revenue_growth"]], 1)).toEqual([[0.25]]);
    expect(target([["cac"], ["ltv:cac"]], 3)).toEqual([[50], [40]]);
  });

  test("a risk indicator's threshold is the same for every phase, but a phase given is checked", () => {
    expect(target([["funding"]], null)).toEqual([[10_000_000]]);
    expect(target([["funding"]], "")).toEqual([[10_000_000]]);
    expect(target([["cash_burn.funding"]], 3)).toEqual([[10_000_000]]);
    expect(target([["funding"]], 99)).toEqual([[err("#VALUE!", "Phase must be a whole number from 1 to 4; got 99.")]]);
    expect(target([["funding"]], "abc")).toEqual([[err("#VALUE!", 'Phase must be a whole number from 1 to 4; got the text "abc".')]]);
  });

  test("with thresholds", () => {
    expect(target([["cac"]], 1, [["cac", 90, 70, 45, 20]])).toEqual([[90]]);
  });

  test("a thresholds table read once is read again as soon as one cell of it changes", () => {
    const table = () => [["Id", "P1", "P2", "P3", "P4"], ["cac", 90, 70, 45, 20]];
    expect(target([["cac"]], 1, table())).toEqual([[90]]);
    expect(target([["cac"]], 1, table())).toEqual([[90]]);
    const edited = table();
    edited[1][1] = 80;
    expect(target([["cac"]], 1, edited)).toEqual([[80]]);
    expect(target([["cac"]], 1, [...table(), ["mrr", 1, 2, 3, 4]])).toEqual([[90]]);
    expect(target([["mrr"]], 1, [...table(), ["mrr", 1, 2, 3, 4]])).toEqual([[1]]);
    expect(target([["cac"]], 1, [["cac", "x", 70, 45, 20]])).toEqual([[err("#VALUE!", 'thresholds row 1, P1: "x" is not a number')]]);
    expect(target([["cac"]], 1, table())).toEqual([[90]]);
  });

  test("bad input", () => {
    expect(target([["cac"]], 0)).toEqual([[err("#VALUE!", "Phase must be a whole number from 1 to 4; got 0.")]]);
    expect(target([["cac"]], 1, [["cac", "x", 70, 45, 20]])).toEqual([[err("#VALUE!", 'thresholds row 1, P1: "x" is not a number')]]);
  });
});

describe("SCALE.METRICS", () => {
  test("spills the catalogue with a header row, English by default", () => {
    const out = metrics();
    expect(out[0]).toEqual(["Id", "Metric", "Unit", "Better", "P1", "P2", "P3", "P4"]);
    expect(out).toHaveLength(PHASE_METRICS.length + 1);
    expect(out[1]).toEqual(["mrr", "Monthly recurring revenue", "currency per month", "higher", 500_000, 2_000_000, 5_000_000, 20_000_000]);
  });

  test("Spanish", () => {
    const out = metrics("es");
    expect(out[0][1]).toBe("Métrica");
    expect(out.find((r) => r[0] === "gross_margin")![1]).toBe("Margen bruto");
  });

  test("unknown language", () => {
    expect(metrics("fr")).toEqual([[err("#VALUE!", 'language must be "en" or "es"; got the text "fr".')]]);
  });
});
