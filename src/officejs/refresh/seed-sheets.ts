/**
 * The Departments, Channels and Tools sheets (product.md 13) as refresh sees them, planned without
 * a host: their colour rules are the description's (describeWorkbook's `rules` for their keys),
 * re-created only where the sheet exists and its names are where the description puts them; a
 * tracker made before these sheets has none of their names, and refresh leaves it as it is. The
 * Departments sheet's levels (per function and per KPI) are read by name, as the other flags are.
 */
import { LEVELS, Language, Level } from "../../core/catalog";
import {
  DEPARTMENT_FUNCTIONS,
  DEPARTMENT_KPIS,
  DepartmentFunction,
} from "../../core/department-kpis";
import {
  CHANNEL_INPUT_ROWS,
  DEPARTMENT_INPUT_ROWS,
} from "../../core/department-rows";
import { Address, cellPosition } from "../../core/address";
import {
  ConditionalRule,
  MONTHS,
  NAMES,
  NameSpec,
  WorkbookSpec,
  describeWorkbook,
} from "../../core/template";

export const SEED_SHEETS = ["departments", "channels", "tools"] as const;
export type SeedSheetKey = (typeof SEED_SHEETS)[number];
export const isSeedSheet = (key: string): key is SeedSheetKey =>
  (SEED_SHEETS as readonly string[]).includes(key);

/** A row of month cells on the sheet: its width is the sheet's months (none on Tools). */
export const MONTH_ROW_NAME: Readonly<
  Record<SeedSheetKey, string | undefined>
> = {
  departments:
    DEPARTMENT_INPUT_ROWS[0] && NAMES.department(DEPARTMENT_INPUT_ROWS[0].key),
  channels: CHANNEL_INPUT_ROWS[0] && NAMES.channel(CHANNEL_INPUT_ROWS[0].key),
  tools: undefined,
};

const describedCache = new Map<string, WorkbookSpec>();

/**
 * The described workbook with `months` months (names and rules are the same in both languages;
 * the language is passed all the same), its Tracking sheet named `trackingSheet`: kept, since
 * every refresh asks for the same one.
 */
function described(
  months: number,
  language: Language,
  trackingSheet?: string,
): WorkbookSpec {
  const key = `${months}|${language}|${trackingSheet ?? ""}`;
  let spec = describedCache.get(key);
  if (!spec) {
    spec = describeWorkbook({
      language,
      company: "",
      currency: "USD",
      firstMonth: "2026-01",
      months,
      sheetNames: trackingSheet ? { tracking: trackingSheet } : undefined,
    });
    if (describedCache.size > 8) describedCache.clear();
    describedCache.set(key, spec);
  }
  return spec;
}

/**
 * Month t's formulas on the Departments or Channels sheet of a `months`-month timeline, by sheet
 * row, as the description writes them (its header reads Tracking's, its computed rows): what a
 * month column inserted there gets, as budget.ts budgetMonthFormulas gives the Budget sheet's.
 */
export function describedMonthFormulas(
  key: SeedSheetKey,
  months: number,
  trackingSheet: string,
  t: number,
): { row: number; formula: string }[] {
  const rowName = MONTH_ROW_NAME[key];
  const row = seedSheetNames()
    .get(key)
    ?.find((n) => n.name === rowName);
  if (!row || months < MONTHS.min || months > MONTHS.max) return [];
  const column = startOf(row.ref).col + t - 1;
  const sheet = described(months, "en", trackingSheet).sheets.find(
    (x) => x.key === key,
  );
  return (sheet?.cells ?? []).flatMap((c) => {
    const at = cellPosition(c.ref);
    return at.col === column && c.formula !== undefined
      ? [{ row: at.row, formula: c.formula }]
      : [];
  });
}

/** A name's first cell, from its A1 reference. */
export const startOf = (ref: string) =>
  cellPosition(ref.split(":")[0].replace(/\$/g, ""));

let namesCache: ReadonlyMap<SeedSheetKey, readonly NameSpec[]> | undefined;

