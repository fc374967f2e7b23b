/**
 * describeWorkbook: the threshold catalog + options -> the tracking workbook, declaratively.
 * Every threshold a formula needs is referenced on the Thresholds sheet, so a user's edit there
 * moves every flag; every level is computed by `formulas.ts`, the same rule as evaluate.ts.
 */
import {
  PHASES,
  PHASE_METRICS,
  PHASE_NUMBERS,
  PhaseMetric,
  PhaseNumber,
  RISK_GROUPS,
  RISK_INDICATORS,
  RiskIndicator,
  UNITS,
  floorOf,
  targetOf,
  valueRange,
} from "../catalog";
import * as evaluate from "../evaluate";
import { THRESHOLD_HEADERS } from "../overrides";
import {
  absolute,
  cell,
  columnLetter,
  flagFormula,
  gapFormula,
  latestFormula,
  meetsFormula,
  thresholdShown,
  onSheet,
  type LevelRule,
} from "./formulas";
import { TEMPLATE_LABELS, TemplateLabels } from "./labels";
import {
  flagTextRules,
  indicatorLevelRule,
  levelRules,
  metricLevelRule,
} from "./rules";
import {
  DASHBOARD,
  FIRST_MONTH_COLUMN,
  NAMES,
  PHASE_SHEET,
  RISK_SHEET,
  TABLES,
  THRESHOLDS,
  phaseSheetKey,
} from "./layout";
import {
  CellSpec,
  ChartSpec,
  ConditionalRule,
  NameSpec,
  SheetKey,
  SheetSpec,
  TableSpec,
  TemplateOptions,
  ValidationSpec,
  WorkbookSpec,
} from "./types";

export * from "./types";
export * from "./layout";
export { TEMPLATE_LABELS } from "./labels";
export * from "./rules";
export {
  absolute,
  cellPosition,
  columnLetter,
  onSheet,
  parseAddress,
} from "./formulas";

interface Context {
  readonly options: TemplateOptions;
  readonly labels: TemplateLabels;
  readonly phases: readonly PhaseNumber[];
  readonly sheetName: (key: SheetKey) => string;
  readonly names: NameSpec[];
  readonly tables: TableSpec[];
  readonly rules: ConditionalRule[];
  readonly validations: ValidationSpec[];
  readonly charts: ChartSpec[];
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  USD: "$",
  EUR: "€",
  GBP: "£",
  JPY: "¥",
  MXN: "$",
  COP: "$",
  ARS: "$",
  CLP: "$",
  BRL: "R$",
};

export function currencyPrefix(code: string): string {
  const symbol = CURRENCY_SYMBOLS[code.toUpperCase()];
  return symbol ? `"${symbol}"` : `"${code.toUpperCase()} "`;
}

/** The boundaries a reader must tell apart: every threshold, floor and band edge of `m`. */
function boundaries(m: PhaseMetric | RiskIndicator): number[] {
  const rules =
    m.kind === "indicator"
      ? [evaluate.indicatorRule(m)]
      : PHASE_NUMBERS.map((n) => evaluate.metricRule(m, n));
  return rules.flatMap((r) => {
    const edge =
      r.threshold + (r.direction === "higher" ? -1 : 1) * evaluate.bandWidth(r);
    return r.floor === undefined ? [r.threshold, edge] : [r.threshold, r.floor];
  });
}

/** Decimals of a percentage that show every boundary of `m` exactly (uptime: 99.95%, 99.989%). */
function percentDecimals(m: PhaseMetric | RiskIndicator): number {
  const decimals = (x: number) =>
    (String(+(x * 100).toPrecision(10)).split(".")[1] ?? "").length;
  return Math.min(3, Math.max(1, ...boundaries(m).map(decimals)));
}

function numberFormat(ctx: Context, m: PhaseMetric | RiskIndicator): string {
  const format = UNITS[m.unit].numberFormat.replace(
    "{cur}",
    currencyPrefix(ctx.options.currency),
  );
  return m.unit === "fraction"
    ? format.replace(/0\.0+%/, `0.${"0".repeat(percentDecimals(m))}%`)
    : format;
}

