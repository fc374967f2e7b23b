/**
 * The dashboard (product.md 6.5): the reporting month, phase and schedule, the scorecard, the
 * risk levels, and per phase metric its value as of the reporting month with target, gap, flag
 * and ETA; three charts below.
 */
import {
  Language,
  PHASES,
  PHASE_METRICS,
  PHASE_NUMBERS,
  RISK_GROUPS,
} from "../catalog";
import { NEXT_STEPS } from "../plan";
import { isGrowingAmount } from "../evaluate";
import { STALE_AFTER_MONTHS } from "../timeline";
import { monthSerial } from "../months";
import { LAST_PHASE } from "../phases";
import { thresholdHeaders } from "./thresholds-layout";
import { Context, formatOf, headerCells, refOn } from "./context";
import {
  currencyFormat,
  gapFormat,
  monthFormat,
  percentFormat,
} from "./formats";
import {
  absolute,
  cell,
  columnLetter,
  etaFormula,
  onSheet,
  progressFormula,
  varianceFormula,
  variancePercentFormula,
} from "./formulas";
import {
  DASHBOARD,
  NAMES,
  PLAN,
  RISKS,
  planSheetKey,
  TRACKING,
  TRACKING_COLUMNS,
  VARIANCE_ROWS,
  monthColumn,
  trackingRow,
} from "./layout";
import { flagTextRules, varianceRules } from "./rules";
import { mrrChart } from "./mrr-chart";
import { budgetMonthsOf } from "./budget";
import { monthsOf } from "./tracking";
import { CellSpec, ConditionalRule, SheetSpec } from "./types";
import { TemplateLabels } from "./labels";
import { TOOLS_LABELS } from "./tools-labels";
import { TOOLS } from "./tools-layout";

const C = DASHBOARD.columns;
const V = DASHBOARD.valueColumn;
const NOTE = DASHBOARD.noteColumn;
const S = DASHBOARD.scoreColumns;
const R = DASHBOARD.riskColumns;
const STEP = DASHBOARD.stepColumns;
const B = DASHBOARD.varianceColumns;

/** A header row whose texts stand at their columns; the empty header cells between are filled, and a text runs over them. */
const headerAt = (
  row: number,
  texts: readonly (readonly [column: number, text: string])[],
): CellSpec[] => {
  const last = Math.max(...texts.map(([column]) => column));
  const line = Array.from(
    { length: last },
    (_, k) => texts.find(([column]) => column === k + 1)?.[1] ?? "",
  );
  return headerCells(line, row);
};

