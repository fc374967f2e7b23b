/**
 * The Departments / Áreas sheet's own words (product.md 13), apart from labels.ts so each sheet's
 * builder keeps its words. The seed's strings (headings, strategy items, tools, KPI lines) come
 * from departments.ts; these are the sheet's frame around them.
 */
import type { Language } from "../catalog";

export interface DepartmentsLabels {
  /** The seed section's heading in Spanish, its translation in English. */
  readonly title: string;
  /** Two lines, naming the Tracking and Channels sheets by their names in the workbook. */
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
        `Each function's two blocks as the seed states them: strategy, tools and four KPIs. Type a KPI's months in its yellow cells; uptime and automation rate are ${tracking}'s rows (typed there), the channel KPIs come from the ${channels} sheet.`,
        "Value and flag are the dashboard's reporting month's, judged against the target by the band rule (10%); a blank month has none. A function's level is its worst KPI flag. Reductions: baseline and monthly value, change computed; per-year counts: the last 12 months (the first year scaled to a year).",
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
        `Los dos bloques de cada función como los plantea la semilla: estrategia, herramientas y cuatro KPI. Escriba los meses de un KPI en sus celdas amarillas; uptime y automation rate son filas de ${tracking} (se escriben allí), los KPI de canales vienen de la hoja ${channels}.`,
        "Valor y alerta son los del mes de reporte del panel, frente al objetivo con la regla de la banda (10%); un mes en blanco no tiene. El nivel de una función es la peor alerta de sus KPI. Reducciones: línea base y valor mensual, el cambio se calcula; cantidades por año: los últimos 12 meses (el primer año, llevado a un año).",
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
