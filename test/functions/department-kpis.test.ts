/**
 * The department KPIs (product.md 13) in SCALE.RISK, SCALE.GAP and SCALE.TARGET: their ids, the
 * English and Spanish names of departments.ts as aliases, judged by the band rule of product.md 4
 * like a risk indicator (the same in every phase; strict where the seed writes < or >; the band
 * capped for a fraction that cannot pass 100%; an ROI uncapped and signed). Oracles typed by hand
 * from product.md 4 and the seed's figures (win rate 40%, response time < 100 ms, ...).
 */
import { eta, gap, phase, risk, score, target } from "../../src/functions/functions";
import { DEPARTMENT_KPIS } from "../../src/core/department-kpis";
import { DEPARTMENTS } from "../../src/core/departments";
import { resolve } from "../../src/core/lookup";

const err = (code: string, message: string | RegExp) =>
  expect.objectContaining({ code, message: typeof message === "string" ? message : expect.stringMatching(message) });
const one = (id: string, value: unknown, phaseNumber?: unknown) => risk([[id]], [[value]], phaseNumber)[0][0];

describe("SCALE.RISK on a department KPI, by the band rule", () => {
  test('SCALE.RISK("sales.win_rate", 0.35) is RISK: 40% with a band of 10% of min(40%, 60%) = 4 points, WATCH from 36%', () => {
    expect(one("sales.win_rate", 0.35)).toBe("RISK");
    expect(risk([["sales.win_rate"]], [[0.4, 0.5, 0.39, 0.36, 0.359, 0]])).toEqual([["OK", "OK", "WATCH", "WATCH", "RISK", "RISK"]]);
  });

  test("the same in every phase; a phase given must still be 1-4", () => {
    expect([1, 2, 3, 4].map((p) => one("sales.win_rate", 0.37, p))).toEqual(["WATCH", "WATCH", "WATCH", "WATCH"]);
    expect(one("sales.win_rate", 0.37, 5)).toEqual(err("#VALUE!", "Phase must be a whole number from 1 to 4; got 5."));
    // An empty phase cell: null on the web, 0 on desktop.
    expect([one("sales.win_rate", 0.37, null), one("sales.win_rate", 0.37, 0)]).toEqual(["WATCH", "WATCH"]);
  });

  test("strict where the seed writes < or >: response time < 100 ms misses at 100 (WATCH up to 110), performance < 200 ms", () => {
    expect(risk([["operations.response_time_ms"]], [[99, 100, 110, 111]])).toEqual([["OK", "WATCH", "WATCH", "RISK"]]);
    expect(risk([["product.performance_ms"]], [[150, 200, 220, 221]])).toEqual([["OK", "WATCH", "WATCH", "RISK"]]);
    expect(risk([["marketing.cac_by_channel"]], [[99, 100, 110, 111]])).toEqual([["OK", "WATCH", "WATCH", "RISK"]]);
  });

  test("inclusive where the seed states the figure: sales cycle 45 days (WATCH up to 49.5), channel diversity 10+", () => {
    expect(risk([["sales.cycle_days"]], [[45, 49.5, 50]])).toEqual([["OK", "WATCH", "RISK"]]);
    expect(risk([["marketing.channel_diversity"]], [[10, 9, 8]])).toEqual([["OK", "WATCH", "RISK"]]);
  });

  test("a fraction near 100% keeps a narrow band: uptime 99.99% is WATCH from 99.989%, 99.9% from 99.89%", () => {
    expect(risk([["operations.uptime"]], [[0.9999, 0.99989, 0.99988]])).toEqual([["OK", "WATCH", "RISK"]]);
    expect(risk([["product.uptime"]], [[0.999, 0.9989, 0.9988]])).toEqual([["OK", "WATCH", "RISK"]]);
  });

  test("ROI is uncapped and signed: ROI by channel > 300% (strict, WATCH from 270%), content ROI 400%; a loss is RISK, not refused", () => {
    expect(risk([["marketing.roi_by_channel"]], [[3.5, 3, 2.7, 2.69, -0.5]])).toEqual([["OK", "WATCH", "WATCH", "RISK", "RISK"]]);
    expect(risk([["marketing.content_roi"]], [[4, 3.6, 3.59]])).toEqual([["OK", "WATCH", "RISK"]]);
    expect(one("marketing.roi_by_channel", 350)).toEqual(err("#VALUE!", "marketing.roi_by_channel is a percentage entered as a fraction: 350% is 3.5, so enter 3.5, not 350."));
  });

  test("a change KPI takes the change: error reduction 70% (WATCH from 67%); a rise is a negative change, judged RISK", () => {
    expect(risk([["operations.error_reduction"]], [[0.8, 0.7, 0.67, 0.66, -0.2]])).toEqual([["OK", "OK", "WATCH", "RISK", "RISK"]]);
    expect(one("operations.error_reduction", 70)).toEqual(err("#VALUE!", "operations.error_reduction is a percentage entered as a fraction: 70% is 0.7, so enter 0.7, not 70."));
    expect(one("operations.cost_savings", 1.2)).toEqual(err("#VALUE!", /cost_savings is a percentage entered as a fraction/));
  });

  test("values a KPI cannot take say what to enter", () => {
    expect(one("sales.win_rate", 40)).toEqual(err("#VALUE!", "sales.win_rate is a percentage entered as a fraction: 40% is 0.4, so enter 0.4, not 40."));
    expect(one("sales.win_rate", -0.1)).toEqual(err("#VALUE!", "sales.win_rate must be between 0 and 1; got -0.1."));
    expect(one("sales.cycle_days", -3)).toEqual(err("#VALUE!", "sales.cycle_days must be at least 0; got -3."));
    expect(one("product.innovation_index", 11)).toEqual(err("#VALUE!", "product.innovation_index must be between 0 and 10; got 11."));
    expect(one("product.user_satisfaction", 0.5)).toEqual(err("#VALUE!", "product.user_satisfaction must be between 1 and 5; got 0.5."));
    expect(one("sales.win_rate", "high")).toEqual(err("#VALUE!", 'The value for sales.win_rate is the text "high"; enter a number.'));
    expect(one("sales.win_rate", null)).toEqual(err("#N/A", "No value for sales.win_rate."));
  });

  test("no thresholds table holds a KPI: one given is refused, saying to leave it out", () => {
    const table = [["Id", "P1", "P2", "P3", "P4"], ["cac", 90, 200, 150, 120]];
    expect(risk([["sales.win_rate"]], [[0.35]], null, table)).toEqual([[err("#VALUE!", "sales.win_rate is a department KPI judged against the seed's target, which no thresholds table holds; leave thresholds out for it.")]]);
    expect(gap([["sales.win_rate"]], [[0.35]], null, false, table)).toEqual([[err("#VALUE!", /which no thresholds table holds/)]]);
    expect(target([["sales.win_rate"]], null, table)).toEqual([[err("#VALUE!", /which no thresholds table holds/)]]);
    // The phase metrics beside it still read the table.
    expect(risk([["cac"], ["sales.win_rate"]], [[95], [0.4]], 1, table)).toEqual([["WATCH"], [err("#VALUE!", /which no thresholds table holds/)]]);
  });

  test("mixed with phase metrics and indicators in one spill", () => {
    expect(risk([["sales.win_rate", "cash_burn.cash_runway"]], [[0.35, 19]])).toEqual([["RISK", "OK"]]);
  });
});

