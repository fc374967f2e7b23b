/**
 * The Budget sheet (product.md 12, "Budget"): the same month columns and input rows as Tracking,
 * the derived rows computed by the same formulas (month-cells.ts serves both sheets), typed or
 * imported. Each row sits on its Tracking row; the month headers read Tracking's, so there is one
 * timeline. `Budget_<key>` names each row's month cells, which the dashboard compares with Tracking's.
 */
import { UNITS } from "../catalog";
import { TIMELINE_ROWS } from "../timeline";
import { Context, headerCells } from "./context";
import { absolute, cell, columnLetter } from "./formulas";
import {
  BUDGET,
  NAMES,
  TRACKING,
  budgetMonthColumn,
  trackingRow,
} from "./layout";
import {
  derivedMonthFormula,
  headerFormula,
  monthCells,
  monthGrid,
  monthValidations,
  trackingMonthHeaders,
} from "./month-cells";
import { THRESHOLD_HEADERS } from "./thresholds-layout";
import { CellSpec, SheetSpec } from "./types";

const COL = BUDGET.columns;

/** A Budget row's month cells, absolute: `$D$6:$AM$6` (what Budget_<key> names). */
export const budgetMonthsOf = (ctx: Context, row: number) =>
  `${absolute(budgetMonthColumn(1), row)}:${absolute(budgetMonthColumn(ctx.months), row)}`;

/**
 * Month t's formulas on the Budget sheet, by sheet row: its header and its derived rows, as
 * budgetSheet writes them. Refresh writes them into a month column inserted there.
 */
export function budgetMonthFormulas(
  trackingSheet: string,
  t: number,
): { row: number; formula: string }[] {
  const grid = monthGrid("budget", t, COL.firstMonth);
  return [
    { row: BUDGET.headerRow, formula: headerFormula(trackingSheet, t) },
    ...TIMELINE_ROWS.flatMap((r) => {
      const formula = derivedMonthFormula(grid, r, t);
      return formula === undefined
        ? []
        : [{ row: trackingRow(r.key), formula }];
    }),
  ];
}

function widths(ctx: Context): Record<string, number> {
  const w: Record<string, number> = {
    [columnLetter(COL.name)]: 32,
    [columnLetter(COL.unit)]: ctx.language === "es" ? 24 : 21,
    [columnLetter(COL.id)]: 34,
  };
  for (let t = 1; t <= ctx.months; t++)
    w[columnLetter(budgetMonthColumn(t))] = 12;
  return w;
}

export function budgetSheet(ctx: Context): SheetSpec {
  const { labels } = ctx;
  const lang = ctx.language;
  const headers: string[] = [];
  headers[COL.name - 1] = labels.measure;
  headers[COL.unit - 1] = labels.unit;
  headers[COL.id - 1] = THRESHOLD_HEADERS.id;
  const grid = monthGrid("budget", ctx.months, COL.firstMonth);
  const cells: CellSpec[] = [
    {
      ref: cell(1, BUDGET.titleRow),
      value: labels.budgetTitle(ctx.company),
      style: "title",
    },
    ...BUDGET.noteRows.map((row, k): CellSpec => ({
      ref: cell(1, row),
      value: labels.budgetNote[k],
      style: "note",
    })),
    ...headerCells(headers, BUDGET.headerRow),
    ...trackingMonthHeaders(ctx, grid, BUDGET.headerRow),
  ];
  for (const [section, row] of TRACKING.sections)
    cells.push({
      ref: cell(COL.name, row),
      value: labels.sections[section],
      style: "section",
    });
  for (const r of TIMELINE_ROWS) {
    const row = trackingRow(r.key);
    cells.push(
      { ref: cell(COL.name, row), value: r.measure.name[lang] },
      {
        ref: cell(COL.unit, row),
        value: UNITS[r.measure.unit].label[lang],
        style: "note",
      },
      { ref: cell(COL.id, row), value: r.id, style: "label" },
      ...monthCells(ctx, grid, r, ctx.budget.get(r.key)),
    );
    ctx.names.push({
      name: NAMES.budget(r.key),
      sheet: "budget",
      ref: budgetMonthsOf(ctx, row),
    });
  }
  monthValidations(ctx, grid);
  const lastMonth = columnLetter(budgetMonthColumn(ctx.months));
  return {
    key: "budget",
    name: ctx.sheetName("budget"),
    cells,
    columnWidths: widths(ctx),
    freeze: { rows: BUDGET.headerRow, columns: COL.frozen },
    printLandscape: true,
    fitTo: "height",
    printArea: `A1:${lastMonth}${BUDGET.lastRow}`,
    printTitles: {
      rows: `${BUDGET.headerRow}:${BUDGET.headerRow}`,
      columns: `A:${columnLetter(COL.frozen)}`,
    },
  };
}
