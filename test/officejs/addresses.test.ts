/**
 * Every address the add-in shows a user (Risk flags' cells, cells out of range or unusual, an
 * import's cells, where the formula builder wrote) is written by core/address.ts's one rule, and
 * reads back through its one parser to the same sheet and cell. The oracle is Excel's own form
 * (Tracking!N6 bare, 'Phase 1'!D4 quoted, an apostrophe doubled: "Create or change a cell
 * reference", Microsoft Support), never a second rule: users once saw both 'Data'!C1:C6 and Tracking!N13.
 */
import { Address, parseAddress } from "../../src/core/address";
import { addMonths, monthSerial } from "../../src/core/months";
import { parseOverrides } from "../../src/core/thresholds-parser";
import { TIMELINE_ROWS } from "../../src/core/timeline";
import { TRACKING, monthColumn, trackingRow } from "../../src/core/template";
import { TrackingRead, planImport } from "../../src/officejs/import/plan";
import { planFormulas } from "../../src/officejs/inspect/plan";
import { TemplateSnapshot, planRefresh } from "../../src/officejs/refresh/plan";

const months = 6;
/** Sheet names and how Excel writes them before the "!". */
const SHEETS: [string, string][] = [
  ["Tracking", "Tracking"],
  ["Data", "Data"],
  ["Seguimiento (2)", "'Seguimiento (2)'"],
  ["It's", "'It''s'"],
  ["Q1", "'Q1'"],
];

/** Shown as Excel writes it, and read back to the same sheet and cells. */
function expectExcelForm(address: string, sheet: string, written: string) {
  expect(address.startsWith(`${written}!`)).toBe(true);
  expect(parseAddress(address).sheet).toBe(sheet);
}

const rowAt = (sheet: string, key: string): Address => ({ sheet, start: { col: monthColumn(1), row: trackingRow(key) }, end: { col: monthColumn(months), row: trackingRow(key) } });

describe.each(SHEETS)("on a sheet named %s", (sheet, written) => {
  test("refresh's flagged, out-of-range and unusual cells", () => {
    const typed: Record<string, (number | null)[]> = { mrr: [400_000, 420_000, 300_000], churn: [5], cac: [1_200, 1.3, 1_100, 1_250] };
    const snapshot: TemplateSnapshot = {
      rows: new Map(TIMELINE_ROWS.map((r) => [r.key, { address: rowAt(sheet, r.key), values: [Array.from({ length: months }, (_, t) => typed[r.key]?.[t] ?? "")] }])),
      targetPhaseRow: TRACKING.phase.get("targetPhase"),
      lastGroupRow: Math.max(...TRACKING.groups.values()),
      months: Array.from({ length: months }, (_, t) => monthSerial(addMonths("2026-01", t))),
      reportingMonth: "default",
      dashboardFlags: [],
      groupFlags: [],
      overrides: parseOverrides([]),
    };
    const plan = planRefresh(snapshot);
    const shown = [...plan.flagged, ...plan.outOfRange, ...plan.unusual].map((c) => c.address);
    expect(plan.flagged.length * plan.outOfRange.length * plan.unusual.length).toBeGreaterThan(0);
    for (const address of shown) expectExcelForm(address, sheet, written);
    expect(parseAddress(plan.outOfRange[0].address).start).toEqual({ col: monthColumn(1), row: trackingRow("churn") });
  });

  test("an import's cells", () => {
    const tracking: TrackingRead = {
      months: Array.from({ length: months }, (_, t) => monthSerial(addMonths("2026-01", t))),
      rows: new Map(TIMELINE_ROWS.map((r) => [r.key, { address: rowAt(sheet, r.key), values: Array(months).fill(""), formulas: Array(months).fill(""), reference: "" }])),
    };
    const plan = planImport([{ line: 1, cells: ["metric", "2026-01", "2026-02"] }, { line: 2, cells: ["mrr", 100_000, 110_000] }], tracking);
    expect(plan.cells).toHaveLength(2);
    for (const c of plan.cells) {
      expectExcelForm(c.address, sheet, written);
      expect(parseAddress(c.address).start).toEqual({ col: c.at.col, row: c.at.row });
    }
  });

  test("where the formula builder writes, and where it would not", () => {
    const rows = [["mrr", 600_000, ""], ["", "", ""]];
    const plan = planFormulas(`${written}!B3:D4`, rows, rows, "en");
    expect(plan).toMatchObject({ address: `${written}!D3:D4` });
    const taken = planFormulas(`${written}!B3:D4`, [["mrr", 600_000, "x"], ["", "", ""]], rows, "en");
    expect(taken).toEqual({ problem: "notEmpty", address: `${written}!D3:D4` });
    expectExcelForm((plan as { address: string }).address, sheet, written);
  });
});
