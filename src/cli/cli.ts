/**
 * `scale-tracker template --out tracking.xlsx [--lang es] [--company Acme] [--currency EUR]
 *  [--first-month 2026-01] [--phases 1,2] [--actuals actuals.csv] [--force]`
 * Exports the tracking workbook without Excel. Bad input: a message on stderr, exit code 2,
 * and no file written.
 */
import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { InfoRecord, parse } from "csv-parse/sync";
import { Language, PHASE_NUMBERS, PhaseNumber } from "../core/catalog";
import { ActualsRow, readActuals } from "../core/actuals";
import { Actual, describeWorkbook } from "../core/template";
import { writeWorkbook } from "../xlsx/write";

export class UsageError extends Error {}

export interface TemplateCommand {
  out: string;
  lang: string;
  company: string;
  currency: string;
  firstMonth: string;
  phases: string;
  actuals?: string;
  force?: boolean;
}

function currentMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

function readLanguage(text: string): Language {
  const lang = text.toLowerCase();
  if (lang === "en" || lang === "es") return lang;
  throw new UsageError(`--lang must be en or es; got "${text}"`);
}

function readPhases(text: string): PhaseNumber[] {
  const phases = text.split(",").map((p) => Number(p.trim()));
  if (
    phases.length === 0 ||
    phases.some((p) => !PHASE_NUMBERS.includes(p as PhaseNumber))
  ) {
    throw new UsageError(
      `--phases must list phases from 1 to 4, such as 1,2; got "${text}"`,
    );
  }
  return [...new Set(phases as PhaseNumber[])].sort();
}

function readFirstMonth(text: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new UsageError(
      `--first-month must be YYYY-MM, such as 2026-01; got "${text}"`,
    );
  return text;
}

function readCurrency(text: string): string {
  if (!/^[A-Za-z]{3}$/.test(text))
    throw new UsageError(
      `--currency must be a three-letter code such as USD or EUR; got "${text}"`,
    );
  return text.toUpperCase();
}

/** The actuals CSV, every bad row reported with its line number. */
export function readActualsCsv(file: string): Actual[] {
  if (!fs.existsSync(file))
    throw new UsageError(`--actuals: no file at ${file}`);
  let records: { record: string[]; info: InfoRecord }[];
  try {
    // One line end, since csv-parse counts a quoted CRLF as two lines; and its types do not
    // model `info: true`, which wraps each record with its position.
    records = parse(fs.readFileSync(file, "utf8").replace(/\r\n?/g, "\n"), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    throw new UsageError(
      `--actuals: ${file} is not valid CSV: ${e instanceof Error ? e.message : e}`,
    );
  }
  // A record starts on the line after the previous one ended (a quoted field may span lines).
  const rows: ActualsRow[] = records.map(({ record }, i) => ({
    line: i === 0 ? 1 : records[i - 1].info.lines + 1,
    cells: record,
  }));
  const result = readActuals(rows);
  if (!result.ok)
    throw new UsageError(
      `--actuals: ${file} has ${result.errors.length} bad row(s); no file was written:\n  ${result.errors.join("\n  ")}`,
    );
  return result.actuals;
}

/** Through a temporary file, so that a failed write leaves no partial workbook behind. */
function writeWhole(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw new UsageError(
      `could not write ${file}: ${e instanceof Error ? e.message : e}`,
    );
  }
}

export async function exportTemplate(
  options: TemplateCommand,
): Promise<string> {
  const out = path.resolve(options.out);
  if (!out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(`--out must name an .xlsx file; got "${options.out}"`);
  if (fs.existsSync(out) && !options.force)
    throw new UsageError(
      `${options.out} already exists; choose another --out or add --force to replace it`,
    );
  if (!fs.existsSync(path.dirname(out)))
    throw new UsageError(
      `the folder of --out does not exist: ${path.dirname(out)}`,
    );
  const spec = describeWorkbook({
    language: readLanguage(options.lang),
    company: options.company,
    currency: readCurrency(options.currency),
    firstMonth: readFirstMonth(options.firstMonth),
    phases: readPhases(options.phases),
    actuals: options.actuals ? readActualsCsv(options.actuals) : undefined,
  });
  writeWhole(out, await writeWorkbook(spec));
  return `Wrote ${options.out}: ${spec.sheets.map((s) => s.name).join(", ")} (${spec.names.length} workbook names, ${spec.rules.length} risk-flag rules).`;
}

export function program(): Command {
  const cmd = new Command("scale-tracker")
    .description("Scale Tracker: the tracking workbook without Excel.")
    .exitOverride();
  cmd
    .command("template")
    .description(
      "Export the tracking workbook (.xlsx) for the four scaling phases.",
    )
    .requiredOption("--out <file>", "the .xlsx file to write")
    .option("--lang <en|es>", "labels language", "en")
    .option("--company <name>", "company name on the dashboard", "My company")
    .option("--currency <code>", "currency code for amounts", "USD")
    .option("--first-month <YYYY-MM>", "first month of phase 1", currentMonth())
    .option("--phases <list>", "phase sheets to include", "1,2,3,4")
    .option(
      "--actuals <csv>",
      "month inputs: metric,phase,month,value (phase R for risk indicators)",
    )
    .option("--force", "replace --out if it exists")
    .action(async (opts: TemplateCommand) => {
      console.log(await exportTemplate(opts));
    });
  return cmd;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    console.error(`scale-tracker: ${e instanceof Error ? e.message : e}`);
    return 2;
  }
}
