/**
 * Every word the template shows, in English and Spanish. Workbook names and the level codes
 * OK / WATCH / RISK never change (formulas and scripts read them); the legend explains them.
 */
import { Language, PhaseNumber } from "../catalog";
import { SectionId } from "../timeline";
import { SHEET_NAMES } from "./sheet-names";
import { SheetKey } from "./types";

export interface TemplateLabels {
  readonly sheets: Readonly<Record<SheetKey, string>>;
  readonly sections: Readonly<Record<SectionId, string>>;
  readonly id: string;
  readonly measure: string;
  readonly metric: string;
  readonly indicator: string;
  readonly unit: string;
  readonly kind: string;
  readonly input: string;
  readonly computed: string;
  readonly better: string;
  readonly higher: string;
  readonly lower: string;
  readonly latest: string;
  readonly month: string;
  readonly target: string;
  readonly threshold: string;
  readonly rule: string;
  readonly gap: string;
  readonly flag: string;
  readonly value: string;
  readonly source: string;
  readonly phaseTarget: (n: PhaseNumber) => string;
  /** The header of a Tracking row's WATCH limit against phase n's target. */
  readonly watchLimit: (n: PhaseNumber) => string;
  readonly trackingTitle: (company: string) => string;
  readonly trackingNote: readonly [string, string];
  readonly budgetTitle: (company: string) => string;
  /** Two notes that fit in the Budget sheet's frozen columns (A:B). */
  readonly budgetNote: readonly [string, string];
  readonly phaseRows: {
    readonly header: string;
    readonly phase: string;
    readonly expected: string;
    readonly targetPhase: string;
    readonly score: (n: PhaseNumber) => string;
  };
  readonly groupsHeader: string;
  readonly working: {
    readonly header: string;
    readonly monthNumber: string;
    readonly lastInput: string;
    readonly floor: (name: string) => string;
    readonly mrrTarget: (n: PhaseNumber) => string;
    readonly asOf: (name: string) => string;
    readonly asOfMonth: (name: string) => string;
    readonly meets: (n: PhaseNumber, name: string) => string;
    readonly met: (n: PhaseNumber) => string;
    readonly judged: (n: PhaseNumber) => string;
    readonly level: (name: string) => string;
    readonly plottedPhase: string;
  };
  readonly dashboard: {
    readonly title: (company: string) => string;
    readonly company: string;
    readonly reportingMonth: string;
    readonly monthOf: (months: number) => string;
    readonly reportingNote: string;
    readonly outsideTimeline: string;
    readonly minShare: string;
    readonly minShareNote: string;
    readonly startMonth: string;
    readonly startMonthNote: string;
    readonly phase: string;
    readonly expected: string;
    readonly schedule: string;
    readonly ahead: string;
    readonly onSchedule: string;
    readonly behind: string;
    readonly targetPhase: string;
    readonly scorecard: string;
    readonly score: string;
    readonly meeting: string;
    /** The text formula's words: `14` & of & `19` & meet & 1. */
    readonly ofMetrics: string;
    readonly meetPhase: string;
    readonly riskGroup: string;
    readonly level: string;
    readonly current: string;
    readonly stale: string;
    readonly staleMark: string;
    /** Beside a projected month before the reporting month. */
    readonly passedMark: string;
    readonly eta: string;
    readonly projected: string;
    readonly progress: string;
    readonly notAvailable: string;
    readonly legend: readonly string[];
    /** The actual vs budget table (product.md 12, "Budget"). */
    readonly budget: {
      readonly title: string;
      readonly actual: string;
      readonly month: string;
      readonly budget: string;
      readonly variance: string;
      readonly percent: string;
      /** Under the table: like for like, and the variance's sign. */
      readonly notes: readonly string[];
    };
  };
  readonly charts: {
    readonly mrr: string;
    readonly mrrSeries: string;
    readonly budgetSeries: string;
    readonly target: (n: PhaseNumber) => string;
    readonly phases: string;
    readonly reached: string;
    readonly expected: string;
    readonly progress: string;
    readonly progressSeries: string;
  };
  /** The board page (product.md 12, "Board page"); its other words are the dashboard's. */
  readonly board: {
    readonly title: string;
    readonly figures: string;
    readonly change: string;
    readonly vsBudget: string;
    /** Under the tables: what the columns mean, the flags, and why NRR 12 months has none. */
    readonly notes: (cashBurnGroup: string) => readonly string[];
  };
  readonly risks: {
    readonly title: string;
    readonly note: string;
  };
  readonly plan: {
    readonly title: (n: PhaseNumber, name: string, horizon: string) => string;
    readonly note: string;
    readonly completion: string;
    readonly objectives: string;
    readonly area: string;
    readonly objective: string;
    readonly status: string;
    readonly owner: string;
    readonly due: string;
    readonly notes: string;
    readonly strategies: string;
    readonly strategy: string;
    /** Not started / In progress / Done / Dropped: the status list, in the workbook's language. */
    readonly statuses: readonly [string, string, string, string];
    readonly statusMessage: string;
    readonly dateMessage: string;
    readonly symptoms: string;
    readonly mitigations: string;
    readonly dashboardPlan: string;
    readonly nextSteps: string;
  };
  readonly thresholdsNote: string;
  readonly floorsNote: string;
  /** Under the third table: the SaaS measures' conventions, information only (product.md 12, 14). */
  readonly contextNote: string;
  readonly conventionSource: string;
  readonly validation: (name: string, unit: string) => string;
  /** A computed row's help: a number typed over its formula is kept for that month. */
  readonly typedOver: string;
  /** Number-format locale prefix: month names and separators in the workbook's language. */
  readonly locale: string;
  /** Percentage points, after a gap of percentages. */
  readonly points: string;
}

