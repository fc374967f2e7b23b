/**
 * The Tools sheet computed (product.md 13, third bullet): a company fills some categories, and
 * HyperFormula, then LibreOffice and Gnumeric after recalculating the exported file, give the
 * change and flag of each figure as worked out by hand from product.md 4 (the band rule against
 * the seed's number), no flag on a vendor's claim, blanks where a value is missing, and the total
 * monthly cost, on the Tools sheet and on the dashboard.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Cell } from "../../src/core/cell";
import { NAMES, WorkbookSpec, cellPosition, describeWorkbook } from "../../src/core/template";
import { cell, onSheet } from "../../src/core/template/formulas";
import { TOOLS } from "../../src/core/template/tools-layout";
import JSZip from "jszip";
import { worksheetPaths } from "../../src/xlsx/chart";
import { writeWorkbook } from "../../src/xlsx/write";
import { describeWith } from "../engines/engines";
import { loadWorkbook } from "../support/hf-workbook";
import { Values, readValues, recalcGnumeric, recalcLibreOffice } from "../support/recalculated";

/** What the company typed, by the input's name. */
const TYPED: Record<string, NonNullable<Cell>> = {
  [NAMES.tool("marketing_automation", "InUse")]: "HubSpot Enterprise",
  [NAMES.tool("marketing_automation", "MonthlyCost")]: 3_200,
  [NAMES.tool("customer_success_automation", "InUse")]: "Vitally",
  [NAMES.tool("customer_success_automation", "MonthlyCost")]: 1_500,
  [NAMES.tool("infrastructure_scaling", "MonthlyCost")]: 12_000,
  // Text in a cost cell adds nothing (a pasted value skips the validation): never an error.
  [NAMES.tool("team_scaling", "MonthlyCost")]: "n/a",
  [NAMES.toolImpact("marketing_automation.automation_rate", "Baseline")]: 0.5,
  [NAMES.toolImpact("marketing_automation.automation_rate", "Current")]: 0.895,
  [NAMES.toolImpact("marketing_automation.time_saved_hours", "Baseline")]: 0,
  [NAMES.toolImpact("marketing_automation.time_saved_hours", "Current")]: 41,
  [NAMES.toolImpact("marketing_automation.conversion_improvement", "Baseline")]: 0.02,
  [NAMES.toolImpact("marketing_automation.conversion_improvement", "Current")]: 0.0246,
  [NAMES.toolImpact("customer_success_automation.churn_reduction", "Baseline")]: 0.05,
  [NAMES.toolImpact("customer_success_automation.churn_reduction", "Current")]: 0.035,
  [NAMES.toolImpact("customer_success_automation.satisfaction_increase", "Baseline")]: 4,
  [NAMES.toolImpact("customer_success_automation.satisfaction_increase", "Current")]: 5.2,
  [NAMES.toolImpact("customer_success_automation.retention_improvement", "Baseline")]: 0.8,
  [NAMES.toolImpact("business_intelligence.data_accuracy", "Current")]: 0.99,
  // Uptime's and response time's current values are not typed here: Tracking and Departments hold them (ACTUALS).
  [NAMES.toolImpact("infrastructure_scaling.uptime", "Baseline")]: 0.999,
  [NAMES.toolImpact("infrastructure_scaling.response_time_ms", "Baseline")]: 180,
  [NAMES.toolImpact("infrastructure_scaling.cost_efficiency", "Baseline")]: 0,
  [NAMES.toolImpact("infrastructure_scaling.cost_efficiency", "Current")]: 100,
  [NAMES.toolImpact("team_scaling.satisfaction", "Baseline")]: 3.5,
  [NAMES.toolImpact("team_scaling.satisfaction", "Current")]: 3.9,
};

/**
 * Uptime typed on Tracking and response time on the Departments sheet (operations' KPI), months 2
 * and 3; the reporting month is the last month with data on Tracking, month 3 (product.md 6.7).
 */
const ACTUALS = [
  { key: "uptime", month: 2, value: 0.95 },
  { key: "uptime", month: 3, value: 0.999895 },
  { key: "operations.response_time_ms", month: 2, value: 300 },
  { key: "operations.response_time_ms", month: 3, value: 100 },
];
/** The current values the Tools sheet reads from them, as of the reporting month (product.md 13: typed once). */
const READ_CURRENT: Record<string, number> = {
  "infrastructure_scaling.uptime": 0.999895,
  "infrastructure_scaling.response_time_ms": 100,
};

