/**
 * The seed's plan (product.md section 8): per phase its objectives (Producto / Marketing /
 * Operaciones; the numeric ones linked to the metric whose phase target they state, so the number
 * is the catalog's and never a second copy), its four strategies with four initiatives each, per
 * risk group its symptoms and mitigations, and the "Próximos pasos". Spanish labels are the
 * seed's own words (its mix of Spanish and English kept); English labels are translations.
 */
import {
  Localized,
  PHASE_METRICS,
  PhaseNumber,
  RiskGroupId,
  floorOf,
  targetOf,
} from "./catalog";

export type PlanArea = "product" | "marketing" | "operations";

export const PLAN_AREAS: Readonly<Record<PlanArea, Localized>> = {
  product: { en: "Product", es: "Producto" },
  marketing: { en: "Marketing", es: "Marketing" },
  operations: { en: "Operations", es: "Operaciones" },
};

export interface PlanItem {
  readonly label: Localized;
  readonly source: string;
}

/** How the seed writes a metric's number in an objective: "1,000+", "$500K", "20:1", "300%". */
type NumberStyle = "count" | "money" | "ratio" | "percent" | "plain";

export interface NumericLink {
  readonly metric: string;
  /** The seed states the floor, not the target ("Margen bruto > 70%"). */
  readonly floor?: boolean;
  readonly style: NumberStyle;
  /** The label around the number, `{n}` where it goes. */
  readonly template: Localized;
}

export interface Objective {
  readonly area: PlanArea;
  readonly source: string;
  /** A qualitative objective's words; a numeric one's come from its metric's target. */
  readonly label?: Localized;
  readonly numeric?: NumericLink;
}

export interface Strategy extends PlanItem {
  readonly initiatives: readonly PlanItem[];
}

export interface PhasePlan {
  readonly phase: PhaseNumber;
  readonly objectives: readonly Objective[];
  readonly strategies: readonly Strategy[];
}

/** A number as the seed writes it in its objectives. */
export function seedNumber(value: number, style: NumberStyle): string {
  const short = (v: number) =>
    v >= 1e6 && v % 1e6 === 0
      ? `${v / 1e6}M`
      : v >= 1e3 && v % 1e3 === 0 && style === "money"
        ? `${v / 1e3}K`
        : v.toLocaleString("en-US");
  switch (style) {
    case "count":
      return short(value);
    case "money":
      return `$${short(value)}`;
    case "ratio":
      return `${value}:1`;
    case "percent":
      return `${+(value * 100).toPrecision(6)}%`;
    case "plain":
      return String(value);
  }
}

/** An objective's words in a language, its number the catalog's target (or floor) for the phase. */
export function objectiveLabel(
  o: Objective,
  phase: PhaseNumber,
  language: "en" | "es",
): string {
  if (!o.numeric) return o.label![language];
  const m = PHASE_METRICS.find((x) => x.id === o.numeric!.metric)!;
  const value = o.numeric.floor ? floorOf(m, phase)! : targetOf(m, phase);
  return o.numeric.template[language].replace(
    "{n}",
    seedNumber(value, o.numeric.style),
  );
}

const OBJECTIVES = "Escalamiento por Fases › Objetivos de Escalamiento";
const STRATEGIES = "Escalamiento por Fases › Estrategias de Escalamiento";

const numeric = (
  area: PlanArea,
  metric: string,
  style: NumberStyle,
  es: string,
  en: string,
  floor = false,
): Objective => ({
  area,
  source: OBJECTIVES,
  numeric: { metric, style, floor, template: { es, en } },
});
const qualitative = (area: PlanArea, es: string, en: string): Objective => ({
  area,
  source: OBJECTIVES,
  label: { es, en },
});

/** The ten numeric objectives every phase states, in the seed's order around each phase's qualitative ones. */
function objectives(
  product: [string, string],
  operations: [string, string],
): Objective[] {
  return [
    qualitative("product", ...product),
    numeric(
      "product",
      "active_users",
      "count",
      "{n}+ usuarios activos",
      "{n}+ active users",
    ),
    numeric("product", "nps", "plain", "NPS > {n}", "NPS > {n}"),
    numeric("product", "churn", "percent", "Churn < {n}", "Churn < {n}"),
    numeric(
      "marketing",
      "leads",
      "count",
      "{n}+ leads generados",
      "{n}+ leads generated",
    ),
    numeric("marketing", "cac", "money", "CAC < {n}", "CAC < {n}"),
    numeric("marketing", "ltv_cac", "ratio", "LTV/CAC > {n}", "LTV/CAC > {n}"),
    numeric("marketing", "marketing_roi", "percent", "ROI > {n}", "ROI > {n}"),
    qualitative("operations", ...operations),
    numeric(
      "operations",
      "team_size",
      "count",
      "Equipo de {n}+ personas",
      "A team of {n}+ people",
    ),
    numeric(
      "operations",
      "mrr",
      "money",
      "Revenue {n}/mes",
      "Revenue {n}/month",
    ),
    numeric(
      "operations",
      "gross_margin",
      "percent",
      "Margen bruto > {n}",
      "Gross margin > {n}",
      true,
    ),
  ];
}

