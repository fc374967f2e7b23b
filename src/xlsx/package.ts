/**
 * An .xlsx package as its parts in memory, in the order they are zipped: the parts exceljs renders,
 * taken before it zips them, then one zip once the charts are added (docs/performance.md: zipping
 * exceljs's package, reading it back and zipping it again cost a third of the export).
 */
import ExcelJS from "exceljs";
import { ZipFile } from "yazl";
import { SheetCells } from "./sheet-data";

/** Part path -> its content, in the package's order. */
export type Parts = Map<string, string | Buffer>;

/** What exceljs's writer hands its zip (lib/utils/zip-stream.js ZipWriter.append). */
interface Collector {
  append(
    data: string | Buffer,
    options: { name: string; base64?: boolean },
  ): void;
}

type Step = (zip: Collector, model: unknown) => unknown;

/** exceljs's workbook model, as far as the export reaches into it (lib/xlsx/xlsx.js prepareModel). */
interface ExcelJsModel {
  worksheets: {
    id: number;
    name: string;
    rows: unknown[];
    dimensions: unknown;
  }[];
  /** lib/xlsx/xform/style/styles-xform.js and strings/shared-strings-xform.js, made by prepareModel. */
  styles: {
    addStyleModel(
      style: Partial<ExcelJS.Style>,
      type: ExcelJS.ValueType,
    ): number;
  };
  sharedStrings: { add(text: string): number };
}

/** What the package holds that cells point into: a cell format's id, a shared string's index. */
export interface PackageRegistry {
  style(style: Partial<ExcelJS.Style>, type: ExcelJS.ValueType): number;
  string(text: string): number;
}

/** Each sheet's cells (by sheet name), rendered with the package's registry (src/xlsx/sheet-data.ts). */
export type CellsWriter = (
  registry: PackageRegistry,
) => ReadonlyMap<string, SheetCells>;

/** exceljs's XLSX writer (lib/xlsx/xlsx.js): the steps its write() takes; its typings leave them out. */
interface ExcelJsWriter {
  prepareModel(model: unknown, options: object): void;
  addContentTypes: Step;
  addOfficeRels: Step;
  addWorkbookRels: Step;
  addWorksheets: Step;
  addSharedStrings: Step;
  addDrawings: Step;
  addTables: Step;
  addThemes: Step;
  addStyles: Step;
  addMedia: Step;
  addApp: Step;
  addCore: Step;
  addWorkbook: Step;
}

/**
 * The parts exceljs's writeBuffer would zip: the steps of its XLSX.write (exceljs 4.4.0), in its
 * order, with a collector where it makes its zip. test/xlsx/package.test.ts checks they are the
 * parts writeBuffer packs, so a new exceljs that writes another way fails there.
 *
 * With `cells`, exceljs writes no cell: each worksheet's `<sheetData/>` becomes the one `cells`
 * renders, after exceljs has prepared its styles and shared strings and before it writes them.
 */
export async function excelJsParts(
  wb: ExcelJS.Workbook,
  cells?: CellsWriter,
): Promise<Parts> {
  const parts: Parts = new Map();
  const xlsx = wb.xlsx as unknown as ExcelJsWriter;
  const { model } = wb as unknown as { model: ExcelJsModel };
  if (cells) for (const sheet of model.worksheets) sheet.rows = [];
  xlsx.prepareModel(model, {});
  const sheetData = new Map<string, Buffer>();
  if (cells) {
    const rendered = cells({
      style: (style, type) => model.styles.addStyleModel(style, type),
      string: (text) => model.sharedStrings.add(text),
    });
    for (const sheet of model.worksheets) {
      const r = rendered.get(sheet.name);
      if (!r) continue;
      if (r.dimension) sheet.dimensions = r.dimension;
      sheetData.set(`xl/worksheets/sheet${sheet.id}.xml`, r.xml);
    }
  }
  const zip: Collector = {
    append: (data, { name, base64 }) =>
      void parts.set(
        name,
        base64
          ? Buffer.from(String(data), "base64")
          : sheetData.has(name)
            ? withSheetData(String(data), sheetData.get(name)!)
            : data,
      ),
  };
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model);
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  return parts;
}

function withSheetData(worksheet: string, sheetData: Buffer): Buffer {
  const at = worksheet.indexOf("<sheetData/>");
  if (at < 0)
    throw new Error("exceljs wrote a worksheet without an empty <sheetData/>");
  return Buffer.concat([
    Buffer.from(worksheet.slice(0, at), "utf8"),
    sheetData,
    Buffer.from(worksheet.slice(at + "<sheetData/>".length), "utf8"),
  ]);
}

/**
 * The parts zipped, each deflated by Node's zlib at its default level 6 (what JSZip's pako used:
 * the same size within 0.1%, a third of the time). DOS timestamps only, as JSZip wrote them.
 */
export function zipParts(parts: Parts): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    const mtime = new Date();
    for (const [path, data] of parts) {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      zip.addBuffer(bytes, path, { mtime, forceDosTimestamp: true });
    }
    const chunks: Buffer[] = [];
    zip.outputStream
      .on("data", (chunk: Buffer) => chunks.push(chunk))
      .on("end", () => resolve(Buffer.concat(chunks)))
      .on("error", reject);
    zip.end();
  });
}
