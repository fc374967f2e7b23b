/**
 * The whole tracking workbook evaluated by HyperFormula, compared with the core: for each
 * scenario, every dashboard name and every month of the phase, score, risk group and measure
 * rows must be what the core's timeline rules give for the same typed numbers; no cell is an error
 * but the #N/A of the phase chart's hidden row, where the phase is blank (a line chart does not plot #N/A).
 */
import { Language, PHASE_METRICS } from "../../src/core/catalog";
import { TEMPLATE_LABELS, WorkbookSpec, describeWorkbook } from "../../src/core/template";
import { DASHBOARD, NAMES, TRACKING } from "../../src/core/template/layout";
import { cell, cellPosition } from "../../src/core/template/formulas";
import { monthSerial } from "../../src/core/months";
import { LoadedWorkbook, loadWorkbook } from "../support/hf-workbook";
import { SCENARIOS, expectedNames, expectedRows, sameValue } from "../support/scenarios";

/** The cells the phase chart's "Phase reached" series plots, month by month, as HyperFormula computes them. */
function plottedPhase(spec: WorkbookSpec, workbook: LoadedWorkbook, language: Language) {
  const reached = TEMPLATE_LABELS[language].charts.reached;
  const chart = spec.charts.find((c) => c.series.some((x) => x.name === reached))!;
  const [from, to] = chart.series.find((x) => x.name === reached)!.values.split(":").map(cellPosition);
  const sheet = spec.sheets.find((sh) => sh.key === chart.dataSheet)!.name;
  return Array.from({ length: to.col - from.col + 1 }, (_, k) => workbook.value(sheet, cell(from.col + k, from.row)));
}

