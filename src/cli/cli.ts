/**
 * `scale-tracker template --out tracking.xlsx [--lang es] [--company Acme] [--currency EUR]
 *  [--first-month 2026-01] [--months 36] [--actuals actuals.csv] [--budget budget.csv]
 *  [--map "Label=id" ...] [--force]`
 * Exports the tracking workbook without Excel. Bad input: a message on stderr, exit code 2,
 * and no file written. Unusual values in --actuals or --budget: written, and a warning each on
 * stderr.
 * `--from OLD.xlsx [--drop-outside]` rebuilds a filled tracking workbook with the options given
 * (the old workbook's where none is given), carrying the user's data (docs/rebuild.md).
 */
import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { InfoRecord, parse } from "csv-parse/sync";
import { isBlank } from "../core/cell";
import {
  TableRow,
  csvDelimiter,
  importActuals,
  measureNamed,
} from "../core/importer";
import {
  EXCEL_DATES,
  defaultFirstMonth,
  latestFirstMonth,
  timelineFitsExcel,
} from "../core/months";
import { INPUT_MESSAGES_EN } from "../core/messages-input";
import {
  carriedSentences,
  cannotCarry,
  monthsApartRefusal,
  describeWithUserData,
  droppedLines,
  optionsFromTracker,
} from "../core/rebuild";
import {
  GivenOptions,
  INSERT_DEFAULTS,
  defaultCompany,
  InsertOption,
  MONTHS,
  NAMES,
  ReadOptions,
  TemplateOptions,
  TimelineValue,
  validateInsertOptions,
} from "../core/template";
import { TrackerData, readTrackerData } from "../core/tracker-data";
import { readTrackerFile } from "../xlsx/read";
import { writeWorkbook } from "../xlsx/write";
import { addBoardCommand } from "./board";
import { decodeCsv } from "./decode";
import { UsageError, checkOut, writeWhole } from "./files";

export { UsageError, writeWhole };

/** Options as given; where one is missing, the default (or with --from, the old workbook's). */
export interface TemplateCommand {
  out: string;
  lang?: string;
  company?: string;
  currency?: string;
  firstMonth?: string;
  months?: string;
  actuals?: string;
  /** The budget, a file read as --actuals is, onto the Budget sheet (product.md 12). */
  budget?: string;
  /** A filled tracking workbook to rebuild. */
  from?: string;
  /** With --from: write the new workbook without the values its timeline cannot hold. */
  dropOutside?: boolean;
  /** Repeatable `--map "Label=id"`: a label of --actuals or --budget read as the measure the id names. */
  map?: string[];
  force?: boolean;
}

/** What the export did besides writing: rows it skipped (stdout) and unusual values (stderr). */
export interface ExportReport {
  readonly summary: string;
  readonly skipped: readonly string[];
  readonly warnings: readonly string[];
}

/** The options as the command line names them in its messages. */
const OPTION_NAMES: Readonly<Record<InsertOption, string>> = {
  language: "--lang",
  company: "--company",
  currency: "--currency",
  firstMonth: "--first-month",
  months: "--months",
};

/** The options given, checked as the pane checks them (template/options.ts); the first problem in `order` is refused. */
function readOptions(
  given: GivenOptions,
  order: readonly InsertOption[],
): ReadOptions {
  const { options, problems } = validateInsertOptions(given, {
    names: OPTION_NAMES,
  });
  const problem = order.map((o) => problems[o]).find((p) => p !== undefined);
  if (problem !== undefined) throw new UsageError(problem);
  return options;
}

/** The CSV options that read monthly values onto the timeline: the same reader, each named in its messages. */
type ValuesOption = "--actuals" | "--budget";

/** The timeline that starts at the earliest month of --actuals (or of --budget) must fit Excel's dates too. */
function checkActualsTimeline(
  first: string,
  months: number,
  option: ValuesOption,
): void {
  if (!timelineFitsExcel(first, months))
    throw new UsageError(
      `${option} starts the timeline at ${first}, so its ${months} months are not all dates Excel can hold (${EXCEL_DATES.firstMonth} to ${EXCEL_DATES.lastMonth}): give a --first-month from ${EXCEL_DATES.firstMonth} to ${latestFirstMonth(months)}, and leave out the months outside its timeline`,
    );
}

