/**
 * Where things are on the Departments / Áreas sheet (product.md 13): per function a heading row
 * (its worst level in the flag column), then per block a heading row and its rows, each row holding
 * one KPI line (or a KPI's typed row) on the left and the months on the right, and beside them, one
 * per row, the block's strategy items and tools (or channels), each seed string in its own cell.
 */
import { departmentKpi, DepartmentKpi } from "../department-kpis";
import {
  CHANNEL_KPI_IDS,
  changeValueKey,
  computedKpiKey,
} from "../department-rows";
import {
  DEPARTMENTS,
  Department,
  DepartmentBlock,
  FigureWords,
} from "../departments";

export const DEPARTMENTS_COLUMNS = {
  words: 1,
  value: 2,
  flag: 3,
  target: 4,
  baseline: 5,
  strategy: 6,
  tools: 7,
  unit: 8,
  id: 9,
  firstMonth: 10,
  /** The KPI's words, its value and its flag stay on screen (product.md 10: at most 400 px). */
  frozen: 3,
} as const;

/** How a KPI's judged row gets its months. */
export type KpiSource =
  /** Typed on this row, under the KPI's id. */
  | "typed"
  /** The timeline's row on Tracking (department-kpis.ts `link`), typed once there. */
  | "linked"
  /** A month row of the Channels sheet, by its name. */
  | "channel"
  /** The change from a baseline to the value typed on the row below. */
  | "change"
  /** The last 12 months' sum of the counts typed on the row below. */
  | "perYear";

/** A KPI's judged row: its words, value as of the reporting month, flag, target. */
export interface JudgedRow {
  readonly role: "judged";
  readonly row: number;
  readonly kpi: DepartmentKpi;
  readonly words: FigureWords;
  readonly source: KpiSource;
}

/** The row a change KPI's measured value, or a per-year KPI's monthly count, is typed on. */
export interface InputRow {
  readonly role: "input";
  readonly row: number;
  readonly kpi: DepartmentKpi;
  readonly words: FigureWords;
  /** department-rows.ts's key: `<id>.value` or the id. */
  readonly key: string;
}

export type KpiLine = JudgedRow | InputRow;

export interface BlockPlace {
  readonly block: DepartmentBlock;
  readonly headingRow: number;
  readonly lines: readonly KpiLine[];
  /** The block's last row (its lines, or its longer list of items). */
  readonly lastRow: number;
}

export interface FunctionPlace {
  readonly department: Department;
  readonly row: number;
  readonly blocks: readonly BlockPlace[];
  readonly lastRow: number;
}

export function sourceOf(k: DepartmentKpi): KpiSource {
  if (k.link !== undefined) return "linked";
  if (CHANNEL_KPI_IDS.includes(k.id)) return "channel";
  if (k.change !== undefined) return "change";
  return k.per === "year" ? "perYear" : "typed";
}

function linesOf(words: FigureWords, first: number): KpiLine[] {
  const kpi = departmentKpi(words.id)!;
  const source = sourceOf(kpi);
  const judged: JudgedRow = { role: "judged", row: first, kpi, words, source };
  if (source !== "change" && source !== "perYear") return [judged];
  const key = source === "change" ? changeValueKey(kpi.id) : kpi.id;
  return [judged, { role: "input", row: first + 1, kpi, words, key }];
}

const TITLE_ROW = 1;
const NOTE_ROWS = [2, 3, 4, 5, 6] as const;
const HEADER_ROW = 8;

function placeFunctions(): FunctionPlace[] {
  let row = HEADER_ROW + 1;
  return DEPARTMENTS.map((department) => {
    const functionRow = row++;
    const blocks = department.blocks.map((block): BlockPlace => {
      const headingRow = row++;
      const lines: KpiLine[] = [];
      for (const words of block.kpis)
        lines.push(...linesOf(words, row + lines.length));
      const items = Math.max(
        block.strategy.length,
        block.tools.length,
        block.channels.length,
      );
      const lastRow = row + Math.max(lines.length, items) - 1;
      row = lastRow + 1;
      return { block, headingRow, lines, lastRow };
    });
    const lastRow = row - 1;
    row++; // a blank row before the next function
    return { department, row: functionRow, blocks, lastRow };
  });
}

const FUNCTIONS = placeFunctions();
const LINES = FUNCTIONS.flatMap((f) => f.blocks.flatMap((b) => b.lines));
const LAST_ROW = FUNCTIONS[FUNCTIONS.length - 1].lastRow;

export const DEPARTMENTS_SHEET = {
  titleRow: TITLE_ROW,
  noteRows: NOTE_ROWS,
  headerRow: HEADER_ROW,
  functions: FUNCTIONS,
  lines: LINES,
  /** A KPI's judged row (its flag, value and target). */
  kpiRow: (id: string) =>
    LINES.find((l) => l.role === "judged" && l.kpi.id === id)!.row,
  /** The row a department-rows.ts key is typed on. */
  inputRow: (key: string) =>
    LINES.find((l) =>
      l.role === "input"
        ? l.key === key
        : l.source === "typed" && l.kpi.id === key,
    )!.row,
  lastRow: LAST_ROW,
  /**
   * The month cells of every row under the header (named `Dept_MonthBlock`): a rebuild reads the
   * computed rows' months there, row by row as `computedRows` places them.
   */
  monthBlock: { first: HEADER_ROW + 1, last: LAST_ROW },
  /** The judged rows whose months are computed, by the key a number typed over one travels under. */
  computedRows: LINES.filter(
    (l): l is JudgedRow => l.role === "judged" && l.source !== "typed",
  ).map((l) => ({ key: computedKpiKey(l.kpi), row: l.row })),
} as const;

export const departmentMonthColumn = (t: number) =>
  DEPARTMENTS_COLUMNS.firstMonth + t - 1;
