/** Import from a selection against the fake host: one sync to read, one to write, typed values only when confirmed. */
import { NAMES, columnLetter, monthColumn, trackingRow } from "../../src/core/template";
import { WorkbookError, insertTrackingWorkbook, readImport, writeImport } from "../../src/officejs/operations";
import { ImportChangedError, ImportIncompleteError } from "../../src/officejs/errors";
import { STRINGS } from "../../src/taskpane/strings";
import { FakeState, fakeContext, insertColumn, installFakeOffice, newFakeState, newSheet } from "../support/excel-fake";

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
  // One sync checks the cells still hold what the preview read, one writes.
  expect([written, state.syncs]).toEqual([{ written: 3, keptTyped: 1, syncs: 2 }, 2]);
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
    "row 2, column Jun 2027: month Jun 2027 is outside the timeline, which runs from Jan 2026 to Dec 2026 (12 months); add months by inserting columns inside the Tracking sheet's month block first, or leave those months out",
    "row 3, column Jan 2026: churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5.",
    'row 4: unknown metric "mrrr" (did you mean mrr, arr, mrr_growth?); choose the measure it is, or leave the row out of the selection',
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

describe("the write checks the Tracking sheet still holds what the preview read (product.md 10, nothing lost)", () => {
  /** A preview of MRR for months 1-3 and churn for month 1: month 1 of MRR typed before, ARR's month 2 a formula. */
  async function preview() {
    tracking().cells.set(cellOf("mrr", 1), { value: 90_000 });
    userData([
      ["metric", 1, 2, 3],
      ["mrr", 100_000, 110_000, 120_000],
      ["churn", 0.04, null, null],
      ["arr", null, 1_500_000, null],
    ]);
    const p = await readImport(fakeContext(state));
    expect(p.plan.cells.map((c) => [c.address, c.seen])).toEqual([
      [`Tracking!${cellOf("mrr", 1)}`, 90_000],
      [`Tracking!${cellOf("mrr", 2)}`, ""],
      [`Tracking!${cellOf("mrr", 3)}`, ""],
      [`Tracking!${cellOf("churn", 1)}`, ""],
      [`Tracking!${cellOf("arr", 2)}`, `=${tracking().cells.get(cellOf("arr", 2))!.formula}`],
    ]);
    state.syncs = 0;
    return p;
  }
  const trackingCells = () => JSON.stringify([...tracking().cells].sort());

  test("a value typed, a formula cleared and a typed value changed since the preview: listed, nothing written, one sync", async () => {
    const p = await preview();
    tracking().cells.set(cellOf("mrr", 3), { value: 95_000 });
    tracking().cells.delete(cellOf("arr", 2));
    tracking().cells.set(cellOf("mrr", 1), { value: 91_000 });
    const before = trackingCells();
    const error = await writeImport(fakeContext(state), p.plan, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportChangedError);
    const { cells, moved } = error as ImportChangedError;
    expect(cells.map((c) => [c.cell.address, c.cell.seen, c.now])).toEqual([
      [`Tracking!${cellOf("mrr", 1)}`, 90_000, 91_000],
      [`Tracking!${cellOf("mrr", 3)}`, "", 95_000],
      [`Tracking!${cellOf("arr", 2)}`, p.plan.cells[4].seen, ""],
    ]);
    expect(moved).toEqual([]);
    expect(trackingCells()).toBe(before);
    expect(state.syncs).toBe(1);
    expect((error as ImportChangedError).message).toContain("Read the selection again");
    // Read again, the preview shows the cells as they are; written, they take the values.
    const again = await readImport(fakeContext(state));
    expect((await writeImport(fakeContext(state), again.plan, true)).written).toBe(5);
  });

  test("a typed value the user chose to keep may change: it is not written, so not checked", async () => {
    const p = await preview();
    tracking().cells.set(cellOf("mrr", 1), { value: 91_000 });
    expect(await writeImport(fakeContext(state), p.plan, false)).toEqual({ written: 4, keptTyped: 1, syncs: 2 });
    expect(state.syncs).toBe(2); // the check read the cells, and wrote
    expect(tracking().cells.get(cellOf("mrr", 1))).toEqual({ value: 91_000 });
  });

  test("a month column inserted since the preview: the rows moved, nothing written", async () => {
    const p = await preview();
    insertColumn(state, "Tracking", columnLetter(monthColumn(2)));
    const before = trackingCells();
    const error = (await writeImport(fakeContext(state), p.plan, true).catch((e: unknown) => e)) as ImportChangedError;
    expect(error).toBeInstanceOf(ImportChangedError);
    expect(error.moved).toEqual([NAMES.tracking("mrr"), NAMES.tracking("churn"), NAMES.tracking("arr")]);
    expect(trackingCells()).toBe(before);
  });

  test("the Tracking sheet renamed since the preview, on a host that refuses a missing sheet: the rows moved, nothing written", async () => {
    const p = await preview();
    state.strictNullObjects = true;
    tracking().name = "Old tracking";
    const before = JSON.stringify([...state.sheets.find((s) => s.name === "Old tracking")!.cells]);
    const error = (await writeImport(fakeContext(state), p.plan, true).catch((e: unknown) => e)) as ImportChangedError;
    expect(error).toBeInstanceOf(ImportChangedError);
    expect(error.moved).toHaveLength(3);
    expect(JSON.stringify([...state.sheets.find((s) => s.name === "Old tracking")!.cells])).toBe(before);
  });

  test("Excel stopping the write at any of its writes: the cells written are read back and listed, exactly those the sheet holds", async () => {
    const p = await preview();
    const original = structuredClone(tracking().cells);
    let total = 0;
    state.failWhen = (op) => (op === "range.formulas" && total++, false);
    await writeImport(fakeContext(state), p.plan, true);
    expect(total).toBe(3); // one write per row: MRR's three months, churn's, ARR's
    for (let k = 1; k <= total; k++) {
      tracking().cells = structuredClone(original);
      let n = 0;
      state.failWhen = (op) => (op === "range.formulas" && ++n === k ? "AccessDenied" : false);
      const error = await writeImport(fakeContext(state), p.plan, true).catch((e: unknown) => e);
      const holds = p.plan.cells.filter((c) => tracking().cells.get(c.address.split("!")[1])?.value === c.value);
      if (holds.length === 0) {
        expect([k, error]).toEqual([k, expect.objectContaining({ code: "protected" })]);
        expect(error).not.toBeInstanceOf(ImportIncompleteError);
        continue;
      }
      expect([k, error]).toEqual([k, expect.any(ImportIncompleteError)]);
      const incomplete = error as ImportIncompleteError;
      expect([k, incomplete.written.map((c) => c.address)]).toEqual([k, holds.map((c) => c.address)]);
      expect([incomplete.total, incomplete.checked, incomplete.cause.code]).toEqual([5, true, "protected"]);
      expect(incomplete.message).not.toContain("Nothing was changed");
    }
  });

  test("Excel stopping the write and refusing the read after it: unchecked, never 'nothing was changed'", async () => {
    const p = await preview();
    // The second write fails, and so does everything after it.
    let failed = false;
    let writes = 0;
    state.failWhen = (op) => {
      if (failed) return true;
      if (op === "range.formulas" && ++writes === 2) return (failed = true);
      return false;
    };
    const error = (await writeImport(fakeContext(state), p.plan, true).catch((e: unknown) => e)) as ImportIncompleteError;
    expect(error).toBeInstanceOf(ImportIncompleteError);
    expect([error.checked, error.written, error.total]).toEqual([false, [], 5]);
    expect(error.message).not.toContain("Nothing was changed");
  });
});

