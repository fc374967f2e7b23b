/**
 * A declarative description of the tracking workbook. The Excel writer (Office.js) and the
 * .xlsx writer (exceljs) only translate it; nothing else decides what the template contains.
 * Cell references are A1-style; formulas are plain Excel formulas without the leading "=".
 */
import type { Language, Level, PhaseNumber } from "../catalog";

export type SheetKey =
  | "dashboard"
  | "thresholds"
  | "phase1"
  | "phase2"
  | "phase3"
  | "phase4"
  | "risks";

export type CellStyle =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "input"
  | "computed"
  | "flag"
  | "note";

export interface CellSpec {
  /** A1 address on its sheet, e.g. "D4". */
  readonly ref: string;
  readonly value?: string | number | boolean;
  /** Plain Excel formula without "=", valid in Excel 2016 and LibreOffice. */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
}

export interface SheetSpec {
  readonly key: SheetKey;
  /** Final sheet name (the Office.js writer passes free names when the defaults are taken). */
  readonly name: string;
  readonly cells: readonly CellSpec[];
  /** Column letter -> width in characters. */
  readonly columnWidths: Readonly<Record<string, number>>;
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Printed landscape, scaled to one page wide. */
  readonly printLandscape: boolean;
}

/** A workbook-level defined name. */
export interface NameSpec {
  readonly name: string;
  readonly sheet: SheetKey;
  /** Absolute A1 range on that sheet, e.g. "$D$4:$I$4". */
  readonly ref: string;
  readonly comment?: string;
}

export interface TableSpec {
  readonly name: string;
  readonly sheet: SheetKey;
  /** Header row included. */
  readonly ref: string;
  readonly columns: readonly string[];
}

/** Marks every conditional format the add-in creates, so refresh can remove only those. */
export const RULE_MARKER = 'N("scale-tracker")=0';

export interface ConditionalRule {
  readonly sheet: SheetKey;
  /** The cells the rule colours. */
  readonly ref: string;
  /** True where the cell has `level`; relative to the top-left cell of `ref`; ends with RULE_MARKER. */
  readonly formula: string;
  readonly level: Level;
}

export interface ValidationSpec {
  readonly sheet: SheetKey;
  readonly ref: string;
  readonly min: number;
  readonly max: number;
  readonly message: string;
}

export interface ChartSpec {
  readonly sheet: SheetKey;
  readonly title: string;
  /** Where the chart sits: top-left and bottom-right cells. */
  readonly from: string;
  readonly to: string;
  /** Category labels and series, as ranges on `dataSheet`. */
  readonly dataSheet: SheetKey;
  readonly categories: string;
  readonly series: readonly {
    readonly name: string;
    readonly values: string;
  }[];
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly names: readonly NameSpec[];
  readonly tables: readonly TableSpec[];
  readonly rules: readonly ConditionalRule[];
  readonly validations: readonly ValidationSpec[];
  readonly charts: readonly ChartSpec[];
}

/** A month's input: phase 1-4 for a phase metric, "R" for a risk indicator (`group.indicator`). */
export interface Actual {
  readonly phase: PhaseNumber | "R";
  /** Metric id, or qualified indicator id for phase "R". */
  readonly id: string;
  /** 1-based month within the phase sheet. */
  readonly month: number;
  readonly value: number;
}

export interface TemplateOptions {
  readonly language: Language;
  readonly company: string;
  /** ISO 4217 code (USD, EUR, ...) for currency number formats. */
  readonly currency: string;
  /** First month of phase 1, "YYYY-MM". */
  readonly firstMonth: string;
  /** Phase sheets to include; default all four. */
  readonly phases?: readonly PhaseNumber[];
  readonly actuals?: readonly Actual[];
  /** Final names for sheets whose default name is taken. */
  readonly sheetNames?: Partial<Record<SheetKey, string>>;
}

/** The level colours, shared by every writer. */
export const LEVEL_FILL: Readonly<Record<Level, string>> = {
  OK: "#C6EFCE",
  WATCH: "#FFEB9C",
  RISK: "#FFC7CE",
};
export const LEVEL_FONT: Readonly<Record<Level, string>> = {
  OK: "#006100",
  WATCH: "#9C5700",
  RISK: "#9C0006",
};
