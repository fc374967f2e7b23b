/**
 * What an insert or a rebuild Excel stopped part-way left, and taking it back: the sheets and
 * names an insert added (removed again, or listed for the pane's "Remove what the insert left"),
 * and where a rebuild's names point and which sheets it left (docs/nothing-lost.md).
 */
import { SheetKey, WorkbookSpec } from "../../core/template";
import {
  InsertIncompleteError,
  InsertLeft,
  RebuildStoppedError,
  WorkbookError,
  nothingLeft,
  toWorkbookError,
} from "../errors";
import { onSheet } from "../../core/address";
import {
  Existing,
  insertedBy,
  mayBeLeft,
  namesByKey,
  referenceOf,
} from "./plan";
import { listNames, readSheetsAndNames } from "./read";

/** Reads which of an interrupted insert's sheets and names are in the workbook; one sync. */
export async function findLeft(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  existing: Existing,
): Promise<InsertLeft> {
  const now = await readSheetsAndNames(context);
  const ours = insertedBy(spec, existing);
  const names = ours.names.flatMap((name) => {
    const stale = existing.stale.get(name.toLowerCase());
    const found = now.names.get(name.toLowerCase());
    return found && found.formula !== stale ? [found] : [];
  });
  const lost = ours.names.flatMap((name) => {
    const stale = existing.stale.get(name.toLowerCase());
    return stale !== undefined &&
      now.names.get(name.toLowerCase())?.formula !== stale
      ? [{ name, formula: stale }]
      : [];
  });
  return {
    sheets: now.sheets.filter((s) => ours.sheets.has(s.name.toLowerCase())),
    names,
    lost,
    checked: true,
  };
}

/**
 * Which of `left` are still there, read in one sync: sheets by id (a renamed one included),
 * names whose formula is the one recorded or that point at one of those sheets under its
 * current name (a name the user made since, elsewhere, is not the insert's), and the broken
 * names not yet back.
 */
export async function stillLeft(
  context: Excel.RequestContext,
  left: InsertLeft,
): Promise<InsertLeft> {
  const now = await readSheetsAndNames(context);
  const ids = new Set(left.sheets.map((s) => s.id));
  const sheets = now.sheets.filter((s) => ids.has(s.id));
  const onOurSheets = (formula: string) =>
    sheets.some((s) => formula.startsWith(`=${onSheet(s.name, "")}`));
  const names = left.names.flatMap((n) => {
    const found = now.names.get(n.name.toLowerCase());
    return found && (found.formula === n.formula || onOurSheets(found.formula))
      ? [found]
      : [];
  });
  const lost = left.lost.filter(
    (n) => now.names.get(n.name.toLowerCase())?.formula !== n.formula,
  );
  return { sheets, names, lost, checked: true };
}

/**
 * Deletes `left` (names first, then sheets by id, so no sheet the add-in did not create is
 * touched) and puts the lost names back, in one sync. Where Excel stops that too, reads what is
 * still there (unchecked when even that fails) and gives it with Excel's reason.
 */
export async function removeLeft(
  context: Excel.RequestContext,
  left: InsertLeft,
): Promise<{ still: InsertLeft; failure?: WorkbookError }> {
  for (const n of left.names) context.workbook.names.getItem(n.name).delete();
  for (const s of left.sheets)
    context.workbook.worksheets.getItem(s.id).delete();
  for (const n of left.lost) context.workbook.names.add(n.name, n.formula);
  try {
    await context.sync();
    return { still: { sheets: [], names: [], lost: [], checked: true } };
  } catch (e) {
    const failure = toWorkbookError(e);
    try {
      return { still: await stillLeft(context, left), failure };
    } catch {
      return { still: { ...left, checked: false }, failure };
    }
  }
}

/**
 * After the write failed: Excel applies the operations queued before the failing one (a batch
 * is not a transaction; see OfficeExtension.Error's traceMessages example,
 * https://learn.microsoft.com/javascript/api/office/officeextension.error), so this reads what
 * the insert left and removes it. The error to throw: the cause alone when nothing is left,
 * else InsertIncompleteError with what is.
 */
export async function undoInsert(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  existing: Existing,
  cause: WorkbookError,
): Promise<WorkbookError> {
  let left: InsertLeft;
  try {
    left = await findLeft(context, spec, existing);
  } catch {
    return new InsertIncompleteError(mayBeLeft(spec, existing), cause);
  }
  if (nothingLeft(left)) return cause;
  const { still } = await removeLeft(context, left);
  return nothingLeft(still) ? cause : new InsertIncompleteError(still, cause);
}

/**
 * The pane's "Remove what the insert left": reads which of `left` are still there (one sync) and
 * deletes exactly those (one more). Returns what was removed; throws InsertIncompleteError with
 * what is still there when Excel stops it.
 */
export async function removeInsertLeft(
  context: Excel.RequestContext,
  left: InsertLeft,
): Promise<InsertLeft> {
  if (!left.checked)
    throw new Error("Only what was read after the failure can be removed.");
  let found: InsertLeft;
  try {
    found = await stillLeft(context, left);
  } catch (e) {
    throw toWorkbookError(e);
  }
  const { still, failure } = await removeLeft(context, found);
  if (failure && !nothingLeft(still))
    throw new InsertIncompleteError(still, failure);
  return found;
}

/** The old tracker's sheets and the names the new ones end with. */
export interface Sheets {
  readonly old: ReadonlyMap<SheetKey, { name: string; id: string }>;
  readonly finals: ReadonlyMap<SheetKey, string>;
}

/** After the names' switch failed: names pointed back, added ones deleted, the new sheets removed (one read, one write). */
export async function undoSwitch(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  sheets: Sheets,
  changed: readonly { name: string; was?: string }[],
  cause: WorkbookError,
): Promise<WorkbookError> {
  try {
    const now = namesByKey(await listNames(context));
    for (const c of changed) {
      const is = now.get(c.name.toLowerCase());
      if (c.was === undefined && is)
        context.workbook.names.getItem(c.name).delete();
      if (c.was !== undefined && is && is.formula !== c.was)
        context.workbook.names.getItem(c.name).formula = c.was;
    }
    for (const s of spec.sheets)
      context.workbook.worksheets.getItem(s.name).delete();
    await context.sync();
    return cause;
  } catch {
    return await stoppedAt(context, "names", spec, sheets, cause);
  }
}

/** What a stopped rebuild left, read in one sync (as far as Excel can still be read). */
export async function stoppedAt(
  context: Excel.RequestContext,
  stage: "names" | "replace",
  spec: WorkbookSpec,
  { old, finals }: Sheets,
  cause: WorkbookError,
): Promise<RebuildStoppedError> {
  const temporary = spec.sheets.map((s) => ({
    name: s.name,
    final: finals.get(s.key) ?? s.name,
  }));
  try {
    const now = await listNames(context);
    const has = (name: string) =>
      now.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
    const newSheets = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
    const moved = now.names
      .filter((n) => {
        const sheet = referenceOf(n.formula)?.sheet.toLowerCase();
        return sheet !== undefined && newSheets.has(sheet);
      })
      .map((n) => n.name);
    return new RebuildStoppedError(
      stage,
      now.sheets
        .filter((s) => [...old.values()].some((o) => o.id === s.id))
        .map((s) => s.name),
      temporary.filter((t) => t.name !== t.final && has(t.name)),
      stage === "names" ? moved : [],
      cause,
    );
  } catch {
    return new RebuildStoppedError(
      stage,
      [...old.values()].map((s) => s.name),
      temporary.filter((t) => t.name !== t.final),
      [],
      cause,
    );
  }
}
