/**
 * The Tracking sheet (product.md 6.2-6.4): one column per month, one row per measure, then the
 * phase rows, the risk group rows and the working rows that carry as-of values month by month.
 * A month's cells read their own column and the month before, in ways a column inserted inside the
 * month block does not break (formulas.ts says how); recalculation grows linearly with the months.
 */
import {
  LINKED_INDICATORS,
  PHASE_METRICS,
  PHASE_NUMBERS,
  PhaseNumber,
  RISK_GROUPS,
  RISK_INDICATORS,
  UNITS,
  contextOf,
} from "../catalog";
import { monthSerial } from "../months";
import { THRESHOLD_HEADERS } from "./thresholds-layout";
import {
  INPUT_ROWS,
  RECONCILIATION_KEY,
  TIMELINE_ROWS,
  TimelineRow,
  rowOf,
} from "../timeline";
import { Context, formatOf, headerCells, refOn } from "./context";
import {
  gapFormat,
  monthFormat,
  percentFormat,
  thresholdFormat,
} from "./formats";
import {
  absolute,
  asOfFormula,
  asOfMonthFormula,
  cell,
  columnLetter,
  expectedFormula,
  flagFormula,
  gapFormula,
  lastInputFormula,
  meetsFormula,
  monthHeaderFormula,
  monthNumberFormula,
  phaseReachedFormula,
  plottedFormula,
  scoreFormula,
  targetPhaseFormula,
  startOffsetFormula,
  whileDataFormula,
  reconciliationFlagFormula,
  thresholdShown,
  watchLimitFormula,
  worstLevelFormula,
  type LevelRule,
} from "./formulas";
import {
  DASHBOARD,
  NAMES,
  PHASE_ROWS,
  THRESHOLDS,
  TRACKING,
  TRACKING_COLUMNS as COL,
  monthColumn,
  trackingRow,
} from "./layout";
import {
  contextLevelRule,
  flagTextRules,
  indicatorLevelRule,
  metricLevelRule,
  trackingLevelRules,
} from "./rules";
import { monthCells, monthGrid, monthValidations } from "./month-cells";
import { CellSpec, SheetSpec } from "./types";

/** The dashboard cells every Tracking formula reads: the reporting month's position, the target phase then, the minimum share. */
export const dashboardCells = (ctx: Context) => ({
  reportingIndex: refOn(
    ctx,
    "dashboard",
    absolute(DASHBOARD.reportingIndexColumn, DASHBOARD.reportingRow),
  ),
  targetPhase: refOn(
    ctx,
    "dashboard",
    absolute(DASHBOARD.valueColumn, DASHBOARD.targetPhaseRow),
  ),
  minShare: refOn(
    ctx,
    "dashboard",
    absolute(DASHBOARD.valueColumn, DASHBOARD.minShareRow),
  ),
  startMonth: refOn(
    ctx,
    "dashboard",
    absolute(DASHBOARD.valueColumn, DASHBOARD.startMonthRow),
  ),
});

/** Beside the last-input row, outside the month block: the last month with data (every month cell reads it, product.md 6.7). */
const DATA_END = absolute(COL.latest, TRACKING.lastInput);

/** Beside the month numbers: how many months the company's start month is before the timeline's first. */
const START_OFFSET = absolute(COL.latest, TRACKING.monthNumber);

/** A row's month cells, absolute: `$N$5:$AW$5`. */
export const monthsOf = (ctx: Context, row: number) =>
  `${absolute(COL.firstMonth, row)}:${absolute(monthColumn(ctx.months), row)}`;

const at = (t: number, row: number) => cell(monthColumn(t), row);

/** The first month's header: the date every other header, and every month number, counts from. */
const FIRST_HEADER = absolute(COL.firstMonth, TRACKING.headerRow);

const monthNumberAt = (t: number) => at(t, TRACKING.monthNumber);

