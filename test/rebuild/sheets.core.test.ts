/**
 * A rebuild carries what a user typed on the Departments, Channels and Tools sheets (product.md
 * 11: every typed input by calendar month, nothing dropped without the user confirming it;
 * product.md 13: the three sheets' inputs): the month rows by calendar month into the new
 * timeline's months, the single inputs (a change KPI's baseline, a channel's name, a tool's
 * register and impact figures) into the cells the new workbook's names point at; what cannot be
 * carried listed. The old tracker here is a small workbook holding the names, as a host reads it.
 */
import { describeWithUserData, droppedLines } from "../../src/core/rebuild";
import { monthSerial } from "../../src/core/months";
import { NAMES, TemplateOptions, WorkbookSpec, cellPosition, columnLetter } from "../../src/core/template";
import { CHANNELS, channelsMonthColumn } from "../../src/core/template/channels-layout";
import { DEPARTMENTS_SHEET, departmentMonthColumn } from "../../src/core/template/departments-layout";
import type { SheetKey } from "../../src/core/template/types";
import { CellGrid, TrackerCell, TrackerCells, readTrackerData, trackerNames } from "../../src/core/tracker-data";

/** Twelve month headers from January 2026, as a file no spreadsheet calculated holds them: the first a date, the others formulas. */
const HEADER: TrackerCell[] = [{ value: monthSerial("2026-01") }, ...Array.from({ length: 11 }, () => ({ value: null, formula: "EDATE(B1,1)" }))];
/** A month row with `typed` at months (1-based) of the timeline. */
const row = (typed: Record<number, number | string>): CellGrid => [HEADER.map((_, k) => ({ value: typed[k + 1] ?? null }))];
const one = (value: TrackerCell["value"], formula?: string): CellGrid => [[{ value, ...(formula && { formula }) }]];

const BI = "business_intelligence";
const OLD_CELLS: TrackerCells = {
  named: new Map<string, CellGrid>([
    [NAMES.months, [HEADER]],
    [NAMES.tracking("mrr"), row({ 3: 120_000 })],
    // Win rate typed for March and April 2026; text typed in May.
    [NAMES.department("sales.win_rate"), row({ 3: 0.35, 4: 0.38, 5: "n/a" })],
    // Error reduction: the measured value of March 2026, and its baseline.
    [NAMES.department("operations.error_reduction.value"), row({ 3: 12 })],
    [NAMES.departmentBaseline("operations.error_reduction"), one(40)],
    // Paid advertising's spend, customers and new MRR in March 2026; a channel of the user's own.
    [NAMES.channel("channel.paid_advertising.spend"), row({ 3: 5_000 })],
    [NAMES.channel("channel.paid_advertising.customers"), row({ 3: 40 })],
    [NAMES.channel("channel.paid_advertising.new_mrr"), row({ 3: 2_000 })],
    [NAMES.channelName("user1"), one("TikTok")],
    [NAMES.channel("channel.user1.spend"), row({ 1: 900 })],
    // The BI category's register and one of its figures.
    [NAMES.tool(BI, "InUse"), one("Tableau")],
    [NAMES.tool(BI, "Owner"), one("Ana")],
    [NAMES.tool(BI, "MonthlyCost"), one(1_200)],
    [NAMES.tool(BI, "Renewal"), one(monthSerial("2026-09"))],
    [NAMES.tool(BI, "Status"), one("In use")],
    // A status left as inserted is not the user's.
    [NAMES.tool("team_scaling", "Status"), one("Evaluating")],
    [NAMES.toolImpact(`${BI}.data_accuracy`, "Baseline"), one(0.8)],
    [NAMES.toolImpact(`${BI}.data_accuracy`, "Current"), one(0.95, "0.9+0.05")],
  ]),
  plans: new Map(),
};

