/**
 * What a value given to SCALE.* can be (product.md section 10, "Nothing lost"): a finite number
 * (a JavaScript caller, or a host, can hand over NaN or Infinity though a cell cannot hold one),
 * never a negative share where none can happen (churn, error rate, uptime), while growth rates
 * and gross margin may be negative.
 */
import { eta, gap, phase, risk } from "../../src/functions/functions";

const err = (message: string) => expect.objectContaining({ code: "#VALUE!", message });

describe("a number that is not finite is #VALUE!, naming the measure", () => {
  test.each([
    ["mrr", Infinity, "mrr must be a finite number; got Infinity."],
    ["churn", NaN, "churn must be a finite number; got NaN."],
    ["cash_burn.burn_rate", -Infinity, "cash_burn.burn_rate must be a finite number; got -Infinity."],
  ])("SCALE.RISK: %s = %s", (id, value, message) => {
    expect(risk([[id]], [[value]], 1)).toEqual([[err(message)]]);
  });

  test("SCALE.GAP: Infinity", () => {
    expect(gap([["mrr"]], [[Infinity]], 1)).toEqual([[err("mrr must be a finite number; got Infinity.")]]);
  });

  test("SCALE.PHASE: Infinity among the values", () => {
    expect(phase([["mrr"], ["churn"]], [[Infinity], [0.01]])).toEqual(err("mrr must be a finite number; got Infinity."));
  });

  test("SCALE.ETA: a month of Infinity is no month that reached the target (it was read as one)", () => {
    expect(eta("mrr", [[100_000, 200_000, Infinity]], 1)).toEqual(err("mrr must be a finite number; got Infinity."));
    expect(eta("customers", [[100, NaN, 300]], 1)).toEqual(err("customers must be a finite number; got NaN."));
  });
});

describe("a share that cannot be negative is refused; a rate that can is judged", () => {
  test("churn, error rate, uptime, market share below 0: #VALUE! saying the range", () => {
    expect(risk([["churn"]], [[-0.02]], 1)).toEqual([[err("churn must be between 0 and 1; got -0.02.")]]);
    expect(risk([["quality_loss.error_rate"]], [[-0.01]])).toEqual([[err("quality_loss.error_rate must be between 0 and 1; got -0.01.")]]);
    expect(phase([["uptime"]], [[-0.5]])).toEqual(err("uptime must be between 0 and 1; got -0.5."));
    expect(risk([["competition.market_share"]], [[-0.1]])).toEqual([[err("competition.market_share must be between 0 and 1; got -0.1.")]]);
  });

  test("a negative target for churn in a thresholds table is refused too", () => {
    expect(gap([["churn"]], [[0.02]], 1, false, [["churn", -0.01, 0.03, 0.02, 0.01]])).toEqual([[err("thresholds row 1, P1: churn must be between 0 and 1; got -0.01.")]]);
  });

  test("growth rates, ROI, price premium and gross margin may be negative", () => {
    expect(risk([["mrr_growth"]], [[-0.1]], 1)).toEqual([["RISK"]]);
    expect(risk([["competition.revenue_growth"]], [[-0.05]])).toEqual([["RISK"]]);
    expect(risk([["competition.price_premium"]], [[-0.15]])).toEqual([["RISK"]]);
    expect(risk([["gross_margin"]], [[-0.2]], 1)).toEqual([["RISK"]]);
    expect(risk([["marketing_roi"]], [[-0.5]], 1)).toEqual([["RISK"]]);
  });
});