export function dashboardSheet(ctx: Context): SheetSpec {
  const { labels } = ctx;
  const d = labels.dashboard;
  const lang = ctx.language;
  const tracking = (ref: string) => refOn(ctx, "tracking", ref);
  const months = tracking(monthsOf(ctx, TRACKING.headerRow));
  const firstMonth = tracking(
    absolute(TRACKING_COLUMNS.firstMonth, TRACKING.headerRow),
  );
  const lastMonth = tracking(
    absolute(monthColumn(ctx.months), TRACKING.headerRow),
  );
  const lastInput = tracking(
    absolute(monthColumn(ctx.months), TRACKING.lastInput),
  );
  const reporting = absolute(V, DASHBOARD.reportingRow);
  const index = absolute(
    DASHBOARD.reportingIndexColumn,
    DASHBOARD.reportingRow,
  );
  const atReporting = (row: number, otherwise = '""') =>
    `IF(ISNUMBER(${index}),INDEX(${tracking(monthsOf(ctx, row))},1,${index}),${otherwise})`;
  const phase = cell(V, DASHBOARD.phaseRow);
  const expected = cell(V, DASHBOARD.expectedRow);
  const label = (row: number, text: string): CellSpec => ({
    ref: cell(DASHBOARD.labelColumn, row),
    value: text,
    style: "label",
  });

  const cells: CellSpec[] = [
    {
      ref: cell(DASHBOARD.labelColumn, DASHBOARD.titleRow),
      value: d.title(ctx.company),
      style: "title",
    },
    label(DASHBOARD.companyRow, d.company),
    { ref: cell(V, DASHBOARD.companyRow), value: ctx.company, style: "input" },
    label(DASHBOARD.reportingRow, d.reportingMonth),
    {
      ref: cell(V, DASHBOARD.reportingRow),
      formula: `IF(ISNUMBER(${lastInput}),INDEX(${months},1,${lastInput}),"")`,
      numberFormat: monthFormat(lang),
      style: "input",
    },
    {
      // The reporting month's position; a date outside the timeline has none.
      ref: cell(DASHBOARD.reportingIndexColumn, DASHBOARD.reportingRow),
      formula: `IF(ISNUMBER(${reporting}),IF(AND(${reporting}>=${firstMonth},${reporting}<DATE(YEAR(${lastMonth}),MONTH(${lastMonth})+1,1)),MATCH(${reporting},${months},1),""),"")`,
      numberFormat: "0",
      style: "computed",
    },
    {
      ref: cell(NOTE, DASHBOARD.reportingRow),
      formula: `IF(AND(ISNUMBER(${reporting}),NOT(ISNUMBER(${index}))),"${d.outsideTimeline}","${d.monthOf(ctx.months)}")`,
      style: "note",
    },
    {
      ref: cell(DASHBOARD.reportingNoteColumn, DASHBOARD.reportingRow),
      value: d.reportingNote,
      style: "note",
    },
    label(DASHBOARD.minShareRow, d.minShare),
    {
      ref: cell(V, DASHBOARD.minShareRow),
      value: 1,
      numberFormat: percentFormat(lang),
      style: "input",
    },
    {
      ref: cell(NOTE, DASHBOARD.minShareRow),
      value: d.minShareNote,
      style: "note",
    },
    label(DASHBOARD.startMonthRow, d.startMonth),
    {
      // A value, not a formula: a rebuild on another first month keeps the company's month 1.
      ref: cell(V, DASHBOARD.startMonthRow),
      value: monthSerial(ctx.firstMonth),
      numberFormat: monthFormat(lang),
      style: "input",
    },
    {
      ref: cell(NOTE, DASHBOARD.startMonthRow),
      value: d.startMonthNote,
      style: "note",
    },
    label(DASHBOARD.phaseRow, d.phase),
    {
      ref: phase,
      formula: atReporting(TRACKING.phase.get("phase")!),
      numberFormat: "0",
      style: "flag",
    },
    label(DASHBOARD.expectedRow, d.expected),
    {
      ref: expected,
      formula: atReporting(TRACKING.phase.get("expected")!),
      numberFormat: "0",
      style: "flag",
    },
    label(DASHBOARD.scheduleRow, d.schedule),
    {
      ref: cell(V, DASHBOARD.scheduleRow),
      formula: `IF(AND(ISNUMBER(${phase}),ISNUMBER(${expected})),IF(${phase}>${expected},"${d.ahead}",IF(${phase}=${expected},"${d.onSchedule}","${d.behind}")),"")`,
      style: "flag",
    },
    label(DASHBOARD.targetPhaseRow, d.targetPhase),
    {
      ref: cell(V, DASHBOARD.targetPhaseRow),
      // Phase 1 where the row is blank: a reporting month typed after the data ends.
      formula: `MAX(1,N(${atReporting(TRACKING.phase.get("targetPhase")!, "1")}))`,
      numberFormat: "0",
      style: "flag",
    },
  ];
  const header = (
    row: number,
    texts: readonly (readonly [column: number, text: string])[],
  ) => cells.push(...headerAt(row, texts));

  // The meeting count's text runs over the empty header cells beside it.
  header(DASHBOARD.scoreHeaderRow, [
    [S.phase, d.scorecard],
    [S.name, labels.phaseRows.header],
    [S.score, d.score],
    [S.meeting, d.meeting],
    [S.plan, labels.plan.dashboardPlan],
  ]);
  for (const n of PHASE_NUMBERS) {
    const row = DASHBOARD.scoreRow(n);
    const met = atReporting(TRACKING.met.get(n)!);
    const judged = atReporting(TRACKING.judged.get(n)!);
    cells.push(
      { ref: cell(S.phase, row), value: `P${n}`, style: "label" },
      { ref: cell(S.name, row), value: PHASES[n - 1].name[lang] },
      {
        ref: cell(S.score, row),
        formula: atReporting(TRACKING.phase.get(`score${n}`)!),
        numberFormat: percentFormat(lang),
        style: "computed",
      },
      {
        ref: cell(S.meeting, row),
        formula: `IF(N(${judged})>0,${met}&"${d.ofMetrics}"&${judged}&"${d.meetPhase}${n}","")`,
        style: "computed",
      },
    );
    ctx.names.push({
      name: NAMES.score(n),
      sheet: "dashboard",
      ref: absolute(S.score, row),
    });
    // The phase's plan completion (Plan_P<n>), beside its score.
    cells.push({
      ref: cell(S.plan, row),
      formula: refOn(
        ctx,
        planSheetKey(n),
        absolute(PLAN.completionColumn, PLAN.completionRow),
      ),
      numberFormat: percentFormat(lang),
      style: "computed",
    });
  }

  header(DASHBOARD.riskHeaderRow, [
    [R.group, d.riskGroup],
    [R.level, d.level],
  ]);
  RISK_GROUPS.forEach((g, gi) => {
    const row = DASHBOARD.riskRow(gi);
    cells.push(
      { ref: cell(R.group, row), value: g.name[lang], style: "label" },
      {
        ref: cell(R.level, row),
        formula: refOn(
          ctx,
          "risks",
          absolute(RISKS.columns.flag, RISKS.groupRow(gi)),
        ),
        style: "flag",
      },
    );
  });

  toolsCost(ctx, cells);

  header(DASHBOARD.metricHeaderRow, [
    [C.id, thresholdHeaders(lang).id],
    [C.name, labels.metric],
    [C.current, d.current],
    [C.month, labels.month],
    [C.stale, d.stale],
    [C.target, labels.target],
    [C.gap, labels.gap],
    [C.flag, labels.flag],
    [C.eta, d.eta],
    [C.projected, d.projected],
    [C.progress, d.progress],
  ]);
  PHASE_METRICS.forEach((m, i) => {
    const row = DASHBOARD.metricRow(i);
    const fmt = formatOf(ctx, m);
    const source = trackingRow(m.id);
    const fromTracking = (col: number) => tracking(absolute(col, source));
    const current = cell(C.current, row);
    const target = cell(C.target, row);
    const eta = cell(C.eta, row);
    const valueMonth = cell(C.month, row);
    const asOfMonth = `INDEX(${tracking(monthsOf(ctx, TRACKING.asOfMonth.get(m.id)!))},1,${index})`;
    cells.push(
      { ref: cell(C.id, row), value: m.id, style: "label" },
      { ref: cell(C.name, row), value: m.name[lang] },
      {
        ref: current,
        formula: fromTracking(TRACKING_COLUMNS.latest),
        numberFormat: fmt,
        style: "computed",
      },
      {
        ref: cell(C.month, row),
        formula: fromTracking(TRACKING_COLUMNS.latestMonth),
        numberFormat: monthFormat(lang),
        style: "computed",
      },
      {
        ref: cell(C.stale, row),
        formula: staleNote(
          current,
          asOfMonth,
          index,
          isGrowingAmount(m) ? cell(C.projected, row) : undefined,
          reporting,
          d,
        ),
        style: "note",
      },
      {
        ref: target,
        formula: fromTracking(TRACKING_COLUMNS.target),
        numberFormat: fmt,
        style: "computed",
      },
      {
        ref: cell(C.gap, row),
        formula: fromTracking(TRACKING_COLUMNS.gap),
        numberFormat: gapFormat(m, lang, ctx.currency),
        style: "computed",
      },
      {
        ref: cell(C.flag, row),
        formula: fromTracking(TRACKING_COLUMNS.flag),
        style: "flag",
      },
      {
        ref: cell(C.progress, row),
        formula: progressFormula(current, target, m.direction),
        numberFormat: percentFormat(lang),
        style: "computed",
      },
    );
    if (isGrowingAmount(m)) {
      cells.push(
        {
          ref: eta,
          formula: etaFormula({
            current,
            target,
            month: asOfMonth,
            asOfRow: tracking(monthsOf(ctx, TRACKING.asOf.get(m.id)!)),
            asOfMonthRow: tracking(
              monthsOf(ctx, TRACKING.asOfMonth.get(m.id)!),
            ),
            notAvailable: d.notAvailable,
          }),
          numberFormat: "0",
          style: "computed",
        },
        {
          ref: cell(C.projected, row),
          // Counted from the month of the current value (product.md 6.5, 3rd ed.).
          formula: `IF(AND(ISNUMBER(${eta}),ISNUMBER(${valueMonth})),DATE(YEAR(${valueMonth}),MONTH(${valueMonth})+${eta},1),"")`,
          numberFormat: monthFormat(lang),
          style: "computed",
        },
      );
      ctx.names.push({
        name: NAMES.eta(m.id),
        sheet: "dashboard",
        ref: absolute(C.eta, row),
      });
    }
    ctx.names.push(
      {
        name: NAMES.current(m.id),
        sheet: "dashboard",
        ref: absolute(C.current, row),
      },
      {
        name: NAMES.flag(m.id),
        sheet: "dashboard",
        ref: absolute(C.flag, row),
      },
      { name: NAMES.gap(m.id), sheet: "dashboard", ref: absolute(C.gap, row) },
    );
  });
  d.legend.forEach((text, k) =>
    cells.push({
      ref: cell(DASHBOARD.labelColumn, DASHBOARD.legendRow + k),
      value: text,
      style: "note",
    }),
  );
  const varianceColours = budgetTable(ctx, cells, index);
  nextSteps(ctx, cells);

  ctx.names.push(
    { name: NAMES.reportingMonth, sheet: "dashboard", ref: reporting },
    {
      name: NAMES.minShare,
      sheet: "dashboard",
      ref: absolute(V, DASHBOARD.minShareRow),
    },
    {
      name: NAMES.phase,
      sheet: "dashboard",
      ref: absolute(V, DASHBOARD.phaseRow),
    },
    {
      name: NAMES.expected,
      sheet: "dashboard",
      ref: absolute(V, DASHBOARD.expectedRow),
    },
    {
      name: NAMES.targetPhase,
      sheet: "dashboard",
      ref: absolute(V, DASHBOARD.targetPhaseRow),
    },
    {
      name: NAMES.startMonth,
      sheet: "dashboard",
      ref: absolute(V, DASHBOARD.startMonthRow),
    },
  );
  const flags = metricColumn(C.flag);
  const risks = `${cell(R.level, DASHBOARD.riskRow(0))}:${cell(R.level, DASHBOARD.riskRow(RISK_GROUPS.length - 1))}`;
  ctx.rules.push(
    ...flagTextRules(
      "dashboard",
      `${risks} ${flags}`,
      cell(R.level, DASHBOARD.riskRow(0)),
    ),
    ...varianceColours,
  );
  ctx.validations.push({
    kind: "decimal",
    sheet: "dashboard",
    ref: cell(V, DASHBOARD.minShareRow),
    min: 0.01,
    max: 1,
    message: d.minShareNote,
  });
  charts(ctx);
  return {
    key: "dashboard",
    name: ctx.sheetName("dashboard"),
    cells,
    columnWidths: dashboardWidths(lang),
    freeze: { rows: 0, columns: 0 },
    printLandscape: true,
    fitTo: "width",
    // The charts start a page of their own.
    pageBreaks: [chartsTop(ctx) - 1],
  };
}

