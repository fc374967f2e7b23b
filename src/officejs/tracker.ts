/**
 * The pane's one look for a tracker (product.md 11), on its first screen: the sheets the
 * workbook's names point to, read only where the names exist. Small on purpose: the rest of the
 * Office.js code loads once an operation needs it.
 */
import { NAMES } from "../core/template/names";
import { isDefaultSheetName } from "../core/template/sheet-names";
import type { TrackerFound } from "./index";
import { rangeNameTest } from "./names";

/**
 * Finds the tracker through its names, read only where they exist: the sheets Tracking_Months
 * and Scale_ReportingMonth point to, and whether any Tracking_<row> cell holds a number rather
 * than a formula (Range.formulas gives a typed number as the number, a formula as "=...").
 */
export async function findTracker(
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
      .filter((n) => n === tracking.name || isDefaultSheetName(n, "tracking")),
    hasNumbers: rows.some((r) =>
      (r.formulas as unknown[][]).some((row) =>
        row.some((f) => typeof f === "number"),
      ),
    ),
  };
}
