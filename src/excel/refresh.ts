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
  PerPhase,
  PhaseNumber,
  RISK_GROUPS,
  RISK_INDICATORS,
} from "../core/catalog";
import { indicatorRule, levelOf, metricRule } from "../core/evaluate";
import { resolve } from "../core/lookup";
import { Overrides } from "../core/overrides";
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
  sheet.load("name");
  return sheet
    .getRange()
    .conditionalFormats.load(
      "items/id,items/type,items/customOrNullObject/rule/formula",
    );
}

/** The last number in a row of months, or undefined. */
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
  targets: Excel.Range[];
  floors: Excel.Range[];
  thresholds: Excel.Range[];
}

function queueReads(
  context: Excel.RequestContext,
  phases: readonly PhaseNumber[],
): Reads {
  const phaseReads = phases.map((n) => {
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
      ids: actuals.getColumnsBefore(3).load("values"),
      flag: named(context, NAMES.riskFlag(g.id), "address"),
    };
  });
  const dashboard = named(context, NAMES.phase, "address");
  return {
    phases: phaseReads,
    risks,
    risksSheet: risks[0].flag.worksheet,
    risksRules: sheetRules(risks[0].flag.worksheet),
    dashboard,
    dashboardRules: sheetRules(dashboard.worksheet),
    targets: PHASE_METRICS.map((m) =>
      named(context, NAMES.target(m.id), "values,address"),
    ),
    floors: PHASE_METRICS.map((m) =>
      named(context, NAMES.floor(m.id), "values"),
    ),
    thresholds: RISK_INDICATORS.map((i) =>
      named(context, NAMES.riskThreshold(i.qualifiedId), "values"),
    ),
  };
}

function overridesFrom(reads: Reads): Overrides {
  const perPhase = (r: Excel.Range) =>
    r.isNullObject
      ? undefined
      : ((r.values[0] as number[]).slice(0, 4) as unknown as PerPhase);
  const targets = new Map<string, PerPhase>();
  const floors = new Map<string, PerPhase>();
  const riskThresholds = new Map<string, number>();
  PHASE_METRICS.forEach((m, i) => {
    const t = perPhase(reads.targets[i]);
    if (t) targets.set(m.id, t);
    const f = perPhase(reads.floors[i]);
    if (f) floors.set(m.id, f);
  });
  RISK_INDICATORS.forEach((ind, i) => {
    const r = reads.thresholds[i];
    if (!r.isNullObject && typeof r.values[0][0] === "number")
      riskThresholds.set(ind.qualifiedId, r.values[0][0]);
  });
  return { targets, floors, riskThresholds };
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
        metricLevelRule(thresholdsSheet, i, read.n),
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
    const flagCol = a.end.col + 3;
    flags.push(flag.address);
    (actuals.values as Grid).forEach((row, r) => {
      const found = resolve(String(ids.values[r]?.[0] ?? ""));
      if (found.kind !== "indicator") return;
      const rowNumber = a.start.row + r;
      const topLeft = `${columnLetter(a.start.col)}${rowNumber}`;
      const latest = `${columnLetter(a.end.col + 1)}${rowNumber}`;
      const flagAddress = quoted(
        a.sheet,
        `${columnLetter(flagCol)}${rowNumber}`,
      );
      plan.rules.push(
        ...levelRules(
          "risks",
          `${topLeft}:${latest}`,
          topLeft,
          indicatorLevelRule(thresholdsSheet, found.indicator),
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
  const first = `B${DASHBOARD.riskRow(0)}`;
  plan.rules.push(
    ...flagTextRules(
      "dashboard",
      `${first}:B${DASHBOARD.riskRow(RISK_GROUPS.length - 1)}`,
      first,
    ),
  );
}

async function readTemplate(context: Excel.RequestContext): Promise<Reads> {
  try {
    const reads = queueReads(context, PHASE_NUMBERS);
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
    ["risks", reads.risksSheet],
    ["dashboard", reads.dashboard.worksheet],
  ]);
  const collections = [reads.risksRules, reads.dashboardRules];
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
    planPhase(plan, read, thresholdsSheet, overrides);
  planRisks(plan, reads, thresholdsSheet, overrides);

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
