/**
 * The pane's two small writes, kept on its first screen so they answer at once: selecting a cell
 * it lists (a flagged cell, the dashboard's first cell) and writing an example formula into the
 * active cell.
 */
import { splitAddress } from "../../core/address";
import { isBlank } from "../../core/cell";
import { CellGoneError } from "../errors";

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
