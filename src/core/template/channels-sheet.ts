/**
 * The Channels sheet (product.md 13, "Channels"): one block per channel, the seed's five ("Canal
 * Expansion", CANALES) and five the user names, each with its monthly spend, new customers and new
 * MRR typed, and its CAC (spend ÷ new customers; the spend, flagged RISK, where it spent and got no
 * customer) and first-year ROI ((12 × new MRR − spend) ÷ spend) computed, blank where an input is
 * missing or a divisor is 0 with nothing to judge. Above the blocks, month by month: channel
 * diversity (channels with spend or new customers), the highest CAC and the lowest ROI (the
 * Departments sheet reads these three rows by their names), and the totals. Flags judge
 * the reporting month's values against the seed's targets, which sit on this sheet (editable) and
 * come from the catalog (department-kpis.ts); the month headers read Tracking's, so there is one timeline.
 */
import { DEPARTMENT_KPIS, DepartmentKpi } from "../department-kpis";
import {
  CHANNEL_MEASURES,
  CHANNEL_SLOTS,
  CHANNEL_SUMMARY_KEYS,
  ChannelMeasure,
  SEED_CHANNELS,
  channelComputedKey,
  channelKey,
} from "../department-rows";
import { DEPARTMENTS } from "../departments";
import { CHANNELS, channelsMonthColumn } from "./channels-layout";
import { CHANNELS_LABELS, ChannelsLabels } from "./channels-labels";
import { Context, headerCells, refOn } from "./context";
import { currencyFormat, localized, monthFormat } from "./formats";
import {
  LevelRule,
  absolute,
  atReportingMonthFormula,
  cell,
  columnLetter,
  flagFailingWhen,
  flagFormula,
  thresholdShown,
} from "./formulas";
import { TRACKING } from "./layout";
import {
  MonthGrid,
  computedMonthCells,
  monthGrid,
  trackingMonthHeaders,
  typedMonthCells,
} from "./month-cells";
import { NAMES } from "./names";
import { flagTextRules } from "./rules";
import { dashboardCells, monthsOf } from "./tracking";
import { CellSpec, SheetSpec } from "./types";

const COL = CHANNELS.columns;

/** The three KPIs this sheet computes (department-rows.ts CHANNEL_KPI_IDS), with the row each is judged on. */
const KPI_ROWS = {
  diversity: {
    id: "marketing.channel_diversity",
    row: CHANNELS.diversityRow,
    key: CHANNEL_SUMMARY_KEYS.diversity,
  },
  cac: {
    id: "marketing.cac_by_channel",
    row: CHANNELS.worstCacRow,
    key: CHANNEL_SUMMARY_KEYS.worstCac,
  },
  roi: {
    id: "marketing.roi_by_channel",
    row: CHANNELS.worstRoiRow,
    key: CHANNEL_SUMMARY_KEYS.worstRoi,
  },
} as const;
type KpiKey = keyof typeof KPI_ROWS;

const kpiOf = (k: KpiKey): DepartmentKpi =>
  DEPARTMENT_KPIS.find((x) => x.id === KPI_ROWS[k].id)!;

/** The seed's words of the marketing block that lists the channels. */
const CHANNEL_BLOCK = DEPARTMENTS.find(
  (d) => d.id === "marketing",
)!.blocks.find((b) => b.channels.length > 0)!;

/** A KPI's label as the seed writes it: "CAC by channel". */
const kpiLabel = (ctx: Context, k: KpiKey) =>
  CHANNEL_BLOCK.kpis.find((w) => w.id === KPI_ROWS[k].id)!.label[ctx.language];

/** The editable target cell of a KPI, on this sheet: every flag of that KPI reads it. */
const targetCell = (k: KpiKey) => absolute(COL.target, KPI_ROWS[k].row);

/** The band rule of section 4 with the catalog's comparison and this sheet's target cell. */
function ruleOf(k: KpiKey): LevelRule {
  const kpi = kpiOf(k);
  return {
    direction: kpi.direction,
    strict: kpi.strict,
    capped: kpi.capped,
    threshold: targetCell(k),
  };
}

interface Formats {
  readonly money: string;
  readonly cac: string;
  readonly count: string;
  readonly roi: string;
}

