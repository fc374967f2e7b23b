/**
 * describeWorkbook: the threshold catalog + options -> the tracking workbook, declaratively
 * (product.md section 6). One builder per sheet; every threshold a formula needs is read from
 * the Thresholds sheet, and every rule is the core's (formulas.ts mirrors evaluate.ts and timeline.ts).
 */
import { PHASE_NUMBERS } from "../catalog";
import { budgetSheet } from "./budget";
import { boardSheet } from "./board";
import { channelsSheet } from "./channels-sheet";
import { Context, actualsByRow } from "./context";
import { dashboardSheet } from "./dashboard";
import { departmentsSheet } from "./departments-sheet";
import { TEMPLATE_LABELS } from "./labels";
import { MONTHS } from "./layout";
import { INPUT_MESSAGES_EN } from "../messages-input";
import { monthsFit } from "./options";
import { planSheet } from "./plan";
import { risksSheet } from "./risks";
import { placeSettings } from "./settings";
import { thresholdsSheet } from "./thresholds";
import { toolsSheet } from "./tools-sheet";
import { trackingSheet } from "./tracking";
import { SheetSpec, TemplateOptions, WorkbookSpec } from "./types";

export * from "./types";
export * from "./layout";
export * from "./formats";
export { TEMPLATE_LABELS } from "./labels";
export { findPlanItems, planItemCount } from "./plan-items";
export type { PlanColumns, PlanItemsFound, TextAt } from "./plan-items";
export * from "./rules";
export * from "./screen";
export * from "./limits";
export * from "./options";
export {
  absolute,
  cellPosition,
  columnLetter,
  onSheet,
  parseAddress,
} from "./formulas";

/** Why a timeline length cannot be used, or undefined. */
export function monthsProblem(months: number): string | undefined {
  return monthsFit(months)
    ? undefined
    : INPUT_MESSAGES_EN.options.months(
        "months",
        MONTHS.min,
        MONTHS.max,
        `${months}`,
      );
}

export function describeWorkbook(options: TemplateOptions): WorkbookSpec {
  const labels = TEMPLATE_LABELS[options.language];
  const months = options.months ?? MONTHS.default;
  const problem = monthsProblem(months);
  if (problem) throw new RangeError(problem);
  const ctx: Context = {
    language: options.language,
    company: options.company,
    currency: options.currency,
    firstMonth: options.firstMonth,
    months,
    labels,
    actuals: actualsByRow(options.actuals ?? []),
    budget: actualsByRow(options.budget ?? []),
    sheetName: (key) => options.sheetNames?.[key] ?? labels.sheets[key],
    names: [],
    tables: [],
    rules: [],
    validations: [],
    charts: [],
  };
  // Built in workbook order: each builder adds its names, rules and charts to the context.
  const sheets: SheetSpec[] = [
    dashboardSheet(ctx),
    boardSheet(ctx),
    trackingSheet(ctx),
    budgetSheet(ctx),
    departmentsSheet(ctx),
    channelsSheet(ctx),
    ...PHASE_NUMBERS.map((n) => planSheet(ctx, n)),
    thresholdsSheet(ctx),
    risksSheet(ctx),
    toolsSheet(ctx),
  ];
  // What the user set in an earlier tracker goes where the names say (rebuild).
  return placeSettings(
    {
      sheets,
      names: ctx.names,
      tables: ctx.tables,
      rules: ctx.rules,
      validations: ctx.validations,
      charts: ctx.charts,
    },
    options,
  );
}