/**
 * Column widths in characters: the main table (id to % of target) reads on a 1,024-pixel screen
 * (screen.ts, product.md 10 "Screen"); column A also holds the labels above it.
 */
/**
 * The note beside a current value: stale when it is older than 3 months before the reporting
 * month; "passed" when its projected month is before the reporting month (product.md 6.5, 3rd ed.).
 */
function staleNote(
  current: string,
  asOfMonth: string,
  index: string,
  projected: string | undefined,
  reporting: string,
  d: TemplateLabels["dashboard"],
): string {
  const stale = `IF(ISNUMBER(${current}),IF(N(${asOfMonth})<${index}-${STALE_AFTER_MONTHS},"${d.staleMark}",""),"")`;
  if (projected === undefined) return stale;
  const passed = `IF(AND(ISNUMBER(${projected}),ISNUMBER(${reporting})),IF(N(${projected})<DATE(YEAR(${reporting}),MONTH(${reporting}),1),"${d.passedMark}",""),"")`;
  return `TRIM(${stale}&" "&${passed})`;
}

function dashboardWidths(lang: Language): Record<string, number> {
  const es = lang === "es";
  const widths: [number, number][] = [
    [C.id, 22],
    [C.name, es ? 27 : 28],
    [C.current, 12],
    [C.month, 10],
    [C.stale, es ? 8 : 7],
    [C.target, 12],
    [C.gap, 12],
    [C.flag, 8],
    [C.eta, es ? 11 : 12],
    [C.projected, es ? 12 : 10],
    // "% del objetivo" runs over the empty cell beside it.
    [C.progress, es ? 12 : 11],
  ];
  return Object.fromEntries(widths.map(([c, w]) => [columnLetter(c), w]));
}

