/** The Departments sheet (product.md 13). Placeholder: one title cell until its builder lands. */
import { Context } from "./context";
import { SheetSpec } from "./types";

export function departmentsSheet(ctx: Context): SheetSpec {
  return {
    key: "departments",
    name: ctx.sheetName("departments"),
    cells: [{ ref: "A1", value: ctx.sheetName("departments"), style: "title" }],
    columnWidths: { A: 30 },
    printLandscape: true,
    fitTo: "width",
  };
}
