/**
 * A timeline row's month cells, on Tracking and on Budget alike (product.md 12: the budget has
 * "the same month columns and input rows as Tracking, with the derived rows computed by the same
 * formulas"). The two sheets put a row on the same sheet row; only where month t's column is
 * differs, so one grid per sheet says that and every row's cells are built by the same function.
 */
import { UNITS, valueRange } from "../catalog";
import { DERIVATIONS, TIMELINE_ROWS, TimelineRow } from "../timeline";
import { Context, formatOf } from "./context";
import { monthFormat } from "./formats";
import {
  cell,
  columnLetter,
  derivedFormula,
  monthBefore,
  onSheet,
} from "./formulas";
import { TRACKING, monthColumn, trackingRow } from "./layout";
import { CellSpec, SheetKey } from "./types";

/** Where a sheet's months are: month t's column letter, computed once per sheet and reused by every cell. */
export interface MonthGrid {
  readonly sheet: SheetKey;
  readonly months: number;
  /** 1-based month t -> its cell on `row`: `R5`. */
  readonly at: (t: number, row: number) => string;
}

export function monthGrid(
  sheet: SheetKey,
  months: number,
  firstMonthColumn: number,
): MonthGrid {
  const letters = [""];
  for (let t = 1; t <= months; t++)
    letters.push(columnLetter(firstMonthColumn + t - 1));
  return { sheet, months, at: (t, row) => `${letters[t]}${row}` };
}

/** Month t's header on a sheet whose months are Tracking's: Tracking's header, by reference (one timeline). */
export const headerFormula = (trackingSheet: string, t: number) =>
  onSheet(trackingSheet, cell(monthColumn(t), TRACKING.headerRow));

/** The month headers of a sheet whose months are Tracking's (Budget, Departments, Channels) on `row`. */
export function trackingMonthHeaders(
  ctx: Context,
  grid: MonthGrid,
  row: number,
): CellSpec[] {
  const tracking = ctx.sheetName("tracking");
  const numberFormat = monthFormat(ctx.language);
  const cells: CellSpec[] = [];
  for (let t = 1; t <= grid.months; t++)
    cells.push({
      ref: grid.at(t, row),
      formula: headerFormula(tracking, t),
      numberFormat,
      style: "header",
    });
  return cells;
}

/** Row `row` from month t - 1 to month t: `Q5:R5`, which widens when a column is inserted between them. */
const beforeToOwn = (grid: MonthGrid, t: number, row: number) =>
  `${grid.at(t - 1, row)}:${grid.at(t, row)}`;

/**
 * Row `row` from `span` months before month t (or the first month, in the first year) to month t:
 * the window a 12-month measure reads, which widens when a column is inserted inside it.
 */
const spanToOwn = (grid: MonthGrid, t: number, span: number, row: number) =>
  `${grid.at(Math.max(1, t - span), row)}:${grid.at(t, row)}`;

/**
 * A measure's month cells: typed values, and a derived row's formula where nothing is typed
 * (reading the same sheet's rows, month t and the months before).
 */
export function monthCells(
  ctx: Context,
  grid: MonthGrid,
  r: TimelineRow,
  typed: ReadonlyMap<number, number> | undefined,
): CellSpec[] {
  const row = trackingRow(r.key);
  const fmt = formatOf(ctx, r.measure);
  const cells: CellSpec[] = [];
  for (let t = 1; t <= grid.months; t++) {
    const ref = grid.at(t, row);
    const value = typed?.get(t);
    const formula =
      value === undefined ? derivedMonthFormula(grid, r, t) : undefined;
    cells.push(
      formula === undefined
        ? { ref, value, numberFormat: fmt, style: "input" }
        : { ref, formula, numberFormat: fmt, style: "computed" },
    );
  }
  return cells;
}

/** A row's month cells where the team types: the numbers typed for `key` (ctx.actuals), an input cell each month. */
export function typedMonthCells(
  ctx: Context,
  grid: MonthGrid,
  key: string,
  row: number,
  numberFormat: string,
): CellSpec[] {
  const typed = ctx.actuals.get(key);
  const cells: CellSpec[] = [];
  for (let t = 1; t <= grid.months; t++)
    cells.push({
      ref: grid.at(t, row),
      value: typed?.get(t),
      numberFormat,
      style: "input",
    });
  return cells;
}

/**
 * A computed row's month cells outside Tracking (the Departments and Channels sheets): each
 * month's formula, or the number the user typed over it (ctx.actuals under `key`, carried by a
 * rebuild as Tracking's typed-over numbers: that month a number, the others keep their formula).
 */
export function computedMonthCells(
  ctx: Context,
  grid: MonthGrid,
  key: string,
  row: number,
  numberFormat: string,
  formula: (t: number) => string,
): CellSpec[] {
  const typed = ctx.actuals.get(key);
  const cells: CellSpec[] = [];
  for (let t = 1; t <= grid.months; t++) {
    const ref = grid.at(t, row);
    const value = typed?.get(t);
    cells.push(
      value === undefined
        ? { ref, formula: formula(t), numberFormat, style: "computed" }
        : { ref, value, numberFormat, style: "input" },
    );
  }
  return cells;
}

/**
 * Month t's formula in a derived row (reading the same sheet's rows, month t and the months
 * before); undefined for an input row. Refresh writes it into a month inserted on the Budget sheet.
 */
export function derivedMonthFormula(
  grid: MonthGrid,
  r: TimelineRow,
  t: number,
): string | undefined {
  const derivation = r.derived ? DERIVATIONS[r.derived] : undefined;
  if (!r.derived || !derivation) return undefined;
  const inputRows = derivation.inputs.map(trackingRow);
  const { span } = derivation;
  return derivedFormula(
    r.derived,
    inputRows.map((k) => grid.at(t, k)),
    t > 1
      ? inputRows.map((k) => monthBefore(beforeToOwn(grid, t, k)))
      : undefined,
    span === undefined ? undefined : spanToOwn(grid, t, span, inputRows[0]),
  );
}

/** Every timeline row's month cells take a number in the measure's range; a computed row's help says it can be typed over (product.md 6.3). */
export function monthValidations(ctx: Context, grid: MonthGrid): void {
  for (const r of TIMELINE_ROWS) {
    const { min, max } = valueRange(r.measure);
    const limit = 1e15;
    const row = trackingRow(r.key);
    ctx.validations.push({
      kind: "decimal",
      sheet: grid.sheet,
      ref: `${grid.at(1, row)}:${grid.at(grid.months, row)}`,
      min: Math.max(min, -limit),
      max: Math.min(max, limit),
      message:
        ctx.labels.validation(
          r.measure.name[ctx.language],
          UNITS[r.measure.unit].label[ctx.language],
        ) + (r.derived ? ` ${ctx.labels.typedOver}` : ""),
    });
  }
}
