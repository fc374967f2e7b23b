/**
 * Excel-shaped arguments (scalars, 2-D arrays, null or "" for empty cells) -> core values.
 * Every check of user input lives here, once; its sentences are MESSAGES.functions (core/messages.ts).
 */
import {
  CONTEXT_THRESHOLDS,
  ContextThreshold,
  Language,
  OtherInput,
  PHASE_NUMBERS,
  PhaseMetric,
  PhaseNumber,
  RiskGroup,
  RiskIndicator,
  ValueChecked,
  valueProblem,
  valueRange,
} from "../core/catalog";
import {
  contextMeasureNamed,
  departmentKpiNamed,
  normalizeKey,
  resolve,
  suggestWithKpis,
} from "../core/lookup";
import { DepartmentKpi, kpiValueProblem } from "../core/department-kpis";
import { Rule, kpiRule } from "../core/evaluate";
import { isFiniteNumber } from "../core/numbers";
import { MESSAGES } from "../core/messages";
import { Cell, isBlank, isEmpty } from "../core/cell";
import { Overrides } from "../core/overrides";
import { OverridesError, parseOverrides } from "../core/thresholds-parser";
import { InputError, invalid } from "./errors";
import type { MetricValue } from "../core/evaluate";

export type Grid = Cell[][];
/** What Excel may pass for a parameter declared as a range: a grid, or a bare scalar from other hosts. */
export type RangeArg = Grid | Cell;

export function toGrid(arg: RangeArg): Grid {
  if (Array.isArray(arg))
    return arg.map((row) => (Array.isArray(row) ? row : [row]));
  return [[arg]];
}

export function isBlankArg(arg: RangeArg | undefined): boolean {
  return arg === undefined || toGrid(arg).every((row) => row.every(isBlank));
}

export function shapeOf(g: Grid): string {
  return `${g.length}x${g[0]?.length ?? 0}`;
}

export function cellCount(g: Grid): number {
  return g.length * (g[0]?.length ?? 0);
}

const SAY = MESSAGES.functions;

export function describeCell(c: Cell): string {
  if (typeof c === "string") return SAY.cell.text(c);
  if (typeof c === "boolean") return SAY.cell.flag(c);
  return String(c);
}

export type Measure =
  | {
      readonly kind: "metric";
      readonly metric: PhaseMetric;
      readonly indicator?: RiskIndicator;
    }
  | { readonly kind: "indicator"; readonly indicator: RiskIndicator }
  /** A SaaS measure judged against its convention, never toward the phase (product.md 12). */
  | {
      readonly kind: "context";
      readonly measure: OtherInput;
      readonly context: ContextThreshold;
    }
  /** A department KPI judged against the seed's target, never toward the phase (product.md 13). */
  | { readonly kind: "kpi"; readonly kpi: DepartmentKpi };

/** What a measure's values are checked against (valueProblem, or kpiValueProblem for a KPI). */
export function measured(m: Measure): ValueChecked | DepartmentKpi {
  if (m.kind === "context") return m.measure;
  if (m.kind === "kpi") return m.kpi;
  return m.kind === "metric" ? m.metric : m.indicator;
}

export const measureId = (m: Measure): string => measureName(measured(m));

/** A SaaS measure's id: judged against its convention, or #VALUE! saying which ones are. */
function readContext(text: string): Measure | undefined {
  const found = contextMeasureNamed(text);
  if (found === undefined) return undefined;
  if (found.context === undefined)
    throw invalid(
      SAY.noContext(
        found.measure.id,
        CONTEXT_THRESHOLDS.map((c) => c.id),
      ),
    );
  return { kind: "context", measure: found.measure, context: found.context };
}

/** An id cell -> metric, indicator or group; unknown and ambiguous ids are #VALUE! with suggestions. */
export function readId(c: Cell): Measure | { kind: "group"; group: RiskGroup } {
  if (typeof c !== "string") {
    throw invalid(SAY.notAnId(describeCell(c)));
  }
  const found = resolve(c.trim());
  switch (found.kind) {
    case "metric":
    case "indicator":
    case "group":
      return found;
    case "ambiguous":
      return ambiguous(found.text, found.candidates);
    case "unknown": {
      const saas = readContext(found.text);
      if (saas !== undefined) return saas;
      const kpi = departmentKpiNamed(found.text);
      if (kpi !== undefined) return { kind: "kpi", kpi };
      if (normalizeKey(found.text) === "")
        throw invalid(SAY.notLatin(found.text));
      throw invalid(SAY.unknownId(found.text, suggestWithKpis(found.text)));
    }
  }
}

function ambiguous(text: string, candidates: readonly string[]): never {
  throw invalid(SAY.ambiguousId(text, candidates));
}

export function readMeasure(c: Cell): Measure {
  const found = readId(c);
  if (found.kind === "group") {
    throw invalid(
      SAY.groupGiven(
        found.group.id,
        found.group.indicators.map((i) => i.qualifiedId),
      ),
    );
  }
  return found;
}

export function readPhaseMetric(c: Cell, fn: string): PhaseMetric {
  return phaseMetricOf(readMeasure(c), fn);
}

