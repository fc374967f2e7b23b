/**
 * The export takes exceljs's parts before it zips them and zips them once with the charts
 * (src/xlsx/package.ts): the parts must be the ones exceljs's own writer packs, and the zip as
 * small as the one JSZip made before.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describeWorkbook } from "../../src/core/template";
import { excelJsParts, zipParts } from "../../src/xlsx/package";
import { excelJsWorkbook, sheetCells } from "../../src/xlsx/write";
import { SCENARIOS } from "../support/scenarios";

const spec = describeWorkbook({ ...SCENARIOS[0].options, language: "es" });

/** A described workbook with fixed dates, so that two renderings of docProps/core.xml agree. */
function workbook(): ExcelJS.Workbook {
  const wb = excelJsWorkbook(spec);
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  return wb;
}

async function unzip(file: Buffer): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(file);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => [f.name, await f.async("string")] as [string, string]));
}

test("the parts are the ones exceljs's writeBuffer packs, in its order, with the same text", async () => {
  const packed = await unzip(Buffer.from(await workbook().xlsx.writeBuffer()));
  const parts = [...(await excelJsParts(workbook()))].map(([name, data]) => [name, data.toString()]);
  expect(parts.map(([name]) => name)).toEqual(packed.map(([name]) => name));
  expect(parts).toEqual(packed);
  expect(parts.map(([name]) => name)).toEqual(expect.arrayContaining(["xl/tables/table1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]));
});

test("the zip holds every part deflated, in order, and is as small as JSZip's deflate (within 1%)", async () => {
  const parts = await excelJsParts(workbook(), sheetCells(spec));
  const file = await zipParts(parts);
  expect(await unzip(file)).toEqual([...parts].map(([name, data]) => [name, data.toString()]));
  const jszip = new JSZip();
  for (const [name, data] of parts) jszip.file(name, data);
  const before = await jszip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  expect(Math.abs(file.length - before.length) / before.length).toBeLessThan(0.01);
});
