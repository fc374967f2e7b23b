import { PHASE_METRICS, RISK_INDICATORS } from "../../src/core/catalog";
import { indicatorRule, levelOf, metricRule } from "../../src/core/evaluate";
import { LEVEL_FILL, NAMES, describeWorkbook } from "../../src/core/template";
import { WorkbookError, insertTrackingWorkbook, refreshRiskFlags } from "../../src/excel";
import { cellInput } from "../../src/excel/insert";
import { FakeSheet, FakeState, fakeContext, insertColumn, installFakeOffice, newFakeState } from "../fakes/excel-fake";

const options = { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" } as const;

let state: FakeState;
beforeEach(() => {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
});

const sheet = (name: string) => state.sheets.find((s) => s.name === name)!;
const userSheet = (name: string): FakeSheet => ({
  name,
  cells: new Map([["A1", { value: "my numbers" }], ["B2", { formula: "SUM(1,2)" }]]),
  formats: [],
  rules: [{ id: "user-1", ref: "A1:B2", formula: "=A1>0" }],
  validations: [],
  tables: [],
  charts: [],
});

async function insert(opts = options) {
  const result = await insertTrackingWorkbook(fakeContext(state), opts);
  state.syncs = 0;
  return result;
}

/** Types a value into a template month cell, as a user would. */
function enter(sheetName: string, ref: string, value: number) {
  sheet(sheetName).cells.set(ref, { ...sheet(sheetName).cells.get(ref), value, formula: undefined });
}

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
        expect([s.name, c.ref, cell?.formula !== undefined ? `=${cell.formula}` : cell?.value ?? null, cell?.numberFormat]).toEqual([
          s.name,
          c.ref,
          typeof expected === "string" && expected.startsWith("'") ? expected.slice(1) : expected,
          c.numberFormat,
        ]);
      }
      expect(got.cells.size).toBe(s.cells.length);
      const rules = spec.rules.filter((r) => r.sheet === s.key).map((r) => [r.ref, `=${r.formula}`, LEVEL_FILL[r.level]]);
      expect(got.rules.map((r) => [r.ref, r.formula, r.fill])).toEqual(rules);
      expect(got.validations.map((v) => v.ref)).toEqual(spec.validations.filter((v) => v.sheet === s.key).map((v) => v.ref));
    }
    const sheetName = new Map(spec.sheets.map((s) => [s.key, s.name]));
    expect([...state.names].map(([name, n]) => [name, n.sheet, n.ref])).toEqual(spec.names.map((n) => [n.name, sheetName.get(n.sheet), n.ref.replace(/\$/g, "")]));
    expect(state.sheets.flatMap((s) => s.tables.map((t) => [t.name, t.ref]))).toEqual(spec.tables.map((t) => [t.name, t.ref]));
    const chart = sheet("Scale Dashboard").charts[0];
    expect(chart.series.map((x) => x.values ?? chart.source)).toEqual(spec.charts[0].series.map((x) => x.values));
    expect(chart.series[0].categories).toBe(spec.charts[0].categories);
    expect(state.activeSheet).toBe("Scale Dashboard");
    expect(result.sheets.every((s) => !s.renamed)).toBe(true);
  });

  test("never overwrites: a taken sheet name gets a free one, the user's sheet, names and rules stay untouched", async () => {
    state.sheets.push(userSheet("Thresholds"), userSheet("phase 1"));
    state.names.set("Scale_Phase", { sheet: "Thresholds", ref: "A1" });
    const before = JSON.stringify(state.sheets.map((s) => [s.name, [...s.cells], s.rules]));
    const result = await insert();
    expect(JSON.stringify(state.sheets.slice(0, 2).map((s) => [s.name, [...s.cells], s.rules]))).toBe(before);
    expect(result.sheets.find((s) => s.key === "thresholds")).toEqual({ key: "thresholds", name: "Thresholds (2)", renamed: true });
    expect(result.sheets.find((s) => s.key === "phase1")).toEqual({ key: "phase1", name: "Phase 1 (2)", renamed: true });
    expect(state.names.get("Scale_Phase")).toEqual({ sheet: "Thresholds", ref: "A1" });
    expect(result.skippedNames).toEqual(["Scale_Phase"]);
    const flag = sheet("Phase 1 (2)").cells.get("M4")!.formula!;
    expect(flag).toContain("'Thresholds (2)'!$E$2");
  });

  test("a failure midway leaves no half-inserted template behind", async () => {
    state.sheets.push(userSheet("Budget"));
    let rules = 0;
    state.failWhen = (op) => op.startsWith("conditionalFormats.add") && ++rules === 50;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toBeInstanceOf(WorkbookError);
    expect(state.sheets.map((s) => s.name)).toEqual(["Budget"]);
    expect(state.names.size).toBe(0);
  });

  test("Office errors become plain sentences with what to do", async () => {
    state.failWhen = (op) => (op.startsWith("worksheets.add") ? "AccessDenied" : false);
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "protected", message: expect.stringContaining("Unprotect it") });
    state.failWhen = (op) => (op === "load worksheets" ? "InvalidOperationInCellEditMode" : false);
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "editMode", message: expect.stringContaining("Press Enter or Esc") });
    state.failWhen = undefined;
    state.apiSupported = false;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "apiNotSupported" });
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

  test("reads the thresholds the user edited", async () => {
    await insert();
    enter("Phase 1", "D4", 480_000);
    enter("Thresholds", "E2", 450_000);
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.counts).toEqual({ OK: 1, WATCH: 0, RISK: 0 });
  });

  test("idempotent: 100 refreshes leave the same rules; the user's own rules on the same cells stay", async () => {
    await insert();
    sheet("Phase 1").rules.push({ id: "user-rule", ref: "D4:F4", formula: "=D4>1000000" });
    const count = () => state.sheets.reduce((n, s) => n + s.rules.length, 0);
    const before = count();
    const snapshot = () => JSON.stringify(state.sheets.map((s) => s.rules.map((r) => [r.ref, r.formula, r.fill])));
    await refreshRiskFlags(fakeContext(state));
    const first = snapshot();
    for (let k = 0; k < 99; k++) await refreshRiskFlags(fakeContext(state));
    expect(count()).toBe(before);
    expect(snapshot()).toBe(first);
    expect(sheet("Phase 1").rules.find((r) => r.id === "user-rule")).toEqual({ id: "user-rule", ref: "D4:F4", formula: "=D4>1000000" });
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

  test("no template: a plain sentence, nothing changed", async () => {
    state.sheets.push(userSheet("Budget"));
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "notInserted", message: expect.stringContaining("Insert it first") });
    expect(state.sheets[0].rules).toHaveLength(1);
  });
});
