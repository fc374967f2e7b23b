/**
 * The user's data in a tracking workbook, read from the cells its names refer to (product.md
 * 6.6: the names are the public contract, the same in every version and language). Pure: the
 * task pane hands it what Office.js read, the command line what exceljs read from a file, and a
 * workbook an earlier version exported reads the same way. What it reads (product.md 11):
 * - a typed input: a number in a month cell with no formula; on a computed row the same is a
 *   number typed over the formula (`typedOver`);
 * - a number a formula the user typed on an input row gives (kept as that number, `formula` says so);
 * - text typed in a month cell (not a number, so it cannot be carried: listed);
 * - the same of the Budget sheet's month cells (`Budget_<key>`; a tracker made before it has none),
 *   and of the Departments and Channels sheets' input rows (`Dept_<key>`, `Channel_<slot>_<measure>`,
 *   keys in department-rows.ts; their months are Tracking's) and computed rows (read row by row in
 *   the sheet's month block, `Dept_MonthBlock`, `Channel_MonthBlock`; a tracker without it has none);
 * - the single input cells of the Departments, Channels and Tools sheets (template/input-cells.ts):
 *   a number or a text, by name (a word of a list by its place); a KPI's or figure's target as a
 *   threshold: where it differs from the catalog's, or cleared (null);
 * - threshold edits (the three Thresholds tables): values that differ from the catalog's, and
 *   cleared cells (null);
 * - the reporting month if typed (the default is a formula), the minimum share, the start month;
 * - each plan item's status, owner, due date and notes (plan-items.ts finds the items).
 */
import {
  CONTEXT_THRESHOLDS,
  Language,
  PHASE_METRICS,
  PHASE_NUMBERS,
  PhaseNumber,
  RISK_INDICATORS,
  floorOf,
  targetOf,
} from "./catalog";
import { Cell, isBlank } from "./cell";
import { OTHER_MONTHLY_ROWS } from "./department-rows";
import { CHANNELS } from "./template/channels-layout";
import { DEPARTMENTS_SHEET } from "./template/departments-layout";
import { addMonths, yearMonthOf } from "./months";
import {
  NAMES,
  PhaseEdits,
  PlanEntry,
  PlanStatus,
  TEMPLATE_LABELS,
  UserSettings,
  currencyOfFormat,
  findPlanItems,
} from "./template";
import { TIMELINE_ROWS } from "./timeline";
import {
  carriedValue,
  inputCellNames,
  isComputedInput,
  seededTarget,
} from "./template/input-cells";
import type { CarriedValue } from "./template/types";

/** A cell as a host reads it: its value (a formula's result where the host has one; null when empty) and its formula. */
export interface TrackerCell {
  /** null for an empty cell, as hosts read one. */
  readonly value: Exclude<Cell, undefined>;
  /** Without the "="; absent when the cell holds no formula. */
  readonly formula?: string;
  readonly numberFormat?: string;
}

/** Rows of cells from a range's top-left cell. */
export type CellGrid = readonly (readonly TrackerCell[])[];

/** What a host reads from a workbook for readTrackerData. */
export interface TrackerCells {
  /** The names of trackerNames() that exist, each with the cells it refers to (looked up as trackerNames() spells them). */
  readonly named: ReadonlyMap<string, CellGrid>;
  /** The cell above Scale_ReportingMonth: the company's name, on the dashboard's row above. */
  readonly company?: TrackerCell;
  /** Each phase's plan sheet (the sheet Plan_P<n> is on), from its cell A1. */
  readonly plans: ReadonlyMap<PhaseNumber, CellGrid>;
}

/**
 * A row of month cells: the key its values travel under (TimelineValue), the name its cells are
 * read through and, in a sheet's month block, which of the name's rows it is.
 */
interface MonthlyRow {
  readonly key: string;
  readonly name: string;
  /** 0 for a name of one row. */
  readonly rowInName?: number;
  /** A computed row: a formula there is the template's. */
  readonly computed: boolean;
}

const timelineRows = (nameOf: (key: string) => string): MonthlyRow[] =>
  TIMELINE_ROWS.map((r) => ({
    key: r.key,
    name: nameOf(r.key),
    computed: r.derived !== undefined,
  }));

