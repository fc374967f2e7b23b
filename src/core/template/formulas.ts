/**
 * Excel formula text for the template: references, and the OK/WATCH/RISK rule of
 * `evaluate.ts` written with functions Excel 2016 and LibreOffice both have.
 */
import {
  Direction,
  Level,
  PHASES,
  RECONCILIATION_TOLERANCE,
  WARNING_BAND,
} from "../catalog";
import { ChangeKind, changeTerms } from "../department-kpis";
import { ETA_LOOKBACK, ETA_ROUNDING, RELATIVE_TOLERANCE } from "../evaluate";
import { FIRST_PHASE, LAST_PHASE } from "../phases";
import { Derivation, YEAR } from "../timeline";
import { RULE_MARKER } from "./types";

export {
  absolute,
  cell,
  cellPosition,
  columnLetter,
  onSheet,
  parseAddress,
} from "../address";
export type { Address } from "../address";

export interface LevelRule {
  readonly direction: Direction;
  readonly strict: boolean;
  readonly capped: boolean;
  /** Reference to the threshold cell (usually on the Thresholds sheet). */
  readonly threshold: string;
  /** Reference to the floor cell, where the metric has one. */
  readonly floor?: string;
}

/** Same as `bandWidth` in evaluate.ts. */
function bandWidth(t: string, capped: boolean): string {
  return capped
    ? `${WARNING_BAND}*MIN(ABS(${t}),ABS(1-${t}))`
    : `${WARNING_BAND}*ABS(${t})`;
}

/**
 * The number `value` is compared with to be above (or below) `bound`, counting a value within the
 * core's relative tolerance of the bound as equal to it (evaluate.ts nearlyEqual): engines compare
 * exactly (Gnumeric) or to about 15 digits (LibreOffice, HyperFormula), so a value computed as
 * 0.0999999999999999 must not be judged by which engine computed it.
 */
function edge(side: ">" | "<", bound: string, orEqual: boolean): string {
  const slack = `${RELATIVE_TOLERANCE}*ABS(${bound})`;
  // >= : above bound - slack;  > : above bound + slack (and mirrored for <).
  return (side === ">") === orEqual ? `${bound}-${slack}` : `${bound}+${slack}`;
}

/** `value` above (or below) `bound`, with the core's tolerance. */
function compare(
  value: string,
  side: ">" | "<",
  bound: string,
  orEqual: boolean,
): string {
  return `${value}${side}=${edge(side, bound, orEqual)}`;
}

/** `value` meets `target` in `direction`, equal included, with the core's tolerance. */
export const atTarget = (value: string, target: string, direction: Direction) =>
  compare(value, direction === "higher" ? ">" : "<", target, true);

/**
 * A threshold cell that is empty or 0 switches its check off (product.md section 4). SUM() reads an
 * empty cell and text as 0 in Excel, LibreOffice, Gnumeric and HyperFormula alike; N() would too,
 * but Gnumeric (1.12.55) gives #NUM! for N() of an empty cell.
 */
const isOff = (ref: string) => `SUM(${ref})=0`;

const sideOf = (rule: LevelRule) => (rule.direction === "higher" ? ">" : "<");

/** True where `value` meets the rule's threshold: OK. */
const meets = (value: string, rule: LevelRule) =>
  compare(value, sideOf(rule), rule.threshold, !rule.strict);

/**
 * The number a value must reach (at least, or at most where lower is better) to be WATCH rather
 * than RISK, tolerance included: the band's edge, or the floor where one is set (a cleared floor
 * means the band).
 */
function watchLimit(rule: LevelRule): string {
  const t = rule.threshold;
  const higher = rule.direction === "higher";
  const band = edge(
    sideOf(rule),
    higher
      ? `(${t}-${bandWidth(t, rule.capped)})`
      : `(${t}+${bandWidth(t, rule.capped)})`,
    true,
  );
  return rule.floor !== undefined && higher
    ? `IF(${isOff(rule.floor)},${band},${edge(">", rule.floor, true)})`
    : band;
}

