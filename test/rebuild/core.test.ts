/**
 * A rebuild's core (product.md 11, "A tracker already in the workbook"): the user's data read
 * from an old tracker's cells by its names, and the new description with that data placed by
 * calendar month; what the new timeline cannot hold listed. The old tracker here is a described
 * workbook as a file holds it before any spreadsheet calculated it (formulas without values),
 * with the user's edits typed into its cells.
 */
import { PHASE_PLANS } from "../../src/core/plan";
import { describeWithUserData, droppedLines, monthsApartRefusal, optionsFromTracker } from "../../src/core/rebuild";
import { NAMES, SheetKey, TRACKING, TemplateOptions, WorkbookSpec, cellPosition, columnLetter, describeWorkbook, monthColumn, trackingRow } from "../../src/core/template";
import { CellGrid, TrackerCells, readTrackerData, trackerNames } from "../../src/core/tracker-data";
import { monthSerial } from "../../src/core/months";

const cell = (col: number, row: number) => `${columnLetter(col)}${row}`;

/** A described workbook whose cells a user can type into. */
class Workbook {
  readonly cells: Map<SheetKey, Map<string, { value?: string | number | boolean; formula?: string; numberFormat?: string }>>;
  constructor(readonly spec: WorkbookSpec) {
    this.cells = new Map(spec.sheets.map((s) => [s.key, new Map(s.cells.map((c) => [c.ref, { ...c }]))]));
  }
  /** Types a value (or clears the cell with undefined) where a user would. */
  type(sheet: SheetKey, ref: string, value: string | number | undefined): void {
    const c = this.cells.get(sheet)!.get(ref) ?? {};
    this.cells.get(sheet)!.set(ref, { numberFormat: c.numberFormat, value });
  }
  /** The cell a name starts at. */
  at(name: string): { sheet: SheetKey; ref: string } {
    const n = this.spec.names.find((x) => x.name === name)!;
    return { sheet: n.sheet, ref: n.ref.replace(/\$/g, "").split(":")[0] };
  }
  grid(sheet: SheetKey, from: { col: number; row: number }, to: { col: number; row: number }): CellGrid {
    const rows = [];
    for (let r = from.row; r <= to.row; r++) {
      const row = [];
      for (let c = from.col; c <= to.col; c++) {
        const x = this.cells.get(sheet)!.get(cell(c, r));
        row.push({ value: x?.value ?? null, ...(x?.formula !== undefined && { formula: x.formula }), ...(x?.numberFormat && { numberFormat: x.numberFormat }) });
      }
      rows.push(row);
    }
    return rows;
  }
  /** What a host reads: each template name's cells, the company above the reporting month, the plan sheets. */
  read(): TrackerCells {
    const named = new Map<string, CellGrid>();
    for (const name of trackerNames()) {
      const n = this.spec.names.find((x) => x.name === name);
      if (!n) continue;
      const [a, b = a] = n.ref.split(":").map(cellPosition);
      named.set(name, this.grid(n.sheet, a, b));
    }
    const reporting = cellPosition(this.at(NAMES.reportingMonth).ref);
    const plans = new Map(
      ([1, 2, 3, 4] as const).map((n) => {
        const key = `phase${n}` as SheetKey;
        const refs = [...this.cells.get(key)!.keys()].map(cellPosition);
        return [n, this.grid(key, { col: 1, row: 1 }, { col: Math.max(...refs.map((p) => p.col)), row: Math.max(...refs.map((p) => p.row)) })];
      }),
    );
    return { named, plans, company: this.grid("dashboard", { col: reporting.col, row: reporting.row - 1 }, { col: reporting.col, row: reporting.row - 1 })[0][0] };
  }
}