/** The metric rule of row `row` against phase `phase` (a cell or a number), reading the row's P1..P4 cells. */
function rowMetricRule(
  ctx: Context,
  r: TimelineRow,
  row: number,
  phase: string,
): LevelRule {
  const base = metricLevelRule(
    ctx.sheetName("thresholds"),
    PHASE_METRICS.indexOf(r.measure as (typeof PHASE_METRICS)[number]),
    1,
  );
  const targets = `$${columnLetter(COL.phaseTarget(1))}$${row}:$${columnLetter(COL.phaseTarget(4))}$${row}`;
  const floors = `$${columnLetter(COL.phaseTarget(1))}$${TRACKING.floor}:$${columnLetter(COL.phaseTarget(4))}$${TRACKING.floor}`;
  return {
    ...base,
    threshold: `INDEX(${targets},1,${phase})`,
    floor: base.floor ? `INDEX(${floors},1,${phase})` : undefined,
  };
}

/** Phase n's rule of a metric's row, on the row's own P<n> target (and the floor row's P<n> floor). */
function rowPhaseRule(
  ctx: Context,
  r: TimelineRow,
  row: number,
  n: PhaseNumber,
): LevelRule {
  const base = rowMetricRule(ctx, r, row, String(n));
  return {
    ...base,
    threshold: cell(COL.phaseTarget(n), row),
    floor: base.floor
      ? absolute(COL.phaseTarget(n), TRACKING.floor)
      : undefined,
  };
}

/**
 * The left block of a measure's row: latest (as of the reporting month), its flag, month, target
 * and gap; then its id, unit and kind; then per phase the target and the WATCH limit.
 */
function leftBlock(ctx: Context, r: TimelineRow, row: number): CellSpec[] {
  const { labels } = ctx;
  const lang = ctx.language;
  const m = r.measure;
  const fmt = formatOf(ctx, m);
  const dash = dashboardCells(ctx);
  const latest = cell(COL.latest, row);
  const target = cell(COL.target, row);
  const asOf = monthsOf(ctx, TRACKING.asOf.get(r.key)!);
  const asOfMonth = monthsOf(ctx, TRACKING.asOfMonth.get(r.key)!);
  const cells: CellSpec[] = [
    { ref: cell(COL.id, row), value: r.id, style: "label" },
    { ref: cell(COL.name, row), value: m.name[lang] },
    {
      ref: cell(COL.unit, row),
      value: UNITS[m.unit].label[lang],
      style: "note",
    },
    {
      ref: cell(COL.kind, row),
      value: r.derived ? labels.computed : labels.input,
      style: "note",
    },
    {
      ref: latest,
      formula: `IF(ISNUMBER(${dash.reportingIndex}),INDEX(${asOf},1,${dash.reportingIndex}),"")`,
      numberFormat: fmt,
      style: "computed",
    },
    {
      ref: cell(COL.latestMonth, row),
      formula: `IF(ISNUMBER(${latest}),INDEX(${monthsOf(ctx, TRACKING.headerRow)},1,INDEX(${asOfMonth},1,${dash.reportingIndex})),"")`,
      numberFormat: monthFormat(lang),
      style: "computed",
    },
  ];
  if (r.key === RECONCILIATION_KEY)
    cells.push({
      ref: cell(COL.flag, row),
      formula: reconciliationFlagFormula(
        latest,
        `INDEX(${asOfMonth},1,${dash.reportingIndex})`,
        monthsOf(ctx, trackingRow("mrr")),
      ),
      style: "flag",
    });
  const context = m.kind === "input" ? contextOf(m.id) : undefined;
  if (m.kind === "input" && !context) return cells;
  const thresholdCell = (n: PhaseNumber, formula: string): CellSpec => ({
    ref: cell(COL.phaseTarget(n), row),
    formula,
    numberFormat: thresholdFormat(m, lang, ctx.currency),
    style: "computed",
  });
  const watchLimitCell = (n: PhaseNumber, rule: LevelRule): CellSpec => ({
    ref: cell(COL.watchLimit(n), row),
    formula: watchLimitFormula(rule),
    numberFormat: thresholdFormat(m, lang, ctx.currency),
    style: "computed",
  });
  let rule: LevelRule;
  if (m.kind === "metric") {
    const index = PHASE_METRICS.indexOf(m);
    for (const n of PHASE_NUMBERS)
      cells.push(
        thresholdCell(
          n,
          refOn(
            ctx,
            "thresholds",
            absolute(THRESHOLDS.targetColumn(n), THRESHOLDS.metricRow(index)),
          ),
        ),
        watchLimitCell(n, rowPhaseRule(ctx, r, row, n)),
      );
    rule = rowMetricRule(ctx, r, row, dash.targetPhase);
  } else {
    // A risk indicator against its threshold; a SaaS measure against its convention, as information.
    rule =
      m.kind === "indicator"
        ? indicatorLevelRule(ctx.sheetName("thresholds"), m)
        : contextLevelRule(ctx.sheetName("thresholds"), m, context!);
    cells.push(
      thresholdCell(1, rule.threshold),
      watchLimitCell(1, { ...rule, threshold: cell(COL.phaseTarget(1), row) }),
    );
  }
  cells.push(
    {
      ref: target,
      formula: thresholdShown(rule.threshold),
      numberFormat: fmt,
      style: "computed",
    },
    {
      ref: cell(COL.gap, row),
      formula: gapFormula(
        latest,
        target,
        m.direction,
        m.unit === "fraction" ? 100 : 1,
      ),
      numberFormat: gapFormat(m, lang, ctx.currency),
      style: "computed",
    },
    {
      ref: cell(COL.flag, row),
      formula: flagFormula(latest, rule),
      style: "flag",
    },
  );
  return cells;
}