describe("Import before Insert says to insert the tracker first", () => {
  test("no tracker in the workbook, on a host refusing paths through missing names: insert first (not 'try again'), in English and Spanish", async () => {
    state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
    state.strictNullObjects = true;
    userData([["metric", 1], ["mrr", 1]]);
    const error = await readImport(fakeContext(state)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "notInserted" });
    expect(STRINGS.en.errors[(error as WorkbookError).code]).toBe("No tracking workbook found here. Insert it first with Insert tracking workbook.");
    expect(STRINGS.es.errors[(error as WorkbookError).code]).toBe("No se encontró un libro de seguimiento aquí. Insértalo primero con Insertar libro de seguimiento.");
    expect(state.log).toEqual([]);
  });

  test("a strict host with a tracker missing one row's name still reads the others", async () => {
    state.strictNullObjects = true;
    state.names.delete(NAMES.tracking("nps"));
    userData([["metric", 1], ["mrr", 100_000], ["nps", 50]]);
    const p = await readImport(fakeContext(state));
    expect(p.syncs).toBe(3);
    expect(p.plan.errors).toEqual([expect.stringContaining(NAMES.tracking("nps"))]);
    state.names.delete(NAMES.months);
    await expect(readImport(fakeContext(state))).rejects.toMatchObject({ code: "notInserted" });
  });
});

