/**
 * "Write formulas beside the selection": SCALE formulas that reference the user's own cells,
 * planned from what the selection and the column to its right hold. Pure: the host reads and writes.
 */
import { PHASE_NUMBERS, Language } from "../core/catalog";
import { resolve } from "../core/lookup";
import { phase } from "../functions/functions";
import { functionName } from "../functions/spanish";
import { cell, onSheet, parseAddress } from "../core/template/formulas";
import type { CellValue } from "./host";

export type FormulaPlan =
  | {
      /** Where the formulas go on the selection's sheet: the column right of it, and one row below. */
      readonly ref: string;
      /** The same, with its sheet, as the pane says it. */
      readonly address: string;
      readonly formulas: (string | null)[][];
      readonly count: number;
      readonly nextPhase: number;
      /** SCALE.PHASE below the rows: only where every row is a phase metric (or blank, or the header). */
      readonly withPhase: boolean;
    }
  | { readonly problem: "twoColumns" | "noMetrics" }
  | { readonly problem: "notEmpty"; readonly address: string };

const blank = (v: CellValue | undefined) =>
  v === "" || v === null || v === undefined;

/**
 * `address`, `values` and `formulas` are the selection grown by one column and one row
 * (getResizedRange(1, 1)). Per row with a metric id and a value: SCALE.GAP to the selection's next
 * phase (SCALE.RISK for a risk indicator); below the last row, SCALE.PHASE over the selection
 * where it holds phase metrics only (an indicator or other text would make it #VALUE!).
 * Nothing is planned over a cell that holds anything.
 */
export function planFormulas(
  address: string,
  values: readonly (readonly CellValue[])[],
  formulas: readonly (readonly CellValue[])[],
  language: Language,
): FormulaPlan {
  const area = parseAddress(address);
  const rows = values.length - 1;
  const columns = (values[0]?.length ?? 0) - 1;
  if (columns !== 2) return { problem: "twoColumns" };
  const target = area.start.col + 2;
  const ref = `${cell(target, area.start.row)}:${cell(target, area.start.row + rows)}`;
  if (values.some((row, r) => !blank(row[2]) || !blank(formulas[r]?.[2])))
    return { problem: "notEmpty", address: onSheet(area.sheet, ref) };
  const at = (col: number, r: number) =>
    cell(area.start.col + col, area.start.row + r);
  const kinds = values.slice(0, rows).map(([id, value]) => {
    if (typeof id !== "string" || blank(value)) return undefined;
    const found = resolve(id.trim());
    return found.kind === "metric" || found.kind === "indicator"
      ? found.kind
      : undefined;
  });
  if (!kinds.includes("metric") && !kinds.includes("indicator"))
    return { problem: "noMetrics" };
  const pairs = values
    .slice(0, rows)
    .flatMap(([id, value], r) => (kinds[r] === "metric" ? [[id, value]] : []));
  const reached = pairs.length ? phase(pairs) : 0;
  const nextPhase =
    typeof reached === "number"
      ? Math.min(reached + 1, PHASE_NUMBERS.length)
      : 1;
  const name = (id: "GAP" | "RISK" | "PHASE") => functionName(id, language);
  const column: (string | null)[][] = kinds.map((kind, r) =>
    kind === "metric"
      ? [`=${name("GAP")}(${at(0, r)},${at(1, r)},${nextPhase})`]
      : kind === "indicator"
        ? [`=${name("RISK")}(${at(0, r)},${at(1, r)})`]
        : [null],
  );
  // SCALE.PHASE takes the whole selection only where every row is a phase metric, blank, or the header on top.
  const withPhase = values
    .slice(0, rows)
    .every(
      ([id, value], r) =>
        kinds[r] === "metric" ||
        (blank(id) && blank(value)) ||
        (r === 0 && kinds[r] === undefined && typeof value === "string"),
    );
  const whole = (col: number) => `${at(col, 0)}:${at(col, rows - 1)}`;
  column.push(
    withPhase ? [`=${name("PHASE")}(${whole(0)},${whole(1)})`] : [null],
  );
  return {
    ref,
    address: onSheet(area.sheet, ref),
    formulas: column,
    count: column.filter(([f]) => f !== null).length,
    nextPhase,
    withPhase,
  };
}
