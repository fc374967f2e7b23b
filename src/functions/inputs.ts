/**
 * Excel-shaped arguments (scalars, 2-D arrays, null or "" for empty cells) -> core values.
 * Every check of user input and every message about it lives here, once.
 */
import {
  PHASE_NUMBERS,
  PhaseMetric,
  PhaseNumber,
  RiskGroup,
  RiskIndicator,
  valueProblem,
} from "../core/catalog";
import { resolve } from "../core/lookup";
import {
  Cell,
  Overrides,
  OverridesError,
  parseOverrides,
} from "../core/overrides";
import { invalid } from "./errors";

export type Grid = Cell[][];
/** What Excel may pass for a parameter declared as a range: a grid, or a bare scalar from other hosts. */
export type RangeArg = Grid | Cell;

export function toGrid(arg: RangeArg): Grid {
  if (Array.isArray(arg))
    return arg.map((row) => (Array.isArray(row) ? row : [row]));
  return [[arg]];
}

/** Empty cell: null on Excel on the web, "" in some hosts, undefined for an omitted argument. */
export function isBlank(c: Cell): boolean {
  return (
    c === null || c === undefined || (typeof c === "string" && c.trim() === "")
  );
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

export function describeCell(c: Cell): string {
  if (typeof c === "string") return `the text "${c}"`;
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  return String(c);
}

export type Measure =
  | {
      readonly kind: "metric";
      readonly metric: PhaseMetric;
      readonly indicator?: RiskIndicator;
    }
  | { readonly kind: "indicator"; readonly indicator: RiskIndicator };

export function measureId(m: Measure): string {
  return m.kind === "metric" ? m.metric.id : m.indicator.qualifiedId;
}

/** An id cell -> metric, indicator or group; unknown and ambiguous ids are #VALUE! with suggestions. */
export function readId(c: Cell): Measure | { kind: "group"; group: RiskGroup } {
  if (typeof c !== "string") {
    throw invalid(
      `Expected a metric id such as "mrr" or "churn"; got ${describeCell(c)}.`,
    );
  }
  const found = resolve(c.trim());
  switch (found.kind) {
    case "metric":
    case "indicator":
    case "group":
      return found;
    case "ambiguous":
      return ambiguous(found.text, found.candidates);
    case "unknown":
      throw invalid(
        `Unknown metric "${found.text}".` +
          (found.suggestions.length
            ? ` Did you mean ${found.suggestions.join(", ")}?`
            : " See =SCALE.METRICS() for the list."),
      );
  }
}

function ambiguous(text: string, candidates: readonly string[]): never {
  throw invalid(
    `"${text}" is in more than one risk group: use ${candidates.join(" or ")}.`,
  );
}

export function readMeasure(c: Cell): Measure {
  const found = readId(c);
  if (found.kind === "group") {
    throw invalid(
      `${found.group.id} is a risk group; give one of its indicators (${found.group.indicators.map((i) => i.qualifiedId).join(", ")}).`,
    );
  }
  return found;
}

export function readPhaseMetric(c: Cell, fn: string): PhaseMetric {
  const m = readMeasure(c);
  if (m.kind === "indicator") {
    throw invalid(
      `${m.indicator.qualifiedId} is a risk indicator, not a phase metric; ${fn} takes phase metrics. Use SCALE.RISK for indicators.`,
    );
  }
  return m.metric;
}

export function readPhase(c: Cell): PhaseNumber {
  if (typeof c === "number" && PHASE_NUMBERS.includes(c as PhaseNumber))
    return c as PhaseNumber;
  throw invalid(
    `Phase must be a whole number from 1 to 4; got ${isBlank(c) ? "nothing" : describeCell(c)}.`,
  );
}

export function readOptionalPhase(c: Cell): PhaseNumber | undefined {
  return isBlank(c) ? undefined : readPhase(c);
}

function measureName(m: PhaseMetric | RiskIndicator): string {
  return m.kind === "indicator" ? m.qualifiedId : m.id;
}

/** A number for `m`, checked against what its unit can hold. */
export function readValue(c: Cell, m: PhaseMetric | RiskIndicator): number {
  const name = measureName(m);
  if (typeof c !== "number" || !Number.isFinite(c)) {
    throw invalid(
      `The value for ${name} is ${isBlank(c) ? "empty" : describeCell(c)}; enter a number.`,
    );
  }
  const problem = valueProblem(m, c);
  if (problem) throw invalid(problem);
  return c;
}

/**
 * A sheet full of SCALE cells passes the same Thresholds table to every one of them, each call
 * with its own copy: the last table read is kept and compared cell by cell, so it is parsed once.
 */
let lastThresholds:
  { readonly grid: Grid; readonly overrides: Overrides } | undefined;

const sameGrid = (a: Grid, b: Grid) =>
  a.length === b.length &&
  a.every(
    (row, r) =>
      row.length === b[r].length && row.every((c, k) => c === b[r][k]),
  );

export function readOverrides(
  arg: RangeArg | undefined,
): Overrides | undefined {
  if (isBlankArg(arg)) return undefined;
  const grid = toGrid(arg as RangeArg);
  if (lastThresholds && sameGrid(grid, lastThresholds.grid))
    return lastThresholds.overrides;
  try {
    const overrides = parseOverrides(grid);
    lastThresholds = { grid, overrides };
    return overrides;
  } catch (e) {
    if (e instanceof OverridesError) throw invalid(e.message);
    throw e;
  }
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
    throw invalid(
      `${aName} is ${shapeOf(a)} but ${bName} is ${shapeOf(b)}; give ranges of the same shape.`,
    );
  }
  return a.map((row, r) => row.map((x, c) => fn(x, b[r][c])));
}
