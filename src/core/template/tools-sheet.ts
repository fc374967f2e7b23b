/**
 * The Tools sheet (product.md 13, third bullet): per category of the seed's "Herramientas de
 * Escalamiento" the tool in use (a list of the seed's four that lets another name through), owner,
 * monthly cost, renewal date and status, with the total monthly cost (Tools_MonthlyCost, on the
 * dashboard too); then the seed's tools, functionalities and expected-impact figures, each seed
 * string in a cell of its own, and per figure a baseline and a current value, the change and its
 * flag by the band rule (product.md 4) against the seed's number. Vendors' ROI claims are shown as
 * claims and never flagged.
 */
import { bandWidth } from "../evaluate";
import type { SeedUnit } from "../seed-units";
import { TOOL_GROUPS, ToolImpact, impactWords } from "../tools";
import { Context, headerCells } from "./context";
import { currencyFormat, localized, seedUnitFormat } from "./formats";
import {
  LevelRule,
  absolute,
  atReportingMonthFormula,
  cell,
  flagFormula,
  changeFromBaselineFormula,
} from "./formulas";
import { NAMES } from "./names";
import { flagTextRules } from "./rules";
import { TOOLS_LABELS } from "./tools-labels";
import {
  TOOLS,
  TOOL_CATEGORIES,
  TOOL_FIELDS,
  ToolField,
  currentSourceName,
  isJudged,
} from "./tools-layout";
import { dashboardCells } from "./tracking";
import { CellSpec, CellStyle, SheetSpec } from "./types";

const R = TOOLS.register;
const F = TOOLS.figures;

/**
 * A reduction cannot pass 100%, so its band is capped as a fraction's (product.md 4); so is a
 * percentage level (accuracy 99%, uptime 99.99%). An increase is a growth, uncapped.
 */
export const isCapped = (impact: ToolImpact) =>
  impact.change ? impact.change === "reduction" : impact.unit === "fraction";

/** The number the flag judges: the change for a change figure, the current value for a level. */
const judgedUnit = (impact: ToolImpact): SeedUnit =>
  impact.change ? "fraction" : impact.unit;

/** The band edge of a figure's target: where WATCH ends and RISK starts (product.md 4). */
function bandEdge(impact: ToolImpact): number {
  const band = bandWidth({
    threshold: impact.target,
    capped: isCapped(impact),
  });
  const lower = !impact.change && impact.direction === "lower";
  return impact.target + (lower ? band : -band);
}

/** The format of the number a figure's flag judges, as many decimals as its target and band edge need (formats.ts seedUnitFormat). */
const judgedFormat = (impact: ToolImpact, ctx: Context) =>
  seedUnitFormat(
    judgedUnit(impact),
    [impact.target, bandEdge(impact)],
    ctx.language,
    ctx.currency,
  );

export function toolsSheet(ctx: Context): SheetSpec {
  const t = TOOLS_LABELS[ctx.language];
  const cells: CellSpec[] = [
    { ref: cell(1, TOOLS.titleRow), value: t.title, style: "title" },
    { ref: cell(1, TOOLS.noteRow), value: t.note, style: "note" },
  ];
  register(ctx, cells);
  figures(ctx, cells);
  [
    ...t.notes,
    t.readNote(ctx.sheetName("tracking"), ctx.sheetName("departments")),
  ].forEach((text, k) =>
    cells.push({
      ref: cell(1, TOOLS.notesRow + k),
      value: text,
      style: "note",
    }),
  );
  return {
    key: "tools",
    name: ctx.sheetName("tools"),
    cells,
    columnWidths: {
      A: 30,
      B: 24,
      C: ctx.language === "es" ? 31 : 32,
      D: 14,
      E: ctx.language === "es" ? 19 : 13,
      F: 14,
      G: 10,
      H: 8,
    },
    freeze: { rows: 0, columns: 0 },
    printLandscape: true,
    fitTo: "width",
  };
}

