import { CASH_BALANCE, PHASE_METRICS, RISK_INDICATORS } from "../../src/core/catalog";
import { describeWorkbook, trackingRow, TRACKING_COLUMNS, cellPosition } from "../../src/core/template";
import { rowOf } from "../../src/core/timeline";
import { formatKpi, formatKpiGap, formatMeasure, formatSheetInput, formatShare, kpiProblem, rangeProblem, unusualSentence } from "../../src/taskpane/format";
import { sheetInputOf } from "../../src/core/sheet-inputs";

const measure = (id: string) => [...PHASE_METRICS, ...RISK_INDICATORS, CASH_BALANCE].find((m) => m.id === id || ("qualifiedId" in m && m.qualifiedId === id))!;

describe("formatMeasure: numbers as the template formats them", () => {
  test.each([
    [0.9989, "uptime", "en", "99.8900%"],
    [0.04, "churn", "es", "4,00\u00a0%"],
    [3, "marketing_roi", "en", "300.0%"],
    [25, "ltv_cac", "en", "25.0:1"],
    [12.5, "productivity", "es", "12,50x"],
    [1_400_000, "mrr", "en", "1,400,000"],
    [1_400_000, "mrr", "es", "1.400.000"],
    [4.25, "team_satisfaction", "en", "4.250"],
  ] as const)("%p %s (%s) -> %s", (value, id, language, shown) => {
    expect(formatMeasure(value, measure(id), language)).toBe(shown);
  });
});

test("precision at band edges (product.md 11): the pane tells a value on a band edge from one a step past it, in every unit and both languages", () => {
  // The edges of product.md 4's band: churn's phase 1 WATCH ends at 5.5% (5.50% WATCH, 5.51% RISK, product.md 11's example),
  // uptime's phase 3 starts at 99.989%, team satisfaction's phase 1 at 4.2 - 0.42 = 3.78, the cash runway's at 18 - 1.8 = 16.2
  // months, productivity's phase 2 at 13.5x, CAC's phase 2 (lower is better) ends at 75 + 7.5 = 82.5, NPS's phase 2 starts at 67.5.
  const edges: [string, number, number][] = [
    ["churn", 0.055, 0.0551],
    ["uptime", 0.99989, 0.999889],
    ["team_satisfaction", 3.78, 3.779],
    ["cash_burn.cash_runway", 16.2, 16.19],
    ["productivity", 13.5, 13.49],
    ["cac", 82.5, 82.51],
    ["nps", 67.5, 67.49],
  ];
  for (const language of ["en", "es"] as const)
    for (const [id, edge, past] of edges) {
      const [a, b] = [edge, past].map((v) => formatMeasure(v, measure(id), language));
      expect([id, language, a === b]).toEqual([id, language, false]);
    }
  expect(["churn", "uptime", "team_satisfaction", "cash_burn.cash_runway", "productivity", "cac"].map((id, i) => formatMeasure([0.055, 0.99989, 3.78, 16.2, 13.5, 82.5][i], measure(id), "en"))).toEqual(["5.50%", "99.9890%", "3.780", "16.20", "13.50x", "82.50"]);
});

