/**
 * A phase's plan sheet (product.md section 8): its objectives (the numeric ones with the phase's
 * target and floor their flag judges against, the value as of the reporting month and its flag; the qualitative ones with a status
 * to set), its four strategies with four initiatives each (status, owner, due date, notes), and
 * the completion of each strategy and of the phase (`Plan_P<n>`).
 */
import { PHASES, PHASE_METRICS, PhaseNumber } from "../catalog";
import { thresholdHeaders } from "./thresholds-layout";
import { PHASE_PLANS, PLAN_AREAS, objectiveLabel } from "../plan";
import { Context, formatOf, headerCells, refOn } from "./context";
import { percentFormat } from "./formats";
import { absolute, cell, flagFormula, thresholdShown } from "./formulas";
import {
  NAMES,
  PLAN,
  TRACKING_COLUMNS,
  planSheetKey,
  trackingRow,
} from "./layout";
import { metricLevelRule, rowRuns } from "./rules";
import { CellSpec, SheetSpec } from "./types";

const C = PLAN.columns;

/**
 * Done ÷ (items − dropped) over the items' own status cells, a status counting when it equals the
 * word after trimming spaces (product.md 8, 3rd ed.; core/plan.ts planCompletion applies the same
 * rule); blank when every item is dropped. One term per cell, so no engine's array evaluation is needed.
 */
export function completionFormula(
  statusCells: readonly string[],
  done: string,
  dropped: string,
): string {
  const count = (word: string) =>
    statusCells.map((c) => `(TRIM(${c})="${word}")`).join("+");
  const open = `${statusCells.length}-(${count(dropped)})`;
  return `IF(${open}=0,"",(${count(done)})/(${open}))`;
}

/** The rows of a phase's plan items: its qualitative objectives and its initiatives (never a numeric objective or a strategy heading). */
export function planItemRows(n: PhaseNumber): number[] {
  const plan = PHASE_PLANS[n - 1];
  return [
    ...plan.objectives.flatMap((o, k) =>
      o.numeric ? [] : [PLAN.objectiveRow(k)],
    ),
    ...plan.strategies.flatMap((s, k) =>
      s.initiatives.map((_, j) => PLAN.initiativeRow(k, j)),
    ),
  ];
}

