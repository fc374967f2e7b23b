/**
 * Where a phase's plan items sit on its sheet, found by their words rather than by row numbers,
 * so the same finder reads an earlier version's plan sheet and places entries on this one's.
 * Items are the qualitative objectives and the initiatives (the lines with a status, product.md 8).
 */
import { Language, PhaseNumber } from "../catalog";
import { PHASE_PLANS, objectiveLabel } from "../plan";
import { TEMPLATE_LABELS } from "./labels";

/** One line of a plan sheet in the catalog's order: its words in each language, and its item index if it is an item. */
interface PlanLine {
  readonly words: readonly string[];
  readonly item?: number;
}

const LANGUAGES: readonly Language[] = ["en", "es"];

/** Phase n's lines: each objective, then each strategy heading followed by its initiatives. */
function planLines(n: PhaseNumber): PlanLine[] {
  const plan = PHASE_PLANS[n - 1];
  const lines: PlanLine[] = [];
  let item = 0;
  for (const o of plan.objectives) {
    const words = LANGUAGES.map((l) => objectiveLabel(o, n, l));
    lines.push(o.numeric ? { words } : { words, item: item++ });
  }
  for (const s of plan.strategies) {
    lines.push({ words: LANGUAGES.map((l) => s.label[l]) });
    for (const i of s.initiatives)
      lines.push({ words: LANGUAGES.map((l) => i.label[l]), item: item++ });
  }
  return lines;
}

/** How many items phase n's plan has. */
export const planItemCount = (n: PhaseNumber): number =>
  planLines(n).filter((l) => l.item !== undefined).length;

/** A plan sheet's cells as text, by 1-based row and column ("" where empty). */
export type TextAt = (row: number, col: number) => string;

export interface PlanColumns {
  readonly status: number;
  readonly owner: number;
  readonly due: number;
  readonly notes: number;
}

export interface PlanItemsFound {
  /** The sheet's language, as its headers say. */
  readonly language: Language;
  readonly columns: PlanColumns;
  /** Item index -> its row. */
  readonly rows: ReadonlyMap<number, number>;
}

const same = (a: string, b: string) =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/** The first row whose cells hold the Status and Owner headers of one language, and where its four headers are. */
function findHeaders(
  text: TextAt,
  size: { rows: number; cols: number },
): { language: Language; columns: PlanColumns } | undefined {
  for (let row = 1; row <= size.rows; row++)
    for (const language of LANGUAGES) {
      const p = TEMPLATE_LABELS[language].plan;
      const column = (header: string) => {
        for (let col = 1; col <= size.cols; col++)
          if (same(text(row, col), header)) return col;
        return 0;
      };
      const columns = {
        status: column(p.status),
        owner: column(p.owner),
        due: column(p.due),
        notes: column(p.notes),
      };
      if (columns.status && columns.owner) return { language, columns };
    }
  return undefined;
}

/**
 * Phase n's items on a plan sheet: each line of the plan is looked for, in order, below the one
 * found before it, by its words in either language. So a label used twice (an initiative named as
 * its strategy) is told apart by its place; a line an earlier version worded otherwise is not found
 * and its entries not read. Undefined when the sheet has no Status header.
 */
export function findPlanItems(
  n: PhaseNumber,
  text: TextAt,
  size: { rows: number; cols: number },
): PlanItemsFound | undefined {
  const headers = findHeaders(text, size);
  if (!headers) return undefined;
  const rows = new Map<number, number>();
  let next = 1;
  for (const line of planLines(n)) {
    const row = rowWith(line.words, text, next, size);
    if (row === undefined) continue;
    if (line.item !== undefined) rows.set(line.item, row);
    next = row + 1;
  }
  return { ...headers, rows };
}

function rowWith(
  words: readonly string[],
  text: TextAt,
  from: number,
  size: { rows: number; cols: number },
): number | undefined {
  for (let row = from; row <= size.rows; row++)
    for (let col = 1; col <= size.cols; col++)
      if (words.some((w) => same(text(row, col), w))) return row;
  return undefined;
}