/** A computed row: label in the name column, one formula per month. */
function computedRow(
  ctx: Context,
  row: number,
  label: string,
  formula: (t: number) => string | number,
  numberFormat?: string,
  style: "computed" | "flag" | "working" = "computed",
): CellSpec[] {
  const cells: CellSpec[] = [
    {
      ref: cell(COL.name, row),
      value: label,
      style: style === "working" ? "working" : "label",
    },
  ];
  for (let t = 1; t <= ctx.months; t++) {
    const f = formula(t);
    cells.push({
      ref: at(t, row),
      ...(typeof f === "number" ? { value: f } : { formula: f }),
      numberFormat,
      style: style === "working" ? "working" : style,
    });
  }
  return cells;
}

function phaseRows(ctx: Context): CellSpec[] {
  const { labels } = ctx;
  const lang = ctx.language;
  const dash = dashboardCells(ctx);
  // Each phase metric's as-of cell by name: other rows' as-of cells (the SaaS measures') sit among them.
  const asOfMetrics = (t: number) =>
    PHASE_METRICS.map((m) => at(t, TRACKING.asOf.get(m.id)!)).join(",");
  const score = (n: PhaseNumber, t: number) =>
    at(t, TRACKING.phase.get(`score${n}`)!);
  const dataEnd = DATA_END;
  const whileData = (f: (t: number) => string) => (t: number) =>
    whileDataFormula(monthNumberAt(t), dataEnd, f(t));
  const rows: Record<
    (typeof PHASE_ROWS)[number],
    [string, (t: number) => string, string]
  > = {
    phase: [
      labels.phaseRows.phase,
      whileData((t) =>
        phaseReachedFormula(
          asOfMetrics(t),
          PHASE_NUMBERS.map((n) => score(n, t)),
          dash.minShare,
        ),
      ),
      "0",
    ],
    expected: [
      labels.phaseRows.expected,
      // Counted from the company's start month (product.md 6.4, 3rd ed.).
      (t) => expectedFormula(`(${monthNumberAt(t)}+${START_OFFSET})`),
      "0",
    ],
    targetPhase: [
      labels.phaseRows.targetPhase,
      whileData((t) => targetPhaseFormula(at(t, TRACKING.phase.get("phase")!))),
      "0",
    ],
    ...(Object.fromEntries(
      PHASE_NUMBERS.map((n) => [
        `score${n}`,
        [
          labels.phaseRows.score(n),
          whileData((t: number) =>
            scoreFormula(
              at(t, TRACKING.met.get(n)!),
              at(t, TRACKING.judged.get(n)!),
            ),
          ),
          percentFormat(lang),
        ],
      ]),
    ) as Record<
      `score${PhaseNumber}`,
      [string, (t: number) => string, string]
    >),
  };
  const cells: CellSpec[] = [
    {
      ref: cell(COL.name, TRACKING.phaseHeader),
      value: labels.phaseRows.header,
      style: "section",
    },
  ];
  for (const id of PHASE_ROWS) {
    const [label, formula, fmt] = rows[id];
    const row = TRACKING.phase.get(id)!;
    cells.push(...computedRow(ctx, row, label, formula, fmt));
    ctx.names.push({
      name: NAMES.phaseRow[id],
      sheet: "tracking",
      ref: monthsOf(ctx, row),
    });
  }
  cells.push({
    ref: cell(COL.name, TRACKING.groupHeader),
    value: labels.groupsHeader,
    style: "section",
  });
  RISK_GROUPS.forEach((g) => {
    const row = TRACKING.groups.get(g.id)!;
    const levels = g.indicators.map((i) =>
      TRACKING.indicatorLevel.get(i.qualifiedId)!,
    );
    cells.push({ ref: cell(COL.id, row), value: g.id, style: "label" });
    cells.push(
      ...computedRow(
        ctx,
        row,
        g.name[ctx.language],
        whileData((t) =>
          worstLevelFormula(
            `${at(t, Math.min(...levels))}:${at(t, Math.max(...levels))}`,
          ),
        ),
        undefined,
        "flag",
      ),
    );
    ctx.names.push({
      name: NAMES.trackingRisk(g.id),
      sheet: "tracking",
      ref: monthsOf(ctx, row),
    });
  });
  return cells;
}