describe("the reader: the three sheets' inputs read through their names", () => {
  const data = readTrackerData(OLD_CELLS);

  test("every name it reads is a name a host is asked for (trackerNames)", () => {
    for (const name of OLD_CELLS.named.keys()) expect(trackerNames()).toContain(name);
  });

  test("the month rows' numbers by calendar month, under the rows' keys (department-rows.ts); text listed", () => {
    expect(data.values).toEqual(
      expect.arrayContaining([
        { key: "sales.win_rate", month: "2026-03", value: 0.35, typedOver: false },
        { key: "sales.win_rate", month: "2026-04", value: 0.38, typedOver: false },
        { key: "operations.error_reduction.value", month: "2026-03", value: 12, typedOver: false },
        { key: "channel.paid_advertising.spend", month: "2026-03", value: 5_000, typedOver: false },
        { key: "channel.user1.spend", month: "2026-01", value: 900, typedOver: false },
      ]),
    );
    expect(data.notNumbers).toEqual([{ key: "sales.win_rate", month: "2026-05", text: "n/a" }]);
  });

  test("the single inputs by name; a status as its word's place in the list, one left as inserted not at all", () => {
    expect(Object.fromEntries(data.settings.cells ?? [])).toEqual({
      [NAMES.departmentBaseline("operations.error_reduction")]: 40,
      [NAMES.channelName("user1")]: "TikTok",
      [NAMES.tool(BI, "InUse")]: { choice: 0 },
      [NAMES.tool(BI, "Owner")]: "Ana",
      [NAMES.tool(BI, "MonthlyCost")]: 1_200,
      [NAMES.tool(BI, "Renewal")]: monthSerial("2026-09"),
      [NAMES.tool(BI, "Status")]: { choice: 1 },
      [NAMES.toolImpact(`${BI}.data_accuracy`, "Baseline")]: 0.8,
      [NAMES.toolImpact(`${BI}.data_accuracy`, "Current")]: 0.95,
    });
    expect(data.cellFormulas).toBe(1);
  });

  test("a tracker made before the three sheets (none of their names) has nothing of them to carry", () => {
    const before = readTrackerData({ ...OLD_CELLS, named: new Map([[NAMES.months, [HEADER]], [NAMES.tracking("mrr"), row({ 3: 120_000 })]]) });
    expect(before.values).toEqual([{ key: "mrr", month: "2026-03", value: 120_000, typedOver: false }]);
    expect(before.settings.cells).toBeUndefined();
    const rebuilt = describeWithUserData({ ...NEW }, before);
    expect(rebuilt.dropped).toEqual([]);
    expect(rebuilt.carried).toEqual(expect.objectContaining({ values: 1, cells: 0 }));
  });
});

/** A name's cell, `t - 1` columns right of its first (month t of a month row), in a described workbook. */
function named(spec: WorkbookSpec, name: string, t = 1) {
  const n = spec.names.find((x) => x.name === name);
  if (!n) throw new Error(`the new workbook has no name ${name}`);
  const first = cellPosition(n.ref.replace(/\$/g, "").split(":")[0]);
  const ref = `${columnLetter(first.col + t - 1)}${first.row}`;
  return spec.sheets.find((s) => s.key === n.sheet)!.cells.find((c) => c.ref === ref);
}

/** An earlier first month: March 2026 moves from month 3 to month 10. */
const NEW: TemplateOptions = { language: "en", company: "Acme", currency: "USD", firstMonth: "2025-06", months: 36 };

describe("the new workbook: the inputs where its names point, by calendar month", () => {
  const data = readTrackerData({ ...OLD_CELLS, named: new Map([...OLD_CELLS.named].filter(([name]) => name !== NAMES.department("sales.win_rate"))) });
  const rebuilt = describeWithUserData(NEW, data);

  test("the Departments sheet's rows: March 2026 in the March 2026 column; the baseline in its cell", () => {
    expect(named(rebuilt.spec, NAMES.department("operations.error_reduction.value"), 10)?.value).toBe(12);
    expect(named(rebuilt.spec, NAMES.department("operations.error_reduction.value"), 3)?.value).toBeUndefined();
    expect(named(rebuilt.spec, NAMES.departmentBaseline("operations.error_reduction"))?.value).toBe(40);
  });

  test("the Channels sheet's rows by calendar month (January 2026 is month 8), the user's channel's name", () => {
    expect([10, 10, 10].map((t, k) => named(rebuilt.spec, NAMES.channel(`channel.paid_advertising.${["spend", "customers", "new_mrr"][k]}`), t)?.value)).toEqual([5_000, 40, 2_000]);
    expect(named(rebuilt.spec, NAMES.channel("channel.user1.spend"), 8)?.value).toBe(900);
    expect(named(rebuilt.spec, NAMES.channelName("user1"))?.value).toBe("TikTok");
  });

  test("the Tools sheet's register and figures, each in its named cell, the format kept", () => {
    expect([..."InUse Owner MonthlyCost Renewal Status".split(" ")].map((f) => named(rebuilt.spec, NAMES.tool(BI, f))?.value)).toEqual(["Tableau", "Ana", 1_200, monthSerial("2026-09"), "In use"]);
    expect(named(rebuilt.spec, NAMES.tool(BI, "MonthlyCost"))?.numberFormat).toBeDefined();
    expect(named(rebuilt.spec, NAMES.toolImpact(`${BI}.data_accuracy`, "Baseline"))?.value).toBe(0.8);
    expect(named(rebuilt.spec, NAMES.toolImpact(`${BI}.data_accuracy`, "Current"))?.value).toBe(0.95);
  });

  test("said so: the values with the others, the single inputs apart", () => {
    // MRR, error reduction, paid advertising's three, the user's channel.
    expect(rebuilt.carried).toEqual(expect.objectContaining({ values: 6, cells: 9, fromFormulas: 1 }));
    expect(rebuilt.dropped).toEqual([]);
  });

  test("rebuilt in Spanish, a status is the Spanish word", () => {
    const es = describeWithUserData({ ...NEW, language: "es" }, data);
    expect(named(es.spec, NAMES.tool(BI, "Status"))?.value).toBe("En uso");
    expect(named(es.spec, NAMES.tool("team_scaling", "Status"))?.value).toBe("En evaluación");
  });
});

