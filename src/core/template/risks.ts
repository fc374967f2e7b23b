/** The Risks sheet: each group's level and each indicator's value, threshold and flag, as of the reporting month. */
import { RISK_GROUPS, UNITS } from "../catalog";
import { RISK_PLANS } from "../plan";
import { rowOf } from "../timeline";
import { thresholdHeaders } from "./thresholds-layout";
import { Context, formatOf, headerCells, refOn } from "./context";
import { monthFormat } from "./formats";
import { absolute, cell, flagFormula, thresholdShown } from "./formulas";
import { NAMES, RISKS, TRACKING } from "./layout";
import { flagTextRules, indicatorLevelRule } from "./rules";
import { dashboardCells, monthsOf } from "./tracking";
import { CellSpec, SheetSpec } from "./types";

const C = RISKS.columns;

export function risksSheet(ctx: Context): SheetSpec {
  const { labels } = ctx;
  const lang = ctx.language;
  const { reportingIndex } = dashboardCells(ctx);
  const tracking = (ref: string) => refOn(ctx, "tracking", ref);
  const atReporting = (row: number) =>
    `IF(ISNUMBER(${reportingIndex}),INDEX(${tracking(monthsOf(ctx, row))},1,${reportingIndex}),"")`;
  const headers = [
    thresholdHeaders(lang).id,
    labels.indicator,
    labels.unit,
    labels.value,
    labels.month,
    labels.threshold,
    labels.flag,
    labels.plan.symptoms,
    labels.plan.mitigations,
  ];
  const cells: CellSpec[] = [
    { ref: "A1", value: labels.risks.title, style: "title" },
    { ref: "A2", value: labels.risks.note, style: "note" },
    ...headerCells(headers, RISKS.headerRow),
  ];
  RISK_GROUPS.forEach((g, gi) => {
    const groupRow = RISKS.groupRow(gi);
    cells.push(
      { ref: cell(C.id, groupRow), value: g.id, style: "subtitle" },
      { ref: cell(C.name, groupRow), value: g.name[lang], style: "subtitle" },
      {
        ref: cell(C.flag, groupRow),
        formula: atReporting(TRACKING.groups.get(g.id)!),
        style: "flag",
      },
    );
    ctx.names.push({
      name: NAMES.riskFlag(g.id),
      sheet: "risks",
      ref: absolute(C.flag, groupRow),
    });
    const plan = RISK_PLANS.find((r) => r.group === g.id)!;
    g.indicators.forEach((ind, i) => {
      const row = RISKS.indicatorRow(gi, i);
      // Beside the levels, what the seed says to watch for and to do, one per row.
      const symptom = plan.symptoms[i];
      const mitigation = plan.mitigations[i];
      if (symptom)
        cells.push({
          ref: cell(C.symptom, row),
          value: symptom.label[lang],
          style: "note",
        });
      if (mitigation)
        cells.push({
          ref: cell(C.mitigation, row),
          value: mitigation.label[lang],
        });
      const key = rowOf(ind).key;
      const value = cell(C.value, row);
      const rule = indicatorLevelRule(ctx.sheetName("thresholds"), ind);
      const fmt = formatOf(ctx, ind);
      cells.push(
        { ref: cell(C.id, row), value: ind.qualifiedId, style: "label" },
        { ref: cell(C.name, row), value: ind.name[lang] },
        {
          ref: cell(C.unit, row),
          value: UNITS[ind.unit].label[lang],
          style: "note",
        },
        {
          ref: value,
          formula: atReporting(TRACKING.asOf.get(key)!),
          numberFormat: fmt,
          style: "computed",
        },
        {
          ref: cell(C.month, row),
          formula: `IF(ISNUMBER(${value}),INDEX(${tracking(monthsOf(ctx, TRACKING.headerRow))},1,INDEX(${tracking(monthsOf(ctx, TRACKING.asOfMonth.get(key)!))},1,${reportingIndex})),"")`,
          numberFormat: monthFormat(lang),
          style: "computed",
        },
        {
          ref: cell(C.threshold, row),
          formula: thresholdShown(rule.threshold),
          numberFormat: fmt,
          style: "computed",
        },
        {
          ref: cell(C.flag, row),
          formula: flagFormula(value, rule),
          style: "flag",
        },
      );
    });
  });
  const first = cell(C.flag, RISKS.groupRow(0));
  ctx.rules.push(
    ...flagTextRules("risks", `${first}:${cell(C.flag, RISKS.lastRow)}`, first),
  );
  return {
    key: "risks",
    name: ctx.sheetName("risks"),
    cells,
    columnWidths: {
      A: 38,
      B: 30,
      C: lang === "es" ? 25 : 22,
      D: 14,
      E: 11,
      F: 14,
      G: 10,
      H: 30,
      I: 30,
    },
    freeze: { rows: RISKS.headerRow, columns: 0 },
    printLandscape: true,
    fitTo: "width",
  };
}
