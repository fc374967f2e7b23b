/**
 * Inspect on the Departments and Channels sheets without a host (product.md 13): a selection is
 * recognised by the names covering it; each KPI judged by the band rule of product.md 4 as a risk
 * indicator (phase-independent), its gap as SCALE.GAP gives it, and a formula to copy. Oracles
 * worked out by hand from product.md 4 and 13.
 */
import { Address, parseAddress } from "../../src/core/address";
import { monthSerial } from "../../src/core/months";
import { NAMES, columnLetter, describeWorkbook } from "../../src/core/template";
import { NamedCells, inspectSeedCells, nameAddress, namesToRead } from "../../src/officejs/inspect/seed-plan";
import { inspectSelection } from "../../src/officejs/inspect/plan";

const spec = describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", months: 12 });
const sheetOf = (key: string) => spec.sheets.find((s) => s.key === key)!.name;
/** Where the description puts a name, as the host gives it. */
const at = (name: string): Address => {
  const n = spec.names.find((x) => x.name === name)!;
  return parseAddress(`${sheetOf(n.sheet)}!${n.ref.replace(/\$/g, "")}`);
};
/** Month t's cell (1-based) of a row name, as an Address. */
const monthOf = (name: string, t: number): Address => {
  const a = at(name);
  const col = a.start.col + t - 1;
  return { sheet: a.sheet, start: { col, row: a.start.row }, end: { col, row: a.start.row } };
};
const cellOf = (a: Address) => `${columnLetter(a.start.col)}${a.start.row}`;
/** A row name read with `values` in its months. */
const row = (name: string, values: (number | string)[]): NamedCells => ({ address: at(name), values: [values] });
const allNames = new Map(spec.names.map((n) => [n.name, at(n.name)]));
/** A tracker made before Dept_MonthBlock: its flags are judged from the rows their months are computed from. */
const olderNames = new Map([...allNames].filter(([n]) => n !== NAMES.departmentMonthBlock));
/** A one-cell name's value as the template writes it (a target: the seed's), else nothing typed. */
const asWritten = (name: string): (number | string)[] => {
  const a = at(name);
  if (a.start.col !== a.end.col || a.start.row !== a.end.row) return [];
  const ref = `${columnLetter(a.start.col)}${a.start.row}`;
  const written = spec.sheets.find((s) => s.name === a.sheet)!.cells.find((c) => c.ref === ref);
  return typeof written?.value === "number" ? [written.value] : [];
};
/** The timeline's month headers (January to December 2026) and the reporting month, as read: what a flag is judged at. */
const reportingMonth = (month: string): [string, NamedCells][] => [
  [NAMES.months, { address: at(NAMES.months), values: [Array.from({ length: 12 }, (_, k) => monthSerial(`2026-${String(k + 1).padStart(2, "0")}`))] }],
  [NAMES.reportingMonth, { address: at(NAMES.reportingMonth), values: [[monthSerial(month)]] }],
];

test("a month cell of the win rate's row: SCALE.RISK's level against 40% (35% is RISK: WATCH only from 36%), the gap 5 points, a formula to copy in Excel's language", () => {
  const name = NAMES.department("sales.win_rate");
  const selected = monthOf(name, 3);
  expect(namesToRead(selected, allNames)).toEqual([name, NAMES.departmentTarget("sales.win_rate")]);
  const read = new Map([[name, row(name, [0.3, "", 0.35, ""])]]);
  const [kpi] = inspectSeedCells(selected, read, "en");
  expect(kpi).toMatchObject({ id: "sales.win_rate", value: 0.35, target: 0.4, level: "RISK" });
  expect(kpi.gap as number).toBeCloseTo(0.05, 12);
  expect(kpi.address).toBe(`${sheetOf("departments")}!${cellOf(selected)}`);
  expect(kpi.formula).toBe(`=SCALE.RISK("sales.win_rate", ${cellOf(selected)})`);
  expect(inspectSeedCells(selected, read, "es")[0].formula).toBe(`=SCALE.RIESGO("sales.win_rate"; ${cellOf(selected)})`);
});