/**
 * Change and flag per figure, by hand from product.md 4: the band is 10% of the target, for a
 * fraction that cannot pass 100% (a reduction, a percentage level) 10% of the smaller of the target
 * and its distance to 100%. A change figure is judged on its change, a level figure on its current
 * value; a level's change is current - baseline (percentage points for a percentage).
 */
const ORACLE: Record<string, { change: number | ""; flag: string }> = {
  // Level 90%: band 10% x min(90%, 10%) = 1 point, WATCH from 89%: 89.5% is WATCH; 89.5 - 50 = 39.5 pp.
  "marketing_automation.automation_rate": { change: 39.5, flag: "WATCH" },
  // Level 40 hours: 41 is OK; 41 - 0 = 41 hours.
  "marketing_automation.time_saved_hours": { change: 41, flag: "OK" },
  // Increase 25%: (2.46% - 2%) / 2% = 23%; band 2.5 points, WATCH from 22.5%: WATCH.
  "marketing_automation.conversion_improvement": { change: 0.23, flag: "WATCH" },
  // Reduction 40%: (5% - 3.5%) / 5% = 30%; band 10% x min(40%, 60%) = 4 points, WATCH from 36%: RISK.
  "customer_success_automation.churn_reduction": { change: 0.3, flag: "RISK" },
  // Increase 30%: (5.2 - 4) / 4 = 30%, the target itself: OK.
  "customer_success_automation.satisfaction_increase": { change: 0.3, flag: "OK" },
  // No current value: blank.
  "customer_success_automation.retention_improvement": { change: "", flag: "" },
  // Level 99%, no baseline: judged on the current value, OK; no change.
  "business_intelligence.data_accuracy": { change: "", flag: "OK" },
  // Level 99.99%: band 10% x 0.01 points, WATCH from 99.989%: 99.9895% is WATCH; 99.9895 - 99.9 = 0.0895 pp.
  "infrastructure_scaling.uptime": { change: 0.0895, flag: "WATCH" },
  // "< 100 ms": 100 itself misses; band 10 ms, WATCH up to 110: WATCH; 100 - 180 = -80 ms.
  "infrastructure_scaling.response_time_ms": { change: -80, flag: "WATCH" },
  // A baseline of 0 has no relative change: blank, no flag.
  "infrastructure_scaling.cost_efficiency": { change: "", flag: "" },
  // Level 4.5 of 5: band 0.45, WATCH from 4.05: 3.9 is RISK; 3.9 - 3.5 = 0.4.
  "team_scaling.satisfaction": { change: 0.4, flag: "RISK" },
};
const TOTAL = 3_200 + 1_500 + 12_000;
const CLAIMS = ["marketing_automation", "sales_automation", "customer_success_automation", "business_intelligence", "predictive_analytics"];

/** The description with the company's values typed where the names point. */
function typedSpec(spec: WorkbookSpec): WorkbookSpec {
  const at = new Map(Object.entries(TYPED).map(([name, value]) => [spec.names.find((n) => n.name === name)!.ref.replace(/\$/g, ""), value]));
  return {
    ...spec,
    sheets: spec.sheets.map((s) =>
      s.key !== "tools" ? s : { ...s, cells: s.cells.map((c) => (at.has(c.ref) ? { ...c, value: at.get(c.ref)! } : c)) },
    ),
  };
}

type Read = (sheet: string, ref: string) => unknown;

const near = (got: unknown, want: number | string) =>
  typeof want === "number" ? typeof got === "number" && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)) : (got ?? "") === want;

