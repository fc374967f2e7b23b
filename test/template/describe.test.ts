import { PHASE_METRICS, PHASE_NUMBERS, RISK_GROUPS } from "../../src/core/catalog";
import { NAMES, RULE_MARKER, describeWorkbook } from "../../src/core/template";

const en = describeWorkbook({ language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" });
const es = describeWorkbook({ language: "es", company: "Acme", currency: "EUR", firstMonth: "2026-11" });
const formulas = (spec = en) => [...spec.sheets.flatMap((s) => s.cells.flatMap((c) => (c.formula ? [c.formula] : []))), ...spec.rules.map((r) => r.formula)];

test("sheets: dashboard, thresholds, four phase sheets (6 then 12 months), risks", () => {
  expect(en.sheets.map((s) => s.name)).toEqual(["Scale Dashboard", "Thresholds", "Phase 1", "Phase 2", "Phase 3", "Phase 4", "Risks"]);
  expect(es.sheets.map((s) => s.name)).toEqual(["Panel de escalamiento", "Umbrales", "Fase 1", "Fase 2", "Fase 3", "Fase 4", "Riesgos"]);
  const headerRow = (key: string) => en.sheets.find((s) => s.key === key)!.cells.filter((c) => /^[A-Z]+3$/.test(c.ref)).map((c) => c.value);
  expect(headerRow("phase1")).toEqual(["Id", "Metric", "Unit", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026", "Latest", "Target", "Gap", "Flag"]);
  expect(headerRow("phase2").slice(3, 5)).toEqual(["Jul 2026", "Aug 2026"]);
  expect(headerRow("phase2")).toHaveLength(3 + 12 + 4);
});

test("workbook names for every phase and metric, every risk group, and the phase; the same in both languages", () => {
  const names = new Set(en.names.map((n) => n.name));
  for (const n of PHASE_NUMBERS) {
    for (const m of PHASE_METRICS) {
      expect(names.has(NAMES.phaseActuals(n, m.id)) && names.has(NAMES.phaseFlag(n, m.id))).toBe(true);
    }
  }
  for (const g of RISK_GROUPS) expect(names.has(NAMES.riskActuals(g.id)) && names.has(NAMES.riskFlag(g.id))).toBe(true);
  expect(names.has("Scale_Phase")).toBe(true);
  expect(es.names.map((n) => n.name)).toEqual(en.names.map((n) => n.name));
  expect(en.names.find((n) => n.name === "Phase1_mrr_Actuals")).toEqual({ name: "Phase1_mrr_Actuals", sheet: "phase1", ref: "$D$4:$I$4" });
  expect(en.names.find((n) => n.name === "Risk_cash_burn_Actuals")!.ref).toBe("$D$15:$O$18");
});

test("plain Excel 2016 formulas only: no XLOOKUP, LET, SEQUENCE, FILTER or SCALE.*", () => {
  for (const f of [...formulas(en), ...formulas(es)]) {
    expect(f).not.toMatch(/\b(XLOOKUP|XMATCH|LET|SEQUENCE|FILTER|UNIQUE|SORT|LAMBDA|IFS|SWITCH|MAXIFS|MINIFS|TEXTJOIN|CONCAT)\(|SCALE\./i);
  }
});

test("every threshold a formula uses is read from the Thresholds sheet, never a number from the catalog", () => {
  const phaseSheets = en.sheets.filter((s) => s.key.startsWith("phase"));
  for (const sheet of phaseSheets) {
    for (const c of sheet.cells.filter((c) => c.formula?.includes('"OK"'))) expect(c.formula).toMatch(/'Thresholds'!\$[E-L]\$\d+/);
  }
  // Phase numbers 1-4 appear in formulas as phases; every target above that must not.
  const targetNumbers = new Set(PHASE_METRICS.flatMap((m) => m.targets).filter((t) => t > 4));
  for (const f of formulas()) {
    for (const literal of f.match(/(?<![$A-Z\d.])\d+(\.\d+)?(?![\d:])/g) ?? []) {
      expect([f, targetNumbers.has(Number(literal))]).toEqual([f, false]);
    }
  }
  expect(es.sheets.flatMap((s) => s.cells).filter((c) => c.formula?.includes("'Umbrales'!")).length).toBeGreaterThan(100);
});

test("every conditional format carries the add-in's marker, three levels per coloured range", () => {
  expect(en.rules.every((r) => r.formula.endsWith(`${RULE_MARKER})`))).toBe(true);
  const byRange = new Map<string, string[]>();
  for (const r of en.rules) byRange.set(`${r.sheet}!${r.ref}`, [...(byRange.get(`${r.sheet}!${r.ref}`) ?? []), r.level]);
  for (const levels of byRange.values()) expect(levels).toEqual(["OK", "WATCH", "RISK"]);
});

test("free sheet names flow into every cross-sheet reference", () => {
  const spec = describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", sheetNames: { thresholds: "Thresholds (2)", risks: "Risks (2)" } });
  expect(spec.sheets.find((s) => s.key === "thresholds")!.name).toBe("Thresholds (2)");
  const all = formulas(spec).join("\n");
  expect(all).not.toContain("'Thresholds'!");
  expect(all).toContain("'Thresholds (2)'!$E$2");
  expect(all).toContain("'Risks (2)'!$R$4");
});

test("actuals land in their month cells; currency codes shape number formats", () => {
  const spec = describeWorkbook({
    language: "en",
    company: "A",
    currency: "EUR",
    firstMonth: "2026-01",
    actuals: [
      { phase: 2, id: "cac", month: 3, value: 80 },
      { phase: "R", id: "cash_burn.cash_runway", month: 12, value: 20 },
    ],
  });
  const phase2 = spec.sheets.find((s) => s.key === "phase2")!;
  const cac = phase2.cells.find((c) => c.ref === `F${4 + PHASE_METRICS.findIndex((m) => m.id === "cac")}`)!;
  expect([cac.value, cac.numberFormat]).toEqual([80, '"€"#,##0']);
  expect(spec.sheets.find((s) => s.key === "risks")!.cells.find((c) => c.ref === "O15")!.value).toBe(20);
  const gbx = describeWorkbook({ language: "en", company: "A", currency: "CHF", firstMonth: "2026-01" });
  expect(gbx.sheets[1].cells.find((c) => c.ref === "E2")!.numberFormat).toBe('"CHF "#,##0');
});

test("a chosen subset of phases: the dashboard reads only the sheets that exist", () => {
  const spec = describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", phases: [1, 2] });
  expect(spec.sheets.map((s) => s.key)).toEqual(["dashboard", "thresholds", "phase1", "phase2", "risks"]);
  expect(formulas(spec).join("\n")).not.toContain("Phase 3");
});

test("percentages carry the decimals that tell every threshold and band edge apart", () => {
  const formatOf = (id: string) => {
    const thresholds = en.sheets.find((s) => s.key === "thresholds")!;
    const row = thresholds.cells.find((c) => c.value === id)!.ref.slice(1);
    return thresholds.cells.find((c) => (c.ref === `E${row}` || c.ref === `F${row}`) && c.numberFormat)!.numberFormat;
  };
  // Uptime's phase-3 band edge is 99.989%; churn's edges are 5.5%, 3.3%, 2.2%, 1.1%.
  expect([formatOf("uptime"), formatOf("churn"), formatOf("quality_loss.error_rate")]).toEqual(["0.000%", "0.0%", "0.0%"]);
});
