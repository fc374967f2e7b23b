/**
 * The tracking workbook's export (median of five, in memory) for 36 months and for 120 months of
 * actuals, its conditional-format rules (how many, the longest formula), the frozen Tracking
 * columns' pixels, and how HyperFormula's full recalculation grows with the months.
 */
import { INPUT_ROWS } from "../src/core/timeline";
import { TemplateOptions, TimelineValue, describeWorkbook, frozenPixels, longestRuleFormula } from "../src/core/template";
import { writeWorkbook } from "../src/xlsx/write";
import { loadWorkbook } from "../test/support/hf-workbook";
import { SCENARIOS } from "../test/support/scenarios";

/** Every input row typed every month: the heaviest timeline a team can have. */
function everyMonth(months: number): TimelineValue[] {
  return INPUT_ROWS.flatMap((r) =>
    Array.from({ length: months }, (_, t) => ({ key: r.key, month: t + 1, value: r.measure.unit === "fraction" ? 0.05 : 10 + t })),
  );
}

async function median(options: TemplateOptions): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = process.hrtime.bigint();
    await writeWorkbook(describeWorkbook(options));
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]);
}

/** Median time of HyperFormula recalculating the whole workbook from scratch. */
function recalcMs(months: number): number {
  const workbook = loadWorkbook(describeWorkbook({ language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", months, actuals: everyMonth(months) }));
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = process.hrtime.bigint();
    workbook.hf.rebuildAndRecalculate();
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The worst of both languages: the longest rule or validation formula, the widest frozen Tracking columns. */
function screenAndLimits(base: TemplateOptions): Record<string, number> {
  const specs = (["en", "es"] as const).map((language) => describeWorkbook({ ...base, language, months: 120 }));
  return {
    longestRuleFormulaChars: Math.max(...specs.map(longestRuleFormula)),
    frozenTrackingPixels: Math.max(...specs.map((s) => frozenPixels(s.sheets.find((x) => x.key === "tracking")!))),
  };
}

export async function run(): Promise<Record<string, number>> {
  const base = { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" } as const;
  return {
    xlsxExportMs: await median(SCENARIOS[0].options),
    xlsxExport120MonthsMs: await median({ ...base, months: 120, actuals: everyMonth(120) }),
    conditionalFormatRules: describeWorkbook({ ...base, months: 120 }).rules.length,
    ...screenAndLimits(base),
    recalcGrowth: +(recalcMs(120) / recalcMs(12)).toFixed(2),
  };
}
