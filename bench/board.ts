/**
 * `scale-tracker board` (product.md 12, "Board page"): how long LibreOffice takes to recalculate a
 * filled 36-month tracking workbook and print its board page to PDF, start to finish, once (each
 * run starts LibreOffice; a median of several would mostly measure the machine's load). Reported as
 * boardPdfMs; an area error names what is missing when LibreOffice or its Python bridge is not there.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { printBoard } from "../src/cli/board";
import { describeWorkbook } from "../src/core/template";
import { writeWorkbook } from "../src/xlsx/write";
import { SCENARIOS } from "../test/support/scenarios";

export async function run(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-bench-board-"));
  try {
    const filled = path.join(dir, "filled.xlsx");
    fs.writeFileSync(filled, await writeWorkbook(describeWorkbook(SCENARIOS[0].options)));
    const t0 = process.hrtime.bigint();
    await printBoard({ in: filled, out: path.join(dir, "board.pdf") });
    return { boardPdfMs: Math.round(Number(process.hrtime.bigint() - t0) / 1e6) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
