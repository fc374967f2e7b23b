/**
 * Excel formula text for the template: references, and the OK/WATCH/RISK rule of
 * `evaluate.ts` written with functions Excel 2016 and LibreOffice both have.
 */
import { Direction, Level, WARNING_BAND } from "../catalog";
import { RULE_MARKER } from "./types";

export function columnLetter(index: number): string {
  let n = index;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const cell = (column: number, row: number): string =>
  `${columnLetter(column)}${row}`;
/** "D4" or "$D$4" -> 1-based column and row. */
export function cellPosition(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`Not a cell reference: ${ref}`);
  return {
    col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0),
    row: Number(m[2]),
  };
}

export interface Address {
  readonly sheet: string;
  readonly start: { col: number; row: number };
  readonly end: { col: number; row: number };
}

/** "'Phase 1'!$D$4:$I$4" or "Risks!R4" (as Excel reports addresses) -> sheet and corners. */
export function parseAddress(address: string): Address {
  const bang = address.lastIndexOf("!");
  const rawSheet = address.slice(0, bang);
  const sheet = rawSheet.startsWith("'")
    ? rawSheet.slice(1, -1).replace(/''/g, "'")
    : rawSheet;
  const [from, to] = address.slice(bang + 1).split(":");
  return { sheet, start: cellPosition(from), end: cellPosition(to ?? from) };
}

export const absolute = (column: number, row: number): string =>
  `$${columnLetter(column)}$${row}`;

/** `'Sheet name'!ref`, quoted as Excel requires. */
export function onSheet(sheetName: string, ref: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${ref}`;
}

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
 * A threshold cell that is empty or 0 switches its check off (product.md section 4). N() reads an
 * empty cell and text as 0, in Excel, LibreOffice, Gnumeric and HyperFormula alike.
 */
const isOff = (ref: string) => `N(${ref})=0`;

/**
 * "OK", "WATCH" or "RISK" for the number in `value`, "" where the threshold is switched off; the
 * same rule as `levelOf` and `metricRule` in evaluate.ts. A cleared floor means no floor: the band.
 */
export function levelFormula(value: string, rule: LevelRule): string {
  const t = rule.threshold;
  const higher = rule.direction === "higher";
  const meets = `${value}${higher ? ">" : "<"}${rule.strict ? "" : "="}${t}`;
  const band = higher
    ? `${value}>=${t}-${bandWidth(t, rule.capped)}`
    : `${value}<=${t}+${bandWidth(t, rule.capped)}`;
  const watch =
    rule.floor !== undefined && higher
      ? `IF(${isOff(rule.floor)},${band},${value}>=${rule.floor})`
      : band;
  // Text in a threshold or floor cell is an error, as SCALE.* given the table says (product.md section 4).
  const text =
    rule.floor !== undefined
      ? `OR(ISTEXT(${t}),ISTEXT(${rule.floor}))`
      : `ISTEXT(${t})`;
  return `IF(${text},NA(),IF(${isOff(t)},"",IF(${meets},"OK",IF(${watch},"WATCH","RISK"))))`;
}

/** Blank until the value is a number, then its level. */
export function flagFormula(value: string, rule: LevelRule): string {
  return `IF(ISNUMBER(${value}),${levelFormula(value, rule)},"")`;
}

/** Conditional-format condition: true where the cell holds a number at `level`. */
export function ruleCondition(
  value: string,
  rule: LevelRule,
  level: Level,
): string {
  return `AND(ISNUMBER(${value}),${levelFormula(value, rule)}="${level}",${RULE_MARKER})`;
}

/**
 * Latest number in a row of months (blank if none). SUMPRODUCT evaluates its argument as an
 * array without array entry in Excel 2016 and LibreOffice alike; LOOKUP(9.99E+307, ...) does
 * not survive blank cells in LibreOffice.
 */
export function latestFormula(range: string): string {
  const first = range.split(":")[0];
  const lastColumn = `SUMPRODUCT(MAX(ISNUMBER(${range})*(COLUMN(${range})-COLUMN(${first})+1)))`;
  return `IF(COUNT(${range})=0,"",INDEX(${range},1,${lastColumn}))`;
}

/** Shortfall to the target: positive = still to go (same sign rule as `gapOf`); blank where the target is off. */
export function gapFormula(
  value: string,
  target: string,
  direction: Direction,
): string {
  const diff =
    direction === "higher" ? `${target}-${value}` : `${value}-${target}`;
  return `IF(AND(ISNUMBER(${value}),NOT(${isOff(target)})),${diff},"")`;
}

/** 1 where the value meets the target, 0 where not, "" when blank or the target is switched off. */
export function meetsFormula(
  value: string,
  target: string,
  direction: Direction,
): string {
  return `IF(ISNUMBER(${value}),IF(${isOff(target)},"",IF(${value}${direction === "higher" ? ">=" : "<="}${target},1,0)),"")`;
}

/** A threshold shown as a number, blank where it is switched off. */
export function thresholdShown(threshold: string): string {
  return `IF(${isOff(threshold)},"",${threshold})`;
}
