/**
 * `scale-tracker board --in FILLED.xlsx --out board.pdf [--force]` (product.md 12, "Board page"):
 * LibreOffice recalculates a filled tracking workbook and prints its board page, alone, to PDF.
 * LibreOffice is driven through its Python bridge (board-uno.ts); no network. Bad input: a
 * message on stderr, exit code 2, and no file written.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { NAMES } from "../core/template";
import { sheetsOfNames } from "../xlsx/read";
import { BOARD_SCRIPT } from "./board-uno";
import { UsageError, checkOut } from "./files";

export interface BoardCommand {
  in: string;
  out: string;
  force?: boolean;
}

/** What the board needs from the machine: LibreOffice and its Python bridge, with their Debian packages. */
export interface Office {
  readonly soffice: string;
  readonly python: string;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first directory of PATH holding `program`, as `which` finds it. */
function onPath(program: string, searchPath: string): string | undefined {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, program))
    .find(isExecutable);
}

/**
 * soffice on PATH, and a Python 3 that imports uno: Debian's python3-uno installs the bridge for
 * the system's /usr/bin/python3, which a python3 earlier on PATH (pyenv, a virtualenv) lacks.
 */
export function findOffice(env: typeof process.env = process.env): Office {
  const searchPath = env.PATH ?? "";
  const soffice = onPath("soffice", searchPath);
  if (soffice === undefined)
    throw new UsageError(
      "LibreOffice is not installed (no soffice on PATH): the board page is printed by LibreOffice. On Debian or Ubuntu: sudo apt-get install libreoffice-calc python3-uno",
    );
  const python = ["/usr/bin/python3", onPath("python3", searchPath)]
    .filter((p): p is string => p !== undefined && isExecutable(p))
    .find(
      (p) =>
        spawnSync(p, ["-c", "import uno"], { stdio: "ignore", timeout: 30_000 })
          .status === 0,
    );
  if (python === undefined)
    throw new UsageError(
      "LibreOffice's Python bridge is not installed (no python3 can import uno): the board page is printed through it. On Debian or Ubuntu: sudo apt-get install python3-uno",
    );
  return { soffice, python };
}

/** The board's sheet in a tracking workbook, found by its names; refused when it is not one. */
async function boardSheetOf(file: string, given: string): Promise<string> {
  if (!fs.existsSync(file)) throw new UsageError(`--in: no file at ${given}`);
  let sheets: Map<string, string>;
  try {
    sheets = await sheetsOfNames(file, [NAMES.months, NAMES.board]);
  } catch (e) {
    throw new UsageError(
      `--in: ${given} is not an .xlsx workbook that can be read: ${e instanceof Error ? e.message : e}`,
    );
  }
  if (!sheets.has(NAMES.months))
    throw new UsageError(
      `--in: ${given} holds no tracking workbook (it has no ${NAMES.months} name); give a workbook Scale Tracker inserted or exported, with its numbers filled in`,
    );
  const sheet = sheets.get(NAMES.board);
  if (sheet === undefined)
    throw new UsageError(
      `--in: ${given} has no board page (no ${NAMES.board} name: a tracker made before the board existed); rebuild it with \`scale-tracker template --from ${given} --out NEW.xlsx\`, then print NEW.xlsx`,
    );
  return sheet;
}

/**
 * LibreOffice writes the PDF in a folder of its own beside --out, then the PDF is renamed onto
 * --out: a failed or interrupted run leaves no partial PDF there (product.md 10, "Nothing lost").
 */
function printSheet(
  office: Office,
  file: string,
  sheet: string,
  out: string,
): void {
  const folder = fs.mkdtempSync(path.join(path.dirname(out), ".scale-board-"));
  const pdf = path.join(folder, "board.pdf");
  try {
    try {
      execFileSync(
        office.python,
        ["-c", BOARD_SCRIPT, office.soffice, file, pdf, sheet],
        { stdio: ["ignore", "ignore", "pipe"], timeout: 300_000 },
      );
    } catch (e) {
      const said = (e as { stderr?: Buffer }).stderr?.toString().trim();
      throw new UsageError(
        `LibreOffice could not print the board page of ${file}: ${said?.split("\n").pop() || (e instanceof Error ? e.message : e)}`,
      );
    }
    if (!fs.existsSync(pdf))
      throw new UsageError(
        `LibreOffice printed no PDF for the board page of ${file}`,
      );
    fs.renameSync(pdf, out);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export async function printBoard(options: BoardCommand): Promise<string> {
  const out = checkOut(options, ".pdf");
  const file = path.resolve(options.in);
  const sheet = await boardSheetOf(file, options.in);
  printSheet(findOffice(), file, sheet, out);
  return `Wrote ${options.out}: the ${sheet} sheet of ${options.in}, recalculated by LibreOffice.`;
}

/** The `board` command, on the program cli.ts builds. */
export function addBoardCommand(program: Command): void {
  program
    .command("board")
    .description(
      "Print the board page of a filled tracking workbook to PDF: LibreOffice recalculates the workbook and prints that one landscape page.",
    )
    .requiredOption("--in <xlsx>", "the filled tracking workbook")
    .requiredOption("--out <pdf>", "the PDF file to write")
    .option("--force", "replace --out if it exists")
    .addHelpText(
      "after",
      "\nNeeds LibreOffice and its Python bridge (Debian: apt-get install libreoffice-calc python3-uno). Details: docs/command-line.md",
    )
    .action(async (opts: BoardCommand) => {
      console.log(await printBoard(opts));
    });
}
