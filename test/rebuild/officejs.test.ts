/**
 * Rebuild in the open workbook, on the fake Excel host (product.md 11, second bullet): a tracker
 * with the user's data rebuilt with an earlier first month. The oracles are product.md's: a value
 * typed for 2026-03 is in the 2026-03 column, "Done" stays "Done", a lowered target stays
 * lowered, the sheets keep the names the user knows; months outside the new timeline are listed
 * and nothing is written until the user confirms; and the old sheets are replaced only once the
 * new ones are complete, so Excel stopping the rebuild at any operation leaves a working tracker.
 */
import { PHASE_PLANS } from "../../src/core/plan";
import { Dropped, describeWithUserData } from "../../src/core/rebuild";
import { NAMES, TemplateOptions, cellPosition, columnLetter, describeWorkbook } from "../../src/core/template";
import { monthSerial } from "../../src/core/months";
import { RebuildStoppedError, insertTrackingWorkbook, readTracker, rebuildTracker } from "../../src/officejs/operations";
import { readUserData } from "../../src/officejs/insert/read";
import { FakeState, fakeContext, installFakeOffice, newFakeState, newSheet } from "../support/excel-fake";

// The same descriptions are made for every run below: made once, so the hundreds of runs stay quick.
jest.mock("../../src/core/template", () => {
  const actual = jest.requireActual("../../src/core/template");
  const described = new Map<string, unknown>();
  const key = (o: unknown) => JSON.stringify(o, (_, v) => (v instanceof Map ? [...v] : v));
  return {
    ...actual,
    describeWorkbook: (options: unknown) => {
      if (!described.has(key(options))) described.set(key(options), actual.describeWorkbook(options));
      return described.get(key(options));
    },
  };
});

const OLD: TemplateOptions = { language: "en", company: "Acme", currency: "EUR", firstMonth: "2026-01", months: 24 };
/** An earlier first month and more months: January 2026 becomes month 7. */
const NEW = { language: "en", company: "Acme", currency: "EUR", firstMonth: "2025-07", months: 36 } as const;

let state: FakeState;
const sheet = (name: string) => state.sheets.find((s) => s.name === name)!;
/** A name's first cell, and the cell `dc` columns to its right, as the workbook holds them now. */
function through(name: string, dc = 0) {
  const n = state.names.get(name)!;
  const { col, row } = cellPosition(n.ref.split(":")[0]);
  return { sheet: sheet(n.sheet), ref: `${columnLetter(col + dc)}${row}` };
}
function type(name: string, dc: number, value: number | string | undefined) {
  const { sheet: s, ref } = through(name, dc);
  s.cells.set(ref, { ...s.cells.get(ref), value, formula: undefined });
}
const read = (name: string, dc = 0) => {
  const { sheet: s, ref } = through(name, dc);
  return s.cells.get(ref);
};
/** A plan item's cell under a header ("Status", "Owner"), found by their words on the sheet. */
function planCell(sheetName: string, label: string, header = "Status") {
  const cells = [...sheet(sheetName).cells];
  const row = cellPosition(cells.find(([, c]) => c.value === label)![0]).row;
  const col = cellPosition(cells.find(([, c]) => c.value === header)![0]).col;
  return `${columnLetter(col)}${row}`;
}
const ITEM = PHASE_PLANS[0].objectives.find((o) => !o.numeric)!.label!.en;

/** The user's workbook: a sheet of their own, a tracker with half a year of numbers and edits. */
async function filledWorkbook(): Promise<void> {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  const budget = newSheet("Budget");
  budget.cells.set("A1", { value: "my numbers" });
  state.sheets.push(budget);
  state.names.set("MyTotal", { sheet: "Budget", ref: "A1" });
  await insertTrackingWorkbook(fakeContext(state), OLD);
  // Months 1..6 (January to June 2026): MRR and churn typed, ARR typed over its formula in June.
  [40000, 44000, 48500, 53000, 58000, 64000].forEach((v, t) => type(NAMES.tracking("mrr"), t, v));
  [0.05, 0.048, 0.045, 0.044, 0.042, 0.04].forEach((v, t) => type(NAMES.tracking("churn"), t, v));
  type(NAMES.tracking("arr"), 5, 800000);
  // The budget (product.md 12): MRR budgeted for March 2026, ARR typed over its formula in April.
  type(NAMES.budget("mrr"), 2, 50000);
  type(NAMES.budget("arr"), 3, 700000);
  type(NAMES.target("mrr"), 0, 30000);
  type(NAMES.reportingMonth, 0, monthSerial("2026-05"));
  const item = planCell("Phase 1", ITEM);
  sheet("Phase 1").cells.set(item, { ...sheet("Phase 1").cells.get(item), value: "Done" });
  sheet("Phase 1").cells.set(planCell("Phase 1", ITEM, "Owner"), { value: "Ana" });
  state.syncs = 0;
  state.log = [];
}

