/**
 * Refresh risk flags: find the template through its workbook names, rebuild the add-in's own
 * conditional formats for the current extent of each row (months inserted inside a row's month
 * block widen its name, so they are included) and the current thresholds, and count the levels.
 * The user's own rules stay. One sync to read, one to write.
 */
import {
  LEVELS,
  Level,
  PHASE_METRICS,
  PHASE_NUMBERS,
  PhaseMetric,
  PhaseNumber,
  RISK_GROUPS,
  RISK_INDICATORS,
  floorOf,
} from "../core/catalog";
import { indicatorRule, levelOf, metricRule } from "../core/evaluate";
import { resolve } from "../core/lookup";
import {
  Cell,
  Overrides,
  OverridesError,
  THRESHOLD_HEADERS,
  parseOverrides,
} from "../core/overrides";
import {
  ConditionalRule,
  DASHBOARD,
  NAMES,
  SheetKey,
  cellPosition,
  columnLetter,
  flagTextRules,
  indicatorLevelRule,
  levelRules,
  metricLevelRule,
  parseAddress,
  phaseSheetKey,
} from "../core/template";
import { LevelRule, absolute, onSheet } from "../core/template/formulas";
import { WorkbookError, toWorkbookError } from "./errors";
import { addRule, isOurs } from "./rules";

export interface FlaggedCell {
  /** The flag cell, e.g. 'Phase 1'!M4 */
  address: string;
  sheet: string;
  measureId: string;
  phase: PhaseNumber | "R";
  value: number;
  target: number;
  level: "WATCH" | "RISK";
}

export interface RefreshResult {
  counts: Record<Level, number>;
  flagged: FlaggedCell[];
  rulesRemoved: number;
  rulesAdded: number;
  syncs: number;
}

type Grid = (string | number | boolean | null)[][];

/** One sync reads everything the refresh needs, one writes the rules. */
const READ_AND_WRITE_SYNCS = 2;

/** Metrics with a floor (gross margin): only their Floor_ names exist. */
const METRICS_WITH_FLOORS = PHASE_METRICS.filter((m) =>
  PHASE_NUMBERS.some((n) => floorOf(m, n) !== undefined),
);

/** The range a workbook name points at; a null object where the name does not exist. */
function named(
  context: Excel.RequestContext,
  name: string,
  props: string,
): Excel.Range {
  const range = context.workbook.names
    .getItemOrNullObject(name)
    .getRangeOrNullObject();
  // eslint-disable-next-line office-addins/no-empty-load -- the properties are the caller's argument
  range.load(props);
  return range;
}

function sheetRules(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return sheet
    .getRange()
    .conditionalFormats.load(
      "items/id,items/type,items/customOrNullObject/rule/formula",
    );
}

/** The last number in a row of months, or undefined (the template's Latest column does the same). */
function latestNumber(row: readonly unknown[]): number | undefined {
  for (let k = row.length - 1; k >= 0; k--)
    if (typeof row[k] === "number") return row[k] as number;
  return undefined;
}

/** An address as Excel reports it: the sheet name quoted only where it needs to be. */
const quoted = (sheet: string, ref: string) =>
  `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${ref}`;

interface Reads {
  phases: {
    n: PhaseNumber;
    rows: { actuals: Excel.Range; flag: Excel.Range }[];
    rules: Excel.ConditionalFormatCollection;
    sheet: Excel.Worksheet;
  }[];
  risks: { actuals: Excel.Range; ids: Excel.Range; flag: Excel.Range }[];
  risksSheet: Excel.Worksheet;
  risksRules: Excel.ConditionalFormatCollection;
  dashboard: Excel.Range;
  dashboardRules: Excel.ConditionalFormatCollection;
  /** Per metric, its P1..P4 targets on the Thresholds sheet. */
  targets: Excel.Range[];
  floors: Map<string, Excel.Range>;
  /** Per risk indicator, its threshold cell. */
  thresholds: Excel.Range[];
}

