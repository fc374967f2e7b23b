/**
 * The MRR chart (product.md 6.5, 12): MRR by month against its budget (the Budget sheet's MRR row,
 * Budget_mrr, over the same months) and the four phase targets. One definition,
 * shown on the dashboard and on the board page, so both plot the same series.
 */
import { PHASE_METRICS, PHASE_NUMBERS } from "../catalog";
import { Context, formatOf } from "./context";
import { monthFormat } from "./formats";
import { cell } from "./formulas";
import { budgetMonthsOf } from "./budget";
import { TRACKING, trackingRow } from "./layout";
import { monthsOf } from "./tracking";
import { ChartSpec, SheetKey } from "./types";

/** The MRR chart on `sheet`, its top-left and bottom-right corners given as [column, row]. */
export function mrrChart(
  ctx: Context,
  sheet: SheetKey,
  from: readonly [column: number, row: number],
  to: readonly [column: number, row: number],
): ChartSpec {
  const c = ctx.labels.charts;
  const row = (r: number) => monthsOf(ctx, r).replace(/\$/g, "");
  return {
    sheet,
    kind: "line",
    title: c.mrr,
    from: cell(...from),
    to: cell(...to),
    dataSheet: "tracking",
    categories: row(TRACKING.headerRow),
    dateFormat: monthFormat(ctx.language),
    series: [
      { name: c.mrrSeries, values: row(trackingRow("mrr")) },
      {
        name: c.budgetSeries,
        values: budgetMonthsOf(ctx, trackingRow("mrr")).replace(/\$/g, ""),
        sheet: "budget",
      },
      ...PHASE_NUMBERS.map((n) => ({
        name: c.target(n),
        values: row(TRACKING.mrrTarget.get(n)!),
      })),
    ],
    // Logarithmic: phase 1's $500,000 and phase 4's $20,000,000 on one readable scale.
    valueAxis: { numberFormat: formatOf(ctx, PHASE_METRICS[0]), logBase: 10 },
  };
}