/** `m` as a phase metric, or #VALUE! saying which function takes it instead. */
export function phaseMetricOf(m: Measure, fn: string): PhaseMetric {
  if (m.kind === "context") throw invalid(SAY.contextGiven(m.measure.id, fn));
  if (m.kind === "kpi") throw invalid(SAY.kpiGiven(m.kpi.id, fn));
  if (m.kind === "indicator")
    throw invalid(SAY.indicatorGiven(m.indicator.qualifiedId, fn));
  return m.metric;
}

export function readPhase(c: Cell): PhaseNumber {
  if (typeof c === "number" && PHASE_NUMBERS.includes(c as PhaseNumber))
    return c as PhaseNumber;
  throw invalid(SAY.phase(isBlank(c) ? SAY.cell.nothing : describeCell(c)));
}

/** An optional scalar left empty: null or "" (web), 0 (desktop), undefined (omitted). product.md section 5. */
export const isOmitted = isEmpty;

export function readOptionalPhase(c: Cell): PhaseNumber | undefined {
  return isOmitted(c) ? undefined : readPhase(c);
}

/** A phase `fn` needs though its metadata declares it optional (product.md section 5, SCALE.SCORE). */
export function readNeededPhase(c: Cell, fn: string): PhaseNumber {
  if (isOmitted(c)) throw invalid(SAY.phaseNeeded(fn));
  return readPhase(c);
}

function measureName(m: ValueChecked | DepartmentKpi): string {
  return "kind" in m && m.kind === "indicator" ? m.qualifiedId : m.id;
}

/**
 * A department KPI's rule, whatever the phase (a phase given must still be 1-4). No thresholds
 * table holds a KPI, so one given with a KPI is refused rather than silently not applied.
 */
export function kpiRuleOf(
  kpi: DepartmentKpi,
  phaseNumber: Cell,
  overrides: Overrides | undefined,
): Rule {
  readOptionalPhase(phaseNumber);
  if (overrides !== undefined) throw invalid(SAY.kpiThresholds(kpi.id));
  return kpiRule(kpi);
}

/** A number for `m`, checked against what it can take (a finite number in its range: catalog.valueProblem). */
export function readValue(c: Cell, m: ValueChecked | DepartmentKpi): number {
  const name = measureName(m);
  if (typeof c !== "number") {
    throw invalid(
      SAY.value(name, isBlank(c) ? SAY.cell.empty : describeCell(c)),
    );
  }
  const problem = "kind" in m ? valueProblem(m, c) : kpiValueProblem(m, c);
  if (problem) throw invalid(problem);
  return c;
}

/**
 * A sheet full of SCALE cells passes the same Thresholds table to every one of them, each call
 * with its own copy, and two blocks of a sheet may pass two different tables: the last few
 * tables read are kept (copied, so a caller editing its array cannot change them) with what they
 * gave, a bad table's message included, and a new call is compared with them cell by cell.
 */
const THRESHOLDS_KEPT = 4;
const keptThresholds: {
  readonly grid: Grid;
  readonly overrides?: Overrides;
  /** A bad table's error, thrown again as is: a sheet of cells given it costs no new error each. */
  readonly problem?: InputError;
}[] = [];

const sameGrid = (a: Grid, b: Grid) =>
  a.length === b.length &&
  a.every(
    (row, r) =>
      row.length === b[r].length && row.every((c, k) => c === b[r][k]),
  );

function parseKept(grid: Grid): (typeof keptThresholds)[number] {
  const found = keptThresholds.find((k) => sameGrid(grid, k.grid));
  if (found) return found;
  const copy = grid.map((row) => row.slice());
  let kept: (typeof keptThresholds)[number];
  try {
    kept = { grid: copy, overrides: parseOverrides(grid) };
  } catch (e) {
    if (!(e instanceof OverridesError)) throw e;
    kept = { grid: copy, problem: invalid(e.message) };
  }
  keptThresholds.unshift(kept);
  keptThresholds.length = Math.min(keptThresholds.length, THRESHOLDS_KEPT);
  return kept;
}

export function readOverrides(
  arg: RangeArg | undefined,
): Overrides | undefined {
  if (isBlankArg(arg)) return undefined;
  const kept = parseKept(toGrid(arg as RangeArg));
  if (kept.problem !== undefined) throw kept.problem;
  return kept.overrides;
}

/**
 * Pairs two same-shaped grids cell by cell; a single id in `a` pairs with every cell of `b`
 * (one id with a row of months). Other shape mismatches are #VALUE! naming both shapes.
 */
export function pairCells<T>(
  a: Grid,
  aName: string,
  b: Grid,
  bName: string,
  fn: (x: Cell, y: Cell) => T,
): T[][] {
  if (cellCount(a) === 1) return b.map((row) => row.map((y) => fn(a[0][0], y)));
  if (shapeOf(a) !== shapeOf(b)) {
    throw invalid(SAY.shapes(aName, shapeOf(a), bName, shapeOf(b)));
  }
  return a.map((row, r) => row.map((x, c) => fn(x, b[r][c])));
}