const strategy = (
  es: string,
  en: string,
  initiatives: readonly [string, string][],
): Strategy => ({
  label: { es, en },
  source: STRATEGIES,
  initiatives: initiatives.map(([ies, ien]) => ({
    label: { es: ies, en: ien },
    source: STRATEGIES,
  })),
});

export const PHASE_PLANS: readonly PhasePlan[] = [
  {
    phase: 1,
    objectives: objectives(
      ["Product-market fit validado", "Product-market fit validated"],
      ["Procesos automatizados", "Automated processes"],
    ),
    strategies: [
      strategy("OPTIMIZACIÓN DE PRODUCTO", "Product optimisation", [
        ["Feedback loop continuo", "Continuous feedback loop"],
        ["Feature development rápido", "Fast feature development"],
        ["A/B testing de funcionalidades", "A/B testing of features"],
        ["Performance optimization", "Performance optimisation"],
      ]),
      strategy("ESCALAMIENTO DE MARKETING", "Marketing scaling", [
        ["Paid advertising scaling", "Paid advertising scaling"],
        ["Content marketing expansion", "Content marketing expansion"],
        ["Partnership development", "Partnership development"],
        ["Referral program launch", "Referral programme launch"],
      ]),
      strategy("AUTOMATIZACIÓN DE OPERACIONES", "Operations automation", [
        ["Workflow automation", "Workflow automation"],
        ["Process optimization", "Process optimisation"],
        ["Tool integration", "Tool integration"],
        ["Performance monitoring", "Performance monitoring"],
      ]),
      strategy("EXPANSIÓN DE EQUIPO", "Team expansion", [
        ["Key hires prioritarios", "Priority key hires"],
        ["Culture building", "Culture building"],
        ["Training programs", "Training programmes"],
        ["Performance management", "Performance management"],
      ]),
    ],
  },
  {
    phase: 2,
    objectives: objectives(
      ["3 productos principales", "3 main products"],
      ["Automatización completa", "Full automation"],
    ),
    strategies: [
      strategy("DESARROLLO DE PRODUCTOS", "Product development", [
        ["Nuevos productos", "New products"],
        ["Feature expansion", "Feature expansion"],
        ["Integration ecosystem", "Integration ecosystem"],
        ["API development", "API development"],
      ]),
      strategy("ESCALAMIENTO DE MARKETING", "Marketing scaling", [
        ["Multi-channel expansion", "Multi-channel expansion"],
        ["International marketing", "International marketing"],
        ["Influencer partnerships", "Influencer partnerships"],
        ["Content scaling", "Content scaling"],
      ]),
      strategy("AUTOMATIZACIÓN AVANZADA", "Advanced automation", [
        ["AI-powered automation", "AI-powered automation"],
        ["Predictive analytics", "Predictive analytics"],
        ["Self-service capabilities", "Self-service capabilities"],
        ["Advanced reporting", "Advanced reporting"],
      ]),
      strategy("EXPANSIÓN DE EQUIPO", "Team expansion", [
        ["Department scaling", "Department scaling"],
        ["Leadership development", "Leadership development"],
        ["Culture evolution", "Culture evolution"],
        ["Performance systems", "Performance systems"],
      ]),
    ],
  },
  {
    phase: 3,
    objectives: objectives(
      ["Ecosistema completo", "A complete ecosystem"],
      ["Liderazgo de mercado", "Market leadership"],
    ),
    strategies: [
      strategy("DOMINIO DE MERCADO", "Market dominance", [
        ["Market leadership", "Market leadership"],
        ["Competitive advantage", "Competitive advantage"],
        ["Brand recognition", "Brand recognition"],
        ["Thought leadership", "Thought leadership"],
      ]),
      strategy("NUEVOS PRODUCTOS", "New products", [
        ["Product line expansion", "Product line expansion"],
        ["Vertical solutions", "Vertical solutions"],
        ["Enterprise features", "Enterprise features"],
        ["Platform development", "Platform development"],
      ]),
      strategy("PARTNERSHIPS ESTRATÉGICOS", "Strategic partnerships", [
        ["Channel partnerships", "Channel partnerships"],
        ["Technology partnerships", "Technology partnerships"],
        ["Distribution partnerships", "Distribution partnerships"],
        ["Strategic alliances", "Strategic alliances"],
      ]),
      strategy("SERIES A FUNDING", "Series A funding", [
        ["Funding round", "Funding round"],
        ["Investor relations", "Investor relations"],
        ["Growth acceleration", "Growth acceleration"],
        ["Market expansion", "Market expansion"],
      ]),
    ],
  },
  {
    phase: 4,
    objectives: objectives(
      ["Plataforma global", "A global platform"],
      ["Presencia global", "Global presence"],
    ),
    strategies: [
      strategy("EXPANSIÓN INTERNACIONAL", "International expansion", [
        ["Global markets", "Global markets"],
        ["Localization", "Localisation"],
        ["Regional teams", "Regional teams"],
        ["Cultural adaptation", "Cultural adaptation"],
      ]),
      strategy("ECOSISTEMA COMPLETO", "A complete ecosystem", [
        ["Platform ecosystem", "Platform ecosystem"],
        ["Third-party integrations", "Third-party integrations"],
        ["Developer community", "Developer community"],
        ["Marketplace", "Marketplace"],
      ]),
      strategy("IPO O ADQUISICIÓN", "IPO or acquisition", [
        ["Public offering", "Public offering"],
        ["Strategic acquisition", "Strategic acquisition"],
        ["Exit strategy", "Exit strategy"],
        ["Value maximization", "Value maximisation"],
      ]),
      strategy("LIDERAZGO DE MERCADO", "Market leadership", [
        ["Market dominance", "Market dominance"],
        ["Industry standards", "Industry standards"],
        ["Innovation leadership", "Innovation leadership"],
        ["Competitive moat", "Competitive moat"],
      ]),
    ],
  },
];

