/**
 * A declarative description of the tracking workbook. The Excel writer (Office.js) and the
 * .xlsx writer (exceljs) only translate it; nothing else decides what the template contains.
 * Cell references are A1-style; formulas are plain Excel formulas without the leading "=".
 */
import type { Language, Level, PhaseNumber } from "../catalog";
import type { Cell } from "../cell";

export type SheetKey =
  | "dashboard"
  | "board"
  | "tracking"
  | "budget"
  | "departments"
  | "channels"
  | "phase1"
  | "phase2"
  | "phase3"
  | "phase4"
  | "thresholds"
  | "risks"
  | "tools";

/** Sheets in workbook order. */
export const SHEET_KEYS: readonly SheetKey[] = [
  "dashboard",
  "board",
  "tracking",
  "budget",
  "departments",
  "channels",
  "phase1",
  "phase2",
  "phase3",
  "phase4",
  "thresholds",
  "risks",
  "tools",
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
  /** A constant the cell holds (a formula cell has its formula instead). */
  readonly value?: NonNullable<Cell>;
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
  /** Columns in an outline group shown collapsed (the + above the next column opens them), as letters. */
  readonly collapsedColumns?: { readonly from: string; readonly to: string };
  /** Rows hidden (a chart's data that readers need not see: charts plot them, see ChartSpec.plotsHiddenCells). */
  readonly hiddenRows?: readonly number[];
  /** Printed landscape. */
  readonly printLandscape: boolean;
  /** Scaled to one page wide, or (a long timeline) to one page tall, or (the board) to one page. */
  readonly fitTo: "width" | "height" | "page";
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
  | {
      /** "whole" for counts: 2.5 new customers is refused, as the importer refuses it (sheet-inputs.ts). */
      readonly kind: "decimal" | "whole";
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly kind: "list";
      readonly values: readonly string[];
      /**
       * The list suggests, it does not restrict: another text is let through after the alert (an
       * Information error alert, whose OK keeps the value typed: Excel.DataValidationAlertStyle,
       * https://learn.microsoft.com/javascript/api/excel/excel.datavalidationalertstyle, used through
       * https://learn.microsoft.com/javascript/api/excel/excel.datavalidationerroralert; an .xlsx
       * dataValidation's errorStyle="information"). Without it the alert stops other values.
       */
      readonly othersAllowed?: boolean;
    }
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
    /** The sheet `values` are on, where not `dataSheet` (the budget's MRR beside Tracking's); same months as the categories. */
    readonly sheet?: SheetKey;
  }[];
  /**
   * The chart reads hidden rows (SheetSpec.hiddenRows), so it plots hidden cells: Excel's "Show data
   * in hidden rows and columns", off by default (Chart.plotVisibleOnly false, ExcelApi 1.8: "False
   * if both visible and hidden cells are plotted",
   * https://learn.microsoft.com/office/vba/api/excel.chart.plotvisibleonly; an .xlsx chart's plotVisOnly 0).
   */
  readonly plotsHiddenCells?: boolean;
  /**
   * Its series hold #N/A where a month has nothing to plot, and the line stops there: Excel does not
   * plot #N/A in a line chart (text, a formula's "", plots as 0); the .xlsx writer makes LibreOffice
   * do the same (src/xlsx/chart.ts).
   */
  readonly naIsGap?: boolean;
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

/** A plan item's status: one of the four words (index into the status list, in any language), or other text as typed. */
export type PlanStatus =
  { readonly word: 0 | 1 | 2 | 3 } | { readonly text: string };

/** What the user entered for one plan item (a qualitative objective or an initiative; see plan-items.ts). */
export interface PlanEntry {
  readonly phase: PhaseNumber;
  /** The item's place among its phase's items, in the catalog's order. */
  readonly item: number;
  readonly status?: PlanStatus;
  readonly owner?: string;
  /** A date serial, or text where the user typed text. */
  readonly due?: number | string;
  readonly notes?: string;
}

/** P1..P4; null where the user cleared the cell (which switches that check off), undefined where the catalog's value stays. */
export type PhaseEdits = readonly (number | null | undefined)[];

/**
 * What a user set in a tracker besides the monthly numbers, carried into a rebuilt one: edited
 * thresholds, the dashboard's settings, the plan's entries. Absent fields keep the template's.
 */
export interface UserSettings {
  /** Edited targets by metric id. */
  readonly targets?: ReadonlyMap<string, PhaseEdits>;
  /** Edited floors by metric id. */
  readonly floors?: ReadonlyMap<string, PhaseEdits>;
  /** Edited risk thresholds by qualified id (`group.indicator`); null where cleared. */
  readonly riskThresholds?: ReadonlyMap<string, number | null>;
  /** Edited conventions of the SaaS measures (the Thresholds sheet's third table) by measure id; null where cleared. */
  readonly contextThresholds?: ReadonlyMap<string, number | null>;
  /** A reporting month the user typed, "YYYY-MM" (without one the dashboard follows the data). */
  readonly reportingMonth?: string;
  /** The minimum share of metrics that makes a phase reached. */
  readonly minShare?: number;
  /** The month the company counts as its month 1, "YYYY-MM" (where the template has Scale_StartMonth). */
  readonly startMonth?: string;
  readonly plan?: readonly PlanEntry[];
  /**
   * What the user typed in single input cells of the Departments, Channels and Tools sheets (a
   * change KPI's baseline, a channel's name, a tool's owner...), by the cell's name; placed where
   * the new workbook's name points.
   */
  readonly cells?: ReadonlyMap<string, CarriedValue>;
}

/**
 * A single input's value as a rebuild carries it: what the cell held, a word of its list by its
 * place, or null for a target the user cleared (its check off, product.md 4) (input-cells.ts).
 */
export type CarriedValue =
  NonNullable<Cell> | { readonly choice: number } | null;

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
  /** The budget's numbers, placed on the Budget sheet as actuals are on Tracking (product.md 12). */
  readonly budget?: readonly TimelineValue[];
  /** What the user set in an earlier tracker, carried by a rebuild (placed by the template's names). */
  readonly settings?: UserSettings;
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
