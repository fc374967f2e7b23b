/**
 * The risk-flag rules: which threshold cell a level compares against, and the conditional
 * formats that colour cells by level. describeWorkbook and the Excel refresh both build from here.
 */
import {
  LEVELS,
  PHASE_METRICS,
  PhaseMetric,
  PhaseNumber,
  RISK_INDICATORS,
  RiskIndicator,
  floorOf,
} from "../catalog";
import {
  LevelRule,
  absolute,
  columnLetter,
  onSheet,
  ruleCondition,
} from "./formulas";
import { THRESHOLDS } from "./layout";
import { TIMELINE_ROWS, TimelineRow } from "../timeline";
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

/** Three conditional formats (OK/WATCH/RISK) colouring `ref` by each cell's own level. */
export function levelRules(
  sheet: SheetKey,
  ref: string,
  topLeft: string,
  rule: LevelRule,
): ConditionalRule[] {
  return LEVELS.map((level) => ({
    sheet,
    ref,
    level,
    formula: ruleCondition(topLeft, rule, level),
  }));
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

/** Where the Tracking sheet's rows and months are (as built, or as refresh finds them through the names). */
export interface TrackingGeometry {
  /** Row of each timeline row, by key (rows a refresh cannot find are left out). */
  readonly rows: ReadonlyMap<string, number>;
  readonly firstMonthColumn: number;
  readonly lastMonthColumn: number;
  readonly targetPhaseRow: number;
  /** The row whose P1..P4 cells hold gross margin's floors. */
  readonly floorRow: number;
  /** The column of the P1 target (P2..P4 follow; an indicator's threshold sits here). */
  readonly targetColumn: number;
}

/** The rule a row's month cells are coloured by; undefined for a row with nothing to judge. */
function shapeOf(r: TimelineRow): string | undefined {
  const m = r.measure;
  if (m.kind === "input") return undefined;
  if (m.kind === "metric")
    return `metric|${m.direction}|${m.capped}|${m.floors !== undefined}`;
  return `indicator|${m.direction}|${m.strict}|${m.capped}`;
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
 * by its level against that month's target phase, every risk indicator's by its threshold. One
 * OK / WATCH / RISK triple per kind of rule over all the rows of that kind, reading thresholds
 * brought onto the sheet (P1..P4 columns, the floor row, the target phase row).
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
  const first = columnLetter(g.firstMonthColumn);
  const last = columnLetter(g.lastMonthColumn);
  const [p1, p4] = [g.targetColumn, g.targetColumn + 3].map(columnLetter);
  const rules: ConditionalRule[] = [];
  for (const { rows, row } of byShape.values()) {
    const areas = rowRuns(rows);
    const top = areas[0][0];
    const value = `${first}${top}`;
    const phase = `${first}$${g.targetPhaseRow}`;
    const m = row.measure as PhaseMetric | RiskIndicator;
    const rule: LevelRule =
      m.kind === "metric"
        ? {
            direction: m.direction,
            strict: false,
            capped: m.capped,
            threshold: `INDEX($${p1}${top}:$${p4}${top},1,${phase})`,
            floor: m.floors
              ? `INDEX($${p1}$${g.floorRow}:$${p4}$${g.floorRow},1,${phase})`
              : undefined,
          }
        : {
            direction: m.direction,
            strict: m.strict,
            capped: m.capped,
            threshold: `$${p1}${top}`,
          };
    const ref = areas.map(([a, b]) => `${first}${a}:${last}${b}`).join(" ");
    rules.push(
      ...LEVELS.map((level) => ({
        sheet: "tracking" as const,
        ref,
        level,
        formula: ruleCondition(value, rule, level),
      })),
    );
  }
  return rules;
}
