/**
 * The SCALE.* custom functions. Plain functions over Excel-shaped values: importable in Node
 * without Office globals (tests, HyperFormula, the task pane's inspector). `register.ts`
 * associates them with Excel. Churn, MRR growth and customer growth are monthly rates;
 * percentages are fractions (5% is 0.05).
 */
import {
  Language,
  PHASE_METRICS,
  PHASE_NUMBERS,
  RiskGroup,
  UNITS,
  targetOf,
} from "../core/catalog";
import {
  MetricValue,
  gapOf,
  indicatorRule,
  levelOf,
  metricRule,
  phaseReached,
  worstLevel,
} from "../core/evaluate";
import { resolve } from "../core/lookup";
import { Overrides } from "../core/overrides";
import { ExcelError, InputError, guard, invalid, notAvailable } from "./errors";
import {
  Grid,
  Measure,
  RangeArg,
  cellCount,
  describeCell,
  isBlank,
  measureId,
  pairCells,
  readId,
  readMeasure,
  readOptionalPhase,
  readOverrides,
  readPhase,
  readPhaseMetric,
  readValue,
  toGrid,
} from "./inputs";
import type { Cell } from "../core/overrides";

type Result<T> = T | ExcelError;
type Spill<T> = Result<T>[][];

/** An id cell left empty: null/"" or, in Excel desktop ranges, 0. */
function isEmptyId(c: Cell): boolean {
  return isBlank(c) || c === 0;
}

/**
 * A computed number, checked before it reaches a cell: Excel has no NaN or Infinity, so a result
 * that overflows (huge values against huge targets) is #VALUE!, not a broken cell.
 */
function finite(n: number, what: string): number {
  if (Number.isFinite(n)) return n;
  throw invalid(`The numbers are too large to compute ${what}.`);
}

/** A value with an empty id cell beside it. */
function missingId(value: Cell): InputError {
  return invalid(
    `The value ${describeCell(value)} has no metric id next to it.`,
  );
}

/** An id/value pair with nothing in it: a blank row inside a range, "" in the spill. */
function isEmptyPair(id: Cell, value: Cell): boolean {
  return isEmptyId(id) && (isBlank(value) || value === 0);
}

/** A spill of nothing but blank pairs means the call was given nothing: #N/A, not a blank spill. */
function somethingGiven<T>(cells: Spill<T>): Spill<T> {
  if (cells.every((row) => row.every((c) => c === "")))
    throw notAvailable("No metric and no value given.");
  return cells;
}

function readMinShare(c: Cell): number {
  if (isBlank(c)) return 1;
  if (typeof c === "number" && c > 0 && c <= 1) return c;
  // From 2 up, a percent typed as a whole number (80 for 80%) is the likely mistake.
  const hint =
    typeof c === "number" && c >= 2 && c <= 100
      ? ` (${c}% is ${+(c / 100).toPrecision(12)})`
      : "";
  throw invalid(
    `min_share must be a fraction above 0 and at most 1${hint}; got ${describeCell(c)}.`,
  );
}

/** The id/value pairs PHASE was given, in any of its three forms. */
function phaseInputs(
  metricsArg: RangeArg,
  valuesArg: RangeArg | undefined,
): [Cell, Cell][] {
  const metrics = toGrid(metricsArg);
  if (valuesArg !== undefined && valuesArg !== null) {
    const pairs: [Cell, Cell][] = [];
    pairCells(
      metrics,
      "metrics",
      toGrid(valuesArg as RangeArg),
      "values",
      (id, v) => pairs.push([id, v]),
    );
    return pairs;
  }
  if (metrics[0]?.length !== 2) {
    throw invalid(
      `Give the values too, or a two-column range (ids, values) as metrics; metrics has ${metrics[0]?.length ?? 0} column(s).`,
    );
  }
  const rows = metrics.map((r): [Cell, Cell] => [r[0], r[1]]);
  return rows.length > 0 && isHeaderRow(rows[0]) ? rows.slice(1) : rows;
}

/**
 * A two-column range's first row is a header ("Metric", "Value") when its value is text and its
 * id is no known measure; a known id with a text value ("mrr", "600000") is a mistyped value.
 */
function isHeaderRow([id, value]: [Cell, Cell]): boolean {
  if (typeof value !== "string" || isBlank(value)) return false;
  return typeof id !== "string" || resolve(id.trim()).kind === "unknown";
}

function metricValues(pairs: [Cell, Cell][]): MetricValue[] {
  const out: MetricValue[] = [];
  for (const [id, value] of pairs) {
    if (isBlank(value) || isEmptyPair(id, value)) continue;
    if (isEmptyId(id)) throw missingId(value);
    const metric = readPhaseMetric(id, "SCALE.PHASE");
    out.push({ metric, value: readValue(value, metric) });
  }
  return out;
}