test("a channel's month: its CAC (spend / new customers) and first-year ROI ((12 x new MRR - spend) / spend) judged against < $100 and > 300%", () => {
  const spend = NAMES.channel("channel.paid_advertising.spend");
  const customers = NAMES.channel("channel.paid_advertising.customers");
  const mrr = NAMES.channel("channel.paid_advertising.new_mrr");
  const selected = monthOf(customers, 2);
  const targets = [NAMES.channelTarget("marketing.cac_by_channel"), NAMES.channelTarget("marketing.roi_by_channel")];
  expect(namesToRead(selected, allNames).sort()).toEqual([spend, customers, mrr, ...targets].sort());
  const read = new Map([
    [spend, row(spend, [1000, 5000])],
    [customers, row(customers, [10, 40])],
    [mrr, row(mrr, [500, 2000])],
  ]);
  const kpis = inspectSeedCells(selected, read, "en");
  // CAC 125 against < 100: past the band (WATCH to 110), RISK, 25 over. ROI 3.8 against > 3: OK, 0.8 ahead.
  expect(kpis.map((k) => [k.id, k.value, k.level])).toEqual([
    ["marketing.cac_by_channel", 125, "RISK"],
    ["marketing.roi_by_channel", 3.8, "OK"],
  ]);
  expect(kpis[0].gap).toBeCloseTo(25, 9);
  expect(kpis[1].gap as number).toBeCloseTo(-0.8, 9);
  expect(kpis[0].formula).toMatch(/^=SCALE\.RISK\("marketing\.cac_by_channel", [A-Z]+\d+\/[A-Z]+\d+\)$/);
});

test("a change KPI's measured value: the reduction against its baseline (100 errors to 40 is 60%, against 70%: RISK, WATCH only from 67%)", () => {
  const value = NAMES.department("operations.error_reduction.value");
  const baseline = NAMES.departmentBaseline("operations.error_reduction");
  const selected = monthOf(value, 1);
  expect(namesToRead(selected, allNames).sort()).toEqual([value, baseline, NAMES.departmentTarget("operations.error_reduction")].sort());
  const read = new Map([
    [value, row(value, [40])],
    [baseline, { address: at(baseline), values: [[100]] }],
  ]);
  const [kpi] = inspectSeedCells(selected, read, "en");
  expect([kpi.id, kpi.value, kpi.level]).toEqual(["operations.error_reduction", 0.6, "RISK"]);
  expect(kpi.formula).toMatch(/^=SCALE\.RISK\("operations\.error_reduction", \(\$[A-Z]+\$\d+-[A-Z]+\d+\)\/\$[A-Z]+\$\d+\)$/);
});

test("a count per year (New features: 50/year), on its month or its flag: the last 12 months at a yearly rate, blank months skipped (5 a month from month 3 is 60 a year: OK), not one month's count", () => {
  const count = NAMES.department("product.new_features");
  const flag = NAMES.departmentFlag("product.new_features");
  const read = new Map([[count, row(count, ["", "", 5, 5, 5, 5])]]);
  const [onMonth] = inspectSeedCells(monthOf(count, 6), read, "en");
  expect([onMonth.id, onMonth.value, onMonth.level]).toEqual(["product.new_features", 60, "OK"]);
  expect(onMonth.formula).toMatch(/^=SCALE\.RISK\("product\.new_features", SUM\([A-Z]+\d+:[A-Z]+\d+\)\*12\/COUNT\([A-Z]+\d+:[A-Z]+\d+\)\)$/);
  const onFlag = inspectSeedCells(at(flag), new Map([...read, [flag, { address: at(flag), values: [["OK"]] }], ...reportingMonth("2026-06")]), "en");
  expect(onFlag.map((k) => [k.id, k.value, k.level])).toEqual([["product.new_features", 60, "OK"]]);
});