/** The names the description places on each of the three sheets: what refresh reads to find them. */
export function seedSheetNames(): ReadonlyMap<
  SeedSheetKey,
  readonly NameSpec[]
> {
  namesCache ??= new Map(
    SEED_SHEETS.map((key) => [
      key,
      described(MONTHS.default, "en").names.filter((n) => n.sheet === key),
    ]),
  );
  return namesCache;
}

/** One of the three sheets as read: where each of its names (those that exist) points now. */
export interface SeedSheetSnapshot {
  readonly key: SeedSheetKey;
  readonly names: ReadonlyMap<string, Address>;
}

/** What the plan needs beside the sheet: the timeline's months now, and how many of them are new. */
export interface SeedSheetContext {
  readonly language: Language;
  /** Tracking_Months' width. */
  readonly trackingMonths: number;
  /** Months inserted on Tracking that this refresh gives the sheets (months.ts). */
  readonly inserted: number;
}

/**
 * The sheet's months once refresh is done: Tracking's where it has exactly the months Tracking had
 * before the new ones (months.ts inserts them) or already as many, else its own.
 */
export function finalMonths(
  s: SeedSheetSnapshot,
  at: SeedSheetContext,
): number {
  const rowName = MONTH_ROW_NAME[s.key];
  const row = rowName === undefined ? undefined : s.names.get(rowName);
  if (!row) return at.trackingMonths;
  const width = row.end.col - row.start.col + 1;
  return width === at.trackingMonths - at.inserted ? at.trackingMonths : width;
}

/**
 * The sheet's rules, the description's for its months; undefined where refresh leaves its rules
 * as they are: a name of the sheet is not where the description puts it (rows or columns the user
 * inserted: the description's cells would be the wrong ones), or the months are outside the
 * timeline's range.
 */
export function seedSheetRules(
  s: SeedSheetSnapshot,
  at: SeedSheetContext,
): ConditionalRule[] | undefined {
  const months = finalMonths(s, at);
  if (months < MONTHS.min || months > MONTHS.max) return undefined;
  const workbook = described(months, at.language);
  const names = workbook.names.filter((n) => n.sheet === s.key);
  const inPlace = names.every((n) => {
    const read = s.names.get(n.name);
    if (!read) return true;
    const want = startOf(n.ref);
    return read.start.col === want.col && read.start.row === want.row;
  });
  return inPlace ? workbook.rules.filter((r) => r.sheet === s.key) : undefined;
}

/** A department KPI whose level as of the reporting month is not OK (its Dept_<id>_Flag cell). */
export interface DepartmentFlag {
  readonly id: string;
  readonly address: string;
  readonly level: "WATCH" | "RISK";
}

export interface DepartmentLevels {
  /** Each function's worst KPI level (Dept_<fn>_Level); undefined where the cell shows none. */
  readonly functions: readonly {
    readonly fn: DepartmentFunction;
    readonly level?: Level;
  }[];
  /** The KPIs flagged WATCH or RISK, RISK first, in the catalog's order. */
  readonly flagged: readonly DepartmentFlag[];
}

const levelIn = (value: unknown): Level | undefined =>
  LEVELS.find((l) => l === value);

/** The levels the Departments sheet shows, from the values read through its names; undefined on a tracker without the sheet. */
export function departmentLevels(
  levels: ReadonlyMap<string, unknown>,
  flags: ReadonlyMap<string, { address: string; value: unknown }>,
): DepartmentLevels | undefined {
  if (levels.size === 0 && flags.size === 0) return undefined;
  const flagged = DEPARTMENT_KPIS.flatMap((k): DepartmentFlag[] => {
    const read = flags.get(k.id);
    const level = levelIn(read?.value);
    return read && level && level !== "OK"
      ? [{ id: k.id, address: read.address, level }]
      : [];
  });
  return {
    functions: DEPARTMENT_FUNCTIONS.map((fn) => ({
      fn,
      level: levelIn(levels.get(fn)),
    })),
    flagged: [
      ...flagged.filter((f) => f.level === "RISK"),
      ...flagged.filter((f) => f.level === "WATCH"),
    ],
  };
}
