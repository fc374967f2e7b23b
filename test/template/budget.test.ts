/**
 * The Budget sheet's description (product.md 12, "Budget"): the same month columns and input rows
 * as Tracking, the derived rows computed by the same formulas, typed or imported; `Budget_<id>`.
 */
import { TIMELINE_ROWS } from "../../src/core/timeline";
import {
  BUDGET,
  NAMES,
  TRACKING,
  TRACKING_COLUMNS,
  cellPosition,
  columnLetter,
  describeWorkbook,
  frozenPixels,
  monthColumn,
  trackingRow,
  type CellSpec,
  type TemplateOptions,
} from "../../src/core/template";

const base = { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" } as const;
const en = describeWorkbook(base);
const es = describeWorkbook({ ...base, language: "es", currency: "EUR", months: 48 });
const sheet = (spec: ReturnType<typeof describeWorkbook>, key: string) => spec.sheets.find((s) => s.key === key)!;
const cellsByRef = (spec: ReturnType<typeof describeWorkbook>, key: string) => new Map(sheet(spec, key).cells.map((c) => [c.ref, c]));

/** The month columns of a sheet's header row: the cells right of the left block, in order. */
const monthHeaders = (cells: readonly CellSpec[], firstMonthColumn: number) =>
  cells.filter((c) => cellPosition(c.ref).row === TRACKING.headerRow && cellPosition(c.ref).col >= firstMonthColumn).sort((a, b) => cellPosition(a.ref).col - cellPosition(b.ref).col);

/** Budget's month t column, found as the column whose header reads Tracking's month t header. */
function budgetMonthColumns(spec: ReturnType<typeof describeWorkbook>, trackingName: string): Map<string, string> {
  const byTrackingLetter = new Map<string, string>();
  for (const c of monthHeaders(sheet(spec, "budget").cells, 1)) {
    const m = new RegExp(`^'?${trackingName}'?!\\$?([A-Z]+)\\$?${TRACKING.headerRow}$`).exec(c.formula ?? "");
    if (m) byTrackingLetter.set(m[1], c.ref.replace(/\d+$/, ""));
  }
  return byTrackingLetter;
}

test("the Budget sheet has Tracking's months: one header per month, each reading Tracking's header of that month", () => {
  for (const [spec, months, name] of [[en, 36, "Tracking"], [es, 48, "Seguimiento"]] as const) {
    const columns = budgetMonthColumns(spec, name);
    expect(columns.size).toBe(months);
    const trackingLetters = Array.from({ length: months }, (_, t) => columnLetter(monthColumn(t + 1)));
    expect([...columns.keys()]).toEqual(trackingLetters);
    // Consecutive columns, the same count: the dashboard reads both rows by position.
    const budgetColumns = [...columns.values()].map((l) => cellPosition(`${l}1`).col);
    expect(budgetColumns).toEqual(budgetColumns.map((_, k) => budgetColumns[0] + k));
    const named = new Map(spec.names.map((n) => [n.name, n]));
    expect(named.get(NAMES.budget("mrr"))!.ref).toBe(`$${columns.get(trackingLetters[0])}$${trackingRow("mrr")}:$${columns.get(trackingLetters[months - 1])}$${trackingRow("mrr")}`);
  }
});

test("every timeline row on its Tracking row, with its id; the derived rows hold Tracking's formulas on Budget's own cells", () => {
  const columns = budgetMonthColumns(en, "Tracking");
  const budget = cellsByRef(en, "budget");
  const tracking = cellsByRef(en, "tracking");
  // Tracking's formula with each of its month columns renamed to Budget's same month.
  const onBudget = (formula: string) => formula.replace(/(\$?)([A-Z]+)(\$?)(\d+)/g, (all, d1, letters, d2, row) => (columns.has(letters) ? `${d1}${columns.get(letters)}${d2}${row}` : all));
  const idColumn = [...budget.values()].find((c) => c.value === "mrr" && cellPosition(c.ref).row === trackingRow("mrr"))!;
  expect(idColumn).toBeDefined();
  for (const r of TIMELINE_ROWS) {
    const row = trackingRow(r.key);
    expect([r.key, budget.get(`${idColumn.ref.replace(/\d+$/, "")}${row}`)?.value]).toEqual([r.key, r.id]);
    for (const [trackingLetter, budgetLetter] of columns) {
      const t = tracking.get(`${trackingLetter}${row}`)!;
      const b = budget.get(`${budgetLetter}${row}`)!;
      if (r.derived) expect([r.key, b.formula, b.style]).toEqual([r.key, onBudget(t.formula!), "computed"]);
      else expect([r.key, b.value, b.formula, b.style]).toEqual([r.key, undefined, undefined, "input"]);
      expect(b.numberFormat).toBe(t.numberFormat);
    }
  }
  // The sections on the same rows as on Tracking.
  for (const [, row] of TRACKING.sections) expect(budget.get(`A${row}`)?.style).toBe("section");
  // Formulas on Budget read Budget's cells: no other sheet but Tracking's month headers.
  const foreign = [...budget.values()].filter((c) => c.formula?.includes("!") && cellPosition(c.ref).row !== TRACKING.headerRow);
  expect(foreign).toEqual([]);
});

test("a budget typed or imported lands on Budget, a derived row's number replaces its formula that month, Tracking keeps its own", () => {
  const options: TemplateOptions = {
    ...base,
    months: 12,
    actuals: [{ key: "mrr", month: 2, value: 100 }],
    budget: [
      { key: "mrr", month: 2, value: 120 },
      { key: "arr", month: 3, value: 9999 },
    ],
  };
  const spec = describeWorkbook(options);
  const columns = budgetMonthColumns(spec, "Tracking");
  const budgetAt = (t: number, key: string) => cellsByRef(spec, "budget").get(`${columns.get(columnLetter(monthColumn(t)))}${trackingRow(key)}`)!;
  const trackingAt = (t: number, key: string) => cellsByRef(spec, "tracking").get(`${columnLetter(monthColumn(t))}${trackingRow(key)}`)!;
  expect([budgetAt(2, "mrr").value, budgetAt(2, "mrr").style]).toEqual([120, "input"]);
  expect(trackingAt(2, "mrr").value).toBe(100);
  expect([budgetAt(3, "arr").value, budgetAt(3, "arr").formula]).toEqual([9999, undefined]);
  expect(budgetAt(4, "arr").formula).toMatch(/^IF\(ISNUMBER/);
  expect(trackingAt(3, "arr").formula).toMatch(/^IF\(ISNUMBER/);
  expect(budgetAt(1, "mrr").value).toBeUndefined();
});

test("Budget's input cells are validated as Tracking's; no colour rules; frozen name and unit fit a laptop; printed landscape, one page tall", () => {
  for (const spec of [en, es]) {
    const budget = sheet(spec, "budget");
    const tracking = spec.validations.filter((v) => v.sheet === "tracking" && TIMELINE_ROWS.some((r) => cellPosition(v.ref.split(":")[0]).row === trackingRow(r.key)));
    const onBudget = spec.validations.filter((v) => v.sheet === "budget");
    expect(onBudget.map(({ ref, sheet, ...rest }) => rest)).toEqual(tracking.map(({ ref, sheet, ...rest }) => rest));
    expect(onBudget.map((v) => cellPosition(v.ref.split(":")[0]).row)).toEqual(tracking.map((v) => cellPosition(v.ref.split(":")[0]).row));
    expect(spec.rules.filter((r) => r.sheet === "budget")).toEqual([]);
    expect(frozenPixels(budget)).toBeLessThanOrEqual(400);
    expect(budget.freeze?.rows).toBe(TRACKING.headerRow);
    expect([budget.printLandscape, budget.fitTo]).toEqual([true, "height"]);
  }
  expect(sheet(es, "budget").cells.find((c) => c.ref === "A1")!.value).toBe("Presupuesto: Acme");
  expect(sheet(en, "budget").cells.find((c) => c.ref === "A1")!.value).toBe("Budget: Acme");
  // The months start right after the left block (Tracking's long left block is not repeated).
  expect(BUDGET.columns.firstMonth).toBeLessThan(TRACKING_COLUMNS.firstMonth);
});
