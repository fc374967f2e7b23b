/**
 * The thresholds parser: a range of the Thresholds tables (found by their headers, or by their
 * layout when only a table's data body is passed) or a bare id + P1..P4 range -> the user's
 * overrides (overrides.ts). product.md section 4: a threshold cell that is empty or 0 switches
 * that check off (Excel desktop passes an empty cell as 0, the web as null; both mean off); a
 * cleared floor means no floor; text is an error naming the cell.
 */
import {
  ContextThreshold,
  METRICS_WITH_FLOORS,
  OtherInput,
  PHASE_NUMBERS,
  PhaseMetric,
  PhaseNumber,
  RiskIndicator,
  ValueChecked,
  valueProblem,
} from "./catalog";
import { Cell, isBlank, isEmpty } from "./cell";
import { contextMeasureNamed, normalizeKey, resolve } from "./lookup";
import { MESSAGES } from "./messages";
import { readDecimalText } from "./numbers";
import { Four, Overrides, Threshold } from "./overrides";
import {
  TEMPLATE_TABLES,
  THRESHOLD_HEADERS,
  THRESHOLD_HEADERS_ES,
  ThresholdColumns as Columns,
} from "./template/thresholds-layout";

export class OverridesError extends Error {}

function headerColumns(row: readonly Cell[]): Columns | undefined {
  const keys = row.map((c) => (typeof c === "string" ? normalizeKey(c) : ""));
  const find = (h: string) => keys.indexOf(normalizeKey(h));
  const id = find(THRESHOLD_HEADERS.id);
  if (id < 0) return undefined;
  const all = (hs: readonly string[]) => {
    const cols = hs.map(find);
    return cols.every((c) => c >= 0) ? cols : undefined;
  };
  const threshold = Math.max(
    find(THRESHOLD_HEADERS.threshold),
    find(THRESHOLD_HEADERS_ES.threshold),
  );
  const cols: Columns = {
    id,
    targets: all(THRESHOLD_HEADERS.targets),
    floors: all(THRESHOLD_HEADERS.floors) ?? all(THRESHOLD_HEADERS_ES.floors),
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
      readDecimalText(row[c].trim()).kind === "notANumber",
  );

/** A row that starts with a known id: the first row of a data body, not a header. */
const startsWithId = (row: readonly Cell[]) =>
  typeof row[0] === "string" &&
  (resolve(row[0].trim()).kind !== "unknown" ||
    contextMeasureNamed(row[0].trim())?.context !== undefined);

function describe(c: Cell): string {
  return typeof c === "string" ? `"${c}"` : String(c);
}

/** Where a cell is, for messages: "thresholds row 3, P2". */
const at = MESSAGES.thresholds.at;

/** A threshold of `measure`: null when the cell is empty or 0, else a number the measure can take. */
function thresholdAt(c: Cell, where: string, measure: ValueChecked): Threshold {
  if (isEmpty(c)) return null;
  if (typeof c !== "number" || !Number.isFinite(c))
    throw new OverridesError(
      `${where}: ${MESSAGES.thresholds.notANumber(describe(c))}`,
    );
  const problem = valueProblem(measure, c);
  if (problem) throw new OverridesError(`${where}: ${problem}`);
  return c;
}

interface Parsed {
  readonly targets: Map<string, Four<Threshold>>;
  readonly floors: Map<string, Four<number | undefined>>;
  readonly riskThresholds: Map<string, Threshold>;
  readonly contextThresholds: Map<string, Threshold>;
}

const fourOf = <T>(
  cols: readonly number[],
  read: (col: number, n: PhaseNumber) => T,
) => PHASE_NUMBERS.map((n, i) => read(cols[i], n)) as unknown as Four<T>;

function readMetric(
  row: readonly Cell[],
  rowNumber: number,
  cols: Columns,
  found: { metric: PhaseMetric; indicator?: RiskIndicator },
  into: Parsed,
): void {
  const { metric } = found;
  if (!cols.targets) {
    // Churn, NPS and productivity are risk indicators too: in a table of thresholds, that one.
    if (found.indicator)
      return readIndicator(row, rowNumber, cols, found.indicator, into);
    throw new OverridesError(
      `${at(rowNumber)}: ${MESSAGES.thresholds.metricNeedsTargets(metric.id)}`,
    );
  }
  into.targets.set(
    metric.id,
    fourOf(cols.targets, (col, n) =>
      thresholdAt(row[col], at(rowNumber, `P${n}`), metric),
    ),
  );
  if (cols.floors) readFloors(row, rowNumber, cols.floors, metric, into);
  // A table with both P1..P4 and a Threshold column: churn, nps and productivity rows set their
  // indicator's threshold there (empty or 0 switches it off, as anywhere); other metrics have none.
  if (cols.threshold === undefined) return;
  if (found.indicator)
    return readIndicator(row, rowNumber, cols, found.indicator, into);
  if (!isEmpty(row[cols.threshold]))
    throw new OverridesError(
      `${at(rowNumber, THRESHOLD_HEADERS.threshold)}: ${MESSAGES.thresholds.noRiskThreshold(metric.id)}`,
    );
}

/** Floors exist only where the catalog has them (gross margin); one typed for another metric is refused. */
function readFloors(
  row: readonly Cell[],
  rowNumber: number,
  cols: readonly number[],
  metric: PhaseMetric,
  into: Parsed,
): void {
  if (!metric.floors) {
    const typed = cols.findIndex((col) => !isEmpty(row[col]));
    if (typed >= 0)
      throw new OverridesError(
        `${at(rowNumber, THRESHOLD_HEADERS.floors[typed])}: ${noFloor(metric.id)}`,
      );
    return;
  }
  into.floors.set(
    metric.id,
    fourOf(
      cols,
      (col, n) =>
        thresholdAt(row[col], at(rowNumber, `Floor P${n}`), metric) ??
        undefined,
    ),
  );
}

/** A floor typed for a metric without one: the sentence SCALE.* and refresh both say. */
export const noFloor = (metricId: string) =>
  MESSAGES.thresholds.noFloor(
    metricId,
    METRICS_WITH_FLOORS.map((m) => m.id).join(", "),
  );

function readIndicator(
  row: readonly Cell[],
  rowNumber: number,
  cols: Columns,
  indicator: RiskIndicator,
  into: Parsed,
): void {
  if (cols.threshold === undefined)
    throw new OverridesError(
      `${at(rowNumber)}: ${MESSAGES.thresholds.indicatorNeedsThreshold(indicator.qualifiedId)}`,
    );
  into.riskThresholds.set(
    indicator.qualifiedId,
    thresholdAt(
      row[cols.threshold],
      at(rowNumber, THRESHOLD_HEADERS.threshold),
      indicator,
    ),
  );
}

/** A SaaS measure's convention (the third table): its Threshold column, as a risk indicator's. */
function readContext(
  row: readonly Cell[],
  rowNumber: number,
  cols: Columns,
  found: { measure: OtherInput; context?: ContextThreshold },
  into: Parsed,
): void {
  if (cols.threshold === undefined)
    throw new OverridesError(
      `${at(rowNumber)}: ${MESSAGES.thresholds.contextNeedsThreshold(found.measure.id)}`,
    );
  into.contextThresholds.set(
    found.measure.id,
    thresholdAt(
      row[cols.threshold],
      at(rowNumber, THRESHOLD_HEADERS.threshold),
      found.measure,
    ),
  );
}

const numberColumns = (cols: Columns) => [
  ...(cols.targets ?? []),
  ...(cols.floors ?? []),
  ...(cols.threshold === undefined ? [] : [cols.threshold]),
];

/** One body row of a thresholds table into `into`; a row it cannot use is an error, never dropped. */
function readRow(
  row: readonly Cell[],
  rowNumber: number,
  cols: Columns,
  into: Parsed,
): void {
  const idCell = row[cols.id];
  if (isEmpty(idCell)) return;
  const found = resolve(String(idCell).trim());
  switch (found.kind) {
    case "unknown": {
      const saas = contextMeasureNamed(String(idCell).trim());
      if (saas?.context !== undefined)
        return readContext(row, rowNumber, cols, saas, into);
      // Text with no number beside it (the sheet's note under the tables) holds no threshold.
      if (numberColumns(cols).every((col) => isEmpty(row[col]))) return;
      throw new OverridesError(
        `${at(rowNumber)}: ${MESSAGES.id.unknown(String(idCell), found.suggestions)}`,
      );
    }
    case "ambiguous":
      throw new OverridesError(
        `${at(rowNumber)}: ${MESSAGES.id.ambiguous(String(idCell), found.candidates)}`,
      );
    case "group":
      throw new OverridesError(
        `${at(rowNumber)}: ${MESSAGES.thresholds.groupRow(String(idCell), found.group.indicators[0].qualifiedId)}`,
      );
    case "metric":
      return readMetric(row, rowNumber, cols, found, into);
    case "indicator":
      return readIndicator(row, rowNumber, cols, found.indicator, into);
  }
}

/** The columns of a range whose first row is `first`: its headers, a bare five columns, or a template table's body. */
function columnsOf(first: readonly Cell[]): {
  cols: Columns;
  hasHeader: boolean;
} {
  const header = headerColumns(first);
  if (header) return { cols: header, hasHeader: true };
  if (first.length === 5)
    return {
      cols: { id: 0, targets: [1, 2, 3, 4] },
      hasHeader: isBareHeader(first),
    };
  const body = Object.values(TEMPLATE_TABLES).find(
    (t) => t.width === first.length,
  );
  if (body && startsWithId(first)) return { cols: body, hasHeader: false };
  throw new OverridesError(MESSAGES.thresholds.unknownLayout(first.length));
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
    contextThresholds: new Map(),
  };
  const first = rows.findIndex((r) => r.some((c) => !isEmpty(c)));
  if (first < 0) return parsed;
  let { cols, hasHeader } = columnsOf(rows[first]);
  for (let r = hasHeader ? first + 1 : first; r < rows.length; r++) {
    // A second table below the first (the Thresholds sheet's risk table) brings its own header.
    const nextHeader = headerColumns(rows[r]);
    if (nextHeader) cols = nextHeader;
    else readRow(rows[r], r + 1, cols, parsed);
  }
  return parsed;
}
