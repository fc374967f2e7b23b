/**
 * Refresh and the Departments, Channels and Tools sheets on the fake host (product.md 13): their
 * colour rules re-created as the description makes them, the months a user inserted on Tracking
 * given to the Departments and Channels sheets (13: "the timeline's months"; 6.2: a user adds
 * months by inserting columns; 10: nothing lost), the Departments sheet's levels read by name, and
 * a tracker made before these sheets refreshed as before.
 */
import { DEPARTMENT_KPIS } from "../../src/core/department-kpis";
import { CHANNEL_INPUT_ROWS, DEPARTMENT_INPUT_ROWS } from "../../src/core/department-rows";
import { NAMES, RULE_MARKER, cellPosition, columnLetter, describeWorkbook } from "../../src/core/template";
import { refreshRiskFlags } from "../../src/officejs/refresh";
import { fakeContext, insertColumn } from "../support/excel-fake";
import { enter, insert, month, options, sheet, state } from "../support/fake-workbook";

const SEED = ["departments", "channels", "tools"] as const;
const described = describeWorkbook(options);
const sheetName = (key: string) => described.sheets.find((s) => s.key === key)!.name;
/** The add-in's rules on a sheet, as ref|formula, sorted. */
const ours = (name: string) =>
  sheet(name)
    .rules.filter((r) => r.formula.includes(RULE_MARKER))
    .map((r) => `${r.ref}|${r.formula}`)
    .sort();
const plannedOn = (key: string, spec = described) =>
  spec.rules
    .filter((r) => r.sheet === key)
    .map((r) => `${r.ref}|=${r.formula}`)
    .sort();
/** A name's cells as the fake holds them now: its first cell and its width. */
const nameAt = (name: string) => {
  const [a, b = a] = state.names.get(name)!.ref.replace(/\$/g, "").split(":").map(cellPosition);
  return { first: a, width: b.col - a.col + 1 };
};
const cellOf = (name: string, t: number) => {
  const { first } = nameAt(name);
  return `${columnLetter(first.col + t - 1)}${first.row}`;
};

test("the three sheets' colour rules: a deleted one comes back and a stale one goes, exactly the description's after a refresh", async () => {
  await insert();
  for (const key of SEED) expect([key, plannedOn(key).length > 0]).toEqual([key, true]);
  sheet(sheetName("departments")).rules.splice(0, 1);
  sheet(sheetName("tools")).rules.push({ id: "old", ref: "A1:A2", formula: `=AND(A1="OK",${RULE_MARKER})` });
  const result = await refreshRiskFlags(fakeContext(state));
  expect(result.syncs).toBe(3);
  for (const key of SEED) expect([key, ours(sheetName(key))]).toEqual([key, plannedOn(key)]);
  expect(result.sheetsLeftAlone).toEqual([]);
});

test("a month inserted on Tracking: the Departments and Channels sheets get a column at the same place, typed values keep their months, the new month's header and computed rows are the description's; one more sync, as for the Budget", async () => {
  await insert();
  const dept = NAMES.department(DEPARTMENT_INPUT_ROWS[0].key);
  const chan = NAMES.channel(CHANNEL_INPUT_ROWS[0].key);
  const typed = [11, 12, 13];
  for (const [key, name] of [["departments", dept], ["channels", chan]] as const) typed.forEach((v, k) => enter(sheetName(key), cellOf(name, k + 1), v));
  insertColumn(state, "Tracking", month(3));
  const result = await refreshRiskFlags(fakeContext(state));
  expect([result.monthsCompleted, result.syncs]).toEqual([["2026-03"], 4]);
  const longer = describeWorkbook({ ...options, months: options.months + 1 });
  for (const [key, name] of [["departments", dept], ["channels", chan]] as const) {
    const s = sheet(sheetName(key));
    expect([key, nameAt(name).width]).toEqual([key, options.months + 1]);
    // Typed values in months 1, 2 and 4: the old March moved on with its month.
    expect([key, typed.map((v) => [...s.cells].find(([, c]) => c.value === v)![0])]).toEqual([key, [1, 2, 4].map((t) => cellOf(name, t))]);
    // Month 3's column: the description's formulas for month 3 of the longer timeline (its header reads Tracking's month 3).
    const column = columnLetter(nameAt(name).first.col + 2);
    const want = longer.sheets.find((x) => x.key === key)!.cells.filter((c) => c.formula !== undefined && c.ref.replace(/\d+$/, "") === column);
    expect(want.length).toBeGreaterThan(0);
    for (const c of want) expect([key, c.ref, s.cells.get(c.ref)?.formula]).toEqual([key, c.ref, c.formula]);
    expect(want.some((c) => c.formula!.includes(`Tracking!${month(3)}`))).toBe(true);
    // Its colours cover the longer timeline.
    expect([key, ours(s.name)]).toEqual([key, plannedOn(key, longer)]);
  }
  // Complete now: the next refresh inserts nothing more.
  expect((await refreshRiskFlags(fakeContext(state))).syncs).toBe(3);
  expect(nameAt(dept).width).toBe(options.months + 1);
});

