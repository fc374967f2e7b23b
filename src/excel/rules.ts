/** Conditional formats as the template describes them, queued on a worksheet. */
import {
  ConditionalRule,
  LEVEL_FILL,
  LEVEL_FONT,
  RULE_MARKER,
} from "../core/template";

export function addRule(sheet: Excel.Worksheet, rule: ConditionalRule): void {
  const cf = sheet
    .getRange(rule.ref)
    .conditionalFormats.add(Excel.ConditionalFormatType.custom);
  cf.custom.rule.formula = `=${rule.formula}`;
  cf.custom.format.fill.color = LEVEL_FILL[rule.level];
  cf.custom.format.font.color = LEVEL_FONT[rule.level];
}

/** Rules the add-in created carry RULE_MARKER in their formula; the user's own rules never do. */
export function isOurs(cf: Excel.ConditionalFormat): boolean {
  return (
    !cf.customOrNullObject.isNullObject &&
    cf.customOrNullObject.rule.formula.includes(RULE_MARKER)
  );
}