/** "Jan 2026" for the k-th month (0-based) after the first month of phase 1. */
function monthLabel(ctx: Context, offset: number): string {
  const [year, month] = ctx.options.firstMonth.split("-").map(Number);
  const index = month - 1 + offset;
  return `${ctx.labels.months[index % 12]} ${year + Math.floor(index / 12)}`;
}

/** Months before phase n's first month: phases follow each other (6, then 12, 12, 12 months). */
function phaseStartOffset(n: PhaseNumber): number {
  return PHASES.filter((p) => p.number < n).reduce(
    (sum, p) => sum + p.months,
    0,
  );
}

const thresholdsRef = (ctx: Context, ref: string) =>
  onSheet(ctx.sheetName("thresholds"), ref);
const metricRule = (ctx: Context, index: number, n: PhaseNumber) =>
  metricLevelRule(ctx.sheetName("thresholds"), index, n);
const indicatorRule = (ctx: Context, indicator: RiskIndicator) =>
  indicatorLevelRule(ctx.sheetName("thresholds"), indicator);

/** A row of header cells from column A. */
function headerCells(headers: readonly string[], row: number): CellSpec[] {
  return headers.map((h, c) => ({
    ref: cell(c + 1, row),
    value: h,
    style: "header",
  }));
}

function boundedValidation(
  sheet: SheetKey,
  ref: string,
  m: PhaseMetric | RiskIndicator,
  ctx: Context,
): ValidationSpec {
  const { min, max } = valueRange(m);
  const limit = 1e15;
  return {
    sheet,
    ref,
    min: Math.max(min, -limit),
    max: Math.min(max, limit),
    message: ctx.labels.validation(
      m.name[ctx.options.language],
      UNITS[m.unit].label[ctx.options.language],
    ),
  };
}

