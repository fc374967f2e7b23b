/**
 * The board page (product.md 12, "Board page"): one landscape page for a board meeting. The
 * company, the reporting month, the phase reached against the schedule; eight headline figures,
 * each as of the reporting month with its change from the previous month, its variance against
 * the budget and its flag; the MRR chart; the four risk levels and the plan's completion per
 * phase. Everything is read from the other sheets, through the workbook's names where one exists.
 */
import { PHASES, PHASE_NUMBERS, RISK_GROUPS, UNITS } from "../catalog";
import { rowByKey } from "../timeline";
import { Context, formatOf, headerCells, refOn } from "./context";
import { gapFormat, monthFormat, percentFormat } from "./formats";
import { absolute, cell, columnLetter } from "./formulas";
import {
  DASHBOARD,
  NAMES,
  TRACKING,
  TRACKING_COLUMNS,
  trackingRow,
  BOARD_FIGURES,
} from "./layout";
import { mrrChart } from "./mrr-chart";
import { dashboardCells, monthsOf } from "./tracking";
import { CellSpec, SheetSpec } from "./types";

export { BOARD_FIGURES };

const COLUMNS = {
  label: 1,
  value: 2,
  change: 3,
  budget: 4,
  flag: 5,
  /** Beside the risk levels: each phase's name (over the next column) and its plan completion. */
  planPhase: 3,
  plan: 5,
  /** The MRR chart, right of the tables. */
  chartFrom: 7,
  chartTo: 13,
} as const;

export const BOARD = {
  titleRow: 1,
  companyRow: 2,
  reportingRow: 3,
  phaseRow: 4,
  expectedRow: 5,
  scheduleRow: 6,
  figureHeaderRow: 8,
  figureRow: (i: number) => 9 + i,
  riskHeaderRow: 18,
  riskRow: (g: number) => 19 + g,
  planRow: (n: number) => 18 + n,
  noteRow: 24,
  noteRows: 4,
  chartRows: { from: 2, to: 23 },
  columns: COLUMNS,
} as const;

const LAST_ROW = BOARD.noteRow + BOARD.noteRows - 1;

export function boardSheet(ctx: Context): SheetSpec {
  const { labels } = ctx;
  const d = labels.dashboard;
  const b = labels.board;
  const lang = ctx.language;
  const C = COLUMNS;
  const onDashboard = (col: number, row: number) =>
    refOn(ctx, "dashboard", absolute(col, row));
  const label = (row: number, text: string): CellSpec => ({
    ref: cell(C.label, row),
    value: text,
    style: "label",
  });
  const shown = (row: number, formula: string, numberFormat?: string) =>
    ({
      ref: cell(C.value, row),
      formula,
      ...(numberFormat && { numberFormat }),
      style: "computed",
    }) satisfies CellSpec;
  const cells: CellSpec[] = [
    { ref: cell(C.label, BOARD.titleRow), value: b.title, style: "title" },
    label(BOARD.companyRow, d.company),
    // The company as typed on the dashboard (it has no name: the row above the reporting month's).
    // Blank, not 0, where the dashboard's is cleared.
    shown(
      BOARD.companyRow,
      `IF(${onDashboard(DASHBOARD.valueColumn, DASHBOARD.companyRow)}="","",${onDashboard(DASHBOARD.valueColumn, DASHBOARD.companyRow)})`,
    ),
    label(BOARD.reportingRow, d.reportingMonth),
    shown(BOARD.reportingRow, NAMES.reportingMonth, monthFormat(lang)),
    label(BOARD.phaseRow, d.phase),
    shown(BOARD.phaseRow, NAMES.phase, "0"),
    label(BOARD.expectedRow, d.expected),
    shown(BOARD.expectedRow, NAMES.expected, "0"),
    label(BOARD.scheduleRow, d.schedule),
    // Ahead, on schedule or behind: the dashboard's word (one formula, there).
    shown(
      BOARD.scheduleRow,
      onDashboard(DASHBOARD.valueColumn, DASHBOARD.scheduleRow),
    ),
    ...headerCells(
      [b.figures, labels.value, b.change, b.vsBudget, labels.flag],
      BOARD.figureHeaderRow,
    ),
  ];
  BOARD_FIGURES.forEach((key, i) =>
    cells.push(...figureCells(ctx, key, BOARD.figureRow(i))),
  );

  cells.push(
    ...headerCells(
      [
        d.riskGroup,
        d.level,
        labels.phaseRows.header,
        "",
        labels.plan.dashboardPlan,
      ],
      BOARD.riskHeaderRow,
    ),
  );
  RISK_GROUPS.forEach((g, gi) =>
    cells.push(
      { ref: cell(C.label, BOARD.riskRow(gi)), value: g.name[lang] },
      {
        ref: cell(C.value, BOARD.riskRow(gi)),
        formula: NAMES.riskFlag(g.id),
        style: "flag",
      },
    ),
  );
  for (const n of PHASE_NUMBERS)
    cells.push(
      {
        ref: cell(C.planPhase, BOARD.planRow(n)),
        value: `P${n} ${PHASES[n - 1].name[lang]}`,
      },
      {
        ref: cell(C.plan, BOARD.planRow(n)),
        formula: NAMES.plan(n),
        numberFormat: percentFormat(lang),
        style: "computed",
      },
    );
  const cashBurn = RISK_GROUPS.find((g) => g.id === "cash_burn")!;
  b.notes(cashBurn.name[lang]).forEach((text, k) =>
    cells.push({
      ref: cell(C.label, BOARD.noteRow + k),
      value: text,
      style: "note",
    }),
  );

  // No colour rules: refresh rebuilds the flag colours of the sheets it knows (Tracking, the
  // dashboard, Risks), so the board's flags are words, as the plan sheets' are.
  const printArea = `A1:${cell(C.chartTo, LAST_ROW)}`;
  ctx.names.push({
    name: NAMES.board,
    sheet: "board",
    ref: `${absolute(1, 1)}:${absolute(C.chartTo, LAST_ROW)}`,
  });
  ctx.charts.push(
    mrrChart(
      ctx,
      "board",
      [C.chartFrom, BOARD.chartRows.from],
      [C.chartTo, BOARD.chartRows.to],
    ),
  );
  return {
    key: "board",
    name: ctx.sheetName("board"),
    cells,
    columnWidths: boardWidths(ctx),
    freeze: { rows: 0, columns: 0 },
    printLandscape: true,
    // The whole page on one sheet of paper (product.md 12: "one landscape page").
    fitTo: "page",
    printArea,
  };
}

