/**
 * Import from a selection into the Departments and Channels sheets' typed rows, against the fake
 * host (product.md 11 and 13, docs/import.md): the cells are found through the rows' workbook names
 * (`Dept_<key>`, `Channel_<slot>_<measure>`), the same read and write as Tracking's, a typed value
 * replaced only when confirmed; a tracker without these sheets is told to be rebuilt first.
 */
import { columnLetter } from "../../src/core/template";
import { insertTrackingWorkbook, readImport, writeImport } from "../../src/officejs/operations";
import { FakeState, box, fakeContext, installFakeOffice, newFakeState, newSheet } from "../support/excel-fake";

let state: FakeState;
beforeEach(async () => {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  await insertTrackingWorkbook(fakeContext(state), { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", months: 12 });
  state.syncs = 0;
});

/** The month cells of a row on `sheet`, by the name the sheet's builder gave them. */
function rowCells(name: string, sheet: string): string[] {
  const at = state.names.get(name)!;
  expect(at.sheet).toBe(sheet);
  const b = box(at.ref);
  return Array.from({ length: b.c2 - b.c1 + 1 }, (_, k) => `${columnLetter(b.c1 + k)}${b.r1}`);
}

const sheet = (name: string) => state.sheets.find((s) => s.name === name)!;

/** A sheet of the user's, its cells given row by row from A1, selected. */
function userData(rows: (string | number | null)[][], name = "Data") {
  const data = newSheet(name);
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && data.cells.set(`${columnLetter(c + 1)}${r + 1}`, { value: v })));
  state.sheets.push(data);
  state.selected = `${name}!A1:${columnLetter(rows[0].length)}${rows.length}`;
}

test("a win rate and a channel's spend go to their month cells on the Departments and Channels sheets; a typed one only when confirmed", async () => {
  const winRate = rowCells("Dept_sales_win_rate", "Departments");
  const spend = rowCells("Channel_paid_advertising_spend", "Channels");
  sheet("Channels").cells.set(spend[0], { value: 4_000 }); // typed before
  userData([
    ["KPI", "Jan 2026", "Feb 2026"],
    ["Win rate", 0.35, 0.38],
    ["Gasto en publicidad pagada", 5_000, 6_000],
  ]);
  const preview = await readImport(fakeContext(state));
  expect(preview.plan.errors).toEqual([]);
  expect(preview.plan.cells.map((c) => [c.address, c.row.key, c.value, c.replaces])).toEqual([
    [`Departments!${winRate[0]}`, "sales.win_rate", 0.35, "empty"],
    [`Departments!${winRate[1]}`, "sales.win_rate", 0.38, "empty"],
    [`Channels!${spend[0]}`, "channel.paid_advertising.spend", 5_000, "typed"],
    [`Channels!${spend[1]}`, "channel.paid_advertising.spend", 6_000, "empty"],
  ]);
  expect(preview.plan.overwrites.map((c) => [c.previous, c.value])).toEqual([[4_000, 5_000]]);

  const written = await writeImport(fakeContext(state), preview.plan, false);
  expect(written).toMatchObject({ written: 3, keptTyped: 1 });
  expect([winRate[0], winRate[1]].map((ref) => sheet("Departments").cells.get(ref)?.value)).toEqual([0.35, 0.38]);
  expect([spend[0], spend[1]].map((ref) => sheet("Channels").cells.get(ref)?.value)).toEqual([4_000, 6_000]);
  const again = await readImport(fakeContext(state));
  await writeImport(fakeContext(state), again.plan, true);
  expect(sheet("Channels").cells.get(spend[0])?.value).toBe(5_000);
});

test("a tracker without the Departments and Channels rows (made before them): rebuild it first, nothing written", async () => {
  for (const name of [...state.names.keys()]) if (/^(Dept|Channel)_/.test(name)) state.names.delete(name);
  userData([
    ["KPI", "Jan 2026"],
    ["MRR", 100_000],
    ["sales.win_rate", 0.4],
  ]);
  const preview = await readImport(fakeContext(state));
  expect(preview.plan.cells).toEqual([]);
  expect(preview.plan.errors).toEqual([
    "row 3: sales.win_rate is typed on the Departments sheet, which this tracker does not have (it was made before that sheet): rebuild it first from the pane's Insert view, which keeps every number you typed, then import again",
  ]);
});

test("a host that refuses objects reached through a missing name reads the names first and says the same", async () => {
  for (const name of [...state.names.keys()]) if (/^(Dept|Channel)_/.test(name)) state.names.delete(name);
  state.strictNullObjects = true;
  userData([
    ["KPI", "Jan 2026"],
    ["Paid advertising spend", 100],
  ]);
  const preview = await readImport(fakeContext(state));
  expect(preview.plan.errors).toEqual([
    "row 2: channel.paid_advertising.spend is typed on the Channels sheet, which this tracker does not have (it was made before that sheet): rebuild it first from the pane's Insert view, which keeps every number you typed, then import again",
  ]);
});

test("a channel the user named on the Channels sheet: its rows read by that name ('TikTok spend')", async () => {
  const spend = rowCells("Channel_user1_spend", "Channels");
  const name = state.names.get("Channel_user1_Name")!;
  sheet(name.sheet).cells.set(name.ref, { value: "TikTok" });
  userData([
    ["KPI", "Jan 2026"],
    ["TikTok spend", 800],
  ]);
  const preview = await readImport(fakeContext(state));
  expect(preview.plan.errors).toEqual([]);
  expect(preview.plan.cells.map((c) => [c.address, c.row.key, c.value])).toEqual([[`Channels!${spend[0]}`, "channel.user1.spend", 800]]);
});
