/**
 * The Departments / Áreas sheet (product.md 13, "Department KPIs"): per function (Product,
 * Marketing, Sales, Operations) its two blocks of the seed, each with its strategy items, its
 * tools (or channels) and its four KPIs as rows over the timeline's months, judged by the band
 * rule of section 4 like a risk indicator, and the function's worst level (departments-layout.ts
 * places them). A KPI the timeline already holds reads Tracking's row; the channel KPIs read the
 * Channels sheet's month rows by name; a reduction is computed from its baseline and the month's
 * measured value; a count per year is the last 12 months' (docs/workbook.md).
 */
import { UNCAPPED_FRACTION_MAX, UNITS, Unit } from "../catalog";
import { DepartmentKpi } from "../department-kpis";
import { CHANNEL_KPI_IDS, computedKpiKey } from "../department-rows";
import { kpiWords } from "../departments";
import { bandWidth } from "../evaluate";
import { EXTRA_UNITS, ExtraUnit, SeedUnit } from "../seed-units";
import { WORST_CAC_FLAG } from "./channels-sheet";
import { Context, headerCells, refOn } from "./context";
import {
  DEPARTMENTS_COLUMNS as COL,
  DEPARTMENTS_SHEET as SHEET,
  InputRow,
  JudgedRow,
  departmentMonthColumn,
} from "./departments-layout";
import { DEPARTMENTS_LABELS, DepartmentsLabels } from "./departments-labels";
import { seedUnitFormat } from "./formats";
import {
  LevelRule,
  absolute,
  atReportingMonthFormula,
  cell,
  columnLetter,
  flagFormula,
  changeFromBaselineFormula,
  thresholdShown,
  worstLevelFormula,
} from "./formulas";
import { NAMES, monthColumn, trackingRow } from "./layout";
import { CHANNEL_KPI_ROWS } from "./names";
import {
  MonthGrid,
  computedMonthCells,
  monthGrid,
  trackingMonthHeaders,
  typedMonthCells,
} from "./month-cells";
import { flagTextRules } from "./rules";
import { THRESHOLD_HEADERS } from "./thresholds-layout";
import { dashboardCells } from "./tracking";
import { CellSpec, SheetSpec } from "./types";

const unitInfo = (unit: SeedUnit) =>
  unit in UNITS ? UNITS[unit as Unit] : EXTRA_UNITS[unit as ExtraUnit];

/** What a KPI's cells may hold: its unit's range (a signed ROI below 0, an uncapped fraction up to its plausible top), as monthValidations. */
function kpiRange(k: DepartmentKpi): { min: number; max: number } {
  const info = unitInfo(k.unit);
  const limit = 1e15;
  const min = k.signed
    ? (("signedMin" in info ? info.signedMin : undefined) ?? info.min)
    : info.min;
  const max =
    k.unit === "fraction" && !k.capped
      ? (k.plausibleMax ?? UNCAPPED_FRACTION_MAX)
      : info.max;
  return { min: Math.max(min, -limit), max: Math.min(max, limit) };
}

/** A KPI's format: as many decimals as its target and WATCH edge need (formats.ts). */
function kpiFormat(ctx: Context, k: DepartmentKpi, unit: SeedUnit = k.unit) {
  const band = bandWidth({ threshold: k.target, capped: k.capped });
  const edge = k.target + (k.direction === "higher" ? -band : band);
  return seedUnitFormat(unit, [k.target, edge], ctx.language, ctx.currency);
}

/**
 * The band rule of product.md 4 against the row's target cell, as a risk indicator's; a channel
 * KPI's against the Channels sheet's target itself (the cell here shows it, "" where cleared, and
 * "" is text to the rule).
 */
const ruleOf = (k: DepartmentKpi, row: number): LevelRule => ({
  direction: k.direction,
  strict: k.strict,
  capped: k.capped,
  threshold: CHANNEL_KPI_IDS.includes(k.id)
    ? NAMES.channelTarget(k.id)
    : absolute(COL.target, row),
});

/** A row's month cells, absolute: `$J$12:$AS$12`. */
const monthsOf = (ctx: Context, row: number) =>
  `${absolute(departmentMonthColumn(1), row)}:${absolute(departmentMonthColumn(ctx.months), row)}`;