/**
 * `--map "Label=id"` options -> label -> id. The label is everything before the last "=" (a
 * label may hold one; an id never does); the id must name a measure, as the lookup reads ids.
 */
export function readMap(maps: readonly string[]): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const given of maps) {
    const cut = given.lastIndexOf("=");
    const label = given.slice(0, cut).trim();
    const id = given.slice(cut + 1).trim();
    if (cut < 0 || isBlank(label) || isBlank(id))
      throw new UsageError(
        `--map must be "Label=id", such as --map "Ventas recurrentes=mrr"; got "${given}"`,
      );
    const measure = measureNamed(id);
    if (typeof measure === "string")
      throw new UsageError(`--map "${given}": ${measure}`);
    const key = label.toLowerCase();
    const earlier = [...mapping.keys()].find((l) => l.toLowerCase() === key);
    if (earlier !== undefined && mapping.get(earlier) !== id)
      throw new UsageError(
        `--map gives "${label}" twice (${mapping.get(earlier)} and ${id}); keep one`,
      );
    mapping.set(label, id);
  }
  return mapping;
}

/** The file's text in whichever encoding it was saved (decode.ts), with one line end. */
function readCsvText(file: string, option: ValuesOption): string {
  const { text, encoding } = decodeCsv(fs.readFileSync(file));
  // UTF-16 without a byte order mark reads as UTF-8 or Windows-1252 with a NUL beside every ASCII letter.
  if (!encoding.startsWith("utf-16") && text.includes("\u0000"))
    throw new UsageError(
      `${option}: ${file} looks like UTF-16 without a byte order mark; save it as CSV UTF-8 or as Unicode text`,
    );
  return text.replace(/\r\n?/g, "\n");
}

/**
 * The actuals (or the budget) CSV, comma- or semicolon-separated, every bad row reported with its
 * line number; `option` names the file in every message.
 */
export function readActualsCsv(
  option: ValuesOption,
  file: string,
  months: number,
  firstMonth: string | undefined,
  mapping: ReadonlyMap<string, string> = new Map(),
): {
  values: TimelineValue[];
  firstMonth?: string;
  skipped: string[];
  warnings: string[];
} {
  if (!fs.existsSync(file))
    throw new UsageError(`${option}: no file at ${file}`);
  const text = readCsvText(file, option);
  const delimiter = csvDelimiter(text.split("\n")[0]);
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
      `${option}: ${file} is not valid CSV: ${e instanceof Error ? e.message : e}`,
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
    mapping,
    // The budget holds Tracking's rows only: a Departments or Channels row there is refused.
    into: option === "--budget" ? "budget" : "actuals",
  });
  if (!result.ok)
    throw new UsageError(
      `${option}: ${file} has ${result.errors.length} bad value(s); no file was written:\n  ${result.errors.join("\n  ")}`,
    );
  return {
    firstMonth: result.firstMonth,
    values: result.values.map((v) => ({
      key: v.row.key,
      month: v.month,
      value: v.value,
    })),
    skipped: result.skipped.map((s) => s.message),
    warnings: result.warnings.map((w) => w.message),
  };
}