/** The actual vs budget table's header row, below the legend. */
const budgetTop = (ctx: Context) =>
  DASHBOARD.legendRow + ctx.labels.dashboard.legend.length + 1;

/**
 * Actual vs budget as of the reporting month (product.md 12, "Budget"), one row per VARIANCE_ROWS:
 * the actual is Tracking's as-of value (its Latest column), compared with the budget of the month
 * that value is from, not of the reporting month: a figure last typed in March is compared with
 * March's budget (like for like). The variance is positive where good for the measure; `Variance_<key>`.
 */
function budgetTable(
  ctx: Context,
  cells: CellSpec[],
  index: string,
): ConditionalRule[] {
  const lang = ctx.language;
  const b = ctx.labels.dashboard.budget;
  const top = budgetTop(ctx);
  // The Budget sheet's row of a measure (Budget_<key>), by reference as every other formula reads a sheet.
  const budgetRow = (key: string) =>
    refOn(ctx, "budget", budgetMonthsOf(ctx, trackingRow(key)));
  cells.push(
    ...headerAt(top, [
      [B.name, b.title],
      [B.actual, b.actual],
      [B.month, b.month],
      [B.budget, b.budget],
      [B.variance, b.variance],
      [B.percent, b.percent],
    ]),
  );
  VARIANCE_ROWS.forEach((r, k) => {
    const row = top + 1 + k;
    const m = r.measure;
    const fmt = formatOf(ctx, m);
    const fromTracking = (col: number) =>
      refOn(ctx, "tracking", absolute(col, trackingRow(r.key)));
    const actual = cell(B.actual, row);
    const budget = cell(B.budget, row);
    const variance = cell(B.variance, row);
    // The position of the actual's month on the timeline, which the budget's row shares.
    const month = `INDEX(${refOn(ctx, "tracking", monthsOf(ctx, TRACKING.asOfMonth.get(r.key)!))},1,${index})`;
    const budgeted = `INDEX(${budgetRow(r.key)},1,${month})`;
    cells.push(
      { ref: cell(B.name, row), value: m.name[lang] },
      {
        ref: actual,
        formula: fromTracking(TRACKING_COLUMNS.latest),
        numberFormat: fmt,
        style: "computed",
      },
      {
        ref: cell(B.month, row),
        formula: fromTracking(TRACKING_COLUMNS.latestMonth),
        numberFormat: monthFormat(lang),
        style: "computed",
      },
      {
        ref: budget,
        formula: `IF(ISNUMBER(${actual}),IF(ISNUMBER(${budgeted}),${budgeted},""),"")`,
        numberFormat: fmt,
        style: "computed",
      },
      {
        ref: variance,
        // Percentages in percentage points, as a gap (formats.ts gapFormat).
        formula: varianceFormula(
          actual,
          budget,
          m.direction,
          m.unit === "fraction" ? 100 : 1,
        ),
        numberFormat: gapFormat(m, lang, ctx.currency),
        style: "computed",
      },
      {
        ref: cell(B.percent, row),
        formula: variancePercentFormula(actual, budget, m.direction),
        numberFormat: percentFormat(lang),
        style: "computed",
      },
    );
    ctx.names.push({
      name: NAMES.variance(r.key),
      sheet: "dashboard",
      ref: absolute(B.variance, row),
    });
  });
  b.notes.forEach((text, k) =>
    cells.push({
      // A row apart, as the legend is below the metrics.
      ref: cell(DASHBOARD.labelColumn, top + VARIANCE_ROWS.length + 2 + k),
      value: text,
      style: "note",
    }),
  );
  const first = cell(B.variance, top + 1);
  return varianceRules(
    "dashboard",
    `${first}:${cell(B.variance, top + VARIANCE_ROWS.length)}`,
    first,
  );
}

