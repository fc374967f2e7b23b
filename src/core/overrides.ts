/**
 * Thresholds edited by the user: read from the template's Thresholds table (found by its
 * headers) or a bare id + P1..P4 range, so edited numbers flow into formulas.
 * Rows a table does not mention keep the catalog's numbers.
 */
import {
  PHASE_NUMBERS,
  PerPhase,
  PhaseMetric,
  PhaseNumber,
  RiskIndicator,
  floorOf,
  targetOf,
  valueProblem,
} from "./catalog";
import { normalizeKey, resolve } from "./lookup";

export interface Overrides {
  readonly targets: ReadonlyMap<string, PerPhase>;
  readonly floors: ReadonlyMap<string, PerPhase>;
  /** Keyed by qualified id (`cash_burn.revenue_growth`). */
  readonly riskThresholds: ReadonlyMap<string, number>;
}

export type Cell = string | number | boolean | null | undefined;

export class OverridesError extends Error {}

/** Column headers of the template's Thresholds tables; the parser finds columns by these. */
export const THRESHOLD_HEADERS = {
  id: "Id",
  targets: ["P1", "P2", "P3", "P4"],
  floors: ["Floor P1", "Floor P2", "Floor P3", "Floor P4"],
  threshold: "Threshold",
} as const;

export function metricTarget(
  o: Overrides,
  m: PhaseMetric,
  n: PhaseNumber,
): number {
  return o.targets.get(m.id)?.[n - 1] ?? targetOf(m, n);
}

export function metricFloor(
  o: Overrides,
  m: PhaseMetric,
  n: PhaseNumber,
): number | undefined {
  return o.floors.get(m.id)?.[n - 1] ?? floorOf(m, n);
}

export function indicatorThreshold(o: Overrides, i: RiskIndicator): number {
  return o.riskThresholds.get(i.qualifiedId) ?? i.threshold;
}

interface Columns {
  id: number;
  targets?: number[];
  floors?: number[];
  threshold?: number;
}

function isBlank(c: Cell): boolean {
  return c === null || c === undefined || c === "";
}

/**
 * Excel desktop passes the empty cells of a range as 0 (Excel on the web as null). An id of 0, or
 * a row's four phase cells all 0 (no metric has a target or floor of 0 in every phase), are empty.
 */
const isEmptyId = (c: Cell) => isBlank(c) || c === 0;
const allEmpty = (row: readonly Cell[], cols: readonly number[]) =>
  cols.every((c) => isBlank(row[c])) || cols.every((c) => row[c] === 0);

function headerColumns(row: readonly Cell[]): Columns | undefined {
  const keys = row.map((c) => (typeof c === "string" ? normalizeKey(c) : ""));
  const find = (h: string) => keys.indexOf(normalizeKey(h));
  const id = find(THRESHOLD_HEADERS.id);
  if (id < 0) return undefined;
  const all = (hs: readonly string[]) => {
    const cols = hs.map(find);
    return cols.every((c) => c >= 0) ? cols : undefined;
  };
  const threshold = find(THRESHOLD_HEADERS.threshold);
  const cols: Columns = {
    id,
    targets: all(THRESHOLD_HEADERS.targets),
    floors: all(THRESHOLD_HEADERS.floors),
    threshold: threshold >= 0 ? threshold : undefined,
  };
  return cols.targets || cols.threshold !== undefined ? cols : undefined;
}

/** A bare five-column range's header row: text over the four phase columns (`Metric, P1, ..`). */
const isBareHeader = (row: readonly Cell[]) =>
  [1, 2, 3, 4].every(
    (c) =>
      typeof row[c] === "string" &&
      !isBlank(row[c]) &&
      !Number.isFinite(Number(row[c])),
  );

function describe(c: Cell): string {
  return typeof c === "string" ? `"${c}"` : String(c);
}

/** A threshold of `measure` in a cell: a number the measure can take (0.75, not 75, for 75%). */
function thresholdAt(
  row: readonly Cell[],
  col: number,
  rowNumber: number,
  measure: PhaseMetric | RiskIndicator,
): number {
  const c = row[col];
  if (typeof c !== "number" || !Number.isFinite(c))
    throw new OverridesError(
      `thresholds row ${rowNumber}: ${describe(c)} is not a number`,
    );
  const problem = valueProblem(measure, c);
  if (problem)
    throw new OverridesError(`thresholds row ${rowNumber}: ${problem}`);
  return c;
}