const LEGEND_EN = [
  "Levels: OK = the target or threshold is met; WATCH = missed, but within 10% of it (or between the floor and the target); RISK = missed by more than that, or below the floor.",
  "Every value is as of the reporting month: the last number typed at or before it. Stale = older than 3 months before the reporting month.",
  "ETA = months to the target from the current value's month, at its growth since a number 3+ months older; n/a without one. Projected: passed if before the reporting month.",
  "Gaps: positive = still to go; percentages in percentage points (pp).",
];

const LEGEND_ES = [
  "Niveles: OK = se cumple el objetivo o umbral; WATCH = no se cumple, pero a menos del 10% (o entre el mínimo y el objetivo); RISK = se incumple por más, o por debajo del mínimo.",
  "Cada valor es a fecha del mes del informe: el último número escrito en ese mes o antes. Antiguo = anterior a 3 meses antes del mes del informe.",
  "Meses (ETA) = meses hasta el objetivo desde el mes del valor actual, al crecimiento desde un número 3+ meses anterior; n/d sin él. Previsto: pasado si es anterior al mes del informe.",
  "Brechas: positiva = falta; los porcentajes en puntos porcentuales (p.p.).",
];

const EN: TemplateLabels = {
  sheets: SHEET_NAMES.en,
  sections: {
    revenue: "Revenue",
    customers: "Customers",
    marketing: "Marketing",
    team: "Team and operations",
    efficiency: "Efficiency",
    risk: "Risk indicators",
    other: "Other inputs",
  },
  id: "Id",
  measure: "Measure",
  metric: "Metric",
  indicator: "Indicator",
  unit: "Unit",
  kind: "Kind",
  input: "input",
  computed: "computed",
  better: "Better",
  higher: "higher",
  lower: "lower",
  latest: "Latest",
  month: "Month",
  target: "Target",
  threshold: "Threshold",
  rule: "Rule",
  gap: "Gap",
  flag: "Flag",
  value: "Value",
  source: "Source (seed section)",
  phaseTarget: (n) => `P${n} target`,
  watchLimit: (n) => `P${n} WATCH limit`,
  trackingTitle: (company) => `Tracking: ${company}`,
  // Each note fits in the frozen columns (A:C), which every printed page of the timeline repeats.
  trackingNote: [
    "Type monthly numbers in the yellow cells; grey cells are computed.",
    "A number typed over a grey cell replaces its formula that month.",
  ],
  budgetTitle: (company) => `Budget: ${company}`,
  budgetNote: [
    "The plan month by month: same months and rows as Tracking.",
    "Type or import the budget; grey cells compute as on Tracking.",
  ],
  phaseRows: {
    header: "Phase",
    phase: "Phase reached",
    expected: "Expected by schedule",
    targetPhase: "Target phase",
    score: (n) => `Score P${n}`,
  },
  groupsHeader: "Risk groups",
  working: {
    header: "Working rows (computed month by month; do not type here)",
    monthNumber: "Month number",
    lastInput: "Last month with an input",
    floor: (name) => `Floor: ${name}`,
    mrrTarget: (n) => `MRR target P${n} (chart)`,
    asOf: (name) => `As of: ${name}`,
    asOfMonth: (name) => `Month of: ${name}`,
    meets: (n, name) => `Meets P${n}: ${name}`,
    met: (n) => `Metrics meeting P${n}`,
    judged: (n) => `Metrics judged for P${n}`,
    level: (name) => `Level: ${name}`,
    plottedPhase:
      "Phase reached, for the chart (hidden row; #N/A where there is no data: not plotted)",
  },
  dashboard: {
    title: (company) => `Scale Dashboard: ${company}`,
    company: "Company",
    reportingMonth: "Reporting month",
    monthOf: (months) => `of ${months}`,
    reportingNote:
      "The last month with data; type a month (a date inside the timeline) to look back.",
    outsideTimeline: "Type a month inside the timeline.",
    minShare: "Share of metrics needed",
    minShareNote:
      "100% = every metric with a value must meet the phase's target.",
    startMonth: "Company start month",
    startMonthNote:
      "Month 1 of the schedule (a date inside or before the timeline): Expected by schedule counts from it.",
    phase: "Current phase",
    expected: "Expected by schedule",
    schedule: "Schedule",
    ahead: "ahead",
    onSchedule: "on schedule",
    behind: "behind",
    targetPhase: "Target phase",
    scorecard: "Phase",
    score: "Score",
    meeting: "Metrics meeting the phase",
    ofMetrics: " of ",
    meetPhase: " metrics meet phase ",
    riskGroup: "Risk group",
    level: "Level",
    current: "Current",
    stale: "Stale",
    staleMark: "stale",
    passedMark: "passed",
    eta: "ETA (months)",
    projected: "Projected",
    progress: "% of target",
    notAvailable: "n/a",
    legend: LEGEND_EN,
    budget: {
      title: "Actual vs budget",
      actual: "Actual",
      month: "Month compared",
      budget: "Budget",
      variance: "Variance",
      percent: "Var. %",
      notes: [
        "Actual vs budget: each actual is as of the reporting month (the last number at or before it), compared with the budget of that same month (like for like).",
        "Variance: positive = better than budget (above it where higher is better; below it where lower is, as churn, CAC or burn). Var. % = variance ÷ the budget's size.",
      ],
    },
  },
  charts: {
    mrr: "MRR by month: actual, budget and the phase targets",
    mrrSeries: "MRR",
    budgetSeries: "Budget",
    target: (n) => `P${n} target`,
    phases: "Phase reached and expected by month",
    reached: "Phase reached",
    expected: "Expected by schedule",
    progress:
      "Current value as % of the target phase's target (axis capped at 200%)",
    progressSeries: "% of target",
  },
  board: {
    title: "Board summary",
    figures: "Headline figures",
    change: "vs previous month",
    vsBudget: "vs budget",
    notes: (group) => [
      "Values as of the reporting month: the last number at or before it.",
      "vs previous month: the change from the previous month's value (percentages in pp). vs budget: positive = better than budget (above it where higher is better; below it where lower is, as burn).",
      `Flags: the phase metrics against the target phase; burn rate and cash runway against the ${group} thresholds.`,
      "NRR 12 months has no flag: there is no traced convention to judge it by.",
    ],
  },
  risks: {
    title: "Scaling risks",
    note: "Levels as of the reporting month (dashboard). Values come from the Tracking sheet; thresholds from the Thresholds sheet.",
  },
  plan: {
    title: (n, name, horizon) => `Phase ${n}: ${name} (${horizon})`,
    note: "Set each item's status; the numeric objectives follow the Tracking sheet. Plan completion = items done ÷ items not dropped.",
    completion: "Plan completion",
    objectives: "Objectives",
    area: "Area",
    objective: "Objective",
    status: "Status",
    owner: "Owner",
    due: "Due date",
    notes: "Notes",
    strategies: "Strategies and initiatives",
    strategy: "Strategy / initiative",
    statuses: ["Not started", "In progress", "Done", "Dropped"],
    statusMessage:
      "Choose a status: Not started, In progress, Done or Dropped.",
    dateMessage: "Enter a date.",
    symptoms: "Symptoms",
    mitigations: "Mitigations",
    dashboardPlan: "Plan done",
    nextSteps: "Getting started (the framework's next steps)",
  },
  thresholdsNote:
    "Edit a threshold here and every flag, gap, phase and ETA follows. An empty or 0 threshold switches that check off.",
  floorsNote:
    "Floor P1..P4: below the floor is RISK, between the floor and the target WATCH (gross margin only).",
  contextNote:
    "Public conventions for the SaaS measures, shown as information: they never count toward the phase. SCALE.RISK, SCALE.GAP and SCALE.TARGET read them when given this table; an empty or 0 threshold switches that check off.",
  conventionSource: "Convention (author, year; segment; source)",
  validation: (name, unit) => `${name}: enter a number (${unit}).`,
  typedOver:
    "This row is computed: a number typed here replaces its formula for that month.",
  locale: "[$-409]",
  points: "pp",
};