function thresholdsSheet(ctx: Context): SheetSpec {
  const { labels, options } = ctx;
  const lang = options.language;
  const cells: CellSpec[] = [];
  const direction = (d: "higher" | "lower") =>
    d === "higher" ? labels.higher : labels.lower;
  const header = [
    THRESHOLD_HEADERS.id,
    labels.metric,
    labels.unit,
    labels.better,
    ...THRESHOLD_HEADERS.targets,
    ...THRESHOLD_HEADERS.floors,
    labels.source,
  ];
  cells.push(...headerCells(header, THRESHOLDS.headerRow));
  PHASE_METRICS.forEach((m, i) => {
    const row = THRESHOLDS.metricRow(i);
    const fmt = numberFormat(ctx, m);
    cells.push(
      { ref: cell(1, row), value: m.id, style: "label" },
      { ref: cell(2, row), value: m.name[lang] },
      { ref: cell(3, row), value: UNITS[m.unit].label[lang] },
      { ref: cell(4, row), value: direction(m.direction) },
      {
        ref: cell(THRESHOLDS.targetsWidth, row),
        value: m.source,
        style: "note",
      },
    );
    for (const n of PHASE_NUMBERS) {
      cells.push({
        ref: cell(THRESHOLDS.targetColumn(n), row),
        value: targetOf(m, n),
        numberFormat: fmt,
        style: "input",
      });
      const floor = floorOf(m, n);
      if (floor !== undefined)
        cells.push({
          ref: cell(THRESHOLDS.floorColumn(n), row),
          value: floor,
          numberFormat: fmt,
          style: "input",
        });
    }
    const [p1, p4] = [THRESHOLDS.targetColumn(1), THRESHOLDS.targetColumn(4)];
    ctx.names.push({
      name: NAMES.target(m.id),
      sheet: "thresholds",
      ref: `${absolute(p1, row)}:${absolute(p4, row)}`,
    });
    if (m.floors) {
      const [f1, f4] = [THRESHOLDS.floorColumn(1), THRESHOLDS.floorColumn(4)];
      ctx.names.push({
        name: NAMES.floor(m.id),
        sheet: "thresholds",
        ref: `${absolute(f1, row)}:${absolute(f4, row)}`,
      });
    }
  });
  const lastMetricRow = THRESHOLDS.metricRow(PHASE_METRICS.length - 1);
  ctx.tables.push({
    name: TABLES.targets,
    sheet: "thresholds",
    ref: `A${THRESHOLDS.headerRow}:${columnLetter(THRESHOLDS.targetsWidth)}${lastMetricRow}`,
    columns: header,
  });

  const riskHeader = [
    THRESHOLD_HEADERS.id,
    labels.indicator,
    labels.unit,
    labels.better,
    labels.rule,
    THRESHOLD_HEADERS.threshold,
    labels.source,
  ];
  cells.push(...headerCells(riskHeader, THRESHOLDS.riskHeaderRow));
  RISK_INDICATORS.forEach((ind, k) => {
    const row = THRESHOLDS.indicatorRow(k);
    const op = `${ind.direction === "higher" ? ">" : "<"}${ind.strict ? "" : "="}`;
    cells.push(
      { ref: cell(1, row), value: ind.qualifiedId, style: "label" },
      { ref: cell(2, row), value: ind.name[lang] },
      { ref: cell(3, row), value: UNITS[ind.unit].label[lang] },
      { ref: cell(4, row), value: direction(ind.direction) },
      { ref: cell(5, row), value: op },
      {
        ref: cell(THRESHOLDS.thresholdColumn, row),
        value: ind.threshold,
        numberFormat: numberFormat(ctx, ind),
        style: "input",
      },
      {
        ref: cell(THRESHOLDS.risksWidth, row),
        value: ind.source,
        style: "note",
      },
    );
    ctx.names.push({
      name: NAMES.riskThreshold(ind.qualifiedId),
      sheet: "thresholds",
      ref: absolute(THRESHOLDS.thresholdColumn, row),
    });
  });
  const lastRiskRow = THRESHOLDS.indicatorRow(RISK_INDICATORS.length - 1);
  ctx.tables.push({
    name: TABLES.risks,
    sheet: "thresholds",
    ref: `A${THRESHOLDS.riskHeaderRow}:${columnLetter(THRESHOLDS.risksWidth)}${lastRiskRow}`,
    columns: riskHeader,
  });
  cells.push({
    ref: cell(1, lastRiskRow + 2),
    value: labels.thresholdsNote,
    style: "note",
  });

  return {
    key: "thresholds",
    name: ctx.sheetName("thresholds"),
    cells,
    columnWidths: {
      A: 30,
      B: 32,
      C: 22,
      D: 11,
      E: 13,
      F: 13,
      G: 13,
      H: 13,
      I: 11,
      J: 11,
      K: 11,
      L: 11,
      M: 60,
    },
    freeze: { rows: 1, columns: 1 },
    printLandscape: true,
  };
}

function actualsFor(
  ctx: Context,
  phase: PhaseNumber | "R",
  id: string,
): Map<number, number> {
  const months = new Map<number, number>();
  for (const a of ctx.options.actuals ?? [])
    if (a.phase === phase && a.id === id) months.set(a.month, a.value);
  return months;
}

interface TrackedRowSpec {
  readonly key: SheetKey;
  readonly row: number;
  readonly measure: PhaseMetric | RiskIndicator;
  /** Shown in column A: the metric id or the qualified indicator id. */
  readonly id: string;
  readonly months: number;
  readonly rule: LevelRule;
  readonly inputs: ReadonlyMap<number, number>;
  /** Phase sheets show the gap to the target between Target and Flag. */
  readonly withGap: boolean;
}

/**
 * One tracked row, on a phase sheet or the Risks sheet: id, name, unit, a month input per
 * column, Latest, Target (or Threshold), Gap on phase sheets, Flag; its colours and validation.
 */