function queueReads(context: Excel.RequestContext): Reads {
  const phases = PHASE_NUMBERS.map((n) => {
    const rows = PHASE_METRICS.map((m) => ({
      actuals: named(context, NAMES.phaseActuals(n, m.id), "values,address"),
      flag: named(context, NAMES.phaseFlag(n, m.id), "address"),
    }));
    const sheet = rows[0].flag.worksheet;
    return { n, rows, sheet, rules: sheetRules(sheet) };
  });
  const risks = RISK_GROUPS.map((g) => {
    const actuals = named(context, NAMES.riskActuals(g.id), "values,address");
    return {
      actuals,
      // Column A of the Risks sheet holds each row's indicator id.
      ids: actuals.getColumnsBefore(3).load("values"),
      flag: named(context, NAMES.riskFlag(g.id), "address"),
    };
  });
  const dashboard = named(context, NAMES.phase, "address");
  return {
    phases,
    risks,
    risksSheet: risks[0].flag.worksheet,
    risksRules: sheetRules(risks[0].flag.worksheet),
    dashboard,
    dashboardRules: sheetRules(dashboard.worksheet),
    targets: PHASE_METRICS.map((m) =>
      named(context, NAMES.target(m.id), "values,address"),
    ),
    floors: new Map(
      METRICS_WITH_FLOORS.map((m) => [
        m.id,
        named(context, NAMES.floor(m.id), "values,address"),
      ]),
    ),
    thresholds: RISK_INDICATORS.map((i) =>
      named(context, NAMES.riskThreshold(i.qualifiedId), "values,address"),
    ),
  };
}

/** The numbers in a thresholds name's cells; a blank or text cell is refused, naming the cell. */
function thresholdNumbers(range: Excel.Range): number[] {
  const a = parseAddress(range.address);
  return (range.values[0] as Cell[]).map((v, k) => {
    if (typeof v === "number" && Number.isFinite(v)) return v;
    const ref = `${columnLetter(a.start.col + k)}${a.start.row}`;
    throw new WorkbookError(
      "badThresholds",
      `${quoted(a.sheet, ref)} holds ${v === "" || v === null ? "nothing" : JSON.stringify(v)}, not a number`,
    );
  });
}

/**
 * The thresholds the sheet's formulas use (the cells the names point at), as core overrides:
 * laid out as the Thresholds tables and read by parseOverrides, as SCALE.* reads them.
 */
function overridesFrom(reads: Reads): Overrides {
  const h = THRESHOLD_HEADERS;
  const rows: Cell[][] = [[h.id, ...h.targets, ...h.floors]];
  PHASE_METRICS.forEach((m, i) => {
    if (reads.targets[i].isNullObject) return;
    const floor = reads.floors.get(m.id);
    const floors =
      floor && !floor.isNullObject ? thresholdNumbers(floor) : ["", "", "", ""];
    rows.push([m.id, ...thresholdNumbers(reads.targets[i]), ...floors]);
  });
  rows.push([h.id, h.threshold]);
  RISK_INDICATORS.forEach((ind, i) => {
    const cell = reads.thresholds[i];
    if (!cell.isNullObject)
      rows.push([ind.qualifiedId, thresholdNumbers(cell)[0]]);
  });
  try {
    return parseOverrides(rows);
  } catch (e) {
    if (e instanceof OverridesError)
      throw new WorkbookError("badThresholds", e.message);
    throw e;
  }
}

/** The cell `offset` columns into a thresholds name, as a rule references it; undefined without the name. */
function thresholdCell(
  range: Excel.Range | undefined,
  offset: number,
): string | undefined {
  if (!range || range.isNullObject) return undefined;
  const a = parseAddress(range.address);
  return onSheet(a.sheet, absolute(a.start.col + offset, a.start.row));
}

/** The core's rule for metric `index` in phase n, pointing at the threshold cells where they are now. */
function metricRuleHere(
  reads: Reads,
  thresholdsSheet: string,
  index: number,
  n: PhaseNumber,
): LevelRule {
  const base = metricLevelRule(thresholdsSheet, index, n);
  const m: PhaseMetric = PHASE_METRICS[index];
  return {
    ...base,
    threshold: thresholdCell(reads.targets[index], n - 1) ?? base.threshold,
    floor:
      base.floor &&
      (thresholdCell(reads.floors.get(m.id), n - 1) ?? base.floor),
  };
}

