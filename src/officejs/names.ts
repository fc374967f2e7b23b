/** Workbook names as Office.js lists them, for the reads that go through existing names only. */

/**
 * After `names.load("items/name,items/type")` and a sync: whether a name exists as a range
 * (Excel compares names without regard to case; a name whose sheet was deleted is no range).
 */
export function rangeNameTest(
  names: Excel.NamedItemCollection,
): (name: string) => boolean {
  const ranges = new Set(
    names.items
      .filter((n) => n.type === Excel.NamedItemType.range)
      .map((n) => n.name.toLowerCase()),
  );
  return (name) => ranges.has(name.toLowerCase());
}

/** After a names load with formulas: each name's formula, "" for a name that does not exist. */
export function referencesOf(
  names: Excel.NamedItemCollection,
): (name: string) => string {
  const formulas = new Map(
    names.items.map((n) => [n.name.toLowerCase(), n.formula] as const),
  );
  return (name) => formulas.get(name.toLowerCase()) ?? "";
}
