/**
 * The pane's Host (index.ts) implemented with Excel.run: each operation runs in a batch of its own,
 * its code loaded on first use, off the first screen. Failures come back as WorkbookError, except
 * the few the pane has its own sentence for (errors.ts).
 */
import type { Host, TrackerFound } from "./index";
import type { CellValue } from "./inspect/plan";
import type { WorkbookThresholds } from "./inspect/plan";
import {
  CellGoneError,
  INSPECT_MAX_CELLS,
  PaneOfficeCode,
  PaneOfficeError,
  SelectionTooLargeError,
  toWorkbookError,
} from "./errors";
import { rangeNameTest } from "./names";
import { NAMES } from "../core/template/names";
import { SHEET_NAMES } from "../core/template/sheet-names";

/** Refuses a range larger than the pane reads, before any value of it is loaded. */
function refuseLarge(range: Excel.Range): void {
  const cells = range.rowCount * range.columnCount;
  if (cells > INSPECT_MAX_CELLS) throw new SelectionTooLargeError(cells);
}

function splitAddress(address: string): { sheet: string; ref: string } {
  const bang = address.lastIndexOf("!");
  const raw = address.slice(0, bang);
  return {
    sheet: raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw,
    ref: address.slice(bang + 1),
  };
}

/** Runs a batch; failures become WorkbookError, except those with one of `paneCodes`. */
async function run<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  paneCodes: readonly PaneOfficeCode[] = [],
): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    if (e instanceof CellGoneError || e instanceof SelectionTooLargeError)
      throw e;
    const code = (e as { code?: unknown } | null)?.code;
    if (paneCodes.some((c) => c === code)) {
      throw new PaneOfficeError(
        code as PaneOfficeCode,
        e instanceof Error ? e.message : String(e),
      );
    }
    throw toWorkbookError(e);
  }
}

/** The workbook writer and its template description load on first use, off the first screen. */
const writer = () => import(/* webpackChunkName: "excel" */ "./operations");

