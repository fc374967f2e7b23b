/**
 * Where things sit on the Channels sheet (product.md 13): the builder, the tests and whoever reads
 * the sheet back share these. A left block (the row's name, its value in the reporting month and
 * its flag stay in view; the target and the row's import key follow), then one column per month.
 * Under the header, the rows over all channels; then one block per channel slot
 * (department-rows.ts CHANNEL_SLOTS): its name, its three typed rows, its CAC and ROI.
 */
import {
  CHANNEL_COMPUTED,
  CHANNEL_MEASURES,
  CHANNEL_SLOTS,
  CHANNEL_SUMMARY_KEYS as SUMMARY,
  ChannelComputed,
  ChannelMeasure,
  channelComputedKey,
} from "../department-rows";

const BLOCK_ROWS = 1 + CHANNEL_MEASURES.length + 2;
const FIRST_BLOCK = 15;

/** Slot i's heading row: the seed channel's name, or the user's name cell. */
const blockRow = (slot: number) => FIRST_BLOCK + BLOCK_ROWS * slot;

const measureRow = (slot: number, m: ChannelMeasure) =>
  blockRow(slot) + 1 + CHANNEL_MEASURES.indexOf(m);
const totalRow = (m: ChannelMeasure) => 10 + CHANNEL_MEASURES.indexOf(m);
/** Slot s's computed rows below its typed ones: CAC, then first-year ROI. */
const computedRow = (slot: number, c: ChannelComputed) =>
  blockRow(slot) + 1 + CHANNEL_MEASURES.length + CHANNEL_COMPUTED.indexOf(c);
const HEADER_ROW = 5;
const DIVERSITY_ROW = 7;
const WORST_CAC_ROW = 8;
const WORST_ROI_ROW = 9;
const BLENDED_CAC_ROW = 10 + CHANNEL_MEASURES.length;
const LAST_ROW = blockRow(CHANNEL_SLOTS.length - 1) + BLOCK_ROWS - 1;

export const CHANNELS = {
  titleRow: 1,
  noteRows: [2, 3, 4],
  headerRow: HEADER_ROW,
  summaryRow: 6,
  diversityRow: DIVERSITY_ROW,
  worstCacRow: WORST_CAC_ROW,
  worstRoiRow: WORST_ROI_ROW,
  totalRow,
  blendedCacRow: BLENDED_CAC_ROW,
  firstBlockRow: FIRST_BLOCK,
  blockRow,
  measureRow,
  cacRow: (slot: number) => computedRow(slot, "cac"),
  roiRow: (slot: number) => computedRow(slot, "roi"),
  lastRow: LAST_ROW,
  /**
   * The month cells of every row under the header (named `Channel_MonthBlock`): a rebuild reads the
   * computed rows' months there, row by row as `computedRows` places them.
   */
  monthBlock: { first: HEADER_ROW + 1, last: LAST_ROW },
  /** The computed month rows, by the key a number typed over one travels under (department-rows.ts). */
  computedRows: [
    { key: SUMMARY.diversity, row: DIVERSITY_ROW },
    { key: SUMMARY.worstCac, row: WORST_CAC_ROW },
    { key: SUMMARY.worstRoi, row: WORST_ROI_ROW },
    ...CHANNEL_MEASURES.map((m) => ({
      key: SUMMARY.total(m),
      row: totalRow(m),
    })),
    { key: SUMMARY.blendedCac, row: BLENDED_CAC_ROW },
    ...CHANNEL_SLOTS.flatMap((slot, s) =>
      CHANNEL_COMPUTED.map((c) => ({
        key: channelComputedKey(slot, c),
        row: computedRow(s, c),
      })),
    ),
  ],
  columns: {
    name: 1,
    reporting: 2,
    flag: 3,
    /** Columns A..C stay in view: frozen at this column (product.md 10, "Screen"). */
    frozen: 3,
    target: 4,
    key: 5,
    firstMonth: 6,
  },
} as const;

/** 1-based month t's column on the Channels sheet. */
export const channelsMonthColumn = (t: number) =>
  CHANNELS.columns.firstMonth + t - 1;