/** The register: one row per category, its five inputs named NAMES.tool(category, field), and the total. */
function register(ctx: Context, cells: CellSpec[]): void {
  const t = TOOLS_LABELS[ctx.language];
  const headers: Record<ToolField, string> = {
    InUse: t.inUse,
    Owner: t.owner,
    MonthlyCost: t.monthlyCost,
    Renewal: t.renewal,
    Status: t.status,
  };
  cells.push(
    ...headerCells(
      [t.category, ...TOOL_FIELDS.map((f) => headers[f])],
      TOOLS.registerHeaderRow,
    ),
  );
  const money = currencyFormat(ctx.currency, ctx.language);
  const formats: Partial<Record<ToolField, string>> = {
    MonthlyCost: money,
    Renewal: ctx.labels.locale + "yyyy-mm-dd",
  };
  TOOL_CATEGORIES.forEach((c, i) => {
    const row = TOOLS.registerRow(i);
    cells.push({
      ref: cell(R.category, row),
      value: c.label[ctx.language],
      style: "label",
    });
    for (const field of TOOL_FIELDS) {
      const ref = cell(R.field(field), row);
      cells.push({
        ref,
        ...(field === "Status" && { value: t.statuses[0] }),
        ...(formats[field] && { numberFormat: formats[field] }),
        style: "input",
      });
      ctx.names.push({
        name: NAMES.tool(c.id, field),
        sheet: "tools",
        ref: absolute(R.field(field), row),
      });
    }
    // The seed's four for this category; another name is let through (types.ts othersAllowed).
    ctx.validations.push({
      kind: "list",
      sheet: "tools",
      ref: cell(R.field("InUse"), row),
      values: c.tools.map((x) => x.label[ctx.language]),
      othersAllowed: true,
      message: t.inUseMessage,
    });
  });
  const first = TOOLS.registerRow(0);
  const last = TOOLS.registerRow(TOOL_CATEGORIES.length - 1);
  const column = (field: ToolField) =>
    `${cell(R.field(field), first)}:${cell(R.field(field), last)}`;
  ctx.validations.push(
    {
      kind: "decimal",
      sheet: "tools",
      ref: column("MonthlyCost"),
      min: 0,
      max: 1e12,
      message: t.costMessage,
    },
    {
      kind: "date",
      sheet: "tools",
      ref: column("Renewal"),
      message: t.dateMessage,
    },
    {
      kind: "list",
      sheet: "tools",
      ref: column("Status"),
      values: t.statuses,
      message: t.statusMessage,
    },
  );
  const total = cell(R.field("MonthlyCost"), TOOLS.totalRow);
  cells.push(
    { ref: cell(R.category, TOOLS.totalRow), value: t.total, style: "label" },
    {
      ref: total,
      // SUM skips empty cells and text: blank costs add nothing, never an error.
      formula: `SUM(${column("MonthlyCost")})`,
      numberFormat: money,
      style: "computed",
    },
    {
      ref: cell(1, TOOLS.registerNoteRow),
      value: t.registerNote,
      style: "note",
    },
  );
  ctx.names.push({
    name: NAMES.toolsMonthlyCost,
    sheet: "tools",
    ref: absolute(R.field("MonthlyCost"), TOOLS.totalRow),
  });
}

/** The seed's groups and categories with their lists and figures; the figures' flags coloured by three rules. */
function figures(ctx: Context, cells: CellSpec[]): void {
  const t = TOOLS_LABELS[ctx.language];
  const lang = ctx.language;
  cells.push(
    ...headerCells(
      [
        t.tools,
        t.functionalities,
        t.metrics,
        t.baseline,
        t.current,
        t.change,
        t.target,
        t.flag,
      ],
      TOOLS.figuresHeaderRow,
    ),
  );
  const band = (row: number, text: string, style: CellStyle) => {
    for (let col = F.tool; col <= F.flag; col++)
      cells.push({
        ref: cell(col, row),
        ...(col === F.tool && { value: text }),
        style,
      });
  };
  TOOL_GROUPS.forEach((g, gi) => {
    band(TOOLS.groupRow(gi), g.label[lang], "section");
    for (const c of g.categories) {
      band(TOOLS.categoryRow(c.id), c.label[lang], "subtitle");
      c.impacts.forEach((impact, k) => {
        const row = TOOLS.itemRow(c.id, k);
        const tool = c.tools[k];
        const functionality = c.functionalities[k];
        if (tool)
          cells.push({ ref: cell(F.tool, row), value: tool.label[lang] });
        if (functionality)
          cells.push({
            ref: cell(F.functionality, row),
            value: functionality.label[lang],
          });
        cells.push({
          ref: cell(F.words, row),
          value: impactWords(impact, lang),
        });
        cells.push(...figureCells(ctx, impact, row));
      });
    }
  });
  const first = cell(F.flag, TOOLS.itemRow(TOOL_CATEGORIES[0].id, 0));
  ctx.rules.push(
    ...flagTextRules(
      "tools",
      `${first}:${cell(F.flag, TOOLS.lastFigureRow)}`,
      first,
    ),
  );
}

