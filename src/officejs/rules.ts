/**
 * Conditional formats on a worksheet: writing the template's, and reading what a sheet holds,
 * either in the refresh's one read or, where Excel refuses that, one sheet at a time.
 */
import {
  ConditionalRule,
  LEVEL_FILL,
  LEVEL_FONT,
  RULE_MARKER,
} from "../core/template";
import { requoteSheets } from "../core/address";

/** Where a rule goes: one range, or (areas separated by spaces, as in an .xlsx) several at once (ExcelApi 1.9). */
export function ruleTarget(
  sheet: Excel.Worksheet,
  ref: string,
): Excel.Range | Excel.RangeAreas {
  const areas = ref.split(" ");
  return areas.length === 1
    ? sheet.getRange(ref)
    : sheet.getRanges(areas.join(", "));
}

/**
 * Adds a rule and sets it in the same breath: the returned format stands for the top priority,
 * which the next add takes (Excel.ConditionalFormat.id is the priority), so nothing may be set on
 * it after another rule is added.
 */
function addRule(sheet: Excel.Worksheet, rule: ConditionalRule): void {
  const cf = ruleTarget(sheet, rule.ref).conditionalFormats.add(
    Excel.ConditionalFormatType.custom,
  );
  cf.custom.rule.formula = ruleFormula(rule);
  cf.custom.format.fill.color = LEVEL_FILL[rule.level];
  cf.custom.format.font.color = LEVEL_FONT[rule.level];
}

/**
 * Adds rules so that they end in the order given, the first at the top priority, as the .xlsx
 * writer numbers them: each add goes to the top, so the last one is added first.
 */
export function addRules(
  rules: readonly ConditionalRule[],
  sheetOf: (rule: ConditionalRule) => Excel.Worksheet,
): void {
  for (const rule of [...rules].reverse()) addRule(sheetOf(rule), rule);
}

/** The formula a rule carries in Excel, as Excel reports it back. */
export const ruleFormula = (rule: ConditionalRule) => `=${rule.formula}`;

/** Rules the add-in created carry RULE_MARKER in their formula; the user's own rules never do. */
export const isOurFormula = (formula: string | undefined): formula is string =>
  formula !== undefined && formula.includes(RULE_MARKER);

/** A sheet's conditional formats as read: each rule, and its formula where it is a custom rule. */
export interface SheetRules {
  readonly items: readonly Excel.ConditionalFormat[];
  readonly formulas: readonly (string | undefined)[];
}

/**
 * The priorities of the add-in's rules to delete once a sheet holds its new ones, highest number
 * first. A ConditionalFormat's id is its priority in the collection, a new rule goes to the top
 * (Excel.ConditionalFormat.id, ConditionalFormatCollection.add:
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat), and a delete moves
 * up every rule below it: deleting from the bottom up keeps the other priorities right within
 * one batch. The first rule (by priority) carrying each planned formula is kept, as many times as
 * planned: right after the adds those are the new ones, on top; every other rule of the add-in
 * goes, whatever an earlier refresh that Excel stopped left behind. The user's rules are never
 * listed.
 */
export function staleRules(
  formulas: readonly (string | undefined)[],
  planned: readonly string[],
): number[] {
  const wanted = planned.map(asExcelShows);
  const stale: number[] = [];
  formulas.forEach((formula, priority) => {
    if (!isOurFormula(formula)) return;
    const k = wanted.indexOf(asExcelShows(formula));
    if (k >= 0) wanted.splice(k, 1);
    else stale.push(priority);
  });
  return stale.reverse();
}

/**
 * The one-sync read of the refresh's normal path: every rule's type and, through
 * customOrNullObject, a custom rule's formula (no cellValue rule's `rule` is touched).
 */
export function queueRulesRead(
  sheet: Excel.Worksheet,
): Excel.ConditionalFormatCollection {
  return sheet
    .getRange()
    .conditionalFormats.load(
      "items/id,items/type,items/customOrNullObject/rule/formula",
    );
}

/** What the one-sync read gave, once synced. */
export function rulesRead(
  collection: Excel.ConditionalFormatCollection,
): SheetRules {
  return {
    items: collection.items,
    formulas: collection.items.map((cf) =>
      cf.customOrNullObject.isNullObject
        ? undefined
        : cf.customOrNullObject.rule.formula,
    ),
  };
}

