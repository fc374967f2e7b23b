/**
 * What refresh read, as plain data: the snapshot the plan (plan.ts) is made from, and the parts of
 * the result that come straight from the read (plan completion, the sheets whose edits matter).
 */
import { PHASE_NUMBERS } from "../../core/catalog";
import { Overrides } from "../../core/overrides";
import { PHASE_PLANS, planCompletion, planItemCount } from "../../core/plan";
import { PLAN, SheetKey, parseAddress } from "../../core/template";
import { planItemRows } from "../../core/template/plan";
import { languageOfLabel } from "../../core/template/labels";
import { isFormula } from "../cells";
import { TemplateSnapshot } from "./plan";
import { insertedMonths } from "./months-plan";
import { SeedSheetSnapshot, departmentLevels } from "./seed-sheets";
import {
  DEPARTMENT_FUNCTIONS,
  DEPARTMENT_KPIS,
} from "../../core/department-kpis";
import { NAMES } from "../../core/template";
import { Reads, SheetRead, present } from "./read";

/** What was read, as plain data for the plan. */
export function snapshotOf(
  reads: Reads,
  overrides: Overrides,
): TemplateSnapshot {
  const rows = new Map<
    string,
    { address: ReturnType<typeof parseAddress>; values: unknown[][] }
  >();
  for (const [key, range] of reads.rows)
    if (present(range))
      rows.set(key, {
        address: parseAddress(range.address),
        values: range.values,
      });
  // A date (typed, or the default formula's result); the default formula not computed; or cleared.
  const reporting = present(reads.reportingMonth)
    ? reads.reportingMonth
    : undefined;
  const value = reporting?.values[0]?.[0];
  const formula = isFormula(reporting?.formulas[0]?.[0]);
  const reportingMonth =
    typeof value === "number"
      ? value
      : formula || !reporting
        ? "default"
        : "empty";
  return {
    rows,
    targetPhaseRow: present(reads.targetPhase)
      ? parseAddress(reads.targetPhase.address).start.row
      : undefined,
    lastGroupRow: present(reads.lastGroup)
      ? parseAddress(reads.lastGroup.address).start.row
      : undefined,
    months: present(reads.months) ? reads.months.values[0] : undefined,
    reportingMonth,
    minShare: present(reads.minShare)
      ? reads.minShare.values[0]?.[0]
      : undefined,
    dashboardPhase: present(reads.dashboardPhase)
      ? parseAddress(reads.dashboardPhase.address)
      : undefined,
    dashboardFlags: reads.dashboardFlags
      .filter(present)
      .map((r) => parseAddress(r.address)),
    dashboardVariances: reads.dashboardVariances
      .filter(present)
      .map((r) => parseAddress(r.address)),
    groupFlags: reads.groupFlags
      .filter(present)
      .map((r) => parseAddress(r.address)),
    overrides,
    ...seedSheetsOf(reads),
  };
}

/** The Departments, Channels and Tools sheets as read, the timeline they follow, and the Departments sheet's levels. */
function seedSheetsOf(
  reads: Reads,
): Pick<TemplateSnapshot, "seedSheets" | "seedContext" | "departments"> {
  const seedSheets: SeedSheetSnapshot[] = [];
  for (const [key, seed] of reads.seedSheets) {
    const names = new Map<string, ReturnType<typeof parseAddress>>();
    for (const [name, range] of seed.names)
      if (present(range)) names.set(name, parseAddress(range.address));
    if (names.size > 0) seedSheets.push({ key, names });
  }
  const departments = reads.seedSheets.get("departments")?.names;
  const valueOf = (name: string) => {
    const range = departments?.get(name);
    return present(range) ? range : undefined;
  };
  const levels = new Map<string, unknown>();
  for (const fn of DEPARTMENT_FUNCTIONS) {
    const range = valueOf(NAMES.departmentLevel(fn));
    if (range) levels.set(fn, range.values[0]?.[0]);
  }
  const flags = new Map<string, { address: string; value: unknown }>();
  for (const k of DEPARTMENT_KPIS) {
    const range = valueOf(NAMES.departmentFlag(k.id));
    if (range)
      flags.set(k.id, { address: range.address, value: range.values[0]?.[0] });
  }
  return {
    seedSheets,
    seedContext: present(reads.months)
      ? {
          language: planLanguage(reads.planLabels[0]) ?? "en",
          trackingMonths: reads.months.values[0].length,
          inserted: insertedMonths(reads.months.formulas[0]).length,
        }
      : undefined,
    departments: departmentLevels(levels, flags),
  };
}

/** The plan sheet's language from its completion label; undefined (either language's words) when the label was edited. */
const planLanguage = (label: Excel.Range | undefined) =>
  present(label)
    ? languageOfLabel(label.values[0]?.[0], (l) => l.plan.completion)
    : undefined;

/** Per phase P1..P4, its plan completion as the plan sheet counts it; null where the sheet is gone. */
export const planCompletions = (reads: Reads): (number | null)[] =>
  reads.planStatuses.map((range, k) =>
    present(range)
      ? (planCompletion(
          // Only the items' own cells: never a status typed beside a numeric objective or a heading.
          planItemRows(PHASE_NUMBERS[k]).map(
            (row) => range.values[row - PLAN.objectiveRow(0)]?.[0],
          ),
          planItemCount(PHASE_PLANS[k]),
          planLanguage(reads.planLabels[k]),
        ) ?? null)
      : null,
  );

/** The sheets whose cells the flags read: the dashboard holds the reporting month and the minimum share, so edits there move the levels too. */
export const inputSheetIds = (
  reads: Reads,
  sheets: ReadonlyMap<SheetKey, SheetRead>,
): string[] => [
  ...[...sheets]
    // The Risks and Tools sheets' cells are not read for the levels.
    .filter(([key]) => key !== "risks" && key !== "tools")
    .map(([, read]) => read.sheet.id),
  ...(reads.thresholdsSheet ? [reads.thresholdsSheet.id] : []),
];