/** A figure's cells right of its words: the claim's note, or baseline, current, change, target and flag. */
function figureCells(
  ctx: Context,
  impact: ToolImpact,
  row: number,
): CellSpec[] {
  const t = TOOLS_LABELS[ctx.language];
  if (!isJudged(impact))
    // The note runs over the empty cells right of it: no inputs, no target, no flag.
    return [{ ref: cell(F.baseline, row), value: t.claim, style: "note" }];
  const baseline = cell(F.baseline, row);
  const current = cell(F.current, row);
  const change = cell(F.change, row);
  const target = cell(F.target, row);
  const judged = judgedFormat(impact, ctx);
  // A change figure's baseline and current are whatever it measures (a churn rate, days, hours):
  // General, so a typed 5% shows as 5%; a level figure's are in its unit.
  const values = impact.change ? undefined : judged;
  const columns = {
    Baseline: F.baseline,
    Current: F.current,
    Target: F.target,
  };
  for (const field of ["Baseline", "Current", "Target"] as const)
    ctx.names.push({
      name: NAMES.toolImpact(impact.id, field),
      sheet: "tools",
      ref: absolute(columns[field], row),
    });
  const rule: LevelRule = {
    direction: impact.change ? "higher" : impact.direction,
    strict: impact.strict,
    capped: isCapped(impact),
    threshold: target,
  };
  return [
    { ref: baseline, ...(values && { numberFormat: values }), style: "input" },
    currentCell(ctx, impact, current, values),
    {
      ref: change,
      formula: changeFormula(impact, baseline, current),
      numberFormat: impact.change
        ? judged
        : levelChangeFormat(impact, judged, ctx),
      style: "computed",
    },
    { ref: target, value: impact.target, numberFormat: judged, style: "input" },
    {
      ref: cell(F.flag, row),
      formula: flagFormula(impact.change ? change : current, rule),
      style: "flag",
    },
  ];
}

/** A figure's current value: typed, or read from the month row that holds it as of the reporting month (tools-layout.ts currentSourceName). */
function currentCell(
  ctx: Context,
  impact: ToolImpact,
  ref: string,
  numberFormat: string | undefined,
): CellSpec {
  const source = currentSourceName(impact);
  const format = numberFormat ? { numberFormat } : {};
  if (!source) return { ref, ...format, style: "input" };
  return {
    ref,
    formula: atReportingMonthFormula(
      source,
      dashboardCells(ctx).reportingIndex,
    ),
    ...format,
    style: "computed",
  };
}

/**
 * The change since the baseline: relative for a change figure (formulas.ts changeFromBaselineFormula,
 * blank unless the baseline is above 0); for a level figure current - baseline, in percentage
 * points for a percentage. Blank until both are numbers.
 */
export function changeFormula(
  impact: ToolImpact,
  baseline: string,
  current: string,
): string {
  const both = `AND(ISNUMBER(${baseline}),ISNUMBER(${current}))`;
  if (!impact.change) {
    const difference = `${current}-${baseline}`;
    return `IF(${both},${impact.unit === "fraction" ? `100*(${difference})` : difference},"")`;
  }
  return changeFromBaselineFormula(impact.change, baseline, current);
}

/** A level figure's change: percentage points for a percentage (as formats.ts gapFormat shows a gap), else its unit with its values' decimals. */
function levelChangeFormat(
  impact: ToolImpact,
  judged: string,
  ctx: Context,
): string {
  if (impact.unit !== "fraction") return judged;
  const decimals = /0\.(0+)%/.exec(judged)?.[1] ?? "";
  const digits = decimals ? `0.${decimals}` : "0";
  const pp = ctx.labels.points;
  return localized(
    `+${digits}" ${pp}";-${digits}" ${pp}";0" ${pp}"`,
    ctx.language,
  );
}