describe("names as aliases", () => {
  test("the id in any case, its last part, the English and Spanish names", () => {
    for (const id of ["sales.win_rate", "SALES.WIN_RATE", "win_rate", "Win rate", " win rate "]) expect(one(id, 0.35)).toBe("RISK");
    expect(target([["Hiring time", "Ramp time", "Response time", "Performance", "Sales team size", "Sales cycle"]], null)).toEqual([[30, 90, 100, 200, 50, 45]]);
  });

  test("every KPI label of departments.ts (English and Spanish) names its KPI, or a framework measure it shares the words with", () => {
    const shared: string[] = [];
    for (const d of DEPARTMENTS)
      for (const b of d.blocks)
        for (const k of b.kpis)
          for (const label of [k.label.en, k.label.es]) {
            if (resolve(label).kind !== "unknown") {
              shared.push(label);
              continue;
            }
            const kpi = DEPARTMENT_KPIS.find((x) => x.id === k.id)!;
            expect([label, target([[label]], null)[0][0]]).toEqual([label, kpi.target]);
          }
    // "Uptime", "ROI", "Productivity", "Team size", "Retention" are the framework's metrics (docs/functions.md).
    expect([...new Set(shared)].sort()).toEqual(["Productivity", "ROI", "Retention", "Team size", "Uptime"]);
    expect(target([["Team size"]], 1)).toEqual([[20]]);
    expect(one("Uptime", 0.999)).toEqual(err("#VALUE!", "uptime is a phase metric: give the phase (1-4) to judge it against."));
  });

  test("every KPI id works in RISK, GAP and TARGET at its own target", () => {
    for (const k of DEPARTMENT_KPIS) {
      expect([k.id, one(k.id, k.target)]).toEqual([k.id, k.strict ? "WATCH" : "OK"]);
      expect([k.id, gap([[k.id]], [[k.target]], null)[0][0]]).toEqual([k.id, 0]);
      expect([k.id, target([[k.id]], null)[0][0]]).toEqual([k.id, k.target]);
    }
  });

  test("a misspelt KPI id suggests the KPI", () => {
    expect(one("sales.win_rat", 0.35)).toEqual(err("#VALUE!", /^Unknown metric "sales.win_rat". Did you mean sales.win_rate/));
  });
});