/** `value` reaches the WATCH limit in `limit` (a cell holding watchLimitFormula). */
const reaches = (value: string, rule: LevelRule, limit: string) =>
  `${value}${sideOf(rule)}=${limit}`;

/**
 * `then` where the rule's threshold (and floor) hold numbers; #N/A for text in either (as SCALE.*
 * given the table says, product.md section 4); "" where the threshold is switched off.
 */
function whereJudged(rule: LevelRule, then: string): string {
  const t = rule.threshold;
  const text =
    rule.floor !== undefined
      ? `OR(ISTEXT(${t}),ISTEXT(${rule.floor}))`
      : `ISTEXT(${t})`;
  return `IF(${text},NA(),IF(${isOff(t)},"",${then}))`;
}

/**
 * "OK", "WATCH" or "RISK" for the number in `value`, "" where the threshold is switched off; the
 * same rule as `levelOf` and `metricRule` in evaluate.ts.
 */
export function levelFormula(value: string, rule: LevelRule): string {
  return whereJudged(
    rule,
    `IF(${meets(value, rule)},"OK",IF(${reaches(value, rule, `(${watchLimit(rule)})`)},"WATCH","RISK"))`,
  );
}

/** Blank until the value is a number, then its level. */
export function flagFormula(value: string, rule: LevelRule): string {
  return `IF(ISNUMBER(${value}),${levelFormula(value, rule)},"")`;
}

/**
 * The flag, and RISK whatever the value where `fails` holds (a number that is only a lower bound
 * and already misses: a channel's spend with no customer, as its CAC), but only where the rule
 * judges at all: blank for a switched-off threshold, #N/A for text in it, as every flag (product.md 4).
 */
export function flagFailingWhen(
  value: string,
  rule: LevelRule,
  fails: string,
): string {
  return whereJudged(rule, `IF(${fails},"RISK",${flagFormula(value, rule)})`);
}

/**
 * A helper cell for the colour rules: the rule's WATCH limit, "" where the check is off, #N/A for
 * text in the threshold or floor. A rule then compares with it, short enough for Excel's rule
 * editor (limits.ts), and a cell whose limit is not a number gets no colour.
 */
export function watchLimitFormula(rule: LevelRule): string {
  return whereJudged(rule, watchLimit(rule));
}

/**
 * Conditional-format condition: true where the cell holds a number at `level`. `limit` is the
 * cell holding the rule's watchLimitFormula; `rule.threshold` the threshold itself.
 */
export function ruleCondition(
  value: string,
  rule: LevelRule,
  limit: string,
  level: Level,
): string {
  const judged = `ISNUMBER(${value}),ISNUMBER(${limit})`;
  const ok = meets(value, rule);
  const reached = reaches(value, rule, limit);
  const condition =
    level === "OK"
      ? ok
      : level === "WATCH"
        ? `NOT(${ok}),${reached}`
        : `NOT(${ok}),NOT(${reached})`;
  return `AND(${judged},${condition},${RULE_MARKER})`;
}

/**
 * Shortfall to the target: positive = still to go (same sign rule as `gapOf`); blank where the
 * target is off. `scale` 100 gives a percentage's gap in percentage points.
 */
export function gapFormula(
  value: string,
  target: string,
  direction: Direction,
  scale = 1,
): string {
  const diff =
    direction === "higher" ? `${target}-${value}` : `${value}-${target}`;
  const scaled = scale === 1 ? diff : `${scale}*(${diff})`;
  return `IF(AND(ISNUMBER(${value}),ISNUMBER(${target})),IF(${isOff(target)},"",${scaled}),"")`;
}

/** The change from a baseline as a fraction of it, as department-kpis.ts relativeChange computes it, for two numbers. */
export function relativeChangeFormula(
  kind: ChangeKind,
  baseline: string,
  value: string,
): string {
  const [from, less] = changeTerms(kind, baseline, value);
  return `(${from}-${less})/${baseline}`;
}

/** A sheet's change from a baseline: blank until both are numbers, and unless the baseline is above 0 (relativeChange). */
export function changeFromBaselineFormula(
  kind: ChangeKind,
  baseline: string,
  value: string,
): string {
  return `IF(AND(ISNUMBER(${baseline}),ISNUMBER(${value})),IF(${baseline}>0,${relativeChangeFormula(kind, baseline, value)},""),"")`;
}

