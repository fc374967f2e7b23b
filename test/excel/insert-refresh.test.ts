import { PHASE_METRICS, PhaseNumber, RISK_GROUPS, RISK_INDICATORS, valueRange } from "../../src/core/catalog";
import { indicatorRule, levelOf, metricRule } from "../../src/core/evaluate";
import { LEVEL_FILL, LEVEL_FONT, NAMES, PHASE_SHEET, RISK_SHEET, RULE_MARKER, THRESHOLDS, describeWorkbook } from "../../src/core/template";
import { RefreshIncompleteError, WorkbookError, insertTrackingWorkbook, rebuildSheetFlags, refreshRiskFlags } from "../../src/excel";
import { cellInput } from "../../src/excel/insert";
import { holdsExactly } from "../../src/excel/rules";
import { FakeSheet, FakeState, fakeContext, insertColumn, insertRow, installFakeOffice, newFakeState, newSheet } from "../fakes/excel-fake";

const options = { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" } as const;

let state: FakeState;
beforeEach(() => {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
});

const sheet = (name: string) => state.sheets.find((s) => s.name === name)!;
const userSheet = (name: string): FakeSheet => ({
  ...newSheet(name),
  cells: new Map([
    ["A1", { value: "my numbers" }],
    ["B2", { formula: "SUM(1,2)" }],
  ]),
  rules: [{ id: "user-1", ref: "A1:B2", formula: "=A1>0" }],
});
const allRules = () => state.sheets.flatMap((s) => s.rules.map((r) => `${s.name}|${r.ref}|${r.formula}|${r.fill}|${r.font}`)).sort();
const snapshot = (s: FakeSheet) => JSON.stringify([s.name, [...s.cells], s.rules, s.tables]);

async function insert(opts: Parameters<typeof insertTrackingWorkbook>[1] = options) {
  const result = await insertTrackingWorkbook(fakeContext(state), opts);
  state.syncs = 0;
  return result;
}

/** Types a value into a cell, as a user would. */
function enter(sheetName: string, ref: string, value: number | string) {
  sheet(sheetName).cells.set(ref, { ...sheet(sheetName).cells.get(ref), value, formula: undefined });
}

const column = (n: number) => String.fromCharCode(64 + n);
const metricIndex = (id: string) => PHASE_METRICS.findIndex((m) => m.id === id);
/** The cell of month `month` (1-based) of a metric's row on a phase sheet, as inserted. */
const monthCell = (id: string, month: number) => `${column(PHASE_SHEET.firstMonthColumn + month - 1)}${PHASE_SHEET.metricRow(metricIndex(id))}`;

describe("insertTrackingWorkbook", () => {
  test("what Excel receives equals the description: cells, formats, names, rules, validations, tables, chart", async () => {
    const result = await insertTrackingWorkbook(fakeContext(state), options);
    const spec = describeWorkbook(options);
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(state.syncs).toBe(result.syncs);
    expect(state.sheets.map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
    for (const s of spec.sheets) {
      const got = sheet(s.name);
      for (const c of s.cells) {
        const cell = got.cells.get(c.ref)!;
        const expected = cellInput(c);
        expect([s.name, c.ref, cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? null), cell?.numberFormat]).toEqual([
          s.name,
          c.ref,
          typeof expected === "string" && expected.startsWith("'") ? expected.slice(1) : expected,
          c.numberFormat,
        ]);
      }
      expect(got.cells.size).toBe(s.cells.length);
      const rules = spec.rules.filter((r) => r.sheet === s.key).map((r) => [r.ref, `=${r.formula}`, LEVEL_FILL[r.level], LEVEL_FONT[r.level]]);
      expect(got.rules.map((r) => [r.ref, r.formula, r.fill, r.font])).toEqual(rules);
      const validations = spec.validations.filter((v) => v.sheet === s.key);
      expect(got.validations.map((v) => [v.ref, v.rule, (v.errorAlert as { message: string }).message])).toEqual(
        validations.map((v) => [v.ref, { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } }, v.message]),
      );
      if (s.freeze) {
        const corner = `${column(s.freeze.columns)}${s.freeze.rows}`;
        expect(got.frozen).toBe(s.freeze.columns === 0 ? `rows:${s.freeze.rows}` : corner === "A1" ? "A1" : `A1:${corner}`);
      }
    }
    const sheetName = new Map(spec.sheets.map((s) => [s.key, s.name]));
    expect([...state.names].map(([name, n]) => [name, n.sheet, n.ref])).toEqual(spec.names.map((n) => [n.name, sheetName.get(n.sheet), n.ref.replace(/\$/g, "")]));
    expect(state.sheets.flatMap((s) => s.tables.map((t) => [s.name, t.name, t.ref]))).toEqual(spec.tables.map((t) => [sheetName.get(t.sheet), t.name, t.ref]));
    const chart = sheet("Scale Dashboard").charts[0];
    expect(chart.series.map((x) => x.values ?? chart.source)).toEqual(spec.charts[0].series.map((x) => x.values));
    expect(chart.series[0].categories).toBe(spec.charts[0].categories);
    expect([chart.from, chart.to]).toEqual([spec.charts[0].from, spec.charts[0].to]);
    expect(state.activeSheet).toBe("Scale Dashboard");
    expect(result.sheets.every((s) => !s.renamed)).toBe(true);
    expect(state.log).toContain("application.suspendApiCalculationUntilNextSync");
  });

  test("Spanish, two phases: sheets, names and rules of that description only", async () => {
    const spanish = { ...options, language: "es", phases: [1, 3] as PhaseNumber[] } as const;
    const result = await insert(spanish);
    const spec = describeWorkbook(spanish);
    expect(result.sheets.map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
    expect([...state.names.keys()]).toEqual(spec.names.map((n) => n.name));
    expect(state.sheets.reduce((n, s) => n + s.rules.length, 0)).toBe(spec.rules.length);
    expect(result.dashboardSheet).toBe(spec.sheets.find((s) => s.key === "dashboard")!.name);
  });

  test("never overwrites: a taken sheet name gets a free one, the user's sheet, names and rules stay untouched", async () => {
    state.sheets.push(userSheet("Thresholds"), userSheet("phase 1"));
    state.names.set("Scale_Phase", { sheet: "Thresholds", ref: "A1" });
    const before = state.sheets.map(snapshot);
    const result = await insert();
    expect(state.sheets.slice(0, 2).map(snapshot)).toEqual(before);
    expect(result.sheets.find((s) => s.key === "thresholds")).toEqual({ key: "thresholds", name: "Thresholds (2)", renamed: true });
    expect(result.sheets.find((s) => s.key === "phase1")).toEqual({ key: "phase1", name: "Phase 1 (2)", renamed: true });
    expect(state.names.get("Scale_Phase")).toEqual({ sheet: "Thresholds", ref: "A1" });
    expect(result.skippedNames).toEqual(["Scale_Phase"]);
    const flag = sheet("Phase 1 (2)").cells.get("M4")!.formula!;
    expect(flag).toContain("'Thresholds (2)'!$E$2");
    expect(sheet("Phase 1 (2)").rules.every((r) => !r.formula.includes("'Thresholds'!"))).toBe(true);
  });

  test("tables and names share Excel's namespace: a user's table or name is never taken", async () => {
    const budget = { ...userSheet("Budget"), tables: [{ name: "ScaleThresholds", ref: "A1:B2" }] };
    state.sheets.push(budget);
    state.names.set("scalerisktHresholds", { sheet: "Budget", ref: "B2" });
    state.names.set("target_MRR", { sheet: "Budget", ref: "A1" });
    const before = snapshot(budget);
    const result = await insert();
    expect(sheet("Thresholds").tables.map((t) => t.name)).toEqual(["ScaleThresholds2", "ScaleRiskThresholds2"]);
    expect(result.skippedNames).toEqual(["Target_mrr"]);
    expect(state.names.get("target_MRR")).toEqual({ sheet: "Budget", ref: "A1" });
    expect(snapshot(sheet("Budget"))).toBe(before);
  });

  test("a failure midway leaves no half-inserted template behind, in two more syncs", async () => {
    state.sheets.push(userSheet("Budget"));
    state.names.set("Scale_Phase", { sheet: "Budget", ref: "A1" });
    const before = snapshot(state.sheets[0]);
    let rules = 0;
    state.failWhen = (op) => op.startsWith("conditionalFormats.add") && ++rules === 50;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toBeInstanceOf(WorkbookError);
    expect(state.log.filter((op) => op.startsWith("names.add")).length).toBeGreaterThan(100);
    expect(state.sheets.map(snapshot)).toEqual([before]);
    expect([...state.names]).toEqual([["Scale_Phase", { sheet: "Budget", ref: "A1" }]]);
    expect(state.syncs).toBe(4);
  });

  test("a failure while adding names also leaves nothing behind", async () => {
    let names = 0;
    state.failWhen = (op) => op.startsWith("names.add") && ++names === 30;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "unknown" });
    expect(state.sheets).toEqual([]);
    expect(state.names.size).toBe(0);
  });

  test("names a deleted template left broken (#REF!) are taken over; a failed insert puts them back", async () => {
    await insert();
    const templateSheets = state.sheets.map((s) => s.name);
    state.sheets = [userSheet("Budget")];
    state.names.set("MyTotal", { sheet: "Budget", ref: "B2" });

    state.failWhen = (op) => op === "chart.title";
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toBeInstanceOf(WorkbookError);
    expect(state.sheets.map((s) => s.name)).toEqual(["Budget"]);
    const restored = [...state.names].filter(([name]) => name !== "MyTotal");
    expect(restored).toHaveLength(describeWorkbook(options).names.length);
    expect(restored.every(([, n]) => n.formula === "=#REF!")).toBe(true);

    state.failWhen = undefined;
    const result = await insert();
    expect(result.skippedNames).toEqual([]);
    expect(result.sheets.map((s) => s.name)).toEqual(templateSheets);
    expect(state.names.get(NAMES.phaseFlag(1, "mrr"))).toEqual({ sheet: "Phase 1", ref: "M4" });
    expect(state.names.get("MyTotal")).toEqual({ sheet: "Budget", ref: "B2" });
    enter("Phase 1", "D4", 600_000);
    expect((await refreshRiskFlags(fakeContext(state))).counts).toEqual({ OK: 1, WATCH: 0, RISK: 0 });
  });

  test("a read-only or structure-protected workbook is refused after the first sync, before anything is written", async () => {
    state.sheets.push(userSheet("Budget"));
    const before = state.sheets.map(snapshot);
    state.readOnly = true;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "readOnly", message: expect.stringContaining("Save a Copy") });
    expect(state.syncs).toBe(1);
    state.readOnly = false;
    state.workbookProtected = true;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "protected", message: expect.stringContaining("Unprotect it") });
    expect(state.syncs).toBe(2);
    expect(state.sheets.map(snapshot)).toEqual(before);
    expect(state.log).toEqual([]);
  });

  test("Office errors become plain sentences with what to do", async () => {
    state.failWhen = (op) => (op.startsWith("worksheets.add") ? "AccessDenied" : false);
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "protected", message: expect.stringContaining("Unprotect it") });
    state.failWhen = (op) => (op === "load worksheets" ? "InvalidOperationInCellEditMode" : false);
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "editMode", message: expect.stringContaining("Press Enter or Esc") });
    state.failWhen = undefined;
    state.apiSupported = false;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "apiNotSupported" });
    expect(state.sheets).toEqual([]);
  });
});

