/**
 * The plan sheets (product.md section 8) computed by HyperFormula: every objective, strategy and
 * initiative of the seed is on its phase's sheet; the numeric objectives show the value as of the
 * reporting month and the level the core gives it against that phase's target; marking items
 * Done or Dropped moves Plan_P<n> as done ÷ (items − dropped), blank when all are dropped.
 */
import { PHASE_METRICS, PhaseNumber } from "../../src/core/catalog";
import { levelOf, metricRule } from "../../src/core/evaluate";
import { PHASE_PLANS, RISK_PLANS, objectiveLabel, planCompletion, planItemCount } from "../../src/core/plan";
import { planItemRows } from "../../src/core/template/plan";
import { PLAN, THRESHOLDS, TEMPLATE_LABELS, cellPosition, columnLetter, describeWorkbook } from "../../src/core/template";
import { loadWorkbook } from "../support/hf-workbook";
import { SCENARIOS, expectedNames, sameValue } from "../support/scenarios";

const scenario = SCENARIOS.find((s) => s.name === "phase 1 reached, with ETAs")!;
const spec = describeWorkbook(scenario.options);
const texts = (key: string) => spec.sheets.find((s) => s.key === key)!.cells.filter((c) => typeof c.value === "string").map((c) => c.value as string);

test("each plan sheet holds its phase's objectives, strategies and initiatives; the Risks sheet its symptoms and mitigations", () => {
  for (const plan of PHASE_PLANS) {
    const shown = texts(`phase${plan.phase}`);
    const wanted = [...plan.objectives.map((o) => objectiveLabel(o, plan.phase, "en")), ...plan.strategies.flatMap((s) => [s.label.en, ...s.initiatives.map((i) => i.label.en)])];
    expect(wanted.filter((w) => !shown.includes(w))).toEqual([]);
  }
  const risks = texts("risks");
  expect(RISK_PLANS.flatMap((r) => [...r.symptoms, ...r.mitigations]).filter((i) => !risks.includes(i.label.en))).toEqual([]);
});

test("numeric objectives: the value as of the reporting month, and its level against the phase's own target", () => {
  const hf = loadWorkbook(spec);
  const names = expectedNames(scenario);
  for (const plan of PHASE_PLANS) {
    plan.objectives.forEach((o, k) => {
      if (!o.numeric) return;
      const row = PLAN.objectiveRow(k);
      const m = PHASE_METRICS.find((x) => x.id === o.numeric!.metric)!;
      const current = names.get(`Current_${m.id}`);
      const flag = typeof current === "number" ? levelOf(current, metricRule(m, plan.phase as PhaseNumber)) : "";
      const shown = hf.value(`Phase ${plan.phase}`, `${columnLetter(PLAN.columns.current)}${row}`) ?? "";
      expect([plan.phase, m.id, sameValue(shown, current), hf.value(`Phase ${plan.phase}`, `${columnLetter(PLAN.columns.flag)}${row}`)]).toEqual([plan.phase, m.id, true, flag]);
    });
  }
});

test("numeric objectives show the target their flag judges against, and gross margin's floor apart (product.md 8, 3rd ed.), following the Thresholds sheet", () => {
  // Gross margin 72%: between phase 1's floor (70%) and target (75%), so WATCH there (product.md 4); below every later floor, so RISK.
  const actuals = [1, 2, 3].flatMap((month) => [
    { key: "gross_margin", month, value: 0.72 },
    { key: "mrr", month, value: 100_000 },
  ]);
  const hf = loadWorkbook(describeWorkbook({ ...scenario.options, actuals }));
  const at = (n: number, col: number, objective: number) => hf.value(`Phase ${n}`, `${columnLetter(col)}${PLAN.objectiveRow(objective)}`);
  const grossMargin = (n: number) => PHASE_PLANS[n - 1].objectives.findIndex((o) => o.numeric?.metric === "gross_margin");
  const row = (n: number) => [PLAN.columns.target, PLAN.columns.floor, PLAN.columns.flag].map((col) => at(n, col, grossMargin(n)));
  // product.md 2: gross margin's targets 75/80/85/90%, its floors 70/75/80/85%.
  expect([1, 2, 3, 4].map(row)).toEqual([
    [0.75, 0.7, "WATCH"],
    [0.8, 0.75, "RISK"],
    [0.85, 0.8, "RISK"],
    [0.9, 0.85, "RISK"],
  ]);
  // Every other numeric objective: its phase's target from product.md 2's table, and no floor.
  const seedTargets: Record<string, number[]> = {
    active_users: [1_000, 10_000, 50_000, 200_000],
    nps: [70, 75, 80, 85],
    churn: [0.05, 0.03, 0.02, 0.01],
    leads: [10_000, 50_000, 200_000, 1_000_000],
    cac: [100, 75, 50, 25],
    ltv_cac: [20, 30, 40, 50],
    marketing_roi: [3, 4, 5, 6],
    team_size: [20, 50, 100, 500],
    mrr: [500_000, 2_000_000, 5_000_000, 20_000_000],
  };
  for (const plan of PHASE_PLANS)
    plan.objectives.forEach((o, k) => {
      const id = o.numeric?.metric;
      if (!id || id === "gross_margin") return;
      expect([plan.phase, id, at(plan.phase, PLAN.columns.target, k), at(plan.phase, PLAN.columns.floor, k)]).toEqual([plan.phase, id, seedTargets[id][plan.phase - 1], null]);
    });
  // The user lowers phase 1's gross margin target to 72% on the Thresholds sheet: the plan sheet shows it and the flag turns OK.
  const index = PHASE_METRICS.findIndex((m) => m.id === "gross_margin");
  hf.hf.setCellContents({ sheet: hf.hf.getSheetId("Thresholds")!, row: THRESHOLDS.metricRow(index) - 1, col: THRESHOLDS.targetColumn(1) - 1 }, 0.72);
  expect(row(1)).toEqual([0.72, 0.7, "OK"]);
});