function formatsOf(ctx: Context): Formats {
  const money = currencyFormat(ctx.currency, ctx.language);
  return {
    money: localized(money, ctx.language),
    // Cents: a CAC a little under the target must not look like the target.
    cac: localized(money.replace("#,##0", "#,##0.00"), ctx.language),
    count: localized("#,##0", ctx.language),
    roi: localized("0.0%", ctx.language),
  };
}

const measureFormat = (f: Formats, m: ChannelMeasure) =>
  m === "customers" ? f.count : f.money;

/** A row's month cells, absolute: `$F$7:$AO$7` (what the names refer to). */
const monthsRange = (ctx: Context, row: number) =>
  `${absolute(channelsMonthColumn(1), row)}:${absolute(channelsMonthColumn(ctx.months), row)}`;

const isNumbers = (refs: readonly string[]) =>
  `AND(${refs.map((r) => `ISNUMBER(${r})`).join(",")})`;

/** `a / b`, blank where either is missing or b is not above 0. */
const ratioFormula = (a: string, b: string, ratio: string) =>
  `IF(${isNumbers([a, b])},IF(${b}>0,${ratio},""),"")`;

/** CAC (product.md 13): spend ÷ new customers. */
const cacFormula = (spend: string, customers: string) =>
  ratioFormula(spend, customers, `${spend}/${customers}`);

/**
 * A channel's CAC: spend ÷ new customers; where it spent and got none (0 typed), the spend itself,
 * the least that CAC can be (one customer would have cost that much), so the highest-CAC row and
 * the Departments sheet see the money that brought nobody; blank where nothing was spent and no
 * customer came, or a number is missing.
 */
const channelCacFormula = (spend: string, customers: string) =>
  `IF(${isNumbers([spend, customers])},IF(${customers}>0,${spend}/${customers},IF(${spend}>0,${spend},"")),"")`;

/**
 * Whether channel `s` spent and got no new customer in the reporting month: its CAC is then only a
 * lower bound (the spend), so it fails "CAC by channel: <$100" whatever the spend (product.md 13:
 * CAC = spend ÷ new customers, with no customer there is no finite CAC).
 */
function spentWithoutCustomers(s: number): string {
  const spend = cell(COL.reporting, CHANNELS.measureRow(s, "spend"));
  const customers = cell(COL.reporting, CHANNELS.measureRow(s, "customers"));
  return `IF(${isNumbers([spend, customers])},AND(${spend}>0,${customers}=0),FALSE())`;
}

/** RISK where the channel spent and got no new customer (its CAC is only a lower bound), else the band rule. */
const channelCacFlag = (s: number) =>
  flagFailingWhen(
    cell(COL.reporting, CHANNELS.cacRow(s)),
    ruleOf("cac"),
    spentWithoutCustomers(s),
  );

/**
 * The highest CAC's flag: RISK where any channel spent and got no new customer in the reporting
 * month, as that channel's own flag is (its $80 with no customer counts as $80 in the highest CAC,
 * under the target, yet it is no CAC under $100); else the band rule on the highest CAC.
 */
const worstCacFlag = () =>
  flagFailingWhen(
    cell(COL.reporting, CHANNELS.worstCacRow),
    ruleOf("cac"),
    `OR(${CHANNEL_SLOTS.map((_, s) => spentWithoutCustomers(s)).join(",")})`,
  );

/** The highest CAC's flag cell, which the Departments sheet's "CAC by channel" flag follows to RISK. */
export const WORST_CAC_FLAG = absolute(COL.flag, CHANNELS.worstCacRow);

/** First-year ROI (product.md 13): (12 × new MRR − spend) ÷ spend. */
const roiFormula = (spend: string, newMrr: string) =>
  `IF(${isNumbers([spend, newMrr])},IF(${spend}>0,(12*${newMrr}-${spend})/${spend},""),"")`;

/** An aggregate of some cells of one month, blank where none holds a number. */
const overNumbers = (fn: "SUM" | "MAX" | "MIN", refs: readonly string[]) =>
  `IF(COUNT(${refs.join(",")})=0,"",${fn}(${refs.join(",")}))`;

/**
 * Channels with spend or new customers in the month (a 0 is no activity; a blank is not counted);
 * blank where no channel has a number typed that month: a sheet nobody fills is not judged.
 */
