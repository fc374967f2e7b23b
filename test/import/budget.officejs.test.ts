/**
 * Import into the budget against the fake host (product.md 12, "Budget": the pane's Import "into
 * the budget"): the same read, plan and write as into Tracking, on the Budget_<id> rows; the
 * Tracking sheet is left as it was; a typed budget figure is replaced only once the user says so.
 */
import { columnLetter, parseAddress } from "../../src/core/template";
import { insertTrackingWorkbook, readImport, writeImport } from "../../src/officejs/operations";
import { ImportChangedError } from "../../src/officejs/errors";
import { FakeState, fakeContext, installFakeOffice, newFakeState, newSheet } from "../support/excel-fake";

let state: FakeState;
beforeEach(async () => {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  await insertTrackingWorkbook(fakeContext(state), { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", months: 12 });
  state.syncs = 0;
});

const sheetNamed = (name: string) => state.sheets.find((s) => s.name === name)!;
/** Month t's cell (1-based) of the row a workbook name points at: where the template put it, read back through the name. */
function cellOf(name: string, t: number): { sheet: string; ref: string } {
  const n = state.names.get(name)!;
  const { start } = parseAddress(`x!${n.ref.replace(/\$/g, "")}`);
  return { sheet: n.sheet, ref: `${columnLetter(start.col + t - 1)}${start.row}` };
}
const valueAt = ({ sheet, ref }: { sheet: string; ref: string }) => sheetNamed(sheet).cells.get(ref)?.value;

function userData(rows: (string | number | null)[][]) {
  const sheet = newSheet("Plan 2026");
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && sheet.cells.set(`${columnLetter(c + 1)}${r + 1}`, { value: v })));
  state.sheets.push(sheet);
  state.selected = `'Plan 2026'!A1:${columnLetter(rows[0].length)}${rows.length}`;
}

const BUDGET_BLOCK = [
  ["KPI", "Jan 2026", "Feb 2026"],
  ["MRR", 100_000, 110_000],
  ["Expansion MRR", 5_000, 6_000],
];

test("writes the Budget_<id> rows' month cells and no cell of the Tracking sheet, in three syncs as into Tracking", async () => {
  userData(BUDGET_BLOCK);
  const trackingBefore = JSON.stringify([...sheetNamed("Tracking").cells]);
  const preview = await readImport(fakeContext(state), "en", {}, "budget");
  expect(preview.plan.errors).toEqual([]);
  expect(preview.plan.target).toBe("budget");
  // product.md 12: each value in its calendar month on the Budget sheet's row of that measure.
  const expected = [cellOf("Budget_mrr", 1), cellOf("Budget_mrr", 2), cellOf("Budget_expansion_mrr", 1), cellOf("Budget_expansion_mrr", 2)];
  expect(expected.every((c) => c.sheet === "Budget")).toBe(true);
  expect(preview.plan.cells.map((c) => c.address)).toEqual(expected.map((c) => `Budget!${c.ref}`));
  const written = await writeImport(fakeContext(state), preview.plan, false);
  expect(state.syncs).toBe(3);
  expect(written).toMatchObject({ written: 4, keptTyped: 0 });
  expect(expected.map(valueAt)).toEqual([100_000, 110_000, 5_000, 6_000]);
  expect(JSON.stringify([...sheetNamed("Tracking").cells])).toBe(trackingBefore);
});

test("a budget figure typed before is kept unless the user confirms replacing it (product.md 11)", async () => {
  const typed = cellOf("Budget_mrr", 1);
  sheetNamed("Budget").cells.set(typed.ref, { value: 95_000 });
  userData(BUDGET_BLOCK);
  const preview = await readImport(fakeContext(state), "en", {}, "budget");
  expect(preview.plan.overwrites.map((c) => [c.address, c.previous, c.value])).toEqual([[`Budget!${typed.ref}`, 95_000, 100_000]]);
  await writeImport(fakeContext(state), preview.plan, false);
  expect(valueAt(typed)).toBe(95_000);
  const again = await readImport(fakeContext(state), "en", {}, "budget");
  await writeImport(fakeContext(state), again.plan, true);
  expect(valueAt(typed)).toBe(100_000);
});

test("a budget cell changed since the preview: nothing written, and the sentence names the Budget sheet", async () => {
  userData(BUDGET_BLOCK);
  const preview = await readImport(fakeContext(state), "en", {}, "budget");
  const changed = cellOf("Budget_mrr", 2);
  sheetNamed("Budget").cells.set(changed.ref, { value: 1 });
  const error = await writeImport(fakeContext(state), preview.plan, true).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportChangedError);
  expect(error).toMatchObject({ code: "budgetChanged", target: "budget", message: expect.stringMatching(/^The Budget sheet changed since the preview, so nothing was written/) });
  expect(valueAt(cellOf("Budget_mrr", 1))).toBeUndefined();
});

test("a tracker an earlier version made (no Budget sheet, no Budget_ names): a sentence saying to rebuild it first; nothing read into Tracking", async () => {
  for (const name of [...state.names.keys()]) if (name.startsWith("Budget_")) state.names.delete(name);
  userData(BUDGET_BLOCK);
  await expect(readImport(fakeContext(state), "en", {}, "budget")).rejects.toMatchObject({
    code: "noBudget",
    message: expect.stringContaining("Rebuild it first"),
  });
  // On a host that refuses paths through a missing name, the names are listed first: the same sentence.
  state.strictNullObjects = true;
  await expect(readImport(fakeContext(state), "en", {}, "budget")).rejects.toMatchObject({ code: "noBudget" });
  // Into Tracking still reads as before.
  expect((await readImport(fakeContext(state))).plan.cells).toHaveLength(4);
});
