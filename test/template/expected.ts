/**
 * What the template must show for given actuals, computed by the core and SCALE.PHASE, not
 * by the template: the tests compare a real spreadsheet engine's results with these.
 */
import fc from "fast-check";
import { LEVELS, Level, PHASE_METRICS, PHASE_NUMBERS, PhaseNumber, RISK_GROUPS, RISK_INDICATORS, valueRange } from "../../src/core/catalog";
import { Rule, bandWidth, indicatorRule, levelOf, metricRule, worstLevel } from "../../src/core/evaluate";
import { Cell, parseOverrides } from "../../src/core/overrides";
import { Actual, NAMES } from "../../src/core/template";
import { phase } from "../../src/functions/functions";

export function latest(actuals: readonly Actual[], p: PhaseNumber | "R", id: string): number | undefined {
  const rows = actuals.filter((a) => a.phase === p && a.id === id).sort((a, b) => a.month - b.month);
  return rows.length ? rows[rows.length - 1].value : undefined;
}

/**
 * Workbook name -> the text its cell must show ("" for blank). `thresholds`: the Thresholds
 * sheet's cells when a user edited them, read by the core as SCALE.*(..., thresholds) reads them.
 */
export function expectedNames(actuals: readonly Actual[], phases: readonly PhaseNumber[] = PHASE_NUMBERS, thresholds?: Cell[][]): Map<string, string> {
  const overrides = thresholds && parseOverrides(thresholds);
  const out = new Map<string, string>();
  for (const n of phases) {
    for (const m of PHASE_METRICS) {
      const v = latest(actuals, n, m.id);
      out.set(NAMES.phaseFlag(n, m.id), v === undefined ? "" : levelOf(v, metricRule(m, n, overrides)!));
    }
  }
  for (const g of RISK_GROUPS) {
    const levels = g.indicators.flatMap((i) => {
      const v = latest(actuals, "R", i.qualifiedId);
      return v === undefined ? [] : [levelOf(v, indicatorRule(i, overrides)!)];
    });
    out.set(NAMES.riskFlag(g.id), worstLevel(levels) ?? "");
  }
  const current = PHASE_METRICS.flatMap((m) => {
    const onSheet = [...phases].reverse().map((n) => latest(actuals, n, m.id)).find((v) => v !== undefined);
    return onSheet === undefined ? [] : [[m.id, onSheet]];
  });
  const reached = current.length ? phase(current, undefined, undefined, thresholds) : undefined;
  out.set(NAMES.phase, typeof reached === "number" ? String(reached) : "");
  return out;
}

/** Every metric's target and band edge on its phase sheet, and just past the edge, months 1-3. */
export function boundaryActuals(offset: 0 | 1 | 2): Actual[] {
  const out: Actual[] = [];
  for (const n of PHASE_NUMBERS) {
    for (const m of PHASE_METRICS) {
      const rule = metricRule(m, n);
      const t = rule.threshold;
      const sign = m.direction === "higher" ? -1 : 1;
      const edge = rule.floor ?? t + sign * bandWidth(rule);
      const beyond = edge + sign * Math.abs(t) * 1e-4;
      const values = [t, edge, beyond];
      // The latest month decides the flag: rotate which boundary value is latest per sample.
      [values[(offset + 1) % 3], values[(offset + 2) % 3], values[offset]].forEach((value, k) => out.push({ phase: n, id: m.id, month: k + 1, value }));
    }
  }
  for (const g of RISK_GROUPS) {
    for (const i of g.indicators) {
      const rule = indicatorRule(i);
      const sign = i.direction === "higher" ? -1 : 1;
      const edge = rule.threshold + sign * bandWidth(rule);
      const values = [rule.threshold, edge, edge + sign * Math.abs(rule.threshold) * 1e-4];
      out.push({ phase: "R", id: i.qualifiedId, month: 12, value: values[offset] });
    }
  }
  return out;
}

/** A company whose latest values are exactly phase `n`'s targets, after a weaker first month. */
export function companyAtPhase(n: PhaseNumber): Actual[] {
  return PHASE_METRICS.flatMap((m) => {
    const t = metricRule(m, n).threshold;
    const weaker = m.direction === "higher" ? t * 0.5 : t * 1.5;
    return [
      { phase: n, id: m.id, month: 1, value: weaker },
      { phase: n, id: m.id, month: 2, value: t },
    ];
  });
}