/** The seed's next steps, a checklist below the actual vs budget table: each step with a status to set. */
const stepsTop = (ctx: Context) =>
  budgetTop(ctx) +
  VARIANCE_ROWS.length +
  ctx.labels.dashboard.budget.notes.length +
  3;
const stepsRows = NEXT_STEPS.reduce((n, s) => n + 1 + s.steps.length, 1);

function nextSteps(ctx: Context, cells: CellSpec[]): void {
  const lang = ctx.language;
  const p = ctx.labels.plan;
  let row = stepsTop(ctx);
  cells.push(
    ...headerAt(row, [
      [STEP.step, p.nextSteps],
      [STEP.status, p.status],
    ]),
  );
  for (const section of NEXT_STEPS) {
    row++;
    for (let col = STEP.step; col <= STEP.status; col++)
      cells.push({
        ref: cell(col, row),
        ...(col === STEP.step && { value: section.title[lang] }),
        style: "subtitle",
      });
    const first = row + 1;
    // Each step's words run over the empty column before its status.
    for (const step of section.steps) {
      cells.push(
        { ref: cell(STEP.step, ++row), value: step.label[lang] },
        { ref: cell(STEP.status, row), value: p.statuses[0], style: "input" },
      );
      if (step.sheet)
        cells.push({
          ref: cell(STEP.link, row),
          formula: sheetLink(ctx.sheetName(step.sheet), ctx),
          style: "note",
        });
    }
    ctx.validations.push({
      kind: "list",
      sheet: "dashboard",
      ref: `${cell(STEP.status, first)}:${cell(STEP.status, row)}`,
      values: p.statuses,
      message: p.statusMessage,
    });
  }
}