/** An id cell left empty: null/"" or, in Excel desktop ranges, 0. */
export const isEmptyId = isEmpty;

/** An id/value pair with nothing in it: a blank row inside a range, "" in the spill. */
export function isEmptyPair(id: Cell, value: Cell): boolean {
  return isEmptyId(id) && (isBlank(value) || value === 0);
}

/** A value with an empty id cell beside it. */
export function missingId(value: Cell): InputError {
  return invalid(
    typeof value === "string"
      ? SAY.missingIdText(value)
      : SAY.missingIdValue(describeCell(value)),
  );
}

export function readMinShare(c: Cell): number {
  if (isOmitted(c)) return 1;
  if (typeof c === "number" && c > 0 && c <= 1) return c;
  // From 2 up, a percent typed as a whole number (80 for 80%) is the likely mistake.
  const percent =
    typeof c === "number" && c >= 2 && c <= 100
      ? { value: c, fraction: +(c / 100).toPrecision(12) }
      : undefined;
  throw invalid(SAY.minShare(describeCell(c), percent));
}

export function readFlag(c: Cell, name: string): boolean {
  if (isBlank(c)) return false;
  if (typeof c === "boolean") return c;
  if (c === 0 || c === 1) return c === 1;
  throw invalid(SAY.flag(name, describeCell(c)));
}

export function readLanguage(c: Cell): Language {
  if (isOmitted(c)) return "en";
  const key = typeof c === "string" ? c.trim().toLowerCase() : "";
  if (["en", "english", "inglés", "ingles"].includes(key)) return "en";
  if (["es", "spanish", "español", "espanol"].includes(key)) return "es";
  throw invalid(SAY.language(describeCell(c)));
}

/**
 * A first pair is a header ("Metric", "Value") when its value is text and its id is no known
 * measure; a known id with a text value ("mrr", "600000") is a mistyped value.
 */
function isHeaderPair([id, value]: readonly [Cell, Cell]): boolean {
  if (typeof value !== "string" || isBlank(value)) return false;
  return typeof id !== "string" || resolve(id.trim()).kind === "unknown";
}

/**
 * The id/value pairs of SCALE.PHASE and SCALE.SCORE, in any of their three forms: one id and one
 * value, a range of ids and a same-shaped range of values, or a two-column range (ids, values).
 * A header row on top is skipped in the last two.
 */
export function metricPairs(
  metricsArg: RangeArg,
  valuesArg: RangeArg | undefined,
): [Cell, Cell][] {
  const metrics = toGrid(metricsArg);
  let pairs: [Cell, Cell][];
  if (valuesArg !== undefined && valuesArg !== null) {
    pairs = [];
    pairCells(
      metrics,
      "metrics",
      toGrid(valuesArg as RangeArg),
      "values",
      (id, v) => pairs.push([id, v]),
    );
  } else if (metrics[0]?.length === 2) {
    pairs = metrics.map((r): [Cell, Cell] => [r[0], r[1]]);
  } else {
    const columns = metrics[0]?.length ?? 0;
    throw invalid(SAY.valuesNeeded(columns));
  }
  return pairs.length > 0 && isHeaderPair(pairs[0]) ? pairs.slice(1) : pairs;
}

/** The metrics and numbers of `pairs`; blank values are skipped, anything else unusable is an error. */
export function metricValues(
  pairs: readonly [Cell, Cell][],
  fn: string,
): MetricValue[] {
  const out: MetricValue[] = [];
  for (const [id, value] of pairs) {
    if (isBlank(value) || isEmptyPair(id, value)) continue;
    if (isEmptyId(id)) throw missingId(value);
    const metric = readPhaseMetric(id, fn);
    out.push({ metric, value: readValue(value, metric) });
  }
  return out;
}

/**
 * A monthly series of an amount that grows (a row or a column, oldest first): numbers, or
 * undefined for blank months. 0 is a blank month: Excel desktop passes an empty cell as 0, the
 * web as null, and such an amount has no real zero once it has started (SCALE.ETA).
 */
export function readSeries(
  arg: RangeArg,
  m: PhaseMetric,
): (number | undefined)[] {
  // A row as Excel passes it is used as it is: ETA cells read a row each, on every recalculation.
  const grid =
    Array.isArray(arg) && arg.length === 1 && Array.isArray(arg[0])
      ? (arg as Grid)
      : toGrid(arg);
  const cells =
    grid.length === 1
      ? grid[0]
      : grid.every((r) => r.length === 1)
        ? grid.map((r) => r[0])
        : undefined;
  if (cells === undefined) throw invalid(SAY.series(shapeOf(grid)));
  const { min, max } = valueRange(m);
  // The range is checked inline (a series is read per ETA cell); anything else, NaN and
  // Infinity included, goes to readValue, which words the error.
  const series = new Array<number | undefined>(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (isFiniteNumber(c) && c !== 0 && c >= min && c <= max) series[k] = c;
    else series[k] = isEmpty(c) ? undefined : readValue(c, m);
  }
  return series;
}
