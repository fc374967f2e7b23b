/**
 * A declarative description of the tracking workbook. The Excel writer (Office.js) and the
 * .xlsx writer (exceljs) only translate it; nothing else decides what the template contains.
 * Cell references are A1-style; formulas are plain Excel formulas without the leading "=".
 */
import type { Language, Level } from "../catalog";

export type SheetKey =
  | "dashboard"
  | "tracking"
  | "phase1"
  | "phase2"
  | "phase3"
  | "phase4"
  | "thresholds"
  | "risks";

/** Sheets in workbook order. */
export const SHEET_KEYS: readonly SheetKey[] = [
  "dashboard",
  "tracking",
  "phase1",
  "phase2",
  "phase3",
  "phase4",
  "thresholds",
  "risks",
];

export type CellStyle =
  | "title"
  | "subtitle"
  | "header"
  | "section"
  | "label"
  | "input"
  | "computed"
  | "flag"
  | "note"
  | "working";

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
  /** Printed landscape. */
  readonly printLandscape: boolean;
  /** Scaled to one page wide, or (a long timeline) to one page tall. */
  readonly fitTo: "width" | "height";
  /** What prints (a long timeline's working rows do not). */
  readonly printArea?: string;
  /** Rows and columns repeated on every printed page, as "4:4" and "A:B". */
  readonly printTitles?: { readonly rows: string; readonly columns: string };
  /** A printed page ends after each of these rows. */
  readonly pageBreaks?: readonly number[];
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
  /** The cells the rule colours: one or more areas, separated by spaces (as an .xlsx sqref). */
  readonly ref: string;
  /** True where the cell has `level`; relative to the top-left cell of the first area; ends with RULE_MARKER. */
  readonly formula: string;
  readonly level: Level;
}

/** Data validation: a number between two bounds, one of a list, or a date. */
export type ValidationSpec = {
  readonly sheet: SheetKey;
  readonly ref: string;
  readonly message: string;
} & (
  | { readonly kind: "decimal"; readonly min: number; readonly max: number }
  | { readonly kind: "list"; readonly values: readonly string[] }
  | { readonly kind: "date" }
);

export interface ChartSpec {
  readonly sheet: SheetKey;
  readonly kind: "line" | "bar";
  readonly title: string;
  /** Where the chart sits: top-left and bottom-right cells. */
  readonly from: string;
  readonly to: string;
  /** Category labels and series, as ranges on `dataSheet`. */
  readonly dataSheet: SheetKey;
  readonly categories: string;
  /** Categories are dates (month headers), shown with this number format. */
  readonly dateFormat?: string;
  readonly series: readonly {
    readonly name: string;
    readonly values: string;
  }[];
  readonly valueAxis: {
    readonly numberFormat: string;
    readonly min?: number;
    /** Caps the axis so one outlier does not flatten the rest. */
    readonly max?: number;
    readonly logBase?: number;
  };
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly names: readonly NameSpec[];
  readonly tables: readonly TableSpec[];
  readonly rules: readonly ConditionalRule[];
  readonly validations: readonly ValidationSpec[];
  readonly charts: readonly ChartSpec[];
}

/** A number for one month of a timeline row (typed, or from the importer). */
export interface TimelineValue {
  /** The row's key (TIMELINE_ROWS): a metric id, `cash_balance` or `<group>_<indicator>`. */
  readonly key: string;
  /** 1-based position on the timeline. */
  readonly month: number;
  readonly value: number;
}

export interface TemplateOptions {
  readonly language: Language;
  readonly company: string;
  /** ISO 4217 code (USD, EUR, ...) for currency number formats. */
  readonly currency: string;
  /** The timeline's first month, "YYYY-MM". */
  readonly firstMonth: string;
  /** The timeline's length, MONTHS.min to MONTHS.max; default MONTHS.default. */
  readonly months?: number;
  readonly actuals?: readonly TimelineValue[];
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