/** 1 where the value meets the target, 0 where not, "" when blank or the target is switched off. */
export function meetsFormula(
  value: string,
  target: string,
  direction: Direction,
): string {
  // Text in the threshold is an error, as in the flags (product.md section 4), never a check switched off.
  return `IF(ISNUMBER(${value}),IF(ISTEXT(${target}),NA(),IF(${isOff(target)},"",IF(${atTarget(value, target, direction)},1,0))),"")`;
}

/** A threshold shown as a number, blank where it is switched off. */
export function thresholdShown(threshold: string): string {
  return `IF(ISTEXT(${threshold}),NA(),IF(${isOff(threshold)},"",${threshold}))`;
}

/*
 * A column inserted inside the month block must not be skipped. Most month cells read only their
 * own column, or the month before through a two-cell range from it to their own column (which
 * widens when a column is inserted between them, so "the column before mine" stays true). Only the
 * as-of chains read the month before by address, since a range over their own row would include
 * themselves; refresh gives the month after an inserted one those formulas again. Every month past
 * the first holds its neighbour's formula moved by one column, and no range grows with the months
 * (product.md 6.7: recalculation linear in months).
 */

/** The month's position on the timeline, from its own column (so it follows inserted columns). */
export function monthNumberFormula(firstHeader: string): string {
  return `COLUMN()-COLUMN(${firstHeader})+1`;
}

/** Months from the company's start month to the timeline's first month (0 without a start month): month t is the company's month t + this. */
export function startOffsetFormula(firstHeader: string, start: string): string {
  return `IF(ISNUMBER(${start}),(YEAR(${firstHeader})-YEAR(${start}))*12+MONTH(${firstHeader})-MONTH(${start}),0)`;
}

/** A month header after the first: the first month's date moved on by the month's position. */
export function monthHeaderFormula(
  firstHeader: string,
  monthNumber: string,
): string {
  return `DATE(YEAR(${firstHeader}),MONTH(${firstHeader})+${monthNumber}-1,1)`;
}

/** The cell just before this month's in a row, through the two-cell range `before:own` (wider after an insertion). */
export function monthBefore(beforeToOwn: string): string {
  return `INDEX(${beforeToOwn},1,COLUMNS(${beforeToOwn})-1)`;
}

/** The as-of value: this month's number, else the previous month's as-of value (product.md 6.4). */
export function asOfFormula(value: string, previous?: string): string {
  return `IF(ISNUMBER(${value}),${value},${previous ?? '""'})`;
}

/**
 * A month row's value in the reporting month (`reportingIndex`, its position on the timeline), ""
 * while there is no reporting month or the month holds no number: what the Departments, Channels
 * and Tools sheets show beside a row as of the reporting month.
 */
export function atReportingMonthFormula(
  months: string,
  reportingIndex: string,
): string {
  const value = `INDEX(${months},1,${reportingIndex})`;
  return `IF(ISNUMBER(${reportingIndex}),${asOfFormula(value)},"")`;
}

/** The month (position) the as-of value is from. */
export function asOfMonthFormula(
  value: string,
  monthNumber: string,
  previous?: string,
): string {
  return `IF(ISNUMBER(${value}),${monthNumber},${previous ?? '""'})`;
}

/** The last month in which any input row holds a number: the latest of their as-of months this month. */
export function lastInputFormula(asOfMonths: readonly string[]): string {
  const all = asOfMonths.join(",");
  return `IF(COUNT(${all})=0,"",MAX(${all}))`;
}

const allNumbers = (refs: readonly string[]) =>
  refs.length === 1
    ? `ISNUMBER(${refs[0]})`
    : `AND(${refs.map((r) => `ISNUMBER(${r})`).join(",")})`;

/**
 * The cell `k` months before the last of `window` (a row's range from some month to this one):
 * read from the window's right end, so a column inserted inside it, which widens it, leaves
 * "k months before" true.
 */