function perPhase(
  row: readonly Cell[],
  cols: readonly number[],
  rowNumber: number,
  metric: PhaseMetric,
  fallback: (n: PhaseNumber) => number | undefined,
  what: string,
): PerPhase | undefined {
  if (allEmpty(row, cols)) return undefined;
  return PHASE_NUMBERS.map((n, i) => {
    if (!isBlank(row[cols[i]]))
      return thresholdAt(row, cols[i], rowNumber, metric);
    const kept = fallback(n);
    if (kept === undefined)
      throw new OverridesError(
        `thresholds row ${rowNumber}: ${metric.id} has no built-in ${what} for phase ${n}; give all four phases or none`,
      );
    return kept;
  }) as unknown as PerPhase;
}

interface Parsed {
  readonly targets: Map<string, PerPhase>;
  readonly floors: Map<string, PerPhase>;
  readonly riskThresholds: Map<string, number>;
}

/** One body row of a thresholds table into `into`; a row it cannot use is an error, never dropped. */
function readRow(
  row: readonly Cell[],
  rowNumber: number,
  cols: Columns,
  into: Parsed,
): void {
  const idCell = row[cols.id];
  const numberColumns = [
    ...(cols.targets ?? []),
    ...(cols.floors ?? []),
    ...(cols.threshold === undefined ? [] : [cols.threshold]),
  ];
  if (isEmptyId(idCell) || allEmpty(row, numberColumns)) return;
  const found = resolve(String(idCell));
  const at = `thresholds row ${rowNumber}`;
  switch (found.kind) {
    case "unknown":
      throw new OverridesError(
        `${at}: unknown metric "${idCell}"` +
          (found.suggestions.length
            ? ` (did you mean ${found.suggestions.join(", ")}?)`
            : ""),
      );
    case "ambiguous":
      throw new OverridesError(
        `${at}: "${idCell}" is ambiguous; use ${found.candidates.join(" or ")}`,
      );
    case "group":
      throw new OverridesError(
        `${at}: "${idCell}" is a risk group; give each of its indicators on its own row, as ${found.group.indicators[0].qualifiedId}`,
      );
    case "metric":
      if (cols.targets) {
        const { metric } = found;
        const t = perPhase(
          row,
          cols.targets,
          rowNumber,
          metric,
          (n) => targetOf(metric, n),
          "target",
        );
        if (t) into.targets.set(metric.id, t);
        const f =
          cols.floors &&
          perPhase(
            row,
            cols.floors,
            rowNumber,
            metric,
            (n) => floorOf(metric, n),
            "floor",
          );
        if (f) into.floors.set(metric.id, f);
        return;
      }
      // Churn, NPS and productivity are risk indicators too: in a table of thresholds, that one.
      if (found.indicator)
        return readIndicator(row, rowNumber, cols, found.indicator, into);
      throw new OverridesError(
        `${at}: ${found.metric.id} is a phase metric; give its targets in P1..P4 columns`,
      );
    case "indicator":
      return readIndicator(row, rowNumber, cols, found.indicator, into);
  }
}

function readIndicator(
  row: readonly Cell[],
  rowNumber: number,
  cols: Columns,
  indicator: RiskIndicator,
  into: Parsed,
): void {
  if (cols.threshold === undefined || isBlank(row[cols.threshold]))
    throw new OverridesError(
      `thresholds row ${rowNumber}: ${indicator.qualifiedId} is a risk indicator; give its threshold in a Threshold column`,
    );
  into.riskThresholds.set(
    indicator.qualifiedId,
    thresholdAt(row, cols.threshold, rowNumber, indicator),
  );
}

/**
 * Reads a thresholds range. `rows` is the range as Excel passes it (rows of cells).
 * Throws OverridesError with a message naming the row for content it cannot use.
 */
export function parseOverrides(rows: readonly (readonly Cell[])[]): Overrides {
  const parsed: Parsed = {
    targets: new Map(),
    floors: new Map(),
    riskThresholds: new Map(),
  };
  const nonEmpty = rows.filter((r) => r.some((c) => !isBlank(c) && c !== 0));
  if (nonEmpty.length === 0) return parsed;

  const header = headerColumns(nonEmpty[0]);
  let cols: Columns;
  let body: readonly (readonly Cell[])[];
  if (header) {
    cols = header;
    body = nonEmpty.slice(1);
  } else if (nonEmpty[0].length === 5) {
    cols = { id: 0, targets: [1, 2, 3, 4] };
    body = isBareHeader(nonEmpty[0]) ? nonEmpty.slice(1) : nonEmpty;
  } else {
    throw new OverridesError(
      `thresholds: pass the Thresholds table with its headers (Id, P1..P4) or a five-column range (id, P1, P2, P3, P4); got ${nonEmpty[0].length} columns without those headers`,
    );
  }

  body.forEach((row, i) => {
    // A second table below the first (the Thresholds sheet's risk table) brings its own header.
    const nextHeader = headerColumns(row);
    if (nextHeader) cols = nextHeader;
    else readRow(row, rows.indexOf(row) + 1 || i + 1, cols, parsed);
  });
  return parsed;
}
