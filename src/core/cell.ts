/**
 * A cell's value as the add-in receives it, and the one rule for a blank cell. Excel passes an
 * empty cell to a custom function as null on the web and as 0 on desktop, "" or spaces where a
 * formula or a paste left them, and undefined for an omitted argument; a file's reader and a
 * selection give the same values. Every reader of cells (the functions, the thresholds tables,
 * the importer) asks these two questions here.
 */
export type Cell = string | number | boolean | null | undefined;

/** An empty cell as Excel passes it: null (web), "" or spaces, undefined for an omitted argument. */
export function isBlank(c: Cell): boolean {
  return (
    c === null || c === undefined || (typeof c === "string" && isBlankText(c))
  );
}

/** "" or only spaces; an id such as "mrr" is told apart without a trimmed copy (this runs several times a call). */
const isBlankText = (text: string) =>
  text.length === 0 || (/^\s/.test(text) && text.trim() === "");

/** Empty, or 0 as Excel desktop passes an empty cell: no id, threshold, floor or optional scalar is 0. */
export const isEmpty = (c: Cell) => isBlank(c) || c === 0;
