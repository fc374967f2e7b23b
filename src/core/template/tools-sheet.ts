/** The Tools sheet (product.md 13). Placeholder: one title cell until its builder lands. */
import { Context } from "./context";
import { SheetSpec } from "./types";

export function toolsSheet(ctx: Context): SheetSpec {
  return {
    key: "tools",
    name: ctx.sheetName("tools"),
    cells: [{ ref: "A1", value: ctx.sheetName("tools"), style: "title" }],
    columnWidths: { A: 30 },
    printLandscape: true,
    fitTo: "width",
  };
}