/** Every difference from the oracle, as "what: got, want". */
function mismatches(spec: WorkbookSpec, read: Read): string[] {
  const sheet = (key: string) => spec.sheets.find((s) => s.key === key)!.name;
  const rowOf = (name: string) => cellPosition(spec.names.find((n) => n.name === name)!.ref.replace(/\$/g, "")).row;
  const F = TOOLS.figures;
  const wrong: string[] = [];
  const check = (what: string, got: unknown, want: number | string) => {
    if (!near(got, want)) wrong.push(`${what}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  for (const [id, want] of Object.entries(ORACLE)) {
    const row = rowOf(NAMES.toolImpact(id, "Baseline"));
    check(`${id} change`, read(sheet("tools"), cell(F.change, row)), want.change);
    check(`${id} flag`, read(sheet("tools"), cell(F.flag, row)), want.flag);
  }
  // A vendor's claim: no flag. Its row is the category's fourth.
  for (const [id, want] of Object.entries(READ_CURRENT)) check(`${id} current`, read(sheet("tools"), cell(F.current, rowOf(NAMES.toolImpact(id, "Baseline")))), want);
  for (const c of CLAIMS) check(`${c}.roi flag`, read(sheet("tools"), cell(F.flag, TOOLS.itemRow(c, 3))), "");
  const total = spec.names.find((n) => n.name === NAMES.toolsMonthlyCost)!;
  check("total monthly cost", read(sheet("tools"), total.ref.replace(/\$/g, "")), TOTAL);
  const onDashboard = spec.sheets
    .find((s) => s.key === "dashboard")!
    .cells.find((c) => c.formula?.includes(total.ref) && c.formula.includes(sheet("tools")))!;
  check("dashboard's monthly tools cost", read(sheet("dashboard"), onDashboard.ref), TOTAL);
  return wrong;
}

/** Formula cells on the Tools sheet that computed an error. */
function errors(spec: WorkbookSpec, read: Read): string[] {
  const tools = spec.sheets.find((s) => s.key === "tools")!;
  return tools.cells.filter((c) => c.formula !== undefined).flatMap((c) => {
    const v = read(tools.name, c.ref);
    return typeof v === "object" && v !== null ? [`${c.ref}: ${JSON.stringify(v)}`] : [];
  });
}

const cases = (["en", "es"] as const).map((language) => ({
  language,
  spec: typedSpec(describeWorkbook({ language, company: "Toolful", currency: "USD", firstMonth: "2025-01", months: 12, actuals: ACTUALS })),
}));

describe("the Tools sheet in HyperFormula", () => {
  test.each(cases)("$language: changes and flags by the band rule, claims unflagged, the total monthly cost on the sheet and the dashboard", ({ spec }) => {
    const hf = loadWorkbook(spec);
    const read: Read = (sheet, ref) => hf.value(sheet, ref);
    expect(mismatches(spec, read)).toEqual([]);
    expect(errors(spec, read)).toEqual([]);
  });

  test("uptime's and response time's current values follow Tracking and the Departments sheet to the reporting month; a number typed over one replaces it (a rebuild's carried value)", () => {
    const uptime = NAMES.toolImpact("infrastructure_scaling.uptime", "Current");
    const response = NAMES.toolImpact("infrastructure_scaling.response_time_ms", "Current");
    const at = (spec: WorkbookSpec, name: string) => {
      const ref = spec.names.find((n) => n.name === name)!.ref.replace(/\$/g, "");
      return { sheet: spec.sheets.find((s) => s.key === "tools")!.name, ref, flag: cell(TOOLS.figures.flag, cellPosition(ref).row) };
    };
    const options = { language: "en" as const, company: "Toolful", currency: "USD", firstMonth: "2025-01", months: 12 };
    // The reporting month typed as month 2 (February 2025): 95% uptime, RISK against 99.99%; 300 ms, RISK against < 100 ms.
    const spec = describeWorkbook({ ...options, actuals: ACTUALS, settings: { reportingMonth: "2025-02" } });
    const february = loadWorkbook(spec);
    for (const [name, want] of [[uptime, 0.95], [response, 300]] as const) {
      const c = at(spec, name);
      expect([february.value(c.sheet, c.ref), february.value(c.sheet, c.flag)]).toEqual([want, "RISK"]);
    }
    // No reporting month's number: blank, no flag.
    const empty = describeWorkbook(options);
    const hfEmpty = loadWorkbook(empty);
    const c = at(empty, uptime);
    expect([hfEmpty.value(c.sheet, c.ref), hfEmpty.value(c.sheet, c.flag)]).toEqual(["", ""]);
    // 99.995% typed over uptime's current (a rebuild places the carried number): judged, OK.
    const typed = describeWorkbook({ ...options, actuals: ACTUALS, settings: { cells: new Map([[uptime, 0.99995]]) } });
    const t = at(typed, uptime);
    const hfTyped = loadWorkbook(typed);
    expect([hfTyped.value(t.sheet, t.ref), hfTyped.value(t.sheet, t.flag)]).toEqual([0.99995, "OK"]);
  });

  test("the plan's next step 'Put scaling tools in place' points at the Tools sheet", () => {
    for (const { spec, language } of cases) {
      const hf = loadWorkbook(spec);
      const dashboard = spec.sheets.find((s) => s.key === "dashboard")!;
      const tools = spec.sheets.find((s) => s.key === "tools")!.name;
      const step = dashboard.cells.find((c) => c.value === (language === "es" ? "Implementar herramientas de escalamiento" : "Put scaling tools in place"))!;
      const link = dashboard.cells.find((c) => c.formula?.startsWith("HYPERLINK(") && cellPosition(c.ref).row === cellPosition(step.ref).row)!;
      expect(link.formula).toContain(`"#${onSheet(tools, "A1")}"`);
      expect(hf.value(dashboard.name, link.ref)).toEqual(expect.stringContaining(tools));
    }
  });
});

test("the exported file's tool-in-use lists let another name through (errorStyle information); the status list stops other words", async () => {
  const { spec } = cases[0];
  const zip = await JSZip.loadAsync(await writeWorkbook(spec));
  const sheetPath = (await worksheetPaths(zip)).get(spec.sheets.find((s) => s.key === "tools")!.name)!;
  const xml = await zip.file(sheetPath)!.async("string");
  const validationOf = (name: string) => {
    const ref = spec.names.find((n) => n.name === name)!.ref.replace(/\$/g, "");
    const { col, row } = cellPosition(ref);
    const covers = (area: string) => {
      const [from, to = from] = area.split(":").map(cellPosition);
      return col >= from.col && col <= to.col && row >= from.row && row <= to.row;
    };
    return [...xml.matchAll(/<dataValidation [^>]*>/g)].map((m) => m[0]).find((tag) => /sqref="([^"]+)"/.exec(tag)![1].split(" ").some(covers));
  };
  expect(validationOf(NAMES.tool("team_scaling", "InUse"))).toMatch(/errorStyle="information"/);
  expect(validationOf(NAMES.tool("team_scaling", "Status"))).toBeDefined();
  expect(validationOf(NAMES.tool("team_scaling", "Status"))).not.toMatch(/errorStyle="information"/);
});

describeWith(["libreoffice", "gnumeric"], "the Tools sheet recalculated by LibreOffice and Gnumeric", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-tools-"));
  const files = cases.map((c) => path.join(dir, `tools-${c.language}.xlsx`));
  let libre: Values[] = [];
  let gnumeric: Values[] = [];
  const fromValues = (values: Values): Read => (sheet, ref) => values.get(sheet)?.get(ref) ?? null;

  beforeAll(async () => {
    for (const [i, c] of cases.entries()) fs.writeFileSync(files[i], await writeWorkbook(c.spec));
    libre = await Promise.all(recalcLibreOffice(files, path.join(dir, "lo")).map(readValues));
    gnumeric = await Promise.all(files.map((f) => readValues(recalcGnumeric(f, path.join(dir, "gnumeric")))));
  }, 600_000);

  test.each([0, 1])("case %i: the same changes, flags and totals in both engines, and no error", (i) => {
    for (const [engine, values] of [["LibreOffice", libre[i]], ["Gnumeric", gnumeric[i]]] as const) {
      const read = fromValues(values);
      expect({ engine, wrong: mismatches(cases[i].spec, read), errors: errors(cases[i].spec, read) }).toEqual({ engine, wrong: [], errors: [] });
    }
  });

  test("the next step's link shows its words in both engines", () => {
    for (const [i, c] of cases.entries()) {
      const dashboard = c.spec.sheets.find((s) => s.key === "dashboard")!;
      const link = dashboard.cells.find((x) => x.formula?.startsWith("HYPERLINK("))!;
      const tools = c.spec.sheets.find((s) => s.key === "tools")!.name;
      for (const values of [libre[i], gnumeric[i]]) expect(fromValues(values)(dashboard.name, link.ref)).toEqual(expect.stringContaining(tools));
    }
  });
});
