/**
 * Inspect a selection, planned without a host: rows of (metric, value) or metric rows with
 * months, judged by the SCALE functions themselves so the pane and the sheet always agree; and
 * "Write formulas beside the selection": SCALE formulas that reference the user's own cells,
 * planned from what the selection and the column to its right hold. The formulas agree with
 * Inspect's table (product.md 11): the same targets, each row's own phase.
 */
import { Language, OtherInput, Unit } from "../../core/catalog";
import { Cell, isBlank } from "../../core/cell";
import { targetPhaseOf } from "../../core/phases";
import { contextMeasureNamed, resolve } from "../../core/lookup";
import { isExcelError } from "../../functions/errors";
import { gap, phase, risk, target } from "../../functions/functions";
import { functionName } from "../../functions/spanish";
import { cell, onSheet, parseAddress } from "../../core/address";
import { isFormula } from "../cells";
import { InspectedKpi, NamedCells, inspectSeedCells } from "./seed-plan";

/** The used part of the selection, and the template's targets when the workbook has them. */
export interface SelectedCells {
  values: Cell[][];
  /** As Excel gives them: "=..." for a formula, else the value. */
  formulas: Cell[][];
  /** Rows (id, P1, P2, P3, P4) read from the Thresholds sheet's Target_<metric> names; empty without a template. */
  targets: Cell[][];
  /**
   * The SaaS measures' conventions as the Thresholds sheet's third table holds them (read through
   * their Threshold_<id> names), as an Id/Threshold range the functions read. Empty or absent without a template.
   */
  contextThresholds?: Cell[][];
  /** The used part's address, as Excel gives it ("Áreas!S12:T12"). */
  address?: string;
  /** The Departments and Channels sheets' names covering the selection (and what they are judged with), as read. */
  named?: [string, NamedCells][];
}

export interface InspectedMetric {
  /** The catalog id, whatever spelling the sheet uses. */
  id: string;
  unit: Unit;
  value: number;
  /** Phase this metric alone reaches (0-4), or the error message. */
  phase: number | string;
  /** Phase whose target the gap is measured against: the next one, or 4 at the top. */
  nextPhase: number;
  gap: number | string;
}

/**
 * A SaaS measure of product.md 12 (a Tracking row from new_mrr to rule_of_40): its value, and where
 * it has a convention (quick ratio, Rule of 40), its level and gap against it, as SCALE.RISK and
 * SCALE.GAP give them. Never toward the phase.
 */
export interface InspectedContext {
  id: string;
  measure: OtherInput;
  value: number;
  judged?: {
    /** OK, WATCH or RISK, "" where the convention is switched off, or the function's message. */
    level: string;
    gap: number | string;
    /** The convention's number (the workbook's edit where it has one), "" where switched off. */
    threshold: number | string;
  };
}

export interface Inspection {
  metrics: InspectedMetric[];
  /** The SaaS measures of the selection, in its order. */
  context: InspectedContext[];
  /** SCALE.PHASE over all the metrics, or its error message. */
  phase: number | string;
  /** True when the targets came from the workbook's Thresholds sheet, false for the built-in ones. */
  workbookTargets: boolean;
  /** The department KPIs a selection on the Departments or Channels sheet reaches (product.md 13). */
  kpis: InspectedKpi[];
}

const messageOf = (x: unknown): number | string =>
  isExcelError(x) ? `${x.code} ${x.message}` : (x as number);

/**
 * The value of a metric row. Typed text after the id (its name, its unit, its kind) is skipped.
 * If the next cell is a formula with a number, that is the value (the dashboard's rows, the
 * Tracking sheet's Latest, (metric, =formula) pairs); otherwise the value is the last number
 * typed in the row (the latest month), so computed columns (targets, gaps, derived months) are ignored.
 */
function rowValue(
  values: readonly Cell[],
  formulas: readonly Cell[],
): number | undefined {
  let first = 1;
  while (
    first < values.length &&
    !isFormula(formulas[first]) &&
    typeof values[first] === "string" &&
    !isBlank(values[first])
  )
    first++;
  if (first >= values.length) return undefined;
  if (isFormula(formulas[first]) && typeof values[first] === "number")
    return values[first] as number;
  const typed = values.filter(
    (v, c): v is number =>
      c >= first && typeof v === "number" && !isFormula(formulas[c]),
  );
  return typed.length ? typed[typed.length - 1] : undefined;
}

type RowRead =
  | { kind: "metric"; id: string; value: number; unit: Unit }
  | { kind: "context"; measure: OtherInput; value: number };

/** A phase metric's or a SaaS measure's row (by id, name or alias, as the Tracking sheet names it) with its value. */
function rowRead(
  values: readonly Cell[],
  formulas: readonly Cell[],
): RowRead | undefined {
  const id = values[0];
  if (typeof id !== "string") return undefined;
  const found = resolve(id);
  const saas =
    found.kind === "unknown" ? contextMeasureNamed(id.trim()) : undefined;
  if (found.kind !== "metric" && saas === undefined) return undefined;
  const value = rowValue(values, formulas);
  if (value === undefined) return undefined;
  return found.kind === "metric"
    ? { kind: "metric", id: found.metric.id, value, unit: found.metric.unit }
    : { kind: "context", measure: saas!.measure, value };
}

