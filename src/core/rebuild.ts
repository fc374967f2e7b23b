/**
 * One path to a workbook description, "a description with the user's data": insert (no data),
 * the command line's export (values from --actuals and --budget) and a rebuild (the data read
 * from an old tracker, tracker-data.ts) all describe the workbook here. Values, and the budget's,
 * are placed by calendar month on the new timeline; those it cannot hold are listed, never dropped
 * unseen (product.md 11).
 */
import type { Language } from "./catalog";
import { INPUT_MESSAGES } from "./input-messages";
import { MONTHS, addMonths, monthLabel, monthsBetween } from "./months";
import {
  NAMES,
  TemplateOptions,
  TimelineValue,
  UserSettings,
  WorkbookSpec,
  describeWorkbook,
} from "./template";
import { otherSheetOf } from "./department-rows";
import { SHEET_NAMES } from "./template/sheet-names";
import { rowByKey } from "./timeline";
import type { MonthsApart, TrackerData, TypedValue } from "./tracker-data";

/** Something of the user's the new workbook cannot hold. */
export interface Dropped {
  /**
   * A timeline row's key, a Departments or Channels row's (department-rows.ts), Scale_ReportingMonth
   * for a typed reporting month, or a single input cell's name.
   */
  readonly key: string;
  /** "YYYY-MM"; absent for a single input cell. */
  readonly month?: string;
  readonly value: number | string;
  /** outside: its month is not on the new timeline; notANumber: text in a month cell, which no row holds. */
  readonly reason: "outside" | "notANumber";
  /** A value of the budget (the Budget sheet), not of the actuals. */
  readonly budget?: true;
}

/** What the new workbook carries of the old one's data, for the summary a user reads. */
export interface Carried {
  readonly values: number;
  /** Of those, numbers typed over computed cells. */
  readonly typedOver: number;
  /** Of those, numbers of formulas the user typed on input rows (now the numbers themselves). */
  readonly fromFormulas: number;
  /** The budget's values (the Budget sheet's, product.md 12). */
  readonly budgetValues: number;
  /** Single input cells of the Departments, Channels and Tools sheets (a baseline, a channel's name, a tool's owner...). */
  readonly cells: number;
  readonly thresholds: number;
  readonly planEntries: number;
  readonly reportingMonth?: string;
  readonly minShare?: number;
  readonly startMonth?: string;
}

export interface DescribedWithData {
  readonly spec: WorkbookSpec;
  /** In row order, then month order. */
  readonly dropped: readonly Dropped[];
  readonly carried: Carried;
}

const NO_DATA: TrackerData = {
  values: [],
  notNumbers: [],
  settings: {},
};

/**
 * The options a rebuild starts from: the old workbook's where it tells them, the template's
 * otherwise. Its months are kept within MONTHS (a timeline widened past the maximum by inserted
 * columns keeps the maximum, and the months after it are listed as outside).
 */
export function optionsFromTracker(data: TrackerData): {
  firstMonth?: string;
  months: number;
  company?: string;
  language?: TrackerData["language"];
  currency?: string;
} {
  const months = Math.min(
    MONTHS.max,
    Math.max(MONTHS.min, data.months ?? MONTHS.default),
  );
  return {
    firstMonth: data.firstMonth,
    months,
    company: data.company,
    language: data.language,
    currency: data.currency,
  };
}

/** The minimum share a tracker is inserted with (product.md 6.4: default 100%): one kept as it is goes unmentioned. */
const INSERTED_MIN_SHARE = 1;

/** How many edited thresholds: each target, floor, risk threshold and convention that differs from the catalog's. */
function thresholdCount(s: UserSettings): number {
  const phases = [
    ...(s.targets?.values() ?? []),
    ...(s.floors?.values() ?? []),
  ];
  return (
    phases.flat().filter((v) => v !== undefined).length +
    (s.riskThresholds?.size ?? 0) +
    (s.contextThresholds?.size ?? 0)
  );
}