const ES: TemplateLabels = {
  sheets: SHEET_NAMES.es,
  sections: {
    revenue: "Ingresos",
    customers: "Clientes",
    marketing: "Marketing",
    team: "Equipo y operaciones",
    efficiency: "Eficiencia",
    risk: "Indicadores de riesgo",
    other: "Otros datos",
  },
  id: "Id",
  measure: "Medida",
  metric: "Métrica",
  indicator: "Indicador",
  unit: "Unidad",
  kind: "Tipo",
  input: "dato",
  computed: "calculado",
  better: "Mejor",
  higher: "mayor",
  lower: "menor",
  latest: "Último",
  month: "Mes",
  target: "Objetivo",
  threshold: "Umbral",
  rule: "Regla",
  gap: "Brecha",
  flag: "Alerta",
  value: "Valor",
  source: "Fuente (sección del documento)",
  phaseTarget: (n) => `Objetivo P${n}`,
  watchLimit: (n) => `Límite WATCH P${n}`,
  trackingTitle: (company) => `Seguimiento: ${company}`,
  trackingNote: [
    "Números del mes en las celdas amarillas; las grises se calculan.",
    "Un número sobre una celda gris sustituye su fórmula ese mes.",
  ],
  budgetTitle: (company) => `Presupuesto: ${company}`,
  budgetNote: [
    "El plan mes a mes: los meses y filas de Seguimiento.",
    "Escribe o importa el presupuesto; las grises se calculan igual.",
  ],
  phaseRows: {
    header: "Fase",
    phase: "Fase alcanzada",
    expected: "Esperada según el calendario",
    targetPhase: "Fase objetivo",
    score: (n) => `Puntaje P${n}`,
  },
  groupsHeader: "Grupos de riesgo",
  working: {
    header: "Filas de cálculo (mes a mes; no escribas aquí)",
    monthNumber: "Número de mes",
    lastInput: "Último mes con datos",
    floor: (name) => `Mínimo: ${name}`,
    mrrTarget: (n) => `Objetivo MRR P${n} (gráfico)`,
    asOf: (name) => `A fecha: ${name}`,
    asOfMonth: (name) => `Mes de: ${name}`,
    meets: (n, name) => `Cumple P${n}: ${name}`,
    met: (n) => `Métricas que cumplen P${n}`,
    judged: (n) => `Métricas evaluadas en P${n}`,
    level: (name) => `Nivel: ${name}`,
    plottedPhase:
      "Fase alcanzada, para el gráfico (fila oculta; #N/A donde no hay datos: no se dibuja)",
  },
  dashboard: {
    title: (company) => `Panel de escalamiento: ${company}`,
    company: "Empresa",
    reportingMonth: "Mes del informe",
    monthOf: (months) => `de ${months}`,
    reportingNote:
      "El último mes con datos; escribe un mes (una fecha dentro del calendario) para ver uno anterior.",
    outsideTimeline: "Escribe un mes dentro del calendario.",
    minShare: "Proporción exigida",
    minShareNote:
      "100% = toda métrica con valor debe cumplir el objetivo de la fase.",
    startMonth: "Mes de inicio de la empresa",
    startMonthNote:
      "Mes 1 del calendario esperado (una fecha dentro del calendario o anterior): la fase esperada se cuenta desde él.",
    phase: "Fase actual",
    expected: "Esperada (calendario)",
    schedule: "Calendario",
    ahead: "adelantada",
    onSchedule: "a tiempo",
    behind: "retrasada",
    targetPhase: "Fase objetivo",
    scorecard: "Fase",
    score: "Puntaje",
    meeting: "Métricas que cumplen la fase",
    ofMetrics: " de ",
    meetPhase: " métricas cumplen la fase ",
    riskGroup: "Grupo de riesgo",
    level: "Nivel",
    current: "Actual",
    stale: "Antiguo",
    staleMark: "antiguo",
    passedMark: "pasado",
    eta: "Meses (ETA)",
    projected: "Mes previsto",
    progress: "% del objetivo",
    notAvailable: "n/d",
    legend: LEGEND_ES,
    budget: {
      title: "Real vs presupuesto",
      actual: "Real",
      month: "Mes comparado",
      budget: "Presupuesto",
      variance: "Desviación",
      percent: "Desv. %",
      notes: [
        "Real vs presupuesto: cada valor real es a fecha del mes del informe (el último número en ese mes o antes) y se compara con el presupuesto de ese mismo mes.",
        "Desviación: positiva = mejor que el presupuesto (por encima donde mayor es mejor; por debajo donde menor es mejor, como cancelación, CAC o consumo de caja). Desv. % = desviación ÷ tamaño del presupuesto.",
      ],
    },
  },
  charts: {
    mrr: "MRR por mes: real, presupuesto y objetivos de cada fase",
    mrrSeries: "MRR",
    budgetSeries: "Presupuesto",
    target: (n) => `Objetivo P${n}`,
    phases: "Fase alcanzada y esperada por mes",
    reached: "Fase alcanzada",
    expected: "Esperada según el calendario",
    progress:
      "Valor actual como % del objetivo de la fase objetivo (eje hasta 200%)",
    progressSeries: "% del objetivo",
  },
  board: {
    title: "Resumen para el consejo",
    figures: "Cifras clave",
    change: "vs mes anterior",
    vsBudget: "vs presupuesto",
    notes: (group) => [
      "Valores a fecha del mes del informe: el último número en ese mes o antes.",
      "vs mes anterior: el cambio desde el valor del mes anterior (porcentajes en p.p.). vs presupuesto: positivo = mejor que el presupuesto (por encima donde mayor es mejor; por debajo donde menor es mejor, como la quema).",
      `Alertas: las métricas de fase frente a la fase objetivo; la tasa de quema y el runway de caja frente a los umbrales de ${group}.`,
      "La NRR 12 meses no tiene alerta: no hay una convención trazable con la que juzgarla.",
    ],
  },
  risks: {
    title: "Riesgos de escalamiento",
    note: "Niveles a fecha del mes del informe (panel). Los valores vienen de Seguimiento; los umbrales de Umbrales.",
  },
  plan: {
    title: (n, name, horizon) => `Fase ${n}: ${name} (${horizon})`,
    note: "Indica el estado de cada punto; los objetivos numéricos siguen la hoja Seguimiento. Avance del plan = puntos hechos ÷ puntos no descartados.",
    completion: "Avance del plan",
    objectives: "Objetivos",
    area: "Área",
    objective: "Objetivo",
    status: "Estado",
    owner: "Responsable",
    due: "Fecha límite",
    notes: "Notas",
    strategies: "Estrategias e iniciativas",
    strategy: "Estrategia / iniciativa",
    statuses: ["Sin empezar", "En curso", "Hecho", "Descartado"],
    statusMessage:
      "Elige un estado: Sin empezar, En curso, Hecho o Descartado.",
    dateMessage: "Introduce una fecha.",
    symptoms: "Síntomas",
    mitigations: "Mitigación",
    dashboardPlan: "Avance plan",
    nextSteps: "Primeros pasos (los próximos pasos del marco)",
  },
  thresholdsNote:
    "Edita un umbral aquí y todas las alertas, brechas, fases y meses lo siguen. Un umbral vacío o 0 desactiva esa comprobación.",
  floorsNote:
    "Mínimo P1..P4: por debajo del mínimo es RISK, entre el mínimo y el objetivo WATCH (solo margen bruto).",
  contextNote:
    "Convenciones públicas para las métricas SaaS, como información: nunca cuentan para la fase. SCALE.RISK, SCALE.GAP y SCALE.TARGET las leen cuando se les da esta tabla; un umbral vacío o 0 desactiva esa comprobación.",
  conventionSource: "Convención (autor, año; segmento; fuente)",
  validation: (name, unit) => `${name}: introduce un número (${unit}).`,
  typedOver:
    "Esta fila se calcula: un número escrito aquí sustituye su fórmula ese mes.",
  locale: "[$-C0A]",
  points: "p.p.",
};

export const TEMPLATE_LABELS: Readonly<Record<Language, TemplateLabels>> = {
  en: EN,
  es: ES,
};

/** The language whose template label `pick` equals `text` (spaces trimmed); undefined when neither's does. */
export function languageOfLabel(
  text: unknown,
  pick: (labels: TemplateLabels) => string,
): Language | undefined {
  if (typeof text !== "string") return undefined;
  return (Object.keys(TEMPLATE_LABELS) as Language[]).find(
    (l) => pick(TEMPLATE_LABELS[l]) === text.trim(),
  );
}