describe("what cannot be carried is listed, never dropped unseen", () => {
  const data = readTrackerData(OLD_CELLS);

  test("a later first month: the months before it and text in a month cell, each with its sheet", () => {
    const rebuilt = describeWithUserData({ ...NEW, firstMonth: "2026-04", months: 12 }, data);
    const lines = droppedLines(rebuilt.dropped, "en");
    expect(lines).toEqual(
      expect.arrayContaining([
        "sales.win_rate (Departments), Mar 2026: 0.35 (not on the new timeline)",
        "channel.paid_advertising.spend (Channels), Mar 2026: 5000 (not on the new timeline)",
        "channel.user1.spend (Channels), Jan 2026: 900 (not on the new timeline)",
        'sales.win_rate (Departments), May 2026: "n/a" is not a number, so no cell of the new workbook takes it',
      ]),
    );
    expect(droppedLines(rebuilt.dropped, "es")).toContain("sales.win_rate (Áreas), mar 2026: 0,35 (no está en la nueva línea de tiempo)");
    // April 2026 is month 1: the win rate of April is carried.
    expect(named(rebuilt.spec, NAMES.department("sales.win_rate"), 1)?.value).toBe(0.38);
  });

  test("a single input whose formula has no result in the file is listed by its name", () => {
    const cells = { ...OLD_CELLS, named: new Map([...OLD_CELLS.named, [NAMES.tool(BI, "Owner"), one(null, "Sheet9!A1")]]) };
    const rebuilt = describeWithUserData(NEW, readTrackerData(cells));
    expect(droppedLines(rebuilt.dropped, "en")).toContain(`${NAMES.tool(BI, "Owner")}: "=Sheet9!A1" has no value in the file (open and save it in Excel first), so nothing is carried for it`);
  });
});

/*
 * The targets on the three sheets are thresholds the user may edit (product.md 11: every threshold
 * edit is carried; docs/rebuild.md): a target that differs from the catalog's is the user's and is
 * carried, a cleared one stays cleared (its check off, product.md 4), one left as the template
 * wrote it is not the user's. The catalog's: win rate 40%, error reduction 70%, CAC by channel
 * $100, channel diversity 10, data accuracy 99%.
 */
