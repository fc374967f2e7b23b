/**
 * The seed's "Herramientas de Escalamiento" (product.md 13): its three groups of seven tool
 * categories, each with its four tools, four functionalities and four expected-impact figures
 * (28 in all). A figure is a level to reach ("Data accuracy: 99%"), a change against the
 * baseline before the tool ("Churn reduction: 40%", "Decision speed: +50%": the target is the
 * size of the change), or a vendor's ROI claim ("ROI: 400%"), shown as a claim and never judged
 * as a target. Spanish labels are the seed's own words; English labels are translations.
 */
import type { Direction, Language, Localized } from "./catalog";
import type { ChangeKind, Period } from "./department-kpis";
import { FigureWords, writtenNumber } from "./departments";
import { PlanItem } from "./plan";
import type { SeedUnit } from "./seed-units";

export interface ToolImpact extends FigureWords {
  readonly unit: SeedUnit;
  readonly direction: Direction;
  readonly target: number;
  /** The seed writes `<`: the target itself misses. */
  readonly strict: boolean;
  readonly per?: Period;
  /** Stated as a change against the baseline before the tool. */
  readonly change?: ChangeKind;
  /** A vendor's ROI claim: shown, not judged. */
  readonly claim?: true;
  /**
   * Where the workbook already holds this quantity month by month, so its current value is read
   * there as of the reporting month and never typed twice (product.md 13: linked KPIs typed once):
   * a timeline row on Tracking, or a Departments KPI's typed row.
   */
  readonly currentFrom?: CurrentSource;
}

/** A timeline row (catalog.ts id) or a Departments KPI typed month by month (department-kpis.ts id). */
export type CurrentSource =
  { readonly tracking: string } | { readonly department: string };

export interface ToolCategory {
  /** `marketing_automation`, ...: the prefix of its impacts' ids. */
  readonly id: string;
  readonly label: Localized;
  readonly source: string;
  readonly tools: readonly PlanItem[];
  readonly functionalities: readonly PlanItem[];
  readonly impacts: readonly ToolImpact[];
}

export interface ToolGroup {
  readonly label: Localized;
  readonly source: string;
  readonly categories: readonly ToolCategory[];
}

/** An expected impact's line as the seed writes it: "Churn reduction: 40%". */
export function impactWords(impact: ToolImpact, language: Language): string {
  return `${impact.label[language]}: ${writtenNumber(impact.target, impact.unit, impact.written, language)}`;
}

const TOOLS = "Herramientas de Escalamiento";

type Pair = readonly [es: string, en: string];

interface ImpactSpec {
  readonly id: string;
  readonly label: Pair;
  /** How the seed writes the number, Spanish then English when they differ. */
  readonly written: string | Pair;
  readonly unit: SeedUnit;
  readonly target: number;
  readonly direction?: Direction;
  readonly strict?: boolean;
  readonly per?: Period;
  readonly change?: ChangeKind;
  readonly claim?: true;
  readonly currentFrom?: CurrentSource;
}

const level = (
  id: string,
  label: Pair,
  unit: SeedUnit,
  target: number,
  written: string | Pair = "{n}",
  more: Partial<ImpactSpec> = {},
): ImpactSpec => ({ id, label, unit, target, written, ...more });
const change = (
  kind: ChangeKind,
  id: string,
  label: Pair,
  target: number,
  written = "{n}",
): ImpactSpec => ({
  id,
  label,
  unit: "fraction",
  target,
  written,
  change: kind,
});
const claim = (target: number): ImpactSpec => ({
  id: "roi",
  label: ["ROI", "ROI (vendor's claim)"],
  unit: "fraction",
  target,
  written: "{n}",
  claim: true,
});

interface CategorySpec {
  readonly id: string;
  readonly label: Pair;
  readonly tools: readonly string[];
  readonly functionalities: readonly Pair[];
  readonly impacts: readonly ImpactSpec[];
}

