/** The timeline's rules (product.md 6.3-6.5), checked against numbers worked out by hand. */
import { expectedPhase } from "../../src/core/catalog";
import { etaAt, etaOf, metricRule } from "../../src/core/evaluate";
import { metricById } from "../../src/core/lookup";
import { asOfSeries, computeTimeline, lastInputMonth, timelineValues } from "../../src/core/timeline";

const typed = (entries: Record<string, (number | undefined)[]>) => new Map(Object.entries(entries));

test("derived metrics from the same month's cells, blank where product.md 6.3 says", () => {
  const v = timelineValues(
    typed({
      mrr: [100, 120, undefined, 0, 50],
      customers: [10, 20, 20, 25, 25],
      team_size: [2, 0, 4, 4, 4],
      gross_margin: [0.8, 0.8, 0.8, 0.8, 0.8],
      churn: [0.05, 0.05, 0, 0.05, 0.05],
      cac: [10, 10, 10, 10, 10],
      employee_retention: [0.9, undefined, 0.95, 0.95, 0.95],
      cash_balance: [1000, 1000, 1000, 1000, 1000],
      cash_burn_burn_rate: [100, 0, -5, 250, 100],
    }),
    5,
  );
  expect(v.get("arr")).toEqual([1200, 1440, undefined, 0, 600]);
  expect(v.get("mrr_growth")!.map((x) => x && +x.toFixed(6))).toEqual([undefined, 0.2, undefined, undefined, undefined]);
  expect(v.get("customer_growth")!.map((x) => x && +x.toFixed(6))).toEqual([undefined, 1, 0, 0.25, 0]);
  expect(v.get("revenue_per_employee")).toEqual([600, undefined, undefined, 0, 150]);
  // (100 / 10) × 0.8 / 0.05 / 10 = 16
  expect(v.get("ltv_cac")!.map((x) => x && +x.toFixed(6))).toEqual([16, 9.6, undefined, 0, 3.2]);
  expect(v.get("cash_burn_cash_runway")).toEqual([10, undefined, undefined, 4, 10]);
  expect(v.get("team_overload_turnover")!.map((x) => x && +x.toFixed(6))).toEqual([0.1, undefined, 0.05, 0.05, 0.05]);
});

test("a number typed over a derived cell wins for that month", () => {
  expect(timelineValues(typed({ mrr: [100, 100], arr: [undefined, 5000] }), 2).get("arr")).toEqual([1200, 5000]);
});

test("as-of: the last number at or before each month, and the month it is from", () => {
  expect(asOfSeries([undefined, 3, undefined, undefined, 7])).toEqual({ values: [undefined, 3, 3, 3, 7], months: [undefined, 2, 2, 2, 5] });
});