describe.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_, scenario) => {
  const spec = describeWorkbook(scenario.options);
  const workbook = loadWorkbook(spec);

  const tracking = spec.sheets.find((sh) => sh.key === "tracking")!.name;
  const plotted = () => plottedPhase(spec, workbook, scenario.options.language);

  test("no formula cell is an error, but for the #N/A a chart does not plot (the phase chart's hidden row)", () => {
    const errors: string[] = [];
    for (const [sheet, cells] of workbook.formulas())
      for (const [ref, v] of cells) {
        const chartGap = sheet === tracking && cellPosition(ref).row === TRACKING.plottedPhase && v !== null && typeof v === "object" && v.error === "#N/A";
        if (v !== null && typeof v === "object" && !chartGap) errors.push(`${sheet}!${ref}: ${v.error}`);
      }
    expect(errors).toEqual([]);
  });

  test("the phase chart plots Phase reached where it is a number, and #N/A (not plotted) where it is blank (product.md 6.4: after the data ends)", () => {
    const phase = expectedRows(scenario).get(NAMES.phaseRow.phase)!;
    expect(plotted()).toEqual(phase.map((p) => (typeof p === "number" ? p : { error: "#N/A" })));
  });

  test("every dashboard name holds what the core computes", () => {
    const wrong: string[] = [];
    for (const [name, want] of expectedNames(scenario)) {
      const got = workbook.named(name);
      if (!sameValue(got, want)) wrong.push(`${name}: HyperFormula ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
  });

  test("every month of the computed rows holds what the core computes", () => {
    const wrong: string[] = [];
    for (const [name, want] of expectedRows(scenario)) {
      const got = workbook.namedRange(name)[0];
      want.forEach((w, t) => {
        if (!sameValue(got[t], w)) wrong.push(`${name} month ${t + 1}: HyperFormula ${JSON.stringify(got[t])}, core ${JSON.stringify(w)}`);
      });
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});

test("the scenarios are what their names say, so the comparisons above are not vacuous", () => {
  const names = new Map(SCENARIOS.map((s) => [s.name, expectedNames(s)]));
  const at = (scenario: string, name: string) => names.get(scenario)!.get(name);
  expect([at("phase 1 reached, with ETAs", "Scale_Phase"), at("phase 1 reached, with ETAs", "Scale_TargetPhase")]).toEqual([1, 2]);
  expect(["mrr", "customers", "team_size", "leads"].map((id) => at("phase 1 reached, with ETAs", `Eta_${id}`))).toEqual([5, 5, 17, 12]);
  expect([at("phase 0 past month 24", "Scale_Phase"), at("phase 0 past month 24", "Scale_Expected")]).toEqual([0, 3]);
  expect([at("phase 3 reached, with ETAs to phase 4", "Scale_Phase"), at("phase 3 reached, with ETAs to phase 4", "Score_P1")]).toEqual([3, 1]);
  expect(at("Spanish, from a wide semicolon CSV", "Current_churn")).toBe(0.035);
  expect(at("numbers typed over computed rows", "Current_arr")).toBe(7_500_000);
  // Quarterly NPS last typed in month 12, reported in month 17: stale on the dashboard.
  const quarterly = loadWorkbook(describeWorkbook(SCENARIOS.find((s) => s.name === "quarterly-only metrics that go stale")!.options));
  const staleOf = (id: string) => quarterly.value("Scale Dashboard", cell(DASHBOARD.columns.stale, DASHBOARD.metricRow(PHASE_METRICS.findIndex((m) => m.id === id))));
  expect([staleOf("nps"), staleOf("team_satisfaction"), staleOf("mrr"), staleOf("gross_margin")]).toEqual(["stale", "stale", "", ""]);
  // Month 13 of "a quarterly team": team size 13.31 (month 10) against 12.1 (month 7), g = 1.1^(1/3) - 1;
  // ln(20 / 13.31) / ln(1 + g) = 12.82 -> 13 months from month 10, so projected month 23 (Nov 2026).
  // Revenue per employee 12 × 50,000 × 1.06^9 / 13.31 = 76,160 against 70,340 (month 7): 44.86 -> 45, month 55 (Jul 2029).
  // Carried forward, month 13 against month 10 would be flat: n/a.
  const team = "a quarterly team and data ending mid-timeline";
  expect([at(team, "Eta_team_size"), at(team, "Eta_revenue_per_employee")]).toEqual([13, 45]);
  const teamBook = loadWorkbook(describeWorkbook(SCENARIOS.find((s) => s.name === team)!.options));
  const projectedOf = (id: string) => teamBook.value("Scale Dashboard", cell(DASHBOARD.columns.projected, DASHBOARD.metricRow(PHASE_METRICS.findIndex((m) => m.id === id))));
  expect([projectedOf("team_size"), projectedOf("revenue_per_employee")]).toEqual([monthSerial("2026-11"), monthSerial("2029-07")]);
  // The company started in Jul 2023 (Scale_StartMonth): the timeline's month 13, Jan 2026, is the company's
  // month 31 (Jul 2023 = 1, Jan 2025 = 19), so phase 3 is expected (24 <= 31 < 36), not 2 (month 13 counted from Jan 2025).
  expect(at(team, "Scale_Expected")).toBe(3);
  expect(teamBook.named("Scale_StartMonth")).toBe(monthSerial("2023-07"));
  // The same data on a timeline starting six months earlier (Jul 2024): the same expected phase.
  const scenario = SCENARIOS.find((s) => s.name === team)!;
  const earlier = loadWorkbook(
    describeWorkbook({ ...scenario.options, firstMonth: "2024-07", months: 30, actuals: scenario.options.actuals.map((v) => ({ ...v, month: v.month + 6 })) }),
  );
  expect([earlier.named("Scale_Expected"), earlier.namedRange("Tracking_Expected")[0][18]]).toEqual([3, 3]);
  // The data ends in month 13 of 24: the phase chart plots months 1..13 and nothing (#N/A) after (product.md 6.4).
  const line = plottedPhase(describeWorkbook(scenario.options), teamBook, "en");
  expect([line.slice(0, 13).every((v) => typeof v === "number"), line.slice(13)]).toEqual([true, Array(11).fill({ error: "#N/A" })]);
});
