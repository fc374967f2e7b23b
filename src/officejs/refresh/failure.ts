/**
 * After a write Excel stopped part-way: which sheets hold exactly their new rules. Office.js keeps
 * the operations that ran before a failed one, and each sheet got its new rules before its old
 * ones were deleted, so every sheet holds a full set either way; this says which.
 */
import { SheetKey } from "../../core/template";
import { RefreshIncompleteError, toWorkbookError } from "../errors";
import { holdsExactly, readRulesGuarded, ruleFormula } from "../rules";
import { Plan, rulesFor } from "./plan";
import { SheetRead } from "./read";

/** The error to throw: the sheets refreshed, those that kept their old flags, and why Excel stopped. */
export async function afterFailedWrite(
  context: Excel.RequestContext,
  written: readonly (readonly [SheetKey, SheetRead])[],
  unreadable: string[],
  plan: Plan,
  cause: unknown,
): Promise<RefreshIncompleteError> {
  const refreshed: string[] = [];
  const notRefreshed: string[] = [];
  for (const [key, { sheet }] of written) {
    const now = (await readRulesGuarded(context, sheet)).rules;
    const planned = rulesFor(plan, key).map(ruleFormula);
    (now && holdsExactly(now.formulas, planned)
      ? refreshed
      : notRefreshed
    ).push(sheet.name);
  }
  return new RefreshIncompleteError(
    refreshed,
    notRefreshed,
    toWorkbookError(cause),
    unreadable,
  );
}