/** The workbook's sheets and names, ids left out (Excel gives them on reading), names in order. */
const snapshot = () => JSON.stringify([state.sheets.map((s) => ({ ...s, id: undefined })), [...state.names].sort(([a], [b]) => a.localeCompare(b))]);

/** Formulas as the fake writes them after a rename ('Tracking'! and Tracking! are the same reference). */
const plain = (f?: string) => f?.replace(/'([A-Za-z0-9_]+)'!/g, "$1!");

describe("rebuild on the fake host", () => {
  test("reads the tracker's options and what it would carry (two syncs); none in a workbook without one", async () => {
    await filledWorkbook();
    const found = await readTracker(fakeContext(state));
    expect(found).toEqual({ options: { language: "en", company: "Acme", currency: "EUR", firstMonth: "2026-01", months: 24 }, values: 13, typedOver: 1, budgetValues: 2, cells: 0, thresholds: 1, planEntries: 1 });
    expect(state.syncs).toBe(2);
    state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
    expect(await readTracker(fakeContext(state))).toBeUndefined();
  });

  test("the third Thresholds table's edit is carried (product.md 11, 12); a tracker made before the table gets its names with the catalog's conventions", async () => {
    await filledWorkbook();
    type(NAMES.contextThreshold("rule_of_40"), 0, 0.3);
    const outcome = await rebuildTracker(fakeContext(state), NEW);
    if (outcome.kind !== "done") throw new Error(outcome.kind);
    expect([read(NAMES.contextThreshold("rule_of_40"))?.value, read(NAMES.contextThreshold("quick_ratio"))?.value]).toEqual([0.3, 4]);
    expect(outcome.result.carried.thresholds).toBe(2); // MRR's P1 target and this one
    await filledWorkbook();
    for (const id of ["quick_ratio", "rule_of_40"]) state.names.delete(NAMES.contextThreshold(id));
    const older = await rebuildTracker(fakeContext(state), NEW);
    if (older.kind !== "done") throw new Error(older.kind);
    expect([read(NAMES.contextThreshold("rule_of_40"))?.value, read(NAMES.contextThreshold("quick_ratio"))?.value]).toEqual([0.4, 4]);
    expect(older.result.carried.thresholds).toBe(1);
  });

  test("an earlier first month: every value in its calendar month, the edits carried, the sheet names kept, the names on the new sheets; 5 syncs", async () => {
    await filledWorkbook();
    const before = state.sheets.map((s) => s.name);
    const data = (await readUserData(fakeContext(state)))!;
    state.syncs = 0;
    const outcome = await rebuildTracker(fakeContext(state), NEW);
    expect(outcome.kind).toBe("done");
    if (outcome.kind !== "done") return;
    expect(outcome.result.syncs).toBe(5);
    expect(state.syncs).toBe(5);
    expect(state.sheets.map((s) => s.name)).toEqual(before);
    expect(sheet("Budget").cells.get("A1")).toEqual({ value: "my numbers" });
    expect(state.names.get("MyTotal")).toEqual({ sheet: "Budget", ref: "A1" });
    // July 2025 is month 1: the value typed for March 2026 is in month 9's column, and the header says so.
    expect(read(NAMES.months)?.value).toBe(monthSerial("2025-07"));
    expect([5, 6, 7, 8, 10, 11, 12].map((dc) => read(NAMES.tracking("mrr"), dc)?.value)).toEqual([undefined, 40000, 44000, 48500, 58000, 64000, undefined]);
    expect(read(NAMES.tracking("churn"), 8)?.value).toBe(0.045);
    expect(read(NAMES.tracking("arr"), 11)?.value).toBe(800000);
    expect(read(NAMES.tracking("arr"), 10)?.formula).toBeDefined();
    // The budget too, by calendar month, on the new Budget sheet (the user's own "Budget" sheet kept its name).
    expect([7, 8, 9].map((dc) => read(NAMES.budget("mrr"), dc)?.value)).toEqual([undefined, 50000, undefined]);
    expect(read(NAMES.budget("arr"), 9)?.value).toBe(700000);
    expect(read(NAMES.budget("arr"), 8)?.formula).toBeDefined();
    expect(state.names.get(NAMES.budget("mrr"))!.sheet).toBe("Budget (2)");
    expect(outcome.result.carried.budgetValues).toBe(2);
    expect(read(NAMES.target("mrr"))?.value).toBe(30000);
    expect(read(NAMES.reportingMonth)?.value).toBe(monthSerial("2026-05"));
    expect(sheet("Phase 1").cells.get(planCell("Phase 1", ITEM))?.value).toBe("Done");
    expect(sheet("Phase 1").cells.get(planCell("Phase 1", ITEM, "Owner"))?.value).toBe("Ana");
    expect(state.sheets.flatMap((s) => s.tables.map((t) => t.name)).sort()).toEqual(["ScaleContextThresholds", "ScaleRiskThresholds", "ScaleThresholds"]);
    // What the workbook holds is the description of the new timeline with the user's data, under the old names.
    const sheetNames = Object.fromEntries(outcome.result.sheets.map((s) => [s.key, s.name]));
    const { spec } = describeWithUserData({ ...NEW, sheetNames }, data);
    for (const s of spec.sheets)
      for (const c of s.cells) {
        const got = sheet(s.name).cells.get(c.ref);
        expect([s.name, c.ref, plain(got?.formula), got?.value]).toEqual([s.name, c.ref, plain(c.formula), c.value]);
      }
    for (const n of spec.names) expect([n.name, state.names.get(n.name)]).toEqual([n.name, { sheet: spec.sheets.find((s) => s.key === n.sheet)!.name, ref: n.ref.replace(/\$/g, ""), ...(n.comment && { comment: n.comment }) }]);
    expect([...state.names.values()].filter((n) => n.formula === "=#REF!")).toEqual([]);
  });

  test("months outside the new timeline: listed, nothing written; rebuilt once the user confirms exactly those", async () => {
    await filledWorkbook();
    const before = snapshot();
    const later = { ...NEW, firstMonth: "2026-03", months: 12 };
    const asked = await rebuildTracker(fakeContext(state), later);
    expect(asked.kind).toBe("confirm");
    const dropped = asked.kind === "confirm" ? asked.dropped : ([] as Dropped[]);
    expect(dropped.map((d) => `${d.key} ${d.month} ${d.value}`)).toEqual(["mrr 2026-01 40000", "mrr 2026-02 44000", "churn 2026-01 0.05", "churn 2026-02 0.048"]);
    expect(snapshot()).toBe(before);
    expect(state.syncs).toBe(2);
    // The workbook changed since: another value outside. The confirmation does not cover it: asked again.
    const cell = through(NAMES.tracking("nps")).ref;
    sheet("Tracking").cells.set(cell, { value: 40 });
    const again = await rebuildTracker(fakeContext(state), later, dropped);
    expect(again.kind).toBe("confirm");
    sheet("Tracking").cells.delete(cell);
    const done = await rebuildTracker(fakeContext(state), later, dropped);
    expect(done.kind).toBe("done");
    expect(read(NAMES.tracking("mrr"))?.value).toBe(48500);
  });

  test("a rebuild in Spanish: Spanish sheet names where the old ones were the defaults, statuses in Spanish", async () => {
    await filledWorkbook();
    sheet("Risks").name = "My risks";
    for (const n of state.names.values()) if (n.sheet === "Risks") n.sheet = "My risks";
    const outcome = await rebuildTracker(fakeContext(state), { ...NEW, language: "es" });
    expect(outcome.kind).toBe("done");
    expect(state.sheets.map((s) => s.name)).toEqual(["Budget", "Panel de escalamiento", "Resumen", "Seguimiento", "Presupuesto", "Áreas", "Canales", "Fase 1", "Fase 2", "Fase 3", "Fase 4", "Umbrales", "My risks", "Herramientas"]);
    expect(sheet("Fase 1").cells.get(planCell("Fase 1", PHASE_PLANS[0].objectives.find((o) => !o.numeric)!.label!.es, "Estado"))?.value).toBe("Hecho");
  });

  test("a workbook without a tracker is refused with the insert-first sentence", async () => {
    state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
    await expect(rebuildTracker(fakeContext(state), NEW)).rejects.toEqual(expect.objectContaining({ code: "notInserted" }));
  });
});

