/**
 * A workbook description loaded into HyperFormula, a real formula engine: every sheet's values
 * and formulas at their cells, and the workbook names as named expressions. The tests read what
 * HyperFormula computes for each formula cell, as they read what LibreOffice and Gnumeric computed.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { WorkbookSpec, cellPosition, onSheet } from "../../src/core/template";

export type Computed = string | number | boolean | { error: string } | null;

export interface LoadedWorkbook {
  readonly hf: HyperFormula;
  /** Sheet name -> A1 -> computed value, for every formula cell. */
  readonly formulas: () => Map<string, Map<string, Computed>>;
  readonly value: (sheet: string, ref: string) => Computed;
  /** A workbook name's (single) cell. */
  readonly named: (name: string) => Computed;
  /** A workbook name's cells, row by row. */
  readonly namedRange: (name: string) => Computed[][];
}

const toComputed = (v: unknown): Computed => {
  if (v instanceof DetailedCellError) return { error: v.value };
  if (v === undefined || v === null) return null;
  return v as Computed;
};

export function loadWorkbook(spec: WorkbookSpec): LoadedWorkbook {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of spec.sheets) {
    const grid: (string | number | boolean | null)[][] = [];
    for (const c of s.cells) {
      const { col, row } = cellPosition(c.ref);
      grid[row - 1] ??= [];
      grid[row - 1][col - 1] = c.formula !== undefined ? `=${c.formula}` : (c.value ?? null);
    }
    sheets[s.name] = Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
  }
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  // Sheets first (formulas refer across them), then their contents in one batch.
  for (const s of spec.sheets) hf.addSheet(s.name);
  const names = new Map(spec.names.map((n) => [n.name, n]));
  const sheetName = (key: string) => spec.sheets.find((s) => s.key === key)!.name;
  hf.batch(() => {
    for (const n of spec.names) hf.addNamedExpression(n.name, `=${onSheet(sheetName(n.sheet), n.ref)}`);
    for (const s of spec.sheets) hf.setSheetContent(hf.getSheetId(s.name)!, sheets[s.name]);
  });
  const value = (sheet: string, ref: string) => {
    const { col, row } = cellPosition(ref);
    return toComputed(hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row: row - 1, col: col - 1 }));
  };
  return {
    hf,
    value,
    named: (name) => {
      const n = names.get(name);
      if (!n) throw new Error(`No workbook name ${name}`);
      return value(sheetName(n.sheet), n.ref.replace(/\$/g, ""));
    },
    namedRange: (name) => {
      const n = names.get(name);
      if (!n) throw new Error(`No workbook name ${name}`);
      const [from, to] = n.ref.replace(/\$/g, "").split(":");
      const a = cellPosition(from);
      const b = cellPosition(to ?? from);
      const sheet = hf.getSheetId(sheetName(n.sheet))!;
      return hf
        .getRangeValues({ start: { sheet, row: a.row - 1, col: a.col - 1 }, end: { sheet, row: b.row - 1, col: b.col - 1 } })
        .map((r) => r.map(toComputed));
    },
    formulas: () =>
      new Map(
        spec.sheets.map((s) => [
          s.name,
          new Map(s.cells.filter((c) => c.formula !== undefined).map((c) => [c.ref, value(s.name, c.ref)])),
        ]),
      ),
  };
}
