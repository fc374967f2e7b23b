/**
 * Places what a user set in an earlier tracker (UserSettings) on a described workbook, through the
 * template's names (product.md 6.6: the public contract), so it lands wherever the builders put
 * those cells: thresholds in Target_/Floor_/Threshold_ cells, the reporting month, minimum share
 * and start month in their dashboard cells, plan entries in their items' rows (plan-items.ts), the
 * single inputs of the Departments, Channels and Tools sheets in their named cells.
 */
import {
  CONTEXT_THRESHOLDS,
  PHASE_NUMBERS,
  PHASE_METRICS,
  RISK_INDICATORS,
} from "../catalog";
import type { Cell } from "../cell";
import { monthSerial } from "../months";
import { cell, cellPosition } from "./formulas";
import { NAMES, planSheetKey } from "./layout";
import { isComputedInput, placedValue } from "./input-cells";
import { findPlanItems } from "./plan-items";
import { TEMPLATE_LABELS } from "./labels";
import {
  CellSpec,
  CellStyle,
  PlanEntry,
  SheetSpec,
  TemplateOptions,
  UserSettings,
  WorkbookSpec,
} from "./types";

/** A sheet's cells by reference, to change some and keep the rest in their order. */
class Cells {
  private readonly byRef: Map<string, CellSpec>;
  constructor(readonly sheet: SheetSpec) {
    this.byRef = new Map(sheet.cells.map((c) => [c.ref, c]));
  }
  text(row: number, col: number): string {
    const v = this.byRef.get(cell(col, row))?.value;
    return v === undefined ? "" : String(v);
  }
  /** The cell at `ref` with this value and no formula (undefined or null: empty), its format and style kept unless `style` is given. */
  set(ref: string, value: Cell, style?: CellStyle): void {
    const was = this.byRef.get(ref);
    const kept = style ?? was?.style;
    this.byRef.set(ref, {
      ref,
      ...(value !== undefined && value !== null && { value }),
      ...(was?.numberFormat && { numberFormat: was.numberFormat }),
      ...(kept && { style: kept }),
    });
  }
  done(): SheetSpec {
    const known = new Set(this.sheet.cells.map((c) => c.ref));
    const added = [...this.byRef.values()].filter((c) => !known.has(c.ref));
    return {
      ...this.sheet,
      cells: [...this.sheet.cells.map((c) => this.byRef.get(c.ref)!), ...added],
    };
  }
  size(): { rows: number; cols: number } {
    const at = [...this.byRef.keys()].map(cellPosition);
    return {
      rows: Math.max(0, ...at.map((p) => p.row)),
      cols: Math.max(0, ...at.map((p) => p.col)),
    };
  }
}

/** The cells a name refers to, in reading order. */
function cellsOf(ref: string): string[] {
  const [a, b = a] = ref.split(":").map(cellPosition);
  const refs: string[] = [];
  for (let row = a.row; row <= b.row; row++)
    for (let col = a.col; col <= b.col; col++) refs.push(cell(col, row));
  return refs;
}

export function placeSettings(
  spec: WorkbookSpec,
  options: TemplateOptions,
): WorkbookSpec {
  const settings = options.settings;
  if (!settings) return spec;
  // Only the sheets a setting lands on are gone through (the Tracking sheet, the largest, never is).
  const touched = new Map<string, Cells>();
  const sheets = {
    get: (key: string): Cells | undefined => {
      const sheet = spec.sheets.find((s) => s.key === key);
      if (!sheet) return undefined;
      if (!touched.has(key)) touched.set(key, new Cells(sheet));
      return touched.get(key);
    },
  };
  const names = new Map(spec.names.map((n) => [n.name, n]));
  /** Values for the cells of a name, in order; undefined leaves a cell as described, null empties it. */
  const put = (
    name: string,
    values: readonly Cell[],
    style?: CellStyle,
  ): void => {
    const n = names.get(name);
    if (!n) return;
    const cells = sheets.get(n.sheet)!;
    cellsOf(n.ref).forEach((ref, k) => {
      const v = values[k];
      if (v !== undefined) cells.set(ref, v, style);
    });
  };
  for (const m of PHASE_METRICS) {
    const targets = settings.targets?.get(m.id);
    if (targets) put(NAMES.target(m.id), targets);
    const floors = settings.floors?.get(m.id);
    if (floors) put(NAMES.floor(m.id), floors);
  }
  for (const i of RISK_INDICATORS) {
    const threshold = settings.riskThresholds?.get(i.qualifiedId);
    if (threshold !== undefined)
      put(NAMES.riskThreshold(i.qualifiedId), [threshold]);
  }
  for (const c of CONTEXT_THRESHOLDS) {
    const threshold = settings.contextThresholds?.get(c.id);
    if (threshold !== undefined) put(NAMES.contextThreshold(c.id), [threshold]);
  }
  if (settings.reportingMonth)
    put(NAMES.reportingMonth, [monthSerial(settings.reportingMonth)]);
  if (settings.minShare !== undefined) put(NAMES.minShare, [settings.minShare]);
  if (settings.startMonth)
    put(NAMES.startMonth, [monthSerial(settings.startMonth)]);
  // A number typed over a computed cell looks typed, as on Tracking (month-cells.ts monthCells).
  for (const [name, value] of settings.cells ?? [])
    put(
      name,
      [placedValue(name, value, options.language)],
      isComputedInput(name) ? "input" : undefined,
    );
  placePlan(sheets, settings, options);
  return {
    ...spec,
    sheets: spec.sheets.map((s) => touched.get(s.key)?.done() ?? s),
  };
}

/** Each plan entry in its item's row, its status in the new workbook's words. */
function placePlan(
  sheets: { get(key: string): Cells | undefined },
  settings: UserSettings,
  options: TemplateOptions,
): void {
  const words = TEMPLATE_LABELS[options.language].plan.statuses;
  for (const n of PHASE_NUMBERS) {
    const entries = (settings.plan ?? []).filter((e) => e.phase === n);
    if (!entries.length) continue;
    const cells = sheets.get(planSheetKey(n));
    if (!cells) continue;
    const found = findPlanItems(
      n,
      (row, col) => cells.text(row, col),
      cells.size(),
    );
    if (!found) continue;
    for (const e of entries) {
      const row = found.rows.get(e.item);
      if (row === undefined) continue;
      const c = found.columns;
      const status = statusText(e, words);
      if (status !== undefined) cells.set(cell(c.status, row), status);
      if (e.owner !== undefined) cells.set(cell(c.owner, row), e.owner);
      if (e.due !== undefined) cells.set(cell(c.due, row), e.due);
      if (e.notes !== undefined) cells.set(cell(c.notes, row), e.notes);
    }
  }
}

const statusText = (
  e: PlanEntry,
  words: readonly string[],
): string | undefined =>
  e.status === undefined
    ? undefined
    : "word" in e.status
      ? words[e.status.word]
      : e.status.text;