/** What a rebuild on the tracker's own timeline would carry: for the pane to say before it runs. */
export function trackerSummary(
  data: TrackerData,
): Pick<
  Carried,
  | "values"
  | "typedOver"
  | "budgetValues"
  | "cells"
  | "thresholds"
  | "planEntries"
> {
  return {
    values: data.values.length,
    typedOver: data.values.filter((v) => v.typedOver).length,
    budgetValues: data.budget?.length ?? 0,
    cells: data.settings.cells?.size ?? 0,
    thresholds: thresholdCount(data.settings),
    planEntries: data.settings.plan?.length ?? 0,
  };
}

export function describeWithUserData(
  options: TemplateOptions,
  data: TrackerData = NO_DATA,
): DescribedWithData {
  const months = options.months ?? MONTHS.default;
  const position = (month: string) =>
    monthsBetween(options.firstMonth, month) + 1;
  const inside = (month: string) =>
    position(month) >= 1 && position(month) <= months;
  const onTimeline = (v: TypedValue): TimelineValue => ({
    key: v.key,
    month: position(v.month),
    value: v.value,
  });
  const placed = data.values.filter((v) => inside(v.month));
  const actuals = [...(options.actuals ?? []), ...placed.map(onTimeline)];
  const oldBudget = data.budget ?? [];
  const placedBudget = oldBudget.filter((v) => inside(v.month));
  const budget = [...(options.budget ?? []), ...placedBudget.map(onTimeline)];
  const reporting = data.settings.reportingMonth;
  const keepsReporting = reporting !== undefined && inside(reporting);
  // The old workbook counted the company's month 1 from its start month, by default its first
  // month: kept, so the same data keeps its schedule on a timeline that starts elsewhere (6.4).
  const startMonth =
    data.settings.startMonth ??
    (data.firstMonth !== options.firstMonth ? data.firstMonth : undefined);
  const settings: UserSettings = {
    ...data.settings,
    reportingMonth: keepsReporting ? reporting : undefined,
    startMonth,
  };
  const spec = describeWorkbook({
    ...options,
    actuals,
    budget,
    ...(data !== NO_DATA && { settings }),
  });
  const placesStart =
    startMonth !== undefined &&
    startMonth !== options.firstMonth &&
    spec.names.some((n) => n.name === NAMES.startMonth);
  const dropped: Dropped[] = [
    ...data.values
      .filter((v) => !inside(v.month))
      .map((v) => ({ ...v, reason: "outside" as const })),
    ...oldBudget
      .filter((v) => !inside(v.month))
      .map((v) => ({
        ...v,
        reason: "outside" as const,
        budget: true as const,
      })),
    ...data.notNumbers.map((v) => ({
      key: v.key,
      ...(v.month !== undefined && { month: v.month }),
      value: v.text,
      reason: "notANumber" as const,
      budget: v.budget,
    })),
    ...(reporting !== undefined && !keepsReporting
      ? [
          {
            key: NAMES.reportingMonth,
            month: reporting,
            value: reporting,
            reason: "outside" as const,
          },
        ]
      : []),
  ].map(({ key, month, value, reason, budget }: Dropped) => ({
    key,
    ...(month !== undefined && { month }),
    value,
    reason,
    ...(budget && { budget }),
  }));
  return {
    spec,
    dropped,
    carried: {
      values: placed.length,
      typedOver: placed.filter((v) => v.typedOver).length,
      fromFormulas:
        placed.filter((v) => v.formula !== undefined).length +
        (data.cellFormulas ?? 0),
      budgetValues: placedBudget.length,
      cells: settings.cells?.size ?? 0,
      thresholds: thresholdCount(settings),
      planEntries: settings.plan?.length ?? 0,
      ...(keepsReporting && { reportingMonth: reporting }),
      ...(settings.minShare !== undefined &&
        settings.minShare !== INSERTED_MIN_SHARE && {
          minShare: settings.minShare,
        }),
      ...(placesStart && { startMonth }),
    },
  };
}

/** The last month of a timeline. */
export const lastMonthOf = (firstMonth: string, months: number): string =>
  addMonths(firstMonth, months - 1);

