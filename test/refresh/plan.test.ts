/** Refresh's plan without a host: plain addresses and values in, rules and levels out. */
import { addMonths, monthSerial } from "../../src/core/months";
import { parseOverrides } from "../../src/core/thresholds-parser";
import { TIMELINE_ROWS } from "../../src/core/timeline";
import { DASHBOARD, NAMES, RISKS, TRACKING, VARIANCE_ROWS, cellPosition, columnLetter, describeWorkbook, monthColumn, trackingRow } from "../../src/core/template";
import { unusualSentence } from "../../src/taskpane/format";
import { RangeRead, TemplateSnapshot, planRefresh } from "../../src/officejs/refresh/plan";
import type { Address } from "../../src/core/template/formulas";
import type { SeedSheetSnapshot } from "../../src/officejs/refresh/seed-sheets";

const months = 12;
const at = (row: number, col = monthColumn(1), last = monthColumn(months)): Address => ({ sheet: "Tracking", start: { col, row }, end: { col: last, row } });
const cellAt = (sheet: string, col: number, row: number): Address => ({ sheet, start: { col, row }, end: { col, row } });

/** The first and last Variance_<key> cells, where the description puts them. */
const VARIANCE_CELLS = [VARIANCE_ROWS[0], VARIANCE_ROWS[VARIANCE_ROWS.length - 1]].map((r) => {
  const ref = describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", months }).names.find((n) => n.name === NAMES.variance(r.key))!.ref;
  const { col, row } = cellPosition(ref.replace(/\$/g, ""));
  return cellAt("Scale Dashboard", col, row);
});

const DESCRIBED = describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", months });

/** The Departments, Channels and Tools sheets' names where the description puts them (product.md 13). */
const SEED_SHEETS_READ: SeedSheetSnapshot[] = (["departments", "channels", "tools"] as const).map((key) => ({
  key,
  names: new Map(
    DESCRIBED.names
      .filter((n) => n.sheet === key)
      .map((n) => {
        const [a, b = a] = n.ref.replace(/\$/g, "").split(":").map(cellPosition);
        return [n.name, { sheet: key, start: a, end: b }];
      }),
  ),
}));

/** The snapshot a freshly inserted 12-month template gives, with `typed` numbers in its rows. */
function snapshot(typed: Record<string, (number | null)[]>, extra: Partial<TemplateSnapshot> = {}): TemplateSnapshot {
  const rows = new Map<string, RangeRead>(
    TIMELINE_ROWS.map((r) => [r.key, { address: at(trackingRow(r.key)), values: [Array.from({ length: months }, (_, t) => typed[r.key]?.[t] ?? "")] }]),
  );
  return {
    rows,
    targetPhaseRow: TRACKING.phase.get("targetPhase"),
    lastGroupRow: Math.max(...TRACKING.groups.values()),
    months: Array.from({ length: months }, (_, t) => monthSerial(addMonths("2026-01", t))),
    dashboardPhase: cellAt("Scale Dashboard", DASHBOARD.valueColumn, DASHBOARD.phaseRow),
    dashboardFlags: [cellAt("Scale Dashboard", DASHBOARD.columns.flag, DASHBOARD.metricRow(0)), cellAt("Scale Dashboard", DASHBOARD.columns.flag, DASHBOARD.metricRow(19))],
    dashboardVariances: VARIANCE_CELLS,
    groupFlags: [0, 1, 2, 3].map((g) => cellAt("Risks", RISKS.columns.flag, RISKS.groupRow(g))),
    overrides: parseOverrides([]),
    seedSheets: SEED_SHEETS_READ,
    seedContext: { language: "en", trackingMonths: months, inserted: 0 },
    ...extra,
  };
}

test("the rules of an untouched template are the description's, for every sheet", () => {
  const spec = describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", months });
  const plan = planRefresh(snapshot({}));
  const key = (r: { sheet: string; ref: string; formula: string; level: string }) => `${r.sheet}|${r.ref}|${r.formula}|${r.level}`;
  expect(plan.rules.map(key).sort()).toEqual(spec.rules.map(key).sort());
  expect([plan.counts, plan.reportingMonth]).toEqual([{ OK: 0, WATCH: 0, RISK: 0 }, undefined]);
});