export interface RiskPlan {
  readonly group: RiskGroupId;
  readonly symptoms: readonly PlanItem[];
  readonly mitigations: readonly PlanItem[];
}

const RISKS = "Riesgos de Escalamiento y Mitigación";
const items = (
  section: string,
  pairs: readonly [string, string][],
): PlanItem[] =>
  pairs.map(([es, en]) => ({
    label: { es, en },
    source: `${RISKS} › ${section}`,
  }));

export const RISK_PLANS: readonly RiskPlan[] = [
  {
    group: "quality_loss",
    symptoms: items("Riesgo: Pérdida de Calidad (SÍNTOMAS)", [
      ["Customer satisfaction drop", "Customer satisfaction drop"],
      ["Support ticket increase", "Support ticket increase"],
      ["Churn rate increase", "Churn rate increase"],
      ["NPS decrease", "NPS decrease"],
    ]),
    mitigations: items("Riesgo: Pérdida de Calidad (MITIGACIÓN)", [
      ["Quality control processes", "Quality control processes"],
      ["Customer feedback loops", "Customer feedback loops"],
      ["Performance monitoring", "Performance monitoring"],
      ["Continuous improvement", "Continuous improvement"],
    ]),
  },
  {
    group: "team_overload",
    symptoms: items("Riesgo: Sobrecarga del Equipo (SÍNTOMAS)", [
      ["Employee burnout", "Employee burnout"],
      ["Productivity decrease", "Productivity decrease"],
      ["Turnover increase", "Turnover increase"],
      ["Quality issues", "Quality issues"],
    ]),
    mitigations: items("Riesgo: Sobrecarga del Equipo (MITIGACIÓN)", [
      ["Workload management", "Workload management"],
      ["Resource allocation", "Resource allocation"],
      ["Team expansion", "Team expansion"],
      ["Process optimization", "Process optimisation"],
    ]),
  },
  {
    group: "cash_burn",
    symptoms: items("Riesgo: Quema de Caja (SÍNTOMAS)", [
      ["Cash runway decrease", "Cash runway decrease"],
      ["Burn rate increase", "Burn rate increase"],
      ["Revenue growth slow", "Slow revenue growth"],
      ["Funding pressure", "Funding pressure"],
    ]),
    mitigations: items("Riesgo: Quema de Caja (MITIGACIÓN)", [
      ["Cash flow management", "Cash flow management"],
      ["Revenue optimization", "Revenue optimisation"],
      ["Cost control", "Cost control"],
      ["Funding strategy", "Funding strategy"],
    ]),
  },
  {
    group: "competition",
    symptoms: items("Riesgo: Competencia Agresiva (SÍNTOMAS)", [
      ["Market share loss", "Market share loss"],
      ["Price pressure", "Price pressure"],
      ["Customer churn", "Customer churn"],
      ["Revenue impact", "Revenue impact"],
    ]),
    mitigations: items("Riesgo: Competencia Agresiva (MITIGACIÓN)", [
      ["Competitive differentiation", "Competitive differentiation"],
      ["Value proposition", "Value proposition"],
      ["Customer retention", "Customer retention"],
      ["Innovation focus", "Innovation focus"],
    ]),
  },
];

