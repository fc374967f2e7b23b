/**
 * Reads the charts of an .xlsx package the way a spreadsheet application finds them: from each
 * worksheet through its drawing to the chart parts. Used on our own files and on LibreOffice's.
 */
import { DOMParser, Document, Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { worksheetPaths } from "../../src/xlsx/chart";

export interface ReadChart {
  readonly sheet: string;
  /** Zero-based column and row of the anchor's corners, as in the drawing. */
  readonly from: { col: number; row: number };
  readonly to: { col: number; row: number };
  readonly title: string;
  /** "line" or "bar" (a barChart's barDir "bar": horizontal bars). */
  readonly kind: string;
  readonly valueAxis: { min?: number; max?: number; logBase?: number };
  /** Only visible cells are plotted (c:plotVisOnly; Excel's "Show data in hidden rows and columns" off). */
  readonly plotVisibleOnly: boolean;
  /** How empty cells are plotted (c:dispBlanksAs: "gap", "zero" or "span"). */
  readonly blanksAs: string;
  /** The values of series left out of the legend (a spacer of one empty cell: src/xlsx/chart.ts). */
  readonly unlisted: readonly string[];
  readonly series: readonly {
    readonly name: string;
    readonly categories: string;
    readonly values: string;
    /** LibreOffice's cache of the values it plotted: point index -> value (blank cells have none). */
    readonly cached: ReadonlyMap<number, number>;
  }[];
}

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const XDR =
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

async function xml(zip: JSZip, path: string): Promise<Document | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  return new DOMParser().parseFromString(
    await file.async("string"),
    "text/xml",
  );
}

/** Relationship id -> part path, resolved against the folder of `part`. */
async function relationships(
  zip: JSZip,
  part: string,
): Promise<Map<string, string>> {
  const folder = part.slice(0, part.lastIndexOf("/"));
  const rels = await xml(
    zip,
    `${folder}/_rels/${part.slice(folder.length + 1)}.rels`,
  );
  const resolve = (target: string) => {
    const parts = folder.split("/");
    for (const step of target.split("/"))
      step === ".." ? parts.pop() : parts.push(step);
    return parts.join("/");
  };
  return new Map(
    Array.from(rels?.getElementsByTagNameNS(PKG, "Relationship") ?? []).map(
      (r) => [
        r.getAttribute("Id") ?? "",
        resolve(r.getAttribute("Target") ?? ""),
      ],
    ),
  );
}

const first = (parent: Element | Document, ns: string, tag: string) =>
  parent.getElementsByTagNameNS(ns, tag)[0];
const all = (parent: Element | Document, ns: string, tag: string) =>
  Array.from(parent.getElementsByTagNameNS(ns, tag));
const text = (e: Element | undefined) => e?.textContent ?? "";
const corner = (anchor: Element, tag: string) => {
  const marker = first(anchor, XDR, tag);
  return {
    col: Number(text(first(marker, XDR, "col"))),
    row: Number(text(first(marker, XDR, "row"))),
  };
};

function axisScaling(axis: Element | undefined): { min?: number; max?: number; logBase?: number } {
  const scaling = axis && first(axis, C, "scaling");
  const value = (tag: string) => {
    const v = scaling && first(scaling, C, tag)?.getAttribute("val");
    return v ? Number(v) : undefined;
  };
  return Object.fromEntries(Object.entries({ min: value("min"), max: value("max"), logBase: value("logBase") }).filter(([, v]) => v !== undefined));
}

export async function readCharts(xlsx: Buffer): Promise<ReadChart[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const charts: ReadChart[] = [];
  for (const [sheet, sheetPath] of await worksheetPaths(zip)) {
    const drawingElement = first(
      (await xml(zip, sheetPath))!,
      "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "drawing",
    );
    if (!drawingElement) continue;
    const drawingPath = (await relationships(zip, sheetPath)).get(
      drawingElement.getAttributeNS(R, "id") ?? "",
    )!;
    const drawing = (await xml(zip, drawingPath))!;
    const chartParts = await relationships(zip, drawingPath);
    for (const anchor of all(drawing, XDR, "twoCellAnchor")) {
      const chartRef = first(anchor, C, "chart");
      if (!chartRef) continue;
      const chart = (await xml(
        zip,
        chartParts.get(chartRef.getAttributeNS(R, "id") ?? "")!,
      ))!;
      // Series whose legend entry is deleted (c:legendEntry/c:delete val 1), by c:idx.
      const legend = first(chart, C, "legend");
      const unlisted = new Set(
        (legend ? all(legend, C, "legendEntry") : [])
          .filter((e) => first(e, C, "delete")?.getAttribute("val") === "1")
          .map((e) => first(e, C, "idx")?.getAttribute("val")),
      );
      const index = (ser: Element) => first(ser, C, "idx")?.getAttribute("val");
      charts.push({
        sheet,
        from: corner(anchor, "from"),
        to: corner(anchor, "to"),
        title: all(first(chart, C, "title"), A, "t")
          .map(text)
          .join(""),
        kind: first(chart, C, "lineChart") ? "line" : first(chart, C, "barDir")?.getAttribute("val") === "bar" ? "bar" : "",
        valueAxis: axisScaling(first(chart, C, "valAx")),
        plotVisibleOnly: first(chart, C, "plotVisOnly")?.getAttribute("val") !== "0",
        blanksAs: first(chart, C, "dispBlanksAs")?.getAttribute("val") ?? "",
        unlisted: all(chart, C, "ser").filter((ser) => unlisted.has(index(ser))).map((ser) => text(first(first(ser, C, "val"), C, "f"))),
        series: all(chart, C, "ser").filter((ser) => !unlisted.has(index(ser))).map((ser) => ({
          name: text(first(first(ser, C, "tx"), C, "v")),
          categories: text(first(first(ser, C, "cat"), C, "f")),
          values: text(first(first(ser, C, "val"), C, "f")),
          cached: new Map(
            all(first(ser, C, "val"), C, "pt").map((pt) => [
              Number(pt.getAttribute("idx")),
              Number(text(first(pt, C, "v"))),
            ]),
          ),
        })),
      });
    }
  }
  return charts;
}
