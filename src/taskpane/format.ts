/** Numbers as the template shows them: percentages for fractions, 20:1 for ratios, 10x for multiples. */
import {
  Language,
  OTHER_MEASURES,
  PHASE_METRICS,
  RISK_INDICATORS,
  ValueChecked,
} from "../core/catalog";
import { INPUT_MESSAGES, valueProblemIn } from "../core/input-messages";
import { departmentKpi, kpiValueProblem } from "../core/department-kpis";
import { TEMPLATE_LABELS } from "../core/template/labels";
import { monthLabel } from "../core/months";
import type { SheetInput } from "../core/sheet-inputs";
import { Measured, measureDecimals } from "../core/template/formats";
import type { UnusualCell } from "../officejs";

const LOCALE: Readonly<Record<Language, string>> = { en: "en-US", es: "es-ES" };

/** A measure's value with the decimals the workbook gives it (the core's one rule: an edge and a step past it look different). */
export function formatMeasure(
  value: number,
  measure: Measured,
  language: Language,
): string {
  const digits = measureDecimals(measure);
  const number = (style: "percent" | "decimal") =>
    value.toLocaleString(LOCALE[language], {
      style,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  switch (measure.unit) {
    case "fraction":
      return number("percent");
    case "ratio":
      return `${number("decimal")}:1`;
    case "multiple":
      return `${number("decimal")}x`;
    default:
      return number("decimal");
  }
}

/** A value for a Departments or Channels row (product.md 13): a percent, a multiple or a number, as typed. */
export const formatSheetInput = (
  value: number,
  input: SheetInput,
  language: Language,
): string => formatAs(value, input.format, language);

function formatAs(
  value: number,
  format: SheetInput["format"],
  language: Language,
): string {
  const shown = (style: "percent" | "decimal") =>
    value.toLocaleString(LOCALE[language], {
      style,
      maximumFractionDigits: style === "percent" ? 2 : 4,
    });
  return format === "percent"
    ? shown("percent")
    : format === "multiple"
      ? `${shown("decimal")}x`
      : shown("decimal");
}

/** How a department KPI's unit shows, as its row on the Departments sheet. */
const kpiFormat = (id: string): SheetInput["format"] => {
  const unit = departmentKpi(id)?.unit;
  return unit === "fraction"
    ? "percent"
    : unit === "multiple"
      ? "multiple"
      : "plain";
};

/** A department KPI's value or target (product.md 13): "40%", "2x", "45". */
export const formatKpi = (value: number, id: string, language: Language) =>
  formatAs(value, kpiFormat(id), language);

/**
 * A department KPI's gap as the workbook shows gaps (formats.ts gapFormat): a percentage's in
 * percentage points ("5 pp", "5 p.p."), a multiple's as a plain number (a gap of 1 is not "1x").
 */
export function formatKpiGap(gap: number, id: string, language: Language) {
  const format = kpiFormat(id);
  if (format !== "percent") return formatAs(gap, "plain", language);
  const points = (gap * 100).toLocaleString(LOCALE[language], {
    maximumFractionDigits: 2,
  });
  return `${points} ${TEMPLATE_LABELS[language].points}`;
}

/** Why SCALE.RISK rejects `value` for a department KPI ("… is a percentage entered as a fraction …"), in `language`. */
export function kpiProblem(
  id: string,
  value: number,
  language: Language,
): string | undefined {
  const kpi = departmentKpi(id);
  return kpi && kpiValueProblem(kpi, value, INPUT_MESSAGES[language].value);
}

/** A share as the workbook's plan completion shows it: a whole percent. */
export const formatShare = (share: number, language: Language): string =>
  share.toLocaleString(LOCALE[language], {
    style: "percent",
    maximumFractionDigits: 0,
  });

/**
 * A measure by the id refresh gives a row: a phase metric, a risk indicator (group.indicator), or
 * one of the timeline's other measures (the SaaS measures of product.md 12, the cash balance).
 */
export const measureById = (id: string): ValueChecked | undefined =>
  PHASE_METRICS.find((x) => x.id === id) ??
  RISK_INDICATORS.find((x) => x.qualifiedId === id) ??
  OTHER_MEASURES.find((x) => x.id === id);

/** The core's "cannot be a value of" sentence (catalog.valueProblem) in the pane's language. */
export function rangeProblem(
  measureId: string,
  value: number,
  language: Language,
): string {
  const m = measureById(measureId);
  return (m && valueProblemIn(language, m, value)) ?? "";
}

/** The core's sentence for an unusual typed value (the importer's), its months as months, in `language`. */
export function unusualSentence(cell: UnusualCell, language: Language): string {
  const month = (m: string) =>
    /^\d{4}-\d{2}$/.test(m) ? monthLabel(m, language) : m;
  const measure = measureById(cell.measureId);
  const name = language === "es" && measure ? measure.name.es : cell.measureId;
  return INPUT_MESSAGES[language].importer.unusual(
    name,
    month(cell.month),
    cell.value,
    [cell.previous, cell.next].map((n) => [month(n.month), n.value] as const),
    cell.size,
  );
}

/** "2024-05" -> "May 2024" / "mayo de 2024", in the pane's language. */
export function formatMonth(yearMonth: string, language: Language): string {
  const [year, month] = yearMonth.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString(
    LOCALE[language],
    { month: "long", year: "numeric", timeZone: "UTC" },
  );
}
