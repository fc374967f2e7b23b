/**
 * Import from a selection, planned without a host: the selected cells read by the core's importer
 * (the CLI's parser) onto the sheet imported into as it was read (Tracking's actuals, or the
 * Budget sheet's rows: product.md 12, the same months and rows), each value with the cell it goes
 * to and what that cell holds now. Nothing here writes; the pane shows the plan and asks first.
 */
import {
  ImportRow,
  SkippedLine,
  TableRow,
  UnknownLabel,
  UnusualImport,
  importActuals,
  isSheetInputRow,
} from "../../core/importer";
import { InputSheet, sheetInputOf } from "../../core/sheet-inputs";
import { addMonths, yearMonthOf } from "../../core/months";
import { Language } from "../../core/catalog";
import { INPUT_MESSAGES } from "../../core/input-messages";
import { NAMES } from "../../core/template";
import { SHEET_NAMES } from "../../core/template/sheet-names";
import { Address, cell, cellAddress } from "../../core/address";
import { Cell, isBlank } from "../../core/cell";
import { rowRuns } from "../../core/template/rules";
import { isFormula } from "../cells";

/** Where an import writes: the Tracking sheet's actuals, or the budget (product.md 12, "Budget"). */
export type ImportTarget = "tracking" | "budget";

/**
 * The workbook name of a row's month cells on the sheet imported into: a timeline row's on Tracking
 * or the Budget sheet, a Departments or Channels row's on its own sheet (department-rows.ts keys).
 */
export function importRowName(target: ImportTarget, key: string): string {
  const sheet = sheetInputOf(key)?.sheet;
  if (sheet === "departments") return NAMES.department(key);
  if (sheet === "channels") return NAMES.channel(key);
  return target === "budget" ? NAMES.budget(key) : NAMES.tracking(key);
}

/** A timeline row as read: where its month cells are, their values and formulas. */
export interface TrackingRowRead {
  readonly address: Address;
  readonly values: readonly unknown[];
  readonly formulas: readonly unknown[];
  /** The row's name's formula as read ("=Tracking!$N$6:$AK$6"): it changes when the row moves. */
  readonly reference: string;
}

/** The rows of the sheet imported into (Tracking_<key> or Budget_<key> names), on the timeline's months. */
export interface TrackingRead {
  /** Tracking_Months' values: the month headers as Excel date serials (the Budget sheet has the same months). */
  readonly months: readonly unknown[];
  readonly rows: ReadonlyMap<string, TrackingRowRead>;
  /** The names the user gave their own channels on the Channels sheet, by slot (user1..user5). */
  readonly channelNames?: ReadonlyMap<string, string>;
}

export interface ImportCell {
  /** Where the value goes, as Excel reports addresses: Tracking!P6 */
  readonly address: string;
  /** The same cell as a sheet and 1-based column and row. */
  readonly at: {
    readonly sheet: string;
    readonly col: number;
    readonly row: number;
  };
  readonly row: ImportRow;
  /** 1-based month on the timeline, and its "YYYY-MM". */
  readonly month: number;
  readonly monthLabel: string;
  readonly value: number;
  /** The selection's row it came from. */
  readonly line: number;
  /** What the cell holds now: nothing, a formula (a computed row), or a typed number or text. */
  readonly replaces: "empty" | "formula" | "typed";
  readonly previous?: NonNullable<Cell>;
  /** The cell as the preview read it (Range.formulas: "=..." for a formula, "" when empty): the write checks it is still so. */
  readonly seen: NonNullable<Cell>;
}

export interface ImportPlan {
  /** The sheet the cells are on. */
  readonly target: ImportTarget;
  /** Cells whose value changes: empty ones, computed ones, and typed ones with another value. */
  readonly cells: readonly ImportCell[];
  /** Typed values the import would replace: written only when the user confirms them. */
  readonly overwrites: readonly ImportCell[];
  /** Values the sheet already holds: nothing to write. */
  readonly unchanged: number;
  /** Every refused row and why; when there is any, nothing is written. */
  readonly errors: readonly string[];
  /** The rows the cells are on: each row's name (Tracking_<key> or Budget_<key>) and its reference as the preview read it. */
  readonly rows: readonly {
    readonly name: string;
    readonly reference: string;
  }[];
  /** Title rows above the header and Total rows and columns, read and left out. */
  readonly skipped: readonly SkippedLine[];
  /** Labels that name no measure: the pane offers a measure for each. */
  readonly unknown: readonly UnknownLabel[];
  /** Imported values unusually far from their row's neighbours: written all the same. */
  readonly warnings: readonly UnusualImport[];
  /** The mapping (label -> measure id) the plan was read with: what a write remembers. */
  readonly mapping: Readonly<Record<string, string>>;
}

/** The typed numbers of each Tracking row (computed cells and blanks as null): what unusual values are judged against. */
export function typedValues(
  tracking: TrackingRead,
): Map<string, readonly unknown[]> {
  return new Map(
    [...tracking.rows].map(([key, read]) => [
      key,
      read.values.map((v, k) =>
        isFormula(read.formulas[k]) || typeof v !== "number" ? null : v,
      ),
    ]),
  );
}

