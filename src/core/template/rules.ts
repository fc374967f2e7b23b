/**
 * The risk-flag rules: which threshold cell a level compares against, and the conditional
 * formats that colour cells by level. describeWorkbook and the Excel refresh both build from here.
 */
import {
  CONTEXT_THRESHOLDS,
  ContextThreshold,
  LEVELS,
  Level,
  OtherInput,
  PHASE_METRICS,
  PhaseMetric,
  PhaseNumber,
  RISK_INDICATORS,
  RiskIndicator,
  contextOf,
  floorOf,
} from "../catalog";
import {
  LevelRule,
  absolute,
  columnLetter,
  onSheet,
  ruleCondition,
  unexplainedFormula,
} from "./formulas";
import { THRESHOLDS, TRACKING_COLUMNS as COL } from "./layout";
import { RECONCILIATION_KEY, TIMELINE_ROWS, TimelineRow } from "../timeline";
import { ConditionalRule, RULE_MARKER, SheetKey } from "./types";

/** Phase metric `index` judged against phase n's target (and floor) on the Thresholds sheet. */
export function metricLevelRule(
  thresholdsSheet: string,
  index: number,
  n: PhaseNumber,
): LevelRule {
  const m = PHASE_METRICS[index];
  const row = THRESHOLDS.metricRow(index);
  return {
    direction: m.direction,
    strict: false,
    capped: m.capped,
    threshold: onSheet(
      thresholdsSheet,
      absolute(THRESHOLDS.targetColumn(n), row),
    ),
    floor:
      floorOf(m, n) === undefined
        ? undefined
        : onSheet(thresholdsSheet, absolute(THRESHOLDS.floorColumn(n), row)),
  };
}

/** A risk indicator judged against its threshold on the Thresholds sheet. */
export function indicatorLevelRule(
  thresholdsSheet: string,
  indicator: RiskIndicator,
): LevelRule {
  const row = THRESHOLDS.indicatorRow(RISK_INDICATORS.indexOf(indicator));
  return {
    direction: indicator.direction,
    strict: indicator.strict,
    capped: indicator.capped,
    threshold: onSheet(
      thresholdsSheet,
      absolute(THRESHOLDS.thresholdColumn, row),
    ),
  };
}

/**
 * A SaaS measure judged against its convention in the Thresholds sheet's third table (product.md
 * 12, 14): the band rule of section 4, as a risk indicator's (met at the threshold itself).
 */
export function contextLevelRule(
  thresholdsSheet: string,
  measure: OtherInput,
  context: ContextThreshold,
): LevelRule {
  const row = THRESHOLDS.contextRow(CONTEXT_THRESHOLDS.indexOf(context));
  return {
    direction: measure.direction,
    strict: false,
    capped: measure.capped,
    threshold: onSheet(
      thresholdsSheet,
      absolute(THRESHOLDS.thresholdColumn, row),
    ),
  };
}

/** Three conditional formats colouring flag cells by the level text their formulas show. */
export function flagTextRules(
  sheet: SheetKey,
  ref: string,
  topLeft: string,
): ConditionalRule[] {
  return LEVELS.map((level) => ({
    sheet,
    ref,
    level,
    formula: `AND(${topLeft}="${level}",${RULE_MARKER})`,
  }));
}

/**
 * The dashboard's variances (product.md 12, "Budget"): OK's green where positive (better than
 * budget), RISK's red where negative; nothing where blank or exactly on budget. Two custom-formula
 * rules over one range (a rule's id is its priority and each add goes on top:
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat; addRules keeps the
 * order), their formula written for the range's top-left cell and moved along for the others, as
 * Excel reads a custom rule (the example of
 * https://learn.microsoft.com/javascript/api/office-scripts/excelscript/excelscript.conditionalformatrule).
 * ISNUMBER first: Excel ranks text above every number, so "" > 0 would be TRUE.
 */
export function varianceRules(
  sheet: SheetKey,
  ref: string,
  topLeft: string,
): ConditionalRule[] {
  const conditions: [Level, string][] = [
    ["OK", ">0"],
    ["RISK", "<0"],
  ];
  return conditions.map(([level, sign]) => ({
    sheet,
    ref,
    level,
    formula: `AND(ISNUMBER(${topLeft}),${topLeft}${sign},${RULE_MARKER})`,
  }));
}

/** Where the Tracking sheet's rows and months are (as built, or as refresh finds them through the names). */
export interface TrackingGeometry {
  /** Row of each timeline row, by key (rows a refresh cannot find are left out). */
  readonly rows: ReadonlyMap<string, number>;
  readonly firstMonthColumn: number;
  readonly lastMonthColumn: number;
  readonly targetPhaseRow: number;
}

