/**
 * A formula's text in the syntax one Excel shows and takes when typed. English Excel separates
 * arguments with `,` and writes `0.06`; Spanish Excel (Spain's regional settings) separates them
 * with `;`, writes `0,06`, and in an array constant separates columns with `\` and rows with `;`
 * (Microsoft's "Usar constantes matriciales en fórmulas de matriz",
 * https://support.microsoft.com/es-es/office/477443ea-5e71-4242-877d-fcae47454eb8: `{1\2\3\4\5}`
 * is a row, `{"Trimestre 1";"Trimestre 2"}` a column). Range.formulas takes the English syntax
 * whatever Excel's language; `formulasLocal` is the user's
 * (https://learn.microsoft.com/javascript/api/excel/excel.range). So the "en" text is what is
 * written into a cell, and the "es" text what a Spanish Excel user reads and types.
 */

export type Syntax = "en" | "es";

type Scalar = string | number;
/** An argument left empty (`=SCALE.TARGET("sales.win_rate", )`): the function gets null, or 0 on desktop. */
export const OMITTED = { omitted: true } as const;
/** An argument: a literal, an array constant laid out as a row or a column, or OMITTED. */
export type FormulaArg =
  | Scalar
  | { readonly row: readonly Scalar[] }
  | { readonly column: readonly Scalar[] }
  | typeof OMITTED;

const SEPARATORS = {
  en: { argument: ", ", column: ",", row: ";", decimal: "." },
  es: { argument: "; ", column: "\\", row: ";", decimal: "," },
} as const;

function scalar(value: Scalar, syntax: Syntax): string {
  return typeof value === "string"
    ? `"${value.replace(/"/g, '""')}"`
    : String(value).replace(".", SEPARATORS[syntax].decimal);
}

function argument(arg: FormulaArg, syntax: Syntax): string {
  if (typeof arg !== "object") return scalar(arg, syntax);
  if ("omitted" in arg) return "";
  const [items, separator] =
    "row" in arg
      ? [arg.row, SEPARATORS[syntax].column]
      : [arg.column, SEPARATORS[syntax].row];
  return `{${items.map((v) => scalar(v, syntax)).join(separator)}}`;
}

/** `=NAME(arg, arg)` in `syntax`. */
export function formulaText(
  name: string,
  args: readonly FormulaArg[],
  syntax: Syntax,
): string {
  return `=${name}(${args.map((a) => argument(a, syntax)).join(SEPARATORS[syntax].argument)})`;
}

/** A signature's parameter list ("metric, value, phase") with `syntax`'s argument separator. */
export function parameterList(
  params: readonly string[],
  syntax: Syntax,
): string {
  return params.join(SEPARATORS[syntax].argument);
}
