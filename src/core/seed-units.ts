/**
 * Units the department KPIs and the tools' expected impacts need beyond the timeline's
 * (catalog.ts UNITS, which they reuse wherever one fits): "Performance: <200ms", "Sales cycle:
 * 45 días", "Time saved: 40 horas/semana", "Innovation index: 8/10". Kept out of catalog.ts so
 * the functions bundle (at most 40 KB) carries them only if a function needs them.
 */
import type { Unit, UnitInfo } from "./catalog";

export type ExtraUnit = "milliseconds" | "days" | "hours" | "score_0_10";
export type SeedUnit = Unit | ExtraUnit;

export interface SeedUnitInfo extends Omit<UnitInfo, "id"> {
  readonly id: SeedUnit;
}

export const EXTRA_UNITS: Readonly<Record<ExtraUnit, SeedUnitInfo>> = {
  milliseconds: {
    id: "milliseconds",
    label: { en: "milliseconds", es: "milisegundos" },
    min: 0,
    max: Infinity,
    numberFormat: '#,##0" ms"',
  },
  days: {
    id: "days",
    label: { en: "days", es: "días" },
    min: 0,
    max: Infinity,
    numberFormat: "#,##0",
  },
  hours: {
    id: "hours",
    label: { en: "hours", es: "horas" },
    min: 0,
    max: Infinity,
    numberFormat: "#,##0",
  },
  score_0_10: {
    id: "score_0_10",
    label: { en: "score 0..10", es: "puntuación 0..10" },
    min: 0,
    max: 10,
    numberFormat: "0.0",
  },
};