/** The Departments and Channels sheets' input rows (department-rows.ts): typed, never computed. */
const inputRowName = (r: (typeof OTHER_MONTHLY_ROWS)[number]) =>
  r.sheet === "channels" ? NAMES.channel(r.key) : NAMES.department(r.key);
const SHEET_INPUT_ROWS: readonly MonthlyRow[] = OTHER_MONTHLY_ROWS.map((r) => ({
  key: r.key,
  name: inputRowName(r),
  computed: false,
}));

/**
 * The Departments and Channels sheets' month blocks (Dept_MonthBlock, Channel_MonthBlock): their
 * computed rows (a linked KPI, a change, a channel's CAC...) are read row by row by this version's layout.
 */
const MONTH_BLOCKS = [
  {
    sheet: "departments",
    name: NAMES.departmentMonthBlock,
    block: DEPARTMENTS_SHEET.monthBlock,
    computedRows: DEPARTMENTS_SHEET.computedRows,
  },
  {
    sheet: "channels",
    name: NAMES.channelMonthBlock,
    block: CHANNELS.monthBlock,
    computedRows: CHANNELS.computedRows,
  },
] as const;

/** The computed rows of both blocks, each at its row in its block's name. */
const SHEET_COMPUTED_ROWS: readonly MonthlyRow[] = MONTH_BLOCKS.flatMap(
  ({ name, block, computedRows }) =>
    computedRows.map((r) => ({
      key: r.key,
      name,
      rowInName: r.row - block.first,
      computed: true,
    })),
);

/** The template's names a reader needs the cells of. */
export function trackerNames(): string[] {
  return [
    NAMES.months,
    ...TIMELINE_ROWS.map((r) => NAMES.tracking(r.key)),
    ...TIMELINE_ROWS.map((r) => NAMES.budget(r.key)),
    ...SHEET_INPUT_ROWS.map((r) => r.name),
    NAMES.departmentMonthBlock,
    NAMES.channelMonthBlock,
    ...inputCellNames(),
    ...PHASE_METRICS.map((m) => NAMES.target(m.id)),
    ...PHASE_METRICS.filter((m) => m.floors).map((m) => NAMES.floor(m.id)),
    ...RISK_INDICATORS.map((i) => NAMES.riskThreshold(i.qualifiedId)),
    ...CONTEXT_THRESHOLDS.map((c) => NAMES.contextThreshold(c.id)),
    NAMES.reportingMonth,
    NAMES.minShare,
    NAMES.startMonth,
    ...PHASE_NUMBERS.map((n) => NAMES.plan(n)),
  ];
}

/** A number in a month cell, by calendar month. */
export interface TypedValue {
  /** The row's key: a timeline row's (TIMELINE_ROWS), or a Departments or Channels row's (department-rows.ts). */
  readonly key: string;
  /** "YYYY-MM" */
  readonly month: string;
  readonly value: number;
  /** Typed over a computed row's formula. */
  readonly typedOver: boolean;
  /** The formula the user typed on an input row, whose number this is. */
  readonly formula?: string;
}

/**
 * Something in a month cell that is not a number: text, or a formula whose result the host did
 * not have; or a single input cell's formula without a result (`key` is then the cell's name).
 */
export interface NotANumber {
  readonly key: string;
  /** Absent for a single input cell. */
  readonly month?: string;
  readonly text: string;
  /** In the budget (the Budget sheet), not the actuals. */
  readonly budget?: true;
}

/** The sheets whose month columns are Tracking's (product.md 12, 13): read against Tracking_Months by position. */
export type MonthSheet = "budget" | "departments" | "channels";

/**
 * Months inserted or deleted on Tracking since the last refresh: Tracking_Months and the month
 * rows of a sheet that follows it differ in width, so reading that sheet's cells against Tracking's
 * months would date its values in other months. A rebuild refuses (rebuild.ts monthsApartRefusal).
 */