/**
 * One headline figure: its value as of the reporting month (Current_<id> for a phase metric, else
 * its Tracking row's latest), the change from the previous month's as-of value, the variance
 * against the budget (Variance_<key>, the dashboard's) and its flag: a phase metric's Flag_<id>,
 * a risk indicator's level on its Tracking row (its group's threshold), none for the others (NRR
 * 12 months: no traced convention, product.md 14).
 */
function figureCells(ctx: Context, key: string, row: number): CellSpec[] {
  const C = COLUMNS;
  const { measure } = rowByKey(key);
  const onTracking = (ref: string) => refOn(ctx, "tracking", ref);
  const value = cell(C.value, row);
  const index = dashboardCells(ctx).reportingIndex;
  const asOf = onTracking(monthsOf(ctx, TRACKING.asOf.get(key)!));
  const before = `INDEX(${asOf},1,${index}-1)`;
  // A percentage's change in percentage points, as gapFormat shows it (Tracking's gaps likewise).
  const points = measure.unit === "fraction" ? "100*" : "";
  const name =
    measure.name[ctx.language] +
    (measure.unit === "months" ? ` (${UNITS.months.label[ctx.language]})` : "");
  const cells: CellSpec[] = [
    { ref: cell(C.label, row), value: name, style: "label" },
    {
      ref: value,
      formula:
        measure.kind === "metric"
          ? NAMES.current(measure.id)
          : onTracking(absolute(TRACKING_COLUMNS.latest, trackingRow(key))),
      numberFormat: formatOf(ctx, measure),
      style: "computed",
    },
    {
      // The reporting month's position is 1 in the first month: no month before it.
      ref: cell(C.change, row),
      formula: `IF(AND(ISNUMBER(${index}),ISNUMBER(${value})),IF(${index}>1,IF(ISNUMBER(${before}),${points}(${value}-${before}),""),""),"")`,
      numberFormat: gapFormat(measure, ctx.language, ctx.currency),
      style: "computed",
    },
    {
      ref: cell(C.budget, row),
      formula: NAMES.variance(key),
      numberFormat: gapFormat(measure, ctx.language, ctx.currency),
      style: "computed",
    },
  ];
  const flag =
    measure.kind === "metric"
      ? NAMES.flag(measure.id)
      : measure.kind === "indicator"
        ? onTracking(absolute(TRACKING_COLUMNS.flag, trackingRow(key)))
        : undefined;
  cells.push({
    ref: cell(C.flag, row),
    ...(flag && { formula: flag }),
    style: "flag",
  });
  return cells;
}

/** Column widths in characters: the tables left, the chart right, one landscape page. */
function boardWidths(ctx: Context): Record<string, number> {
  const widths: Record<string, number> = {
    [columnLetter(COLUMNS.label)]: ctx.language === "es" ? 31 : 32,
    [columnLetter(COLUMNS.value)]: 15,
    [columnLetter(COLUMNS.change)]: 17,
    [columnLetter(COLUMNS.budget)]: 15,
    // "Avance plan" over the plan's completion.
    [columnLetter(COLUMNS.flag)]: 12,
    [columnLetter(COLUMNS.flag + 1)]: 2,
  };
  for (let c = COLUMNS.chartFrom; c <= COLUMNS.chartTo; c++)
    widths[columnLetter(c)] = 11;
  return widths;
}
