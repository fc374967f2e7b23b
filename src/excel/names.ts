/** Workbook names as Office.js lists them, for the reads that go through existing names only. */
import { NAMES } from "../core/template/names";

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

/** After the same load and sync: whether the workbook has a tracker (its Tracking_Months name is a range). */
export const hasTrackerName = (names: Excel.NamedItemCollection): boolean =>
  rangeNameTest(names)(NAMES.months);