/** A described cell's content in a spec. */
const specCell = (spec: WorkbookSpec, sheet: SheetKey, ref: string) => spec.sheets.find((s) => s.key === sheet)!.cells.find((c) => c.ref === ref);
/** Month t's cell of a Tracking row. */
const monthRef = (key: string, t: number) => cell(monthColumn(t), trackingRow(key));
/** The month (YYYY-MM) at position t of a timeline, as the sheet's header formula makes it: one month after another. */
const positionOf = (first: string, month: string) => (Number(month.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(month.slice(5)) - Number(first.slice(5)) + 1;

const OLD: TemplateOptions = { language: "en", company: "Acme Analytics", currency: "EUR", firstMonth: "2026-01", months: 24 };

/** The old tracker: March 2026's MRR typed, ARR typed over its formula, edits on the Thresholds, dashboard and plan sheets. */
function filledTracker(options: TemplateOptions = OLD): Workbook {
  const old = new Workbook(describeWorkbook(options));
  const t = (month: string) => positionOf(options.firstMonth, month);
  old.type("tracking", monthRef("mrr", t("2026-03")), 120_000);
  old.type("tracking", monthRef("mrr", t("2026-04")), 131_000);
  old.type("tracking", monthRef("churn", t("2026-03")), 0.031);
  old.type("tracking", monthRef("arr", t("2026-04")), 1_500_000);
  // The MRR P1 target lowered, the burn-rate threshold cleared.
  const mrrP1 = old.at(NAMES.target("mrr"));
  old.type(mrrP1.sheet, mrrP1.ref, 7_500);
  const burn = old.at(NAMES.riskThreshold("cash_burn.burn_rate"));
  old.type(burn.sheet, burn.ref, undefined);
  const reporting = old.at(NAMES.reportingMonth);
  old.type(reporting.sheet, reporting.ref, monthSerial("2026-03"));
  const share = old.at(NAMES.minShare);
  old.type(share.sheet, share.ref, 0.8);
  return old;
}

/** Phase n's item's row and the status, owner, due and notes columns, found by the header words and the item's label (the oracle: the sheet as a reader sees it). */
function planRow(spec: WorkbookSpec, n: 1 | 2 | 3 | 4, label: string, language: "en" | "es" = "en") {
  const sheet = spec.sheets.find((s) => s.key === `phase${n}`)!;
  const header = language === "en" ? ["Status", "Owner", "Due date", "Notes"] : ["Estado", "Responsable", "Fecha límite", "Notas"];
  const headerCells = sheet.cells.filter((c) => header.includes(String(c.value)));
  const col = (h: string) => cellPosition(headerCells.find((c) => c.value === h)!.ref).col;
  const row = cellPosition(sheet.cells.find((c) => c.value === label)!.ref).row;
  return { row, status: cell(col(header[0]), row), owner: cell(col(header[1]), row), due: cell(col(header[2]), row), notes: cell(col(header[3]), row) };
}

const firstItem = PHASE_PLANS[0].objectives.find((o) => !o.numeric)!.label!;
const lastInitiative = PHASE_PLANS[0].strategies[3].initiatives[3].label;

describe("a rebuild carries the user's data into a new timeline", () => {
  const old = filledTracker();
  const done = planRow(old.spec, 1, firstItem.en);
  old.type("phase1", done.status, "Done");
  old.type("phase1", done.owner, "Ana");
  old.type("phase1", done.due, monthSerial("2026-06"));
  old.type("phase1", done.notes, "signed by 3 pilots");
  old.type("phase1", planRow(old.spec, 1, lastInitiative.en).status, "Dropped");
  const data = readTrackerData(old.read());
  // An earlier first month and more months: March 2026 moves from month 3 to month 10.
  const options: TemplateOptions = { ...optionsFromTracker(data), language: "en", company: "Acme Analytics", currency: "EUR", firstMonth: "2025-06", months: 48 };
  const rebuilt = describeWithUserData(options, data);
  const at = (key: string, month: string) => specCell(rebuilt.spec, "tracking", monthRef(key, positionOf("2025-06", month)));

  test("a value typed for 2026-03 is in the 2026-03 column, and only there", () => {
    expect(at("mrr", "2026-03")?.value).toBe(120_000);
    expect(at("mrr", "2026-04")?.value).toBe(131_000);
    expect(at("churn", "2026-03")?.value).toBe(0.031);
    // The column's header is 2026-03: the first header is June 2025, each next one a month later.
    expect(specCell(rebuilt.spec, "tracking", cell(monthColumn(1), TRACKING.headerRow))?.value).toBe(monthSerial("2025-06"));
    const mrrRow = rebuilt.spec.sheets.find((s) => s.key === "tracking")!.cells.filter((c) => cellPosition(c.ref).row === trackingRow("mrr") && typeof c.value === "number");
    expect(mrrRow.map((c) => c.value)).toEqual([120_000, 131_000]);
  });

  test("a number typed over a computed cell stays typed; the other months keep their formula", () => {
    expect(at("arr", "2026-04")).toEqual(expect.objectContaining({ value: 1_500_000 }));
    expect(at("arr", "2026-04")?.formula).toBeUndefined();
    expect(at("arr", "2026-03")?.formula).toBeDefined();
    expect(rebuilt.carried).toEqual(expect.objectContaining({ values: 4, typedOver: 1 }));
  });

  test("a lowered MRR P1 target stays lowered, a cleared threshold stays cleared, the others are the catalog's", () => {
    const mrr = rebuilt.spec.names.find((n) => n.name === NAMES.target("mrr"))!;
    const [p1, p2] = mrr.ref.replace(/\$/g, "").split(":");
    expect(specCell(rebuilt.spec, "thresholds", p1)?.value).toBe(7_500);
    expect(specCell(rebuilt.spec, "thresholds", cell(cellPosition(p1).col + 1, cellPosition(p1).row))?.value).toBe(specCell(old.spec, "thresholds", cell(cellPosition(p1).col + 1, cellPosition(p1).row))?.value);
    expect(p2).toBeDefined();
    const burn = rebuilt.spec.names.find((n) => n.name === NAMES.riskThreshold("cash_burn.burn_rate"))!.ref.replace(/\$/g, "");
    expect(specCell(rebuilt.spec, "thresholds", burn)?.value).toBeUndefined();
    expect(specCell(rebuilt.spec, "thresholds", burn)?.numberFormat).toBeDefined();
    expect(rebuilt.carried.thresholds).toBe(2);
  });

  test('a plan status "Done" stays "Done", with its owner, due date and notes; "Dropped" stays "Dropped"', () => {
    const row = planRow(rebuilt.spec, 1, firstItem.en);
    expect([row.status, row.owner, row.due, row.notes].map((ref) => specCell(rebuilt.spec, "phase1", ref)?.value)).toEqual(["Done", "Ana", monthSerial("2026-06"), "signed by 3 pilots"]);
    expect(specCell(rebuilt.spec, "phase1", planRow(rebuilt.spec, 1, lastInitiative.en).status)?.value).toBe("Dropped");
    expect(rebuilt.carried.planEntries).toBe(2);
  });

  test("the reporting month typed, the minimum share and the start month are carried into their cells", () => {
    const reporting = rebuilt.spec.names.find((n) => n.name === NAMES.reportingMonth)!.ref.replace(/\$/g, "");
    expect(specCell(rebuilt.spec, "dashboard", reporting)).toEqual(expect.objectContaining({ value: monthSerial("2026-03") }));
    expect(specCell(rebuilt.spec, "dashboard", reporting)?.formula).toBeUndefined();
    const share = rebuilt.spec.names.find((n) => n.name === NAMES.minShare)!.ref.replace(/\$/g, "");
    expect(specCell(rebuilt.spec, "dashboard", share)?.value).toBe(0.8);
    // The company's month 1 stays January 2026 on a timeline that starts in June 2025 (product.md 6.4).
    const start = rebuilt.spec.names.find((n) => n.name === NAMES.startMonth)!.ref.replace(/\$/g, "");
    expect(specCell(rebuilt.spec, "dashboard", start)?.value).toBe(monthSerial("2026-01"));
    expect(rebuilt.carried.startMonth).toBe("2026-01");
    expect(rebuilt.dropped).toEqual([]);
  });

  test("the old workbook's options are read from it: first month, months, company, language, currency", () => {
    expect(optionsFromTracker(data)).toEqual({ firstMonth: "2026-01", months: 24, company: "Acme Analytics", language: "en", currency: "EUR" });
  });

  test("rebuilt in Spanish, the statuses are the Spanish words", () => {
    const es = describeWithUserData({ ...options, language: "es" }, data);
    const row = planRow(es.spec, 1, firstItem.es, "es");
    expect(specCell(es.spec, "phase1", row.status)?.value).toBe("Hecho");
    expect(specCell(es.spec, "phase1", row.owner)?.value).toBe("Ana");
  });
});

test("a month cell of spaces is blank, as the functions and the importer read one (product.md 7: blank means no value): nothing to carry or to list", () => {
  const old = filledTracker();
  old.type("tracking", monthRef("nps", 2), "   ");
  const data = readTrackerData(old.read());
  expect(data.notNumbers).toEqual([]);
  expect(data.values.filter((v) => v.key === "nps")).toEqual([]);
});

/** The Threshold cell of a row of the Thresholds sheet's tables, found as a reader finds it: the row's id, the column headed "Threshold". */
function thresholdCell(spec: WorkbookSpec, id: string) {
  const cells = spec.sheets.find((s) => s.key === "thresholds")!.cells;
  const row = cellPosition(cells.find((c) => c.value === id && cellPosition(c.ref).col === 1)!.ref).row;
  const col = cellPosition(cells.find((c) => c.value === "Threshold")!.ref).col;
  return cells.find((c) => c.ref === cell(col, row));
}

test("the third Thresholds table's edits are carried like the others (product.md 11: every threshold edit): a convention changed, one cleared", () => {
  const old = filledTracker();
  const quick = old.at(NAMES.contextThreshold("quick_ratio"));
  old.type(quick.sheet, quick.ref, 3);
  const rule = old.at(NAMES.contextThreshold("rule_of_40"));
  old.type(rule.sheet, rule.ref, undefined);
  const data = readTrackerData(old.read());
  const rebuilt = describeWithUserData({ ...OLD, firstMonth: "2025-06", months: 48 }, data);
  expect(thresholdCell(rebuilt.spec, "quick_ratio")?.value).toBe(3);
  expect(thresholdCell(rebuilt.spec, "rule_of_40")?.value).toBeUndefined();
  expect(thresholdCell(rebuilt.spec, "rule_of_40")?.numberFormat).toBeDefined();
  // The MRR target and the burn-rate threshold of filledTracker, and these two.
  expect(rebuilt.carried.thresholds).toBe(4);
});

test("a tracker made before the third table (no names for it) rebuilds with the catalog's conventions: quick ratio 4, Rule of 40 40%", () => {
  const cells = filledTracker().read();
  const named = new Map([...cells.named].filter(([name]) => !name.startsWith("Threshold_quick") && !name.startsWith("Threshold_rule")));
  const data = readTrackerData({ ...cells, named });
  const rebuilt = describeWithUserData({ ...OLD, firstMonth: "2025-06", months: 48 }, data);
  expect([thresholdCell(rebuilt.spec, "quick_ratio")?.value, thresholdCell(rebuilt.spec, "rule_of_40")?.value]).toEqual([4, 0.4]);
  expect(rebuilt.carried.thresholds).toBe(2);
});

describe("what the new timeline cannot hold is listed, never placed", () => {
  const old = filledTracker();
  old.type("tracking", monthRef("nps", 2), "n/a");
  const data = readTrackerData(old.read());

  test("a later first month: the months before it, the reporting month and text in a month cell are listed", () => {
    const rebuilt = describeWithUserData({ ...OLD, firstMonth: "2026-04", months: 12 }, data);
    expect(droppedLines(rebuilt.dropped, "en")).toEqual([
      "mrr, Mar 2026: 120000 (not on the new timeline)",
      "churn, Mar 2026: 0.031 (not on the new timeline)",
      'nps, Feb 2026: "n/a" is not a number, so no cell of the new workbook takes it',
      "the reporting month, Mar 2026: Mar 2026 (not on the new timeline)",
    ]);
    expect(droppedLines(rebuilt.dropped, "es")[0]).toMatch(/, mar 2026: 120\.000 \(no está en la nueva línea de tiempo\)$/);
    // April 2026 is month 1 now; the reporting month goes back to following the data.
    expect(specCell(rebuilt.spec, "tracking", monthRef("mrr", 1))?.value).toBe(131_000);
    const reporting = rebuilt.spec.names.find((n) => n.name === NAMES.reportingMonth)!.ref.replace(/\$/g, "");
    expect(specCell(rebuilt.spec, "dashboard", reporting)?.formula).toBeDefined();
  });

  test("insert and export go through the same path: no data, nothing dropped, the same description", () => {
    const options = { ...OLD, actuals: [{ key: "mrr", month: 3, value: 5 }] };
    const viaPath = describeWithUserData(options);
    expect(viaPath.dropped).toEqual([]);
    expect(viaPath.spec).toEqual(describeWorkbook(options));
  });
});

describe("a sheet whose months are no longer Tracking's is refused, never read by position (product.md 11: nothing misplaced silently)", () => {
  /** The cells as a host reads them after two month columns were inserted on Tracking: the names whose `widened` says so are two months wider. */
  function twoMonthsInserted(widened: (name: string) => boolean): TrackerCells {
    const cells = filledTracker().read();
    const blank = { value: null };
    const named = new Map([...cells.named].map(([name, grid]) => [name, widened(name) ? grid.map((row) => [...row, blank, blank]) : grid]));
    return { ...cells, named };
  }
  const onTracking = (name: string) => name === NAMES.months || name.startsWith("Tracking_");

  test("Tracking_Months two months wider than the Budget sheet's rows: the Budget sheet is named, with both widths and the refresh to run first", () => {
    // The Departments and Channels sheets' rows widened with Tracking's: only the Budget sheet lags.
    const data = readTrackerData(twoMonthsInserted((name) => onTracking(name) || name.startsWith("Dept_") || name.startsWith("Channel_")));
    expect(data.monthsApart).toEqual({ tracking: 26, sheets: [{ sheet: "budget", months: 24 }] });
    const en = monthsApartRefusal(data.monthsApart, "en", false)!;
    expect(en).toContain("Tracking has 26 months and the Budget sheet 24: months were inserted on Tracking since the last refresh");
    expect(en).toContain("Refresh the risk flags first");
    expect(monthsApartRefusal(data.monthsApart, "en", true)).toContain("Open the file in Excel");
    expect(monthsApartRefusal(data.monthsApart, "es", false)).toContain("Seguimiento tiene 26 meses y la hoja Presupuesto 24: se insertaron meses en Seguimiento");
  });

  test("a sheet wider than Tracking (months deleted on Tracking, or columns inserted on that sheet): refused, saying to delete its extra columns", () => {
    const data = readTrackerData(twoMonthsInserted((name) => name.startsWith("Budget_")));
    expect(data.monthsApart).toEqual({ tracking: 24, sheets: [{ sheet: "budget", months: 26 }] });
    const en = monthsApartRefusal(data.monthsApart, "en", false)!;
    expect(en).toContain("Tracking has 24 months and the Budget sheet 26: that sheet has month columns Tracking does not");
    expect(en).toContain("Delete the extra columns on that sheet");
    expect(monthsApartRefusal(data.monthsApart, "es", true)).toContain("esa hoja tiene columnas de meses que Seguimiento no tiene");
  });

  test("a row deleted from the Channels sheet's month block: refused, as its computed rows are read row by row", () => {
    const cells = filledTracker().read();
    const named = new Map(cells.named);
    const block = named.get(NAMES.channelMonthBlock)!;
    named.set(NAMES.channelMonthBlock, block.slice(1));
    const data = readTrackerData({ ...cells, named });
    expect(data.monthsApart?.sheets).toEqual([]);
    expect(data.monthsApart?.rowsMoved).toEqual([{ sheet: "channels", rows: block.length - 1 }]);
    expect(monthsApartRefusal(data.monthsApart, "en", true)).toBe(
      "Rows were inserted or deleted among the month rows of the Channels sheet, so a rebuild would read a number typed over a computed cell from another row. Delete the rows you inserted there (or insert back those you deleted) in Excel and save the file, then rebuild",
    );
  });

  test("none of the three sheets refreshed: all three named", () => {
    const data = readTrackerData(twoMonthsInserted(onTracking));
    expect(data.monthsApart?.sheets.map((s) => s.sheet)).toEqual(["budget", "departments", "channels"]);
  });

  test("every sheet as wide as Tracking (as inserted, or refreshed after the insert): nothing to refuse", () => {
    expect(readTrackerData(filledTracker().read()).monthsApart).toBeUndefined();
    expect(readTrackerData(twoMonthsInserted((name) => /^(Tracking_|Budget_|Dept_|Channel_)/.test(name))).monthsApart).toBeUndefined();
    expect(monthsApartRefusal(undefined, "en", false)).toBeUndefined();
  });
});