test("a name's formula as Excel gives it, quoted sheet names too; a selection elsewhere reaches no KPI; inspectSelection lists the KPIs beside the metrics", () => {
  expect(nameAddress("='Áreas'!$S$12:$AD$12")).toEqual({ sheet: "Áreas", start: { col: 19, row: 12 }, end: { col: 30, row: 12 } });
  expect(nameAddress("=0.5")).toBeUndefined();
  expect(namesToRead(parseAddress("Tracking!A1:C3"), allNames)).toEqual([]);
  const name = NAMES.department("sales.win_rate");
  const selected = monthOf(name, 1);
  const address = `${selected.sheet}!${cellOf(selected)}`;
  const inspection = inspectSelection({ values: [[0.45]], formulas: [[0.45]], targets: [], address, named: [[name, row(name, [0.45])]] });
  expect(inspection.kpis.map((k) => [k.id, k.level])).toEqual([["sales.win_rate", "OK"]]);
  expect(inspection.metrics).toEqual([]);
});

test("in a tracker without Dept_MonthBlock, a change KPI's flag (Error reduction: 70%) has no Dept_<id> row: judged at the measured row's reporting month against the baseline (100 errors to 40 is 60%: RISK)", () => {
  const value = NAMES.department("operations.error_reduction.value");
  const baseline = NAMES.departmentBaseline("operations.error_reduction");
  const flag = NAMES.departmentFlag("operations.error_reduction");
  const target = NAMES.departmentTarget("operations.error_reduction");
  expect(namesToRead(at(flag), olderNames).sort()).toEqual([flag, value, baseline, target, NAMES.months, NAMES.reportingMonth].sort());
  const read = new Map([
    [flag, { address: at(flag), values: [["RISK"]] }],
    [value, row(value, [50, 40, ""])],
    [baseline, { address: at(baseline), values: [[100]] }],
    ...reportingMonth("2026-02"),
  ]);
  const [kpi] = inspectSeedCells(at(flag), read, "en");
  expect([kpi.id, kpi.value, kpi.level, kpi.address]).toEqual(["operations.error_reduction", 0.6, "RISK", `${sheetOf("departments")}!${cellOf(monthOf(value, 2))}`]);
  expect(kpi.formula).toMatch(/^=SCALE\.RISK\("operations\.error_reduction", \(\$[A-Z]+\$\d+-[A-Z]+\d+\)\/\$[A-Z]+\$\d+\)$/);
});

test("a value SCALE.RISK rejects (40 typed for a 40% win rate) shows the error as the cell would, #VALUE!, with no English sentence: the pane explains it in its own language", () => {
  const name = NAMES.department("sales.win_rate");
  const selected = monthOf(name, 1);
  const [kpi] = inspectSeedCells(selected, new Map([[name, row(name, [40])]]), "es");
  expect([kpi.value, kpi.level, kpi.gap]).toEqual([40, "#VALUE!", "#VALUE!"]);
});

/*
 * A KPI's flag on the Departments sheet judges the reporting month (the dashboard's
 * Scale_ReportingMonth), not the last month with a number (docs/workbook.md, "Flags"): Inspect on
 * the flag cell judges the same month, so it gives the level the cell shows.
 */
