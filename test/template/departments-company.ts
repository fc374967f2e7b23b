/**
 * A company that types its department KPIs (product.md 13), and what each KPI's flag and each
 * function's level must be, worked out by hand from the band rule of product.md 4: OK at the
 * target, WATCH within 10% of it (for a capped fraction, 10% of the smaller of the target and its
 * distance to 100%), RISK beyond; a group's level is its worst KPI's, blanks skipped.
 */
import { NAMES, TemplateOptions, TimelineValue, WorkbookSpec } from "../../src/core/template";
import { cellPosition, columnLetter } from "../../src/core/address";
import { sameValue } from "../support/scenarios";

/** Tracking's MRR is typed in months 1..14: the dashboard reports month 14. */
export const REPORTING = 14;

const at = (key: string, value: number, month = REPORTING): TimelineValue => ({ key, month, value });

const SLOTS = ["paid_advertising", "content_marketing", "social_media", "email_marketing", "partnerships", "user1", "user2", "user3", "user4", "user5"];

const values: TimelineValue[] = [
  ...Array.from({ length: REPORTING }, (_, i) => at("mrr", 10_000 + 500 * i, i + 1)),
  // Tracking's rows the linked KPIs are: uptime judged at 99.9% and 99.99%, automation at 90%.
  at("uptime", 0.999895),
  at("process_automation", 0.85),
  at("sales.win_rate", 0.35),
  at("sales.cycle_days", 48),
  at("sales.revenue_per_rep", 520_000),
  // Typed the month before the reporting month only: blank then.
  at("sales.team_size", 40, REPORTING - 1),
  at("product.feature_adoption", 0.8),
  // Five new features a month from month 3: 60 in the last 12 months.
  ...Array.from({ length: REPORTING - 2 }, (_, i) => at("product.new_features", 5, i + 3)),
  at("marketing.content_volume", 90),
  at("marketing.engagement_rate", 0.08),
  at("operations.error_reduction.value", 40),
  at("operations.cost_savings.value", 110),
  // Ten channels with spend 1,000, 20 new customers and 400 new MRR: CAC 50, first-year ROI (12 x 400 - 1,000) / 1,000 = 3.8.
  ...SLOTS.flatMap((s) => [at(`channel.${s}.spend`, 1000), at(`channel.${s}.customers`, 20), at(`channel.${s}.new_mrr`, 400)]),
];

export const DEPARTMENTS_COMPANY: TemplateOptions = { language: "en", company: "Dept Co", currency: "USD", firstMonth: "2026-01", months: 24, actuals: values };

/** The baselines the company typed (product.md 13: a change KPI has a baseline cell). */
export const BASELINES: Readonly<Record<string, number>> = { "operations.error_reduction": 100, "operations.cost_savings": 200 };

/** The description with the baselines typed into their cells, as a user types them. */
export function withBaselines(spec: WorkbookSpec, baselines: Readonly<Record<string, number>> = BASELINES): WorkbookSpec {
  const typed = new Map(Object.entries(baselines).map(([id, v]) => [spec.names.find((n) => n.name === NAMES.departmentBaseline(id))!.ref.replace(/\$/g, ""), v]));
  return {
    ...spec,
    sheets: spec.sheets.map((s) =>
      s.key !== "departments" ? s : { ...s, cells: [...s.cells.filter((c) => !typed.has(c.ref)), ...[...typed].map(([ref, value]) => ({ ref, value, style: "input" as const }))] },
    ),
  };
}

/** Each KPI's value as of month 14 and its level, by hand. */
export const KPI_AT_REPORTING: Readonly<Record<string, { value: number | ""; flag: string }>> = {
  // 0.35 against 40%: WATCH from 40% - 10% x min(40%, 60%) = 36%.
  "sales.win_rate": { value: 0.35, flag: "RISK" },
  // 48 days against 45, lower is better: WATCH up to 49.5.
  "sales.cycle_days": { value: 48, flag: "WATCH" },
  "sales.revenue_per_rep": { value: 520_000, flag: "OK" },
  "sales.team_size": { value: "", flag: "" },
  "sales.productivity": { value: "", flag: "" },
  // Tracking's uptime 99.9895%: at 99.9% OK; at 99.99% WATCH from 99.99% - 10% x 0.01% = 99.989%.
  "product.uptime": { value: 0.999895, flag: "OK" },
  "operations.uptime": { value: 0.999895, flag: "WATCH" },
  // 85% against 90%: WATCH from 90% - 10% x 10% = 89%.
  "operations.automation_rate": { value: 0.85, flag: "RISK" },
  "product.feature_adoption": { value: 0.8, flag: "OK" },
  "product.new_features": { value: 60, flag: "OK" },
  "product.patents": { value: "", flag: "" },
  // 90 a month against 100: WATCH down to 90 (the edge itself).
  "marketing.content_volume": { value: 90, flag: "WATCH" },
  "marketing.engagement_rate": { value: 0.08, flag: "OK" },
  // (100 - 40) / 100 = 60% against 70%: WATCH from 70% - 10% x 30% = 67%.
  "operations.error_reduction": { value: 0.6, flag: "RISK" },
  // (200 - 110) / 200 = 45% against 50%: WATCH from 50% - 10% x 50% = 45% (the edge).
  "operations.cost_savings": { value: 0.45, flag: "WATCH" },
  // Ten channels with spend: 10 against 10+; worst CAC 50 < 100; worst ROI 380% > 300%.
  "marketing.channel_diversity": { value: 10, flag: "OK" },
  "marketing.cac_by_channel": { value: 50, flag: "OK" },
  "marketing.roi_by_channel": { value: 3.8, flag: "OK" },
};

/** A function's level: its worst KPI flag (product.md 4). */
export const LEVELS: Readonly<Record<string, string>> = { product: "OK", marketing: "WATCH", sales: "RISK", operations: "RISK" };

/** The named cell (a month row's month `t`), or the cell `offset` columns from it, on its sheet. */
export function namedCell(spec: WorkbookSpec, name: string, t = 1, offset = 0): { sheet: string; ref: string } {
  const n = spec.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const { col, row } = cellPosition(n.ref.replace(/\$/g, "").split(":")[0]);
  return { sheet: spec.sheets.find((s) => s.key === n.sheet)!.name, ref: `${columnLetter(col + t - 1 + offset)}${row}` };
}

type Read = (sheet: string, ref: string) => unknown;

/** Every KPI value, flag and function level that differs from the oracle, as "what: got, want". */
export function departmentMismatches(spec: WorkbookSpec, read: Read): string[] {
  const wrong: string[] = [];
  const check = (what: string, at: { sheet: string; ref: string }, want: unknown) => {
    const got = read(at.sheet, at.ref) ?? "";
    if (!sameValue(got, want)) wrong.push(`${what}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  for (const [id, { value, flag }] of Object.entries(KPI_AT_REPORTING)) {
    check(`${id} flag`, namedCell(spec, NAMES.departmentFlag(id)), flag);
    // The value sits left of its flag.
    check(`${id} value`, namedCell(spec, NAMES.departmentFlag(id), 1, -1), value);
  }
  for (const [fn, level] of Object.entries(LEVELS)) check(`${fn} level`, namedCell(spec, NAMES.departmentLevel(fn)), level);
  return wrong;
}

