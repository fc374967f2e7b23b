/**
 * The exported tracking workbook recalculated by three engines: LibreOffice and Gnumeric open the
 * .xlsx and compute it, HyperFormula computes the description itself. Every formula cell must hold
 * the same value in all three, none an error, and the dashboard's names what the core computes
 * (product.md 6.7: the same value in every engine).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { planCompletion } from "../../src/core/plan";
import { NAMES, PLAN, TEMPLATE_LABELS, TRACKING_COLUMNS, describeWorkbook, trackingRow } from "../../src/core/template";
import { cell, cellPosition } from "../../src/core/template/formulas";
import { writeWorkbook } from "../../src/xlsx/write";
import { describeWith } from "../engines/engines";
import { Cached, Values, readValues, recalcGnumeric, recalcLibreOffice } from "../support/recalculated";
import { TRACKING } from "../../src/core/template/layout";
import { loadWorkbook } from "../support/hf-workbook";
import { SCENARIOS, expectedNames, sameValue } from "../support/scenarios";
import { SAAS_BUDGET_EXPECTED, SAAS_COMPANY, SAAS_EXPECTED } from "../support/saas-company";

const isError = (v: unknown) => v !== null && typeof v === "object";
/** #N/A on the phase chart's hidden row, where Phase reached is blank: what the chart does not plot (product.md 6.4). */
const isChartGap = (sheet: string, ref: string, v: unknown) =>
  sheet === "tracking" && Number(/\d+$/.exec(ref)![0]) === TRACKING.plottedPhase && isError(v) && (v as { error: string }).error === "#N/A";