test("the reporting month: the last with an input, or a typed date; a date past the timeline gives no levels", () => {
  const typed = { mrr: [400_000, 520_000, null, 300_000] };
  expect(planRefresh(snapshot(typed)).flagged.map((f) => [f.measureId, f.value, f.level])).toEqual([["mrr", 300_000, "RISK"], ["arr", 3_600_000, "RISK"]]);
  const second = planRefresh(snapshot(typed, { reportingMonth: monthSerial("2026-02") + 5 }));
  // Month 2: MRR 520,000 and ARR 6,240,000 meet phase 1, and are judged against phase 2.
  expect([second.reportingMonth, second.flagged.map((f) => [f.measureId, f.phase])]).toEqual(["2026-02", [["mrr", 2], ["arr", 2]]]);
  expect(planRefresh(snapshot(typed, { reportingMonth: monthSerial("2027-02") })).counts).toEqual({ OK: 0, WATCH: 0, RISK: 0 });
  // The last day of the last month is inside, the next day outside, as the dashboard's DATE test says; a cleared cell judges nothing.
  expect(planRefresh(snapshot(typed, { reportingMonth: monthSerial("2027-01") - 1 })).reportingMonth).toBe("2026-12");
  expect(planRefresh(snapshot(typed, { reportingMonth: monthSerial("2027-01") })).reportingMonth).toBeUndefined();
  expect(planRefresh(snapshot(typed, { reportingMonth: "empty" })).counts).toEqual({ OK: 0, WATCH: 0, RISK: 0 });
});

test("a row whose name is gone is neither coloured nor counted; the others are", () => {
  const s = snapshot({ mrr: [480_000], churn: [0.04] });
  const rows = new Map(s.rows);
  rows.delete("churn");
  const plan = planRefresh({ ...s, rows });
  expect(plan.flagged.map((f) => f.measureId)).toEqual(["mrr", "arr"]);
  expect(plan.rules.some((r) => r.ref.split(" ").some((a) => a.includes(`${trackingRow("churn")}:`)))).toBe(false);
});

test("unusual typed values (product.md 11): a CAC typed in thousands among dollars is listed with its cell and months; only input rows are", () => {
  const cac = [1_200, 1.3, 1_100, 1_250];
  const plan = planRefresh(snapshot({ cac, mrr: [400_000, 420_000, 440_000, 460_000] }));
  expect(plan.unusual).toEqual([
    {
      address: `Tracking!${columnLetter(monthColumn(2))}${trackingRow("cac")}`,
      key: "cac",
      measureId: "cac",
      month: "2026-02",
      value: 1.3,
      previous: { month: "2026-01", value: 1_200 },
      next: { month: "2026-03", value: 1_100 },
      size: "small",
    },
  ]);
  expect(unusualSentence(plan.unusual[0], "en")).toMatch(/^cac for Feb 2026 is 1\.3, at most a tenth of both its neighbours \(Jan 2026: 1200; Mar 2026: 1100\)/);
  expect(unusualSentence(plan.unusual[0], "es")).toContain("feb 2026");
  // A derived row's cells are Excel's results (typed over or not): refresh lists the input rows' values.
  expect(planRefresh(snapshot({ arr: [1, 1_000, 1] })).unusual).toEqual([]);
});

test("a tracker made before the Departments, Channels and Tools sheets: the other sheets' rules, nothing for those, nothing left alone", () => {
  const plan = planRefresh(snapshot({}, { seedSheets: [] }));
  const others = DESCRIBED.rules.filter((r) => !["departments", "channels", "tools"].includes(r.sheet));
  expect(plan.rules.length).toBe(others.length);
  expect(plan.leftAlone).toEqual([]);
});

test("a Departments sheet with a row the user inserted above its rows: its colours are left as they are (the description's cells would be the wrong ones); Channels and Tools are refreshed", () => {
  const moved: SeedSheetSnapshot[] = SEED_SHEETS_READ.map((s) =>
    s.key !== "departments" ? s : { ...s, names: new Map([...s.names].map(([n, a]) => [n, { ...a, start: { ...a.start, row: a.start.row + 1 }, end: { ...a.end, row: a.end.row + 1 } }])) },
  );
  const plan = planRefresh(snapshot({}, { seedSheets: moved }));
  expect(plan.leftAlone).toEqual(["departments"]);
  expect(plan.rules.filter((r) => r.sheet === "departments")).toEqual([]);
  for (const key of ["channels", "tools"]) expect(plan.rules.filter((r) => r.sheet === key)).toEqual(DESCRIBED.rules.filter((r) => r.sheet === key));
});

test("a month inserted on Tracking: the Departments and Channels rules cover the months they will have once refresh has inserted it there too", () => {
  const longer = describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", months: months + 1 });
  const plan = planRefresh(snapshot({}, { seedContext: { language: "en", trackingMonths: months + 1, inserted: 1 } }));
  for (const key of ["departments", "channels"]) {
    const rules = longer.rules.filter((r) => r.sheet === key);
    expect(rules.length).toBeGreaterThan(0);
    expect(plan.rules.filter((r) => r.sheet === key)).toEqual(rules);
  }
});
