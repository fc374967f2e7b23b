/** Import from a selection against the fake host: one sync to read, one to write, typed values only when confirmed. */
import { NAMES, columnLetter, monthColumn, trackingRow } from "../../src/core/template";
import { insertTrackingWorkbook, readImport, writeImport } from "../../src/excel";
import { FakeState, fakeContext, installFakeOffice, newFakeState, newSheet } from "../fakes/excel-fake";

let state: FakeState;
beforeEach(async () => {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  await insertTrackingWorkbook(fakeContext(state), { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", months: 12 });
  state.syncs = 0;
});

const tracking = () => state.sheets.find((s) => s.name === "Tracking")!;
const cellOf = (key: string, t: number) => `${columnLetter(monthColumn(t))}${trackingRow(key)}`;
/** A sheet of the user's, its cells given row by row from A1. */
function userData(rows: (string | number | null)[][], name = "Data") {
  const sheet = newSheet(name);
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && sheet.cells.set(`${columnLetter(c + 1)}${r + 1}`, { value: v })));
  state.sheets.push(sheet);
  state.selected = `${name}!A1:${columnLetter(rows[0].length)}${rows.length}`;
}

test("a wide block with date headers: what goes where, an overwrite listed apart, one sync each way", async () => {
  tracking().cells.set(cellOf("mrr", 1), { value: 90_000 }); // typed before
  userData([
    ["metric", 46023, 46054], // Excel's dates for 2026-01-01 and 2026-02-01
    ["MRR", 100_000, 120_000],
    ["Churn mensual", 0.04, null],
    ["arr", null, 1_500_000], // over ARR's formula
  ]);
  const preview = await readImport(fakeContext(state));
  expect([preview.syncs, state.syncs]).toEqual([1, 1]);
  expect(preview.source).toBe("Data!A1:C4");
  expect(preview.plan.errors).toEqual([]);
  expect(preview.plan.cells.map((c) => [c.row.key, c.monthLabel, c.value, c.address, c.replaces])).toEqual([
    ["mrr", "2026-01", 100_000, `Tracking!${cellOf("mrr", 1)}`, "typed"],
    ["mrr", "2026-02", 120_000, `Tracking!${cellOf("mrr", 2)}`, "empty"],
    ["churn", "2026-01", 0.04, `Tracking!${cellOf("churn", 1)}`, "empty"],
    ["arr", "2026-02", 1_500_000, `Tracking!${cellOf("arr", 2)}`, "formula"],
  ]);
  expect(preview.plan.overwrites.map((c) => [c.address, c.previous, c.value])).toEqual([[`Tracking!${cellOf("mrr", 1)}`, 90_000, 100_000]]);

  state.syncs = 0;
  const written = await writeImport(fakeContext(state), preview.plan, false);
  expect([written, state.syncs]).toEqual([{ written: 3, keptTyped: 1, syncs: 1 }, 1]);
  expect(tracking().cells.get(cellOf("mrr", 1))).toEqual({ value: 90_000 });
  expect(tracking().cells.get(cellOf("mrr", 2))!.value).toBe(120_000);
  expect(tracking().cells.get(cellOf("arr", 2))).toMatchObject({ value: 1_500_000, formula: undefined });
  // Read again: the typed value is still the one difference; confirmed, it is replaced.
  const again = await readImport(fakeContext(state));
  expect([again.plan.cells.length, again.plan.unchanged]).toEqual([1, 3]);
  await writeImport(fakeContext(state), again.plan, true);
  expect(tracking().cells.get(cellOf("mrr", 1))!.value).toBe(100_000);
});

test("the transpose and the long form read the same way", async () => {
  userData([
    ["Month", "mrr", "cash_burn.burn_rate"],
    ["2026-03", 200_000, 300_000],
  ]);
  const transposed = await readImport(fakeContext(state));
  expect(transposed.plan.cells.map((c) => [c.row.key, c.month])).toEqual([["mrr", 3], ["cash_burn_burn_rate", 3]]);
  userData([["metric", "month", "value"], ["nps", 4, 71]], "Long");
  expect((await readImport(fakeContext(state))).plan.cells.map((c) => [c.row.key, c.month, c.value])).toEqual([["nps", 4, 71]]);
});

test("a refused row: every reason with its sheet row, and nothing can be written", async () => {
  userData([
    ["metric", "2026-01", "2027-06"],
    ["mrr", 100_000, 1],
    ["churn", 5, null],
    ["mrrr", 1, null],
  ]);
  const preview = await readImport(fakeContext(state));
  expect(preview.plan.errors).toEqual([
    "row 2, column 2027-06: month 2027-06 is outside the timeline, which runs from 2026-01 to 2026-12 (12 months); add months by inserting columns inside the Tracking sheet's month block first, or leave those months out",
    "row 3, column 2026-01: churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5.",
    'row 4: unknown metric "mrrr" (did you mean mrr, arr, mrr_growth?)',
  ]);
  expect(preview.plan.cells).toEqual([]);
  const before = JSON.stringify([...tracking().cells]);
  await expect(writeImport(fakeContext(state), preview.plan, true)).rejects.toThrow("writes nothing");
  expect(JSON.stringify([...tracking().cells])).toBe(before);
});

test("no template, or a selection larger than an import reads: a sentence, nothing read", async () => {
  userData([["metric", "2026-01"], ["mrr", 1]]);
  const big = state.sheets.find((s) => s.name === "Data")!;
  big.cells.set("Z500", { value: 1 });
  state.selected = "Data!A1:Z500";
  await expect(readImport(fakeContext(state))).rejects.toMatchObject({ code: "tooLarge" });
  state.names.delete(NAMES.months);
  state.selected = "Data!A1:B2";
  await expect(readImport(fakeContext(state))).rejects.toMatchObject({ code: "notInserted" });
});

test("in the Spanish pane: messages in Spanish, and text in the selection read with decimal commas", async () => {
  userData([
    ["métrica", 1, 2],
    ["Churn mensual", "0,04", "5%"],
  ]);
  const preview = await readImport(fakeContext(state), "es");
  expect(preview.plan.errors).toEqual(['fila 2, columna 2: el valor "5%" lleva signo de porcentaje: escribe los porcentajes como fracciones (5 % es 0,05)']);
  userData([
    ["métrica", 1],
    ["Churn mensual", "0,04"],
  ], "Datos");
  expect((await readImport(fakeContext(state), "es")).plan.cells.map((c) => [c.row.key, c.month, c.value])).toEqual([["churn", 1, 0.04]]);
  // The English pane refuses "0,04" as text that is not a number, and says so in English.
  expect((await readImport(fakeContext(state))).plan.errors).toEqual(['row 2, column 1: value "0,04" is not a number (write fractions as 0.05, not 5%)']);
});