function diversityFormula(grid: MonthGrid, t: number): string {
  const active = CHANNEL_SLOTS.map((_, s) => {
    const spend = grid.at(t, CHANNELS.measureRow(s, "spend"));
    const customers = grid.at(t, CHANNELS.measureRow(s, "customers"));
    // COUNTIF, not N(): Gnumeric gives #NUM! for N() of an empty cell.
    return `MIN(1,COUNTIF(${spend},">0")+COUNTIF(${customers},">0"))`;
  });
  const blocks = `${grid.at(t, CHANNELS.firstBlockRow)}:${grid.at(t, CHANNELS.lastRow)}`;
  return `IF(COUNT(${blocks})=0,"",${active.join("+")})`;
}

/** The row's value in the reporting month (the dashboard's), blank where it has none. */
function reportingFormula(ctx: Context, row: number): string {
  return atReportingMonthFormula(
    monthsRange(ctx, row),
    dashboardCells(ctx).reportingIndex,
  );
}

/** The left block of a row that has months: its label, its value in the reporting month, its key. */
function rowHead(
  ctx: Context,
  row: number,
  label: string,
  format: string,
  key?: string,
): CellSpec[] {
  const cells: CellSpec[] = [
    { ref: cell(COL.name, row), value: label },
    {
      ref: cell(COL.reporting, row),
      formula: reportingFormula(ctx, row),
      numberFormat: format,
      style: "computed",
    },
  ];
  if (key) cells.push({ ref: cell(COL.key, row), value: key, style: "label" });
  return cells;
}

/** A flag (column C) judging the row's reporting-month value, and the target beside it. */
function judged(
  row: number,
  k: KpiKey,
  format: string,
  flag = flagFormula(cell(COL.reporting, row), ruleOf(k)),
): CellSpec[] {
  return [
    {
      ref: cell(COL.flag, row),
      formula: flag,
      style: "flag",
    },
    {
      ref: cell(COL.target, row),
      formula: thresholdShown(targetCell(k)),
      numberFormat: format,
      style: "computed",
    },
  ];
}

function monthHeaders(
  ctx: Context,
  grid: MonthGrid,
  labels: ChannelsLabels,
): CellSpec[] {
  const { reportingIndex } = dashboardCells(ctx);
  return [
    {
      ref: cell(COL.reporting, CHANNELS.headerRow),
      formula: `IF(ISNUMBER(${reportingIndex}),INDEX(${refOn(ctx, "tracking", monthsOf(ctx, TRACKING.headerRow))},1,${reportingIndex}),"${labels.reportingMonth}")`,
      numberFormat: monthFormat(ctx.language),
      style: "header",
    },
    ...trackingMonthHeaders(ctx, grid, CHANNELS.headerRow),
  ];
}

/** The rows over all channels: the three KPIs (targets typed here), the totals and the blended CAC. */
function summaryRows(ctx: Context, grid: MonthGrid, f: Formats): CellSpec[] {
  const labels = CHANNELS_LABELS[ctx.language];
  const everySlot = (t: number, row: (s: number) => number) =>
    CHANNEL_SLOTS.map((_, s) => grid.at(t, row(s)));
  const kpiRow = (
    k: KpiKey,
    label: string,
    format: string,
    formula: (t: number) => string,
    flag = flagFormula(cell(COL.reporting, KPI_ROWS[k].row), ruleOf(k)),
  ): CellSpec[] => {
    const { row, id, key } = KPI_ROWS[k];
    // Named: a rebuild carries an edited target, and the Departments sheet's row of the KPI reads it.
    ctx.names.push({
      name: NAMES.channelTarget(id),
      sheet: "channels",
      ref: targetCell(k),
    });
    return [
      ...rowHead(ctx, row, label, format, id),
      { ref: cell(COL.flag, row), formula: flag, style: "flag" },
      {
        ref: targetCell(k).replace(/\$/g, ""),
        value: kpiOf(k).target,
        numberFormat: format,
        style: "input",
      },
      ...computedMonthCells(ctx, grid, key, row, format, formula),
    ];
  };
  const cells: CellSpec[] = [
    {
      ref: cell(COL.name, CHANNELS.summaryRow),
      value: labels.summary,
      style: "section",
    },
    ...kpiRow("diversity", kpiLabel(ctx, "diversity"), f.count, (t) =>
      diversityFormula(grid, t),
    ),
    ...kpiRow(
      "cac",
      labels.highest(kpiLabel(ctx, "cac")),
      f.cac,
      (t) => overNumbers("MAX", everySlot(t, CHANNELS.cacRow)),
      worstCacFlag(),
    ),
    ...kpiRow("roi", labels.lowest(kpiLabel(ctx, "roi")), f.roi, (t) =>
      overNumbers("MIN", everySlot(t, CHANNELS.roiRow)),
    ),
  ];
  for (const m of CHANNEL_MEASURES) {
    const row = CHANNELS.totalRow(m);
    const format = measureFormat(f, m);
    cells.push(
      ...rowHead(ctx, row, labels.totals[m], format),
      ...computedMonthCells(
        ctx,
        grid,
        CHANNEL_SUMMARY_KEYS.total(m),
        row,
        format,
        (t) =>
          overNumbers(
            "SUM",
            everySlot(t, (s) => CHANNELS.measureRow(s, m)),
          ),
      ),
    );
  }
  const blended = CHANNELS.blendedCacRow;
  cells.push(
    ...rowHead(ctx, blended, labels.blendedCac, f.cac),
    ...computedMonthCells(
      ctx,
      grid,
      CHANNEL_SUMMARY_KEYS.blendedCac,
      blended,
      f.cac,
      (t) =>
        cacFormula(
          grid.at(t, CHANNELS.totalRow("spend")),
          grid.at(t, CHANNELS.totalRow("customers")),
        ),
    ),
  );
  return cells;
}