/**
 * Phase reached (0-4): the highest phase N for which at least min_share of the given metrics meet phase N's target. Each phase is checked on its own, because some targets fall as a company grows. 0 means phase 1 is not yet reached. Churn, MRR growth and customer growth are monthly; percentages are fractions (5% is 0.05).
 * @customfunction PHASE
 * @helpurl https://localhost:3000/help.html#phase
 * @param metrics One metric id ("mrr"), a range of ids, or a two-column range of ids and values.
 * @param [values] The value for the id, or a range of values shaped like metrics. Omit it when metrics has two columns.
 * @param [min_share] Share of the metrics that must meet a phase's target, above 0 and at most 1. Default 1: all of them.
 * @param [thresholds] Optional: the Thresholds table (with headers) or a five-column range (id, P1, P2, P3, P4) that overrides the built-in targets.
 * @returns The phase reached, 0 to 4.
 */
export function phase(
  metrics: any[][],
  values?: any[][],
  min_share?: any,
  thresholds?: any[][],
): any {
  return guard(() => {
    const overrides = readOverrides(thresholds);
    const share = readMinShare(min_share);
    const given = metricValues(phaseInputs(metrics, values));
    const reached = phaseReached(given, share, overrides);
    if (reached === undefined)
      throw notAvailable("No metric values to judge: every value is empty.");
    return reached;
  });
}

function gapCell(
  id: Cell,
  value: Cell,
  phaseNumber: Cell,
  asFraction: boolean,
  overrides: Overrides | undefined,
): Result<number | string> {
  if (isEmptyPair(id, value)) return "";
  return guard(() => {
    if (isEmptyId(id)) throw missingId(value);
    const metric = readPhaseMetric(id, "SCALE.GAP");
    if (isBlank(value)) throw notAvailable(`No value for ${metric.id}.`);
    const p = readPhase(phaseNumber);
    const rule = metricRule(metric, p, overrides);
    const gap = gapOf(readValue(value, metric), rule);
    if (!asFraction) return finite(gap, `the gap for ${metric.id}`);
    if (rule.threshold === 0) {
      throw invalid(
        `The phase ${p} target of ${metric.id} is 0, so the gap cannot be a fraction of it; leave as_fraction empty.`,
      );
    }
    return finite(gap / Math.abs(rule.threshold), `the gap for ${metric.id}`);
  });
}

function readFlag(c: Cell, name: string): boolean {
  if (isBlank(c)) return false;
  if (typeof c === "boolean") return c;
  if (c === 0 || c === 1) return c === 1;
  throw invalid(`${name} must be TRUE or FALSE; got ${describeCell(c)}.`);
}

/**
 * Gap to a phase's target, in the metric's unit: positive = still to go, 0 or negative = met (negative is the margin ahead), whichever way the metric points (CAC 120 against a target of 100 is a gap of 20). Ranges spill element-wise.
 * @customfunction GAP
 * @helpurl https://localhost:3000/help.html#gap
 * @param metric A metric id ("cac"), or a range of ids.
 * @param value The value, or a range of values (same shape as metric, or any shape with one id).
 * @param phase The phase whose target to compare with, 1 to 4.
 * @param [as_fraction] TRUE to divide the gap by the target (a gap of 20 on a target of 100 is 0.2).
 * @param [thresholds] Optional: the Thresholds table or a five-column range (id, P1..P4) that overrides the built-in targets.
 * @returns The gap, or a spilled range of gaps.
 */
export function gap(
  metric: any[][],
  value: any[][],
  phase: any,
  as_fraction?: any,
  thresholds?: any[][],
): any[][] {
  const result = guard((): Spill<number | string> => {
    const overrides = readOverrides(thresholds);
    const asFraction = readFlag(as_fraction, "as_fraction");
    return somethingGiven(
      pairCells(toGrid(metric), "metric", toGrid(value), "value", (id, v) =>
        gapCell(id, v, phase, asFraction, overrides),
      ),
    );
  });
  return Array.isArray(result) ? result : [[result]];
}

/** The threshold a measure is judged against: a phase target where a phase applies, else its risk threshold. */
function riskRule(
  m: Measure,
  phaseNumber: Cell,
  overrides: Overrides | undefined,
) {
  const p = readOptionalPhase(phaseNumber);
  if (m.kind === "metric" && p !== undefined)
    return metricRule(m.metric, p, overrides);
  if (m.kind === "metric" && m.indicator === undefined) {
    throw invalid(
      `${m.metric.id} is a phase metric: give the phase (1-4) to judge it against.`,
    );
  }
  return indicatorRule(m.indicator!, overrides);
}

function valueFor(m: Measure, c: Cell): number {
  return readValue(c, m.kind === "metric" ? m.metric : m.indicator);
}

function riskCell(
  id: Cell,
  value: Cell,
  phaseNumber: Cell,
  overrides: Overrides | undefined,
): Result<string> {
  if (isEmptyPair(id, value)) return "";
  return guard(() => {
    if (isEmptyId(id)) throw missingId(value);
    const m = readMeasure(id);
    if (isBlank(value)) throw notAvailable(`No value for ${measureId(m)}.`);
    return levelOf(valueFor(m, value), riskRule(m, phaseNumber, overrides));
  });
}