/**
 * A number, or "": a reference to an empty cell (another sheet's month, a named row's) gives 0 in
 * Excel ("Microsoft Excel interprets a blank cell as zero", Microsoft KB 214244, "XL: How to Create
 * a Formula to Correctly Evaluate Blank Cells"), which would judge an empty month as a value of 0.
 */
const numberOr = (ref: string) => `IF(ISNUMBER(${ref}),${ref},"")`;

/** Month t of a judged row that is not typed there, by its source. */
function judgedMonthFormula(
  ctx: Context,
  grid: MonthGrid,
  line: JudgedRow,
  inputRow: number | undefined,
  t: number,
): string {
  const k = line.kpi;
  switch (line.source) {
    case "linked":
      return numberOr(
        refOn(ctx, "tracking", cell(monthColumn(t), trackingRow(k.link!))),
      );
    case "channel":
      // By position in the name's row, whatever the Channels sheet's layout (same months as Tracking).
      return numberOr(`INDEX(${CHANNEL_KPI_ROWS[k.id]},1,${t})`);
    case "change": {
      const base = absolute(COL.baseline, inputRow!);
      const value = grid.at(t, inputRow!);
      return changeFromBaselineFormula(k.change!, base, value);
    }
    case "perYear": {
      // The last 12 months' counts at a yearly rate: their sum x 12 / the months typed among them.
      // A blank month is skipped, not read as 0 (product.md 4), so history before the team began
      // typing, or a month not typed yet, does not pull the rate down.
      const window = `${grid.at(Math.max(1, t - 11), inputRow!)}:${grid.at(t, inputRow!)}`;
      const count = grid.at(t, inputRow!);
      return `IF(ISNUMBER(${count}),SUM(${window})*12/COUNT(${window}),"")`;
    }
    case "typed":
      throw new Error(`${k.id} is typed on its row`);
  }
}

/** Typed month cells (from ctx.actuals), their name and their number validation. */
function typedMonths(
  ctx: Context,
  grid: MonthGrid,
  key: string,
  row: number,
  format: string,
  range: { min: number; max: number },
  label: string,
  unit: string,
  kind: "decimal" | "whole",
): CellSpec[] {
  const cells = typedMonthCells(ctx, grid, key, row, format);
  ctx.names.push({
    name: NAMES.department(key),
    sheet: "departments",
    ref: monthsOf(ctx, row),
  });
  ctx.validations.push({
    kind,
    sheet: "departments",
    ref: `${grid.at(1, row)}:${grid.at(grid.months, row)}`,
    ...range,
    message: ctx.labels.validation(label, unit),
  });
  return cells;
}

/** A count takes whole numbers only (the importer refuses 2.5: sheet-inputs.ts). */
const wholeOrDecimal = (unit: SeedUnit) =>
  unit === "count" ? ("whole" as const) : ("decimal" as const);

const unitLabel = (ctx: Context, unit: SeedUnit) =>
  unitInfo(unit).label[ctx.language];

/**
 * A KPI's target: typed here and named, so a rebuild carries an edit; a channel KPI's reads the
 * Channels sheet's target by name (one target, one flag: the two sheets cannot disagree).
 */
function targetCellOf(
  ctx: Context,
  k: DepartmentKpi,
  row: number,
  format: string,
): CellSpec {
  const ref = cell(COL.target, row);
  if (CHANNEL_KPI_IDS.includes(k.id))
    return {
      ref,
      formula: thresholdShown(NAMES.channelTarget(k.id)),
      numberFormat: format,
      style: "computed",
    };
  ctx.names.push({
    name: NAMES.departmentTarget(k.id),
    sheet: "departments",
    ref: absolute(COL.target, row),
  });
  return { ref, value: k.target, numberFormat: format, style: "input" };
}

/**
 * A KPI's flag on its value as of the reporting month, by the band rule; "CAC by channel" is RISK
 * too where the Channels sheet's highest CAC is (a channel spent and got no customer that month:
 * channels-sheet.ts WORST_CAC_FLAG), as the Channels sheet reads it.
 */
function kpiFlagFormula(
  ctx: Context,
  k: DepartmentKpi,
  value: string,
  row: number,
): string {
  const banded = flagFormula(value, ruleOf(k, row));
  if (k.id !== "marketing.cac_by_channel") return banded;
  return `IF(${refOn(ctx, "channels", WORST_CAC_FLAG)}="RISK","RISK",${banded})`;
}