/** The name of slot s: the seed's words, or the user's cell (named) with a pointer beside it. */
function channelHeading(ctx: Context, s: number): CellSpec[] {
  const labels = CHANNELS_LABELS[ctx.language];
  const slot = CHANNEL_SLOTS[s];
  const row = CHANNELS.blockRow(s);
  const ref = cell(COL.name, row);
  const seed = SEED_CHANNELS.indexOf(slot as (typeof SEED_CHANNELS)[number]);
  if (seed >= 0)
    return [
      {
        ref,
        value: CHANNEL_BLOCK.channels[seed].label[ctx.language],
        style: "section",
      },
    ];
  ctx.names.push({
    name: NAMES.channelName(slot),
    sheet: "channels",
    ref: absolute(COL.name, row),
  });
  return [
    { ref, style: "input" },
    { ref: cell(COL.reporting, row), value: labels.typeName, style: "note" },
  ];
}

/** Slot s's block: its name, its three typed rows (named), its CAC and ROI with their flags. */
function channelBlock(ctx: Context, grid: MonthGrid, f: Formats, s: number) {
  const labels = CHANNELS_LABELS[ctx.language];
  const slot = CHANNEL_SLOTS[s];
  const cells = channelHeading(ctx, s);
  for (const m of CHANNEL_MEASURES) {
    const row = CHANNELS.measureRow(s, m);
    const key = channelKey(slot, m);
    const format = measureFormat(f, m);
    cells.push(
      ...rowHead(ctx, row, labels.measures[m], format, key),
      ...typedMonthCells(ctx, grid, key, row, format),
    );
    ctx.names.push({
      name: NAMES.channel(key),
      sheet: "channels",
      ref: monthsRange(ctx, row),
    });
  }
  const at = (t: number, m: ChannelMeasure) =>
    grid.at(t, CHANNELS.measureRow(s, m));
  const cac = CHANNELS.cacRow(s);
  const roi = CHANNELS.roiRow(s);
  cells.push(
    ...rowHead(ctx, cac, labels.measures.cac, f.cac),
    ...judged(cac, "cac", f.cac, channelCacFlag(s)),
    ...computedMonthCells(
      ctx,
      grid,
      channelComputedKey(slot, "cac"),
      cac,
      f.cac,
      (t) => channelCacFormula(at(t, "spend"), at(t, "customers")),
    ),
    ...rowHead(ctx, roi, labels.measures.roi, f.roi),
    ...judged(roi, "roi", f.roi),
    ...computedMonthCells(
      ctx,
      grid,
      channelComputedKey(slot, "roi"),
      roi,
      f.roi,
      (t) => roiFormula(at(t, "spend"), at(t, "new_mrr")),
    ),
  );
  return cells;
}