/** A value the rule judges `level`: the threshold (half a band past it if strict) for OK, mid-band for WATCH (mid-way from the floor where there is one), two bands out for RISK. */
function valueAtLevel(rule: Rule, level: Level): number {
  const sign = rule.direction === "higher" ? -1 : 1;
  const band = bandWidth(rule);
  const value =
    level === "OK" ? rule.threshold - (rule.strict ? sign * band / 2 : 0)
    : rule.floor !== undefined ? (level === "WATCH" ? (rule.floor + rule.threshold) / 2 : rule.floor - band)
    : rule.threshold + sign * (level === "WATCH" ? band / 2 : 2 * band);
  if (levelOf(value, rule) !== level) throw new Error(`${value} is not ${level} for ${JSON.stringify(rule)}`);
  return value;
}

/**
 * A phase-1 company with every level on show: metrics take OK, WATCH and RISK in turn (month 1
 * is the next level, so month cells show colours too); risk groups all OK, one WATCH, one RISK, one blank.
 */
export function mixedCompany(): Actual[] {
  const metrics = PHASE_METRICS.flatMap((m, i): Actual[] => {
    const rule = metricRule(m, 1);
    return [
      { phase: 1, id: m.id, month: 1, value: valueAtLevel(rule, LEVELS[(i + 1) % 3]) },
      { phase: 1, id: m.id, month: 2, value: valueAtLevel(rule, LEVELS[i % 3]) },
    ];
  });
  const groupLevels: (Level | undefined)[] = ["OK", "WATCH", "RISK", undefined];
  const risks = RISK_GROUPS.flatMap((g, gi) =>
    g.indicators.flatMap((ind, k): Actual[] => {
      const level = groupLevels[gi];
      if (level === undefined) return [];
      return [{ phase: "R", id: ind.qualifiedId, month: 6, value: valueAtLevel(indicatorRule(ind), k === 0 ? level : "OK") }];
    }),
  );
  return [...metrics, ...risks];
}

/** Every risk indicator clearly breached. */
export function everyRiskBreached(): Actual[] {
  return RISK_GROUPS.flatMap((g) =>
    g.indicators.map((i) => {
      const t = indicatorRule(i).threshold;
      const value = i.direction === "higher" ? t * 0.5 : Math.min(t * 3, i.capped ? 1 : Infinity);
      return { phase: "R" as const, id: i.qualifiedId, month: 4, value };
    }),
  );
}

/** Scattered months, most rows blank. */
export function withBlanks(): Actual[] {
  return [
    { phase: 1, id: "mrr", month: 2, value: 450_000 },
    { phase: 1, id: "mrr", month: 5, value: 510_000 },
    { phase: 1, id: "churn", month: 3, value: 0.049 },
    { phase: 2, id: "nps", month: 11, value: 76 },
    { phase: "R", id: "cash_burn.burn_rate", month: 7, value: 520_000 },
    { phase: "R", id: "competition.market_share", month: 1, value: 0.095 },
  ];
}

/** Reproducible random companies: any metric, phase sheet, month and value near its targets. */
export function randomCompanies(count: number): Actual[][] {
  const metricActual = fc.record({ m: fc.constantFrom(...PHASE_METRICS), n: fc.constantFrom(...PHASE_NUMBERS), month: fc.integer({ min: 1, max: 12 }), k: fc.double({ min: 0.3, max: 1.7, noNaN: true }) }).map(({ m, n, month, k }): Actual => {
    const { min, max } = valueRange(m);
    return { phase: n, id: m.id, month: Math.min(month, n === 1 ? 6 : 12), value: Math.min(max, Math.max(min, metricRule(m, n).threshold * k)) };
  });
  const riskActual = fc.record({ i: fc.constantFrom(...RISK_INDICATORS), month: fc.integer({ min: 1, max: 12 }), k: fc.double({ min: 0.5, max: 1.5, noNaN: true }) }).map(({ i, month, k }): Actual => {
    const { min, max } = valueRange(i);
    return { phase: "R", id: i.qualifiedId, month, value: Math.min(max, Math.max(min, i.threshold * k)) };
  });
  const dedupe = (xs: Actual[]) => [...new Map(xs.map((a) => [`${a.phase}/${a.id}/${a.month}`, a] as const)).values()];
  return fc.sample(fc.tuple(fc.array(metricActual, { maxLength: 60 }), fc.array(riskActual, { maxLength: 20 })), { numRuns: count, seed: 20261124 }).map(([a, b]) => dedupe([...a, ...b]));
}
