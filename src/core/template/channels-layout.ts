/**
 * Where things sit on the Channels sheet (product.md 13): the builder, the tests and whoever reads
 * the sheet back share these. A left block (the row's name, its value in the reporting month and
 * its flag stay in view; the target and the row's import key follow), then one column per month.
 * Under the header, the rows over all channels; then one block per channel slot
 * (department-rows.ts CHANNEL_SLOTS): its name, its three typed rows, its CAC and ROI.
 */
import {
  CHANNEL_MEASURES,
  CHANNEL_SLOTS,
  ChannelMeasure,
} from "../department-rows";

const BLOCK_ROWS = 1 + CHANNEL_MEASURES.length + 2;
const FIRST_BLOCK = 15;

/** Slot i's heading row: the seed channel's name, or the user's name cell. */
const blockRow = (slot: number) => FIRST_BLOCK + BLOCK_ROWS * slot;

export const CHANNELS = {
  titleRow: 1,
  noteRows: [2, 3, 4],
  headerRow: 5,
  summaryRow: 6,
  diversityRow: 7,
  worstCacRow: 8,
  worstRoiRow: 9,
  totalRow: (m: ChannelMeasure) => 10 + CHANNEL_MEASURES.indexOf(m),
  blendedCacRow: 10 + CHANNEL_MEASURES.length,
  firstBlockRow: FIRST_BLOCK,
  blockRow,
  measureRow: (slot: number, m: ChannelMeasure) =>
    blockRow(slot) + 1 + CHANNEL_MEASURES.indexOf(m),
  cacRow: (slot: number) => blockRow(slot) + 1 + CHANNEL_MEASURES.length,
  roiRow: (slot: number) => blockRow(slot) + 2 + CHANNEL_MEASURES.length,
  lastRow: blockRow(CHANNEL_SLOTS.length - 1) + BLOCK_ROWS - 1,
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