const monthsBack = (window: string, k: number) =>
  `INDEX(${window},1,COLUMNS(${window})${k > 0 ? `-${k}` : ""})`;

/**
 * A 12-month measure (product.md 12): the product of `term` over the last 12 months of `window` (the
 * input row from 11 months before this one, or from the first month), blank unless all 12 are
 * numbers. Twelve cells read one by one from the window's end: a range whose size is fixed keeps
 * the cost per month constant (product.md 6.7). Each is checked with ISNUMBER, not COUNT: through
 * INDEX, HyperFormula counts a formula's "" as a number and multiplies it as 0.
 */
function lastYearProductFormula(
  window: string,
  term: (cell: string) => string,
): string {
  const cells = Array.from({ length: YEAR }, (_, i) =>
    monthsBack(window, YEAR - 1 - i),
  );
  return `IF(COLUMNS(${window})<${YEAR},"",IF(${allNumbers(cells)},${cells.map(term).join("*")},""))`;
}

/**
 * A derived row's month cell (product.md 6.3 and 12), from the inputs' cells of the same month (and
 * of the month before, for the growth rates and the MRR movements' rates; none in the first
 * month), and for the 12-month measures the first input's `window` (DERIVATIONS' span months
 * before this one to this one, from the first month in the first year): the rule of DERIVATIONS.
 */
export function derivedFormula(
  derivation: Derivation,
  now: readonly string[],
  before: readonly string[] | undefined,
  window?: string,
): string {
  const [a, b, c, d, e] = now;
  const p = before?.[0];
  switch (derivation) {
    case "arr":
      return `IF(ISNUMBER(${a}),12*${a},"")`;
    case "mrr_growth":
    case "customer_growth": {
      if (!before) return '""';
      const p = before[0];
      return `IF(${allNumbers([a, p])},IF(${p}>0,${a}/${p}-1,""),"")`;
    }
    case "revenue_per_employee":
      return `IF(${allNumbers([a, b])},IF(${b}>0,12*${a}/${b},""),"")`;
    case "ltv_cac":
      return `IF(${allNumbers(now)},IF(AND(${b}>0,${d}>0,${e}>0),${a}/${b}*${c}/${d}/${e},""),"")`;
    case "cash_runway":
      return `IF(${allNumbers([a, b])},IF(${b}>0,${a}/${b},""),"")`;
    case "turnover":
      return `IF(ISNUMBER(${a}),1-${a},"")`;
    case "net_new_mrr":
      return `IF(${allNumbers(now)},${a}+${b}-${c}-${d},"")`;
    case "mrr_reconciliation":
      if (!p) return '""';
      return `IF(${allNumbers([a, p, b])},${a}-${p}-${b},"")`;
    case "revenue_churn":
      if (!p) return '""';
      return `IF(${allNumbers([p, b, c])},IF(${p}>0,(${b}+${c})/${p},""),"")`;
    case "nrr":
      if (!p) return '""';
      return `IF(${allNumbers([p, b, c, d])},IF(${p}>0,(${p}+${b}-${c}-${d})/${p},""),"")`;
    case "nrr_12m":
      return lastYearProductFormula(window!, (x) => x);
    case "grr_12m":
      return lastYearProductFormula(window!, (x) => `(1-${x})`);
    case "quick_ratio":
      return `IF(${allNumbers(now)},IF(${c}+${d}>0,(${a}+${b})/(${c}+${d}),""),"")`;
    case "cac_payback":
      // Nested, not AND: Excel's AND evaluates every argument, and b/c with c = 0 is #DIV/0!.
      return `IF(${allNumbers(now)},IF(${c}>0,IF(${b}/${c}*${d}>0,${a}/(${b}/${c}*${d}),""),""),"")`;
    case "burn_multiple":
      return `IF(${allNumbers([a, b])},IF(${b}>0,${a}/(12*${b}),""),"")`;
    case "arr_growth_yoy": {
      const yearBefore = monthsBack(window!, YEAR);
      return `IF(COLUMNS(${window})<${YEAR + 1},"",IF(${allNumbers([a, yearBefore])},IF(${yearBefore}>0,${a}/${yearBefore}-1,""),""))`;
    }
    case "rule_of_40":
      return `IF(${allNumbers([a, b])},${a}+${b},"")`;
  }
}

