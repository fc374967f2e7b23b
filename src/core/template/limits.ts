/**
 * Excel's length limit on conditional-format and data-validation formulas (product.md 10,
 * "Limits"): the rule editor and the data-validation Source box take at most 255 characters, and
 * the workbook never depends on Excel accepting a longer one. Microsoft documents 255-character
 * limits on data validation's attributes (MS-OI29500 2.1.613, dataValidation:
 * https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64);
 * for the formulas themselves we found no Microsoft page, only writers that hit it (exceljs
 * #2264, linkml #1798), so the limit is product.md's and counted strictly: a rule's formula with
 * its "=", a list with its quotes, as they are stored.
 */
import { ValidationSpec, WorkbookSpec } from "./types";

export const RULE_FORMULA_MAX_CHARS = 255;

/** A list validation's source, as both writers give it: the values separated by commas. */
export const listSource = (values: readonly string[]) => values.join(",");

/** The formulas a validation gives Excel, as an .xlsx stores them. */
export function validationFormulas(v: ValidationSpec): string[] {
  switch (v.kind) {
    case "decimal":
    case "whole":
      return [String(v.min), String(v.max)];
    case "list":
      return [`"${listSource(v.values)}"`];
    case "date":
      return [];
  }
}

/** Every conditional-format and data-validation formula of the workbook, with where it goes. */
function ruleFormulas(
  spec: WorkbookSpec,
): { where: string; formula: string }[] {
  return [
    ...spec.rules.map((r) => ({
      where: `conditional format ${r.level} on ${r.sheet}!${r.ref}`,
      formula: `=${r.formula}`,
    })),
    ...spec.validations.flatMap((v) =>
      validationFormulas(v).map((formula) => ({
        where: `validation on ${v.sheet}!${v.ref}`,
        formula,
      })),
    ),
  ];
}

/** The longest conditional-format or data-validation formula, in characters. */
export const longestRuleFormula = (spec: WorkbookSpec): number =>
  Math.max(0, ...ruleFormulas(spec).map((f) => f.formula.length));

/** What Excel's rule editor would refuse: one line per formula longer than it takes. */
export const ruleFormulaProblems = (spec: WorkbookSpec): string[] =>
  ruleFormulas(spec)
    .filter((f) => f.formula.length > RULE_FORMULA_MAX_CHARS)
    .map(
      (f) =>
        `The ${f.where} is ${f.formula.length} characters; Excel takes at most ${RULE_FORMULA_MAX_CHARS}.`,
    );
