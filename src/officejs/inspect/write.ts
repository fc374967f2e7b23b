/**
 * Inspect's write: SCALE formulas beside the selection (planned by plan.ts's planFormulas, in
 * Range.formulas' English syntax). The pane's two small writes, an example formula and selecting a
 * cell, are in select.ts, on the first screen.
 */
import type { Language } from "../../core/catalog";
import type { Cell } from "../../core/cell";
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