function groupLevel(
  values: Grid,
  group: RiskGroup,
  overrides: Overrides | undefined,
): string {
  const cells = values.flat();
  const n = group.indicators.length;
  if (cells.length !== n) {
    throw invalid(
      `${group.id} has ${n} indicators (${group.indicators.map((i) => i.id).join(", ")}); give ${n} values in that order, got ${cells.length}.`,
    );
  }
  const levels = group.indicators.flatMap((indicator, i) =>
    isBlank(cells[i])
      ? []
      : [
          levelOf(
            readValue(cells[i], indicator),
            indicatorRule(indicator, overrides),
          ),
        ],
  );
  const worst = worstLevel(levels);
  if (worst === undefined)
    throw notAvailable(`No values for ${group.id}: all ${n} are empty.`);
  return worst;
}

/**
 * Risk level OK, WATCH or RISK of a value against its threshold: a risk indicator's, or a phase target when a phase is given. With a risk group id and its four values, the group's worst level. Ranges spill element-wise.
 * @customfunction RISK
 * @helpurl https://localhost:3000/help.html#risk
 * @param indicator An indicator or metric id ("cash_burn.cash_runway", "churn"), a range of ids, or a risk group id ("cash_burn").
 * @param values The value, a range of values (same shape as indicator), or a group's four values in the table's order.
 * @param [phase] Phase 1-4 to judge phase metrics against their target; without it churn, nps and productivity use their risk threshold.
 * @param [thresholds] Optional: the Thresholds table (phase targets and risk thresholds) or a five-column range (id, P1..P4).
 * @returns OK, WATCH or RISK, or a spilled range of them.
 */
export function risk(
  indicator: any[][],
  values: any[][],
  phase?: any,
  thresholds?: any[][],
): any[][] {
  const result = guard((): Spill<string> => {
    const overrides = readOverrides(thresholds);
    const ids = toGrid(indicator);
    const vals = toGrid(values);
    if (cellCount(ids) === 1 && !isEmptyId(ids[0][0])) {
      const found = readId(ids[0][0]);
      if (found.kind === "group")
        return [[groupLevel(vals, found.group, overrides)]];
    }
    return somethingGiven(
      pairCells(ids, "indicator", vals, "values", (id, v) =>
        riskCell(id, v, phase, overrides),
      ),
    );
  });
  return Array.isArray(result) ? result : [[result]];
}

/**
 * Target of a metric for a phase (for a risk indicator: its threshold). Ranges of ids spill.
 * @customfunction TARGET
 * @helpurl https://localhost:3000/help.html#target
 * @param metric A metric or indicator id, or a range of ids.
 * @param phase The phase, 1 to 4 (a risk indicator has the same threshold in every phase).
 * @param [thresholds] Optional: the Thresholds table or a five-column range (id, P1..P4) that overrides the built-in targets.
 * @returns The target in the metric's unit.
 */
export function target(
  metric: any[][],
  phase: any,
  thresholds?: any[][],
): any[][] {
  const result = guard((): Spill<number | string> => {
    const overrides = readOverrides(thresholds);
    return toGrid(metric).map((row) =>
      row.map((id) => {
        if (isEmptyId(id)) return "";
        return guard(() => {
          const m = readMeasure(id);
          if (m.kind === "indicator") {
            // One threshold for every phase, but a phase given must still be a phase.
            readOptionalPhase(phase);
            return indicatorRule(m.indicator, overrides).threshold;
          }
          return metricRule(m.metric, readPhase(phase), overrides).threshold;
        });
      }),
    );
  });
  return Array.isArray(result) ? result : [[result]];
}

const CATALOG_HEADERS: Readonly<Record<Language, readonly string[]>> = {
  en: ["Id", "Metric", "Unit", "Better", "P1", "P2", "P3", "P4"],
  es: ["Id", "Métrica", "Unidad", "Mejor", "P1", "P2", "P3", "P4"],
};

const DIRECTION_LABEL = {
  en: { higher: "higher", lower: "lower" },
  es: { higher: "mayor", lower: "menor" },
} as const;

function readLanguage(c: Cell): Language {
  if (isBlank(c)) return "en";
  const key = typeof c === "string" ? c.trim().toLowerCase() : "";
  if (["en", "english", "inglés", "ingles"].includes(key)) return "en";
  if (["es", "spanish", "español", "espanol"].includes(key)) return "es";
  throw invalid(`language must be "en" or "es"; got ${describeCell(c)}.`);
}

/**
 * The metric catalogue: id, name, unit, better direction and the targets P1-P4, spilled with a header row.
 * @customfunction METRICS
 * @helpurl https://localhost:3000/help.html#metrics
 * @param [language] "en" (default) or "es".
 * @returns The catalogue as a spilled range.
 */
export function metrics(language?: any): any[][] {
  const result = guard((): (string | number)[][] => {
    const lang = readLanguage(language);
    const rows = PHASE_METRICS.map((m) => [
      m.id,
      m.name[lang],
      UNITS[m.unit].label[lang],
      DIRECTION_LABEL[lang][m.direction],
      ...PHASE_NUMBERS.map((p) => targetOf(m, p)),
    ]);
    return [[...CATALOG_HEADERS[lang]], ...rows];
  });
  return Array.isArray(result) ? result : [[result]];
}