/**
 * A link to a sheet's A1, its words naming the sheet. HYPERLINK's "#" location is a place in this
 * workbook (https://support.microsoft.com/Excel/functions/hyperlink-function:
 * "jumps to another location in the current workbook"); Excel for the web follows web addresses
 * only, so the words say where to go. LibreOffice and Gnumeric show the words too.
 */
function sheetLink(sheet: string, ctx: Context): string {
  const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const location = `#${onSheet(sheet, "A1")}`;
  return `HYPERLINK(${quoted(location)},${quoted(TOOLS_LABELS[ctx.language].goTo(sheet))})`;
}

/**
 * The tools' total monthly cost (Tools_MonthlyCost, product.md 13) right of the risk levels, beside
 * the cash burn it adds to.
 */
function toolsCost(ctx: Context, cells: CellSpec[]): void {
  const t = TOOLS_LABELS[ctx.language];
  const T = DASHBOARD.toolsColumns;
  for (let col = T.label; col <= T.value; col++)
    cells.push({
      ref: cell(col, DASHBOARD.riskHeaderRow),
      ...(col === T.label && { value: t.dashboardHeader }),
      style: "header",
    });
  cells.push(
    {
      ref: cell(T.label, DASHBOARD.riskRow(0)),
      value: t.dashboardCost,
      style: "label",
    },
    {
      ref: cell(T.value, DASHBOARD.riskRow(0)),
      formula: refOn(
        ctx,
        "tools",
        absolute(TOOLS.register.field("MonthlyCost"), TOOLS.totalRow),
      ),
      numberFormat: currencyFormat(ctx.currency, ctx.language),
      style: "computed",
    },
  );
}

