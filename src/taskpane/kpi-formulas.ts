/**
 * The formula builder's department KPIs (product.md 13): the KPIs by function with their words in
 * the pane's language ("Win rate: 40%"), and the SCALE.RISK, GAP and TARGET formulas for one. The
 * id is written, not a name: ids are the same in English and Spanish Excel. The value is the seed's
 * target and the phase is left empty, as a KPI is judged the same in every phase, so every formula
 * is one the functions take (test/taskpane/kpi-formulas.test.ts evaluates them all).
 */
import type { Language } from "../core/catalog";
import { departmentKpi } from "../core/department-kpis";
import { DEPARTMENTS, kpiWords } from "../core/departments";
import { FormulaArg, OMITTED } from "./formula-text";

export type KpiFunction = "RISK" | "GAP" | "TARGET";
export const KPI_FUNCTIONS: readonly KpiFunction[] = ["RISK", "GAP", "TARGET"];

export interface KpiGroup {
  /** The function's name: "Ventas". */
  readonly name: string;
  readonly kpis: readonly { readonly id: string; readonly label: string }[];
}

export function kpiGroups(language: Language): KpiGroup[] {
  return DEPARTMENTS.map((d) => ({
    name: d.name[language],
    kpis: d.blocks.flatMap((b) =>
      b.kpis.map((k) => ({ id: k.id, label: kpiWords(k, language) })),
    ),
  }));
}

/** `fn`'s arguments for the KPI `id`: its target as the value, the phase left empty. */
export function kpiArguments(fn: KpiFunction, id: string): FormulaArg[] {
  const { target } = departmentKpi(id)!;
  if (fn === "RISK") return [id, target];
  if (fn === "GAP") return [id, target, OMITTED];
  return [id, OMITTED];
}