export function planSheet(ctx: Context, n: PhaseNumber): SheetSpec {
  const key = planSheetKey(n);
  const { labels } = ctx;
  const p = labels.plan;
  const lang = ctx.language;
  const phase = PHASES[n - 1];
  const plan = PHASE_PLANS[n - 1];
  const [, , done, dropped] = p.statuses;
  const cells: CellSpec[] = [
    {
      ref: cell(1, PLAN.titleRow),
      value: p.title(n, phase.name[lang], phase.horizon[lang]),
      style: "title",
    },
    { ref: cell(1, PLAN.noteRow), value: p.note, style: "note" },
    { ref: cell(1, PLAN.completionRow), value: p.completion, style: "label" },
  ];
  const header = (row: number, texts: readonly string[]) =>
    cells.push(...headerCells(texts, row));
  // The phase's target as the Tracking sheet heads it ("P1 target"), its floor as the Thresholds sheet does ("Floor P1").
  header(PLAN.objectivesHeaderRow, [
    p.area,
    p.objective,
    labels.phaseTarget(n),
    thresholdHeaders(lang).floors[n - 1],
    labels.dashboard.current,
    labels.flag,
    p.status,
    p.owner,
    p.due,
    p.notes,
  ]);
  const itemRows: number[] = [];
  plan.objectives.forEach((o, k) => {
    const row = PLAN.objectiveRow(k);
    cells.push(
      {
        ref: cell(C.area, row),
        value: PLAN_AREAS[o.area][lang],
        style: "label",
      },
      { ref: cell(C.label, row), value: objectiveLabel(o, n, lang) },
    );
    if (!o.numeric) {
      itemRows.push(row);
      return;
    }
    const index = PHASE_METRICS.findIndex((m) => m.id === o.numeric!.metric);
    const m = PHASE_METRICS[index];
    // The cells the flag reads, so the sheet shows what it judges against (product.md 8, 3rd ed.):
    // the phase's target, and apart from it the floor where the metric has one ("Gross margin > 70%").
    const rule = metricLevelRule(ctx.sheetName("thresholds"), index, n);
    const current = cell(C.current, row);
    const shown = (col: number, threshold: string): CellSpec => ({
      ref: cell(col, row),
      formula: thresholdShown(threshold),
      numberFormat: formatOf(ctx, m),
      style: "computed",
    });
    cells.push(shown(C.target, rule.threshold));
    if (rule.floor) cells.push(shown(C.floor, rule.floor));
    cells.push(
      {
        ref: current,
        formula: refOn(
          ctx,
          "tracking",
          absolute(TRACKING_COLUMNS.latest, trackingRow(m.id)),
        ),
        numberFormat: formatOf(ctx, m),
        style: "computed",
      },
      {
        ref: cell(C.flag, row),
        formula: flagFormula(current, rule),
        style: "flag",
      },
    );
  });
  header(PLAN.strategiesHeaderRow, [
    "",
    p.strategy,
    p.completion,
    "",
    "",
    "",
    p.status,
    p.owner,
    p.due,
    p.notes,
  ]);
  plan.strategies.forEach((s, k) => {
    const row = PLAN.strategyRow(k);
    cells.push(
      { ref: cell(C.area, row), value: k + 1, style: "subtitle" },
      { ref: cell(C.label, row), value: s.label[lang], style: "subtitle" },
      {
        ref: cell(C.completion, row),
        formula: completionFormula(
          s.initiatives.map((_, j) => cell(C.status, PLAN.initiativeRow(k, j))),
          done,
          dropped,
        ),
        numberFormat: percentFormat(lang),
        style: "computed",
      },
    );
    s.initiatives.forEach((i, j) => {
      const r = PLAN.initiativeRow(k, j);
      itemRows.push(r);
      cells.push({ ref: cell(C.label, r), value: i.label[lang] });
    });
  });
  for (const row of itemRows)
    cells.push(
      { ref: cell(C.status, row), value: p.statuses[0], style: "input" },
      { ref: cell(C.owner, row), style: "input" },
      {
        ref: cell(C.due, row),
        numberFormat: labels.locale + "yyyy-mm-dd",
        style: "input",
      },
      { ref: cell(C.notes, row), style: "input" },
    );
  // One validation per block of consecutive items (a strategy's initiatives), not one per cell.
  const span = (col: number, from: number, to: number) =>
    from === to ? cell(col, from) : `${cell(col, from)}:${cell(col, to)}`;
  for (const [from, to] of rowRuns(itemRows))
    ctx.validations.push(
      {
        kind: "list",
        sheet: key,
        ref: span(C.status, from, to),
        values: p.statuses,
        message: p.statusMessage,
      },
      {
        kind: "date",
        sheet: key,
        ref: span(C.due, from, to),
        message: p.dateMessage,
      },
    );
  cells.push({
    ref: cell(PLAN.completionColumn, PLAN.completionRow),
    formula: completionFormula(
      itemRows.map((r) => cell(C.status, r)),
      done,
      dropped,
    ),
    numberFormat: percentFormat(lang),
    style: "flag",
  });
  ctx.names.push({
    name: NAMES.plan(n),
    sheet: key,
    ref: absolute(PLAN.completionColumn, PLAN.completionRow),
  });
  // No colour rules here: the whole workbook keeps to a few dozen (product.md 6.7); the flags' words say the level.
  return {
    key,
    name: ctx.sheetName(key),
    cells,
    columnWidths: {
      A: lang === "es" ? 17 : 16,
      B: 42,
      C: 16,
      D: 11,
      E: 14,
      F: 10,
      G: lang === "es" ? 14 : 13,
      H: 16,
      I: 13,
      // Narrower than before the floor column came, so the printed page keeps its scale.
      J: 28,
    },
    freeze: { rows: 0, columns: 0 },
    printLandscape: true,
    fitTo: "width",
  };
}