const chartsTop = (ctx: Context) => stepsTop(ctx) + stepsRows + 1;

/** A column of the per-metric table, first metric to last. */
const metricColumn = (column: number) =>
  `${cell(column, DASHBOARD.metricRow(0))}:${cell(column, DASHBOARD.metricRow(PHASE_METRICS.length - 1))}`;

/** The charts' heights in rows: the two line charts side by side, the bar chart under them after a gap. */
const LINE_CHART_ROWS = 22;
const BAR_CHART_TOP = LINE_CHART_ROWS + 2;
const BAR_CHART_ROWS = 32;

/** Charts below the tables: MRR against the phase targets, phase reached and expected, % of target. */
function charts(ctx: Context): void {
  const c = ctx.labels.charts;
  const at = DASHBOARD.chartColumns;
  const months = monthsOf(ctx, TRACKING.headerRow).replace(/\$/g, "");
  const row = (r: number) => monthsOf(ctx, r).replace(/\$/g, "");
  const top = chartsTop(ctx);
  const monthly = {
    dataSheet: "tracking" as const,
    categories: months,
    dateFormat: monthFormat(ctx.language),
  };
  ctx.charts.push(
    mrrChart(
      ctx,
      "dashboard",
      [at.mrr.from, top],
      [at.mrr.to, top + LINE_CHART_ROWS],
    ),
    {
      sheet: "dashboard",
      kind: "line",
      title: c.phases,
      from: cell(at.phases.from, top),
      to: cell(at.phases.to, top + LINE_CHART_ROWS),
      ...monthly,
      series: [
        // Phase reached from its hidden chart copy: #N/A, not plotted, where the row is blank (after the data ends).
        { name: c.reached, values: row(TRACKING.plottedPhase) },
        { name: c.expected, values: row(TRACKING.phase.get("expected")!) },
      ],
      valueAxis: { numberFormat: "0", min: 0, max: LAST_PHASE },
      plotsHiddenCells: true,
      naIsGap: true,
    },
    {
      sheet: "dashboard",
      kind: "bar",
      title: c.progress,
      from: cell(at.progress.from, top + BAR_CHART_TOP),
      to: cell(at.progress.to, top + BAR_CHART_TOP + BAR_CHART_ROWS),
      dataSheet: "dashboard",
      categories: metricColumn(C.name),
      series: [{ name: c.progressSeries, values: metricColumn(C.progress) }],
      valueAxis: { numberFormat: percentFormat(ctx.language), min: 0, max: 2 },
    },
  );
}