/** A KPI's judged row: words, value as of the reporting month, flag, target, unit, id, months. */
function judgedRow(
  ctx: Context,
  grid: MonthGrid,
  line: JudgedRow,
  inputRow: number | undefined,
  words: DepartmentsLabels,
): CellSpec[] {
  const { kpi: k, row } = line;
  const lang = ctx.language;
  const format = kpiFormat(ctx, k);
  const value = cell(COL.value, row);
  const { reportingIndex } = dashboardCells(ctx);
  const unit =
    line.source === "perYear" ? words.perYear : unitLabel(ctx, k.unit);
  const cells: CellSpec[] = [
    { ref: cell(COL.words, row), value: kpiWords(line.words, lang) },
    {
      ref: value,
      formula: atReportingMonthFormula(monthsOf(ctx, row), reportingIndex),
      numberFormat: format,
      style: "computed",
    },
    {
      ref: cell(COL.flag, row),
      formula: kpiFlagFormula(ctx, k, value, row),
      style: "flag",
    },
    targetCellOf(ctx, k, row, format),
    { ref: cell(COL.unit, row), value: unit, style: "note" },
    { ref: cell(COL.id, row), value: k.id, style: "label" },
  ];
  ctx.names.push({
    name: NAMES.departmentFlag(k.id),
    sheet: "departments",
    ref: absolute(COL.flag, row),
  });
  if (line.source === "typed")
    return [
      ...cells,
      ...typedMonths(
        ctx,
        grid,
        k.id,
        row,
        format,
        kpiRange(k),
        line.words.label[lang],
        unit,
        wholeOrDecimal(k.unit),
      ),
    ];
  return [
    ...cells,
    ...computedMonthCells(ctx, grid, computedKpiKey(k), row, format, (t) =>
      judgedMonthFormula(ctx, grid, line, inputRow, t),
    ),
  ];
}

/** A change KPI's measured value (with its baseline) or a per-year KPI's monthly count. */
function inputRow(
  ctx: Context,
  grid: MonthGrid,
  line: InputRow,
  words: DepartmentsLabels,
): CellSpec[] {
  const { kpi: k, row, key } = line;
  const label = line.words.label[ctx.language];
  const change = k.change !== undefined;
  const text = change ? words.measured(label) : words.monthCount(label);
  const unit = change ? words.asBaseline : unitLabel(ctx, "count");
  const format = change
    ? ctx.labels.locale + "General"
    : seedUnitFormat("count", [], ctx.language, ctx.currency);
  const range = change
    ? { min: 0, max: 1e15 }
    : kpiRange({ ...k, unit: "count" });
  const cells: CellSpec[] = [
    { ref: cell(COL.words, row), value: text, style: "note" },
    { ref: cell(COL.unit, row), value: unit, style: "note" },
    { ref: cell(COL.id, row), value: key, style: "label" },
  ];
  if (change) {
    cells.push({
      ref: cell(COL.baseline, row),
      numberFormat: format,
      style: "input",
    });
    ctx.names.push({
      name: NAMES.departmentBaseline(k.id),
      sheet: "departments",
      ref: absolute(COL.baseline, row),
    });
    ctx.validations.push({
      kind: "decimal",
      sheet: "departments",
      ref: cell(COL.baseline, row),
      ...range,
      message: ctx.labels.validation(`${label} (${words.baseline})`, unit),
    });
  }
  return [
    ...cells,
    ...typedMonths(
      ctx,
      grid,
      key,
      row,
      format,
      range,
      text,
      unit,
      change ? "decimal" : "whole",
    ),
  ];
}

/** The block's heading row and, one per row below it, its strategy items and tools (or channels). */
function blockText(
  ctx: Context,
  block: (typeof SHEET.functions)[number]["blocks"][number],
  words: DepartmentsLabels,
): CellSpec[] {
  const lang = ctx.language;
  const { headingRow } = block;
  const b = block.block;
  const tools = b.channels.length > 0 ? b.channels : b.tools;
  return [
    {
      ref: cell(COL.words, headingRow),
      value: b.label[lang],
      style: "section",
    },
    { ref: cell(COL.value, headingRow), value: words.metrics, style: "label" },
    {
      ref: cell(COL.strategy, headingRow),
      value: words.strategy,
      style: "label",
    },
    {
      ref: cell(COL.tools, headingRow),
      value: b.channels.length > 0 ? words.channels : words.tools,
      style: "label",
    },
    ...b.strategy.map((s, i): CellSpec => ({
      ref: cell(COL.strategy, headingRow + 1 + i),
      value: s.label[lang],
    })),
    ...tools.map((s, i): CellSpec => ({
      ref: cell(COL.tools, headingRow + 1 + i),
      value: s.label[lang],
    })),
  ];
}