/** The working rows: month numbers, the last month with an input, as-of values and months, the phase checks. */
function workingRows(ctx: Context): CellSpec[] {
  const { labels } = ctx;
  const lang = ctx.language;
  const w = labels.working;
  const cells: CellSpec[] = [
    {
      ref: cell(COL.name, TRACKING.workingHeader),
      value: w.header,
      style: "section",
    },
    ...computedRow(
      ctx,
      TRACKING.monthNumber,
      w.monthNumber,
      () => monthNumberFormula(FIRST_HEADER),
      "0",
      "working",
    ),
    {
      ref: cell(COL.latest, TRACKING.lastInput),
      formula: `N(${absolute(monthColumn(ctx.months), TRACKING.lastInput)})`,
      numberFormat: "0",
      style: "working",
    },
    {
      ref: cell(COL.latest, TRACKING.monthNumber),
      formula: startOffsetFormula(FIRST_HEADER, dashboardCells(ctx).startMonth),
      numberFormat: "0",
      style: "working",
    },
    ...computedRow(
      ctx,
      TRACKING.lastInput,
      w.lastInput,
      (t) =>
        lastInputFormula(
          INPUT_ROWS.map((r) => at(t, TRACKING.asOfMonth.get(r.key)!)),
        ),
      "0",
      "working",
    ),
  ];
  // Gross margin's floors beside its name, where the colour rules read them.
  const floored = PHASE_METRICS.findIndex((m) => m.floors);
  cells.push({
    ref: cell(COL.name, TRACKING.floor),
    value: w.floor(PHASE_METRICS[floored].name[lang]),
    style: "working",
  });
  for (const n of PHASE_NUMBERS)
    cells.push({
      ref: cell(COL.phaseTarget(n), TRACKING.floor),
      formula: refOn(
        ctx,
        "thresholds",
        absolute(THRESHOLDS.floorColumn(n), THRESHOLDS.metricRow(floored)),
      ),
      numberFormat: thresholdFormat(PHASE_METRICS[floored], lang, ctx.currency),
      style: "computed",
    });
  const mrrRow = trackingRow("mrr");
  for (const n of PHASE_NUMBERS) {
    const target = absolute(COL.phaseTarget(n), mrrRow);
    cells.push(
      ...computedRow(
        ctx,
        TRACKING.mrrTarget.get(n)!,
        w.mrrTarget(n),
        () => thresholdShown(target),
        formatOf(ctx, PHASE_METRICS[0]),
        "working",
      ),
    );
  }
  // The as-of chains: each month reads the one before by address (refresh repairs them after an inserted month).
  const previous = (row: number, t: number) =>
    t > 1 ? at(t - 1, row) : undefined;
  for (const r of TIMELINE_ROWS) {
    const row = TRACKING.asOf.get(r.key)!;
    const measureRow = trackingRow(r.key);
    cells.push(
      ...computedRow(
        ctx,
        row,
        w.asOf(r.measure.name[lang]),
        (t) => asOfFormula(at(t, measureRow), previous(row, t)),
        formatOf(ctx, r.measure),
        "working",
      ),
    );
  }
  for (const r of TIMELINE_ROWS) {
    const row = TRACKING.asOfMonth.get(r.key)!;
    const measureRow = trackingRow(r.key);
    cells.push(
      ...computedRow(
        ctx,
        row,
        w.asOfMonth(r.measure.name[lang]),
        (t) =>
          asOfMonthFormula(
            at(t, measureRow),
            monthNumberAt(t),
            previous(row, t),
          ),
        "0",
        "working",
      ),
    );
  }
  for (const n of PHASE_NUMBERS) {
    const rows = TRACKING.meets.get(n)!;
    PHASE_METRICS.forEach((m, i) => {
      const asOfRow = TRACKING.asOf.get(m.id)!;
      const target = absolute(COL.phaseTarget(n), trackingRow(m.id));
      cells.push(
        ...computedRow(
          ctx,
          rows[i],
          w.meets(n, m.name[lang]),
          (t) => meetsFormula(at(t, asOfRow), target, m.direction),
          "0",
          "working",
        ),
      );
    });
    const block = (t: number) =>
      `${at(t, rows[0])}:${at(t, rows[rows.length - 1])}`;
    cells.push(
      ...computedRow(
        ctx,
        TRACKING.met.get(n)!,
        w.met(n),
        (t) => `SUM(${block(t)})`,
        "0",
        "working",
      ),
      ...computedRow(
        ctx,
        TRACKING.judged.get(n)!,
        w.judged(n),
        (t) => `COUNT(${block(t)})`,
        "0",
        "working",
      ),
    );
  }
  for (const ind of RISK_INDICATORS) {
    const row = TRACKING.indicatorLevel.get(ind.qualifiedId)!;
    const asOfRow = TRACKING.asOf.get(rowOf(ind).key)!;
    const rule = indicatorLevelRule(ctx.sheetName("thresholds"), ind);
    cells.push(
      ...computedRow(
        ctx,
        row,
        w.level(ind.qualifiedId),
        (t) => flagFormula(at(t, asOfRow), rule),
        undefined,
        "working",
      ),
    );
  }
  const phase = TRACKING.phase.get("phase")!;
  cells.push(
    ...computedRow(
      ctx,
      TRACKING.plottedPhase,
      w.plottedPhase,
      (t) => plottedFormula(at(t, phase)),
      "0",
      "working",
    ),
  );
  return cells;
}

