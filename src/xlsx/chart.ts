/**
 * The description's charts, added to the parts of an .xlsx package that exceljs rendered (exceljs
 * writes no charts). Each chart becomes the three SpreadsheetML parts Excel itself writes for a chart on a
 * sheet: a drawing anchored to the sheet, the chart, and the relationships between them. The
 * chart keeps only formulas for its data (no cached values): Excel and LibreOffice read the
 * cells when they open the file.
 */
import { DOMParser, Document, Element, XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";
import { Parts } from "./package";
import { escapeXml } from "./xml";
import {
  ChartSpec,
  SheetKey,
  WorkbookSpec,
  absolute,
  cellPosition,
  columnLetter,
  onSheet,
} from "../core/template";

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  officeRel:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
} as const;
const REL_TYPE = {
  drawing: `${NS.officeRel}/drawing`,
  chart: `${NS.officeRel}/chart`,
} as const;
const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;
/** Worksheet children that must come after `<drawing>` (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** "B9:B28" on a sheet -> "'Scale Dashboard'!$B$9:$B$28", as a chart's series formula. */
function seriesFormula(sheetName: string, range: string): string {
  const corners = range.split(":").map((ref) => {
    const { col, row } = cellPosition(ref);
    return absolute(col, row);
  });
  return onSheet(sheetName, corners.join(":"));
}

const SERIES_COLOURS = [
  "107C41",
  "2F5597",
  "C55A11",
  "7030A0",
  "A5A5A5",
  "BF9000",
];

/** A chart's sheet names by key: its data sheet's, and any series' own (ChartSpec series.sheet). */
type SheetNameOf = (key: SheetKey) => string;