export async function exportTemplate(
  options: TemplateCommand,
): Promise<ExportReport> {
  const out = checkOut(options, ".xlsx");
  if (options.from !== undefined) return rebuildFrom(options, out);
  if (options.dropOutside)
    throw new UsageError(
      "--drop-outside goes with --from: it drops the values of the old workbook the new timeline cannot hold",
    );
  const read = readOptions(
    {
      language: options.lang ?? INSERT_DEFAULTS.language,
      company: options.company ?? defaultCompany(options.lang),
      currency: options.currency ?? INSERT_DEFAULTS.currency,
      months: options.months ?? String(INSERT_DEFAULTS.months),
      firstMonth: options.firstMonth,
    },
    ["language", "company", "currency", "months", "firstMonth"],
  );
  // Given (a default where the user gave none) and not refused, so read.
  const language = read.language!;
  const company = read.company!;
  const currency = read.currency!;
  const months = read.months!;
  const given = read.firstMonth;
  const mapping = readMap(options.map ?? []);
  if (mapping.size > 0 && !options.actuals && !options.budget)
    throw new UsageError(
      "--map names labels of the --actuals or --budget file: give one of them too",
    );
  const actuals = options.actuals
    ? readActualsCsv("--actuals", options.actuals, months, given, mapping)
    : undefined;
  if (given === undefined && actuals?.firstMonth !== undefined)
    checkActualsTimeline(actuals.firstMonth, months, "--actuals");
  // The budget goes on the timeline the actuals set; it sets the timeline only where nothing else does.
  const timelineStart = given ?? actuals?.firstMonth;
  const budget = options.budget
    ? readActualsCsv("--budget", options.budget, months, timelineStart, mapping)
    : undefined;
  if (timelineStart === undefined && budget?.firstMonth !== undefined)
    checkActualsTimeline(budget.firstMonth, months, "--budget");
  const firstMonth = timelineStart ?? budget?.firstMonth ?? defaultFirstMonth();
  const { spec } = describeWithUserData({
    language,
    company,
    currency,
    firstMonth,
    months,
    actuals: actuals?.values,
    budget: budget?.values,
  });
  writeWhole(out, await writeWorkbook(spec));
  const budgetSaid = (lines: readonly string[] = []) =>
    lines.map((l) => `--budget: ${l}`);
  return {
    summary: `Wrote ${options.out}: ${spec.sheets.map((s) => s.name).join(", ")}; ${months} months from ${firstMonth}${actuals ? `, ${actuals.values.length} values` : ""}${budget ? `, ${budget.values.length} budget values` : ""} (${spec.names.length} workbook names, ${spec.rules.length} risk-flag rules).`,
    skipped: [...(actuals?.skipped ?? []), ...budgetSaid(budget?.skipped)],
    warnings: [...(actuals?.warnings ?? []), ...budgetSaid(budget?.warnings)],
  };
}

/** The old workbook's data, read by its names; refused when it has no tracker. */
async function readOldTracker(from: string): Promise<TrackerData> {
  const file = path.resolve(from);
  if (!fs.existsSync(file)) throw new UsageError(`--from: no file at ${from}`);
  let cells;
  try {
    cells = await readTrackerFile(file);
  } catch (e) {
    throw new UsageError(
      `--from: ${from} is not an .xlsx workbook that can be read: ${e instanceof Error ? e.message : e}`,
    );
  }
  if (!cells.named.has(NAMES.months))
    throw new UsageError(
      `--from: ${from} holds no tracking workbook (it has no ${NAMES.months} name); give a workbook Scale Tracker inserted or exported`,
    );
  return readTrackerData(cells);
}

/**
 * `--from OLD.xlsx`: the old workbook's data in a new workbook with the options given, the old
 * workbook's options where none is given. What the new timeline cannot hold is listed and the
 * command refuses, unless --drop-outside says to drop it (product.md 11).
 */
