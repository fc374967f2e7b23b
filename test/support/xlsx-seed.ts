/**
 * An .xlsx file as the fake host's workbook: every sheet's cells (values, formulas, number
 * formats), its tables and the workbook's names, as plain JSON that a browser test hands the
 * stub (test/support/stub-entry.ts) before the pane opens: a workbook an earlier version made,
 * opened in the pane. Read with exceljs, as the command line's --from reads one (src/xlsx/read.ts).
 */
import ExcelJS from "exceljs";
import type { FakeCell, FakeName } from "./excel-fake";

export interface FakeSeed {
  sheets: { name: string; cells: [string, FakeCell][]; tables: { name: string; ref: string }[] }[];
  names: [string, FakeName][];
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** A cell's value as Office.js gives it: dates as serial numbers, rich text as its text, an error as its text ("#N/A"). */
function plain(v: unknown): FakeCell["value"] {
  if (v instanceof Date) return (v.getTime() - EPOCH) / DAY_MS;
  if (v !== null && typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: string; error?: string };
    return o.richText?.map((r) => r.text).join("") ?? o.error ?? o.text;
  }
  return (v ?? undefined) as FakeCell["value"];
}

function fakeCell(c: ExcelJS.Cell): FakeCell | undefined {
  const format = c.numFmt && c.numFmt !== "General" ? { numberFormat: c.numFmt } : {};
  // A shared formula's copies give their own text through `formula` (exceljs translates them).
  if (c.type === ExcelJS.ValueType.Formula) return { formula: c.formula, ...format };
  const value = plain(c.value);
  return value === undefined ? undefined : { value, ...format };
}

/** "'Scale Dashboard'!$C$11" as a fake name: its sheet and its reference without $. */
function fakeName(range: string): FakeName {
  const bang = range.lastIndexOf("!");
  return { sheet: range.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"), ref: range.slice(bang + 1).replace(/\$/g, "") };
}

export async function seedFromXlsx(file: string): Promise<FakeSeed> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = workbook.worksheets.map((ws) => {
    const cells: [string, FakeCell][] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const cell = fakeCell(c);
        if (cell) cells.push([c.address, cell]);
      }),
    );
    const tables = Object.values((ws as unknown as { tables: Record<string, { name: string; model: { tableRef: string } }> }).tables).map((t) => ({ name: t.name, ref: t.model.tableRef }));
    return { name: ws.name, cells, tables };
  });
  const names = workbook.definedNames.model.filter((n) => n.ranges.length === 1).map((n): [string, FakeName] => [n.name, fakeName(n.ranges[0])]);
  return { sheets, names };
}