/**
 * True where the MRR reconciliation `value` is larger than RECONCILIATION_TOLERANCE (0.5%) of the
 * month before's MRR `mrrBefore`: the movements do not explain the MRR change (product.md 12). A
 * size within the core's tolerance of the limit is at it (timeline.ts reconciliationLevel).
 */
export function unexplainedFormula(value: string, mrrBefore: string): string {
  const limit = `${RECONCILIATION_TOLERANCE}*${mrrBefore}`;
  // Strictly past the limit and its slack: a reconciliation of 0 against an MRR of 0 is explained.
  return `ABS(${value})>${limit}+${RELATIVE_TOLERANCE}*ABS(${limit})`;
}

/**
 * The reconciliation's flag as of the reporting month: its `latest` value, from month `month` (a
 * position), judged against the MRR of the month before that one in `mrrMonths`; blank where
 * either is missing.
 */
export function reconciliationFlagFormula(
  latest: string,
  month: string,
  mrrMonths: string,
): string {
  const mrrBefore = `INDEX(${mrrMonths},1,${month}-1)`;
  return `IF(ISNUMBER(${latest}),IF(N(${month})>1,IF(ISNUMBER(${mrrBefore}),IF(${unexplainedFormula(latest, mrrBefore)},"RISK","OK"),""),""),"")`;
}

/** Share of the judged metrics meeting the phase; blank when none is judged. */
export function scoreFormula(met: string, judged: string): string {
  return `IF(N(${judged})=0,"",${met}/${judged})`;
}

/**
 * The highest phase whose score reaches the minimum share (empty share cell: 100%); 0 when none
 * does; blank when no metric has a value. Phases are checked each on its own (evaluate.phaseReached).
 */
export function phaseReachedFormula(
  asOfMetrics: string,
  scores: readonly string[],
  minShare: string,
): string {
  // An empty, 0 or negative share (a pasted value skips the cell's validation) is 100%, as refresh
  // reads it. SUM, not N: Gnumeric gives #NUM! for N() of an empty cell (isOff).
  const share = `IF(SUM(${minShare})>0,${minShare},1)-${RELATIVE_TOLERANCE}`;
  // Phase 1 innermost, phase 4 outermost: the highest phase that qualifies wins.
  const reached = scores.reduce(
    (otherwise, score, i) =>
      `IF(AND(ISNUMBER(${score}),N(${score})>=${share}),${i + 1},${otherwise})`,
    "0",
  );
  return `IF(COUNT(${asOfMetrics})=0,"",${reached})`;
}

/** The phase the schedule expects by month `monthNumber` (catalog PHASES' expectedFrom). */
export function expectedFormula(monthNumber: string): string {
  return PHASES.reduce(
    (otherwise, p) =>
      `IF(${monthNumber}>=${p.expectedFrom},${p.number},${otherwise})`,
    "0",
  );
}

/** Blank in months after the data ends: after the last month in which any input row holds a number (product.md 6.4, 3rd ed.). */
export function whileDataFormula(
  monthNumber: string,
  dataEnd: string,
  formula: string,
): string {
  return `IF(${monthNumber}>N(${dataEnd}),"",${formula})`;
}

/**
 * A chart's copy of a computed row's cell: its number, or #N/A where it is blank. A line chart plots
 * text (the "" of a blank month) as 0, in Excel as in LibreOffice, and does not plot #N/A (Excel's
 * "Hidden and Empty Cells" options treat only truly empty cells as gaps; Excel 365 adds "Show #N/A as
 * an empty cell": "Another Approach to Plotting Gaps in Excel Charts", peltiertech.com, 2014), so
 * the line stops where the data does instead of dropping to 0.
 */
export const plottedFormula = (value: string) =>
  `IF(ISNUMBER(${value}),${value},NA())`;