/** The month rows the Departments sheet reads, by name; and the month block a rebuild reads the computed rows in. */
function kpiNames(ctx: Context): void {
  const rows: [string, number][] = [
    [NAMES.channelDiversity, CHANNELS.diversityRow],
    [NAMES.channelWorstCac, CHANNELS.worstCacRow],
    [NAMES.channelWorstRoi, CHANNELS.worstRoiRow],
  ];
  for (const [name, row] of rows)
    ctx.names.push({ name, sheet: "channels", ref: monthsRange(ctx, row) });
  const { first, last } = CHANNELS.monthBlock;
  ctx.names.push({
    name: NAMES.channelMonthBlock,
    sheet: "channels",
    ref: `${absolute(channelsMonthColumn(1), first)}:${absolute(channelsMonthColumn(ctx.months), last)}`,
  });
}

/**
 * The typed rows take an amount or a count of 0 or more, a count whole (the importer refuses 2.5
 * new customers: sheet-inputs.ts). Each validation is a call on insert, so an amount's covers the
 * contiguous rows between two counts (the computed CAC and ROI cells inside it hold formulas): a
 * whole one per new-customers row, a decimal one per stretch between them.
 */
function validations(ctx: Context, grid: MonthGrid): void {
  const message = CHANNELS_LABELS[ctx.language].validation;
  const rows = (kind: "decimal" | "whole", from: number, to: number) =>
    ctx.validations.push({
      kind,
      sheet: "channels",
      ref: `${grid.at(1, from)}:${grid.at(grid.months, to)}`,
      min: 0,
      max: 1e15,
      message,
    });
  let from = CHANNELS.firstBlockRow;
  CHANNEL_SLOTS.forEach((_, s) => {
    const counts = CHANNELS.measureRow(s, "customers");
    rows("decimal", from, counts - 1);
    rows("whole", counts, counts);
    from = counts + 1;
  });
  rows("decimal", from, CHANNELS.lastRow);
}

function widths(ctx: Context): Record<string, number> {
  const w: Record<string, number> = {
    [columnLetter(COL.name)]: 30,
    [columnLetter(COL.reporting)]: 12,
    [columnLetter(COL.flag)]: 10,
    [columnLetter(COL.target)]: 11,
    [columnLetter(COL.key)]: 36,
  };
  for (let t = 1; t <= ctx.months; t++)
    w[columnLetter(channelsMonthColumn(t))] = 12;
  return w;
}

export function channelsSheet(ctx: Context): SheetSpec {
  const labels = CHANNELS_LABELS[ctx.language];
  const f = formatsOf(ctx);
  const grid = monthGrid("channels", ctx.months, COL.firstMonth);
  const headers: string[] = [];
  headers[COL.name - 1] = labels.channel;
  headers[COL.reporting - 1] = "";
  headers[COL.flag - 1] = ctx.labels.flag;
  headers[COL.target - 1] = ctx.labels.target;
  headers[COL.key - 1] = labels.key;
  const cells: CellSpec[] = [
    {
      ref: cell(COL.name, CHANNELS.titleRow),
      value: labels.title(ctx.company),
      style: "title",
    },
    ...CHANNELS.noteRows.map((row, k): CellSpec => ({
      ref: cell(COL.name, row),
      value: labels.notes[k],
      style: "note",
    })),
    ...headerCells(headers, CHANNELS.headerRow).filter(
      (c) => c.value !== undefined,
    ),
    ...monthHeaders(ctx, grid, labels),
    ...summaryRows(ctx, grid, f),
    ...CHANNEL_SLOTS.flatMap((_, s) => channelBlock(ctx, grid, f, s)),
  ];
  kpiNames(ctx);
  validations(ctx, grid);
  const firstFlag = cell(COL.flag, CHANNELS.diversityRow);
  ctx.rules.push(
    ...flagTextRules(
      "channels",
      `${firstFlag}:${cell(COL.flag, CHANNELS.lastRow)}`,
      firstFlag,
    ),
  );
  const lastMonth = columnLetter(channelsMonthColumn(ctx.months));
  const key = columnLetter(COL.key);
  return {
    key: "channels",
    name: ctx.sheetName("channels"),
    cells,
    columnWidths: widths(ctx),
    freeze: { rows: CHANNELS.headerRow, columns: COL.frozen },
    collapsedColumns: { from: key, to: key },
    printLandscape: true,
    fitTo: "height",
    printArea: `A1:${lastMonth}${CHANNELS.lastRow}`,
    printTitles: {
      rows: `${CHANNELS.headerRow}:${CHANNELS.headerRow}`,
      columns: `A:${columnLetter(COL.frozen)}`,
    },
  };
}