async function rebuildFrom(
  options: TemplateCommand,
  out: string,
): Promise<ExportReport> {
  if (
    options.actuals !== undefined ||
    options.budget !== undefined ||
    options.map?.length
  )
    throw new UsageError(
      "--from carries the old workbook's own values and budget: give --actuals or --budget (and --map) to an export without --from",
    );
  const data = await readOldTracker(options.from!);
  const apart = monthsApartRefusal(data.monthsApart, "en", true);
  if (apart) throw new UsageError(`--from: ${apart}; no file was written`);
  const old = optionsFromTracker(data);
  const given = {
    months: options.months ?? String(old.months),
    firstMonth: options.firstMonth,
  };
  const timeline = readOptions(given, ["months", "firstMonth"]);
  const months = timeline.months!;
  const firstMonth = timeline.firstMonth ?? old.firstMonth!;
  if (!timelineFitsExcel(firstMonth, months))
    throw new UsageError(
      `the old workbook's timeline starts at ${firstMonth}, so ${months} months are not all dates Excel can hold: give a --first-month from ${EXCEL_DATES.firstMonth} to ${latestFirstMonth(months)}`,
    );
  const rest = readOptions(
    {
      language: options.lang ?? old.language ?? INSERT_DEFAULTS.language,
      company:
        options.company ??
        old.company ??
        defaultCompany(options.lang ?? old.language),
      currency: options.currency ?? old.currency ?? INSERT_DEFAULTS.currency,
    },
    ["language", "company", "currency"],
  );
  const settings: TemplateOptions = {
    language: rest.language!,
    company: rest.company!,
    currency: rest.currency!,
    firstMonth,
    months,
  };
  const { spec, dropped, carried } = describeWithUserData(settings, data);
  const lines = droppedLines(dropped, "en");
  if (dropped.length && !options.dropOutside)
    throw new UsageError(
      `${cannotCarry(dropped, firstMonth, months, "en")}; no file was written. To write it, ${INPUT_MESSAGES_EN.rebuild.dropOption}:\n  ${lines.join("\n  ")}`,
    );
  writeWhole(out, await writeWorkbook(spec));
  return {
    summary: [
      `Rebuilt ${options.from} as ${options.out}: ${spec.sheets.map((s) => s.name).join(", ")}; ${months} months from ${firstMonth}.`,
      ...carriedSentences(carried, "en"),
    ].join("\n"),
    skipped: [],
    warnings: lines.map((l) => `dropped: ${l}`),
  };
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
    .option("--lang <en|es>", 'labels language (default: "en")')
    .option(
      "--company <name>",
      'company name on the dashboard (default: "My company", in Spanish "Mi empresa")',
    )
    .option("--currency <code>", 'currency code for amounts (default: "USD")')
    .option(
      "--first-month <YYYY-MM>",
      "the timeline's first month (default: the earliest month of --actuals, else twelve months before this one, so this month is month 13)",
    )
    .option(
      "--months <n>",
      `the timeline's length, ${MONTHS.min} to ${MONTHS.max} (default: ${MONTHS.default})`,
    )
    .option(
      "--actuals <csv>",
      "monthly values (Tracking's rows, and the Departments and Channels sheets' typed rows such as sales.win_rate or channel.paid_advertising.spend): metric,month,value (long), or a label or nothing then one column per month " +
        "(wide: metric,2026-01,... or KPI,Jan 2026,...; title rows, empty rows and Total rows skipped); " +
        "comma or semicolon; UTF-8, UTF-16 or Windows-1252. Details: docs/import.md",
    )
    .option(
      "--budget <csv>",
      "the budget, month by month, onto the Budget sheet (Tracking's rows only): a file as --actuals takes (the same forms, --map too), placed on the timeline --first-month or --actuals sets. Details: docs/import.md",
    )
    .option(
      "--map <label=id>",
      'read a row label of --actuals or --budget as a measure, such as --map "Ventas recurrentes=mrr" (repeatable)',
      (given: string, earlier: string[] = []) => [...earlier, given],
    )
    .option(
      "--from <xlsx>",
      "rebuild this filled tracking workbook with the options given: its typed values by calendar month (Tracking's, the budget's, the Departments and Channels sheets'), numbers typed over computed cells, the Departments, Channels and Tools sheets' single inputs, threshold edits, plan entries, reporting month and minimum share are carried; options not given are the old workbook's (first month, months, company, language, currency). Details: docs/rebuild.md",
    )
    .option(
      "--drop-outside",
      "with --from: write the new workbook without the values its timeline cannot hold (listed on stderr); without it the command lists them and writes nothing",
    )
    .option("--force", "replace --out if it exists")
    .addHelpText(
      "after",
      "\nA value at least 10 times, or at most a tenth of, both its neighbours in its row is written, with a warning on stderr.",
    )
    .action(async (opts: TemplateCommand) => {
      const report = await exportTemplate(opts);
      console.log([report.summary, ...report.skipped].join("\n"));
      for (const w of report.warnings)
        console.error(`scale-tracker: warning: ${w}`);
    });
  addBoardCommand(cmd);
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
