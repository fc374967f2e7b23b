/** The Thresholds sheet: the catalogue as two editable Excel tables that every flag, gap, phase and ETA reads. */
import {
  CONTEXT_THRESHOLDS,
  PHASE_METRICS,
  PHASE_NUMBERS,
  RISK_INDICATORS,
  UNITS,
  floorOf,
  targetOf,
} from "../catalog";
import { thresholdHeaders } from "./thresholds-layout";
import { otherMeasureNamed } from "../lookup";
import { Context, formatOf, headerCells } from "./context";
import { absolute, cell, columnLetter } from "./formulas";
import { NAMES, TABLES, THRESHOLDS } from "./layout";
import { CellSpec, SheetSpec } from "./types";

/** One of the sheet's Excel tables, from column A, and the note under it after an empty row (returned). */
function tableWithNote(
  ctx: Context,
  table: {
    readonly name: string;
    readonly headerRow: number;
    readonly lastRow: number;
    readonly width: number;
    readonly columns: readonly string[];
    readonly note: string;
  },
): CellSpec {
  ctx.tables.push({
    name: table.name,
    sheet: "thresholds",
    ref: `A${table.headerRow}:${columnLetter(table.width)}${table.lastRow}`,
    columns: table.columns,
  });
  return { ref: cell(1, table.lastRow + 2), value: table.note, style: "note" };
}

/**
 * The third table: the SaaS measures' conventions with their author, year, segment and source
 * (product.md 12, 14), laid out as the risk table so the parser reads its Threshold column.
 */
function contextTable(
  ctx: Context,
  riskColumns: readonly string[],
): CellSpec[] {
  const { labels } = ctx;
  const lang = ctx.language;
  const header = [...riskColumns, labels.conventionSource];
  const cells: CellSpec[] = headerCells(header, THRESHOLDS.contextHeaderRow);
  CONTEXT_THRESHOLDS.forEach((c, k) => {
    const row = THRESHOLDS.contextRow(k);
    const m = otherMeasureNamed(c.id)!;
    cells.push(
      { ref: cell(1, row), value: m.id, style: "label" },
      { ref: cell(2, row), value: m.name[lang] },
      { ref: cell(3, row), value: UNITS[m.unit].label[lang] },
      {
        ref: cell(4, row),
        value: m.direction === "higher" ? labels.higher : labels.lower,
      },
      { ref: cell(5, row), value: m.direction === "higher" ? ">=" : "<=" },
      {
        ref: cell(THRESHOLDS.thresholdColumn, row),
        value: c.threshold,
        numberFormat: formatOf(ctx, m),
        style: "input",
      },
      {
        ref: cell(THRESHOLDS.risksWidth, row),
        value: `${c.author}, ${c.year}; ${c.segment[lang]}; ${c.source}`,
        style: "note",
      },
    );
    ctx.names.push({
      name: NAMES.contextThreshold(c.id),
      sheet: "thresholds",
      ref: absolute(THRESHOLDS.thresholdColumn, row),
    });
  });
  cells.push(
    tableWithNote(ctx, {
      name: TABLES.context,
      headerRow: THRESHOLDS.contextHeaderRow,
      lastRow: THRESHOLDS.contextRow(CONTEXT_THRESHOLDS.length - 1),
      width: THRESHOLDS.risksWidth,
      columns: header,
      note: labels.contextNote,
    }),
  );
  return cells;
}

export function thresholdsSheet(ctx: Context): SheetSpec {
  const { labels } = ctx;
  const lang = ctx.language;
  const h = thresholdHeaders(lang);
  const cells: CellSpec[] = [];
  const direction = (d: "higher" | "lower") =>
    d === "higher" ? labels.higher : labels.lower;
  const header = [
    h.id,
    labels.metric,
    labels.unit,
    labels.better,
    ...h.targets,
    ...h.floors,
    labels.source,
  ];
  cells.push(...headerCells(header, THRESHOLDS.headerRow));
  PHASE_METRICS.forEach((m, i) => {
    const row = THRESHOLDS.metricRow(i);
    const fmt = formatOf(ctx, m);
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
  cells.push(
    tableWithNote(ctx, {
      name: TABLES.targets,
      headerRow: THRESHOLDS.headerRow,
      lastRow: THRESHOLDS.metricRow(PHASE_METRICS.length - 1),
      width: THRESHOLDS.targetsWidth,
      columns: header,
      note: labels.floorsNote,
    }),
  );

  const riskHeader = [
    h.id,
    labels.indicator,
    labels.unit,
    labels.better,
    labels.rule,
    h.threshold,
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
        numberFormat: formatOf(ctx, ind),
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
  cells.push(
    tableWithNote(ctx, {
      name: TABLES.risks,
      headerRow: THRESHOLDS.riskHeaderRow,
      lastRow: THRESHOLDS.indicatorRow(RISK_INDICATORS.length - 1),
      width: THRESHOLDS.risksWidth,
      columns: riskHeader,
      note: labels.thresholdsNote,
    }),
  );

  cells.push(...contextTable(ctx, riskHeader.slice(0, -1)));

  const es = lang === "es";
  return {
    key: "thresholds",
    name: ctx.sheetName("thresholds"),
    cells,
    columnWidths: {
      A: 36,
      B: 34,
      C: es ? 25 : 22,
      D: 10,
      E: 15,
      F: 15,
      G: 15,
      H: 15,
      I: es ? 13 : 11,
      J: es ? 13 : 11,
      K: es ? 13 : 11,
      L: es ? 13 : 11,
      M: 62,
    },
    freeze: { rows: 1, columns: 1 },
    printLandscape: true,
    fitTo: "width",
  };
}