/**
 * The rule a row's month cells are coloured by; undefined for a row with nothing to judge. The
 * band and floor are in the row's WATCH limits, so only the comparisons tell rules apart.
 */
function shapeOf(r: TimelineRow): string | undefined {
  const m = r.measure;
  // A measure with a convention is coloured as a risk indicator with the same comparison.
  if (m.kind === "input")
    return contextOf(m.id) ? `indicator|${m.direction}|false` : undefined;
  if (m.kind === "metric") return `metric|${m.direction}`;
  return `indicator|${m.direction}|${m.strict}`;
}

/** Rows as runs of consecutive rows: one area (or one validation) each. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/**
 * The Tracking sheet's colours (product.md 6.5, 6.7): every month cell of a phase metric's row
 * by its level against that month's target phase, every risk indicator's by its threshold (and a
 * SaaS measure's by its convention, with the indicators that compare the same way). One
 * OK / WATCH / RISK triple per kind of rule over all the rows of that kind, each rule comparing
 * the month with its row's P1..P4 targets and WATCH limits (brought onto the sheet by formulas),
 * so that no rule is longer than Excel's rule editor takes (limits.ts).
 */
export function trackingLevelRules(g: TrackingGeometry): ConditionalRule[] {
  const byShape = new Map<string, { rows: number[]; row: TimelineRow }>();
  for (const r of TIMELINE_ROWS) {
    const shape = shapeOf(r);
    const at = g.rows.get(r.key);
    if (shape === undefined || at === undefined) continue;
    const entry = byShape.get(shape) ?? { rows: [], row: r };
    entry.rows.push(at);
    byShape.set(shape, entry);
  }
  // The left block's columns, where they sit relative to the first month (wherever refresh finds it).
  const left = (column: number) =>
    columnLetter(g.firstMonthColumn - (COL.firstMonth - column));
  const first = columnLetter(g.firstMonthColumn);
  const last = columnLetter(g.lastMonthColumn);
  const rules: ConditionalRule[] = [];
  for (const { rows, row } of byShape.values()) {
    const areas = rowRuns(rows);
    const top = areas[0][0];
    const phase = `${first}$${g.targetPhaseRow}`;
    // A metric's row reads the target phase's cell of its four; an indicator's, its one.
    const of = (column: (n: PhaseNumber) => number) =>
      row.measure.kind === "metric"
        ? `INDEX($${left(column(1))}${top}:$${left(column(4))}${top},1,${phase})`
        : `$${left(column(1))}${top}`;
    const m = row.measure as PhaseMetric | RiskIndicator | OtherInput;
    const rule: LevelRule = {
      direction: m.direction,
      strict: m.kind === "indicator" && m.strict,
      capped: m.capped,
      threshold: of(COL.phaseTarget),
    };
    const ref = areas.map(([a, b]) => `${first}${a}:${last}${b}`).join(" ");
    rules.push(
      ...LEVELS.map((level) => ({
        sheet: "tracking" as const,
        ref,
        level,
        formula: ruleCondition(
          `${first}${top}`,
          rule,
          of(COL.watchLimit),
          level,
        ),
      })),
    );
  }
  rules.push(...reconciliationRules(g));
  return rules;
}

/**
 * The MRR reconciliation's month cells from the second month on (product.md 12): RISK where the
 * movements do not explain the MRR change (its size over 0.5% of the month before's MRR, the cell
 * left of it on the MRR row), OK where they do. Two rules: there is no band, so no WATCH.
 */
function reconciliationRules(g: TrackingGeometry): ConditionalRule[] {
  const row = g.rows.get(RECONCILIATION_KEY);
  const mrr = g.rows.get("mrr");
  if (row === undefined || mrr === undefined) return [];
  const second = columnLetter(g.firstMonthColumn + 1);
  const value = `${second}${row}`;
  const mrrBefore = `${columnLetter(g.firstMonthColumn)}${mrr}`;
  const judged = `ISNUMBER(${value}),ISNUMBER(${mrrBefore})`;
  const unexplained = unexplainedFormula(value, mrrBefore);
  const ref = `${value}:${columnLetter(g.lastMonthColumn)}${row}`;
  const conditions: [Level, string][] = [
    ["OK", `NOT(${unexplained})`],
    ["RISK", unexplained],
  ];
  return conditions.map(([level, condition]) => ({
    sheet: "tracking",
    ref,
    level,
    formula: `AND(${judged},${condition},${RULE_MARKER})`,
  }));
}
