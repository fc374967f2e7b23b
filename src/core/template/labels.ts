/** Every word the template shows, in English and Spanish. Workbook names and flag values never change. */
import { Language, PhaseNumber } from "../catalog";
import { SheetKey } from "./types";

export interface TemplateLabels {
  readonly sheets: Readonly<Record<SheetKey, string>>;
  readonly metric: string;
  readonly indicator: string;
  readonly unit: string;
  readonly better: string;
  readonly higher: string;
  readonly lower: string;
  readonly latest: string;
  readonly target: string;
  readonly threshold: string;
  readonly rule: string;
  readonly gap: string;
  readonly flag: string;
  readonly source: string;
  readonly company: string;
  readonly currentPhase: string;
  readonly nextPhase: string;
  readonly currentValue: string;
  readonly nextTarget: string;
  readonly gapToNext: string;
  readonly progress: string;
  readonly meets: string;
  readonly risk: string;
  readonly level: string;
  readonly chartTitle: string;
  readonly phaseTitle: (
    n: PhaseNumber,
    name: string,
    horizon: string,
  ) => string;
  readonly phaseNote: string;
  readonly risksTitle: string;
  readonly thresholdsNote: string;
  readonly dashboardNote: string;
  readonly validation: (name: string, unit: string) => string;
  readonly months: readonly string[];
}

const EN: TemplateLabels = {
  sheets: {
    dashboard: "Scale Dashboard",
    thresholds: "Thresholds",
    phase1: "Phase 1",
    phase2: "Phase 2",
    phase3: "Phase 3",
    phase4: "Phase 4",
    risks: "Risks",
  },
  metric: "Metric",
  indicator: "Indicator",
  unit: "Unit",
  better: "Better",
  higher: "higher",
  lower: "lower",
  latest: "Latest",
  target: "Target",
  threshold: "Threshold",
  rule: "Rule",
  gap: "Gap",
  flag: "Flag",
  source: "Source (seed section)",
  company: "Company",
  currentPhase: "Current phase",
  nextPhase: "Next phase",
  currentValue: "Current value",
  nextTarget: "Next-phase target",
  gapToNext: "Gap to next phase",
  progress: "% of target",
  meets: "Meets",
  risk: "Risk",
  level: "Level",
  chartTitle: "Actual as % of next-phase target",
  phaseTitle: (n, name, horizon) => `Phase ${n}: ${name} (${horizon})`,
  phaseNote:
    "One value per month. Percentages as fractions (5% = 0.05); churn, MRR growth and customer growth are monthly. Flags judge the latest month.",
  risksTitle: "Scaling risks",
  thresholdsNote:
    "Edit a threshold here and every flag and the dashboard follow.",
  dashboardNote:
    "Current value = latest month on the most advanced phase sheet that has one. Phase = highest phase whose targets all current values meet.",
  validation: (name, unit) => `${name}: enter a number (${unit}).`,
  months: [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ],
};

const ES: TemplateLabels = {
  sheets: {
    dashboard: "Panel de escalamiento",
    thresholds: "Umbrales",
    phase1: "Fase 1",
    phase2: "Fase 2",
    phase3: "Fase 3",
    phase4: "Fase 4",
    risks: "Riesgos",
  },
  metric: "Métrica",
  indicator: "Indicador",
  unit: "Unidad",
  better: "Mejor",
  higher: "mayor",
  lower: "menor",
  latest: "Último",
  target: "Objetivo",
  threshold: "Umbral",
  rule: "Regla",
  gap: "Brecha",
  flag: "Alerta",
  source: "Fuente (sección del documento)",
  company: "Empresa",
  currentPhase: "Fase actual",
  nextPhase: "Siguiente fase",
  currentValue: "Valor actual",
  nextTarget: "Objetivo de la siguiente fase",
  gapToNext: "Brecha a la siguiente fase",
  progress: "% del objetivo",
  meets: "Cumple",
  risk: "Riesgo",
  level: "Nivel",
  chartTitle: "Real como % del objetivo de la siguiente fase",
  phaseTitle: (n, name, horizon) => `Fase ${n}: ${name} (${horizon})`,
  phaseNote:
    "Un valor por mes. Porcentajes como fracciones (5% = 0,05); churn y crecimientos son mensuales. Las alertas juzgan el último mes.",
  risksTitle: "Riesgos de escalamiento",
  thresholdsNote:
    "Edita un umbral aquí y todas las alertas y el panel lo siguen.",
  dashboardNote:
    "Valor actual = último mes en la fase más avanzada que lo tenga. Fase = la más alta cuyos objetivos cumplen todos los valores actuales.",
  validation: (name, unit) => `${name}: introduce un número (${unit}).`,
  months: [
    "ene",
    "feb",
    "mar",
    "abr",
    "may",
    "jun",
    "jul",
    "ago",
    "sep",
    "oct",
    "nov",
    "dic",
  ],
};

export const TEMPLATE_LABELS: Readonly<Record<Language, TemplateLabels>> = {
  en: EN,
  es: ES,
};
