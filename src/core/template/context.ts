/** What every sheet builder shares: the options, the labels, sheet names and the workbook-level parts they add. */
import { Language } from "../catalog";
import { Measured, numberFormat } from "./formats";
import { cell, onSheet } from "./formulas";
import { TemplateLabels } from "./labels";
import {
  CellSpec,
  ChartSpec,
  ConditionalRule,
  NameSpec,
  SheetKey,
  TableSpec,
  TimelineValue,
  ValidationSpec,
} from "./types";

export interface Context {
  readonly language: Language;
  readonly company: string;
  readonly currency: string;
  readonly firstMonth: string;
  readonly months: number;
  readonly labels: TemplateLabels;
  /** Typed values by row key, then 1-based month. */
  readonly actuals: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** The budget's typed values, likewise (the Budget sheet). */
  readonly budget: ReadonlyMap<string, ReadonlyMap<number, number>>;
  readonly sheetName: (key: SheetKey) => string;
  readonly names: NameSpec[];
  readonly tables: TableSpec[];
  readonly rules: ConditionalRule[];
  readonly validations: ValidationSpec[];
  readonly charts: ChartSpec[];
}

/** A reference to `ref` on another sheet of the template. */
export const refOn = (ctx: Context, key: SheetKey, ref: string) =>
  onSheet(ctx.sheetName(key), ref);

export const formatOf = (ctx: Context, m: Measured) =>
  numberFormat(m, ctx.language, ctx.currency);

export function actualsByRow(
  values: readonly TimelineValue[],
): Map<string, Map<number, number>> {
  const byRow = new Map<string, Map<number, number>>();
  for (const v of values) {
    const row = byRow.get(v.key) ?? new Map<number, number>();
    row.set(v.month, v.value);
    byRow.set(v.key, row);
  }
  return byRow;
}

/** A row of header cells from column A; an empty text is a header-coloured cell the text before runs over. */
export const headerCells = (
  headers: readonly string[],
  row: number,
): CellSpec[] =>
  headers.map((h, c) => ({
    ref: cell(c + 1, row),
    value: h === "" ? undefined : h,
    style: "header",
  }));