describe("refreshRiskFlags", () => {
  test("counts OK / WATCH / RISK as the core does, lists WATCH and RISK cells, at most 2 syncs", async () => {
    await insert();
    enter("Phase 1", "D4", 400_000); // mrr, month 1
    enter("Phase 1", "F4", 480_000); // mrr, month 3: latest, WATCH
    enter("Phase 1", "E11", 0.03); // churn: OK
    enter("Phase 2", "D11", 0.05); // churn vs 3%: RISK
    enter("Risks", "F15", 14); // cash_runway: RISK
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect(state.syncs).toBe(result.syncs);
    const mrr = PHASE_METRICS.find((m) => m.id === "mrr")!;
    const churn = PHASE_METRICS.find((m) => m.id === "churn")!;
    const runway = RISK_INDICATORS.find((i) => i.qualifiedId === "cash_burn.cash_runway")!;
    const levels = [levelOf(480_000, metricRule(mrr, 1)), levelOf(0.03, metricRule(churn, 1)), levelOf(0.05, metricRule(churn, 2)), levelOf(14, indicatorRule(runway))];
    expect(levels).toEqual(["WATCH", "OK", "RISK", "RISK"]);
    expect(result.counts).toEqual({ OK: 1, WATCH: 1, RISK: 2 });
    expect(result.flagged).toEqual([
      { address: "'Phase 2'!S11", sheet: "Phase 2", measureId: "churn", phase: 2, value: 0.05, target: 0.03, level: "RISK" },
      { address: "Risks!R15", sheet: "Risks", measureId: "cash_burn.cash_runway", phase: "R", value: 14, target: 18, level: "RISK" },
      { address: "'Phase 1'!M4", sheet: "Phase 1", measureId: "mrr", phase: 1, value: 480_000, target: 500_000, level: "WATCH" },
    ]);
  });

  /** A value the measure can take (uptime 120% of 99.99% is not one). */
  const possible = (m: Parameters<typeof valueRange>[0], v: number) => Math.min(valueRange(m).max, Math.max(valueRange(m).min, v));

  test("every row of a filled workbook: counts and flagged cells equal the core's levels of each row's latest month", async () => {
    await insert();
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const expected = { OK: 0, WATCH: 0, RISK: 0 };
    const expectedFlagged: string[] = [];
    for (const n of [1, 2, 3, 4] as PhaseNumber[]) {
      PHASE_METRICS.forEach((m, i) => {
        if (random() < 0.2) return; // some rows stay blank
        const rule = metricRule(m, n);
        const value = possible(m, rule.threshold * (0.8 + random() * 0.4));
        const month = 1 + Math.floor(random() * PHASE_SHEET.months(n));
        enter(`Phase ${n}`, `${column(PHASE_SHEET.firstMonthColumn + month - 1)}${PHASE_SHEET.metricRow(i)}`, value);
        const level = levelOf(value, rule);
        expected[level]++;
        if (level !== "OK") expectedFlagged.push(`${m.id}@${n}:${level}`);
      });
    }
    RISK_GROUPS.forEach((g, gi) =>
      g.indicators.forEach((ind, i) => {
        const value = possible(ind, ind.threshold * (0.8 + random() * 0.4));
        enter("Risks", `${column(RISK_SHEET.firstMonthColumn + 2)}${RISK_SHEET.indicatorRow(gi, i)}`, value);
        enter("Risks", `${column(RISK_SHEET.firstMonthColumn + 3)}${RISK_SHEET.indicatorRow(gi, i)}`, "n/a"); // text after it: not a month value
        const level = levelOf(value, indicatorRule(ind));
        expected[level]++;
        if (level !== "OK") expectedFlagged.push(`${ind.qualifiedId}@R:${level}`);
      }),
    );
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.outOfRange).toEqual([]);
    expect(result.counts).toEqual(expected);
    expect(result.flagged.map((f) => `${f.measureId}@${f.phase}:${f.level}`).sort()).toEqual(expectedFlagged.sort());
    expect(expected.WATCH * expected.RISK * expected.OK).toBeGreaterThan(0);
  });

  test("the first refresh after inserting rebuilds exactly the rules the description has", async () => {
    await insert();
    const inserted = allRules();
    const result = await refreshRiskFlags(fakeContext(state));
    expect(allRules()).toEqual(inserted);
    expect(result.rulesRemoved).toBe(describeWorkbook(options).rules.length);
    expect(result.rulesAdded).toBe(result.rulesRemoved);
  });

  test("reads the thresholds the user edited", async () => {
    await insert();
    enter("Phase 1", "D4", 480_000);
    enter("Thresholds", "E2", 450_000);
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.counts).toEqual({ OK: 1, WATCH: 0, RISK: 0 });
  });

  test("a threshold that is not a number is refused, naming the cell, and nothing changes", async () => {
    await insert();
    const before = allRules();
    enter("Thresholds", "F3", "lots");
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({
      code: "badThresholds",
      message: expect.stringContaining("Type a number there"),
      detail: 'Thresholds!F3 holds "lots", not a number',
    });
    expect(allRules()).toEqual(before);
    expect(state.syncs).toBe(1);
  });

  test("a number its measure cannot take (a pasted 5 for 5% churn skips Excel's validation) is listed apart, not judged", async () => {
    await insert();
    enter("Phase 1", monthCell("churn", 1), 0.04);
    enter("Phase 1", monthCell("churn", 2), 5);
    enter("Phase 1", monthCell("customers", 1), -3);
    enter("Phase 1", monthCell("mrr", 2), 480_000);
    enter("Risks", "D5", 9);
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.outOfRange).toEqual([
      { address: `'Phase 1'!${monthCell("customers", 1)}`, measureId: "customers", value: -3, problem: "customers must be at least 0; got -3." },
      { address: `'Phase 1'!${monthCell("churn", 2)}`, measureId: "churn", value: 5, problem: "churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5." },
      { address: "Risks!D5", measureId: "quality_loss.quality_score", value: 9, problem: "quality_loss.quality_score must be between 1 and 5; got 9." },
    ]);
    // mrr is judged; churn's, the customers' and the quality score's latest months are not.
    expect(result.counts).toEqual({ OK: 0, WATCH: 1, RISK: 0 });
  });

  test("a floor typed for a metric that has none is refused naming its cell, as SCALE.* refuses it; nothing changes", async () => {
    await insert();
    const before = allRules();
    const ref = `${column(THRESHOLDS.floorColumn(2))}${THRESHOLDS.metricRow(metricIndex("cac"))}`;
    enter("Thresholds", ref, 150);
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({
      code: "badThresholds",
      detail: `Thresholds!${ref} holds 150: cac has no floor (only gross_margin has one); clear that cell`,
    });
    expect(allRules()).toEqual(before);
    enter("Thresholds", ref, 0); // desktop's empty cell
    await expect(refreshRiskFlags(fakeContext(state))).resolves.toMatchObject({ outOfRange: [] });
  });

  test("a cleared threshold switches its check off (product.md section 4): not refused, and that flag is not counted", async () => {
    await insert();
    enter("Phase 1", "D4", 480_000);
    const judged = await refreshRiskFlags(fakeContext(state));
    expect(judged.counts).toEqual({ OK: 0, WATCH: 1, RISK: 0 });
    enter("Thresholds", "E2", ""); // Office.js reads an empty cell as ""
    const off = await refreshRiskFlags(fakeContext(state));
    expect(off.counts).toEqual({ OK: 0, WATCH: 0, RISK: 0 });
    expect(off.flagged).toEqual([]);
  });

  test("idempotent: 100 refreshes leave the same rules; the user's own rules on the same cells stay", async () => {
    await insert();
    sheet("Phase 1").rules.push({ id: "user-rule", ref: "D4:F4", formula: "=D4>1000000" });
    sheet("Risks").rules.push({ id: "user-rule-2", ref: "A1:Z40", formula: '=ISNUMBER(SEARCH("scale",A1))' });
    const before = allRules();
    await refreshRiskFlags(fakeContext(state));
    for (let k = 0; k < 99; k++) await refreshRiskFlags(fakeContext(state));
    expect(allRules()).toEqual(before);
    expect(sheet("Phase 1").rules.find((r) => r.id === "user-rule")).toEqual({ id: "user-rule", ref: "D4:F4", formula: "=D4>1000000" });
    expect(sheet("Risks").rules.filter((r) => r.id === "user-rule-2")).toHaveLength(1);
  });

  test("a month column the user inserts inside the month block is coloured and judged", async () => {
    await insert();
    insertColumn(state, "Phase 1", "E"); // a new month between the first and second
    expect(state.names.get(NAMES.phaseActuals(1, "mrr"))!.ref).toBe("D4:J4");
    enter("Phase 1", "J4", 440_000); // the new last month
    const result = await refreshRiskFlags(fakeContext(state));
    const mrrRules = sheet("Phase 1").rules.filter((r) => r.ref.endsWith("4") && r.ref.startsWith("D4"));
    expect(mrrRules.map((r) => r.ref)).toEqual(["D4:K4", "D4:K4", "D4:K4"]);
    expect(result.flagged[0]).toMatchObject({ measureId: "mrr", address: "'Phase 1'!N4", value: 440_000, level: "RISK" });
  });

  test("an indicator row the user inserts inside a risk group is coloured and judged", async () => {
    await insert();
    const group = RISK_GROUPS.findIndex((g) => g.id === "cash_burn");
    const row = RISK_SHEET.indicatorRow(group, 2);
    insertRow(state, "Risks", row); // between the second and third indicator
    enter("Risks", `A${row}`, "cash_burn.cash_runway"); // a second runway row, e.g. another entity
    enter("Risks", `E${row}`, 12);
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.flagged).toEqual([
      { address: `Risks!R${row}`, sheet: "Risks", measureId: "cash_burn.cash_runway", phase: "R", value: 12, target: 18, level: "RISK" },
    ]);
    const rules = sheet("Risks").rules.filter((r) => r.ref === `D${row}:P${row}`);
    expect(rules.map((r) => r.fill)).toEqual(Object.values(LEVEL_FILL));
    expect(rules[0].formula).toContain(`'Thresholds'!$F$${THRESHOLDS.indicatorRow(RISK_INDICATORS.findIndex((i) => i.qualifiedId === "cash_burn.cash_runway"))}`);
  });

  test("rows inserted above the tables: rules follow the names to the moved rows and thresholds", async () => {
    await insert();
    insertRow(state, "Phase 1", 2);
    insertRow(state, "Thresholds", 1);
    insertRow(state, "Scale Dashboard", 1);
    enter("Phase 1", "F5", 480_000); // mrr, now on row 5
    enter("Thresholds", "E3", 450_000); // mrr's phase 1 target, now on row 3
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.counts).toEqual({ OK: 1, WATCH: 0, RISK: 0 });
    const mrr = sheet("Phase 1").rules.filter((r) => r.ref === "D5:J5");
    expect(mrr).toHaveLength(3);
    expect(mrr.every((r) => r.formula.includes("'Thresholds'!$E$3"))).toBe(true);
    const inserted = describeWorkbook(options).rules.filter((r) => r.sheet === "dashboard").map((r) => r.ref);
    const moved = inserted.map((ref) => ref.replace(/\d+/g, (d) => String(Number(d) + 1)));
    expect(sheet("Scale Dashboard").rules.map((r) => r.ref)).toEqual(moved);
    expect(state.sheets.flatMap((s) => s.rules).every((r) => !r.formula.includes("$E$2,"))).toBe(true);
  });

  test("a template with some phases only: rules and counts for those", async () => {
    const twoPhases = { ...options, phases: [2, 4] as PhaseNumber[] };
    await insert(twoPhases);
    enter("Phase 2", monthCell("mrr", 1), 1_000_000);
    const inserted = allRules();
    const result = await refreshRiskFlags(fakeContext(state));
    expect(allRules()).toEqual(inserted);
    expect(result.counts).toEqual({ OK: 0, WATCH: 0, RISK: 1 });
    expect(result.rulesAdded).toBe(describeWorkbook(twoPhases).rules.length);
  });

  test("a protected template sheet or a read-only workbook: refused before any rule is deleted", async () => {
    await insert();
    enter("Phase 1", "D4", 480_000);
    const before = allRules();
    const logged = state.log.length;
    sheet("Phase 3").protected = true;
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "protected", detail: "The sheet Phase 3 is protected." });
    expect(allRules()).toEqual(before);
    sheet("Phase 3").protected = false;
    state.readOnly = true;
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "readOnly" });
    expect(allRules()).toEqual(before);
    expect(state.log.slice(logged)).toEqual([]);
  });

  /** The add-in's rule formulas per sheet, sorted: what "a full set of flags" is compared by. */
  const oursBySheet = () => new Map(state.sheets.map((s) => [s.name, s.rules.filter((r) => r.formula.includes(RULE_MARKER)).map((r) => r.formula).sort()]));
  /** Every element of `want` is in `have`, as many times (a multiset inclusion). */
  const holdsAll = (have: string[], want: string[]) => {
    const left = [...have];
    return want.every((f) => {
      const i = left.indexOf(f);
      return i >= 0 && left.splice(i, 1).length === 1;
    });
  };

  test.each(["conditionalFormats.add", "conditionalFormats.delete"])(
    "Excel failing at any %s: every sheet keeps a full set of flags (old or new), and the error names the sheets refreshed",
    async (failing) => {
      await insert();
      enter("Phase 1", monthCell("mrr", 1), 480_000);
      const old = oursBySheet();
      // What a refresh that succeeds leaves, and how many operations of that kind it makes.
      const snapshot = structuredClone(state.sheets);
      let total = 0;
      state.failWhen = (op) => (op.startsWith(failing) && ++total, false);
      await refreshRiskFlags(fakeContext(state));
      const fresh = oursBySheet();
      expect(total).toBeGreaterThan(40);
      for (let k = 1; k <= total; k += k < 6 || total - k < 6 ? 1 : 7) {
        state.sheets = structuredClone(snapshot);
        let n = 0;
        state.failWhen = (op) => op.startsWith(failing) && ++n === k;
        const error = await refreshRiskFlags(fakeContext(state)).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect([k, error]).toEqual([k, expect.objectContaining({ code: "refreshIncomplete" })]);
        const { refreshed, notRefreshed } = error as RefreshIncompleteError;
        const now = oursBySheet();
        for (const [name, formulas] of now) {
          const full = holdsAll(formulas, old.get(name)!) || holdsAll(formulas, fresh.get(name)!);
          expect([k, name, full]).toEqual([k, name, true]);
          if (refreshed.includes(name)) expect([k, name, formulas]).toEqual([k, name, fresh.get(name)]);
        }
        expect([...refreshed, ...notRefreshed].sort()).toEqual(["Phase 1", "Phase 2", "Phase 3", "Phase 4", "Risks", "Scale Dashboard"]);
      }
    },
  );

  test.each(["GeneralException", "InvalidOperation", "UnsupportedFeature"])("a rule Excel cannot read (duplicated, or its delete undone; %s) stops only its sheet: the others are refreshed, and the pane is told which", async (code) => {
    await insert();
    enter("Phase 1", monthCell("mrr", 1), 480_000);
    const good = oursBySheet();
    sheet("Phase 2").rules.push({ id: "dup", ref: "D5:F5", formula: "=D5>1", unreadable: code });
    state.syncs = 0;
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.unreadableSheets).toEqual(["Phase 2"]);
    expect(result.counts).toEqual({ OK: 0, WATCH: 1, RISK: 0 });
    expect(oursBySheet()).toEqual(good);
    // The one read that failed, the names, the read with the rules that failed again, the read without them,
    // two per sheet read alone (one for the sheet whose first read fails), and the write.
    expect(result.syncs).toBe(state.syncs);
    expect(result.syncs).toBe(4 + 2 * 5 + 1 + 1);
  });

  test("rebuilding a sheet whose rules cannot be read clears the add-in's cells there and adds the flags again; the user's rules elsewhere stay", async () => {
    await insert();
    const good = oursBySheet();
    sheet("Phase 2").rules.push({ id: "dup", ref: "D5:F5", formula: "=D5>1", unreadable: "GeneralException" });
    sheet("Phase 2").rules.push({ id: "mine", ref: "A1", formula: "=A1<>\"\"" });
    const rebuilt = await rebuildSheetFlags(fakeContext(state), "Phase 2");
    expect(rebuilt.rulesAdded).toBe(good.get("Phase 2")!.length);
    expect(oursBySheet()).toEqual(good);
    expect(sheet("Phase 2").rules.map((r) => r.id)).toContain("mine");
    expect(sheet("Phase 2").rules.map((r) => r.id)).not.toContain("dup");
    const after = await refreshRiskFlags(fakeContext(state));
    expect(after.unreadableSheets).toEqual([]);
    await expect(rebuildSheetFlags(fakeContext(state), "Budget")).rejects.toMatchObject({ code: "notInserted" });
  });

  test("a rebuild Excel stops part-way says the sheet's flags were cleared and may be only partly back", async () => {
    await insert();
    let adds = 0;
    state.failWhen = (op) => op.startsWith("conditionalFormats.add") && ++adds === 5;
    await expect(rebuildSheetFlags(fakeContext(state), "Phase 2")).rejects.toMatchObject({ code: "rebuildIncomplete", message: expect.stringContaining("Rebuild it again") });
  });

  test("after a failed write, a sheet counts as refreshed by its rules as Excel gives them back (sheet names unquoted where they need no quotes)", () => {
    expect(holdsExactly(["=AND(D4>=Thresholds!$E$2,N(\"scale-tracker\")=0)", "=D4>1"], ["=AND(D4>='Thresholds'!$E$2, N(\"scale-tracker\")=0)"])).toBe(true);
    expect(holdsExactly(["=AND(D4>='Phase 1'!E2,N(\"scale-tracker\")=0)"], ["=AND(D4>='Phase 1'!E2,N(\"scale-tracker\")=0)"])).toBe(true);
    // The old set plus some of the new: not refreshed.
    expect(holdsExactly(["=AND(A1,N(\"scale-tracker\")=0)", "=AND(B1,N(\"scale-tracker\")=0)"], ["=AND(B1,N(\"scale-tracker\")=0)"])).toBe(false);
  });

  test("two cellValue rules on one range (office-js #6827): refresh reads types first on that path and leaves both rules alone", async () => {
    await insert();
    const phase1 = sheet("Phase 1");
    phase1.rules.push({ id: "gt", ref: "D4:I4", formula: "", type: "cellValue" }, { id: "lt", ref: "D4:I4", formula: "", type: "cellValue" });
    const good = oursBySheet();
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.unreadableSheets).toEqual([]);
    expect(oursBySheet()).toEqual(good);
    expect(phase1.rules.filter((r) => r.type === "cellValue").map((r) => r.id)).toEqual(["gt", "lt"]);
  });

  test("a host that refuses objects reached through missing names: the names are listed first, same result", async () => {
    const twoPhases = { ...options, phases: [2, 4] as PhaseNumber[] };
    await insert(twoPhases);
    enter("Phase 2", monthCell("mrr", 1), 1_000_000);
    const lenient = await refreshRiskFlags(fakeContext(state));
    expect(lenient.syncs).toBe(2);
    const inserted = allRules();
    state.strictNullObjects = true;
    state.syncs = 0;
    const strict = await refreshRiskFlags(fakeContext(state));
    expect(strict.syncs).toBe(4); // the refused read, the names, the read, the write
    expect(state.syncs).toBe(strict.syncs);
    expect([strict.counts, strict.flagged, strict.rulesAdded]).toEqual([lenient.counts, lenient.flagged, lenient.rulesAdded]);
    expect(allRules()).toEqual(inserted);
  });

  test("a strict host with a whole template reads in one sync; without a template it still says to insert", async () => {
    await insert();
    state.strictNullObjects = true;
    expect((await refreshRiskFlags(fakeContext(state))).syncs).toBe(2);
    state.sheets = [userSheet("Budget")];
    state.names.clear();
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "notInserted" });
  });

  test("a sheet whose first row lost its name is still found through its other rows", async () => {
    await insert();
    enter("Phase 1", monthCell("churn", 1), 0.09);
    state.names.delete(NAMES.phaseFlag(1, "mrr"));
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.flagged).toEqual([expect.objectContaining({ measureId: "churn", phase: 1, level: "RISK" })]);
    const churnRow = PHASE_SHEET.metricRow(metricIndex("churn"));
    expect(sheet("Phase 1").rules.filter((r) => r.ref === `D${churnRow}:J${churnRow}`)).toHaveLength(3);
  });

  test("a column inserted between the last month and Latest: Latest keeps its colour, the new column gets none", async () => {
    await insert();
    insertColumn(state, "Phase 1", "J"); // J was Latest (months D..I)
    expect(state.names.get(NAMES.phaseActuals(1, "mrr"))!.ref).toBe("D4:I4");
    enter("Phase 1", "I4", 480_000);
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.flagged[0]).toMatchObject({ measureId: "mrr", address: "'Phase 1'!N4", level: "WATCH" });
    const mrr = sheet("Phase 1").rules.filter((r) => /^[D-K]4(:|$)/.test(r.ref)).map((r) => r.ref);
    expect(mrr).toEqual(["D4:I4", "D4:I4", "D4:I4", "K4", "K4", "K4"]);
  });

  test("no template: a plain sentence, nothing changed", async () => {
    state.sheets.push(userSheet("Budget"));
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "notInserted", message: expect.stringContaining("Insert it first") });
    expect(state.sheets[0].rules).toHaveLength(1);
  });

  test("Office errors while reading become plain sentences; nothing is written", async () => {
    await insert();
    const before = allRules();
    state.failWhen = (op) => (op === "load range" ? "InvalidOperationInCellEditMode" : false);
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "editMode" });
    expect(allRules()).toEqual(before);
    // Excel refusing a write part-way says which sheets were refreshed, and why it stopped.
    state.failWhen = (op) => (op === "conditionalFormats.delete" ? "AccessDenied" : false);
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "refreshIncomplete", cause: { code: "protected" } });
  });
});