/** The plan for `target`'s rows as read; its messages in `language` (the pane's). */
export function planImport(
  selection: readonly TableRow[],
  tracking: TrackingRead,
  language: Language = "en",
  mapping: Readonly<Record<string, string>> = {},
  target: ImportTarget = "tracking",
): ImportPlan {
  const messages = INPUT_MESSAGES[language].importer;
  const first = yearMonthOf(tracking.months[0]);
  const months = tracking.months.length;
  if (!first || months === 0) return emptyPlan([messages.notDates()], target);
  const result = importActuals(selection, {
    months,
    firstMonth: first,
    rowWord: "row",
    language,
    // Text typed in a Spanish workbook writes decimal commas, as its CSV does; numbers are numbers anyway.
    decimalComma: language === "es",
    mapping: new Map(Object.entries(mapping)),
    existing: typedValues(tracking),
    into: target === "budget" ? "budget" : "actuals",
    channelNames: tracking.channelNames,
  });
  const listed = { skipped: result.skipped, mapping };
  if (!result.ok)
    return {
      ...emptyPlan(result.errors, target),
      ...listed,
      unknown: result.unknown,
    };
  const cells: ImportCell[] = [];
  const errors: string[] = [];
  let unchanged = 0;
  for (const v of result.values) {
    const read = tracking.rows.get(v.row.key);
    const where = messages.line("row", v.line);
    if (!read) {
      const sheet = isSheetInputRow(v.row) ? v.row.sheet : target;
      errors.push(
        isSheetInputRow(v.row) && !hasSheet(tracking, v.row.sheet)
          ? messages.noSheet(where, v.row.id, SHEET_NAMES[language][sheet])
          : messages.rowGone(
              where,
              v.row.id,
              importRowName(target, v.row.key),
              SHEET_NAMES[language][sheet],
            ),
      );
      continue;
    }
    const k = v.month - 1;
    const a = read.address;
    const previous = read.values[k];
    const replaces = isFormula(read.formulas[k])
      ? "formula"
      : isBlank(previous as Cell)
        ? "empty"
        : "typed";
    if (replaces === "typed" && previous === v.value) {
      unchanged++;
      continue;
    }
    const at = { sheet: a.sheet, col: a.start.col + k, row: a.start.row };
    // The Departments and Channels rows are typed rows: a formula there is the user's, kept (Tracking's computed rows take a typed month).
    if (replaces === "formula" && isSheetInputRow(v.row)) {
      errors.push(
        messages.at(
          where,
          messages.formulaCell(cellAddress(at.sheet, at.col, at.row)),
        ),
      );
      continue;
    }
    cells.push({
      address: cellAddress(at.sheet, at.col, at.row),
      at,
      row: v.row,
      month: v.month,
      monthLabel: addMonths(first, k),
      value: v.value,
      line: v.line,
      replaces,
      seen: (read.formulas[k] ?? "") as NonNullable<Cell>,
      ...(replaces === "empty"
        ? {}
        : { previous: previous as NonNullable<Cell> }),
    });
  }
  // A row's values on a sheet the tracker lacks give one sentence, not one per month.
  if (errors.length)
    return { ...emptyPlan([...new Set(errors)], target), ...listed };
  const rows = [...new Set(cells.map((c) => c.row.key))].map((key) => ({
    name: importRowName(target, key),
    reference: tracking.rows.get(key)!.reference,
  }));
  return {
    target,
    cells,
    overwrites: cells.filter((c) => c.replaces === "typed"),
    unchanged,
    errors: [],
    rows,
    ...listed,
    unknown: [],
    warnings: result.warnings,
  };
}

/** Whether the workbook has any row of a Departments or Channels sheet (a tracker made before issue 21 has none). */
const hasSheet = (tracking: TrackingRead, sheet: InputSheet) =>
  [...tracking.rows.keys()].some((key) => sheetInputOf(key)?.sheet === sheet);

/** A plan that writes nothing: the selection is empty, or it has refused rows. */
export function emptyPlan(
  errors: readonly string[] = [],
  target: ImportTarget = "tracking",
): ImportPlan {
  return {
    target,
    cells: [],
    overwrites: [],
    unchanged: 0,
    errors,
    rows: [],
    skipped: [],
    unknown: [],
    warnings: [],
    mapping: {},
  };
}

/** Consecutive cells of one row: one range to read and write. */
export interface Run {
  readonly sheet: string;
  /** "N6:P6" on `sheet`. */
  readonly ref: string;
  readonly cells: readonly ImportCell[];
}

/** Consecutive cells of one row as one run. */
export function runs(cells: readonly ImportCell[]): Run[] {
  const byRow = new Map<string, ImportCell[]>();
  for (const c of cells) {
    const key = `${c.at.sheet}|${c.at.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), c]);
  }
  return [...byRow.values()].flatMap((row) => {
    const { sheet, row: r } = row[0].at;
    const byCol = new Map(row.map((c) => [c.at.col, c]));
    return rowRuns([...byCol.keys()]).map(([from, to]) => ({
      sheet,
      ref: from === to ? cell(from, r) : `${cell(from, r)}:${cell(to, r)}`,
      cells: Array.from({ length: to - from + 1 }, (_, k) =>
        byCol.get(from + k)!,
      ),
    }));
  });
}
