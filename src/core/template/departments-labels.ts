/**
 * The Departments / Áreas sheet's own words (product.md 13), apart from labels.ts so each sheet's
 * builder keeps its words. The seed's strings (headings, strategy items, tools, KPI lines) come
 * from departments.ts; these are the sheet's frame around them.
 */
import type { Language } from "../catalog";

export interface DepartmentsLabels {
  /** The seed section's heading in Spanish, its translation in English. */
  readonly title: string;
  /** Short lines (they print beside the frozen columns), naming the Tracking and Channels sheets by their names in the workbook. */
  readonly note: (tracking: string, channels: string) => readonly string[];
  readonly kpi: string;
  readonly baseline: string;
  readonly strategyHeader: string;
  readonly toolsHeader: string;
  /** The seed's sub-headings above a block's lists, as it writes them. */
  readonly strategy: string;
  readonly tools: string;
  readonly channels: string;
  readonly metrics: string;
  /** A change KPI's typed row: "Error reduction: measured value". */
  readonly measured: (label: string) => string;
  /** A per-year KPI's typed row: "New features: count this month". */
  readonly monthCount: (label: string) => string;
  /** The unit of a change KPI's measured value. */
  readonly asBaseline: string;
  /** The unit of a per-year KPI's judged row. */
  readonly perYear: string;
}

export const DEPARTMENTS_LABELS: Readonly<Record<Language, DepartmentsLabels>> =
  {
    en: {
      title: "Scaling strategies by function",
      note: (tracking, channels) => [
        "Type each KPI's months in the yellow cells; grey cells",
        "are computed: uptime and automation rate come from",
        `${tracking}, the channel KPIs from ${channels}.`,
        "Value and flag: the reporting month's, band rule (10%).",
        "A function's level: the worst flag of its KPIs.",
      ],
      kpi: "KPI (the seed's target)",
      baseline: "Baseline",
      strategyHeader: "Strategy",
      toolsHeader: "Tools or channels",
      strategy: "STRATEGY:",
      tools: "TOOLS:",
      channels: "CHANNELS:",
      metrics: "METRICS:",
      measured: (label) => `${label}: measured value`,
      monthCount: (label) => `${label}: count this month`,
      asBaseline: "as the baseline",
      perYear: "count, last 12 months",
    },
    es: {
      title: "Estrategias de Escalamiento por Función",
      note: (tracking, channels) => [
        "Escriba los meses de cada KPI en las celdas amarillas;",
        "las grises se calculan: uptime y automation rate vienen de",
        `${tracking}, los KPI de canales de ${channels}.`,
        "Valor y alerta: mes de reporte, regla de la banda (10%).",
        "Nivel de una función: la peor alerta de sus KPI.",
      ],
      kpi: "KPI (objetivo de la semilla)",
      baseline: "Línea base",
      strategyHeader: "Estrategia",
      toolsHeader: "Herramientas o canales",
      strategy: "ESTRATEGIA:",
      tools: "HERRAMIENTAS:",
      channels: "CANALES:",
      metrics: "MÉTRICAS:",
      measured: (label) => `${label}: valor medido`,
      monthCount: (label) => `${label}: cantidad del mes`,
      asBaseline: "como la línea base",
      perYear: "cantidad, últimos 12 meses",
    },
  };
