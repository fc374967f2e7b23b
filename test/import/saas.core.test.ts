/** The importer reads the SaaS measures of product.md 12 by their ids, English and Spanish names and the spellings finance exports use. */
import { SAAS_MEASURES } from "../../src/core/catalog";
import { TableRow, importActuals, measureNamed } from "../../src/core/importer";
import { resolve } from "../../src/core/lookup";

const rows = (lines: string[], sep = ","): TableRow[] => lines.map((l, i) => ({ line: i + 1, cells: l.split(sep) }));
const read = (lines: string[], sep = ",") => {
  const r = importActuals(rows(lines, sep), { months: 24, decimalComma: sep === ";" });
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.values.map((v) => [v.row.key, v.month, v.value]);
};

test("an English export: the movements, net new MRR typed over its formula, NRR, GRR, the efficiency rows", () => {
  expect(
    read([
      "KPI,Jan 2026,Feb 2026",
      "New MRR,6000,6500",
      "Expansion MRR,2000,",
      "Contraction MRR,1000,900",
      "Churned MRR,2000,2100",
      "Net new MRR,5000,",
      "NRR 12m,1.08,",
      "Gross revenue retention,0.91,",
      "SaaS quick ratio,2.7,",
      "CAC payback,11.5,",
      "Burn multiple,1.2,",
      "YoY ARR growth,0.6,",
      "EBITDA margin,-0.25,-0.2",
      "Rule of 40,0.35,",
    ]),
  ).toEqual([
    ["new_mrr", 1, 6000],
    ["new_mrr", 2, 6500],
    ["expansion_mrr", 1, 2000],
    ["contraction_mrr", 1, 1000],
    ["contraction_mrr", 2, 900],
    ["churned_mrr", 1, 2000],
    ["churned_mrr", 2, 2100],
    ["net_new_mrr", 1, 5000],
    ["nrr_12m", 1, 1.08],
    ["grr_12m", 1, 0.91],
    ["quick_ratio", 1, 2.7],
    ["cac_payback", 1, 11.5],
    ["burn_multiple", 1, 1.2],
    ["arr_growth_yoy", 1, 0.6],
    ["profit_margin", 1, -0.25],
    ["profit_margin", 2, -0.2],
    ["rule_of_40", 1, 0.35],
  ]);
});

test("a Spanish export (semicolons, decimal commas): the Spanish names and spellings", () => {
  expect(
    read(
      [
        "Métrica;ene-26",
        "MRR nuevo;6000",
        "MRR de expansión;2000",
        "MRR de contracción;1000",
        "MRR cancelado;2000",
        "MRR neto nuevo;5000",
        "Churn de ingresos;0,03",
        "Retención neta mensual (NRR);0,99",
        "NRR anual;1,08",
        "Retención bruta;0,91",
        "Recuperación del CAC (meses);11,5",
        "Múltiplo de quema;1,2",
        "Crecimiento interanual del ARR;0,6",
        "Margen EBITDA;-0,25",
        "Regla del 40;0,35",
        "Conciliación del MRR;0",
      ],
      ";",
    ),
  ).toEqual([
    ["new_mrr", 1, 6000],
    ["expansion_mrr", 1, 2000],
    ["contraction_mrr", 1, 1000],
    ["churned_mrr", 1, 2000],
    ["net_new_mrr", 1, 5000],
    ["revenue_churn", 1, 0.03],
    ["nrr", 1, 0.99],
    ["nrr_12m", 1, 1.08],
    ["grr_12m", 1, 0.91],
    ["cac_payback", 1, 11.5],
    ["burn_multiple", 1, 1.2],
    ["arr_growth_yoy", 1, 0.6],
    ["profit_margin", 1, -0.25],
    ["rule_of_40", 1, 0.35],
    ["mrr_reconciliation", 1, 0],
  ]);
});

test("every id, name and alias of a SaaS measure reads as it, and none is a spelling of what SCALE.* take (no row silently lands elsewhere)", () => {
  const wrong: string[] = [];
  for (const m of SAAS_MEASURES)
    for (const spelling of [m.id, m.name.en, m.name.es, ...m.aliases]) {
      const found = measureNamed(spelling);
      if (typeof found === "string" || found.id !== m.id) wrong.push(`${spelling}: ${typeof found === "string" ? found : found.id}, not ${m.id}`);
      if (resolve(spelling).kind !== "unknown") wrong.push(`${spelling} is also a spelling of ${JSON.stringify(resolve(spelling))}`);
    }
  expect(wrong).toEqual([]);
  // The aliases the issue names.
  expect(["Expansion MRR", "MRR de expansión", "Net new MRR"].map((s) => (measureNamed(s) as { id: string }).id)).toEqual(["expansion_mrr", "expansion_mrr", "net_new_mrr"]);
});

test("a label close to a SaaS measure is listed with it; movements below 0 are refused with the line", () => {
  const r = importActuals(rows(["metric,month,value", "Expansoin MRR,1,2000", "Churned MRR,1,-5"]), { months: 24 });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.unknown.map((u) => [u.label, u.suggestions.includes("expansion_mrr")])).toEqual([["Expansoin MRR", true]]);
  expect(r.errors).toContain("line 3: churned_mrr must be at least 0; got -5.");
});
