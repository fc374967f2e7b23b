/** The template's sheet names in each language (a small module: the pane's first screen reads it). */
import type { Language } from "../catalog";
import type { SheetKey } from "./types";

export const SHEET_NAMES: Readonly<
  Record<Language, Readonly<Record<SheetKey, string>>>
> = {
  en: {
    dashboard: "Scale Dashboard",
    board: "Board",
    tracking: "Tracking",
    budget: "Budget",
    departments: "Departments",
    channels: "Channels",
    phase1: "Phase 1",
    phase2: "Phase 2",
    phase3: "Phase 3",
    phase4: "Phase 4",
    thresholds: "Thresholds",
    risks: "Risks",
    tools: "Tools",
  },
  es: {
    dashboard: "Panel de escalamiento",
    board: "Resumen",
    tracking: "Seguimiento",
    budget: "Presupuesto",
    departments: "Áreas",
    channels: "Canales",
    phase1: "Fase 1",
    phase2: "Fase 2",
    phase3: "Fase 3",
    phase4: "Fase 4",
    thresholds: "Umbrales",
    risks: "Riesgos",
    tools: "Herramientas",
  },
};

/**
 * Whether `name` is a template sheet's default name in either language, as an insert gives it
 * ("Tracking", "Seguimiento", "Tracking (2)" where the name was taken); any case.
 */
export function isDefaultSheetName(name: string, key: SheetKey): boolean {
  const base = name.replace(/ \(\d+\)$/, "").toLowerCase();
  return Object.values(SHEET_NAMES).some((n) => n[key].toLowerCase() === base);
}