function group(label: Pair, categories: readonly CategorySpec[]): ToolGroup {
  const source = `${TOOLS} › ${label[0]}`;
  return {
    label: { es: label[0], en: label[1] },
    source,
    categories: categories.map((c) => {
      const at = `${source} › ${c.label[0]}`;
      return {
        id: c.id,
        label: { es: c.label[0], en: c.label[1] },
        source: at,
        // Product names read the same in both languages.
        tools: c.tools.map((t) => ({
          label: { es: t, en: t },
          source: `${at} (HERRAMIENTAS)`,
        })),
        functionalities: c.functionalities.map(([es, en]) => ({
          label: { es, en },
          source: `${at} (FUNCIONALIDADES)`,
        })),
        impacts: c.impacts.map((i): ToolImpact => {
          const [wes, wen] =
            typeof i.written === "string" ? [i.written, i.written] : i.written;
          return {
            id: `${c.id}.${i.id}`,
            label: { es: i.label[0], en: i.label[1] },
            written: { es: wes, en: wen },
            source: `${at} (MÉTRICAS)`,
            unit: i.unit,
            direction: i.direction ?? "higher",
            target: i.target,
            strict: i.strict ?? false,
            ...(i.per && { per: i.per }),
            ...(i.change && { change: i.change }),
            ...(i.claim && { claim: i.claim }),
            ...(i.currentFrom && { currentFrom: i.currentFrom }),
          };
        }),
      };
    }),
  };
}

