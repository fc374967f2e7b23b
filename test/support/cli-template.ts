/**
 * What the `scale-tracker template` tests share: a folder of their own for the files they write,
 * the command run in this process (cli-in-process.ts), the .xlsx it wrote read back, and a
 * workbook name's cells as exceljs reads them.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Ran, runInProcess } from "./cli-in-process";

export interface TemplateCli {
  /** A file's path in the test's folder. */
  readonly at: (file: string) => string;
  /** `scale-tracker template ...args` */
  readonly cli: (args: string[]) => Promise<Ran>;
  /** A workbook in the test's folder, as exceljs reads it. */
  readonly read: (file: string) => Promise<ExcelJS.Workbook>;
}

/** A fresh folder under the system's temporary one, named from `prefix` ("scale-budget-"). */
export function templateCli(prefix: string): TemplateCli {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const at = (file: string) => path.join(tmp, file);
  return {
    at,
    cli: (args) => runInProcess(["template", ...args]),
    read: async (file) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(at(file));
      return wb;
    },
  };
}

/** A workbook name's cells, left to right (a name on one row, or one cell), and its sheet. */
export function namedRow(wb: ExcelJS.Workbook, name: string): { sheet: string; values: unknown[] } {
  const [range] = wb.definedNames.getRanges(name).ranges;
  const [sheet, cells] = range.split("!");
  const [from, to] = cells.replace(/\$/g, "").split(":");
  const ws = wb.getWorksheet(sheet.replace(/^'|'$/g, ""))!;
  const row = Number(/\d+$/.exec(from)![0]);
  const values: unknown[] = [];
  for (let c = ws.getCell(from).fullAddress.col; c <= ws.getCell(to ?? from).fullAddress.col; c++) values.push(ws.getRow(row).getCell(c).value);
  return { sheet: ws.name, values };
}
