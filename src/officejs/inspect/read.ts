/**
 * Inspect's reads: the used part of the selection (refused past INSPECT_MAX_CELLS before any value
 * is read), and the workbook's thresholds, read only through names that exist, as refresh's
 * fallback does, never through a null object's getRangeOrNullObject.
 */
import {
  CONTEXT_THRESHOLDS,
  PHASE_METRICS,
  RISK_INDICATORS,
} from "../../core/catalog";
import { NAMES } from "../../core/template/layout";
import { THRESHOLD_HEADERS } from "../../core/template/thresholds-layout";
import { INSPECT_MAX_CELLS, SelectionTooLargeError } from "../errors";
import { rangeNameTest } from "../names";
import type { Cell } from "../../core/cell";
import type { SelectedCells, WorkbookThresholds } from "./plan";
import { Address, parseAddress } from "../../core/address";
import { nameAddress, namesToRead } from "./seed-plan";

/** Refuses a range larger than the pane reads, before any value of it is loaded. */
function refuseLarge(range: Excel.Range): void {
  const cells = range.rowCount * range.columnCount;
  if (cells > INSPECT_MAX_CELLS) throw new SelectionTooLargeError(cells);
}

/** The name most of `names` give (the first of those tied); undefined when none gives one. */
function mostCommon(
  names: readonly (string | undefined)[],
): string | undefined {
  const counts = new Map<string, number>();
  for (const n of names)
    if (n !== undefined) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: string | undefined;
  for (const [n, count] of counts)
    if (best === undefined || count > counts.get(best)!) best = n;
  return best;
}

/**
 * Queues the reads of the workbook's thresholds, once its names are loaded and synced: the rows
 * (id, P1..P4) of the Target_<metric> names that exist (only those: never through a missing
 * name's null object, as refresh's fallback), the SaaS measures' conventions through their
 * Threshold_<id> names, and, with `tables`, the tables their cells and the
 * Threshold_<indicator> names' cells are in (Range.getTables, ExcelApi 1.9): the tracker's
 * Thresholds tables whatever number a taken name gave them, the one most names point into (a
 * user's own Target_mrr, left as it was by insert, may point elsewhere). Read after the next sync.
 */
function queueThresholds(
  context: Excel.RequestContext,
  names: Excel.NamedItemCollection,
  tables: boolean,
): () => WorkbookThresholds & { conventions: Cell[][] } {
  const exists = rangeNameTest(names);
  const range = (name: string) =>
    context.workbook.names.getItem(name).getRange();
  const tablesOf = (ranges: Excel.Range[]) =>
    tables ? ranges.map((r) => r.getTables(false).load("items/name")) : [];
  const tableName = (found: Excel.TableScopedCollection[]) =>
    mostCommon(found.map((t) => t.items[0]?.name));
  const targets = PHASE_METRICS.filter((m) => exists(NAMES.target(m.id))).map(
    (m) => ({ id: m.id, range: range(NAMES.target(m.id)).load("values") }),
  );
  const targetsTables = tablesOf(targets.map((t) => t.range));
  const risksTables = tablesOf(
    RISK_INDICATORS.map((i) => NAMES.riskThreshold(i.qualifiedId))
      .filter(exists)
      .map(range),
  );
  const conventions = CONTEXT_THRESHOLDS.filter((c) =>
    exists(NAMES.contextThreshold(c.id)),
  ).map((c) => ({
    id: c.id,
    range: range(NAMES.contextThreshold(c.id)).load("values"),
  }));
  const contextTables = tablesOf(conventions.map((c) => c.range));
  return () => ({
    targets: targets.map((t) => [t.id, ...(t.range.values[0] as Cell[])]),
    targetsTable: tableName(targetsTables),
    risksTable: tableName(risksTables),
    contextTable: tableName(contextTables),
    // As the functions read an Id/Threshold range (docs/functions.md): the edited conventions.
    conventions: conventions.length
      ? [
          [THRESHOLD_HEADERS.id, THRESHOLD_HEADERS.threshold],
          ...conventions.map((c) => [c.id, c.range.values[0][0] as Cell]),
        ]
      : [],
  });
}

/** The selection's used part and the workbook's targets (two syncs: the size and the names, then the cells). */
export async function readSelection(
  context: Excel.RequestContext,
): Promise<SelectedCells> {
  // First the size of the used part (a whole selected column would be a million cells) and the names.
  const used = context.workbook
    .getSelectedRange()
    .getUsedRangeOrNullObject(true)
    .load("rowCount,columnCount,address");
  // Each name's formula (NamedItem.formula, ExcelApi 1.7) says where it points: the Departments and
  // Channels sheets' names covering the selection are found without reading any other.
  const names = context.workbook.names.load(
    "items/name,items/type,items/formula",
  );
  await context.sync();
  if (!used.isNullObject) refuseLarge(used);
  const thresholds = queueThresholds(context, names, false);
  const seed = used.isNullObject
    ? []
    : queueSeedNames(context, names, used.address);
  if (!used.isNullObject) used.load("values,formulas");
  await context.sync();
  const read = thresholds();
  return {
    values: used.isNullObject ? [] : (used.values as Cell[][]),
    formulas: used.isNullObject ? [] : (used.formulas as Cell[][]),
    targets: read.targets,
    contextThresholds: read.conventions,
    ...(used.isNullObject ? {} : { address: used.address }),
    named: seed.map(([name, range]) => [
      name,
      {
        address: parseAddress(range.address),
        values: range.values as Cell[][],
      },
    ]),
  };
}

/** Queues the reads of the Departments and Channels names covering the selection and those they are judged with. */
function queueSeedNames(
  context: Excel.RequestContext,
  names: Excel.NamedItemCollection,
  selection: string,
): [string, Excel.Range][] {
  // Every name with its cells: a flag is judged with names that are not the sheets' own
  // (Scale_ReportingMonth, Tracking_Months, a linked KPI's Tracking row); namesToRead picks.
  const where = new Map<string, Address>();
  for (const item of names.items) {
    const at = nameAddress(item.formula);
    if (at) where.set(item.name, at);
  }
  return namesToRead(parseAddress(selection), where).map((name) => [
    name,
    context.workbook.names.getItem(name).getRange().load("address,values"),
  ]);
}

/**
 * The selection grown by the column to its right and the row below (what the formulas reference,
 * and where they go), and the workbook's thresholds with the tables holding them; two syncs.
 */
export async function readBeside(context: Excel.RequestContext): Promise<{
  area: Excel.Range;
  thresholds: WorkbookThresholds;
}> {
  const area = context.workbook
    .getSelectedRange()
    .getResizedRange(1, 1)
    .load("rowCount,columnCount");
  const names = context.workbook.names.load("items/name,items/type");
  await context.sync();
  refuseLarge(area);
  area.load("address,values,formulas");
  const thresholds = queueThresholds(context, names, true);
  await context.sync();
  const { targets, targetsTable, risksTable, contextTable } = thresholds();
  return {
    area,
    thresholds: { targets, targetsTable, risksTable, contextTable },
  };
}