test("the schedule: phase 1 from month 6, 2 from 12, 3 from 24, 4 from 36", () => {
  expect([1, 5, 6, 11, 12, 23, 24, 35, 36, 120].map(expectedPhase)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
});

test("the reporting month: the last month in which any input row holds a number (derived rows do not count)", () => {
  const values = timelineValues(typed({ mrr: [1, undefined, undefined], nps: [undefined, 70, undefined] }), 3);
  expect(lastInputMonth(values)).toBe(2);
  expect(lastInputMonth(timelineValues(typed({}), 3))).toBeUndefined();
});

test("ETA: (v(t)/v(t-3))^(1/3) - 1 a month, rounded up; as-of values; the same as SCALE.ETA on the months up to t", () => {
  const mrr = metricById("mrr");
  const rule = metricRule(mrr, 1); // 500,000
  // 100,000 -> 200,000 in three months: g = 2^(1/3) - 1; ln(2.5) / ln(2^(1/3)) = 3.96 -> 4 months.
  const series = [100_000, undefined, undefined, 200_000, undefined];
  expect(etaAt(series, 3, rule)).toEqual({ months: 4 });
  expect(etaAt(series, 4, rule)).toEqual({ months: 4 }); // month 5: as of then 200,000; three months before, 100,000 carried
  expect(etaOf(series.slice(0, 4), rule)).toEqual(etaAt(series, 3, rule));
  expect(etaAt(series, 2, rule)).toEqual({ none: "short" });
  expect(etaAt([300_000, 300_000, 300_000, 300_000], 3, rule)).toEqual({ none: "flat" });
  expect(etaAt([0, 1, 1, 10], 3, rule)).toEqual({ none: "nonpositive" });
  expect(etaAt([1, 1, 1, 600_000], 3, rule)).toEqual({ months: 0 });
});

test("phase reached, target phase and scores month by month; stale after three months", () => {
  const state = computeTimeline(typed({ mrr: [600_000, undefined, undefined, undefined, undefined], churn: [0.04, 0.06, undefined, undefined, undefined] }), 5);
  // Month 1: MRR, its ARR (7.2M) and churn meet phase 1, not phase 2: phase 1. Month 2: churn 6% misses: 2 of 3 -> phase 0.
  // The data ends in month 2: months 3-5 are blank (product.md 6.4, 3rd ed.).
  expect(state.phase).toEqual([1, 0, undefined, undefined, undefined]);
  expect(state.targetPhase).toEqual([2, 1, undefined, undefined, undefined]);
  expect(state.scores[0]).toEqual([1, 2 / 3, undefined, undefined, undefined]);
  expect(state.reportingMonth).toBe(2);
  const stale = computeTimeline(typed({ mrr: [600_000, undefined, undefined, undefined, undefined], nps: [undefined, undefined, undefined, undefined, 70] }), 5);
  expect([stale.metrics.get("mrr")!.stale, stale.metrics.get("mrr")!.month, stale.metrics.get("nps")!.stale]).toEqual([true, 1, false]);
});

test("ETA from observations (product.md 6.5, 3rd ed.): revenue per employee typed quarterly is not flat in the months it is carried", () => {
  const rule = metricRule(metricById("revenue_per_employee"), 1); // 250,000
  // Typed in months 1, 4, 7 and 10: 100,000, 110,000, 121,000, 133,100 (10% a quarter).
  const quarterly = [100_000, undefined, undefined, 110_000, undefined, undefined, 121_000, undefined, undefined, 133_100, undefined, undefined, undefined];
  // Month 13: m = 10, m' = 7 (the last number at or before month 7); g = 1.1^(1/3) - 1;
  // ln(250,000 / 133,100) / ln(1.1^(1/3)) = 3 × 0.63030 / 0.09531 = 19.84 -> 20 months from month 10.
  // (Carried-forward copies would compare month 13's 133,100 with month 10's: flat, no ETA.)
  expect(etaAt(quarterly, 12, rule)).toEqual({ months: 20 });
  expect(etaOf(quarterly, rule)).toEqual({ months: 20 });
  // A gap: 110,000 in month 2 and 150,000 in month 6; m' = month 2 (nothing in months 3), four months apart:
  // g = (150/110)^(1/4) - 1 = 8.06%; ln(500/150) / ln(1.0806) = 15.53 -> 16 (not 12 from (150/110)^(1/3)).
  expect(etaAt([100_000, 110_000, undefined, undefined, undefined, 150_000], 5, metricRule(metricById("mrr"), 1))).toEqual({ months: 16 });
  // No number at or before m - 3: none.
  expect(etaAt([undefined, undefined, 110_000, 121_000, 133_100], 4, metricRule(metricById("mrr"), 1))).toEqual({ none: "missing" });
});

test("the dashboard's ETA is counted from the month of the current value: projected month 10 + 20 = 30, before or after the reporting month", () => {
  const rpe = [100_000, undefined, undefined, 110_000, undefined, undefined, 121_000, undefined, undefined, 133_100, undefined, undefined, undefined];
  // NPS typed through month 13 makes month 13 the reporting month (a derived row typed over does not).
  const state = computeTimeline(typed({ revenue_per_employee: rpe, nps: Array(13).fill(70) }), 36);
  expect(state.reportingMonth).toBe(13);
  const now = state.metrics.get("revenue_per_employee")!;
  expect([now.current, now.month, now.eta, now.projected]).toEqual([133_100, 10, { months: 20 }, 30]);
});

test("after the data ends (product.md 6.4, 3rd ed.): phase, target phase, scores and risk levels blank; the as-of values carry on", () => {
  // Inputs in months 1-3 of 5: MRR 600,000 in month 1 meets phase 1 (and its ARR 7.2M), as of months 2-5 too; churn 4% meets phase 1 and is the competition group's churn.
  const state = computeTimeline(typed({ mrr: [600_000, undefined, undefined, undefined, undefined], churn: [0.04, 0.04, 0.04, undefined, undefined] }), 5);
  expect(state.phase).toEqual([1, 1, 1, undefined, undefined]);
  expect(state.targetPhase).toEqual([2, 2, 2, undefined, undefined]);
  expect(state.scores[0]).toEqual([1, 1, 1, undefined, undefined]);
  expect(state.groups.get("competition")!.slice(3)).toEqual([undefined, undefined]);
  expect(state.groups.get("competition")![2]).toBeDefined();
  expect(state.asOf.get("mrr")![4]).toBe(600_000);
  // No input at all: no month has data.
  expect(computeTimeline(typed({}), 3).targetPhase).toEqual([undefined, undefined, undefined]);
});

test("the schedule counts from the company's start month (product.md 6.4, 3rd ed.): months before it expect phase 0", () => {
  // Started 4 months before the timeline: month t is the company's month t + 4: 0 to its month 5, 1 from 6 (timeline month 2).
  expect(computeTimeline(typed({}), 3, { startOffset: 4 }).expected).toEqual([0, 1, 1]);
  // Started in the timeline's month 3 (offset -2): months 1-2 are before it, and its month 6 is timeline month 8.
  expect(computeTimeline(typed({}), 8, { startOffset: -2 }).expected).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
});