export interface MonthsApart {
  /** Tracking_Months' width. */
  readonly tracking: number;
  /** Each sheet whose month rows are of another width, with that width. */
  readonly sheets: readonly {
    readonly sheet: MonthSheet;
    readonly months: number;
  }[];
  /**
   * The Departments or Channels sheet whose month block (Dept_MonthBlock, Channel_MonthBlock) has
   * rows inserted or deleted: its computed rows are found by this version's layout, row by row, so
   * a number typed over one of them would be read from another row. `rows`: the block's height now.
   */
  readonly rowsMoved?: readonly {
    readonly sheet: "departments" | "channels";
    readonly rows: number;
  }[];
}

export interface TrackerData {
  /** The old timeline, where its header tells it. */
  readonly firstMonth?: string;
  readonly months?: number;
  readonly company?: string;
  readonly language?: Language;
  readonly currency?: string;
  readonly values: readonly TypedValue[];
  /** The Budget sheet's numbers, read as `values` are (product.md 12); absent where a tracker has no budget. */
  readonly budget?: readonly TypedValue[];
  readonly notNumbers: readonly NotANumber[];
  readonly settings: UserSettings;
  /** Of settings.cells, those whose value a formula the user typed gave (carried as that value). */
  readonly cellFormulas?: number;
  /** Present where a sheet that follows Tracking's months is not as wide as Tracking_Months. */
  readonly monthsApart?: MonthsApart;
}

const isNumber = (v: unknown): v is number =>
  typeof v === "number" && Number.isFinite(v);
const isEmpty = (c: TrackerCell | undefined) =>
  !c || (c.formula === undefined && isBlank(c.value));

/** Values are equal as read back from a file: the same number, give or take the last bits of a decimal. */
const sameNumber = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The month of each header cell. Every header after the first is a formula (the month before
 * plus one); a file no spreadsheet has calculated has no value for those, so a header without
 * a number is the month after the one before it.
 */
function headerMonths(grid: CellGrid | undefined): (string | undefined)[] {
  const cells = grid?.[0] ?? [];
  const months: (string | undefined)[] = [];
  cells.forEach((c, k) => {
    const own = isNumber(c.value) ? yearMonthOf(c.value) : undefined;
    const before = months[k - 1];
    months.push(own ?? (before ? addMonths(before, 1) : undefined));
  });
  return months;
}

/** The month cells of `rows`: Tracking's, the Budget sheet's, the Departments and Channels sheets' (their months are Tracking's). */
function monthCells(
  cells: TrackerCells,
  months: (string | undefined)[],
  rows: readonly MonthlyRow[],
) {
  const values: TypedValue[] = [];
  const notNumbers: NotANumber[] = [];
  for (const r of rows) {
    const row = cells.named.get(r.name)?.[r.rowInName ?? 0] ?? [];
    row.forEach((c, k) => {
      const month = months[k];
      if (!month || isEmpty(c)) return;
      const computed = r.computed;
      // A formula on a computed row is the template's; the user's on an input row gives its number.
      if (c.formula !== undefined && computed) return;
      if (isNumber(c.value))
        values.push({
          key: r.key,
          month,
          value: c.value,
          typedOver: computed,
          ...(c.formula !== undefined && { formula: c.formula }),
        });
      else
        notNumbers.push({
          key: r.key,
          month,
          text:
            c.formula !== undefined ? `=${c.formula}` : String(c.value ?? ""),
        });
    });
  }
  return { values, notNumbers };
}

/** The names of each sheet's month rows, whose widths must be Tracking_Months'. */
const MONTH_ROW_NAMES: readonly {
  readonly sheet: MonthSheet;
  readonly names: readonly string[];
}[] = [
  { sheet: "budget", names: TIMELINE_ROWS.map((r) => NAMES.budget(r.key)) },
  ...(["departments", "channels"] as const).map((sheet) => ({
    sheet,
    names: [
      ...OTHER_MONTHLY_ROWS.filter((r) => r.sheet === sheet).map(inputRowName),
      sheet === "channels"
        ? NAMES.channelMonthBlock
        : NAMES.departmentMonthBlock,
    ],
  })),
];

/**
 * The sheets whose month rows are not as wide as Tracking's months, and the month blocks not as
 * tall as the layout; undefined where all line up (or the tracker has no Tracking_Months).
 */