/** The catalog and the template's names load with Inspect and the formula builder, not with the pane's first screen. */
const templateNames = async () => {
  const [{ PHASE_METRICS, RISK_INDICATORS }, { NAMES }] = await Promise.all([
    import("../core/catalog"),
    import("../core/template/layout"),
  ]);
  return { PHASE_METRICS, RISK_INDICATORS, NAMES };
};

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
 * name's null object, as refresh's fallback), and, with `tables`, the tables their cells and the
 * Threshold_<indicator> names' cells are in (Range.getTables, ExcelApi 1.9): the tracker's
 * Thresholds tables whatever number a taken name gave them, the one most names point into (a
 * user's own Target_mrr, left as it was by insert, may point elsewhere). Read after the next sync.
 */
function queueThresholds(
  context: Excel.RequestContext,
  names: Excel.NamedItemCollection,
  template: Awaited<ReturnType<typeof templateNames>>,
  tables: boolean,
): () => WorkbookThresholds {
  const { PHASE_METRICS, RISK_INDICATORS, NAMES } = template;
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
  return () => ({
    targets: targets.map((t) => [t.id, ...(t.range.values[0] as CellValue[])]),
    targetsTable: tableName(targetsTables),
    risksTable: tableName(risksTables),
  });
}

/** "Tracking", "Tracking (2)", "seguimiento (3)": a name insert gives a Tracking sheet, in either language. */
function isTrackingSheetName(name: string): boolean {
  const base = name.replace(/ \(\d+\)$/, "").toLowerCase();
  return Object.values(SHEET_NAMES).some(
    (n) => n.tracking.toLowerCase() === base,
  );
}

/**
 * Finds the tracker through its names, read only where they exist: the sheets Tracking_Months
 * and Scale_ReportingMonth point to, and whether any Tracking_<row> cell holds a number rather
 * than a formula (Range.formulas gives a typed number as the number, a formula as "=...").
 */
async function findTracker(
  context: Excel.RequestContext,
): Promise<TrackerFound | undefined> {
  const names = context.workbook.names.load("items/name,items/type");
  const worksheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const exists = rangeNameTest(names);
  if (!exists(NAMES.months)) return undefined;
  const sheetOf = (name: string) =>
    context.workbook.names.getItem(name).getRange().worksheet.load("name");
  const tracking = sheetOf(NAMES.months);
  const dashboard = exists(NAMES.reportingMonth)
    ? sheetOf(NAMES.reportingMonth)
    : undefined;
  const prefix = NAMES.tracking("").toLowerCase();
  const rows = names.items
    .map((n) => n.name)
    .filter(
      (n) =>
        n.toLowerCase().startsWith(prefix) &&
        n.toLowerCase() !== NAMES.months.toLowerCase() &&
        exists(n),
    )
    .map((n) => context.workbook.names.getItem(n).getRange().load("formulas"));
  await context.sync();
  return {
    tracking: tracking.name,
    dashboard: dashboard?.name,
    trackingSheets: worksheets.items
      .map((w) => w.name)
      .filter((n) => n === tracking.name || isTrackingSheetName(n)),
    hasNumbers: rows.some((r) =>
      (r.formulas as unknown[][]).some((row) =>
        row.some((f) => typeof f === "number"),
      ),
    ),
  };
}

export const excelHost: Host = {
  findTracker: () => run(findTracker),
  insert: async (options) => {
    const { insertTrackingWorkbook } = await writer();
    return run((context) => insertTrackingWorkbook(context, options));
  },
  readTracker: async () => {
    const { readTracker } = await writer();
    return run(readTracker);
  },
  rebuild: async (options, confirmed) => {
    const { rebuildTracker } = await writer();
    return run((context) => rebuildTracker(context, options, confirmed));
  },
  removeInsertLeft: async (left) => {
    const { removeInsertLeft } = await writer();
    return run((context) => removeInsertLeft(context, left));
  },
  refresh: async () => {
    const { refreshRiskFlags } = await writer();
    return run(refreshRiskFlags);
  },
  writeFormulasBeside: async (language) => {
    const { planFormulas } = await import(
      /* webpackChunkName: "formula-builder" */ "./inspect/plan"
    );
    return run(
      async (context) => {
        // The selection grown by the column to its right and the row below: what to reference, and where to write.
        const area = context.workbook
          .getSelectedRange()
          .getResizedRange(1, 1)
          .load("rowCount,columnCount");
        const names = context.workbook.names.load("items/name,items/type");
        const template = await templateNames();
        await context.sync();
        refuseLarge(area);
        area.load("address,values,formulas");
        const thresholds = queueThresholds(context, names, template, true);
        await context.sync();
        const plan = planFormulas(
          area.address,
          area.values as CellValue[][],
          area.formulas as CellValue[][],
          language,
          thresholds(),
        );
        if ("problem" in plan) return plan;
        area.worksheet.getRange(plan.ref).formulas = plan.formulas;
        await context.sync();
        return plan;
      },
      ["InvalidSelection"],
    );
  },
  readImport: async (language, mapping) => {
    const { readImport } = await writer();
    return run(
      (context) => readImport(context, language, mapping),
      ["InvalidSelection"],
    );
  },
  writeImport: async (plan, replaceTyped) => {
    const { writeImport } = await writer();
    return run((context) => writeImport(context, plan, replaceTyped));
  },
  rebuildFlags: async (sheet) => {
    const { rebuildSheetFlags } = await writer();
    return run((context) => rebuildSheetFlags(context, sheet));
  },
  readSelection: () =>
    run(
      async (context) => {
        // First the size of the used part (a whole selected column would be a million cells) and
        // the names: the edited targets are read only through names that exist, as refresh's
        // fallback does, never through a null object's getRangeOrNullObject.
        const used = context.workbook
          .getSelectedRange()
          .getUsedRangeOrNullObject(true)
          .load("rowCount,columnCount");
        const names = context.workbook.names.load("items/name,items/type");
        const template = await templateNames();
        await context.sync();
        if (!used.isNullObject) refuseLarge(used);
        const thresholds = queueThresholds(context, names, template, false);
        if (!used.isNullObject) used.load("values,formulas");
        await context.sync();
        return {
          values: used.isNullObject ? [] : (used.values as CellValue[][]),
          formulas: used.isNullObject ? [] : (used.formulas as CellValue[][]),
          targets: thresholds().targets,
        };
      },
      // A chart or shape selected, or several blocks of cells.
      ["InvalidSelection"],
    ),
  select: (address) =>
    run(async (context) => {
      const { sheet, ref } = splitAddress(address);
      const worksheet = context.workbook.worksheets
        .getItemOrNullObject(sheet)
        .load("name");
      await context.sync();
      if (worksheet.isNullObject) throw new CellGoneError(address);
      worksheet.activate();
      worksheet.getRange(ref).select();
      await context.sync();
    }),
  writeFormula: (formula) =>
    run(async (context) => {
      // Read first: an example never replaces what the user typed.
      const cell = context.workbook.getActiveCell().load("formulas");
      await context.sync();
      if ((cell.formulas[0]?.[0] ?? "") !== "") return false;
      cell.formulas = [[formula]];
      await context.sync();
      return true;
    }),
  onChanged: (callback) =>
    run(async (context) => {
      const registration = context.workbook.worksheets.onChanged.add(
        async (event: Excel.WorksheetChangedEventArgs) =>
          callback(event?.worksheetId),
      );
      await context.sync();
      // As documented: removed in a batch on the context the handler was added with.
      return () =>
        void Excel.run(registration.context, async (ctx) => {
          registration.remove();
          await ctx.sync();
        }).catch(() => undefined);
    }),
};
