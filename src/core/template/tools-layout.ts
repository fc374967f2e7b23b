/**
 * Where things sit on the Tools sheet (product.md 13, third bullet): a register with one row per
 * category of the seed (the tool in use, owner, monthly cost, renewal date, status) and its total,
 * then per group and category the seed's four tools, functionalities and expected-impact figures,
 * each figure with its baseline, current value, change, target and flag.
 */
import { TOOL_GROUPS, ToolCategory, ToolImpact } from "../tools";
import { NAMES } from "./names";

/** The register's inputs per category, in column order: NAMES.tool(categoryId, field). */
export const TOOL_FIELDS = [
  "InUse",
  "Owner",
  "MonthlyCost",
  "Renewal",
  "Status",
] as const;
export type ToolField = (typeof TOOL_FIELDS)[number];

export const TOOL_CATEGORIES: readonly ToolCategory[] = TOOL_GROUPS.flatMap(
  (g) => g.categories,
);

/** A figure the sheet judges, with a baseline and a current value to type; a vendor's ROI claim has neither. */
export const isJudged = (impact: ToolImpact) => !impact.claim;

/**
 * The month row a figure's current value is read from as of the reporting month (tools.ts
 * currentFrom: Tracking's uptime, the Departments sheet's response time), by its workbook name;
 * undefined where the current value is typed.
 */
export function currentSourceName(impact: ToolImpact): string | undefined {
  const from = impact.currentFrom;
  if (!from) return undefined;
  return "tracking" in from
    ? NAMES.tracking(from.tracking)
    : NAMES.department(from.department);
}

function figureRows() {
  let row = TOOLS_REGISTER_END + 3;
  const header = row;
  const groups: number[] = [];
  const categories = new Map<string, number>();
  for (const g of TOOL_GROUPS) {
    groups.push(++row);
    for (const c of g.categories) {
      categories.set(c.id, ++row);
      row += c.impacts.length;
    }
  }
  return { header, groups, categories, lastRow: row };
}

const REGISTER_HEADER = 4;
const TOOLS_REGISTER_END = REGISTER_HEADER + TOOL_CATEGORIES.length + 1;
const FIGURES = figureRows();

export const TOOLS = {
  titleRow: 1,
  noteRow: 2,
  registerHeaderRow: REGISTER_HEADER,
  /** A category's register row, in the seed's order. */
  registerRow: (index: number) => REGISTER_HEADER + 1 + index,
  totalRow: TOOLS_REGISTER_END,
  registerNoteRow: TOOLS_REGISTER_END + 1,
  register: {
    category: 1,
    field: (f: ToolField) => 2 + TOOL_FIELDS.indexOf(f),
  },
  figuresHeaderRow: FIGURES.header,
  groupRow: (g: number) => FIGURES.groups[g],
  /** A category's heading row; its items are on the rows below, one per tool. */
  categoryRow: (categoryId: string) => FIGURES.categories.get(categoryId)!,
  itemRow: (categoryId: string, k: number) =>
    FIGURES.categories.get(categoryId)! + 1 + k,
  lastFigureRow: FIGURES.lastRow,
  notesRow: FIGURES.lastRow + 2,
  figures: {
    tool: 1,
    functionality: 2,
    words: 3,
    baseline: 4,
    current: 5,
    change: 6,
    target: 7,
    flag: 8,
  },
} as const;