describe("a flag cell in a tracker without Dept_MonthBlock: judged in the reporting month, as the sheet's flag", () => {
  const winRate = NAMES.department("sales.win_rate");
  const flag = NAMES.departmentFlag("sales.win_rate");
  // 45% in January, 35% in February, 30% in March: the reporting month February.
  const typed = row(winRate, [0.45, 0.35, 0.3]);

  test("the win rate's flag with February reporting: February's 35%, RISK against 40%, not March's 30%; the formula reads February's cell", () => {
    expect(namesToRead(at(flag), olderNames).sort()).toEqual([flag, winRate, NAMES.departmentTarget("sales.win_rate"), NAMES.months, NAMES.reportingMonth].sort());
    const read = new Map([[flag, { address: at(flag), values: [["RISK"]] }], [winRate, typed], ...reportingMonth("2026-02")]);
    const [kpi] = inspectSeedCells(at(flag), read, "en");
    expect([kpi.id, kpi.value, kpi.level, kpi.address]).toEqual(["sales.win_rate", 0.35, "RISK", `${sheetOf("departments")}!${cellOf(monthOf(winRate, 2))}`]);
    expect(kpi.formula).toBe(`=SCALE.RISK("sales.win_rate", ${cellOf(monthOf(winRate, 2))})`);
    // January reporting: 45%, OK.
    const january = inspectSeedCells(at(flag), new Map([...read, ...reportingMonth("2026-01")]), "en");
    expect([january[0].value, january[0].level]).toEqual([0.45, "OK"]);
  });

  test("no number in the reporting month, a reporting month off the timeline or none: unjudged, as the flag is blank", () => {
    for (const month of ["2026-05", "2027-03"]) {
      const [kpi] = inspectSeedCells(at(flag), new Map([[flag, { address: at(flag), values: [[""]] }], [winRate, typed], ...reportingMonth(month)]), "en");
      expect([kpi.value, kpi.level, kpi.formula]).toEqual([undefined, "", undefined]);
    }
    const [none] = inspectSeedCells(at(flag), new Map([[flag, { address: at(flag), values: [[""]] }], [winRate, typed]]), "en");
    expect(none.level).toBe("");
  });

  test("a linked KPI's flag (infrastructure uptime 99.99%) judges Tracking's uptime in the reporting month: 99.95% is RISK (WATCH only from 99.989%), the formula on Tracking's cell", () => {
    const uptime = NAMES.tracking("uptime");
    const linked = NAMES.departmentFlag("operations.uptime");
    expect(namesToRead(at(linked), olderNames)).toContain(uptime);
    const read = new Map([[linked, { address: at(linked), values: [["RISK"]] }], [uptime, row(uptime, [0.9995, 0.99995])], ...reportingMonth("2026-01")]);
    const [kpi] = inspectSeedCells(at(linked), read, "es");
    const tracking = sheetOf("tracking");
    expect([kpi.id, kpi.value, kpi.level, kpi.address]).toEqual(["operations.uptime", 0.9995, "RISK", `${tracking}!${cellOf(monthOf(uptime, 1))}`]);
    expect(kpi.formula).toBe(`=SCALE.RIESGO("operations.uptime"; ${tracking}!${cellOf(monthOf(uptime, 1))})`);
  });

  test("a channel KPI's flag (ROI by channel > 300%) judges the Channels sheet's lowest ROI in the reporting month: 250% is RISK (WATCH from 270%)", () => {
    const lowest = NAMES.channelWorstRoi;
    const roiFlag = NAMES.departmentFlag("marketing.roi_by_channel");
    const read = new Map([[roiFlag, { address: at(roiFlag), values: [["RISK"]] }], [lowest, row(lowest, [5, 2.5, 4])], ...reportingMonth("2026-02")]);
    const [kpi] = inspectSeedCells(at(roiFlag), read, "en");
    expect([kpi.id, kpi.value, kpi.level]).toEqual(["marketing.roi_by_channel", 2.5, "RISK"]);
  });

  test("the CAC by channel flag: the highest CAC $80 reads under $100, but a channel spent $80 and got no customer that month: RISK, as the sheet's flag, with no formula that would say OK", () => {
    const highest = NAMES.channelWorstCac;
    const cacFlag = NAMES.departmentFlag("marketing.cac_by_channel");
    const spend = NAMES.channel("channel.partnerships.spend");
    const customers = NAMES.channel("channel.partnerships.customers");
    expect(namesToRead(at(cacFlag), olderNames)).toEqual(expect.arrayContaining([highest, spend, customers]));
    const base = new Map([[cacFlag, { address: at(cacFlag), values: [["RISK"]] }], [highest, row(highest, [80])], ...reportingMonth("2026-01")]);
    const [noCustomer] = inspectSeedCells(at(cacFlag), new Map([...base, [spend, row(spend, [80])], [customers, row(customers, [0])]]), "en");
    // No gap: $80 is only a lower bound of a CAC there is not; "$20 under" would read as met beside RISK.
    expect([noCustomer.value, noCustomer.level, noCustomer.formula, noCustomer.gap]).toEqual([80, "RISK", undefined, undefined]);
    // One customer for the $80: a CAC of $80, OK.
    const [one] = inspectSeedCells(at(cacFlag), new Map([...base, [spend, row(spend, [80])], [customers, row(customers, [1])]]), "en");
    expect([one.value, one.level]).toEqual([80, "OK"]);
  });
});