test("the Departments sheet's levels as Excel shows them, read by name in the same read: each function's worst, and the KPIs not OK, RISK first", async () => {
  await insert();
  const show = (name: string, value: string) => {
    const { sheet: on, ref } = state.names.get(name)!;
    const s = sheet(on);
    s.cells.set(ref.replace(/\$/g, ""), { ...s.cells.get(ref.replace(/\$/g, "")), value });
  };
  show(NAMES.departmentLevel("sales"), "RISK");
  show(NAMES.departmentLevel("product"), "OK");
  show(NAMES.departmentFlag("sales.win_rate"), "WATCH");
  show(NAMES.departmentFlag("sales.cycle_days"), "RISK");
  show(NAMES.departmentFlag("product.feature_adoption"), "OK");
  const result = await refreshRiskFlags(fakeContext(state));
  expect(result.syncs).toBe(3);
  expect(result.departments!.functions).toEqual([
    { fn: "product", level: "OK" },
    { fn: "marketing", level: undefined },
    { fn: "sales", level: "RISK" },
    { fn: "operations", level: undefined },
  ]);
  const at = (id: string) => `${sheetName("departments")}!${state.names.get(NAMES.departmentFlag(id))!.ref.replace(/\$/g, "")}`;
  expect(result.departments!.flagged).toEqual([
    { id: "sales.cycle_days", address: at("sales.cycle_days"), level: "RISK" },
    { id: "sales.win_rate", address: at("sales.win_rate"), level: "WATCH" },
  ]);
  expect(DEPARTMENT_KPIS.length).toBe(32);
});

test.each([false, true])("a tracker made before the three sheets still refreshes: nothing created for them, no levels, a month inserted still completed (a host strict about null objects: %s)", async (strict) => {
  await insert();
  state.strictNullObjects = strict;
  const gone = SEED.map(sheetName);
  state.sheets = state.sheets.filter((s) => !gone.includes(s.name));
  for (const [name, n] of [...state.names]) if (gone.includes(n.sheet)) state.names.delete(name);
  insertColumn(state, "Tracking", month(3));
  const result = await refreshRiskFlags(fakeContext(state));
  expect([result.departments, result.sheetsLeftAlone, result.monthsCompleted]).toEqual([undefined, [], ["2026-03"]]);
  expect(state.sheets.map((s) => s.name).filter((n) => gone.includes(n))).toEqual([]);
  // The Budget still gets its column; no other sheet does.
  expect(state.log.filter((op) => op === "range.insert")).toHaveLength(1);
});

test("a protected Tools sheet (a team may lock its register): its colours stay as they are and it is named; the other sheets refresh", async () => {
  await insert();
  const tools = sheet(sheetName("tools"));
  tools.protected = true;
  tools.rules.splice(0, 1);
  const before = JSON.stringify(tools.rules);
  sheet(sheetName("departments")).rules.splice(0, 1);
  const result = await refreshRiskFlags(fakeContext(state));
  expect(result.sheetsLeftAlone).toEqual([tools.name]);
  expect(JSON.stringify(tools.rules)).toBe(before);
  expect(ours(sheetName("departments"))).toEqual(plannedOn("departments"));
});
