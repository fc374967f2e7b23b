/**
 * The Tools sheet's words (product.md 13, third bullet), in English and Spanish; the seed's
 * categories, tools, functionalities and figures come from core/tools.ts. The Spanish headings of
 * the seed's lists are its own words ("HERRAMIENTAS", "FUNCIONALIDADES", "MÉTRICAS").
 */
import type { Language } from "../catalog";

export interface ToolsLabels {
  readonly title: string;
  readonly note: string;
  /** The register: one row per category. */
  readonly category: string;
  readonly inUse: string;
  readonly owner: string;
  readonly monthlyCost: string;
  readonly renewal: string;
  readonly status: string;
  readonly total: string;
  readonly registerNote: string;
  /** The seed's lists and the expected-impact figures. */
  readonly tools: string;
  readonly functionalities: string;
  readonly metrics: string;
  readonly baseline: string;
  readonly current: string;
  readonly change: string;
  readonly target: string;
  readonly flag: string;
  /** Beside a vendor's ROI claim, where a figure has its inputs. */
  readonly claim: string;
  readonly notes: readonly string[];
  /** Below the notes: where the current values read from a month row come from (tools.ts currentFrom). */
  readonly readNote: (tracking: string, departments: string) => string;
  readonly statuses: readonly [string, string, string, string];
  readonly inUseMessage: string;
  readonly statusMessage: string;
  readonly costMessage: string;
  readonly dateMessage: string;
  /** The dashboard's line (dashboard.ts) and the next step's link to this sheet. */
  readonly dashboardHeader: string;
  readonly dashboardCost: string;
  readonly goTo: (sheet: string) => string;
}

export const TOOLS_LABELS: Readonly<Record<Language, ToolsLabels>> = {
  en: {
    title: "Scaling tools",
    note: "The framework's tools by category: the one you use, what it costs, and whether its expected impact shows.",
    category: "Category",
    inUse: "Tool in use",
    owner: "Owner",
    monthlyCost: "Monthly cost",
    renewal: "Renewal date",
    status: "Status",
    total: "Total monthly cost",
    registerNote:
      "Tool in use: pick one of the framework's four or type another name (the list suggests, it does not restrict).",
    tools: "TOOLS",
    functionalities: "FUNCTIONALITIES",
    metrics: "METRICS (expected impact)",
    baseline: "Baseline",
    current: "Current",
    change: "Change",
    target: "Target",
    flag: "Flag",
    claim: "Vendor's claim, not a target: never flagged.",
    notes: [
      "Baseline: the figure before the tool; Current: the figure now.",
      "A change figure (a reduction or an increase) is flagged on its change: (baseline - current) / baseline for a reduction,",
      "(current - baseline) / baseline for an increase. A level figure (accuracy 99%) is flagged on its current value; its change is current - baseline.",
      "Flags: OK at or past the target; WATCH within 10% of it (for a reduction or a percentage near 100%, of its distance to 100%); RISK beyond.",
      "Blank until both values are typed; a baseline of 0 or less has no change. An empty or 0 target switches the flag off.",
    ],
    readNote: (tracking, departments) =>
      `Uptime and response time (infrastructure): Current is the reporting month's uptime on ${tracking} and response time on ${departments}; type them there (a number typed here replaces it).`,
    statuses: ["Evaluating", "In use", "Up for renewal", "Cancelled"],
    inUseMessage:
      "Not one of the framework's four tools for this category. OK keeps the name you typed; Cancel takes it back.",
    statusMessage:
      "Pick a status: Evaluating, In use, Up for renewal or Cancelled.",
    costMessage: "Enter the monthly cost as a number of 0 or more.",
    dateMessage: "Enter a date.",
    dashboardHeader: "Scaling tools",
    dashboardCost: "Monthly cost",
    goTo: (sheet) => `Go to the ${sheet} sheet`,
  },
  es: {
    title: "Herramientas de Escalamiento",
    note: "Las herramientas del marco por categoría: la que usas, lo que cuesta y si se ve su impacto esperado.",
    category: "Categoría",
    inUse: "Herramienta en uso",
    owner: "Responsable",
    monthlyCost: "Coste mensual",
    renewal: "Fecha de renovación",
    status: "Estado",
    total: "Coste mensual total",
    registerNote:
      "Herramienta en uso: elige una de las cuatro del marco o escribe otro nombre (la lista sugiere, no restringe).",
    tools: "HERRAMIENTAS",
    functionalities: "FUNCIONALIDADES",
    metrics: "MÉTRICAS",
    baseline: "Línea base",
    current: "Actual",
    change: "Cambio",
    target: "Objetivo",
    flag: "Señal",
    claim: "Afirmación del proveedor, no un objetivo: nunca se señala.",
    notes: [
      "Línea base: la cifra antes de la herramienta; Actual: la cifra de ahora.",
      "Una cifra de cambio (una reducción o un aumento) se señala por su cambio: (base - actual) / base en una reducción,",
      "(actual - base) / base en un aumento. Una cifra de nivel (precisión 99%) se señala por su valor actual; su cambio es actual - base.",
      "Señales: OK al llegar al objetivo; WATCH a menos del 10% de él (en una reducción o un porcentaje cercano al 100%, de su distancia al 100%); RISK más allá.",
      "En blanco hasta escribir ambos valores; una base de 0 o menos no tiene cambio. Un objetivo vacío o 0 apaga la señal.",
    ],
    readNote: (tracking, departments) =>
      `Uptime y Response time (infraestructura): Actual es el uptime de ${tracking} y el tiempo de respuesta de ${departments} en el mes del informe; escríbelos allí (un número escrito aquí lo sustituye).`,
    statuses: ["En evaluación", "En uso", "Por renovar", "Cancelada"],
    inUseMessage:
      "No es una de las cuatro herramientas del marco para esta categoría. Aceptar conserva el nombre escrito; Cancelar lo deshace.",
    statusMessage:
      "Elige un estado: En evaluación, En uso, Por renovar o Cancelada.",
    costMessage: "Introduce el coste mensual como un número de 0 o más.",
    dateMessage: "Introduce una fecha.",
    dashboardHeader: "Herramientas",
    dashboardCost: "Coste mensual",
    goTo: (sheet) => `Ir a la hoja ${sheet}`,
  },
};