export const TOOL_GROUPS: readonly ToolGroup[] = [
  group(
    ["Herramientas de Automatización", "Automation tools"],
    [
      {
        id: "marketing_automation",
        label: ["Marketing Automation", "Marketing automation"],
        tools: ["HubSpot Enterprise", "Marketo", "Pardot", "ActiveCampaign"],
        functionalities: [
          ["Lead scoring automático", "Automatic lead scoring"],
          ["Nurturing sequences", "Nurturing sequences"],
          ["Campaign automation", "Campaign automation"],
          ["Performance tracking", "Performance tracking"],
        ],
        impacts: [
          level(
            "automation_rate",
            ["Automation rate", "Marketing automation rate"],
            "fraction",
            0.9,
          ),
          level(
            "time_saved_hours",
            ["Time saved", "Time saved"],
            "hours",
            40,
            ["{n} horas/semana", "{n} hours/week"],
            {
              per: "week",
            },
          ),
          change(
            "increase",
            "conversion_improvement",
            ["Conversion improvement", "Conversion improvement"],
            0.25,
          ),
          claim(4),
        ],
      },
      {
        id: "sales_automation",
        label: ["Sales Automation", "Sales automation"],
        tools: ["Salesforce", "Pipedrive", "Outreach", "SalesLoft"],
        functionalities: [
          ["Pipeline automation", "Pipeline automation"],
          ["Follow-up sequences", "Follow-up sequences"],
          ["Proposal generation", "Proposal generation"],
          ["Performance tracking", "Performance tracking"],
        ],
        impacts: [
          change(
            "reduction",
            "sales_cycle_reduction",
            ["Sales cycle reduction", "Sales cycle reduction"],
            0.3,
          ),
          change(
            "increase",
            "productivity_increase",
            ["Productivity increase", "Productivity increase"],
            0.5,
          ),
          change(
            "increase",
            "conversion_improvement",
            ["Conversion improvement", "Conversion improvement"],
            0.2,
          ),
          claim(3.5),
        ],
      },
      {
        id: "customer_success_automation",
        label: ["Customer Success Automation", "Customer success automation"],
        tools: ["Gainsight", "Totango", "ChurnZero", "Intercom"],
        functionalities: [
          ["Health scoring", "Health scoring"],
          ["Churn prediction", "Churn prediction"],
          ["Onboarding automation", "Onboarding automation"],
          ["Success tracking", "Success tracking"],
        ],
        impacts: [
          change(
            "reduction",
            "churn_reduction",
            ["Churn reduction", "Churn reduction"],
            0.4,
          ),
          change(
            "increase",
            "satisfaction_increase",
            ["Satisfaction increase", "Satisfaction increase"],
            0.3,
          ),
          change(
            "increase",
            "retention_improvement",
            ["Retention improvement", "Retention improvement"],
            0.25,
          ),
          claim(3),
        ],
      },
    ],
  ),
  group(
    ["Herramientas de Analytics", "Analytics tools"],
    [
      {
        id: "business_intelligence",
        label: ["Business Intelligence", "Business intelligence"],
        tools: ["Tableau", "Power BI", "Looker", "Metabase"],
        functionalities: [
          ["Dashboard creation", "Dashboard creation"],
          ["Data visualization", "Data visualisation"],
          ["Report automation", "Report automation"],
          ["Performance tracking", "Performance tracking"],
        ],
        impacts: [
          change(
            "reduction",
            "report_time_reduction",
            ["Report generation time", "Report generation time"],
            0.8,
            "-{n}",
          ),
          level(
            "data_accuracy",
            ["Data accuracy", "Data accuracy"],
            "fraction",
            0.99,
          ),
          change(
            "increase",
            "decision_speed",
            ["Decision speed", "Decision speed"],
            0.5,
            "+{n}",
          ),
          claim(2.5),
        ],
      },
      {
        id: "predictive_analytics",
        label: ["Predictive Analytics", "Predictive analytics"],
        tools: ["DataRobot", "H2O.ai", "RapidMiner", "KNIME"],
        functionalities: [
          ["Churn prediction", "Churn prediction"],
          ["Revenue forecasting", "Revenue forecasting"],
          ["Customer segmentation", "Customer segmentation"],
          ["Risk assessment", "Risk assessment"],
        ],
        impacts: [
          level(
            "prediction_accuracy",
            ["Prediction accuracy", "Prediction accuracy"],
            "fraction",
            0.85,
          ),
          level(
            "forecast_accuracy",
            ["Forecast accuracy", "Forecast accuracy"],
            "fraction",
            0.9,
          ),
          change(
            "increase",
            "decision_improvement",
            ["Decision improvement", "Decision improvement"],
            0.4,
          ),
          claim(4),
        ],
      },
    ],
  ),
  group(
    ["Herramientas de Escalamiento", "Scaling tools"],
    [
      {
        id: "infrastructure_scaling",
        label: ["Infrastructure Scaling", "Infrastructure scaling"],
        tools: ["AWS/GCP/Azure", "Kubernetes", "Docker", "Terraform"],
        functionalities: [
          ["Auto-scaling", "Auto-scaling"],
          ["Load balancing", "Load balancing"],
          ["Monitoring", "Monitoring"],
          ["Security", "Security"],
        ],
        impacts: [
          // Tracking's uptime and the operations KPI's response time: the same quantities.
          level("uptime", ["Uptime", "Uptime"], "fraction", 0.9999, "{n}", {
            currentFrom: { tracking: "uptime" },
          }),
          level(
            "response_time_ms",
            ["Response time", "Response time"],
            "milliseconds",
            100,
            ["<{n}ms", "<{n} ms"],
            {
              direction: "lower",
              strict: true,
              currentFrom: { department: "operations.response_time_ms" },
            },
          ),
          level(
            "scalability",
            ["Scalability", "Scalability"],
            "multiple",
            10,
            "{n}x",
          ),
          // Infrastructure cost for the same load, 30% below the baseline.
          change(
            "reduction",
            "cost_efficiency",
            ["Cost efficiency", "Cost efficiency"],
            0.3,
          ),
        ],
      },
      {
        id: "team_scaling",
        label: ["Team Scaling", "Team scaling"],
        tools: ["BambooHR", "Workday", "15Five", "Culture Amp"],
        functionalities: [
          ["Hiring automation", "Hiring automation"],
          ["Performance management", "Performance management"],
          ["Culture tracking", "Culture tracking"],
          ["Employee engagement", "Employee engagement"],
        ],
        impacts: [
          change(
            "increase",
            "hiring_speed",
            ["Hiring speed", "Hiring speed"],
            0.5,
            "+{n}",
          ),
          level(
            "retention_rate",
            ["Retention rate", "Retention rate"],
            "fraction",
            0.95,
          ),
          level(
            "satisfaction",
            ["Satisfaction", "Employee satisfaction"],
            "score_1_5",
            4.5,
            "{n}/5",
          ),
          change(
            "increase",
            "productivity",
            ["Productivity", "Productivity"],
            0.3,
            "+{n}",
          ),
        ],
      },
    ],
  ),
];

/** Every expected-impact figure, in the seed's order. */
export const TOOL_IMPACTS: readonly ToolImpact[] = TOOL_GROUPS.flatMap((g) =>
  g.categories.flatMap((c) => c.impacts),
);