function names(ctx: Context): void {
  ctx.names.push({
    name: NAMES.months,
    sheet: "tracking",
    ref: monthsOf(ctx, TRACKING.headerRow),
  });
  for (const r of TIMELINE_ROWS)
    ctx.names.push({
      name: NAMES.tracking(r.key),
      sheet: "tracking",
      ref: monthsOf(ctx, trackingRow(r.key)),
    });
  // A linked indicator's name refers to its phase metric's row (product.md 6.6).
  for (const [qualifiedId, metricId] of LINKED_INDICATORS)
    ctx.names.push({
      name: NAMES.tracking(qualifiedId.replace(".", "_")),
      sheet: "tracking",
      ref: monthsOf(ctx, trackingRow(metricId)),
    });
}

function rules(ctx: Context): void {
  ctx.rules.push(
    ...trackingLevelRules({
      rows: new Map(TIMELINE_ROWS.map((r) => [r.key, trackingRow(r.key)])),
      firstMonthColumn: COL.firstMonth,
      lastMonthColumn: monthColumn(ctx.months),
      targetPhaseRow: TRACKING.phase.get("targetPhase")!,
    }),
  );
  const flags = `${cell(COL.flag, TRACKING.firstMeasure)}:${cell(COL.flag, TRACKING.lastMeasure)}`;
  const groupRows = [...TRACKING.groups.values()];
  const groups = `${at(1, Math.min(...groupRows))}:${at(ctx.months, Math.max(...groupRows))}`;
  ctx.rules.push(
    ...flagTextRules(
      "tracking",
      `${flags} ${groups}`,
      cell(COL.flag, TRACKING.firstMeasure),
    ),
  );
}