describe("the Channels sheet's own flag cells (no name of their own): recognised through the names beside them, judged in the reporting month", () => {
  const channels = sheetOf("channels");
  const flagCells = spec.sheets.find((s) => s.key === "channels")!.cells.filter((c) => c.style === "flag");
  const selectedAt = (ref: string) => parseAddress(`${channels}!${ref}`);
  /** What Inspect reads for a selection, given these rows' values (other names read empty). */
  const readFor = (selection: Address, rows: [string, (number | string)[]][], month = "2026-02") => {
    const given = new Map(rows);
    const read = new Map<string, NamedCells>(namesToRead(selection, allNames).map((n) => [n, row(n, given.get(n) ?? asWritten(n))]));
    return new Map([...read, ...reportingMonth(month)]);
  };
  const slot = (measure: string) => NAMES.channel(`channel.partnerships.${measure}`);
  /** The partnerships channel's CAC and ROI flags: the flag cells of its CAC and ROI rows. */
  const partnershipsFlag = (label: "CAC" | "ROI") => {
    const names = spec.sheets.find((s) => s.key === "channels")!.cells;
    const spendRow = at(slot("spend")).start.row;
    // Below the channel's three typed rows: its CAC, then its ROI (product.md 13).
    const rowOf = label === "CAC" ? spendRow + 3 : spendRow + 4;
    return names.find((c) => c.style === "flag" && Number(c.ref.replace(/\D+/g, "")) === rowOf)!.ref;
  };

  test("every flag cell of the sheet (the diversity, highest CAC and lowest ROI rows, each channel's CAC and ROI) reaches exactly one KPI", () => {
    expect(flagCells.length).toBeGreaterThan(5);
    for (const c of flagCells) {
      const selected = selectedAt(c.ref);
      const kpis = inspectSeedCells(selected, readFor(selected, []), "en");
      expect([c.ref, kpis.length]).toEqual([c.ref, 1]);
      expect(["marketing.channel_diversity", "marketing.cac_by_channel", "marketing.roi_by_channel"]).toContain(kpis[0].id);
    }
  });

  test("the lowest ROI's flag judges the lowest ROI in the reporting month: February's 250% is RISK against > 300% (WATCH from 270%), not March's 400%", () => {
    const lowestFlag = flagCells.find((c) => Number(c.ref.replace(/\D+/g, "")) === at(NAMES.channelWorstRoi).start.row)!;
    const selected = selectedAt(lowestFlag.ref);
    const [kpi] = inspectSeedCells(selected, readFor(selected, [[NAMES.channelWorstRoi, [5, 2.5, 4]]]), "en");
    expect([kpi.id, kpi.value, kpi.level, kpi.address]).toEqual(["marketing.roi_by_channel", 2.5, "RISK", `${channels}!${cellOf(monthOf(NAMES.channelWorstRoi, 2))}`]);
  });

  test("a channel's CAC flag: February's $1,250 for 10 customers is $125, RISK against < $100 (WATCH to $110), not January's $50; spent $80 and no customer: RISK, no formula", () => {
    const selected = selectedAt(partnershipsFlag("CAC"));
    const [kpi] = inspectSeedCells(selected, readFor(selected, [[slot("spend"), [500, 1250]], [slot("customers"), [10, 10]], [slot("new_mrr"), [0, 0]]]), "en");
    expect([kpi.id, kpi.value, kpi.level]).toEqual(["marketing.cac_by_channel", 125, "RISK"]);
    expect(kpi.formula).toBe(`=SCALE.RISK("marketing.cac_by_channel", ${cellOf(monthOf(slot("spend"), 2))}/${cellOf(monthOf(slot("customers"), 2))})`);
    const [none] = inspectSeedCells(selected, readFor(selected, [[slot("spend"), [500, 80]], [slot("customers"), [10, 0]]]), "en");
    expect([none.value, none.level, none.formula, none.gap]).toEqual([80, "RISK", undefined, undefined]);
    // Nothing typed in the reporting month: unjudged, as the flag is blank.
    const [blank] = inspectSeedCells(selected, readFor(selected, [[slot("spend"), [500]], [slot("customers"), [10]]]), "en");
    expect([blank.value, blank.level]).toEqual([undefined, ""]);
  });

  test("a channel's CAC flag judges the channel's own CAC row (Channel_MonthBlock) where the tracker has it: $90 typed over February's computed $125 is OK, as the sheet's flag", () => {
    const selected = selectedAt(partnershipsFlag("CAC"));
    expect(namesToRead(selected, allNames)).toContain(NAMES.channelMonthBlock);
    const block = at(NAMES.channelMonthBlock);
    const cacRow = Number(partnershipsFlag("CAC").replace(/\D+/g, ""));
    const values: (number | string)[][] = [];
    for (let r = block.start.row; r <= block.end.row; r++) values.push(r === cacRow ? [50, 90] : []);
    const read = readFor(selected, [[slot("spend"), [500, 1250]], [slot("customers"), [10, 10]]]);
    read.set(NAMES.channelMonthBlock, { address: block, values });
    const [kpi] = inspectSeedCells(selected, read, "en");
    const february = `${columnLetter(block.start.col + 1)}${cacRow}`;
    expect([kpi.value, kpi.level, kpi.address, kpi.formula]).toEqual([90, "OK", `${channels}!${february}`, `=SCALE.RISK("marketing.cac_by_channel", ${february})`]);
  });

  test("a channel's ROI flag: $1,000 spent for $400 new MRR is (12 x 400 - 1,000) / 1,000 = 380%, OK against > 300%", () => {
    const selected = selectedAt(partnershipsFlag("ROI"));
    const [kpi] = inspectSeedCells(selected, readFor(selected, [[slot("spend"), [0, 1000]], [slot("customers"), [0, 2]], [slot("new_mrr"), [0, 400]]]), "en");
    expect([kpi.id, kpi.value, kpi.level]).toEqual(["marketing.roi_by_channel", 3.8, "OK"]);
  });
});

