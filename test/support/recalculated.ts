/**
 * Exported workbooks recalculated by LibreOffice and by Gnumeric, each saving the file again with
 * what it computed; the values are read back from those files (exceljs), cell by cell, so every
 * formula cell's value can be compared across engines without going through displayed text.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DOMParser, Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import type { WorkbookSpec } from "../../src/core/template";
import { worksheetPaths } from "../../src/xlsx/chart";
import { writeWorkbook } from "../../src/xlsx/write";
import { enginePath } from "../engines/engines";
import { resaveAll } from "./soffice";

export type Cached = string | number | boolean | { error: string } | null;

/** Sheet name -> A1 -> the cell's value (a formula cell's cached result). */
export type Values = Map<string, Map<string, Cached>>;

/**
 * Every cell's value as the file stores it: a number, a string (shared or inline), a boolean or an
 * error. Read from the XML, because Gnumeric stores a formula's text result as a shared string
 * (t="s"), which exceljs reads back as the string's index.
 */
export async function readValues(file: string): Promise<Values> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parse = async (p: string) => new DOMParser().parseFromString(await zip.file(p)!.async("string"), "text/xml");
  const text = (e: Element) => Array.from(e.getElementsByTagNameNS(MAIN, "t")).map((t) => t.textContent ?? "").join("");
  const shared = zip.file("xl/sharedStrings.xml")
    ? Array.from((await parse("xl/sharedStrings.xml")).getElementsByTagNameNS(MAIN, "si")).map(text)
    : [];
  const out: Values = new Map();
  for (const [name, sheetPath] of await worksheetPaths(zip)) {
    const cells = new Map<string, Cached>();
    for (const c of Array.from((await parse(sheetPath)).getElementsByTagNameNS(MAIN, "c"))) {
      const v = c.getElementsByTagNameNS(MAIN, "v")[0]?.textContent ?? undefined;
      const type = c.getAttribute("t") ?? "n";
      const ref = c.getAttribute("r")!;
      if (type === "inlineStr") cells.set(ref, text(c));
      else if (v === undefined) continue;
      else if (type === "s") cells.set(ref, shared[Number(v)]);
      else if (type === "str") cells.set(ref, v);
      else if (type === "b") cells.set(ref, v === "1");
      else if (type === "e") cells.set(ref, { error: v });
      else cells.set(ref, Number(v));
    }
    out.set(name, cells);
  }
  return out;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** LibreOffice recalculates on load (the files ask for a full calculation) and saves what it computed. */
export function recalcLibreOffice(files: readonly string[], outDir: string): string[] {
  return resaveAll(files, outDir);
}

export function recalcGnumeric(file: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, path.basename(file));
  execFileSync(enginePath("gnumeric"), ["--recalc", "--export-type=Gnumeric_Excel:xlsx2", file, out], { stdio: "pipe", timeout: 180_000 });
  return out;
}

/** Each case's workbook written to its file, then recalculated by LibreOffice (one run for all) and by Gnumeric: each engine's values, in the cases' order. */
export async function recalculatedByBoth(
  cases: readonly { readonly spec: WorkbookSpec; readonly file: string }[],
  dir: string,
): Promise<{ libre: Values[]; gnumeric: Values[] }> {
  for (const c of cases) fs.writeFileSync(c.file, await writeWorkbook(c.spec));
  const libre = await Promise.all(recalcLibreOffice(cases.map((c) => c.file), path.join(dir, "lo")).map(readValues));
  const gnumeric = await Promise.all(cases.map((c) => readValues(recalcGnumeric(c.file, path.join(dir, "gnumeric")))));
  return { libre, gnumeric };
}