/** Column widths in characters; the frozen ones fit a laptop (screen.ts, product.md 10 "Screen"). */
function trackingWidths(ctx: Context): Record<string, number> {
  const widths: Record<string, number> = {};
  const width = (column: number, w: number) =>
    (widths[columnLetter(column)] = w);
  width(COL.name, 32);
  width(COL.latest, 14);
  width(COL.flag, 8);
  width(COL.latestMonth, 10);
  width(COL.target, 14);
  width(COL.gap, 12);
  width(COL.id, 34);
  width(COL.unit, ctx.language === "es" ? 24 : 21);
  width(COL.kind, 10);
  for (const n of PHASE_NUMBERS) {
    width(COL.phaseTarget(n), 13);
    width(COL.watchLimit(n), 16);
  }
  for (let t = 1; t <= ctx.months; t++) width(monthColumn(t), 12);
  return widths;
}

export function trackingSheet(ctx: Context): SheetSpec {
  const { labels } = ctx;
  const lang = ctx.language;
  const headers: string[] = [];
  const header = (column: number, text: string) => (headers[column - 1] = text);
  header(COL.id, THRESHOLD_HEADERS.id);
  header(COL.name, labels.measure);
  header(COL.unit, labels.unit);
  header(COL.kind, labels.kind);
  header(COL.latest, labels.latest);
  header(COL.latestMonth, labels.month);
  header(COL.target, labels.target);
  header(COL.gap, labels.gap);
  header(COL.flag, labels.flag);
  for (const n of PHASE_NUMBERS) {
    header(COL.phaseTarget(n), labels.phaseTarget(n));
    header(COL.watchLimit(n), labels.watchLimit(n));
  }
  const cells: CellSpec[] = [
    { ref: "A1", value: labels.trackingTitle(ctx.company), style: "title" },
    ...TRACKING.noteRows.map((row, k): CellSpec => ({
      ref: cell(1, row),
      value: labels.trackingNote[k],
      style: "note",
    })),
    ...headerCells(headers, TRACKING.headerRow),
  ];
  for (let t = 1; t <= ctx.months; t++)
    cells.push({
      ref: at(t, TRACKING.headerRow),
      ...(t === 1
        ? { value: monthSerial(ctx.firstMonth) }
        : { formula: monthHeaderFormula(FIRST_HEADER, monthNumberAt(t)) }),
      numberFormat: monthFormat(lang),
      style: "header",
    });
  for (const [section, row] of TRACKING.sections)
    cells.push({
      ref: cell(COL.name, row),
      value: labels.sections[section],
      style: "section",
    });
  const grid = monthGrid("tracking", ctx.months, COL.firstMonth);
  for (const r of TIMELINE_ROWS)
    cells.push(
      ...leftBlock(ctx, r, trackingRow(r.key)),
      ...monthCells(ctx, grid, r, ctx.actuals.get(r.key)),
    );
  cells.push(...phaseRows(ctx), ...workingRows(ctx));
  names(ctx);
  monthValidations(ctx, grid);
  rules(ctx);
  return {
    key: "tracking",
    name: ctx.sheetName("tracking"),
    cells,
    columnWidths: trackingWidths(ctx),
    freeze: { rows: TRACKING.headerRow, columns: COL.frozen },
    // The chart's copy of Phase reached: its #N/A are for the chart, not for readers.
    hiddenRows: [TRACKING.plottedPhase],
    collapsedColumns: {
      from: columnLetter(COL.details.first),
      to: columnLetter(COL.details.last),
    },
    printLandscape: true,
    fitTo: "height",
    // The working rows are for the formulas, not for reading on paper.
    printArea: `A1:${cell(monthColumn(ctx.months), Math.max(...TRACKING.groups.values()))}`,
    printTitles: {
      rows: `${TRACKING.headerRow}:${TRACKING.headerRow}`,
      columns: `A:${columnLetter(COL.frozen)}`,
    },
  };
}
