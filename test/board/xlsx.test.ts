/**
 * `scale-tracker board`'s refusals (product.md 12, "Board page"; 10, "Nothing lost"): a workbook
 * that is not a tracker, an --out that exists, and a machine without LibreOffice each get a
 * sentence that says what to do, exit code 2, and no PDF. None of them needs LibreOffice.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runInProcess } from "../support/cli-in-process";
import { describeWorkbook } from "../../src/core/template";
import { writeWorkbook } from "../../src/xlsx/write";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scale-board-"));
const at = (name: string) => path.join(tmp, name);

/** The command line in this process: its exit code and what it wrote on stderr. */
async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
  const { status, stderr } = await runInProcess(args);
  return { code: status, stderr };
}

beforeAll(async () => {
  fs.writeFileSync(at("tracker.xlsx"), await writeWorkbook(describeWorkbook({ language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", months: 12 })));
  const other = new ExcelJS.Workbook();
  other.addWorksheet("Sales").getCell("A1").value = "Region";
  await other.xlsx.writeFile(at("sales.xlsx"));
});

test("a workbook that is not a tracker: said so, and no PDF", async () => {
  const { code, stderr } = await run("board", "--in", at("sales.xlsx"), "--out", at("sales.pdf"));
  expect(code).toBe(2);
  expect(stderr).toContain("holds no tracking workbook (it has no Tracking_Months name)");
  expect(fs.existsSync(at("sales.pdf"))).toBe(false);
});

test("an --out that exists is kept unless --force", async () => {
  fs.writeFileSync(at("taken.pdf"), "mine");
  const { code, stderr } = await run("board", "--in", at("tracker.xlsx"), "--out", at("taken.pdf"));
  expect(code).toBe(2);
  expect(stderr).toContain("taken.pdf already exists; choose another --out or add --force to replace it");
  expect(fs.readFileSync(at("taken.pdf"), "utf8")).toBe("mine");
});

test("without LibreOffice: the Debian packages to install, and no PDF", async () => {
  const saved = process.env.PATH;
  process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "scale-empty-path-"));
  try {
    const { code, stderr } = await run("board", "--in", at("tracker.xlsx"), "--out", at("board.pdf"));
    expect(code).toBe(2);
    expect(stderr).toContain("LibreOffice is not installed");
    expect(stderr).toContain("apt-get install libreoffice-calc python3-uno");
  } finally {
    process.env.PATH = saved;
  }
  expect(fs.readdirSync(tmp).filter((f) => f === "board.pdf" || f.startsWith(".scale-board-"))).toEqual([]);
});
