import fc from "fast-check";
import { LEVELS, Level, PHASE_METRICS, PHASE_NUMBERS, PhaseMetric, RISK_INDICATORS, RiskIndicator } from "../../src/core/catalog";
import { gap, phase, risk, target } from "../../src/functions/functions";
import { isExcelError } from "../../src/functions/errors";

const severity = (l: Level) => LEVELS.indexOf(l);

/** Everything Excel can hand a function, plus spellings users really type. */
const knownIds = [...PHASE_METRICS.map((m) => m.id), ...RISK_INDICATORS.map((i) => i.qualifiedId), "cash_burn", "LTV/CAC", "Margen bruto", "revenue_growth"];
const anyCell = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 5 }),
  fc.string(),
  fc.constantFrom(...knownIds),
);
const grid = fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(anyCell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 4 }));
const argument = fc.oneof(grid, anyCell);

function assertWellFormed(result: unknown): void {
  const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
  for (const c of cells) {
    if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
    else if (typeof c === "string") expect(["", "OK", "WATCH", "RISK"]).toContain(c);
    else expect(isExcelError(c)).toBe(true);
  }
}

describe("no input makes a function throw or return NaN/Infinity", () => {
  test("PHASE, GAP, RISK, TARGET on arbitrary cells and ranges", () => {
    fc.assert(
      fc.property(argument, argument, argument, fc.option(grid, { nil: undefined }), (a, b, c, t) => {
        for (const result of [phase(a as any, b as any, c, t), gap(a as any, b as any, c, false, t), gap(a as any, b as any, c, true, t), risk(a as any, b as any, c, t), target(a as any, c, t)]) {
          assertWellFormed(result);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

/** A valid value for the measure, and a better one. */
function improvement(m: PhaseMetric | RiskIndicator) {
  const capped = m.unit === "fraction" && m.capped;
  const lo = m.unit === "nps" ? -100 : m.unit === "score_1_5" ? 1 : m.unit === "fraction" ? (capped ? 0 : -1) : 0;
  const hi = m.unit === "nps" ? 100 : m.unit === "score_1_5" ? 5 : capped ? 1 : 4 * Math.max(...("targets" in m ? m.targets : [m.threshold]));
  return fc
    .tuple(fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }))
    .map(([x, y]) => {
      const [worse, better] = m.direction === "higher" ? [Math.min(x, y), Math.max(x, y)] : [Math.max(x, y), Math.min(x, y)];
      return { worse, better };
    });
}

describe("improving a metric never lowers its level or the phase", () => {
  test.each(PHASE_METRICS.map((m) => [m.id, m] as const))("%s", (_, m) => {
    fc.assert(
      fc.property(improvement(m), fc.constantFrom(...PHASE_NUMBERS), fc.double({ min: 0, max: 1e6, noNaN: true }), ({ worse, better }, p, mrr) => {
        const [[lw]] = risk([[m.id]], [[worse]], p) as Level[][];
        const [[lb]] = risk([[m.id]], [[better]], p) as Level[][];
        expect(severity(lb)).toBeLessThanOrEqual(severity(lw));
        const others = m.id === "mrr" ? [] : [["mrr", mrr]];
        const before = phase([[m.id, worse], ...others]) as number;
        const after = phase([[m.id, better], ...others]) as number;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  test.each(RISK_INDICATORS.map((i) => [i.qualifiedId, i] as const))("risk indicator %s", (_, i) => {
    fc.assert(
      fc.property(improvement(i), ({ worse, better }) => {
        const [[lw]] = risk([[i.qualifiedId]], [[worse]]) as Level[][];
        const [[lb]] = risk([[i.qualifiedId]], [[better]]) as Level[][];
        expect(severity(lb)).toBeLessThanOrEqual(severity(lw));
      }),
      { numRuns: 200 },
    );
  });
});

describe("gap <= 0 exactly when the level is OK", () => {
  test.each(PHASE_METRICS.map((m) => [m.id, m] as const))("%s", (_, m) => {
    const nearTargets = fc.constantFrom(...PHASE_NUMBERS).chain((p) =>
      fc.tuple(
        fc.constant(p),
        fc.oneof(
          improvement(m).map((v) => v.worse),
          fc.constant(m.targets[p - 1]),
          fc.double({ min: 0.999, max: 1.001, noNaN: true }).map((k) => Math.min(k * m.targets[p - 1], m.unit === "fraction" && m.capped ? 1 : Infinity)),
        ),
      ),
    );
    fc.assert(
      fc.property(nearTargets, ([p, v]) => {
        const [[g]] = gap([[m.id]], [[v]], p) as number[][];
        const [[level]] = risk([[m.id]], [[v]], p) as Level[][];
        expect(g <= 0).toBe(level === "OK");
        expect(target([[m.id]], p)).toEqual([[m.targets[p - 1]]]);
      }),
      { numRuns: 300 },
    );
  });
});
