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

function describe(c: Cell): string {
  return typeof c === "string" ? `"${c}"` : String(c);
}

function numberAt(
  row: readonly Cell[],
  col: number,
  rowNumber: number,
): number {
  const c = row[col];
  if (typeof c === "number" && Number.isFinite(c)) return c;
  throw new OverridesError(
    `thresholds row ${rowNumber}: ${describe(c)} is not a number`,
  );
}

function perPhase(
  row: readonly Cell[],
  cols: readonly number[],
  rowNumber: number,
  fallback: (n: PhaseNumber) => number | undefined,
): PerPhase | undefined {
  if (cols.every((c) => isBlank(row[c]))) return undefined;
  const values = PHASE_NUMBERS.map((n, i) =>
    isBlank(row[cols[i]])
      ? (fallback(n) ?? NaN)
      : numberAt(row, cols[i], rowNumber),
  );
  return values.some(Number.isNaN)
    ? undefined
    : (values as unknown as PerPhase);
}

/**
 * Reads a thresholds range. `rows` is the range as Excel passes it (rows of cells).
 * Throws OverridesError with a message naming the row for content it cannot use.
 */
export function parseOverrides(rows: readonly (readonly Cell[])[]): Overrides {
  const targets = new Map<string, PerPhase>();
  const floors = new Map<string, PerPhase>();
  const riskThresholds = new Map<string, number>();
  const nonEmpty = rows.filter((r) => r.some((c) => !isBlank(c)));
  if (nonEmpty.length === 0) return { targets, floors, riskThresholds };

  const header = headerColumns(nonEmpty[0]);
  let cols: Columns;
  let body: readonly (readonly Cell[])[];
  if (header) {
    cols = header;
    body = nonEmpty.slice(1);
  } else if (nonEmpty[0].length === 5) {
    cols = { id: 0, targets: [1, 2, 3, 4] };
    body = nonEmpty;
  } else {
    throw new OverridesError(
      `thresholds: pass the Thresholds table with its headers (Id, P1..P4) or a five-column range (id, P1, P2, P3, P4); got ${nonEmpty[0].length} columns without those headers`,
    );
  }

  body.forEach((row, i) => {
    const rowNumber = rows.indexOf(row) + 1 || i + 1;
    // A second table below the first (the Thresholds sheet's risk table) brings its own header.
    const nextHeader = headerColumns(row);
    if (nextHeader) {
      cols = nextHeader;
      return;
    }
    const idCell = row[cols.id];
    const numberColumns = [
      ...(cols.targets ?? []),
      ...(cols.threshold === undefined ? [] : [cols.threshold]),
    ];
    if (isBlank(idCell) || numberColumns.every((c) => isBlank(row[c]))) return;
    const found = resolve(String(idCell));
    if (found.kind === "metric" && cols.targets) {
      const t = perPhase(row, cols.targets, rowNumber, (n) =>
        targetOf(found.metric, n),
      );
      if (t) targets.set(found.metric.id, t);
      if (cols.floors) {
        const f = perPhase(row, cols.floors, rowNumber, (n) =>
          floorOf(found.metric, n),
        );
        if (f) floors.set(found.metric.id, f);
      }
    } else if (
      found.kind === "indicator" &&
      cols.threshold !== undefined &&
      !isBlank(row[cols.threshold])
    ) {
      riskThresholds.set(
        found.indicator.qualifiedId,
        numberAt(row, cols.threshold, rowNumber),
      );
    } else if (found.kind === "unknown") {
      throw new OverridesError(
        `thresholds row ${rowNumber}: unknown metric "${idCell}"` +
          (found.suggestions.length
            ? ` (did you mean ${found.suggestions.join(", ")}?)`
            : ""),
      );
    } else if (found.kind === "ambiguous") {
      throw new OverridesError(
        `thresholds row ${rowNumber}: "${idCell}" is ambiguous; use ${found.candidates.join(" or ")}`,
      );
    }
  });
  return { targets, floors, riskThresholds };
}