describeWith(["libreoffice", "gnumeric"], "the tracking workbook in LibreOffice, Gnumeric and HyperFormula", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-engines-"));
  const cases = SCENARIOS.map((s, i) => ({ scenario: s, spec: describeWorkbook(s.options), file: path.join(dir, `case${i}.xlsx`) }));
  let libre: Values[] = [];
  let gnumeric: Values[] = [];

  beforeAll(async () => {
    for (const c of cases) fs.writeFileSync(c.file, await writeWorkbook(c.spec));
    libre = await Promise.all(recalcLibreOffice(cases.map((c) => c.file), path.join(dir, "lo")).map(readValues));
    gnumeric = await Promise.all(cases.map((c) => readValues(recalcGnumeric(c.file, path.join(dir, "gnumeric")))));
  }, 600_000);

  describe.each(cases.map((c, i) => [c.scenario.name, i] as const))("%s", (_, i) => {
    const { spec, scenario } = cases[i];
    const hf = loadWorkbook(spec);

    test("every formula cell: the same value in the three engines, and no error but the phase chart's #N/A", () => {
      const wrong: string[] = [];
      let compared = 0;
      for (const sheet of spec.sheets) {
        for (const c of sheet.cells) {
          if (c.formula === undefined) continue;
          const want = hf.value(sheet.name, c.ref);
          const engines: [string, Cached | undefined][] = [
            ["LibreOffice", libre[i].get(sheet.name)?.get(c.ref)],
            ["Gnumeric", gnumeric[i].get(sheet.name)?.get(c.ref)],
          ];
          compared++;
          if (isChartGap(sheet.key, c.ref, want)) {
            for (const [engine, got] of engines) if (!isChartGap(sheet.key, c.ref, got)) wrong.push(`${sheet.name}!${c.ref}: ${engine} ${JSON.stringify(got)}, HyperFormula #N/A`);
            continue;
          }
          if (isError(want)) wrong.push(`${sheet.name}!${c.ref}: HyperFormula ${JSON.stringify(want)}`);
          for (const [engine, got] of engines) {
            if (isError(got) || !sameValue(got ?? null, want)) wrong.push(`${sheet.name}!${c.ref}: ${engine} ${JSON.stringify(got)}, HyperFormula ${JSON.stringify(want)} (=${c.formula.slice(0, 120)})`);
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
      expect(wrong.slice(0, 15)).toEqual([]);
    });

    test("the dashboard's names hold what the core computes, in LibreOffice and Gnumeric", () => {
      const wrong: string[] = [];
      const dashboard = spec.sheets.find((s) => s.key === "dashboard")!.name;
      const risks = spec.sheets.find((s) => s.key === "risks")!.name;
      for (const [name, want] of expectedNames(scenario)) {
        const n = spec.names.find((x) => x.name === name)!;
        const sheet = n.sheet === "risks" ? risks : dashboard;
        const ref = n.ref.replace(/\$/g, "");
        for (const [engine, values] of [["LibreOffice", libre[i]], ["Gnumeric", gnumeric[i]]] as const) {
          const got = values.get(sheet)?.get(ref) ?? null;
          if (!sameValue(got, want)) wrong.push(`${name}: ${engine} ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  test("the SaaS measures of product.md 12: every new row, month by month, and the reconciliation's flag are what the definitions give by hand, in LibreOffice and Gnumeric", () => {
    const i = cases.findIndex((c) => c.scenario.name === SAAS_COMPANY.name);
    const { spec } = cases[i];
    const tracking = spec.sheets.find((s) => s.key === "tracking")!.name;
    const wrong: string[] = [];
    for (const [engine, values] of [["LibreOffice", libre[i]], ["Gnumeric", gnumeric[i]]] as const) {
      for (const [key, want] of SAAS_EXPECTED) {
        const [from] = spec.names.find((n) => n.name === NAMES.tracking(key))!.ref.replace(/\$/g, "").split(":");
        const start = cellPosition(from);
        want.forEach((w, t) => {
          const got = values.get(tracking)?.get(cell(start.col + t, start.row)) ?? null;
          if (!sameValue(got, w ?? "")) wrong.push(`${engine} ${key} month ${t + 1}: ${JSON.stringify(got)}, by hand ${w}`);
        });
      }
      // As of month 14 the reconciliation (0) is explained.
      const flag = values.get(tracking)?.get(cell(TRACKING_COLUMNS.flag, trackingRow("mrr_reconciliation")));
      if (flag !== "OK") wrong.push(`${engine} reconciliation flag: ${JSON.stringify(flag)}, by hand "OK"`);
      // Month 14 against the conventions (product.md 4, 12): quick ratio 8,000 / 3,000 = 2.67 is below 3.6 (4 less its 10% band),
      // Rule of 40 = 162,400 / 105,000 - 1 - 10% = 44.7% meets 40%.
      const context = ["quick_ratio", "rule_of_40"].map((key) => values.get(tracking)?.get(cell(TRACKING_COLUMNS.flag, trackingRow(key))));
      if (context.join() !== "RISK,OK") wrong.push(`${engine} context flags: ${JSON.stringify(context)}, by hand RISK, OK`);
    }
    expect(wrong).toEqual([]);
  });

  test("the budget (product.md 12): the Budget sheet's derived rows, month by month, are what the definitions give for the budget by hand, in LibreOffice and Gnumeric", () => {
    const i = cases.findIndex((c) => c.scenario.name === SAAS_COMPANY.name);
    const { spec } = cases[i];
    const budget = spec.sheets.find((s) => s.key === "budget")!.name;
    const wrong: string[] = [];
    for (const [engine, values] of [["LibreOffice", libre[i]], ["Gnumeric", gnumeric[i]]] as const) {
      for (const [key, want] of SAAS_BUDGET_EXPECTED) {
        const [from] = spec.names.find((n) => n.name === NAMES.budget(key))!.ref.replace(/\$/g, "").split(":");
        const start = cellPosition(from);
        want.forEach((w, t) => {
          const got = values.get(budget)?.get(cell(start.col + t, start.row)) ?? null;
          if (!sameValue(got, w ?? "")) wrong.push(`${engine} budget ${key} month ${t + 1}: ${JSON.stringify(got)}, by hand ${w}`);
        });
      }
    }
    expect(wrong).toEqual([]);
  });

  test("statuses marked Done and Dropped in an exported file move Plan_P<n> as section 8 says, in LibreOffice and Gnumeric", async () => {
    const spec = describeWorkbook({ ...SCENARIOS[0].options, language: "es" });
    const file = path.join(dir, "plan.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeWorkbook(spec)) as unknown as ArrayBuffer);
    const [notStarted, inProgress, done, dropped] = TEMPLATE_LABELS.es.plan.statuses;
    const items = [PLAN.objectiveRow(0), PLAN.objectiveRow(8), ...[0, 1, 2, 3].flatMap((g) => [0, 1, 2, 3].map((i) => PLAN.initiativeRow(g, i)))];
    // Phase 1: 3 done, 2 dropped, the rest in progress or not started; phase 2 every item dropped; phase 4 untouched.
    const marks: Record<number, string[]> = {
      1: items.map((_, k) => (k < 3 ? done : k < 5 ? dropped : k % 2 ? inProgress : notStarted)),
      2: items.map(() => dropped),
      3: items.map((_, k) => (k === 0 ? done : notStarted)),
    };
    for (const [n, statuses] of Object.entries(marks)) {
      const sheet = workbook.getWorksheet(`Fase ${n}`)!;
      items.forEach((row, k) => (sheet.getCell(row, PLAN.columns.status).value = statuses[k]));
    }
    await workbook.xlsx.writeFile(file);
    const [lo] = await Promise.all(recalcLibreOffice([file], path.join(dir, "plan-lo")).map(readValues));
    const gn = await readValues(recalcGnumeric(file, path.join(dir, "plan-gn")));
    const want = [1, 2, 3, 4].map((n) => planCompletion(marks[n] ?? items.map(() => notStarted), items.length) ?? "");
    expect(want.slice(0, 3)).toEqual([3 / 16, "", 1 / 18]);
    for (const values of [lo, gn]) {
      const got = [1, 2, 3, 4].map((n) => values.get(`Fase ${n}`)?.get(`B${PLAN.completionRow}`) ?? "");
      got.forEach((g, k) => expect([k + 1, sameValue(g, want[k])]).toEqual([k + 1, true]));
    }
  }, 300_000);
});