/**
 * What a dropped value is of, as the messages name it: the row's id (its Spanish name in Spanish),
 * said to be the budget's where it is, or the reporting month; a Departments or Channels row's key
 * with its sheet's name; a single input cell's name (the workbook's, found with Go To).
 */
function droppedWhat(d: Dropped, language: Language): string {
  const m = INPUT_MESSAGES[language].rebuild;
  if (d.key === NAMES.reportingMonth) return m.reportingMonth;
  if (d.month === undefined) return d.key;
  const sheet = otherSheetOf(d.key);
  if (sheet) return m.onSheet(d.key, SHEET_NAMES[language][sheet]);
  const measure = rowByKey(d.key);
  const what = language === "es" ? measure.measure.name.es : measure.id;
  return d.budget ? m.budgetRow(what) : what;
}

/** Each dropped value as a line, in `language`. */
export function droppedLines(
  dropped: readonly Dropped[],
  language: Language,
): string[] {
  const m = INPUT_MESSAGES[language].rebuild;
  const shown = (v: number | string, key: string) =>
    typeof v === "string"
      ? key === NAMES.reportingMonth
        ? monthLabel(v, language)
        : v
      : language === "es"
        ? v.toLocaleString("es-ES", { maximumFractionDigits: 12 })
        : String(v);
  return dropped.map((d) =>
    m.dropped(
      droppedWhat(d, language),
      d.month === undefined ? undefined : monthLabel(d.month, language),
      shown(d.value, d.key),
      d.reason,
    ),
  );
}

/** "3 values of the old workbook cannot be carried into the new timeline, which runs from ..." */
export function cannotCarry(
  dropped: readonly Dropped[],
  firstMonth: string,
  months: number,
  language: Language,
): string {
  return INPUT_MESSAGES[language].rebuild.cannotCarry(
    dropped.length,
    monthLabel(firstMonth, language),
    monthLabel(lastMonthOf(firstMonth, months), language),
    months,
  );
}

/** What a rebuild carried, as sentences in `language`. */
export function carriedSentences(c: Carried, language: Language): string[] {
  const m = INPUT_MESSAGES[language].rebuild;
  const settings = [
    ...(c.reportingMonth
      ? [m.reportingSetting(monthLabel(c.reportingMonth, language))]
      : []),
    ...(c.minShare !== undefined ? [m.minShareSetting(c.minShare)] : []),
    ...(c.startMonth
      ? [m.startSetting(monthLabel(c.startMonth, language))]
      : []),
  ];
  return [
    m.carried(c.values, c.typedOver, c.thresholds, c.planEntries, settings),
    ...(c.fromFormulas ? [m.fromFormulas(c.fromFormulas)] : []),
    ...(c.budgetValues ? [m.budgetCarried(c.budgetValues)] : []),
    ...(c.cells ? [m.cellsCarried(c.cells)] : []),
  ];
}

/**
 * Why a rebuild must not go on: a sheet whose months are Tracking's (the Budget, Departments or
 * Channels sheet) is not as wide as Tracking's months, so its values, read by position, would land
 * in other months (product.md 11: nothing misplaced silently). Undefined where nothing is apart.
 * `inExcel`: the sentence for a file the command line reads, to open in Excel first.
 */
export function monthsApartRefusal(
  apart: MonthsApart | undefined,
  language: Language,
  inExcel: boolean,
): string | undefined {
  if (!apart) return undefined;
  const m = INPUT_MESSAGES[language].rebuild;
  const sheets = apart.sheets.map((s) => ({
    name: SHEET_NAMES[language][s.sheet],
    months: s.months,
  }));
  const inserted = apart.sheets.some((s) => s.months < apart.tracking);
  const rowsMoved = (apart.rowsMoved ?? []).map(
    (b) => SHEET_NAMES[language][b.sheet],
  );
  return [
    ...(sheets.length
      ? [m.monthsApart(apart.tracking, sheets, inserted, inExcel)]
      : []),
    ...(rowsMoved.length ? [m.rowsMoved(rowsMoved, inExcel)] : []),
  ].join(". ");
}
