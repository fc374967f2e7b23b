/**
 * The sentences about the workbook's inputs in English: the importer's, the insert options' and a
 * rebuild's, with the value and id checks they share with the functions (messages.ts). Apart from
 * messages.ts so the custom functions' bundle does not carry them; messages-es.ts gives them in Spanish.
 */
import { MESSAGES, plural } from "./messages";

export const INPUT_MESSAGES_EN = {
  value: MESSAGES.value,
  id: MESSAGES.id,
  importer: {
    header: (got: string) =>
      `the header must be metric,month,value (long form), a label or nothing followed by one column per month, such as metric,2026-01,2026-02 or KPI,Jan 2026,Feb 2026 (wide form; title rows above it are skipped), or month followed by one column per metric; got "${got}"`,
    noMetricHeader: () => "this column has no metric in its header",
    monthHeader: (text: string) =>
      `column "${text}" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)`,
    fields: (count: number) =>
      `expected 3 fields (metric,month,value); got ${count}`,
    groupRow: (text: string) =>
      `"${text}" is a risk group; give one of its indicators as group.indicator, such as cash_burn.burn_rate`,
    month: (text: string) =>
      `month "${text}" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)`,
    outsideTimeline: (
      month: string,
      first: string,
      last: string,
      months: number,
      fix = "give --first-month or --months to move or widen it",
    ) =>
      `month ${month} is outside the timeline, which runs from ${first} to ${last} (${plural(months, "month")}); ${fix}`,
    /** The fix for a selection's months after the Tracking sheet's last: the workbook's timeline is the one to widen. */
    widenTracking:
      "add months by inserting columns inside the Tracking sheet's month block first, or leave those months out",
    /** The fix for a selection's months before the Tracking sheet's first. */
    earlierTracking:
      "leave those months out, or rebuild the tracking workbook with an earlier first month (Rebuild, on the Insert tab)",
    positionOutside: (position: number, months: number) =>
      `month ${position} is outside the timeline's months 1 to ${months}`,
    notANumber: (text: string) =>
      `value "${text}" is not a number (write fractions as 0.05, not 5%)`,
    tooLarge: (text: string) =>
      `value "${text}" is too large for Excel (its largest number is about 1E+308): check it for extra digits`,
    percentSign: (text: string) =>
      `value "${text}" has a percent sign: write percentages as fractions (5% is 0.05)`,
    separators: (text: string) =>
      `value "${text}" has a currency symbol or a thousands separator: remove them ($1,234,567.50 is 1234567.5)`,
    /** `earlier`: where the first value was, "line 3" or "row 3"; `earlierId` where it was given under another id of the same row. */
    duplicate: (
      id: string,
      month: string,
      earlier: string,
      earlierId?: string,
    ) =>
      `${id} for ${month} was already given on ${earlier}${earlierId ? ` (${earlierId} and ${id} are the same row)` : ""}`,
    monthNumber: (position: number) => `month ${position}`,
    /** A row whose label is no known measure: the lookup's sentence and how to import it. */
    unknownRow: (unknown: string, fix: string) => `${unknown}; ${fix}`,
    /** Values in a row whose first cell is blank (an unlabelled sum row, say). */
    noLabel: () =>
      "this row has values but no label in its first cell: write the measure it is there, or remove the row",
    /** The command line's fix for an unknown row. */
    mapOption: (label: string) =>
      `give --map "${label}=ID" with the id of the measure it is, or remove the row`,
    /** The pane's fix for an unknown row. */
    chooseMeasure:
      "choose the measure it is, or leave the row out of the selection",
    /** A mapping (label -> id) whose id names no measure. */
    mapping: (label: string, problem: string) =>
      `the mapping of "${label}": ${problem}`,
    /** A row or column read and left out: a title above the header, a total. */
    skipped: (what: "title" | "totalRow" | "totalColumn", label: string) =>
      what === "totalColumn"
        ? "skipped (a total column)"
        : `skipped (${what === "title" ? "above the header" : "a total row"}): "${label}"`,
    /** An unusual value: written all the same (product.md 11). `neighbours`: the months and values before and after it. */
    unusual: (
      name: string,
      month: string,
      value: number,
      neighbours: readonly (readonly [string, number])[],
      size: "large" | "small",
    ) =>
      `${name} for ${month} is ${value}, ${size === "large" ? "at least 10 times" : "at most a tenth of"} both its neighbours (${neighbours
        .map(([m, v]) => `${m}: ${v}`)
        .join(
          "; ",
        )}): check it is in the same unit as they are (not thousands, cents or a percentage)`,
    noMonths: () =>
      "the file has no months: give a calendar month (YYYY-MM) or a month number",
    /** Where a value is: "line 4" in a file, "row 4" in a selection. */
    line: (word: "line" | "row", line: number) => `${word} ${line}`,
    /** Import from a selection: the workbook's month headers cannot be read. */
    notDates: () =>
      "The Tracking sheet's month headers are not dates: insert the tracking workbook again, or type the first month's date in its first month header.",
    /** Import from a selection: a row's name is gone from the sheet imported into (Tracking, or Budget). */
    rowGone: (where: string, id: string, name: string, sheet: string) =>
      `${where}: the ${sheet} sheet has no row for ${id} any more (its name ${name} is gone); insert the tracking workbook again`,
    /** A channel KPI (CHANNEL_KPI_IDS), computed on the Channels sheet from the channels' rows. */
    channelKpi: (label: string, id: string, sheet: string) =>
      `"${label}" (${id}) is computed on the ${sheet} sheet from each channel's spend, new customers and new MRR: import those rows instead, such as "Paid advertising spend" (channel.paid_advertising.spend)`,
    /** A change KPI ("Error reduction: 70%"), computed from its baseline and the month's measured value. */
    changeKpi: (
      label: string,
      id: string,
      valueKey: string,
      valueName: string,
      sheet: string,
    ) =>
      `"${label}" (${id}) is computed from its baseline and each month's measured value: import the measured value as ${valueKey} ("${valueName}") and type the baseline on the ${sheet} sheet`,
    /** A Departments or Channels row in a budget, which holds the Tracking sheet's rows only. */
    budgetTrackingOnly: (id: string, sheet: string, budget: string) =>
      `${id} is typed on the ${sheet} sheet; the ${budget} sheet holds the Tracking sheet's rows only: import it with the actuals, or remove it from the budget`,
    /** Import from a selection: a tracker made before the Departments or Channels sheet. */
    noSheet: (where: string, id: string, sheet: string) =>
      `${where}: ${id} is typed on the ${sheet} sheet, which this tracker does not have (it was made before that sheet): rebuild it first from the pane's Insert view, which keeps every number you typed, then import again`,
    /** Import from a selection: a Departments or Channels month cell holding a formula, which is not replaced. */
    formulaCell: (address: string) =>
      `${address} holds a formula, which an import does not replace: clear the cell to import a value there, or leave this value out`,
    /** "line 4: ..." in a file, "row 4: ..." in a selection. */
    at: (where: string, problem: string) => `${where}: ${problem}`,
    cell: (where: string, column: string, problem: string) =>
      `${where}, column ${column}: ${problem}`,
  },
  /**
   * The insert options (template/options.ts), for the command line and the pane: `name` is how the
   * surface names the option ("--first-month", or the pane's field label), `got` what was given.
   */
  options: {
    language: (name: string, got: string) =>
      `${name} must be en or es; got "${got}"`,
    company: (name: string, max: number, length: number) =>
      `${name} must be 1 to ${max} characters, as it titles the dashboard; got ${length}`,
    currency: (name: string, got: string) =>
      `${name} must be a three-letter code such as USD or EUR; got "${got}"`,
    months: (name: string, min: number, max: number, got: string) =>
      `${name} must be a whole number from ${min} to ${max}; got "${got}"`,
    firstMonth: (name: string, got: string) =>
      `${name} must be YYYY-MM, such as 2026-01; got "${got}"`,
    firstMonthRange: (
      name: string,
      from: string,
      to: string,
      months: number,
      got: string,
    ) =>
      `${name} must be from ${from} to ${to}, so that all ${months} months are dates Excel can hold; got "${got}"`,
  },
  /** A rebuild's (product.md 11): what the new timeline cannot hold, and what is carried. */
  rebuild: {
    /** What a dropped value is of: a row's id, or the reporting month. */
    reportingMonth: "the reporting month",
    /** A row of the budget (the Budget sheet), by its id. */
    budgetRow: (what: string) => `the budget's ${what}`,
    /** A Departments or Channels row, by its key and the sheet it is on. */
    onSheet: (key: string, sheet: string) => `${key} (${sheet})`,
    /** `month` is absent for a single input cell (a formula there whose result the file does not hold). */
    dropped: (
      what: string,
      month: string | undefined,
      value: string,
      reason: "outside" | "notANumber",
    ) =>
      month === undefined
        ? `${what}: "${value}" has no value in the file (open and save it in Excel first), so nothing is carried for it`
        : reason === "outside"
          ? `${what}, ${month}: ${value} (not on the new timeline)`
          : `${what}, ${month}: "${value}" is not a number, so no cell of the new workbook takes it`,
    cannotCarry: (count: number, first: string, last: string, months: number) =>
      `${plural(count, "value")} of the old workbook cannot be carried into the new timeline, which runs from ${first} to ${last} (${plural(months, "month")})`,
    /** The command line's fix. */
    dropOption:
      "give a --first-month and --months whose timeline holds them, or add --drop-outside to write the new workbook without them",
    /** The pane's fix. */
    confirmDrop:
      "change the first month or the number of months so that the timeline holds them, or rebuild without them",
    carried: (
      values: number,
      typedOver: number,
      thresholds: number,
      planEntries: number,
      settings: readonly string[],
    ) =>
      `Carried ${plural(values, "value")}${typedOver ? ` (${typedOver} typed over computed cells)` : ""}, ${plural(thresholds, "threshold edit")}, ${planEntries} plan ${planEntries === 1 ? "entry" : "entries"}${settings.length ? `, ${settings.join(", ")}` : ""}.`,
    reportingSetting: (month: string) => `the reporting month ${month}`,
    minShareSetting: (share: number) =>
      `the minimum share ${+(share * 100).toFixed(4)}%`,
    startSetting: (month: string) => `the start month ${month}`,
    budgetCarried: (count: number) =>
      `Carried the budget: ${plural(count, "value")} on the Budget sheet.`,
    cellsCarried: (count: number) =>
      `Carried ${plural(count, "input")} of the Departments, Channels and Tools sheets (baselines, edited targets, channel names, the tools' details).`,
    fromFormulas: (count: number) =>
      `${plural(count, "formula")} typed on input rows ${count === 1 ? "is" : "are"} carried as ${count === 1 ? "its number" : "their numbers"}.`,
    /**
     * Sheets whose month columns are no longer Tracking's (tracker-data.ts MonthsApart): `sheets`
     * are the sheets' names with their months. Months inserted on Tracking (the sheets narrower)
     * are given to them by a refresh (`inExcel`: the command line's file, to open in Excel first);
     * extra columns (months deleted on Tracking, or columns inserted on those sheets) are deleted by hand.
     */
    monthsApart: (
      tracking: number,
      sheets: readonly { readonly name: string; readonly months: number }[],
      inserted: boolean,
      inExcel: boolean,
    ) =>
      `Tracking has ${plural(tracking, "month")} and ${sheets.map((s) => `the ${s.name} sheet ${s.months}`).join(", ")}: ` +
      (inserted
        ? `months were inserted on Tracking since the last refresh, so a rebuild would date ${sheets.length === 1 ? "that sheet's" : "those sheets'"} values in the wrong months. ${inExcel ? "Open the file in Excel, refresh the risk flags there (the task pane's Refresh risk flags" : "Refresh the risk flags first (Refresh risk flags"} gives the Budget, Departments and Channels sheets Tracking's new months)${inExcel ? " and save it" : ""}, then rebuild`
        : `${sheets.length === 1 ? "that sheet has" : "those sheets have"} month columns Tracking does not (months deleted on Tracking, or columns inserted on ${sheets.length === 1 ? "that sheet" : "those sheets"}), so a rebuild would date ${sheets.length === 1 ? "its" : "their"} values in the wrong months. Delete the extra columns on ${sheets.length === 1 ? "that sheet" : "those sheets"}${inExcel ? " in Excel and save the file" : ""} (or insert the deleted months back on Tracking), then rebuild`),
    /**
     * The Departments or Channels sheet whose month block has rows inserted or deleted (tracker-data.ts
     * MonthsApart.rowsMoved): the numbers typed over its computed cells are found row by row.
     */
    rowsMoved: (sheets: readonly string[], inExcel: boolean) =>
      `Rows were inserted or deleted among the month rows of ${sheets.map((s) => `the ${s} sheet`).join(" and ")}, so a rebuild would read a number typed over a computed cell from another row. Delete the rows you inserted there (or insert back those you deleted)${inExcel ? " in Excel and save the file" : ""}, then rebuild`,
  },
} as const;

type Widened<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : T[K];
};

/** The sentences about a table's values, ids and rows (the importer's, the value checks'), the insert options' and a rebuild's: what messages-es.ts gives in Spanish. */
export type InputMessages = {
  readonly [K in "value" | "id" | "importer" | "options" | "rebuild"]: Widened<
    (typeof INPUT_MESSAGES_EN)[K]
  >;
};
