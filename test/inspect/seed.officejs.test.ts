/**
 * Inspect on the Departments and Channels sheets against the fake host (product.md 13): the cells a
 * user selects there are recognised by the names covering them, in the same two syncs as any
 * selection, and judged as SCALE.RISK and SCALE.GAP judge the KPI (product.md 4).
 */
import { NAMES, cellPosition, columnLetter } from "../../src/core/template";
import { inspectSelection } from "../../src/officejs/inspect/plan";
import { readSelection } from "../../src/officejs/inspect/read";
import { fakeContext } from "../support/excel-fake";
import { enter, insert, state } from "../support/fake-workbook";

/** Month t (1-based) of a name's row, as "Sheet!X12", and the sheet it is on. */
function monthCell(name: string, t: number): { sheet: string; ref: string } {
  const n = state.names.get(name)!;
  const first = cellPosition(n.ref.replace(/\$/g, "").split(":")[0]);
  return { sheet: n.sheet, ref: `${columnLetter(first.col + t - 1)}${first.row}` };
}

test("a win rate typed on the Departments sheet, selected: recognised by its name, RISK against 40% (product.md 13's SCALE.RISK example), 5 points short; two syncs", async () => {
  await insert();
  const { sheet, ref } = monthCell(NAMES.department("sales.win_rate"), 3);
  enter(sheet, ref, 0.35);
  state.selected = `${sheet}!${ref}`;
  state.syncs = 0;
  const read = await readSelection(fakeContext(state));
  expect(state.syncs).toBe(2);
  const { kpis, metrics } = inspectSelection(read, "es");
  expect(metrics).toEqual([]);
  expect(kpis).toHaveLength(1);
  expect(kpis[0]).toMatchObject({ id: "sales.win_rate", address: `${sheet}!${ref}`, value: 0.35, target: 0.4, level: "RISK", formula: `=SCALE.RIESGO("sales.win_rate"; ${ref})` });
  expect(kpis[0].gap as number).toBeCloseTo(0.05, 12);
});

test("a channel's month selected across its three rows: its CAC and first-year ROI that month, once each", async () => {
  await insert();
  const cells = (["spend", "customers", "new_mrr"] as const).map((m) => monthCell(NAMES.channel(`channel.social_media.${m}`), 2));
  [900, 10, 300].forEach((v, k) => enter(cells[k].sheet, cells[k].ref, v));
  state.selected = `${cells[0].sheet}!${cells[0].ref}:${cells[2].ref}`;
  const { kpis } = inspectSelection(await readSelection(fakeContext(state)));
  // CAC 90 meets < $100; ROI (12 x 300 - 900) / 900 = 3 is not > 300%, within the band: WATCH.
  expect(kpis.map((k) => [k.id, k.value, k.level])).toEqual([
    ["marketing.cac_by_channel", 90, "OK"],
    ["marketing.roi_by_channel", 3, "WATCH"],
  ]);
});

test("a KPI's flag cell selected: its row judged in the reporting month (Scale_ReportingMonth on Tracking's months), read in the same two syncs", async () => {
  await insert();
  // The fake computes no formulas: the month headers and the reporting month typed as values.
  const months = state.names.get(NAMES.months)!;
  const firstHeader = cellPosition(months.ref.replace(/\$/g, "").split(":")[0]);
  const lastHeader = cellPosition(months.ref.replace(/\$/g, "").split(":")[1]);
  const serial = (t: number) => Date.UTC(2026, t - 1, 1) / 86_400_000 + 25_569;
  for (let t = 1; t <= lastHeader.col - firstHeader.col + 1; t++) enter(months.sheet, `${columnLetter(firstHeader.col + t - 1)}${firstHeader.row}`, serial(t));
  const reporting = state.names.get(NAMES.reportingMonth)!;
  enter(reporting.sheet, reporting.ref.replace(/\$/g, ""), serial(2));
  // Win rate 45%, 35%, 30% in months 1-3: February's 35% is RISK against 40%; March's 30% is not the one judged.
  [0.45, 0.35, 0.3].forEach((v, k) => {
    const { sheet, ref } = monthCell(NAMES.department("sales.win_rate"), k + 1);
    enter(sheet, ref, v);
  });
  const flag = state.names.get(NAMES.departmentFlag("sales.win_rate"))!;
  state.selected = `${flag.sheet}!${flag.ref.replace(/\$/g, "")}`;
  state.syncs = 0;
  const read = await readSelection(fakeContext(state));
  expect(state.syncs).toBe(2);
  const { kpis } = inspectSelection(read);
  const february = monthCell(NAMES.department("sales.win_rate"), 2);
  expect(kpis.map((k) => [k.id, k.value, k.level, k.address])).toEqual([["sales.win_rate", 0.35, "RISK", `${february.sheet}!${february.ref}`]]);
});

test("a flag whose row is computed, with a number typed over its reporting month and its target edited: judged on the Departments row's number against the workbook's target, as the sheet's flag, in the same two syncs", async () => {
  await insert();
  const months = state.names.get(NAMES.months)!;
  const [firstHeader, lastHeader] = months.ref.replace(/\$/g, "").split(":").map(cellPosition);
  const serial = (t: number) => Date.UTC(2026, t - 1, 1) / 86_400_000 + 25_569;
  for (let t = 1; t <= lastHeader.col - firstHeader.col + 1; t++) enter(months.sheet, `${columnLetter(firstHeader.col + t - 1)}${firstHeader.row}`, serial(t));
  const reporting = state.names.get(NAMES.reportingMonth)!;
  enter(reporting.sheet, reporting.ref.replace(/\$/g, ""), serial(1));
  // Tracking's uptime 99.95% (RISK against 99.99%); 99.995% typed over the Departments row's January.
  const tracking = monthCell(NAMES.tracking("uptime"), 1);
  enter(tracking.sheet, tracking.ref, 0.9995);
  const flag = state.names.get(NAMES.departmentFlag("operations.uptime"))!;
  const flagAt = cellPosition(flag.ref.replace(/\$/g, ""));
  const block = state.names.get(NAMES.departmentMonthBlock)!;
  const own = `${columnLetter(cellPosition(block.ref.replace(/\$/g, "").split(":")[0]).col)}${flagAt.row}`;
  enter(flag.sheet, own, 0.99995);
  state.selected = `${flag.sheet}!${flag.ref.replace(/\$/g, "")}`;
  state.syncs = 0;
  const seed = inspectSelection(await readSelection(fakeContext(state))).kpis;
  expect(state.syncs).toBe(2);
  expect(seed.map((k) => [k.id, k.value, k.level, k.address])).toEqual([["operations.uptime", 0.99995, "OK", `${flag.sheet}!${own}`]]);
  // The target edited to 99.999%: the band is 10% of the 0.001% left to 100%, WATCH from 99.9989%: 99.995% is RISK.
  const target = state.names.get(NAMES.departmentTarget("operations.uptime"))!;
  enter(target.sheet, target.ref.replace(/\$/g, ""), 0.99999);
  const edited = inspectSelection(await readSelection(fakeContext(state))).kpis;
  expect(edited.map((k) => [k.value, k.target, k.level, k.targetCell])).toEqual([[0.99995, 0.99999, "RISK", "edited"]]);
});