function monthsApart(cells: TrackerCells): MonthsApart | undefined {
  const tracking = cells.named.get(NAMES.months)?.[0]?.length;
  if (!tracking) return undefined;
  const widthOf = (grid: CellGrid) => Math.max(0, ...grid.map((r) => r.length));
  const sheets = MONTH_ROW_NAMES.flatMap(({ sheet, names }) => {
    const months = names
      .map((n) => cells.named.get(n))
      .filter((g): g is CellGrid => g !== undefined)
      .map(widthOf)
      .find((w) => w !== tracking);
    return months === undefined ? [] : [{ sheet, months }];
  });
  const rowsMoved = MONTH_BLOCKS.flatMap(({ sheet, name, block }) => {
    const rows = cells.named.get(name)?.length;
    return rows === undefined || rows === block.last - block.first + 1
      ? []
      : [{ sheet, rows }];
  });
  return sheets.length || rowsMoved.length
    ? { tracking, sheets, ...(rowsMoved.length && { rowsMoved }) }
    : undefined;
}

/** Per phase, the user's value where it differs from the catalog's; undefined when none differs. */
function phaseEdits(
  grid: CellGrid | undefined,
  catalog: (n: PhaseNumber) => number | undefined,
): PhaseEdits | undefined {
  if (!grid) return undefined;
  const edits = PHASE_NUMBERS.map((n) => edited(grid[0]?.[n - 1], catalog(n)));
  return edits.some((e) => e !== undefined) ? edits : undefined;
}

/** A threshold cell's edit: its number where it differs from the catalog's, null where cleared, else undefined. */
function edited(
  c: TrackerCell | undefined,
  catalog: number | undefined,
): number | null | undefined {
  if (isEmpty(c)) return catalog === undefined ? undefined : null;
  if (!isNumber(c!.value)) return undefined;
  return catalog !== undefined && sameNumber(c!.value, catalog)
    ? undefined
    : c!.value;
}

function thresholdEdits(cells: TrackerCells): UserSettings {
  const targets = new Map<string, PhaseEdits>();
  const floors = new Map<string, PhaseEdits>();
  for (const m of PHASE_METRICS) {
    const t = phaseEdits(cells.named.get(NAMES.target(m.id)), (n) =>
      targetOf(m, n),
    );
    if (t) targets.set(m.id, t);
    const f = phaseEdits(cells.named.get(NAMES.floor(m.id)), (n) =>
      floorOf(m, n),
    );
    if (f) floors.set(m.id, f);
  }
  const riskThresholds = new Map<string, number | null>();
  for (const i of RISK_INDICATORS) {
    const grid = cells.named.get(NAMES.riskThreshold(i.qualifiedId));
    const e = grid ? edited(grid[0]?.[0], i.threshold) : undefined;
    if (e !== undefined) riskThresholds.set(i.qualifiedId, e);
  }
  // A tracker made before the third table had these names: its conventions are the catalog's.
  const contextThresholds = new Map<string, number | null>();
  for (const c of CONTEXT_THRESHOLDS) {
    const grid = cells.named.get(NAMES.contextThreshold(c.id));
    const e = grid ? edited(grid[0]?.[0], c.threshold) : undefined;
    if (e !== undefined) contextThresholds.set(c.id, e);
  }
  return { targets, floors, riskThresholds, contextThresholds };
}

const single = (cells: TrackerCells, name: string) =>
  cells.named.get(name)?.[0]?.[0];

/** A month cell the user typed (a date); undefined where it holds the template's formula or nothing. */
function typedMonth(c: TrackerCell | undefined): string | undefined {
  return c && c.formula === undefined ? yearMonthOf(c.value) : undefined;
}

const text = (c: TrackerCell | undefined): string =>
  c === undefined || c.value === null ? "" : String(c.value);

/** The four status words of both languages, by their place in the list. */
function statusOf(written: string): PlanStatus {
  for (const language of ["en", "es"] as const) {
    const k = TEMPLATE_LABELS[language].plan.statuses.findIndex(
      (w) => w.toLowerCase() === written.trim().toLowerCase(),
    );
    if (k >= 0) return { word: k as 0 | 1 | 2 | 3 };
  }
  return { text: written };
}

