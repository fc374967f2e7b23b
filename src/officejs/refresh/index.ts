/**
 * Refresh risk flags: find the template through its workbook names, rebuild the add-in's own
 * conditional formats for the current extent of the timeline (months inserted inside the month
 * block widen the names, so they are included) and the current thresholds, give inserted months
 * their formulas (months.ts, one more sync when there are any), and count the reporting month's
 * levels. Read (read.ts; the thresholds translated in thresholds.ts, the snapshot in snapshot.ts)
 * -> plan (plan.ts, pure) -> write (write.ts; a write Excel stopped part-way diagnosed in
 * failure.ts). The user's own rules stay. One sync to read, two to write (the new rules, then the
 * old ones deleted by their priority as read after the adds); nothing is written when a sheet is
 * protected or the workbook read-only.
 */
import { LEVELS } from "../../core/catalog";
import { SheetKey, monthColumn, parseAddress } from "../../core/template";
import { WorkbookError } from "../errors";
import { SheetRules } from "../rules";
import { readInsertedMonths } from "./months";
import {
  FlaggedCell,
  OutOfRangeCell,
  Plan,
  UnusualCell,
  planRefresh,
  worstFirst,
} from "./plan";
import {
  Reads,
  SheetRead,
  checkWritable,
  present,
  readSheetRules,
  readTemplate,
  sheetsByKey,
} from "./read";
import { inputSheetIds, planCompletions, snapshotOf } from "./snapshot";
import { overridesFrom } from "./thresholds";
import { rebuildSheet, writeFlags } from "./write";
import { DepartmentLevels, isSeedSheet } from "./seed-sheets";

export type { FlaggedCell, OutOfRangeCell, UnusualCell } from "./plan";
export type { DepartmentFlag, DepartmentLevels } from "./seed-sheets";

export interface RefreshResult {
  /** Per phase P1..P4, its plan completion (done ÷ not dropped); null where every item is dropped or the sheet is gone. */
  plan: (number | null)[];
  /** "YYYY-MM": the month the levels are of (the dashboard's reporting month). */
  reportingMonth?: string;
  counts: Record<(typeof LEVELS)[number], number>;
  /** The reporting month's WATCH and RISK metrics and indicators, worst first. */
  flagged: FlaggedCell[];
  /**
   * Month cells whose number cannot be right for their measure (pasted values skip Excel's data
   * validation): listed apart, and a measure whose value as of the reporting month is one of them is not counted.
   */
  outOfRange: OutOfRangeCell[];
  /** Typed values of the input rows unusually far from their neighbours (a CAC in thousands among dollars): listed, levels unchanged. */
  unusual: UnusualCell[];
  rulesRemoved: number;
  rulesAdded: number;
  /** "YYYY-MM" of the months inserted as columns that were given their formulas (from the months beside them). */
  monthsCompleted: string[];
  syncs: number;
  /** Ids of the sheets whose cells the flags read (Tracking, Thresholds, the dashboard's month): edits elsewhere leave them current. */
  inputSheetIds: string[];
  /** Sheets whose conditional formats Excel could not read: left as they were; rebuildSheetFlags can redo them. */
  unreadableSheets: string[];
  /**
   * The Departments sheet's levels as of the reporting month (product.md 13): each function's
   * worst, and the KPIs not OK. Undefined on a tracker made before the sheet.
   */
  departments?: DepartmentLevels;
  /** Departments, Channels or Tools sheets whose names moved (rows or columns inserted), or protected: their colours are left as they were. */
  sheetsLeftAlone: string[];
}

/** What refresh and rebuild both start from: the template read, its sheets and the rules planned for it. */
interface Prepared {
  reads: Reads;
  syncs: number;
  sheets: Map<SheetKey, SheetRead>;
  plan: Plan;
}

async function prepare(
  context: Excel.RequestContext,
  withRules: boolean,
): Promise<Prepared> {
  const { reads, syncs } = await readTemplate(context, withRules);
  if (
    !present(reads.dashboardPhase) ||
    !present(reads.months) ||
    !present(reads.targets[0])
  )
    throw new WorkbookError("notInserted");
  // Flags and formulas are placed from this version's layout: on another one they would land on the wrong cells.
  if (parseAddress(reads.months.address).start.col !== monthColumn(1))
    throw new WorkbookError("olderLayout");
  const sheets = sheetsByKey(reads);
  checkWritable(reads, sheets);
  const plan = planRefresh(snapshotOf(reads, overridesFrom(reads)));
  return { reads, syncs, sheets, plan };
}

/** The sheets whose rules could not be read, by name. */
const unreadableOf = (
  sheets: Map<SheetKey, SheetRead>,
  rules: Map<SheetKey, SheetRules | undefined>,
) =>
  [...sheets]
    .filter(([key]) => rules.get(key) === undefined)
    .map(([, read]) => read.sheet.name);

export async function refreshRiskFlags(
  context: Excel.RequestContext,
): Promise<RefreshResult> {
  const {
    reads,
    syncs: readSyncs,
    sheets,
    plan,
  } = await prepare(context, true);
  const pendingMonths = await readInsertedMonths(
    context,
    reads,
    sheets,
    plan.leftAlone,
  );
  const rules = await readSheetRules(context, sheets);
  // A protected Departments, Channels or Tools sheet (a team may lock its register) keeps its colours.
  const leftAlone = [
    ...plan.leftAlone,
    ...[...sheets]
      .filter(([key, read]) => isSeedSheet(key) && read.protection.protected)
      .map(([key]) => key),
  ];
  const written = [...sheets].filter(
    ([key]) => rules.rules.get(key) !== undefined && !leftAlone.includes(key),
  );
  const unreadable = unreadableOf(sheets, rules.rules);
  const wrote = await writeFlags(
    context,
    written,
    plan,
    pendingMonths,
    unreadable,
  );
  return {
    plan: planCompletions(reads),
    reportingMonth: plan.reportingMonth,
    counts: plan.counts,
    flagged: worstFirst(plan.flagged),
    outOfRange: plan.outOfRange,
    unusual: plan.unusual,
    rulesRemoved: wrote.rulesRemoved,
    rulesAdded: wrote.rulesAdded,
    monthsCompleted: wrote.monthsCompleted,
    syncs: readSyncs + (pendingMonths ? 1 : 0) + rules.syncs + wrote.syncs,
    inputSheetIds: inputSheetIds(reads, sheets),
    unreadableSheets: unreadable,
    departments: plan.departments,
    sheetsLeftAlone: [...new Set(leftAlone)].flatMap((key) => {
      const read = sheets.get(key);
      return read ? [read.sheet.name] : [];
    }),
  };
}

/**
 * The explicit way out for a sheet whose rules Excel cannot read: every conditional format on the
 * cells the add-in colours on that sheet is cleared (the user's own rules on those cells too,
 * which the pane says before it asks) and the add-in's flags are added again. Rules elsewhere on
 * the sheet stay. Returns how many rules were added.
 */
export async function rebuildSheetFlags(
  context: Excel.RequestContext,
  sheetName: string,
): Promise<{ rulesAdded: number; syncs: number }> {
  const { syncs, sheets, plan } = await prepare(context, false);
  const found = [...sheets].find(([, read]) => read.sheet.name === sheetName);
  if (!found)
    throw new WorkbookError(
      "notInserted",
      `No template sheet named ${sheetName}`,
    );
  const [key, { sheet }] = found;
  const rulesAdded = await rebuildSheet(context, key, sheet, plan);
  return { rulesAdded, syncs: syncs + 1 };
}
