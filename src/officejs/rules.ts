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
  let syncs = 0;
  try {
    const collection = sheet
      .getRange()
      .conditionalFormats.load("items/id,items/type");
    syncs++;
    await context.sync();
    const items = collection.items;
    const custom = items.map((cf) =>
      cf.type === Excel.ConditionalFormatType.custom
        ? cf.custom.rule.load("formula")
        : undefined,
    );
    syncs++;
    await context.sync();
    return {
      rules: { items, formulas: custom.map((rule) => rule?.formula) },
      syncs,
    };
  } catch {
    return { syncs };
  }
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