const first = (grid: unknown[][]): unknown => grid[0]?.[0];

/** A SaaS measure as SCALE.RISK, SCALE.GAP and SCALE.TARGET judge it, where it has a convention. */
function inspectContext(
  measure: OtherInput,
  value: number,
  thresholds: Cell[][] | undefined,
): InspectedContext {
  const { id } = measure;
  if (contextMeasureNamed(id)?.context === undefined)
    return { id, measure, value };
  return {
    id,
    measure,
    value,
    judged: {
      level: String(
        messageOf(first(risk([[id]], [[value]], undefined, thresholds))),
      ),
      gap: messageOf(
        first(gap([[id]], [[value]], undefined, undefined, thresholds)),
      ),
      threshold: messageOf(first(target([[id]], undefined, thresholds))),
    },
  };
}

/** The workbook's targets as Inspect passes them to the functions: none means the built-in ones. */
export const workbookThresholds = (
  targets: Cell[][] | undefined,
): Cell[][] | undefined => (targets?.length ? targets : undefined);

/**
 * The phase a metric reaches alone, and the phase its gap is measured against: the next one, 4
 * at the top, 1 where the phase is an error. Inspect's table and the formula builder both use it.
 */
export function rowPhases(
  id: string,
  value: Cell,
  thresholds: Cell[][] | undefined,
): { reached: unknown; next: number } {
  const reached = phase([[id]], [[value]], undefined, thresholds);
  const next = targetPhaseOf(typeof reached === "number" ? reached : undefined);
  return { reached, next };
}

/** `formulaLanguage`: Excel's display language, in which a department KPI's copyable formula is written. */
export function inspectSelection(
  cells: SelectedCells,
  formulaLanguage: Language = "en",
): Inspection {
  const thresholds = workbookThresholds(cells.targets);
  const rows = cells.values
    .map((row, r) => rowRead(row, cells.formulas[r] ?? []))
    .filter((p): p is RowRead => p !== undefined);
  const pairs = rows.flatMap((r): [string, number, Unit][] =>
    r.kind === "metric" ? [[r.id, r.value, r.unit]] : [],
  );
  const sheet = workbookThresholds(cells.contextThresholds);
  const context = rows.flatMap((r) =>
    r.kind === "context" ? [inspectContext(r.measure, r.value, sheet)] : [],
  );
  const metrics = pairs.map(([id, value, unit]): InspectedMetric => {
    const { reached, next } = rowPhases(id, value, thresholds);
    return {
      id,
      unit,
      value,
      phase: messageOf(reached),
      nextPhase: next,
      gap: messageOf(gap([[id]], [[value]], next, undefined, thresholds)[0][0]),
    };
  });
  const overall = metrics.length
    ? messageOf(
        phase(
          pairs.map(([id, value]) => [id, value]),
          undefined,
          undefined,
          thresholds,
        ),
      )
    : "";
  return {
    metrics,
    context,
    phase: overall,
    workbookTargets: thresholds !== undefined,
    kpis:
      cells.address && cells.named?.length
        ? inspectSeedCells(
            parseAddress(cells.address),
            new Map(cells.named),
            formulaLanguage,
          )
        : [],
  };
}

/** The tracker's thresholds as the host finds them: what Inspect reads, and the tables holding them. */
export interface WorkbookThresholds {
  /** Rows (id, P1..P4) read through the Target_<metric> names, as Inspect reads them (SelectedCells.targets). */
  readonly targets: Cell[][];
  /** The table holding those rows (ScaleThresholds, or ScaleThresholds2 where the name was taken); none without a tracker. */
  readonly targetsTable?: string;
  /** The table holding the risk thresholds (ScaleRiskThresholds). */
  readonly risksTable?: string;
  /** The table holding the SaaS measures' conventions (ScaleContextThresholds, or ...2 where the name was taken). */
  readonly contextTable?: string;
}

export const NO_TRACKER: WorkbookThresholds = { targets: [] };

export type FormulaPlan =
  | {
      /** Where the formulas go on the selection's sheet: the column right of it, and one row below. */
      readonly ref: string;
      /** The same, with its sheet, as the pane says it. */
      readonly address: string;
      readonly formulas: (string | null)[][];
      readonly count: number;
      /** Per row of the selection, the phase its SCALE.GAP measures against (null where none is written). */
      readonly phases: (number | null)[];
      /** SCALE.PHASE below the rows: only where every row is a phase metric (or blank, or the header). */
      readonly withPhase: boolean;
      /** The formulas pass the workbook's Thresholds tables (false: the built-in targets). */
      readonly workbookTargets: boolean;
    }
  | { readonly problem: "twoColumns" | "noMetrics" }
  | { readonly problem: "notEmpty"; readonly address: string };