/** One phase's plan entries (items left as inserted are not entries), and the sheet's language. */
function planEntries(
  n: PhaseNumber,
  grid: CellGrid | undefined,
): { entries: PlanEntry[]; language?: Language } {
  if (!grid) return { entries: [] };
  const at = (row: number, col: number) => grid[row - 1]?.[col - 1];
  const size = {
    rows: grid.length,
    cols: Math.max(0, ...grid.map((r) => r.length)),
  };
  const found = findPlanItems(n, (row, col) => text(at(row, col)), size);
  if (!found) return { entries: [] };
  const entries: PlanEntry[] = [];
  for (const [item, row] of found.rows) {
    const c = found.columns;
    const status = statusOf(text(at(row, c.status)));
    const owner = text(at(row, c.owner));
    const due = at(row, c.due)?.value;
    const notes = c.notes ? text(at(row, c.notes)) : "";
    const asInserted =
      "word" in status && status.word === 0 && !owner && !due && !notes;
    if (asInserted) continue;
    entries.push({
      phase: n,
      item,
      status,
      ...(owner && { owner }),
      ...((isNumber(due) || (typeof due === "string" && !isBlank(due))) && {
        due,
      }),
      ...(notes && { notes }),
    });
  }
  return { entries, language: found.language };
}

/**
 * The single input cells that hold something, by name: a number or a text, or a formula's result
 * (the user's where the template writes none there); a formula without a result is listed.
 */
function inputCells(cells: TrackerCells) {
  const values = new Map<string, CarriedValue>();
  const notNumbers: NotANumber[] = [];
  let formulas = 0;
  for (const name of inputCellNames()) {
    const c = single(cells, name);
    // A target the user cleared stays cleared (its check off); a tracker without the name has none.
    if (c !== undefined && isEmpty(c) && seededTarget(name) !== undefined)
      values.set(name, null);
    if (isEmpty(c)) continue;
    // The template's formula (a Tools current value read from a month row): nothing typed there.
    if (c!.formula !== undefined && isComputedInput(name)) continue;
    const v = c!.value;
    if (v === null || isBlank(v)) {
      if (c!.formula !== undefined)
        notNumbers.push({ key: name, text: `=${c!.formula}` });
      continue;
    }
    const carried = carriedValue(name, v);
    if (carried === undefined) continue;
    values.set(name, carried);
    if (c!.formula !== undefined) formulas++;
  }
  return { values, notNumbers, formulas };
}

export function readTrackerData(cells: TrackerCells): TrackerData {
  const months = headerMonths(cells.named.get(NAMES.months));
  const { values, notNumbers } = monthCells(cells, months, [
    ...timelineRows(NAMES.tracking),
    ...SHEET_INPUT_ROWS,
    ...SHEET_COMPUTED_ROWS,
  ]);
  const budget = monthCells(cells, months, timelineRows(NAMES.budget));
  const typedCells = inputCells(cells);
  const plans = PHASE_NUMBERS.map((n) => planEntries(n, cells.plans.get(n)));
  const minShare = single(cells, NAMES.minShare)?.value;
  const company = text(cells.company).trim();
  const format = cells.named.get(NAMES.target("mrr"))?.[0]?.[0]?.numberFormat;
  const apart = monthsApart(cells);
  return {
    ...(months[0] && { firstMonth: months[0], months: months.length }),
    ...(company && { company }),
    ...(plans.find((p) => p.language) && {
      language: plans.find((p) => p.language)!.language,
    }),
    ...(format &&
      currencyOfFormat(format) && {
        currency: currencyOfFormat(format),
      }),
    values,
    ...(budget.values.length > 0 && { budget: budget.values }),
    notNumbers: [
      ...notNumbers,
      ...budget.notNumbers.map((n) => ({ ...n, budget: true as const })),
      ...typedCells.notNumbers,
    ],
    ...(typedCells.formulas > 0 && { cellFormulas: typedCells.formulas }),
    ...(apart && { monthsApart: apart }),
    settings: {
      ...(typedCells.values.size > 0 && { cells: typedCells.values }),
      ...thresholdEdits(cells),
      reportingMonth: typedMonth(single(cells, NAMES.reportingMonth)),
      ...(isNumber(minShare) && { minShare }),
      startMonth: typedMonth(single(cells, NAMES.startMonth)),
      plan: plans.flatMap((p) => p.entries),
    },
  };
}
