/**
 * Rebuild in the open workbook, on the fake Excel host, carries what a user typed on the
 * Departments, Channels and Tools sheets (product.md 11: every typed input by calendar month,
 * nothing dropped without the user confirming it; product.md 13): read through the workbook's
 * names in the same batch as the rest of the tracker (still 5 syncs), placed where the new
 * sheets' names point.
 */
import { NAMES, TemplateOptions, cellPosition, columnLetter } from "../../src/core/template";
import { CHANNELS, channelsMonthColumn } from "../../src/core/template/channels-layout";
import { DEPARTMENTS_SHEET, departmentMonthColumn } from "../../src/core/template/departments-layout";
import { insertTrackingWorkbook, readTracker, rebuildTracker } from "../../src/officejs/operations";
import { FakeState, fakeContext, installFakeOffice, newFakeState } from "../support/excel-fake";

const OLD: TemplateOptions = { language: "en", company: "Acme", currency: "EUR", firstMonth: "2026-01", months: 24 };
/** An earlier first month: January 2026 becomes month 7. */
const NEW = { language: "en", company: "Acme", currency: "EUR", firstMonth: "2025-07", months: 36 } as const;
const BI = "business_intelligence";

let state: FakeState;
/** A name's first cell, and the cell `dc` columns to its right, as the workbook holds them now. */
function through(name: string, dc = 0) {
  const n = state.names.get(name);
  if (!n) throw new Error(`the workbook has no name ${name}`);
  const { col, row } = cellPosition(n.ref.split(":")[0]);
  return { sheet: state.sheets.find((s) => s.name === n.sheet)!, ref: `${columnLetter(col + dc)}${row}` };
}
function type(name: string, dc: number, value: number | string) {
  const { sheet, ref } = through(name, dc);
  sheet.cells.set(ref, { ...sheet.cells.get(ref), value, formula: undefined });
}
const read = (name: string, dc = 0) => {
  const { sheet, ref } = through(name, dc);
  return sheet.cells.get(ref)?.value;
};

beforeEach(async () => {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  await insertTrackingWorkbook(fakeContext(state), OLD);
  // March 2026 (column 2 right of January): the win rate and paid advertising's spend; January: a channel of the user's own.
  type(NAMES.department("sales.win_rate"), 2, 0.38);
  type(NAMES.channel("channel.paid_advertising.spend"), 2, 5_000);
  type(NAMES.channel("channel.user1.spend"), 0, 900);
  type(NAMES.channelName("user1"), 0, "TikTok");
  type(NAMES.departmentBaseline("operations.error_reduction"), 0, 40);
  type(NAMES.tool(BI, "Owner"), 0, "Ana");
  type(NAMES.tool(BI, "Status"), 0, "In use");
  type(NAMES.toolImpact(`${BI}.data_accuracy`, "Current"), 0, 0.95);
  state.syncs = 0;
});

test("the pane says what it would carry, the single inputs counted apart (two syncs)", async () => {
  const found = await readTracker(fakeContext(state));
  expect(found).toEqual(expect.objectContaining({ values: 3, cells: 5 }));
  expect(state.syncs).toBe(2);
});

test("an earlier first month, in Spanish: each month row's value in its calendar month, each single input in its cell; still 5 syncs", async () => {
  const outcome = await rebuildTracker(fakeContext(state), { ...NEW, language: "es" });
  if (outcome.kind !== "done") throw new Error(outcome.kind);
  expect(state.syncs).toBe(5);
  // July 2025 is month 1: March 2026 is 8 columns right of the first month, January 2026 6.
  expect([7, 8, 9].map((dc) => read(NAMES.department("sales.win_rate"), dc))).toEqual([undefined, 0.38, undefined]);
  expect(read(NAMES.channel("channel.paid_advertising.spend"), 8)).toBe(5_000);
  expect(read(NAMES.channel("channel.user1.spend"), 6)).toBe(900);
  expect(read(NAMES.channelName("user1"))).toBe("TikTok");
  expect(read(NAMES.departmentBaseline("operations.error_reduction"))).toBe(40);
  expect([read(NAMES.tool(BI, "Owner")), read(NAMES.tool(BI, "Status"))]).toEqual(["Ana", "En uso"]);
  expect(read(NAMES.toolImpact(`${BI}.data_accuracy`, "Current"))).toBe(0.95);
  expect(outcome.result.carried).toEqual(expect.objectContaining({ values: 3, cells: 5 }));
});

