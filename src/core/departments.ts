/**
 * The seed's "Estrategias de Escalamiento por Función" (product.md 13): per function (Product,
 * Marketing, Sales, Operations) its two blocks, each with its strategy items, its tools (the
 * marketing channels in "Canal Expansion") and the words of its four KPIs. The KPIs' numbers
 * (unit, direction, target, the timeline row a KPI is) live in department-kpis.ts, which the
 * functions may import without these texts. Spanish labels are the seed's own words (its mix of
 * Spanish and English kept); English labels are translations.
 *
 * The seed contradicts itself in two places, kept as it states them, each in its own block
 * (docs/decisions.md): product development's "Performance: <200ms" against infrastructure's
 * "Response time: <100ms", and the sales team's "Team size: 50" against the company's team
 * size (catalog.ts `team_size`, 20 in phase 1).
 */
import type { Language, Localized } from "./catalog";
import { DEPARTMENT_KPIS, DepartmentFunction } from "./department-kpis";
import { PlanItem, seedNumber } from "./plan";
import type { SeedUnit } from "./seed-units";

/** A KPI's or an expected impact's words: the label and how the seed writes the number (`{n}` where it goes). */
export interface FigureWords {
  readonly id: string;
  readonly label: Localized;
  readonly written: Localized;
  readonly source: string;
}

export interface DepartmentBlock {
  readonly id: string;
  /** The seed's heading ("Desarrollo de Productos") and its translation. */
  readonly label: Localized;
  readonly source: string;
  readonly strategy: readonly PlanItem[];
  readonly tools: readonly PlanItem[];
  /** Only Channel expansion lists channels (CANALES) instead of tools. */
  readonly channels: readonly PlanItem[];
  readonly kpis: readonly FigureWords[];
}

export interface Department {
  readonly id: DepartmentFunction;
  readonly name: Localized;
  /** The seed's heading ("Escalamiento de Producto") and its translation. */
  readonly label: Localized;
  readonly source: string;
  readonly blocks: readonly DepartmentBlock[];
}

/** A number as the seed writes it, in the unit's scale: 0.75 as "75%", 500,000 as "$500K". */
export function writtenNumber(
  value: number,
  unit: SeedUnit,
  written: Localized,
  language: Language,
): string {
  const style =
    unit === "fraction"
      ? "percent"
      : unit === "usd" || unit === "usd_month"
        ? "money"
        : "plain";
  return written[language].replace("{n}", seedNumber(value, style));
}

/** A department KPI's line as the seed writes it: "Win rate: 40%". */
export function kpiWords(words: FigureWords, language: Language): string {
  const k = DEPARTMENT_KPIS.find((x) => x.id === words.id)!;
  return `${words.label[language]}: ${writtenNumber(k.target, k.unit, words.written, language)}`;
}

/** A department KPI's line as the seed writes it, found by its id ("Win rate: 40%"); the id where none. */
export function kpiLine(id: string, language: Language): string {
  for (const d of DEPARTMENTS)
    for (const b of d.blocks) {
      const words = b.kpis.find((k) => k.id === id);
      if (words) return kpiWords(words, language);
    }
  return id;
}

const FUNCTIONS = "Estrategias de Escalamiento por Función";

type Pair = readonly [es: string, en: string];
/** [kpi, Spanish label, English label, Spanish number, English number]. */
type KpiSpec = readonly [
  kpi: string,
  es: string,
  en: string,
  writtenEs: string,
  writtenEn?: string,
];

interface BlockSpec {
  readonly strategy: readonly Pair[];
  readonly tools?: readonly Pair[];
  readonly channels?: readonly Pair[];
  readonly kpis: readonly KpiSpec[];
}

const items = (source: string, pairs: readonly Pair[] = []): PlanItem[] =>
  pairs.map(([es, en]) => ({ label: { es, en }, source }));

function department(
  id: DepartmentFunction,
  name: Pair,
  label: Pair,
  blocks: readonly [id: string, label: Pair, spec: BlockSpec][],
): Department {
  const source = `${FUNCTIONS} › ${label[0]}`;
  return {
    id,
    name: { es: name[0], en: name[1] },
    label: { es: label[0], en: label[1] },
    source,
    blocks: blocks.map(([blockId, [es, en], spec]) => {
      const at = `${source} › ${es}`;
      return {
        id: blockId,
        label: { es, en },
        source: at,
        strategy: items(`${at} (ESTRATEGIA)`, spec.strategy),
        tools: items(`${at} (HERRAMIENTAS)`, spec.tools),
        channels: items(`${at} (CANALES)`, spec.channels),
        kpis: spec.kpis.map(([kpi, kes, ken, wes, wen]) => ({
          id: `${id}.${kpi}`,
          label: { es: kes, en: ken },
          written: { es: wes, en: wen ?? wes },
          source: `${at} (MÉTRICAS)`,
        })),
      };
    }),
  };
}