function trackedRow(ctx: Context, cells: CellSpec[], r: TrackedRowSpec): void {
  const lang = ctx.options.language;
  const fmt = numberFormat(ctx, r.measure);
  const firstMonth = cell(FIRST_MONTH_COLUMN, r.row);
  const latestCol = FIRST_MONTH_COLUMN + r.months;
  const monthsRef = `${firstMonth}:${cell(latestCol - 1, r.row)}`;
  const latest = cell(latestCol, r.row);
  const target = cell(latestCol + 1, r.row);
  cells.push(
    { ref: cell(1, r.row), value: r.id, style: "label" },
    { ref: cell(2, r.row), value: r.measure.name[lang] },
    {
      ref: cell(3, r.row),
      value: UNITS[r.measure.unit].label[lang],
      style: "note",
    },
  );
  for (let k = 1; k <= r.months; k++) {
    cells.push({
      ref: cell(FIRST_MONTH_COLUMN + k - 1, r.row),
      value: r.inputs.get(k),
      numberFormat: fmt,
      style: "input",
    });
  }
  cells.push(
    {
      ref: latest,
      formula: latestFormula(monthsRef),
      numberFormat: fmt,
      style: "computed",
    },
    {
      ref: target,
      formula: thresholdShown(r.rule.threshold),
      numberFormat: fmt,
      style: "computed",
    },
  );
  if (r.withGap) {
    cells.push({
      ref: cell(latestCol + 2, r.row),
      formula: gapFormula(latest, target, r.measure.direction),
      numberFormat: fmt,
      style: "computed",
    });
  }
  cells.push({
    ref: cell(latestCol + (r.withGap ? 3 : 2), r.row),
    formula: flagFormula(latest, r.rule),
    style: "flag",
  });
  ctx.rules.push(
    ...levelRules(r.key, `${firstMonth}:${latest}`, firstMonth, r.rule),
  );
  ctx.validations.push(boundedValidation(r.key, monthsRef, r.measure, ctx));
}

function phaseSheet(ctx: Context, n: PhaseNumber): SheetSpec {
  const key = phaseSheetKey(n);
  const { labels } = ctx;
  const lang = ctx.options.language;
  const phase = PHASES[n - 1];
  const months = PHASE_SHEET.months(n);
  const [latestCol, flagCol] = [
    PHASE_SHEET.latestColumn(n),
    PHASE_SHEET.flagColumn(n),
  ];
  const cells: CellSpec[] = [
    {
      ref: "A1",
      value: labels.phaseTitle(n, phase.name[lang], phase.horizon[lang]),
      style: "title",
    },
    { ref: "A2", value: labels.phaseNote, style: "note" },
  ];
  const headers = [THRESHOLD_HEADERS.id, labels.metric, labels.unit];
  for (let k = 0; k < months; k++)
    headers.push(monthLabel(ctx, phaseStartOffset(n) + k));
  headers.push(labels.latest, labels.target, labels.gap, labels.flag);
  cells.push(...headerCells(headers, PHASE_SHEET.headerRow));

  PHASE_METRICS.forEach((m, i) => {
    const row = PHASE_SHEET.metricRow(i);
    trackedRow(ctx, cells, {
      key,
      row,
      measure: m,
      id: m.id,
      months,
      rule: metricRule(ctx, i, n),
      inputs: actualsFor(ctx, n, m.id),
      withGap: true,
    });
    ctx.names.push(
      {
        name: NAMES.phaseActuals(n, m.id),
        sheet: key,
        ref: `${absolute(PHASE_SHEET.firstMonthColumn, row)}:${absolute(latestCol - 1, row)}`,
      },
      {
        name: NAMES.phaseFlag(n, m.id),
        sheet: key,
        ref: absolute(flagCol, row),
      },
    );
  });
  const first = cell(flagCol, PHASE_SHEET.firstRow);
  ctx.rules.push(
    ...flagTextRules(
      key,
      `${first}:${cell(flagCol, PHASE_SHEET.metricRow(PHASE_METRICS.length - 1))}`,
      first,
    ),
  );

  const widths: Record<string, number> = { A: 22, B: 36, C: 18 };
  for (let c = PHASE_SHEET.firstMonthColumn; c <= flagCol; c++)
    widths[columnLetter(c)] = 12;
  return {
    key,
    name: ctx.sheetName(key),
    cells,
    columnWidths: widths,
    freeze: { rows: PHASE_SHEET.headerRow, columns: 2 },
    printLandscape: true,
  };
}