/*
 * The sheet's flag judges the KPI's own Departments row in the reporting month (its value cell), a
 * number typed over a computed month included (rebuild carries it), against the target cell the
 * workbook holds (product.md 4: a cleared threshold gives a blank flag, text #N/A). Inspect on the
 * flag gives the same level (product.md 4 and 11: the same level everywhere).
 */
describe("a Departments flag judges the KPI's own row (Dept_MonthBlock) against the workbook's target, as the sheet's flag", () => {
  const block = NAMES.departmentMonthBlock;
  /** The KPI's own row: the row of its flag (its value, flag and months are on one row). */
  const ownRow = (id: string) => at(NAMES.departmentFlag(id)).start.row;
  /** Dept_MonthBlock as read, the given KPIs' own rows holding `values` (nothing else typed). */
  const monthBlock = (rows: [string, (number | string)[]][]): [string, NamedCells] => {
    const a = at(block);
    const byRow = new Map(rows.map(([id, values]) => [ownRow(id), values]));
    const values: (number | string)[][] = [];
    for (let r = a.start.row; r <= a.end.row; r++) values.push(byRow.get(r) ?? []);
    return [block, { address: a, values }];
  };
  /** Month t (1-based) of a KPI's own Departments row, as "X12". */
  const ownMonth = (id: string, t: number) => `${columnLetter(at(block).start.col + t - 1)}${ownRow(id)}`;
  const one = (name: string, value: number | string): [string, NamedCells] => [name, { address: at(name), values: [[value]] }];
  const flagOf = (id: string) => one(NAMES.departmentFlag(id), "RISK");
  const departments = sheetOf("departments");

  test("uptime (99.99%, linked to Tracking) with 99.995% typed over its January on the Departments sheet: OK as the flag, not Tracking's 99.95% (RISK); the formula reads the Departments cell", () => {
    const flag = NAMES.departmentFlag("operations.uptime");
    const uptime = NAMES.tracking("uptime");
    const names = namesToRead(at(flag), allNames);
    expect(names).toEqual(expect.arrayContaining([block, NAMES.departmentTarget("operations.uptime")]));
    expect(names).not.toContain(uptime);
    const read = new Map([flagOf("operations.uptime"), monthBlock([["operations.uptime", [0.99995]]]), [uptime, row(uptime, [0.9995])], ...reportingMonth("2026-01")]);
    const [kpi] = inspectSeedCells(at(flag), read, "en");
    expect([kpi.value, kpi.level, kpi.address, kpi.formula]).toEqual([0.99995, "OK", `${departments}!${ownMonth("operations.uptime", 1)}`, `=SCALE.RISK("operations.uptime", ${ownMonth("operations.uptime", 1)})`]);
  });

  test("a change KPI (Error reduction 70%) with 75% typed over February: OK, not the 60% its baseline and measured value give (RISK)", () => {
    const id = "operations.error_reduction";
    const value = NAMES.department(`${id}.value`);
    const read = new Map([flagOf(id), monthBlock([[id, [0.5, 0.75]]]), [value, row(value, [50, 40])], one(NAMES.departmentBaseline(id), 100), ...reportingMonth("2026-02")]);
    const [kpi] = inspectSeedCells(at(NAMES.departmentFlag(id)), read, "en");
    expect([kpi.value, kpi.level]).toEqual([0.75, "OK"]);
  });

  test("a count per year (New features: 50/year) with 30 typed over June's yearly rate: RISK (WATCH only from 45), not the 60 a year its monthly counts give", () => {
    const id = "product.new_features";
    const count = NAMES.department(id);
    const read = new Map([flagOf(id), monthBlock([[id, ["", "", 60, 60, 60, 30]]]), [count, row(count, ["", "", 5, 5, 5, 5])], ...reportingMonth("2026-06")]);
    const [kpi] = inspectSeedCells(at(NAMES.departmentFlag(id)), read, "en");
    expect([kpi.value, kpi.level]).toEqual([30, "RISK"]);
  });

  test("CAC by channel (< $100) with $90 typed over its Departments month: RISK all the same, as the flag follows the Channels sheet's highest-CAC flag ($150 is RISK), with no gap and no formula that would say OK", () => {
    const id = "marketing.cac_by_channel";
    expect(namesToRead(at(NAMES.departmentFlag(id)), allNames)).toEqual(expect.arrayContaining([block, NAMES.channelWorstCac, NAMES.channelTarget(id)]));
    const base = new Map([flagOf(id), monthBlock([[id, [90]]]), ...reportingMonth("2026-01")]);
    const [kpi] = inspectSeedCells(at(NAMES.departmentFlag(id)), new Map([...base, [NAMES.channelWorstCac, row(NAMES.channelWorstCac, [150])]]), "en");
    expect([kpi.value, kpi.level, kpi.gap, kpi.formula]).toEqual([90, "RISK", undefined, undefined]);
    // The highest CAC $95 too: OK, $10 under.
    const [ok] = inspectSeedCells(at(NAMES.departmentFlag(id)), new Map([...base, [NAMES.channelWorstCac, row(NAMES.channelWorstCac, [95])]]), "en");
    expect([ok.value, ok.level, ok.gap]).toEqual([90, "OK", -10]);
  });

  test("the win rate's target edited to 30%: 35% is OK against it, 5 points ahead, with no SCALE.RISK formula (it judges against the seed's 40%); on a month cell too", () => {
    const id = "sales.win_rate";
    const target = NAMES.departmentTarget(id);
    const read = new Map([flagOf(id), monthBlock([[id, [0.35]]]), one(target, 0.3), ...reportingMonth("2026-01")]);
    const [kpi] = inspectSeedCells(at(NAMES.departmentFlag(id)), read, "en");
    expect([kpi.value, kpi.target, kpi.level, kpi.formula, kpi.targetCell]).toEqual([0.35, 0.3, "OK", undefined, "edited"]);
    expect(kpi.gap as number).toBeCloseTo(-0.05, 12);
    const name = NAMES.department(id);
    const [month] = inspectSeedCells(monthOf(name, 1), new Map([[name, row(name, [0.35])], one(target, 0.3)]), "en");
    expect([month.level, month.formula]).toEqual(["OK", undefined]);
  });

  test("the win rate's target cleared (blank or 0): no level, as the flag is blank; text in it: #N/A, as the flag; the seed's 40% typed back: RISK with its formula", () => {
    const id = "sales.win_rate";
    const target = NAMES.departmentTarget(id);
    const judgedWith = (t: number | string) =>
      inspectSeedCells(at(NAMES.departmentFlag(id)), new Map([flagOf(id), monthBlock([[id, [0.35]]]), one(target, t), ...reportingMonth("2026-01")]), "en")[0];
    for (const cleared of ["", 0]) {
      const kpi = judgedWith(cleared);
      expect([kpi.value, kpi.level, kpi.gap, kpi.formula, kpi.targetCell]).toEqual([0.35, "", undefined, undefined, "cleared"]);
    }
    const text = judgedWith("forty");
    expect([text.level, text.gap, text.target, text.targetCell]).toEqual(["#N/A", undefined, "forty", "text"]);
    const seed = judgedWith(0.4);
    expect([seed.level, seed.targetCell, seed.formula]).toEqual(["RISK", undefined, `=SCALE.RISK("sales.win_rate", ${ownMonth(id, 1)})`]);
  });

  test("a channel's month against the Channels sheet's CAC target edited to $150: a CAC of $125 is OK", () => {
    const spend = NAMES.channel("channel.paid_advertising.spend");
    const customers = NAMES.channel("channel.paid_advertising.customers");
    const mrr = NAMES.channel("channel.paid_advertising.new_mrr");
    const read = new Map([[spend, row(spend, [5000])], [customers, row(customers, [40])], [mrr, row(mrr, [2000])], one(NAMES.channelTarget("marketing.cac_by_channel"), 150)]);
    const [cac] = inspectSeedCells(monthOf(customers, 1), read, "en");
    expect([cac.id, cac.value, cac.level, cac.gap]).toEqual(["marketing.cac_by_channel", 125, "OK", -25]);
  });

  test("a channel spent $80 and got no customer, the CAC target cleared: no level, as the flag is blank (the check is off), not RISK", () => {
    const id = "marketing.cac_by_channel";
    const spend = NAMES.channel("channel.partnerships.spend");
    const customers = NAMES.channel("channel.partnerships.customers");
    const read = new Map([flagOf(id), monthBlock([[id, [80]]]), [NAMES.channelWorstCac, row(NAMES.channelWorstCac, [80])], [spend, row(spend, [80])], [customers, row(customers, [0])], one(NAMES.channelTarget(id), ""), ...reportingMonth("2026-01")]);
    const [kpi] = inspectSeedCells(at(NAMES.departmentFlag(id)), read, "en");
    expect([kpi.value, kpi.level]).toEqual([80, ""]);
  });
});