test("Plan_P<n>: done ÷ items not dropped, blank when all are dropped; each strategy's completion the same way", () => {
  const hf = loadWorkbook(describeWorkbook({ ...scenario.options, language: "es" }));
  const [notStarted, , done, dropped] = TEMPLATE_LABELS.es.plan.statuses;
  const sheet = hf.hf.getSheetId("Fase 2")!;
  const set = (row: number, value: string) => hf.hf.setCellContents({ sheet, row: row - 1, col: PLAN.columns.status - 1 }, value);
  const items = [PLAN.objectiveRow(0), PLAN.objectiveRow(8), ...[0, 1, 2, 3].flatMap((s) => [0, 1, 2, 3].map((i) => PLAN.initiativeRow(s, i)))];
  expect(items).toHaveLength(18);
  expect(hf.named("Plan_P2")).toBe(0);
  set(items[0], done);
  set(items[2], done);
  set(items[3], dropped);
  // 2 done of 18 - 1 dropped.
  expect(hf.named("Plan_P2")).toBeCloseTo(2 / 17, 9);
  const strategy = (s: number) => hf.value("Fase 2", `C${PLAN.strategyRow(s)}`);
  expect(strategy(0)).toBeCloseTo(1 / 3, 9);
  for (const r of items) set(r, dropped);
  expect([hf.named("Plan_P2"), strategy(0)]).toEqual(["", ""]);
  set(items[5], notStarted);
  expect(hf.named("Plan_P2")).toBe(0);
  expect(hf.named("Plan_P1")).toBe(0);
  expect(cellPosition(`C${PLAN.strategyRow(0)}`).row).toBe(PLAN.strategyRow(0));
});

test("Plan_P<n> counts the items' status cells only, a word with spaces around it, never above 100%; the core's planCompletion agrees (product.md 8, 3rd ed.)", () => {
  const hf = loadWorkbook(describeWorkbook({ ...scenario.options, language: "es" }));
  const [, , done, dropped] = TEMPLATE_LABELS.es.plan.statuses;
  const sheet = hf.hf.getSheetId("Fase 2")!;
  const statusAt = (row: number) => ({ sheet, row: row - 1, col: PLAN.columns.status - 1 });
  const set = (row: number, value: string) => hf.hf.setCellContents(statusAt(row), value);
  // Phase 2's objectives 2 and 3 are numeric (their metric's value and flag), strategy 1's row a heading: none is an item.
  expect(PHASE_PLANS[1].objectives.slice(1, 3).every((o) => o.numeric)).toBe(true);
  set(PLAN.objectiveRow(1), done);
  set(PLAN.objectiveRow(2), done);
  set(PLAN.strategyRow(0), done);
  set(PLAN.initiativeRow(0, 0), `  ${done} `);
  set(PLAN.initiativeRow(0, 1), ` ${dropped}`);
  // 18 items: 1 done (its spaces trimmed) of 18 - 1 dropped = 1/17.
  expect(hf.named("Plan_P2")).toBeCloseTo(1 / 17, 9);
  // The core, given the status column as refresh reads it, picks the same item cells.
  const column = Array.from({ length: PLAN.lastRow - PLAN.objectiveRow(0) + 1 }, (_, k) => hf.hf.getCellValue(statusAt(PLAN.objectiveRow(0) + k)));
  const items = planItemRows(2).map((row) => column[row - PLAN.objectiveRow(0)]);
  expect(planCompletion(items, planItemCount(PHASE_PLANS[1]), "es")).toBeCloseTo(1 / 17, 9);
  // Every item done, and the numeric rows too: 100%, not more.
  for (const row of [...planItemRows(2), PLAN.objectiveRow(1)]) set(row, done);
  expect(hf.named("Plan_P2")).toBe(1);
});