describe("the targets: an edited one carried, a cleared one kept cleared, an untouched one not counted", () => {
  const ACCURACY = `${BI}.data_accuracy`;
  const cells: TrackerCells = {
    named: new Map<string, CellGrid>([
      ...OLD_CELLS.named,
      [NAMES.departmentTarget("sales.win_rate"), one(0.3)],
      [NAMES.departmentTarget("product.uptime"), one(null)],
      [NAMES.departmentTarget("operations.error_reduction"), one(0.7)],
      [NAMES.channelTarget("marketing.cac_by_channel"), one(150)],
      [NAMES.channelTarget("marketing.roi_by_channel"), one(null)],
      [NAMES.channelTarget("marketing.channel_diversity"), one(10)],
      [NAMES.toolImpact(ACCURACY, "Target"), one(0.95)],
      [NAMES.toolImpact(`${BI}.decision_speed`, "Target"), one(null)],
    ]),
    plans: new Map(),
  };
  const data = readTrackerData(cells);
  const rebuilt = describeWithUserData(NEW, data);

  test("the reader asks for every target by name (trackerNames)", () => {
    for (const name of cells.named.keys()) expect(trackerNames()).toContain(name);
  });

  test("the reader: the edited targets and the cleared ones, not those left as the catalog's", () => {
    const carried = data.settings.cells ?? new Map();
    expect([NAMES.departmentTarget("sales.win_rate"), NAMES.channelTarget("marketing.cac_by_channel"), NAMES.toolImpact(ACCURACY, "Target")].map((n) => carried.get(n))).toEqual([0.3, 150, 0.95]);
    expect([NAMES.departmentTarget("product.uptime"), NAMES.channelTarget("marketing.roi_by_channel"), NAMES.toolImpact(`${BI}.decision_speed`, "Target")].map((n) => carried.get(n))).toEqual([null, null, null]);
    expect(carried.has(NAMES.departmentTarget("operations.error_reduction"))).toBe(false);
    expect(carried.has(NAMES.channelTarget("marketing.channel_diversity"))).toBe(false);
  });

  test("the new workbook: each edited target in its cell, each cleared one empty, the others the catalog's", () => {
    expect(named(rebuilt.spec, NAMES.departmentTarget("sales.win_rate"))?.value).toBe(0.3);
    expect(named(rebuilt.spec, NAMES.channelTarget("marketing.cac_by_channel"))?.value).toBe(150);
    expect(named(rebuilt.spec, NAMES.toolImpact(ACCURACY, "Target"))?.value).toBe(0.95);
    for (const name of [NAMES.departmentTarget("product.uptime"), NAMES.channelTarget("marketing.roi_by_channel"), NAMES.toolImpact(`${BI}.decision_speed`, "Target")])
      expect(named(rebuilt.spec, name)?.value ?? null).toBeNull();
    expect(named(rebuilt.spec, NAMES.departmentTarget("operations.error_reduction"))?.value).toBe(0.7);
    expect(named(rebuilt.spec, NAMES.channelTarget("marketing.channel_diversity"))?.value).toBe(10);
    // The nine inputs of the tests above, three edited targets and three cleared ones.
    expect(rebuilt.carried).toEqual(expect.objectContaining({ cells: 15 }));
  });

  test("a tracker that never had the targets' names keeps the catalog's (nothing read as cleared)", () => {
    const fresh = describeWithUserData(NEW, readTrackerData({ named: new Map([[NAMES.months, [HEADER]]]), plans: new Map() }));
    expect(named(fresh.spec, NAMES.departmentTarget("sales.win_rate"))?.value).toBe(0.4);
    expect(named(fresh.spec, NAMES.channelTarget("marketing.cac_by_channel"))?.value).toBe(100);
  });
});

/*
 * The Tools sheet's uptime and response time read Tracking and the Departments sheet as of the
 * reporting month (product.md 13: a quantity the workbook holds is typed once): the formula there
 * is the template's, not the user's, so it is not carried as a typed number; a number the user
 * typed over it is, and lands as a typed cell, as a number typed over a computed month on Tracking.
 */
describe("the Tools sheet's computed current values: the formula not carried, a number typed over it carried", () => {
  const UPTIME = NAMES.toolImpact("infrastructure_scaling.uptime", "Current");
  const RESPONSE = NAMES.toolImpact("infrastructure_scaling.response_time_ms", "Current");
  const cells: TrackerCells = {
    named: new Map<string, CellGrid>([
      ...OLD_CELLS.named,
      [UPTIME, one(0.9999, 'IF(ISNUMBER(Dashboard!$F$3),IF(ISNUMBER(INDEX(Tracking_uptime,1,Dashboard!$F$3)),INDEX(Tracking_uptime,1,Dashboard!$F$3),""),"")')],
      [RESPONSE, one(80)],
    ]),
    plans: new Map(),
  };
  const data = readTrackerData(cells);
  const rebuilt = describeWithUserData(NEW, data);

  test("the reader asks for both by name and carries only the typed one", () => {
    for (const name of [UPTIME, RESPONSE]) expect(trackerNames()).toContain(name);
    const carried = data.settings.cells ?? new Map();
    expect(carried.has(UPTIME)).toBe(false);
    expect(carried.get(RESPONSE)).toBe(80);
    // The user's formula on data accuracy's current value is still counted; the template's on uptime is not.
    expect(data.cellFormulas).toBe(1);
  });

  test("the new workbook: uptime's current reads Tracking again (computed); response time's is the typed 80, an input cell", () => {
    const uptime = named(rebuilt.spec, UPTIME)!;
    expect(uptime.formula).toContain(NAMES.tracking("uptime"));
    expect([uptime.value, uptime.style]).toEqual([undefined, "computed"]);
    const response = named(rebuilt.spec, RESPONSE)!;
    expect([response.value, response.formula, response.style]).toEqual([80, undefined, "input"]);
    // Only the old tracker's text in a month (OLD_CELLS) is listed: nothing of the Tools sheet.
    expect(rebuilt.dropped.map((d) => d.key)).toEqual(["sales.win_rate"]);
  });
});

