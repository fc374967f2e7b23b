/**
 * The formula builder's department KPIs (product.md 13): every KPI offered, in the pane's
 * language, and every formula it writes for SCALE.RISK, SCALE.GAP and SCALE.TARGET is one the
 * functions take: evaluated here with the functions themselves, an empty argument passed as Excel
 * passes it (null on the web, 0 on desktop).
 */
import { DEPARTMENT_KPIS } from "../../src/core/department-kpis";
import { gap, risk, target } from "../../src/functions/functions";
import { isExcelError } from "../../src/functions/errors";
import { FormulaArg, OMITTED, formulaText } from "../../src/taskpane/formula-text";
import { KPI_FUNCTIONS, KpiFunction, kpiArguments, kpiGroups } from "../../src/taskpane/kpi-formulas";

/** What Excel hands the function for each argument; an empty one is `empty`. */
function call(fn: KpiFunction, args: readonly FormulaArg[], empty: null | 0) {
  const [id, ...rest] = args.map((a) => (a === OMITTED ? empty : a)) as (string | number | null)[];
  if (fn === "RISK") return risk([[id]], [[rest[0]]], rest[1]);
  if (fn === "GAP") return gap([[id]], [[rest[0]]], rest[1], rest[2], rest[3] as never);
  return target([[id]], rest[0], rest[1] as never);
}

test("the 32 KPIs are offered once each, grouped by function, in the pane's language", () => {
  for (const language of ["en", "es"] as const) {
    const offered = kpiGroups(language).flatMap((g) => g.kpis.map((k) => k.id));
    expect(offered.sort()).toEqual(DEPARTMENT_KPIS.map((k) => k.id).sort());
  }
  expect(kpiGroups("es").map((g) => g.name)).toEqual(["Producto", "Marketing", "Ventas", "Operaciones"]);
  expect(kpiGroups("en").map((g) => g.name)).toEqual(["Product", "Marketing", "Sales", "Operations"]);
  const sales = (language: "en" | "es") => kpiGroups(language)[2].kpis;
  expect(sales("en").find((k) => k.id === "sales.cycle_days")?.label).toBe("Sales cycle: 45 days");
  expect(sales("es").find((k) => k.id === "sales.cycle_days")?.label).toBe("Sales cycle: 45 días");
});

test("every formula written for a KPI is one the functions take, on the web and on desktop", () => {
  for (const k of DEPARTMENT_KPIS)
    for (const fn of KPI_FUNCTIONS)
      for (const empty of [null, 0] as const) {
        const [[result]] = call(fn, kpiArguments(fn, k.id), empty);
        expect([k.id, fn, isExcelError(result) ? result.message : "taken"]).toEqual([k.id, fn, "taken"]);
      }
});

test("SCALE.RISK, GAP and TARGET for the win rate, as English and Spanish Excel show them", () => {
  const texts = (syntax: "en" | "es") => KPI_FUNCTIONS.map((fn) => formulaText(`SCALE.${fn}`, kpiArguments(fn, "sales.win_rate"), syntax));
  expect(texts("en")).toEqual(['=SCALE.RISK("sales.win_rate", 0.4)', '=SCALE.GAP("sales.win_rate", 0.4, )', '=SCALE.TARGET("sales.win_rate", )']);
  expect(texts("es")).toEqual(['=SCALE.RISK("sales.win_rate"; 0,4)', '=SCALE.GAP("sales.win_rate"; 0,4; )', '=SCALE.TARGET("sales.win_rate"; )']);
});