function risksSheet(ctx: Context): SheetSpec {
  const { labels } = ctx;
  const lang = ctx.options.language;
  const cells: CellSpec[] = [
    { ref: "A1", value: labels.risksTitle, style: "title" },
    { ref: "A2", value: labels.phaseNote, style: "note" },
  ];
  const headers = [THRESHOLD_HEADERS.id, labels.indicator, labels.unit];
  for (let k = 0; k < RISK_SHEET.months; k++) headers.push(monthLabel(ctx, k));
  headers.push(labels.latest, labels.threshold, labels.flag);
  cells.push(...headerCells(headers, RISK_SHEET.headerRow));
  const lastMonth = RISK_SHEET.firstMonthColumn + RISK_SHEET.months - 1;

  RISK_GROUPS.forEach((g, gi) => {
    const groupRow = RISK_SHEET.groupRow(gi);
    const firstRow = RISK_SHEET.indicatorRow(gi, 0);
    const lastRow = RISK_SHEET.indicatorRow(gi, g.indicators.length - 1);
    const flags = `${cell(RISK_SHEET.flagColumn, firstRow)}:${cell(RISK_SHEET.flagColumn, lastRow)}`;
    cells.push(
      { ref: cell(1, groupRow), value: g.id, style: "subtitle" },
      { ref: cell(2, groupRow), value: g.name[lang], style: "subtitle" },
      {
        ref: cell(RISK_SHEET.flagColumn, groupRow),
        formula: `IF(COUNTIF(${flags},"RISK")>0,"RISK",IF(COUNTIF(${flags},"WATCH")>0,"WATCH",IF(COUNTIF(${flags},"OK")>0,"OK","")))`,
        style: "flag",
      },
    );
    g.indicators.forEach((ind, i) => {
      const row = RISK_SHEET.indicatorRow(gi, i);
      const inputs = actualsFor(ctx, "R", ind.qualifiedId);
      trackedRow(ctx, cells, {
        key: "risks",
        row,
        measure: ind,
        id: ind.qualifiedId,
        months: RISK_SHEET.months,
        rule: indicatorRule(ctx, ind),
        inputs,
        withGap: false,
      });
    });
    ctx.names.push(
      {
        name: NAMES.riskActuals(g.id),
        sheet: "risks",
        ref: `${absolute(RISK_SHEET.firstMonthColumn, firstRow)}:${absolute(lastMonth, lastRow)}`,
      },
      {
        name: NAMES.riskFlag(g.id),
        sheet: "risks",
        ref: absolute(RISK_SHEET.flagColumn, groupRow),
      },
    );
  });
  const first = cell(RISK_SHEET.flagColumn, RISK_SHEET.groupRow(0));
  ctx.rules.push(
    ...flagTextRules(
      "risks",
      `${first}:${cell(RISK_SHEET.flagColumn, RISK_SHEET.lastRow)}`,
      first,
    ),
  );

  const widths: Record<string, number> = { A: 34, B: 28, C: 18 };
  for (let c = RISK_SHEET.firstMonthColumn; c <= RISK_SHEET.flagColumn; c++)
    widths[columnLetter(c)] = 11;
  return {
    key: "risks",
    name: ctx.sheetName("risks"),
    cells,
    columnWidths: widths,
    freeze: { rows: RISK_SHEET.headerRow, columns: 2 },
    printLandscape: true,
  };
}