function indicatorRuleHere(
  reads: Reads,
  thresholdsSheet: string,
  indicatorIndex: number,
): LevelRule {
  const base = indicatorLevelRule(
    thresholdsSheet,
    RISK_INDICATORS[indicatorIndex],
  );
  return {
    ...base,
    threshold:
      thresholdCell(reads.thresholds[indicatorIndex], 0) ?? base.threshold,
  };
}

interface Plan {
  rules: ConditionalRule[];
  counts: Record<Level, number>;
  flagged: FlaggedCell[];
}

function judge(
  plan: Plan,
  level: Level,
  cell: Omit<FlaggedCell, "level">,
): void {
  plan.counts[level]++;
  if (level !== "OK") plan.flagged.push({ ...cell, level });
}

/** A column of flag cells from the first to the last row given. */
function flagColumn(addresses: readonly string[]): {
  ref: string;
  topLeft: string;
} {
  const cells = addresses.map((a) => parseAddress(a).start);
  const col = columnLetter(cells[0].col);
  const [first, last] = [
    Math.min(...cells.map((c) => c.row)),
    Math.max(...cells.map((c) => c.row)),
  ];
  return { ref: `${col}${first}:${col}${last}`, topLeft: `${col}${first}` };
}

function planPhase(
  plan: Plan,
  reads: Reads,
  read: Reads["phases"][number],
  thresholdsSheet: string,
  overrides: Overrides,
): void {
  const key = phaseSheetKey(read.n);
  const flags: string[] = [];
  read.rows.forEach(({ actuals, flag }, i) => {
    if (actuals.isNullObject || flag.isNullObject) return;
    const m = PHASE_METRICS[i];
    const a = parseAddress(actuals.address);
    const topLeft = `${columnLetter(a.start.col)}${a.start.row}`;
    const latest = `${columnLetter(a.end.col + 1)}${a.start.row}`;
    plan.rules.push(
      ...levelRules(
        key,
        `${topLeft}:${latest}`,
        topLeft,
        metricRuleHere(reads, thresholdsSheet, i, read.n),
      ),
    );
    flags.push(flag.address);
    const value = latestNumber((actuals.values as Grid)[0]);
    if (value === undefined) return;
    const rule = metricRule(m, read.n, overrides);
    judge(plan, levelOf(value, rule), {
      address: flag.address,
      sheet: a.sheet,
      measureId: m.id,
      phase: read.n,
      value,
      target: rule.threshold,
    });
  });
  if (flags.length) {
    const column = flagColumn(flags);
    plan.rules.push(...flagTextRules(key, column.ref, column.topLeft));
  }
}

/** Each group's rows: the indicator named in column A (rows a user inserted in the group included). */
function planRisks(
  plan: Plan,
  reads: Reads,
  thresholdsSheet: string,
  overrides: Overrides,
): void {
  const flags: string[] = [];
  for (const { actuals, ids, flag } of reads.risks) {
    if (actuals.isNullObject || flag.isNullObject) continue;
    const a = parseAddress(actuals.address);
    const flagCol = columnLetter(parseAddress(flag.address).start.col);
    flags.push(flag.address);
    (actuals.values as Grid).forEach((row, r) => {
      const found = resolve(String(ids.values[r]?.[0] ?? ""));
      if (found.kind !== "indicator") return;
      const rowNumber = a.start.row + r;
      const topLeft = `${columnLetter(a.start.col)}${rowNumber}`;
      const latest = `${columnLetter(a.end.col + 1)}${rowNumber}`;
      const flagAddress = quoted(a.sheet, `${flagCol}${rowNumber}`);
      plan.rules.push(
        ...levelRules(
          "risks",
          `${topLeft}:${latest}`,
          topLeft,
          indicatorRuleHere(
            reads,
            thresholdsSheet,
            RISK_INDICATORS.indexOf(found.indicator),
          ),
        ),
      );
      flags.push(flagAddress);
      const value = latestNumber(row);
      if (value === undefined) return;
      const rule = indicatorRule(found.indicator, overrides);
      judge(plan, levelOf(value, rule), {
        address: flagAddress,
        sheet: a.sheet,
        measureId: found.indicator.qualifiedId,
        phase: "R",
        value,
        target: rule.threshold,
      });
    });
  }
  if (flags.length) {
    const column = flagColumn(flags);
    plan.rules.push(...flagTextRules("risks", column.ref, column.topLeft));
  }
}