test("a later first month: the values before it are listed with their sheet, nothing written until confirmed", async () => {
  const later = { ...NEW, firstMonth: "2026-02", months: 12 };
  const asked = await rebuildTracker(fakeContext(state), later);
  if (asked.kind !== "confirm") throw new Error(asked.kind);
  expect(asked.dropped).toEqual([{ key: "channel.user1.spend", month: "2026-01", value: 900, reason: "outside" }]);
  expect(state.syncs).toBe(2);
  const done = await rebuildTracker(fakeContext(state), later, asked.dropped);
  if (done.kind !== "done") throw new Error(done.kind);
  expect(read(NAMES.department("sales.win_rate"), 1)).toBe(0.38);
  expect(read(NAMES.tool(BI, "Owner"))).toBe("Ana");
});

test("a tracker made before the three sheets (none of their sheets or names) is rebuilt with them, empty, and nothing of them to carry", async () => {
  const made = ["Departments", "Channels", "Tools"];
  state.sheets = state.sheets.filter((s) => !made.includes(s.name));
  for (const [name, n] of [...state.names]) if (made.includes(n.sheet)) state.names.delete(name);
  // The dashboard's tools cost and the next step's link read the Tools sheet: an older dashboard had neither.
  expect(state.names.has(NAMES.tool(BI, "Owner"))).toBe(false);
  const outcome = await rebuildTracker(fakeContext(state), NEW);
  if (outcome.kind !== "done") throw new Error(outcome.kind);
  expect(outcome.result.carried).toEqual(expect.objectContaining({ values: 0, cells: 0 }));
  expect(state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(made));
  expect([read(NAMES.tool(BI, "Owner")), read(NAMES.department("sales.win_rate"), 8), read(NAMES.channelName("user1"))]).toEqual([undefined, undefined, undefined]);
});

describe("numbers typed over the computed month cells of the Departments and Channels sheets (product.md 11: carried as a number, the other months keep their formula)", () => {
  // Where the cells are: the sheets' layouts (docs/workbook.md), month t in its column.
  const at = (sheetName: string, row: number, column: number) => {
    const sheet = state.sheets.find((s) => s.name === sheetName)!;
    const ref = `${columnLetter(column)}${row}`;
    return { get: () => sheet.cells.get(ref), set: (value: number) => sheet.cells.set(ref, { ...sheet.cells.get(ref), value, formula: undefined }) };
  };
  const channelCac = (t: number) => at("Channels", CHANNELS.cacRow(0), channelsMonthColumn(t));
  const uptime = (t: number) => at("Departments", DEPARTMENTS_SHEET.kpiRow("product.uptime"), departmentMonthColumn(t));

  test("the pane counts them, carries them into their calendar month and keeps the neighbouring months' formulas", async () => {
    // March 2026 (month 3): paid advertising's CAC and the product uptime a linked KPI reads from Tracking.
    channelCac(3).set(87.5);
    uptime(3).set(0.995);
    const found = await readTracker(fakeContext(state));
    expect(found).toEqual(expect.objectContaining({ values: 5, typedOver: 2 }));
    const outcome = await rebuildTracker(fakeContext(state), NEW);
    if (outcome.kind !== "done") throw new Error(outcome.kind);
    expect(outcome.result.carried).toEqual(expect.objectContaining({ values: 5, typedOver: 2 }));
    // July 2025 is month 1: March 2026 is month 9.
    expect([channelCac(9).get()?.value, uptime(9).get()?.value]).toEqual([87.5, 0.995]);
    expect([channelCac(9).get()?.formula, uptime(9).get()?.formula]).toEqual([undefined, undefined]);
    for (const c of [channelCac(8), channelCac(10), uptime(8), uptime(10)]) expect(c.get()?.formula).toEqual(expect.stringContaining("IF("));
  });
});
