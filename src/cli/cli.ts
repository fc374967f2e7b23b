/**
 * `scale-tracker template --out tracking.xlsx [--lang es] [--company Acme] [--currency EUR]
 *  [--first-month 2026-01] [--months 36] [--actuals actuals.csv] [--force]`
 * Exports the tracking workbook without Excel. Bad input: a message on stderr, exit code 2,
 * and no file written.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { InfoRecord, parse } from "csv-parse/sync";
import { Language } from "../core/catalog";
import { TableRow, csvDelimiter, importActuals } from "../core/importer";
import {
  EXCEL_DATES,
  latestFirstMonth,
  parseYearMonth,
  timelineFitsExcel,
} from "../core/months";
import { readWholeText } from "../core/numbers";
import { COMPANY_MAX_CHARACTERS, companyFits } from "../core/company";
import {
  MONTHS,
  TimelineValue,
  describeWorkbook,
  monthsProblem,
} from "../core/template";
import { writeWorkbook } from "../xlsx/write";

export class UsageError extends Error {}

export interface TemplateCommand {
  out: string;
  lang: string;
  company: string;
  currency: string;
  firstMonth?: string;
  months: string;
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

function readCompany(text: string): string {
  if (!companyFits(text))
    throw new UsageError(
      `--company must be 1 to ${COMPANY_MAX_CHARACTERS} characters, as it titles the dashboard; got ${text.trim().length}`,
    );
  return text.trim();
}

function readMonths(text: string): number {
  const read = readWholeText(text.trim());
  const months = read.kind === "number" ? read.value : NaN;
  const problem = monthsProblem(months);
  if (problem)
    throw new UsageError(`--${problem.replace(/got .*$/, `got "${text}"`)}`);
  return months;
}

function readFirstMonth(text: string, months: number): string {
  if (!parseYearMonth(text))
    throw new UsageError(
      `--first-month must be YYYY-MM, such as 2026-01; got "${text}"`,
    );
  if (!timelineFitsExcel(text, months))
    throw new UsageError(
      `--first-month must be from ${EXCEL_DATES.firstMonth} to ${latestFirstMonth(months)}, so that all ${months} months are dates Excel can hold; got "${text}"`,
    );
  return text;
}

/** The timeline that starts at the earliest month of --actuals must fit Excel's dates too. */
function checkActualsTimeline(first: string, months: number): void {
  if (!timelineFitsExcel(first, months))
    throw new UsageError(
      `--actuals starts the timeline at ${first}, so its ${months} months are not all dates Excel can hold (${EXCEL_DATES.firstMonth} to ${EXCEL_DATES.lastMonth}): give a --first-month from ${EXCEL_DATES.firstMonth} to ${latestFirstMonth(months)}, and leave out the months outside its timeline`,
    );
}

function readCurrency(text: string): string {
  if (!/^[A-Za-z]{3}$/.test(text))
    throw new UsageError(
      `--currency must be a three-letter code such as USD or EUR; got "${text}"`,
    );
  return text.toUpperCase();
}

/** The actuals CSV (comma- or semicolon-separated), every bad row reported with its line number. */
export function readActualsCsv(
  file: string,
  months: number,
  firstMonth: string | undefined,
): { values: TimelineValue[]; firstMonth?: string } {
  if (!fs.existsSync(file))
    throw new UsageError(`--actuals: no file at ${file}`);
  const text = fs.readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
  const delimiter = csvDelimiter(text.replace(/^\uFEFF/, "").split("\n")[0]);
  let records: { record: string[]; info: InfoRecord }[];
  try {
    // One line end, since csv-parse counts a quoted CRLF as two lines; and its types do not
    // model `info: true`, which wraps each record with its position.
    records = parse(text, {
      bom: true,
      delimiter,
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
  const rows: TableRow[] = records.map(({ record }, i) => ({
    line: i === 0 ? 1 : records[i - 1].info.lines + 1,
    cells: record,
  }));
  const result = importActuals(rows, {
    months,
    firstMonth,
    decimalComma: delimiter === ";",
  });
  if (!result.ok)
    throw new UsageError(
      `--actuals: ${file} has ${result.errors.length} bad value(s); no file was written:\n  ${result.errors.join("\n  ")}`,
    );
  return {
    firstMonth: result.firstMonth,
    values: result.values.map((v) => ({
      key: v.row.key,
      month: v.month,
      value: v.value,
    })),
  };
}

/** Whether anything is at `file`, a link included (even one to nowhere): never written through. */
const occupied = (file: string) =>
  fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;

/** A temporary name beside `file` that nobody can guess ahead, so nobody can plant a link there. */
const partialName = (file: string) =>
  `${file}.${randomBytes(8).toString("hex")}.partial`;

/**
 * Through a temporary file, so that a failed write leaves no partial workbook behind. The
 * temporary file is created exclusively ("wx": O_CREAT | O_EXCL, which fails on any existing
 * path, a symbolic link included, and never follows one), then renamed over `file`, which
 * replaces whatever name is there (a link itself, not what it points to).
 */
export function writeWhole(
  file: string,
  data: Buffer,
  partial = partialName(file),
): void {
  let created = false;
  try {
    fs.writeFileSync(partial, data, { flag: "wx" });
    created = true;
    fs.renameSync(partial, file);
  } catch (e) {
    if (created) fs.rmSync(partial, { force: true });
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
  if (occupied(out) && !options.force)
    throw new UsageError(
      `${options.out} already exists; choose another --out or add --force to replace it`,
    );
  if (!fs.existsSync(path.dirname(out)))
    throw new UsageError(
      `the folder of --out does not exist: ${path.dirname(out)}`,
    );
  const language = readLanguage(options.lang);
  const company = readCompany(options.company);
  const currency = readCurrency(options.currency);
  const months = readMonths(options.months);
  const given =
    options.firstMonth === undefined
      ? undefined
      : readFirstMonth(options.firstMonth, months);
  const actuals = options.actuals
    ? readActualsCsv(options.actuals, months, given)
    : undefined;
  if (given === undefined && actuals?.firstMonth !== undefined)
    checkActualsTimeline(actuals.firstMonth, months);
  const firstMonth = given ?? actuals?.firstMonth ?? currentMonth();
  const spec = describeWorkbook({
    language,
    company,
    currency,
    firstMonth,
    months,
    actuals: actuals?.values,
  });
  writeWhole(out, await writeWorkbook(spec));
  return `Wrote ${options.out}: ${spec.sheets.map((s) => s.name).join(", ")}; ${months} months from ${firstMonth}${actuals ? `, ${actuals.values.length} values` : ""} (${spec.names.length} workbook names, ${spec.rules.length} risk-flag rules).`;
}

export function program(): Command {
  const cmd = new Command("scale-tracker")
    .description("Scale Tracker: the tracking workbook without Excel.")
    .exitOverride();
  cmd
    .command("template")
    .description(
      "Export the tracking workbook (.xlsx): one monthly timeline through the four scaling phases.",
    )
    .requiredOption("--out <file>", "the .xlsx file to write")
    .option("--lang <en|es>", "labels language", "en")
    .option("--company <name>", "company name on the dashboard", "My company")
    .option("--currency <code>", "currency code for amounts", "USD")
    .option(
      "--first-month <YYYY-MM>",
      "the timeline's first month (default: the earliest month of --actuals, else this month)",
    )
    .option(
      "--months <n>",
      `the timeline's length, ${MONTHS.min} to ${MONTHS.max}`,
      String(MONTHS.default),
    )
    .option(
      "--actuals <csv>",
      "monthly values: metric,month,value (long) or metric,2026-01,2026-02,... (wide); comma or semicolon",
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