/**
 * `address`, `values` and `formulas` are the selection grown by one column and one row
 * (getResizedRange(1, 1)). Per row with a metric id and a value: SCALE.GAP to that metric's next
 * phase (SCALE.RISK for a risk indicator); below the last row, SCALE.PHASE over the selection
 * where it holds phase metrics only (an indicator or other text would make it #VALUE!). Where
 * the workbook has the tracker's Thresholds tables, every formula passes them.
 * Nothing is planned over a cell that holds anything.
 */
export function planFormulas(
  address: string,
  values: readonly (readonly Cell[])[],
  formulas: readonly (readonly Cell[])[],
  language: Language,
  workbook: WorkbookThresholds = NO_TRACKER,
): FormulaPlan {
  const area = parseAddress(address);
  const rows = values.length - 1;
  const columns = (values[0]?.length ?? 0) - 1;
  if (columns !== 2) return { problem: "twoColumns" };
  const target = area.start.col + 2;
  const ref = `${cell(target, area.start.row)}:${cell(target, area.start.row + rows)}`;
  if (values.some((row, r) => !isBlank(row[2]) || !isBlank(formulas[r]?.[2])))
    return { problem: "notEmpty", address: onSheet(area.sheet, ref) };
  const at = (col: number, r: number) =>
    cell(area.start.col + col, area.start.row + r);
  const kinds = values.slice(0, rows).map(([id, value]) => {
    if (typeof id !== "string" || isBlank(value)) return undefined;
    const found = resolve(id.trim());
    if (found.kind === "metric" || found.kind === "indicator")
      return found.kind;
    // A SaaS measure only where the functions take it: those with a convention (docs/functions.md).
    return found.kind === "unknown" &&
      contextMeasureNamed(id.trim())?.context !== undefined
      ? "context"
      : undefined;
  });
  if (kinds.every((k) => k === undefined)) return { problem: "noMetrics" };
  // The targets Inspect judges with, only where the formulas can pass the table holding them.
  const thresholds = workbook.targetsTable
    ? workbookThresholds(workbook.targets)
    : undefined;
  // Inspect shows a phase per row (the next one past what that metric reaches alone, rowPhases),
  // not one for all, so neither the selection's next phase nor the dashboard's Scale_TargetPhase
  // agrees with its table: each GAP is given its row's phase, as a number, which the pane states.
  const phases = kinds.map((kind, r) =>
    kind === "metric"
      ? rowPhases(String(values[r][0]).trim(), values[r][1], thresholds).next
      : null,
  );
  const name = (id: "GAP" | "RISK" | "PHASE") => functionName(id, language);
  // Range.formulas takes the formula in English syntax whatever Excel's language: "," between
  // arguments, "." in numbers (Spanish Excel shows them as ";" and ","; formulasLocal is the one in
  // the user's syntax: https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulaslocal-member),
  // and "[#All]" for a whole table (the file format's keyword, MS-XLSX's formula grammar:
  // https://learn.microsoft.com/openspecs/office_standards/ms-xlsx/3d025add-118d-4413-9856-ab65712ec1b0).
  // Only custom functions go by their display-language names (office-js#891).
  // `thresholds` is each function's last argument; the optional one before it (GAP's as_fraction,
  // RISK's phase, PHASE's min_share) is left empty, as docs/functions.md's examples write it.
  const lastArgument = (table: string | undefined) =>
    table ? `,,${table}[#All]` : "";
  const targets = lastArgument(thresholds && workbook.targetsTable);
  const risks = lastArgument(workbook.risksTable);
  const conventions = lastArgument(workbook.contextTable);
  // A SaaS measure's level against its convention, the same in every phase (no phase argument).
  const column: (string | null)[][] = kinds.map((kind, r) =>
    kind === "metric"
      ? [`=${name("GAP")}(${at(0, r)},${at(1, r)},${phases[r]}${targets})`]
      : kind === "indicator"
        ? [`=${name("RISK")}(${at(0, r)},${at(1, r)}${risks})`]
        : kind === "context"
          ? [`=${name("RISK")}(${at(0, r)},${at(1, r)}${conventions})`]
          : [null],
  );
  // SCALE.PHASE takes the whole selection only where every row is a phase metric, blank, or the header on top.
  const withPhase = values
    .slice(0, rows)
    .every(
      ([id, value], r) =>
        kinds[r] === "metric" ||
        (isBlank(id) && isBlank(value)) ||
        (r === 0 && kinds[r] === undefined && typeof value === "string"),
    );
  const whole = (col: number) => `${at(col, 0)}:${at(col, rows - 1)}`;
  column.push(
    withPhase
      ? [`=${name("PHASE")}(${whole(0)},${whole(1)}${targets})`]
      : [null],
  );
  return {
    ref,
    address: onSheet(area.sheet, ref),
    formulas: column,
    count: column.filter(([f]) => f !== null).length,
    phases,
    withPhase,
    workbookTargets: thresholds !== undefined,
  };
}