/** The current value of metric `index`: its latest month on the most advanced phase sheet that has one. */
function currentValueFormula(ctx: Context, index: number): string {
  return [...ctx.phases].reverse().reduceRight((otherwise, n) => {
    const latest = onSheet(
      ctx.sheetName(phaseSheetKey(n)),
      cell(PHASE_SHEET.latestColumn(n), PHASE_SHEET.metricRow(index)),
    );
    return `IF(ISNUMBER(${latest}),${latest},${otherwise})`;
  }, '""');
}

function dashboardSheet(ctx: Context): SheetSpec {
  const { labels, options } = ctx;
  const lang = options.language;
  const first = DASHBOARD.firstRow;
  const last = DASHBOARD.metricRow(PHASE_METRICS.length - 1);
  const values = `${cell(DASHBOARD.valueColumn, first)}:${cell(DASHBOARD.valueColumn, last)}`;
  const count = `COUNT(${values})`;
  // Phase n is met when every metric judged for it (its meets cell a number: a value, and a target switched on) meets it.
  const meetsAll = (n: PhaseNumber) => {
    const meets = `${cell(DASHBOARD.meetsColumn(n), first)}:${cell(DASHBOARD.meetsColumn(n), last)}`;
    return `AND(COUNT(${meets})>0,SUM(${meets})=COUNT(${meets}))`;
  };
  const phaseFormula = `IF(${count}=0,"",${[...PHASE_NUMBERS].reverse().reduceRight((otherwise, n) => `IF(${meetsAll(n)},${n},${otherwise})`, "0")})`;
  const phaseCell = cell(2, DASHBOARD.phaseRow);
  const nextPhaseCell = absolute(2, DASHBOARD.nextPhaseRow);

  const cells: CellSpec[] = [
    { ref: "A1", value: labels.sheets.dashboard, style: "title" },
    {
      ref: cell(1, DASHBOARD.companyRow),
      value: labels.company,
      style: "label",
    },
    {
      ref: cell(2, DASHBOARD.companyRow),
      value: options.company,
      style: "input",
    },
    {
      ref: cell(1, DASHBOARD.phaseRow),
      value: labels.currentPhase,
      style: "label",
    },
    { ref: phaseCell, formula: phaseFormula, style: "flag" },
    {
      ref: cell(1, DASHBOARD.nextPhaseRow),
      value: labels.nextPhase,
      style: "label",
    },
    {
      ref: cell(2, DASHBOARD.nextPhaseRow),
      formula: `IF(ISNUMBER(${phaseCell}),MIN(${phaseCell}+1,4),1)`,
      style: "computed",
    },
    { ref: "A6", value: labels.dashboardNote, style: "note" },
  ];
  const headers = [
    THRESHOLD_HEADERS.id,
    labels.metric,
    labels.currentValue,
    labels.nextTarget,
    labels.gapToNext,
    labels.progress,
    ...PHASE_NUMBERS.map((n) => `${labels.meets} P${n}`),
    labels.target,
  ];
  cells.push(...headerCells(headers, DASHBOARD.headerRow));

  PHASE_METRICS.forEach((m, i) => {
    const row = DASHBOARD.metricRow(i);
    const fmt = numberFormat(ctx, m);
    const value = cell(DASHBOARD.valueColumn, row);
    const target = cell(DASHBOARD.targetColumn, row);
    const thresholdRow = THRESHOLDS.metricRow(i);
    const targets = thresholdsRef(
      ctx,
      `${absolute(THRESHOLDS.targetColumn(1), thresholdRow)}:${absolute(THRESHOLDS.targetColumn(4), thresholdRow)}`,
    );
    const progress =
      m.direction === "higher" ? `${value}/${target}` : `${target}/${value}`;
    cells.push(
      { ref: cell(1, row), value: m.id, style: "label" },
      { ref: cell(2, row), value: m.name[lang] },
      {
        ref: value,
        formula: currentValueFormula(ctx, i),
        numberFormat: fmt,
        style: "computed",
      },
      {
        ref: target,
        formula: thresholdShown(`INDEX(${targets},1,${nextPhaseCell})`),
        numberFormat: fmt,
        style: "computed",
      },
      {
        ref: cell(DASHBOARD.gapColumn, row),
        formula: gapFormula(value, target, m.direction),
        numberFormat: fmt,
        style: "computed",
      },
      {
        ref: cell(DASHBOARD.progressColumn, row),
        formula: `IF(ISNUMBER(${value}),IFERROR(${progress},""),"")`,
        numberFormat: "0%",
        style: "computed",
      },
      {
        ref: cell(DASHBOARD.chartTargetColumn, row),
        formula: `IF(ISNUMBER(${value}),1,"")`,
        numberFormat: "0%",
        style: "computed",
      },
    );
    for (const n of PHASE_NUMBERS) {
      const t = thresholdsRef(
        ctx,
        absolute(THRESHOLDS.targetColumn(n), thresholdRow),
      );
      cells.push({
        ref: cell(DASHBOARD.meetsColumn(n), row),
        formula: meetsFormula(value, t, m.direction),
        style: "computed",
      });
    }
  });

  cells.push(
    ...headerCells([labels.risk, labels.level], DASHBOARD.riskHeaderRow),
  );
  RISK_GROUPS.forEach((g, gi) => {
    const row = DASHBOARD.riskRow(gi);
    const groupFlag = onSheet(
      ctx.sheetName("risks"),
      absolute(RISK_SHEET.flagColumn, RISK_SHEET.groupRow(gi)),
    );
    cells.push(
      { ref: cell(1, row), value: g.name[lang], style: "label" },
      { ref: cell(2, row), formula: groupFlag, style: "flag" },
    );
  });
  const firstRisk = cell(2, DASHBOARD.riskRow(0));
  ctx.rules.push(
    ...flagTextRules(
      "dashboard",
      `${firstRisk}:${cell(2, DASHBOARD.riskRow(RISK_GROUPS.length - 1))}`,
      firstRisk,
    ),
  );
  ctx.names.push({
    name: NAMES.phase,
    sheet: "dashboard",
    ref: absolute(2, DASHBOARD.phaseRow),
  });
  ctx.charts.push({
    sheet: "dashboard",
    title: labels.chartTitle,
    from: "M3",
    to: "U38",
    dataSheet: "dashboard",
    categories: `${cell(2, first)}:${cell(2, last)}`,
    series: [
      {
        name: labels.currentValue,
        values: `${cell(DASHBOARD.progressColumn, first)}:${cell(DASHBOARD.progressColumn, last)}`,
      },
      {
        name: labels.target,
        values: `${cell(DASHBOARD.chartTargetColumn, first)}:${cell(DASHBOARD.chartTargetColumn, last)}`,
      },
    ],
  });
  return {
    key: "dashboard",
    name: ctx.sheetName("dashboard"),
    cells,
    columnWidths: {
      A: 26,
      B: 34,
      C: 16,
      D: 18,
      E: 18,
      F: 12,
      G: 10,
      H: 10,
      I: 10,
      J: 10,
      K: 10,
    },
    freeze: { rows: DASHBOARD.headerRow, columns: 0 },
    printLandscape: true,
  };
}

export function describeWorkbook(options: TemplateOptions): WorkbookSpec {
  const labels = TEMPLATE_LABELS[options.language];
  const phases = PHASE_NUMBERS.filter((n) =>
    (options.phases ?? PHASE_NUMBERS).includes(n),
  );
  const ctx: Context = {
    options,
    labels,
    phases,
    sheetName: (key) => options.sheetNames?.[key] ?? labels.sheets[key],
    names: [],
    tables: [],
    rules: [],
    validations: [],
    charts: [],
  };
  const sheets = [
    dashboardSheet(ctx),
    thresholdsSheet(ctx),
    ...phases.map((n) => phaseSheet(ctx, n)),
    risksSheet(ctx),
  ];
  return {
    sheets,
    names: ctx.names,
    tables: ctx.tables,
    rules: ctx.rules,
    validations: ctx.validations,
    charts: ctx.charts,
  };
}
