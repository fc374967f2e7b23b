/** The Channels sheet (product.md 13). Placeholder: one title cell until its builder lands. */
import { Context } from "./context";
import { SheetSpec } from "./types";

export function channelsSheet(ctx: Context): SheetSpec {
  return {
    key: "channels",
    name: ctx.sheetName("channels"),
    cells: [{ ref: "A1", value: ctx.sheetName("channels"), style: "title" }],
    columnWidths: { A: 30 },
    printLandscape: true,
    fitTo: "width",
  };
}
