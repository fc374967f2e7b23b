/**
 * Refresh's write: the planned rules added on top of each sheet, then the add-in's old ones
 * deleted by their priority as read after the adds (two syncs; Excel stopping in either is said
 * by failure.ts), and the formulas of inserted months copied with the adds. rebuildSheet is the
 * explicit way out for a sheet whose rules Excel cannot read.
 */
import { SheetKey } from "../../core/template";
import { WorkbookError, toWorkbookError } from "../errors";
import {
  SheetRules,
  addRules,
  queueRulesRead,
  readRulesOfSheets,
  ruleFormula,
  ruleTarget,
  rulesRead,
  staleRules,
} from "../rules";
import { afterFailedWrite } from "./failure";
import { PendingMonths, queueFormulaCopies } from "./months";
import { Plan, rulesFor } from "./plan";
import { SheetRead } from "./read";

export interface FlagsWritten {
  readonly rulesRemoved: number;
  readonly rulesAdded: number;
  /** "YYYY-MM" of the inserted months given their formulas. */
  readonly monthsCompleted: string[];
  readonly syncs: number;
}

/**
 * Writes the plan's rules on the sheets whose rules were read (`written`). First the new rules,
 * each on top of its sheet (ConditionalFormatCollection.add), so that wherever Excel stops every
 * sheet keeps a whole set; then each sheet's rules read again, since a rule's id is its priority
 * and the adds moved every rule read before (see rules.ts), and the stale ones deleted.
 */
export async function writeFlags(
  context: Excel.RequestContext,
  written: readonly (readonly [SheetKey, SheetRead])[],
  plan: Plan,
  pendingMonths: PendingMonths | undefined,
  unreadable: string[],
): Promise<FlagsWritten> {
  const failed = (e: unknown) =>
    afterFailedWrite(context, written, unreadable, plan, e);
  let syncs = 0;
  // The months first: a column inserted inside a rule's cells widens them, as references adjust on
  // an insert (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-insert;
  // a conditional format's range moves with inserts and deletes:
  // https://superuser.com/questions/648176), so rules planned for the sheets' months after the
  // insert go in after it.
  const monthsCompleted = pendingMonths
    ? queueFormulaCopies(pendingMonths).months
    : [];
  for (const [key, { sheet }] of written)
    addRules(rulesFor(plan, key), () => sheet);
  const reread = new Map(
    written.map(([key, read]) => [
      key,
      read.rules ? queueRulesRead(read.sheet) : undefined,
    ]),
  );
  try {
    await context.sync();
  } catch (e) {
    throw await failed(e);
  }
  syncs++;
  // The sheets read apart were readable a moment ago (the unreadable ones are not written): read back together.
  const apart = written.filter(([key]) => !reread.get(key));
  const readApart = await readRulesOfSheets(
    context,
    apart.map(([, read]) => read.sheet),
    "together",
  );
  syncs += readApart.syncs;
  const readBack = new Map(apart.map(([key], i) => [key, readApart.rules[i]]));
  let rulesRemoved = 0;
  for (const [key] of written) {
    const collection = reread.get(key);
    const now: SheetRules | undefined = collection
      ? rulesRead(collection)
      : readBack.get(key);
    if (!now) continue; // Excel cannot read them back: two sets stay until the next refresh.
    const planned = rulesFor(plan, key).map(ruleFormula);
    for (const priority of staleRules(now.formulas, planned)) {
      now.items[priority].delete();
      rulesRemoved++;
    }
  }
  try {
    await context.sync();
  } catch (e) {
    throw await failed(e);
  }
  return {
    rulesRemoved,
    rulesAdded: written.reduce((n, [key]) => n + rulesFor(plan, key).length, 0),
    monthsCompleted,
    syncs: syncs + 1,
  };
}

/**
 * Clears every conditional format on the cells the add-in colours on one sheet (the user's own
 * rules on those cells too) and adds the sheet's planned rules again, in one sync. Rules elsewhere
 * on the sheet stay. Returns how many rules were added.
 */
export async function rebuildSheet(
  context: Excel.RequestContext,
  key: SheetKey,
  sheet: Excel.Worksheet,
  plan: Plan,
): Promise<number> {
  const planned = rulesFor(plan, key);
  for (const ref of new Set(planned.map((r) => r.ref)))
    ruleTarget(sheet, ref).conditionalFormats.clearAll();
  addRules(planned, () => sheet);
  try {
    await context.sync();
  } catch (e) {
    // Office.js keeps what ran before the failure: the clearing, maybe some of the adds.
    throw new WorkbookError("rebuildIncomplete", toWorkbookError(e).detail);
  }
  return planned.length;
}