/**
 * One sheet read on its own, where Excel refused the one-sync read: only each rule's type first,
 * then the formulas of the custom rules, so a rule Excel cannot read (two cellValue rules on a
 * range, office-js #6827; a duplicated rule, #6835; a rule whose delete was undone, #6396) stops
 * this sheet only. No rules when Excel cannot read this sheet's rules at all. Two syncs at most.
 */
export async function readRulesGuarded(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
): Promise<{ rules?: SheetRules; syncs: number }> {
  const { rules, syncs } = await readRulesOfSheets(context, [sheet], "alone");
  return { rules: rules[0], syncs };
}

/** A batch Office.js ran whole, or false where Excel refused one of its operations (and none of its reads can be used). */
async function synced(context: Excel.RequestContext): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * Several sheets' rules read as readRulesGuarded reads one, with fewer syncs: the rules' types
 * each sheet on its own where a sheet's rules may be unreadable ("alone": a failed read shows
 * which sheet it is) or all in one sync where they were just read ("together", one sync per sheet
 * only if that fails), then every custom rule's formula in one sync (again sheet by sheet only if
 * that fails). A failed sync returns nothing of its reads (Office.js runs a batch in order and
 * stops at the failing operation, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling),
 * so what it read is read again. Undefined for a sheet whose rules Excel cannot read.
 */
export async function readRulesOfSheets(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  types: "alone" | "together",
): Promise<{ rules: (SheetRules | undefined)[]; syncs: number }> {
  let syncs = 0;
  const sync = () => (syncs++, synced(context));
  const queueTypes = (sheet: Excel.Worksheet) =>
    sheet.getRange().conditionalFormats.load("items/id,items/type");
  const items: (readonly Excel.ConditionalFormat[] | undefined)[] = [];
  const all = types === "together" ? sheets.map(queueTypes) : undefined;
  if (all && sheets.length > 0 && (await sync()))
    items.push(...all.map((c) => c.items));
  else
    for (const sheet of sheets) {
      const collection = queueTypes(sheet);
      items.push((await sync()) ? collection.items : undefined);
    }
  const queueFormulas = (of: readonly Excel.ConditionalFormat[] | undefined) =>
    of?.map((cf) =>
      cf.type === Excel.ConditionalFormatType.custom
        ? cf.custom.rule.load("formula")
        : undefined,
    );
  const rulesOf = (
    of: readonly Excel.ConditionalFormat[] | undefined,
    formulas: (Excel.ConditionalFormatRule | undefined)[] | undefined,
  ): SheetRules | undefined =>
    of && formulas
      ? { items: of, formulas: formulas.map((rule) => rule?.formula) }
      : undefined;
  if (!items.some(Boolean)) return { rules: items.map(() => undefined), syncs };
  const formulas = items.map(queueFormulas);
  if (await sync())
    return { rules: items.map((of, i) => rulesOf(of, formulas[i])), syncs };
  if (items.filter(Boolean).length === 1)
    return { rules: items.map(() => undefined), syncs };
  const rules: (SheetRules | undefined)[] = [];
  for (const of of items) {
    const one = queueFormulas(of);
    rules.push(of && (await sync()) ? rulesOf(of, one) : undefined);
  }
  return { rules, syncs };
}

/**
 * A formula as Excel gives it back, which may differ from the text written: Excel drops the
 * quotes of a sheet name that needs none ('Thresholds'!E5 -> Thresholds!E5, as an earlier
 * version wrote its rules) and any spaces.
 */
export const asExcelShows = (formula: string) =>
  requoteSheets(formula).replace(/\s+/g, "");

/**
 * Refreshed when the add-in's rules on a sheet are exactly the planned ones (as a multiset of
 * formulas): what a check after a failed write tells apart from a sheet that kept its old flags.
 */
export function holdsExactly(
  formulas: readonly (string | undefined)[],
  planned: readonly string[],
): boolean {
  const ours = formulas.filter(isOurFormula).map(asExcelShows).sort();
  const want = planned.map(asExcelShows).sort();
  return ours.length === want.length && ours.every((f, i) => f === want[i]);
}