describe("numbers typed over the Departments and Channels sheets' computed month cells (product.md 11: nothing of the user's dropped unseen)", () => {
  const spec = describeWithUserData(NEW).spec;
  /** The rows of a sheet whose first month holds a formula: every computed month row, whatever computes it. */
  const computedRows = (key: "departments" | "channels", firstMonthColumn: number, headerRow: number) =>
    spec.sheets
      .find((s) => s.key === key)!
      .cells.filter((c) => c.formula !== undefined && cellPosition(c.ref).col === firstMonthColumn && cellPosition(c.ref).row > headerRow)
      .map((c) => cellPosition(c.ref).row);

  test("every computed month row of both sheets is in its sheet's month block, under a key of its own", () => {
    const dept = computedRows("departments", departmentMonthColumn(1), DEPARTMENTS_SHEET.headerRow);
    const channels = computedRows("channels", channelsMonthColumn(1), CHANNELS.headerRow);
    expect(DEPARTMENTS_SHEET.computedRows.map((r) => r.row).sort((a, b) => a - b)).toEqual(dept.sort((a, b) => a - b));
    expect(CHANNELS.computedRows.map((r) => r.row).sort((a, b) => a - b)).toEqual(channels.sort((a, b) => a - b));
    const keys = [...DEPARTMENTS_SHEET.computedRows, ...CHANNELS.computedRows].map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(trackerNames()).not.toContain(NAMES.tracking(key));
  });

  test("read in the block, carried by calendar month as typed over; a formula there is the template's", () => {
    const blockOf = (rows: number, typed: Map<number, Record<number, TrackerCell>>): CellGrid =>
      Array.from({ length: rows }, (_, r) => HEADER.map((_, k) => typed.get(r)?.[k + 1] ?? { value: 1, formula: "A1" }));
    const dept = DEPARTMENTS_SHEET.monthBlock;
    const ch = CHANNELS.monthBlock;
    const data = readTrackerData({
      named: new Map<string, CellGrid>([
        [NAMES.months, [HEADER]],
        [NAMES.departmentMonthBlock, blockOf(dept.last - dept.first + 1, new Map([[DEPARTMENTS_SHEET.kpiRow("product.uptime") - dept.first, { 3: { value: 0.995 } }]]))],
        [NAMES.channelMonthBlock, blockOf(ch.last - ch.first + 1, new Map([[CHANNELS.cacRow(0) - ch.first, { 3: { value: 87.5 } }]]))],
      ]),
      plans: new Map(),
    });
    expect(data.values).toEqual([
      { key: "product.uptime", month: "2026-03", value: 0.995, typedOver: true },
      { key: "channel.paid_advertising.cac", month: "2026-03", value: 87.5, typedOver: true },
    ]);
    const rebuilt = describeWithUserData(NEW, data);
    const monthCell = (key: SheetKey, row: number, col: number) => rebuilt.spec.sheets.find((s) => s.key === key)!.cells.find((c) => c.ref === `${columnLetter(col)}${row}`)!;
    // March 2026 is month 10 of the new timeline.
    const cac = (t: number) => monthCell("channels", CHANNELS.cacRow(0), channelsMonthColumn(t));
    expect([cac(10).value, cac(10).formula]).toEqual([87.5, undefined]);
    expect(cac(9).formula).toBeDefined();
    expect(monthCell("departments", DEPARTMENTS_SHEET.kpiRow("product.uptime"), departmentMonthColumn(10)).value).toBe(0.995);
    expect(rebuilt.carried).toEqual(expect.objectContaining({ values: 2, typedOver: 2 }));
  });
});