export const DEPARTMENTS: readonly Department[] = [
  department(
    "product",
    ["Producto", "Product"],
    ["Escalamiento de Producto", "Product scaling"],
    [
      [
        "development",
        ["Desarrollo de Productos", "Product development"],
        {
          strategy: [
            ["Product-market fit validation", "Product-market fit validation"],
            [
              "Feature development prioritization",
              "Feature development prioritisation",
            ],
            ["User feedback integration", "User feedback integration"],
            ["Performance optimization", "Performance optimisation"],
          ],
          tools: [
            ["Product analytics", "Product analytics"],
            ["User research", "User research"],
            ["A/B testing", "A/B testing"],
            ["Performance monitoring", "Performance monitoring"],
          ],
          kpis: [
            ["feature_adoption", "Feature adoption", "Feature adoption", "{n}"],
            [
              "user_satisfaction",
              "User satisfaction",
              "User satisfaction",
              "{n}/5",
            ],
            [
              "performance_ms",
              "Performance",
              "Performance (response time)",
              "<{n}ms",
              "<{n} ms",
            ],
            ["uptime", "Uptime", "Uptime", "{n}"],
          ],
        },
      ],
      [
        "innovation",
        ["Innovación Continua", "Continuous innovation"],
        {
          strategy: [
            ["R&D investment", "R&D investment"],
            ["Technology exploration", "Technology exploration"],
            ["Market research", "Market research"],
            ["Competitive analysis", "Competitive analysis"],
          ],
          tools: [
            ["Research platforms", "Research platforms"],
            ["Innovation labs", "Innovation labs"],
            ["Patent filing", "Patent filing"],
            ["Technology partnerships", "Technology partnerships"],
          ],
          kpis: [
            ["rd_investment", "R&D investment", "R&D investment", "{n}"],
            [
              "new_features",
              "New features",
              "New features",
              "{n}/año",
              "{n}/year",
            ],
            ["patents", "Patents", "Patents", "{n}/año", "{n}/year"],
            [
              "innovation_index",
              "Innovation index",
              "Innovation index",
              "{n}/10",
            ],
          ],
        },
      ],
    ],
  ),
  department(
    "marketing",
    ["Marketing", "Marketing"],
    ["Escalamiento de Marketing", "Marketing scaling"],
    [
      [
        "channels",
        ["Canal Expansion", "Channel expansion"],
        {
          strategy: [
            ["Multi-channel approach", "Multi-channel approach"],
            ["Channel optimization", "Channel optimisation"],
            ["Attribution modeling", "Attribution modelling"],
            ["Performance tracking", "Performance tracking"],
          ],
          channels: [
            ["Paid advertising", "Paid advertising"],
            ["Content marketing", "Content marketing"],
            ["Social media", "Social media"],
            ["Email marketing", "Email marketing"],
            ["Partnerships", "Partnerships"],
          ],
          kpis: [
            [
              "channel_diversity",
              "Channel diversity",
              "Channel diversity",
              "{n}+",
            ],
            ["cac_by_channel", "CAC by channel", "CAC by channel", "<{n}"],
            ["roi_by_channel", "ROI by channel", "ROI by channel", ">{n}"],
            [
              "attribution_accuracy",
              "Attribution accuracy",
              "Attribution accuracy",
              "{n}",
            ],
          ],
        },
      ],
      [
        "content",
        ["Content Scaling", "Content scaling"],
        {
          strategy: [
            ["Content production scaling", "Content production scaling"],
            ["Quality maintenance", "Quality maintenance"],
            ["Distribution optimization", "Distribution optimisation"],
            ["Performance tracking", "Performance tracking"],
          ],
          tools: [
            ["Content management", "Content management"],
            ["AI content generation", "AI content generation"],
            ["Distribution platforms", "Distribution platforms"],
            ["Analytics tools", "Analytics tools"],
          ],
          kpis: [
            [
              "content_volume",
              "Content volume",
              "Content volume",
              "{n}/mes",
              "{n}/month",
            ],
            ["engagement_rate", "Engagement rate", "Engagement rate", "{n}"],
            ["conversion_rate", "Conversion rate", "Conversion rate", "{n}"],
            ["content_roi", "ROI", "Content ROI", "{n}"],
          ],
        },
      ],
    ],
  ),
  department(
    "sales",
    ["Ventas", "Sales"],
    ["Escalamiento de Ventas", "Sales scaling"],
    [
      [
        "process",
        ["Sales Process Optimization", "Sales process optimisation"],
        {
          strategy: [
            ["Process standardization", "Process standardisation"],
            ["Automation implementation", "Automation implementation"],
            ["Performance tracking", "Performance tracking"],
            ["Continuous improvement", "Continuous improvement"],
          ],
          tools: [
            ["CRM optimization", "CRM optimisation"],
            ["Sales automation", "Sales automation"],
            ["Performance analytics", "Performance analytics"],
            ["Training programs", "Training programmes"],
          ],
          kpis: [
            [
              "cycle_days",
              "Sales cycle",
              "Sales cycle",
              "{n} días",
              "{n} days",
            ],
            ["win_rate", "Win rate", "Win rate", "{n}"],
            ["productivity", "Productivity", "Sales productivity", "{n}x"],
            ["revenue_per_rep", "Revenue per rep", "Revenue per rep", "{n}"],
          ],
        },
      ],
      [
        "team",
        ["Team Scaling", "Sales team scaling"],
        {
          strategy: [
            ["Hiring strategy", "Hiring strategy"],
            ["Training programs", "Training programmes"],
            ["Performance management", "Performance management"],
            ["Culture building", "Culture building"],
          ],
          tools: [
            ["Recruiting platforms", "Recruiting platforms"],
            ["Training systems", "Training systems"],
            ["Performance tools", "Performance tools"],
            ["Culture programs", "Culture programmes"],
          ],
          kpis: [
            ["team_size", "Team size", "Sales team size", "{n}"],
            [
              "hiring_days",
              "Hiring time",
              "Hiring time",
              "{n} días",
              "{n} days",
            ],
            ["ramp_days", "Ramp time", "Ramp time", "{n} días", "{n} days"],
            ["retention", "Retention", "Sales team retention", "{n}"],
          ],
        },
      ],
    ],
  ),
  department(
    "operations",
    ["Operaciones", "Operations"],
    ["Escalamiento de Operaciones", "Operations scaling"],
    [
      [
        "automation",
        ["Process Automation", "Process automation"],
        {
          strategy: [
            ["Process mapping", "Process mapping"],
            ["Automation identification", "Automation identification"],
            ["Tool implementation", "Tool implementation"],
            ["Performance monitoring", "Performance monitoring"],
          ],
          tools: [
            ["Workflow automation", "Workflow automation"],
            ["Integration platforms", "Integration platforms"],
            ["Monitoring tools", "Monitoring tools"],
            ["Analytics systems", "Analytics systems"],
          ],
          kpis: [
            ["automation_rate", "Automation rate", "Automation rate", "{n}"],
            [
              "process_efficiency",
              "Process efficiency",
              "Process efficiency",
              "{n}",
            ],
            ["error_reduction", "Error reduction", "Error reduction", "{n}"],
            ["cost_savings", "Cost savings", "Cost savings", "{n}"],
          ],
        },
      ],
      [
        "infrastructure",
        ["Infrastructure Scaling", "Infrastructure scaling"],
        {
          strategy: [
            ["Capacity planning", "Capacity planning"],
            ["Technology upgrades", "Technology upgrades"],
            ["Security enhancement", "Security enhancement"],
            ["Performance optimization", "Performance optimisation"],
          ],
          tools: [
            ["Cloud platforms", "Cloud platforms"],
            ["Monitoring systems", "Monitoring systems"],
            ["Security tools", "Security tools"],
            ["Performance tools", "Performance tools"],
          ],
          kpis: [
            ["uptime", "Uptime", "Uptime", "{n}"],
            [
              "response_time_ms",
              "Response time",
              "Response time",
              "<{n}ms",
              "<{n} ms",
            ],
            ["scalability", "Scalability", "Scalability", "{n}x"],
            ["security", "Security", "Security", "{n}"],
          ],
        },
      ],
    ],
  ),
];