export interface NextStep extends PlanItem {
  /** The workbook sheet the step is done on: the tools step points at the Tools sheet (product.md 13). */
  readonly sheet?: "tools";
}

export interface NextSteps {
  readonly title: Localized;
  readonly steps: readonly NextStep[];
}

const STEPS = "Próximos Pasos";
const steps = (
  section: string,
  pairs: readonly (readonly [string, string, NextStep["sheet"]?])[],
): NextStep[] =>
  pairs.map(([es, en, sheet]) => ({
    label: { es, en },
    source: `${STEPS} › ${section}`,
    ...(sheet && { sheet }),
  }));

/** The seed's "Próximos pasos": the getting-started checklist. */
export const NEXT_STEPS: readonly NextSteps[] = [
  {
    title: { es: "Implementación Inmediata", en: "Immediate implementation" },
    steps: steps("Implementación Inmediata", [
      [
        "Evaluar fase actual de escalamiento",
        "Assess the current scaling phase",
      ],
      ["Definir objetivos específicos", "Define specific objectives"],
      [
        "Implementar herramientas de escalamiento",
        "Put scaling tools in place",
        "tools",
      ],
      ["Configurar métricas de seguimiento", "Set up tracking metrics"],
    ]),
  },
  {
    title: { es: "Desarrollo de Capacidades", en: "Building capabilities" },
    steps: steps("Desarrollo de Capacidades", [
      ["Desarrollar procesos de escalamiento", "Develop scaling processes"],
      ["Entrenar equipo en herramientas", "Train the team on the tools"],
      [
        "Optimizar operaciones continuamente",
        "Optimise operations continuously",
      ],
      [
        "Monitorear performance constantemente",
        "Monitor performance constantly",
      ],
    ]),
  },
  {
    title: { es: "Escalamiento Continuo", en: "Continuous scaling" },
    steps: steps("Escalamiento Continuo", [
      ["Aplicar estrategias de escalamiento", "Apply scaling strategies"],
      ["Monitorear métricas de éxito", "Monitor success metrics"],
      [
        "Ajustar estrategias según resultados",
        "Adjust strategies to the results",
      ],
      [
        "Preparar siguiente fase de escalamiento",
        "Prepare the next scaling phase",
      ],
    ]),
  },
];

/** Items per phase the plan's completion counts: its qualitative objectives and its initiatives. */
export const planItemCount = (plan: PhasePlan) =>
  plan.objectives.filter((o) => !o.numeric).length +
  plan.strategies.reduce((n, s) => n + s.initiatives.length, 0);

/** The status words that count, in either language: an item done, an item dropped. */
export const DONE_WORDS = ["Done", "Hecho"];
export const DROPPED_WORDS = ["Dropped", "Descartado"];

/**
 * A phase's plan completion (product.md section 8, 3rd ed.): items done ÷ items not dropped;
 * undefined when every item is dropped. `statuses` are the status cells of the phase's items only
 * (template/plan.ts planItemRows), `items` how many there are. A status counts when, its spaces trimmed, it
 * equals the word, ignoring case as a spreadsheet's = does (the sheet's formula is the same rule):
 * the workbook language's word when `language` is given, either language's otherwise.
 */
export function planCompletion(
  statuses: readonly unknown[],
  items: number,
  language?: "en" | "es",
): number | undefined {
  const pick = (words: readonly string[]) =>
    (language === undefined ? words : [words[language === "en" ? 0 : 1]]).map(
      (w) => w.toLowerCase(),
    );
  const count = (words: readonly string[]) =>
    statuses.filter(
      (s) =>
        typeof s === "string" &&
        pick(words).includes(s.replace(/^ +| +$/g, "").toLowerCase()),
    ).length;
  const open = items - count(DROPPED_WORDS);
  return open <= 0 ? undefined : Math.min(1, count(DONE_WORDS) / open);
}