/** One series: its name, categories and values as formulas (no cached values: engines read the cells). */
function seriesXml(
  chart: ChartSpec,
  sheetName: SheetNameOf,
  i: number,
): string {
  const s = chart.series[i];
  const dataSheet = sheetName(chart.dataSheet);
  const categories = escapeXml(seriesFormula(dataSheet, chart.categories));
  const cat = chart.dateFormat
    ? `<c:cat><c:numRef><c:f>${categories}</c:f></c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${categories}</c:f></c:strRef></c:cat>`;
  const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
  // The first series of a line chart is the data; the others (targets) are thinner and dashed.
  const line =
    chart.kind === "line"
      ? `<c:spPr><a:ln w="${i === 0 ? 28575 : 15875}"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>${i === 0 ? "" : '<a:prstDash val="dash"/>'}</a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
      : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${line}${cat}` +
    `<c:val><c:numRef><c:f>${escapeXml(seriesFormula(sheetName(s.sheet ?? chart.dataSheet), s.values))}</c:f></c:numRef></c:val>` +
    (chart.kind === "line" ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

/**
 * The cell right of a chart's first series, on its row, which the description leaves empty (a hidden
 * row's cell past the last month, for the phase chart): where the spacer series of naIsGap reads.
 */
export function spacerCell(chart: ChartSpec): string {
  const last = cellPosition(chart.series[0].values.split(":").pop()!);
  return `${columnLetter(last.col + 1)}${last.row}`;
}

/**
 * A series of one empty cell, drawn as nothing and left out of the legend, for a chart whose #N/A
 * must not be plotted (ChartSpec.naIsGap). LibreOffice's .xlsx import (7.4) plots a line chart's
 * text and #N/A as 0, as if its "gap" were "zero", unless some value of the chart is an empty cell
 * (oox/source/drawingml/chart/chartspaceconverter.cxx, lcl_useWorkaroundForNoGapInOOXML); with one,
 * #N/A leaves a gap there as in Excel, and the line stops where the data does.
 */
function spacerXml(chart: ChartSpec, dataSheet: string): string {
  const n = chart.series.length;
  const categories = escapeXml(seriesFormula(dataSheet, chart.categories));
  return (
    `<c:ser><c:idx val="${n}"/><c:order val="${n}"/><c:tx><c:v></c:v></c:tx>` +
    `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>` +
    `<c:cat><c:numRef><c:f>${categories}</c:f></c:numRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(seriesFormula(dataSheet, spacerCell(chart)))}</c:f></c:numRef></c:val>` +
    `<c:smooth val="0"/></c:ser>`
  );
}

/** Line charts over months (date categories), bar charts over metrics, as Office.js's `charts.add` makes them. */
function chartXml(chart: ChartSpec, sheetName: SheetNameOf): string {
  const spacer = chart.naIsGap && chart.kind === "line";
  const series =
    chart.series.map((_, i) => seriesXml(chart, sheetName, i)).join("") +
    (spacer ? spacerXml(chart, sheetName(chart.dataSheet)) : "");
  const bar = chart.kind === "bar";
  const plot = bar
    ? `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="60"/><c:axId val="1"/><c:axId val="2"/></c:barChart>`
    : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
      `<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>`;
  const axis = chart.valueAxis;
  const scaling =
    `<c:scaling>${axis.logBase ? `<c:logBase val="${axis.logBase}"/>` : ""}<c:orientation val="minMax"/>` +
    (axis.max !== undefined ? `<c:max val="${axis.max}"/>` : "") +
    (axis.min !== undefined ? `<c:min val="${axis.min}"/>` : "") +
    `</c:scaling>`;
  const categoryAxis = chart.dateFormat
    ? `<c:dateAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
      `<c:axPos val="b"/><c:numFmt formatCode="${escapeXml(chart.dateFormat)}" sourceLinked="0"/>` +
      `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="2"/><c:crosses val="autoZero"/>` +
      `<c:auto val="1"/><c:lblOffset val="100"/><c:baseTimeUnit val="months"/></c:dateAx>`
    : `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
      `<c:axPos val="l"/><c:tickLblPos val="nextTo"/><c:crossAx val="2"/><c:crosses val="autoZero"/>` +
      `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueAxis =
    `<c:valAx><c:axId val="2"/>${scaling}<c:delete val="0"/>` +
    `<c:axPos val="${bar ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(axis.numberFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1"/>` +
    `<c:crosses val="${bar ? "max" : "autoZero"}"/><c:crossBetween val="${bar ? "between" : "midCat"}"/>` +
    (axis.max === 4 ? `<c:majorUnit val="1"/>` : "") +
    `</c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.officeRel}">` +
    // Square corners, as Office.js draws its charts (the element defaults to rounded).
    `<c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    plot +
    categoryAxis +
    valueAxis +
    `</c:plotArea><c:legend><c:legendPos val="b"/>` +
    (spacer
      ? `<c:legendEntry><c:idx val="${chart.series.length}"/><c:delete val="1"/></c:legendEntry>`
      : "") +
    `<c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="${chart.plotsHiddenCells ? 0 : 1}"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The chart covers its `from` cell's top-left corner to its `to` cell's bottom-right corner. */
function drawingXml(charts: readonly ChartSpec[]): string {
  const marker = (tag: string, ref: string, past: number) => {
    const { col, row } = cellPosition(ref);
    return (
      `<xdr:${tag}><xdr:col>${col - 1 + past}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${row - 1 + past}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
    );
  };
  const anchors = charts.map(
    (c, i) =>
      `<xdr:twoCellAnchor>${marker("from", c.from, 0)}${marker("to", c.to, 1)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(c.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.officeRel}">` +
    `${anchors.join("")}</xdr:wsDr>`
  );
}

const relationshipsXml = (
  targets: readonly { type: string; target: string }[],
) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">` +
  targets
    .map(
      (t, i) =>
        `<Relationship Id="rId${i + 1}" Type="${t.type}" Target="${escapeXml(t.target)}"/>`,
    )
    .join("") +
  `</Relationships>`;

/** A package part as a DOM, and a way to put it back. */
function readPart(parts: Parts, path: string): Document {
  const part = parts.get(path);
  if (part === undefined) throw new Error(`The .xlsx has no ${path}`);
  return new DOMParser().parseFromString(part.toString(), "text/xml");
}
const writePart = (parts: Parts, path: string, doc: Document) =>
  parts.set(path, new XMLSerializer().serializeToString(doc));

/** Sheet name -> the path of its worksheet part, in a zipped .xlsx. */
export async function worksheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const parts: Parts = new Map();
  for (const path of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]) {
    const file = zip.file(path);
    if (file) parts.set(path, await file.async("string"));
  }
  return sheetPaths(parts);
}

/** Sheet name -> the path of its worksheet part, through workbook.xml and its relationships. */
function sheetPaths(parts: Parts): Map<string, string> {
  const workbook = readPart(parts, "xl/workbook.xml");
  const rels = readPart(parts, "xl/_rels/workbook.xml.rels");
  const targets = new Map(
    Array.from(rels.getElementsByTagNameNS(NS.rels, "Relationship")).map(
      (r) => [r.getAttribute("Id"), r.getAttribute("Target") ?? ""],
    ),
  );
  return new Map(
    Array.from(workbook.getElementsByTagNameNS(NS.main, "sheet")).map((s) => {
      const target = targets.get(s.getAttributeNS(NS.officeRel, "id")) ?? "";
      return [
        s.getAttribute("name") ?? "",
        target.startsWith("/") ? target.slice(1) : `xl/${target}`,
      ];
    }),
  );
}

/** Adds `<drawing r:id>` to a worksheet and the relationship behind it. */
function attachDrawing(
  parts: Parts,
  sheetPath: string,
  drawingPath: string,
): void {
  const folder = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
  const file = sheetPath.slice(folder.length + 1);
  const relsPath = `${folder}/_rels/${file}.rels`;
  const rels = parts.has(relsPath)
    ? readPart(parts, relsPath)
    : new DOMParser().parseFromString(relationshipsXml([]), "text/xml");
  const root = rels.documentElement!;
  const taken = new Set(
    Array.from(root.getElementsByTagNameNS(NS.rels, "Relationship")).map((r) =>
      r.getAttribute("Id"),
    ),
  );
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const rel = rels.createElementNS(NS.rels, "Relationship");
  rel.setAttribute("Id", `rId${n}`);
  rel.setAttribute("Type", REL_TYPE.drawing);
  rel.setAttribute(
    "Target",
    `../drawings/${drawingPath.slice(drawingPath.lastIndexOf("/") + 1)}`,
  );
  root.appendChild(rel);
  writePart(parts, relsPath, rels);

  const sheet = readPart(parts, sheetPath);
  const worksheet = sheet.documentElement!;
  const drawing = sheet.createElementNS(NS.main, "drawing");
  drawing.setAttributeNS(NS.officeRel, "r:id", `rId${n}`);
  const next = Array.from(worksheet.childNodes).find((c) =>
    AFTER_DRAWING.includes((c as Element).localName ?? ""),
  );
  worksheet.insertBefore(drawing, next ?? null);
  writePart(parts, sheetPath, sheet);
}

function declareContentTypes(
  parts: Parts,
  added: readonly { path: string; type: string }[],
): void {
  const types = readPart(parts, "[Content_Types].xml");
  for (const p of added) {
    const override = types.createElementNS(NS.types, "Override");
    override.setAttribute("PartName", `/${p.path}`);
    override.setAttribute("ContentType", p.type);
    types.documentElement!.appendChild(override);
  }
  writePart(parts, "[Content_Types].xml", types);
}

/** `xl/charts/chart3.xml` where chart1 and chart2 are taken. */
function freePartPath(parts: Parts, stem: string): string {
  let n = 1;
  while (parts.has(`${stem}${n}.xml`)) n++;
  return `${stem}${n}.xml`;
}

/** Adds the description's charts to the package's parts; none when it describes none. */
export function addCharts(parts: Parts, spec: WorkbookSpec): void {
  if (spec.charts.length === 0) return;
  const sheetName = (key: SheetKey) =>
    spec.sheets.find((s) => s.key === key)!.name;
  const paths = sheetPaths(parts);
  const bySheet = new Map<SheetKey, ChartSpec[]>();
  for (const c of spec.charts)
    bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  for (const c of spec.charts.filter((x) => x.naIsGap)) {
    const data = spec.sheets.find((x) => x.key === c.dataSheet)!;
    const spacer = spacerCell(c);
    if (data.cells.some((x) => x.ref === spacer))
      throw new Error(`Chart "${c.title}": ${spacer} must stay empty`);
  }

  const added: { path: string; type: string }[] = [];
  for (const [sheet, charts] of bySheet) {
    const drawingPath = freePartPath(parts, "xl/drawings/drawing");
    const chartFiles = charts.map((c) => {
      const path = freePartPath(parts, "xl/charts/chart");
      parts.set(path, chartXml(c, sheetName));
      added.push({ path, type: CONTENT_TYPE.chart });
      return path.slice(path.lastIndexOf("/") + 1);
    });
    parts.set(drawingPath, drawingXml(charts));
    parts.set(
      drawingPath.replace("drawings/", "drawings/_rels/") + ".rels",
      relationshipsXml(
        chartFiles.map((f) => ({
          type: REL_TYPE.chart,
          target: `../charts/${f}`,
        })),
      ),
    );
    added.push({ path: drawingPath, type: CONTENT_TYPE.drawing });
    const sheetPath = paths.get(sheetName(sheet));
    if (!sheetPath)
      throw new Error(`The .xlsx has no sheet ${sheetName(sheet)}`);
    attachDrawing(parts, sheetPath, drawingPath);
  }
  declareContentTypes(parts, added);
}