/** The dashboard's four risk levels sit below its phase cell (Scale_Phase), wherever that is now. */
function planDashboard(plan: Plan, reads: Reads): void {
  const phase = parseAddress(reads.dashboard.address).start;
  const row = (g: number) =>
    phase.row + DASHBOARD.riskRow(g) - DASHBOARD.phaseRow;
  const col = columnLetter(phase.col);
  const first = `${col}${row(0)}`;
  plan.rules.push(
    ...flagTextRules(
      "dashboard",
      `${first}:${col}${row(RISK_GROUPS.length - 1)}`,
      first,
    ),
  );
}

async function readTemplate(context: Excel.RequestContext): Promise<Reads> {
  try {
    const reads = queueReads(context);
    await context.sync();
    return reads;
  } catch (e) {
    throw toWorkbookError(e);
  }
}

/** The template's worksheets by sheet key, and the conditional formats loaded from each. */
function worksheetsByKey(reads: Reads): {
  sheets: Map<SheetKey, Excel.Worksheet>;
  collections: Excel.ConditionalFormatCollection[];
} {
  const sheets = new Map<SheetKey, Excel.Worksheet>([
    ["dashboard", reads.dashboard.worksheet],
  ]);
  const collections = [reads.dashboardRules];
  if (reads.risks.some((r) => !r.flag.isNullObject)) {
    sheets.set("risks", reads.risksSheet);
    collections.push(reads.risksRules);
  }
  for (const p of reads.phases) {
    if (p.rows.some((r) => !r.flag.isNullObject)) {
      sheets.set(phaseSheetKey(p.n), p.sheet);
      collections.push(p.rules);
    }
  }
  return { sheets, collections };
}

export async function refreshRiskFlags(
  context: Excel.RequestContext,
): Promise<RefreshResult> {
  const reads = await readTemplate(context);
  if (reads.dashboard.isNullObject || reads.targets[0].isNullObject)
    throw new WorkbookError("notInserted");
  const thresholdsSheet = parseAddress(reads.targets[0].address).sheet;
  const overrides = overridesFrom(reads);
  const plan: Plan = {
    rules: [],
    counts: { OK: 0, WATCH: 0, RISK: 0 },
    flagged: [],
  };
  for (const read of reads.phases)
    planPhase(plan, reads, read, thresholdsSheet, overrides);
  planRisks(plan, reads, thresholdsSheet, overrides);
  planDashboard(plan, reads);

  const { sheets, collections } = worksheetsByKey(reads);
  let rulesRemoved = 0;
  try {
    for (const collection of collections) {
      for (const cf of collection.items.filter(isOurs)) {
        cf.delete();
        rulesRemoved++;
      }
    }
    for (const rule of plan.rules) addRule(sheets.get(rule.sheet)!, rule);
    await context.sync();
  } catch (e) {
    throw toWorkbookError(e);
  }
  const order = (f: FlaggedCell) => LEVELS.indexOf(f.level);
  plan.flagged.sort(
    (a, b) =>
      order(b) - order(a) ||
      cellPosition(a.address.split("!")[1]).row -
        cellPosition(b.address.split("!")[1]).row,
  );
  return {
    counts: plan.counts,
    flagged: plan.flagged,
    rulesRemoved,
    rulesAdded: plan.rules.length,
    syncs: READ_AND_WRITE_SYNCS,
  };
}