describe("a rebuild Excel stops part-way", () => {
  /** The operations of a whole rebuild, and where each of its three writes starts. */
  let ops: string[];
  beforeAll(async () => {
    await filledWorkbook();
    await rebuildTracker(fakeContext(state), NEW);
    ops = [...state.log];
  });
  const firstOf = (prefix: string) => ops.findIndex((op) => op.startsWith(prefix)) + 1;

  /**
   * Where to fail (1-based): the write's first and last ten operations and every 40th, each name
   * switched in its first and last five and every 25th, and every operation that replaces the
   * old sheets (deletes, renames, tables).
   */
  function failurePoints(): number[] {
    const names = firstOf("names.formula");
    const replace = firstOf("worksheets.delete");
    const points = new Set<number>();
    for (let k = 1; k < names; k++) if (k <= 10 || names - k <= 10 || k % 40 === 0) points.add(k);
    for (let k = names; k < replace; k++) if (k - names < 5 || replace - k <= 5 || k % 25 === 0) points.add(k);
    for (let k = replace; k <= ops.length; k++) points.add(k);
    return [...points].sort((a, b) => a - b);
  }

  async function rebuildFailing(failWhen: (op: string) => boolean | string): Promise<unknown> {
    state.failWhen = failWhen;
    const error = await rebuildTracker(fakeContext(state), NEW).then(
      () => undefined,
      (e: unknown) => e,
    );
    state.failWhen = undefined;
    return error;
  }

  /** The tracker the names point to works: every template name on a sheet that is there, and the data through them. */
  function trackerWorks(): void {
    const spec = describeWorkbook({ ...NEW });
    for (const n of spec.names) {
      const held = state.names.get(n.name);
      expect([n.name, held?.formula, state.sheets.some((s) => s.name === held?.sheet)]).toEqual([n.name, undefined, true]);
    }
    const months = state.names.get(NAMES.months)!;
    const first = sheet(months.sheet).cells.get(months.ref.split(":")[0])?.value;
    const dc = first === monthSerial("2025-07") ? 8 : 2;
    expect(read(NAMES.tracking("mrr"), dc)?.value).toBe(48500);
    expect(read(NAMES.target("mrr"))?.value).toBe(30000);
  }

  test("before the old sheets go, the workbook is as it was; after, the new tracker works and the error says what is left", async () => {
    const replace = firstOf("worksheets.delete");
    const points = failurePoints();
    expect(points.length).toBeGreaterThan(40);
    expect(ops[firstOf("names.formula") - 1]).toMatch(/^names\.formula /);
    for (const k of points) {
      await filledWorkbook();
      const before = snapshot();
      let writes = 0;
      const error = await rebuildFailing((op) => !op.startsWith("load") && ++writes === k);
      expect([k, error]).toEqual([k, expect.objectContaining({ code: k < replace ? "unknown" : "trackerRebuildStopped" })]);
      if (k < replace) {
        expect([k, snapshot()]).toEqual([k, before]);
        continue;
      }
      expect(error).toBeInstanceOf(RebuildStoppedError);
      const stopped = error as RebuildStoppedError;
      trackerWorks();
      // What the error lists is what the workbook holds.
      const names = state.sheets.map((s) => s.name);
      expect([k, stopped.temporary.every((t) => names.includes(t.name))]).toEqual([k, true]);
      expect([k, stopped.oldSheets.every((s) => names.includes(s))]).toEqual([k, true]);
    }
  }, 240_000);

  test("Excel refuses every change from some point of the names' switch on: the names are pointed back where possible, and the error says where each points", async () => {
    const names = firstOf("names.formula");
    await filledWorkbook();
    let writes = 0;
    let failing = false;
    const error = await rebuildFailing((op) => {
      if (op.startsWith("load")) return false;
      if (++writes === names + 30) failing = true;
      return failing ? "AccessDenied" : false;
    });
    expect(error).toBeInstanceOf(RebuildStoppedError);
    const stopped = error as RebuildStoppedError;
    expect(stopped.stage).toBe("names");
    expect(stopped.moved.length).toBe(30);
    for (const name of stopped.moved) expect(state.sheets.some((s) => s.name === state.names.get(name)!.sheet)).toBe(true);
    expect(stopped.cause.code).toBe("protected");
  });
});
