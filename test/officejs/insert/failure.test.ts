/**
 * An insert Excel stops at any operation (product.md 10, "Nothing lost on any path"): a batch is
 * not a transaction, the operations before the failing one stay done. What the error says is
 * left must be what the workbook holds, and "Remove what the insert left" must remove exactly that.
 */
import { describeWorkbook } from "../../../src/core/template";
import { InsertIncompleteError, InsertLeft } from "../../../src/officejs/errors";
import { insertTrackingWorkbook } from "../../../src/officejs/insert/write";
import { removeInsertLeft } from "../../../src/officejs/insert/undo";
import { STRINGS } from "../../../src/taskpane/strings";
import { FakeName, FakeState, fakeContext, installFakeOffice, newFakeState, newSheet } from "../../support/excel-fake";

// The description is pure and the same for every run here: described once, so the hundreds of runs below stay quick.
jest.mock("../../../src/core/template", () => {
  const actual = jest.requireActual("../../../src/core/template");
  const described = new Map<string, unknown>();
  return {
    ...actual,
    describeWorkbook: (options: unknown) => {
      const key = JSON.stringify(options);
      if (!described.has(key)) described.set(key, actual.describeWorkbook(options));
      return described.get(key);
    },
  };
});

const options = { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", months: 12 } as const;
const spec = describeWorkbook(options);
/** Two template names an earlier, deleted tracker left broken (#REF!): the insert takes them over. */
const staleNames = [spec.names[0].name, spec.names[spec.names.length - 1].name];

let state: FakeState;
/** The user's workbook before the insert: a sheet of theirs, a name of theirs, two broken names of an old tracker. */
function usersWorkbook(): void {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  const forecast = newSheet("Forecast");
  forecast.cells.set("A1", { value: "my numbers" });
  state.sheets.push(forecast);
  state.names.set("MyTotal", { sheet: "Forecast", ref: "A1" });
  for (const name of staleNames) state.names.set(name, BROKEN);
}
/** A name whose sheet was deleted, as Excel keeps it. */
const BROKEN: FakeName = { sheet: "", ref: "", formula: "=#REF!" };
/** The workbook's sheets and names (in no order, as Excel lists them by name); the ids Excel gives sheets when read aside. */
const snapshot = () => JSON.stringify([state.sheets.map((s) => ({ ...s, id: undefined })), [...state.names].sort(([a], [b]) => a.localeCompare(b))]);

/** What the fake workbook holds that it did not hold before, as the pane would list it. */
function leftInWorkbook(before: { sheets: string[]; names: Map<string, FakeName> }): InsertLeft {
  const same = (a?: FakeName, b?: FakeName) => JSON.stringify(a) === JSON.stringify(b);
  return {
    sheets: state.sheets.filter((s) => !before.sheets.includes(s.name)).map((s) => ({ name: s.name, id: "" })),
    names: [...state.names].filter(([name, n]) => !same(n, before.names.get(name))).map(([name]) => ({ name, formula: "" })),
    lost: staleNames.filter((name) => !same(state.names.get(name), before.names.get(name))).map((name) => ({ name, formula: "" })),
    checked: true,
  };
}
/** The lists by name, so two descriptions of the same leftovers compare equal. */
const byName = (left: InsertLeft): InsertLeft => {
  const sorted = <T extends { name: string }>(list: readonly T[]) => list.map((x) => ({ ...x, id: "", formula: "" })).sort((a, b) => a.name.localeCompare(b.name));
  return { sheets: sorted(left.sheets), names: sorted(left.names), lost: sorted(left.lost), checked: left.checked };
};

/** The operations of one insert's write, in order, as the fake logs them. */
async function writeOperations(): Promise<string[]> {
  usersWorkbook();
  await insertTrackingWorkbook(fakeContext(state), options);
  return [...state.log];
}

describe("an insert Excel stops part-way", () => {
  let points: number[];
  beforeAll(async () => {
    const ops = await writeOperations();
    expect(ops.length).toBeGreaterThan(500);
    // Every operation of the write, 1-based.
    points = ops.map((_, i) => i + 1);
  });

  /** Inserts with Excel failing where `failWhen` says; the error it throws. */
  async function insertFailing(failWhen: (op: string) => boolean | string): Promise<unknown> {
    state.failWhen = failWhen;
    const error = await insertTrackingWorkbook(fakeContext(state), options).then(
      () => undefined,
      (e: unknown) => e,
    );
    state.failWhen = undefined;
    return error;
  }

  test("at every operation of the write: the undo allowed, nothing is left; refused, the error lists exactly what the workbook holds, and removing it leaves the workbook as it was", async () => {
    for (const k of points) {
      // Excel fails the k-th change once: the undo takes everything back, and Excel's reason is said alone.
      usersWorkbook();
      const before = snapshot();
      let writes = 0;
      const once = await insertFailing((op) => !op.startsWith("load") && ++writes === k);
      expect([k, once]).toEqual([k, expect.objectContaining({ code: "unknown" })]);
      expect(once).not.toBeInstanceOf(InsertIncompleteError);
      expect([k, snapshot()]).toEqual([k, before]);

      // From the k-th change on, Excel refuses every change (the workbook was protected meanwhile); reads still work.
      usersWorkbook();
      const was = { sheets: state.sheets.map((s) => s.name), names: new Map(state.names) };
      writes = 0;
      const error = await insertFailing((op) => (!op.startsWith("load") && ++writes >= k ? "AccessDenied" : false));
      const held = leftInWorkbook(was);
      if (held.sheets.length + held.names.length + held.lost.length === 0) {
        // Nothing was applied: Excel's own reason, which may then say that nothing changed.
        expect([k, error]).toEqual([k, expect.objectContaining({ code: "protected" })]);
        expect(error).not.toBeInstanceOf(InsertIncompleteError);
        continue;
      }
      expect([k, error]).toEqual([k, expect.any(InsertIncompleteError)]);
      const left = (error as InsertIncompleteError).left;
      expect([k, byName(left)]).toEqual([k, byName(held)]);
      expect((error as InsertIncompleteError).cause.code).toBe("protected");
      for (const t of [STRINGS.en, STRINGS.es]) {
        expect([k, t.insert.left(byName(left))]).toEqual([k, t.insert.left(byName(held))]);
        const names = (l: InsertLeft) => t.insert.leftNames(l.names.map((n) => n.name), l.lost.map((n) => n.name));
        expect([k, names(byName(left))]).toEqual([k, names(byName(held))]);
        expect(t.insert.left(left)).not.toMatch(/Nothing was changed|No se cambió nada/);
      }
      // The user unprotects the workbook and removes what the insert left.
      const removed = await removeInsertLeft(fakeContext(state), left);
      expect([k, byName(removed)]).toEqual([k, byName(left)]);
      expect([k, snapshot()]).toEqual([k, before]);
    }
  }, 600_000);

  test("the undo stopped part-way: what it could not remove is listed, and removed later", async () => {
    usersWorkbook();
    const before = snapshot();
    const was = { sheets: state.sheets.map((s) => s.name), names: new Map(state.names) };
    // The insert stops at its last operation; the undo stops after deleting 40 names.
    let stopped = false;
    let deletes = 0;
    state.failWhen = (op) => {
      if (op === "worksheet.activate") return (stopped = true);
      return stopped && op.startsWith("names.delete") && ++deletes === 41;
    };
    const error = (await insertTrackingWorkbook(fakeContext(state), options).catch((e: unknown) => e)) as InsertIncompleteError;
    expect(error).toBeInstanceOf(InsertIncompleteError);
    expect(byName(error.left)).toEqual(byName(leftInWorkbook(was)));
    expect(error.left.names.length).toBe(spec.names.length - 40);
    expect(error.left.sheets.map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
    expect(STRINGS.en.insert.left(error.left)).toContain(`Still in the workbook from this insert: ${spec.sheets.length} sheets: ${spec.sheets.map((s) => s.name).join(", ")}; ${spec.names.length - 40} workbook names (listed below).`);
    state.failWhen = undefined;
    await removeInsertLeft(fakeContext(state), error.left);
    expect(snapshot()).toBe(before);
  });

  test("removing never touches a sheet or name the add-in did not create: a renamed leftover goes, the user's new ones stay", async () => {
    usersWorkbook();
    let writes = 0;
    state.failWhen = (op) => (op.startsWith("names.add") || (writes > 0 && !op.startsWith("load")) ? (++writes, "AccessDenied") : false);
    const error = (await insertTrackingWorkbook(fakeContext(state), options).catch((e: unknown) => e)) as InsertIncompleteError;
    expect(error.left.sheets.length).toBeGreaterThan(1);
    state.failWhen = undefined;
    // Meanwhile the user renamed one leftover sheet and deleted another, then made a sheet with its name.
    const [first, second] = error.left.sheets;
    state.sheets.find((s) => s.name === first.name)!.name = "Kept by me";
    state.sheets = state.sheets.filter((s) => s.name !== second.name);
    const mine = newSheet(second.name);
    mine.cells.set("A1", { value: "mine" });
    state.sheets.push(mine);
    const removed = await removeInsertLeft(fakeContext(state), error.left);
    expect(removed.sheets.map((s) => s.name)).toContain("Kept by me");
    expect(removed.sheets.map((s) => s.name)).not.toContain(second.name);
    expect(state.sheets.map((s) => s.name)).toEqual(["Forecast", second.name]);
    expect(state.sheets[1].cells.get("A1")).toEqual({ value: "mine" });
  });

  test("when Excel cannot even be read afterwards, the error says what may be left, and offers no removal", async () => {
    usersWorkbook();
    let writes = 0;
    let failed = false;
    state.failWhen = (op) => (failed ? "GeneralException" : !op.startsWith("load") && ++writes === 100 && (failed = true));
    const error = (await insertTrackingWorkbook(fakeContext(state), options).catch((e: unknown) => e)) as InsertIncompleteError;
    expect(error).toBeInstanceOf(InsertIncompleteError);
    expect(error.left.checked).toBe(false);
    // Everything the insert had added is among what may be left.
    const held = leftInWorkbook({ sheets: ["Forecast"], names: new Map([["MyTotal", { sheet: "Forecast", ref: "A1" }], ...staleNames.map((n) => [n, BROKEN] as const)]) });
    const may = { sheets: error.left.sheets.map((s) => s.name), names: error.left.names.map((n) => n.name) };
    expect(held.sheets.every((s) => may.sheets.includes(s.name))).toBe(true);
    expect(held.names.every((n) => may.names.includes(n.name))).toBe(true);
    expect(STRINGS.en.insert.left(error.left)).toContain("cannot tell what is left");
    await expect(removeInsertLeft(fakeContext(state), error.left)).rejects.toThrow("Only what was read");
  });
});