describe("finance layouts in the pane (product.md 11): skipped rows, a mapping remembered in the workbook, unusual values", () => {
  const financeBlock = (months: [string, string], label: string, values: [number, number]) => [
    ["Acme Inc. — monthly KPIs", null, null],
    ["KPI", ...months],
    ["MRR", 100_000, 110_000],
    [label, ...values],
    ["Total", 100_050, 110_060],
  ];

  test("an unknown label mapped in the pane is read as its measure, remembered in the workbook, and applied to the next import", async () => {
    userData(financeBlock(["Jan 2026", "Feb 2026"], "Ingresos SaaS", [50, 60]));
    const first = await readImport(fakeContext(state));
    expect(first.plan.unknown.map((u) => [u.label, u.lines])).toEqual([["Ingresos SaaS", [4]]]);
    expect(first.plan.cells).toEqual([]);
    expect(first.plan.skipped.map((s) => [s.line, s.what])).toEqual([
      [1, "title"],
      [5, "totalRow"],
    ]);

    const mapped = await readImport(fakeContext(state), "en", { "Ingresos SaaS": "team_size" });
    expect(mapped.plan.errors).toEqual([]);
    expect(mapped.plan.cells.filter((c) => c.row.key === "team_size").map((c) => [c.monthLabel, c.value])).toEqual([
      ["2026-01", 50],
      ["2026-02", 60],
    ]);
    await writeImport(fakeContext(state), mapped.plan, false);
    expect(JSON.parse(String(state.settings?.get("scaleTracker.importMapping")))).toEqual({ "Ingresos SaaS": "team_size" });

    // Another month's export, read with no choice made: the workbook's mapping applies.
    userData(financeBlock(["Mar 2026", "Apr 2026"], "ingresos  saas", [70, 80]), "March");
    const next = await readImport(fakeContext(state));
    expect([next.syncs, next.plan.errors, next.plan.unknown]).toEqual([1, [], []]);
    expect(next.plan.cells.filter((c) => c.row.key === "team_size").map((c) => [c.monthLabel, c.value])).toEqual([
      ["2026-03", 70],
      ["2026-04", 80],
    ]);
  });

  test("a CAC typed in thousands among the dollars already on the Tracking sheet: warned about with its row, written all the same", async () => {
    tracking().cells.set(cellOf("cac", 1), { value: 1_200 });
    tracking().cells.set(cellOf("cac", 3), { value: 1_100 });
    userData([
      ["KPI", "Feb 2026"],
      ["CAC", 1.3],
    ]);
    const preview = await readImport(fakeContext(state));
    expect(preview.plan.errors).toEqual([]);
    expect(preview.plan.warnings.map((w) => [w.row.key, w.month, w.value, w.size, w.line])).toEqual([["cac", 2, 1.3, "small", 2]]);
    expect(preview.plan.warnings[0].message).toMatch(/cac for Feb 2026 is 1\.3, at most a tenth of both its neighbours \(Jan 2026: 1200; Mar 2026: 1100\)/);
    await writeImport(fakeContext(state), preview.plan, false);
    expect(tracking().cells.get(cellOf("cac", 2))!.value).toBe(1.3);
  });
});
