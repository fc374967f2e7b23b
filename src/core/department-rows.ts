/**
 * What a team types month by month on the Departments and Channels sheets (product.md 13), by
 * key: the contract the sheet builders, the importer and rebuild share. A key is a
 * TimelineValue's key, so these numbers travel with Tracking's (TemplateOptions.actuals).
 *
 * - A department KPI the team types: its id, `sales.win_rate`.
 * - A KPI stated as a change against a baseline ("Error reduction: 70%"): the month's measured
 *   value is typed under `<id>.value`; the baseline is one cell, the change is computed.
 * - A KPI the timeline already holds (`link`) or the Channels sheet computes has no row to type.
 * - A channel's month: `channel.<slot>.<measure>`, `channel.paid_advertising.spend`.
 */
import { DEPARTMENT_KPIS, DepartmentKpi } from "./department-kpis";

/** The KPIs the Channels sheet computes from its rows; the Departments sheet reads them there. */
export const CHANNEL_KPI_IDS: readonly string[] = [
  "marketing.channel_diversity",
  "marketing.cac_by_channel",
  "marketing.roi_by_channel",
];

/** The seed's five channels ("Canal Expansion", CANALES), in its order, then five the user names. */
export const SEED_CHANNELS = [
  "paid_advertising",
  "content_marketing",
  "social_media",
  "email_marketing",
  "partnerships",
] as const;
export const USER_CHANNELS = [
  "user1",
  "user2",
  "user3",
  "user4",
  "user5",
] as const;
export const CHANNEL_SLOTS: readonly string[] = [
  ...SEED_CHANNELS,
  ...USER_CHANNELS,
];

/** What each channel types per month: spend (money), new customers (count), new MRR (money). */
export const CHANNEL_MEASURES = ["spend", "customers", "new_mrr"] as const;
export type ChannelMeasure = (typeof CHANNEL_MEASURES)[number];

export const channelKey = (slot: string, measure: ChannelMeasure) =>
  `channel.${slot}.${measure}`;

/** The key a change KPI's monthly measured value is typed under. */
export const changeValueKey = (id: string) => `${id}.value`;

/** Whether the team types this KPI itself (not the timeline's row, not computed from channels). */
export const isTypedKpi = (k: DepartmentKpi) =>
  k.link === undefined && !CHANNEL_KPI_IDS.includes(k.id);

/** One monthly input row of the Departments sheet: the KPI it serves and the key it is typed under. */
export interface DepartmentInputRow {
  readonly key: string;
  readonly kpi: DepartmentKpi;
  /** The measured value of a change KPI (not the KPI itself). */
  readonly measured: boolean;
}

export const DEPARTMENT_INPUT_ROWS: readonly DepartmentInputRow[] =
  DEPARTMENT_KPIS.filter(isTypedKpi).map((kpi) =>
    kpi.change
      ? { key: changeValueKey(kpi.id), kpi, measured: true }
      : { key: kpi.id, kpi, measured: false },
  );

export interface ChannelInputRow {
  readonly key: string;
  readonly slot: string;
  readonly measure: ChannelMeasure;
}

export const CHANNEL_INPUT_ROWS: readonly ChannelInputRow[] =
  CHANNEL_SLOTS.flatMap((slot) =>
    CHANNEL_MEASURES.map((measure) => ({
      key: channelKey(slot, measure),
      slot,
      measure,
    })),
  );

/** Every row typed month by month outside Tracking, with its sheet: the Departments sheet's, then the Channels sheet's. */
export const OTHER_MONTHLY_ROWS: readonly {
  readonly key: string;
  readonly sheet: "departments" | "channels";
}[] = [
  ...DEPARTMENT_INPUT_ROWS.map((r) => ({
    key: r.key,
    sheet: "departments" as const,
  })),
  ...CHANNEL_INPUT_ROWS.map((r) => ({
    key: r.key,
    sheet: "channels" as const,
  })),
];

/**
 * The key a number typed over a KPI's computed month cell on the Departments sheet (a linked KPI's,
 * a channel KPI's, a change's, a yearly rate's) travels under: the KPI's id; a per-year KPI's
 * `<id>.per_year`, since its id is the key of the count row typed below it.
 */
export const computedKpiKey = (k: DepartmentKpi) =>
  isTypedKpi(k) && k.change === undefined && k.per === "year"
    ? `${k.id}.per_year`
    : k.id;

/** Whether the Departments sheet computes this KPI's months (it is not typed on its own row). */
export const isComputedKpi = (k: DepartmentKpi) =>
  !isTypedKpi(k) || k.change !== undefined || k.per === "year";

/** What the Channels sheet computes per channel, month by month: CAC and first-year ROI. */
export const CHANNEL_COMPUTED = ["cac", "roi"] as const;
export type ChannelComputed = (typeof CHANNEL_COMPUTED)[number];

/** The key of a channel's computed row: `channel.paid_advertising.cac`. */
export const channelComputedKey = (slot: string, c: ChannelComputed) =>
  `channel.${slot}.${c}`;

/** The keys of the Channels sheet's computed month rows over all channels. */
export const CHANNEL_SUMMARY_KEYS = {
  diversity: "channel.diversity",
  worstCac: "channel.worst_cac",
  worstRoi: "channel.worst_roi",
  total: (m: ChannelMeasure) => `channel.total.${m}`,
  blendedCac: "channel.blended_cac",
} as const;

/**
 * Every computed month row outside Tracking, by the key a number typed over one of its cells
 * travels under (rebuild carries it as Tracking's typed-over numbers), with its sheet.
 */
export const COMPUTED_MONTHLY_ROWS: readonly {
  readonly key: string;
  readonly sheet: "departments" | "channels";
}[] = [
  ...DEPARTMENT_KPIS.filter(isComputedKpi).map((k) => ({
    key: computedKpiKey(k),
    sheet: "departments" as const,
  })),
  ...[
    CHANNEL_SUMMARY_KEYS.diversity,
    CHANNEL_SUMMARY_KEYS.worstCac,
    CHANNEL_SUMMARY_KEYS.worstRoi,
    ...CHANNEL_MEASURES.map(CHANNEL_SUMMARY_KEYS.total),
    CHANNEL_SUMMARY_KEYS.blendedCac,
    ...CHANNEL_SLOTS.flatMap((slot) =>
      CHANNEL_COMPUTED.map((c) => channelComputedKey(slot, c)),
    ),
  ].map((key) => ({ key, sheet: "channels" as const })),
];

/** The sheet a key typed outside Tracking (on an input row or over a computed cell) is on; undefined for Tracking's keys. */
export const otherSheetOf = (key: string) =>
  [...OTHER_MONTHLY_ROWS, ...COMPUTED_MONTHLY_ROWS].find((r) => r.key === key)
    ?.sheet;
