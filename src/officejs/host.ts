/**
 * The pane's Host (index.ts) implemented with Excel.run: each operation runs in a batch of its own,
 * its code loaded on first use, off the first screen (the look for a tracker, tracker.ts, and the
 * pane's two small writes, inspect/select.ts, aside).
 * Failures come back as WorkbookError, except the few the pane has its own sentence for (errors.ts).
 */
import type { Host } from "./index";
import {
  CellGoneError,
  PaneOfficeCode,
  PaneOfficeError,
  SelectionTooLargeError,
  toWorkbookError,
} from "./errors";
import { select, writeFormula } from "./inspect/select";
import { findTracker } from "./tracker";

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

/** Insert, rebuild, refresh and import: the workbook writer and its template description. */
const writer = () => import(/* webpackChunkName: "excel" */ "./operations");
/** Inspect's reads and writes load with the Inspect view. */
const inspectRead = () =>
  import(/* webpackChunkName: "inspect" */ "./inspect/read");
const inspectWrite = () =>
  import(/* webpackChunkName: "inspect" */ "./inspect/write");

/** Office's codes for a chart or shape selected, or several blocks of cells. */
const SELECTION: readonly PaneOfficeCode[] = ["InvalidSelection"];

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
  rebuildFlags: async (sheet) => {
    const { rebuildSheetFlags } = await writer();
    return run((context) => rebuildSheetFlags(context, sheet));
  },
  readImport: async (language, mapping, target) => {
    const { readImport } = await writer();
    return run(
      (context) => readImport(context, language, mapping, target),
      SELECTION,
    );
  },
  writeImport: async (plan, replaceTyped) => {
    const { writeImport } = await writer();
    return run((context) => writeImport(context, plan, replaceTyped));
  },
  readSelection: async () => {
    const { readSelection } = await inspectRead();
    return run(readSelection, SELECTION);
  },
  writeFormulasBeside: async (language) => {
    const { writeFormulasBeside } = await inspectWrite();
    return run((context) => writeFormulasBeside(context, language), SELECTION);
  },
  select: (address) => run((context) => select(context, address)),
  writeFormula: (formula) => run((context) => writeFormula(context, formula)),
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