function widths(ctx: Context): Record<string, number> {
  const w: Record<string, number> = {
    [columnLetter(COL.words)]: 35,
    [columnLetter(COL.value)]: 12,
    [columnLetter(COL.flag)]: 10,
    [columnLetter(COL.target)]: 12,
    [columnLetter(COL.baseline)]: 11,
    [columnLetter(COL.strategy)]: 35,
    [columnLetter(COL.tools)]: 25,
    [columnLetter(COL.unit)]: ctx.language === "es" ? 26 : 24,
    [columnLetter(COL.id)]: 34,
  };
  for (let t = 1; t <= ctx.months; t++)
    w[columnLetter(departmentMonthColumn(t))] = 12;
  return w;
}

export function departmentsSheet(ctx: Context): SheetSpec {
  const lang = ctx.language;
  const words = DEPARTMENTS_LABELS[lang];
  const grid = monthGrid("departments", ctx.months, COL.firstMonth);
  const headers: string[] = [];
  headers[COL.words - 1] = words.kpi;
  headers[COL.value - 1] = ctx.labels.value;
  headers[COL.flag - 1] = ctx.labels.flag;
  headers[COL.target - 1] = ctx.labels.target;
  headers[COL.baseline - 1] = words.baseline;
  headers[COL.strategy - 1] = words.strategyHeader;
  headers[COL.tools - 1] = words.toolsHeader;
  headers[COL.unit - 1] = ctx.labels.unit;
  headers[COL.id - 1] = THRESHOLD_HEADERS.id;
  const cells: CellSpec[] = [
    { ref: cell(1, SHEET.titleRow), value: words.title, style: "title" },
    ...words
      .note(ctx.sheetName("tracking"), ctx.sheetName("channels"))
      .map((text, k): CellSpec => ({
        ref: cell(1, SHEET.noteRows[k]),
        value: text,
        style: "note",
      })),
    ...headerCells(headers, SHEET.headerRow),
    ...trackingMonthHeaders(ctx, grid, SHEET.headerRow),
  ];
  for (const f of SHEET.functions) {
    const flags = `${absolute(COL.flag, f.row + 1)}:${absolute(COL.flag, f.lastRow)}`;
    cells.push(
      {
        ref: cell(COL.words, f.row),
        value: f.department.label[lang],
        style: "subtitle",
      },
      {
        ref: cell(COL.flag, f.row),
        formula: worstLevelFormula(flags),
        style: "flag",
      },
    );
    ctx.names.push({
      name: NAMES.departmentLevel(f.department.id),
      sheet: "departments",
      ref: absolute(COL.flag, f.row),
    });
    for (const b of f.blocks) {
      cells.push(...blockText(ctx, b, words));
      for (const line of b.lines) {
        const typedBelow = b.lines.find(
          (l) => l.role === "input" && l.kpi.id === line.kpi.id,
        );
        cells.push(
          ...(line.role === "judged"
            ? judgedRow(ctx, grid, line, typedBelow?.row, words)
            : inputRow(ctx, grid, line, words)),
        );
      }
    }
  }
  ctx.names.push({
    name: NAMES.departmentMonthBlock,
    sheet: "departments",
    ref: `${absolute(departmentMonthColumn(1), SHEET.monthBlock.first)}:${absolute(departmentMonthColumn(ctx.months), SHEET.monthBlock.last)}`,
  });
  const first = cell(COL.flag, SHEET.functions[0].row);
  ctx.rules.push(
    ...flagTextRules(
      "departments",
      `${first}:${cell(COL.flag, SHEET.lastRow)}`,
      first,
    ),
  );
  const lastMonth = columnLetter(departmentMonthColumn(ctx.months));
  return {
    key: "departments",
    name: ctx.sheetName("departments"),
    cells,
    columnWidths: widths(ctx),
    freeze: { rows: SHEET.headerRow, columns: COL.frozen },
    printLandscape: true,
    fitTo: "height",
    printArea: `A1:${lastMonth}${SHEET.lastRow}`,
    printTitles: {
      rows: `${SHEET.headerRow}:${SHEET.headerRow}`,
      columns: `A:${columnLetter(COL.frozen)}`,
    },
  };
}
