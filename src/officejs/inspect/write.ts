/**
 * Inspect's writes: SCALE formulas beside the selection (planned by plan.ts's planFormulas, in
 * Range.formulas' English syntax), one example formula into the active cell, and selecting a cell
 * the pane lists (a flagged cell, the dashboard).
 */
import type { Language } from "../../core/catalog";
import { splitAddress } from "../../core/address";
import { Cell, isBlank } from "../../core/cell";
import { CellGoneError } from "../errors";
import { FormulaPlan, planFormulas } from "./plan";
import { readBeside } from "./read";

/** Writes SCALE formulas referencing the selection into the empty column to its right; three syncs. */
export async function writeFormulasBeside(
  context: Excel.RequestContext,
  language: Language,
): Promise<FormulaPlan> {
  const { area, thresholds } = await readBeside(context);
  const plan = planFormulas(
    area.address,
    area.values as Cell[][],
    area.formulas as Cell[][],
    language,
    thresholds,
  );
  if ("problem" in plan) return plan;
  area.worksheet.getRange(plan.ref).formulas = plan.formulas;
  await context.sync();
  return plan;
}

/** Writes into the active cell if it is empty; false (and nothing written) if it is not. */
export async function writeFormula(
  context: Excel.RequestContext,
  formula: string,
): Promise<boolean> {
  // Read first: an example never replaces what the user typed.
  const cell = context.workbook.getActiveCell().load("formulas");
  await context.sync();
  if (!isBlank(cell.formulas[0]?.[0])) return false;
  cell.formulas = [[formula]];
  await context.sync();
  return true;
}

/** Selects a cell given as "'Sheet name'!M4" and shows its sheet; CellGoneError where no sheet has that name now. */
export async function select(
  context: Excel.RequestContext,
  address: string,
): Promise<void> {
  const { sheet, ref } = splitAddress(address);
  const worksheet = context.workbook.worksheets
    .getItemOrNullObject(sheet)
    .load("name");
  await context.sync();
  if (worksheet.isNullObject) throw new CellGoneError(address);
  worksheet.activate();
  worksheet.getRange(ref).select();
  await context.sync();
}