/** The phase a month is judged against, as phases.ts's targetPhaseOf: one past the phase reached, at most the last; the first where none is reached. */
export function targetPhaseFormula(phase: string): string {
  return `IF(ISNUMBER(${phase}),MIN(${phase}+1,${LAST_PHASE}),${FIRST_PHASE})`;
}

/** The worst level among `range`'s level cells (blank ones skipped); blank when none. */
export function worstLevelFormula(range: string): string {
  return `IF(COUNTIF(${range},"RISK")>0,"RISK",IF(COUNTIF(${range},"WATCH")>0,"WATCH",IF(COUNTIF(${range},"OK")>0,"OK","")))`;
}

export interface EtaCells {
  /** The as-of value at the reporting month: v(m). */
  readonly current: string;
  /** The target phase's target, blank where switched off. */
  readonly target: string;
  /** The month of the as-of value at the reporting month: m (a position on the timeline). */
  readonly month: string;
  /** The metric's as-of row (every month). */
  readonly asOfRow: string;
  /** The metric's as-of month row (every month): the position of the last number at or before it. */
  readonly asOfMonthRow: string;
  readonly notAvailable: string;
}

/**
 * Whole months to the target from observations (product.md 6.5, 3rd ed.): evaluate.etaAt, as a
 * formula. m' = the as-of month at m - 3, v(m') its as-of value, read from the month-by-month
 * chains, so the cost does not grow with the timeline.
 */
export function etaFormula(c: EtaCells): string {
  const na = `"${c.notAvailable}"`;
  const back = `${c.month}-${ETA_LOOKBACK}`;
  const before = `INDEX(${c.asOfRow},1,${back})`;
  const beforeMonth = `INDEX(${c.asOfMonthRow},1,${back})`;
  const growth = `(${c.current}/${before})^(1/(${c.month}-${beforeMonth}))-1`;
  const months = `LN(${c.target}/${c.current})/LN(1+(${growth}))`;
  return (
    `IF(OR(NOT(ISNUMBER(${c.current})),NOT(ISNUMBER(${c.target}))),"",` +
    `IF(${atTarget(c.current, c.target, "higher")},0,` +
    `IF(N(${c.month})<=${ETA_LOOKBACK},${na},` +
    `IF(NOT(ISNUMBER(${before})),${na},` +
    `IF(OR(${before}<=0,${c.current}<=0),${na},` +
    `IF(${growth}<=${RELATIVE_TOLERANCE},${na},` +
    `MAX(1,ROUNDUP(${months}-${ETA_ROUNDING},0))))))))`
  );
}

/** The current value as a share of the target (target ÷ value where lower is better); blank without both. */
export function progressFormula(
  value: string,
  target: string,
  direction: Direction,
): string {
  const share =
    direction === "higher" ? `${value}/${target}` : `${target}/${value}`;
  return `IF(AND(ISNUMBER(${value}),ISNUMBER(${target})),IF(${direction === "higher" ? target : value}=0,"",${share}),"")`;
}

/** Actual against budget, positive where that is good for the measure: actual - budget where higher is better, budget - actual where lower is. */
const betterThanBudget = (
  actual: string,
  budget: string,
  direction: Direction,
) => (direction === "higher" ? `${actual}-${budget}` : `${budget}-${actual}`);

/**
 * The variance (product.md 12, "Budget"): blank without both; `scale` 100 gives a percentage's
 * variance in percentage points, as a gap.
 */
export function varianceFormula(
  actual: string,
  budget: string,
  direction: Direction,
  scale = 1,
): string {
  const difference = betterThanBudget(actual, budget, direction);
  const scaled = scale === 1 ? difference : `${scale}*(${difference})`;
  return `IF(AND(ISNUMBER(${actual}),ISNUMBER(${budget})),${scaled},"")`;
}

/** The variance as a share of the budget's size; blank without both or where the budget is 0. */
export function variancePercentFormula(
  actual: string,
  budget: string,
  direction: Direction,
): string {
  const difference = betterThanBudget(actual, budget, direction);
  return `IF(AND(ISNUMBER(${actual}),ISNUMBER(${budget})),IF(${budget}=0,"",(${difference})/ABS(${budget})),"")`;
}