describe("SCALE.GAP and SCALE.TARGET on a department KPI", () => {
  test("GAP: the shortfall to the seed's target in the KPI's unit, whatever the phase; as_fraction divides by it", () => {
    const [[short]] = gap([["sales.win_rate"]], [[0.35]], null) as number[][];
    expect(short).toBeCloseTo(0.05, 12);
    expect(gap([["sales.cycle_days"]], [[60]], 2)).toEqual([[15]]);
    expect(gap([["sales.cycle_days"]], [[60]], null, true)).toEqual([[15 / 45]]);
    expect(gap([["operations.response_time_ms"]], [[80]], 0)).toEqual([[-20]]);
    expect(gap([["sales.win_rate"]], [[0.35]], 7)).toEqual([[err("#VALUE!", /got 7/)]]);
  });

  test("TARGET: the seed's figure in the KPI's unit, with or without a phase", () => {
    expect(target([["sales.win_rate", "sales.revenue_per_rep", "marketing.roi_by_channel", "operations.error_reduction"]], 1)).toEqual([[0.4, 500000, 3, 0.7]]);
    expect(target([["sales.win_rate"]], null)).toEqual([[0.4]]);
  });

  test("PHASE, SCORE and ETA take phase metrics: a KPI says to use RISK, GAP or TARGET", () => {
    const says = err("#VALUE!", /^sales.win_rate is a department KPI judged against the seed's target and never counts toward the phase; SCALE.\w+ takes phase metrics. Use SCALE.RISK, SCALE.GAP or SCALE.TARGET for sales.win_rate.$/);
    expect(phase([["sales.win_rate"]], [[0.5]])).toEqual(says);
    expect(score([["sales.win_rate"]], [[0.5]], 1)).toEqual(says);
    expect(eta([["sales.revenue_per_rep"]], [[1, 2, 3, 4]], 1)).toEqual(err("#VALUE!", /sales.revenue_per_rep is a department KPI/));
  });
});