test("the pane shows a measure's value with the decimals its Tracking row shows (one rule for the workbook and the pane)", () => {
  const spec = describeWorkbook({ language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" });
  const tracking = spec.sheets.find((s) => s.key === "tracking")!;
  const decimals = (text: string) => /[.](\d+)/.exec(text)?.[1].length ?? 0;
  for (const m of [...PHASE_METRICS, ...RISK_INDICATORS, CASH_BALANCE]) {
    const row = trackingRow(rowOf(m).key);
    const format = tracking.cells.find((c) => cellPosition(c.ref).row === row && cellPosition(c.ref).col === TRACKING_COLUMNS.firstMonth)!.numberFormat!;
    const workbook = /0(?:\.(0+))?/.exec(format.replace(/\[[^\]]*\]|"[^"]*"/g, ""))![1]?.length ?? 0;
    expect([m.id, decimals(formatMeasure(0.5, m, "en").replace(/,/g, ""))]).toEqual([m.id, workbook]);
  }
});

test("plan completion as the workbook shows it: a whole percent", () => {
  expect([formatShare(1 / 3, "en"), formatShare(0.5, "es")]).toEqual(["33%", "50\u00a0%"]);
});

describe("a value its measure cannot take, in the pane's language (the core words it in both)", () => {
  test("a fraction typed as a whole percent, a score off its scale, a negative count", () => {
    expect(rangeProblem("churn", 5, "es")).toBe("Churn mensual es un porcentaje que se escribe como fracción: 5 % es 0,05; escribe 0,05, no 5.");
    expect(rangeProblem("quality_loss.quality_score", 9, "es")).toBe("Puntuación de calidad debe estar entre 1 y 5; es 9.");
    expect(rangeProblem("customers", -3, "es")).toBe("Clientes debe ser al menos 0; es -3.");
    expect(rangeProblem("customers", -3, "en")).toBe("customers must be at least 0; got -3.");
  });

  test("the SaaS measures too (product.md 12: MRR movements are amounts of at least 0), by their Spanish names", () => {
    expect(rangeProblem("new_mrr", -5, "es")).toBe("MRR nuevo debe ser al menos 0; es -5.");
    expect(rangeProblem("churned_mrr", -5, "en")).toBe("churned_mrr must be at least 0; got -5.");
    const unusual = { address: "Seguimiento!R9", key: "expansion_mrr", measureId: "expansion_mrr", month: "2026-03", value: 50_000, previous: { month: "2026-02", value: 5_000 }, next: { month: "2026-04", value: 5_200 }, size: "large" as const };
    expect(unusualSentence(unusual, "es")).toMatch(/^MRR de expansión/);
  });
});

describe("formatSheetInput: a Departments or Channels value as the pane's preview shows it (a percent for a rate, a multiple, or a number)", () => {
  const input = (key: string) => sheetInputOf(key)!;
  test.each([
    [0.35, "sales.win_rate", "en", "35%"],
    [0.35, "sales.win_rate", "es", "35\u00a0%"],
    [2.5, "sales.productivity", "en", "2.5x"],
    [5_000, "channel.paid_advertising.spend", "en", "5,000"],
    [45.5, "sales.cycle_days", "es", "45,5"],
  ] as const)("%p %s (%s) -> %s", (value, key, language, shown) => {
    expect(formatSheetInput(value, input(key), language)).toBe(shown);
  });
});

describe("Inspect's department KPIs (product.md 13) in the pane's language", () => {
  test("a percentage KPI's gap in percentage points, as the workbook shows gaps (docs/workbook.md: pp / p.p.); a multiple's gap as a plain number; values and targets as their rows", () => {
    expect(formatKpiGap(0.4 - 0.35, "sales.win_rate", "en")).toBe("5 pp");
    expect(formatKpiGap(0.4 - 0.35, "sales.win_rate", "es")).toBe("5 p.p.");
    expect(formatKpiGap(-0.8, "marketing.roi_by_channel", "es")).toBe("-80 p.p.");
    expect(formatKpiGap(25, "marketing.cac_by_channel", "en")).toBe("25");
    expect(formatKpiGap(0.5, "sales.productivity", "en")).toBe("0.5");
    expect([formatKpi(0.4, "sales.win_rate", "es"), formatKpi(2.5, "sales.productivity", "en"), formatKpi(45.5, "sales.cycle_days", "es")]).toEqual(["40\u00a0%", "2.5x", "45,5"]);
  });

  test("why SCALE.RISK rejects a value (40 typed for a 40% win rate) in the pane's language, not the function's English", () => {
    expect(kpiProblem("sales.win_rate", 40, "es")).toBe("sales.win_rate es un porcentaje que se escribe como fracción: 40 % es 0,4; escribe 0,4, no 40.");
    expect(kpiProblem("sales.win_rate", 40, "en")).toMatch(/^sales\.win_rate is a percentage entered as a fraction/);
    expect(kpiProblem("sales.win_rate", 0.4, "es")).toBeUndefined();
  });
});
