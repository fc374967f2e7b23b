/**
 * The fake Excel host with a workbook to insert into, for the insert and refresh tests: `state` is
 * a fresh fake before each test (a live binding: read it as state, not a copy), and the helpers
 * type into it as a user would.
 */
import { PHASE_METRICS } from "../../src/core/catalog";
import { THRESHOLDS, cellPosition, columnLetter, monthColumn, trackingRow } from "../../src/core/template";
import { insertTrackingWorkbook } from "../../src/officejs/operations";
import { FakeSheet, FakeState, fakeContext, installFakeOffice, newFakeState, newSheet } from "./excel-fake";

export const options = { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", months: 24 } as const;

export let state: FakeState;
beforeEach(() => {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
});

export const sheet = (name: string) => state.sheets.find((s) => s.name === name)!;
export const userSheet = (name: string): FakeSheet => ({
  ...newSheet(name),
  cells: new Map([
    ["A1", { value: "my numbers" }],
    ["B2", { formula: "SUM(1,2)" }],
  ]),
  rules: [{ id: "user-1", ref: "A1:B2", formula: "=A1>0" }],
});
export const allRules = () => state.sheets.flatMap((s) => s.rules.map((r) => `${s.name}|${r.ref}|${r.formula}|${r.fill}|${r.font}`)).sort();
export const snapshot = (s: FakeSheet) => JSON.stringify([s.name, [...s.cells], s.rules, s.tables]);

export async function insert(opts: Parameters<typeof insertTrackingWorkbook>[1] = options) {
  const result = await insertTrackingWorkbook(fakeContext(state), opts);
  state.syncs = 0;
  return result;
}

/** Types a value into a cell, as a user would. */
export function enter(sheetName: string, ref: string, value: number | string) {
  sheet(sheetName).cells.set(ref, { ...sheet(sheetName).cells.get(ref), value, formula: undefined });
}
/** Month t's column letter (1-based) on the Tracking sheet, as inserted. */
export const month = (t: number) => columnLetter(monthColumn(t));
/** Month t (1-based) of a timeline row on the Tracking sheet, as inserted. */
export const monthCell = (key: string, t: number) => `${month(t)}${trackingRow(key)}`;
/** The first three months of MRR's row, where a user's own rule sits among the add-in's. */
export const firstMonths = `${monthCell("mrr", 1)}:${monthCell("mrr", 3)}`;
export const type = (key: string, t: number, value: number) => enter("Tracking", monthCell(key, t), value);
/** Whether an area such as "N6:AK9" holds the cell "P7". */
export const covers = (area: string, ref: string) => {
  const [a, b = a] = area.split(":").map(cellPosition);
  const c = cellPosition(ref);
  return a.col <= c.col && c.col <= b.col && a.row <= c.row && c.row <= b.row;
};
export const metricIndex = (id: string) => PHASE_METRICS.findIndex((m) => m.id === id);
export const thresholdCell = (id: string, n: 1 | 2 | 3 | 4) => `${columnLetter(THRESHOLDS.targetColumn(n))}${THRESHOLDS.metricRow(metricIndex(id))}`;
