/**
 * Inserts the tracking workbook into the open workbook with Office.js: one sync to see what is
 * there, one to write everything. Never overwrites: taken sheet and table names get free ones,
 * existing workbook names are left alone (except template names a deleted template left broken,
 * which the new template takes over). On failure, what was created is deleted again, and what
 * Excel would not let go of is reported (InsertIncompleteError) for the pane to remove later.
 */
import {
  CellSpec,
  CellStyle,
  ChartSpec,
  SheetKey,
  SheetSpec,
  TEMPLATE_LABELS,
  WorkbookSpec,
  cellPosition,
  columnLetter,
  columnPoints,
  listSource,
} from "../../core/template";
import { describeWithUserData } from "../../core/rebuild";
import { STYLES, TABLE_STYLE } from "../../core/template/styles";
import {
  InsertIncompleteError,
  InsertLeft,
  WorkbookError,
  nothingLeft,
  toWorkbookError,
} from "../errors";
import { quoted } from "../refresh/plan";
import { addRules } from "../rules";

export interface InsertOptions {
  language: "en" | "es";
  company: string;
  currency: string;
  /** YYYY-MM */
  firstMonth: string;
  /** The timeline's length; default MONTHS.default. */
  months?: number;
}

export interface InsertedSheet {
  key: string;
  name: string;
  renamed: boolean;
}

export interface InsertResult {
  sheets: InsertedSheet[];
  dashboardSheet: string;
  /** Workbook names that already existed and were left as they were. */
  skippedNames: string[];
  syncs: number;
}

/**
 * Excel needs at least this API set for everything the template uses: validation, charts, and
 * from 1.9 colour rules over several areas (RangeAreas) and the page layout.
 */
export const REQUIRED_API = { set: "ExcelApi", version: "1.9" } as const;

/** Refuses, before anything is read or written, a host without REQUIRED_API (insert and rebuild). */
export function refuseUnsupportedHost(): void {
  if (
    typeof Office !== "undefined" &&
    Office.context?.requirements &&
    !Office.context.requirements.isSetSupported(
      REQUIRED_API.set,
      REQUIRED_API.version,
    )
  )
    throw new WorkbookError("apiNotSupported");
}

/** One sync reads the workbook's sheet, name and table names; one writes the template. */
const INSERT_SYNCS = 2;

/** `name`, or `name (2)`, `name (3)`, ... whichever is free (Excel compares sheet names case-insensitively). */
export function freeName(
  name: string,
  taken: ReadonlySet<string>,
  separator = " ",
): string {
  const isTaken = (n: string) => taken.has(n.toLowerCase());
  if (!isTaken(name)) return name;
  for (let k = 2; ; k++) {
    const suffix = separator === " " ? ` (${k})` : `${k}`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!isTaken(candidate)) return candidate;
  }
}

interface Block {
  readonly topLeft: string;
  readonly formulas: (string | number | boolean | null)[][];
  readonly numberFormats: (string | null)[][];
}

/** What Excel should receive for one described cell: a formula, a number, or text kept as text. */
export function cellInput(c: CellSpec): string | number | boolean | null {
  if (c.formula !== undefined) return `=${c.formula}`;
  if (typeof c.value === "string") return `'${c.value}`;
  return c.value ?? null;
}

/** A sheet's cells as one rectangle of formulas and number formats; null leaves a cell as it is. */
export function sheetBlock(sheet: SheetSpec): Block {
  const cells = sheet.cells.map((c) => ({ c, ...cellPosition(c.ref) }));
  const rows = Math.max(...cells.map((x) => x.row));
  const cols = Math.max(...cells.map((x) => x.col));
  const formulas = Array.from({ length: rows }, () =>
    Array<string | number | boolean | null>(cols).fill(null),
  );
  const numberFormats = Array.from({ length: rows }, () =>
    Array<string | null>(cols).fill(null),
  );
  for (const { c, row, col } of cells) {
    formulas[row - 1][col - 1] = cellInput(c);
    if (c.numberFormat) numberFormats[row - 1][col - 1] = c.numberFormat;
  }
  return { topLeft: "A1", formulas, numberFormats };
}

/**
 * The described cells of each style as rectangles: runs of consecutive cells in a row, then runs
 * with the same columns on consecutive rows merged, so a style takes a few dozen areas, not a call per cell.
 */
export function styleAreas(sheet: SheetSpec): Map<CellStyle, string[]> {
  const byStyle = new Map<CellStyle, Map<number, number[]>>();
  for (const c of sheet.cells) {
    if (!c.style) continue;
    const { row, col } = cellPosition(c.ref);
    const rows = byStyle.get(c.style) ?? new Map<number, number[]>();
    const cols = rows.get(row) ?? [];
    cols.push(col);
    rows.set(row, cols);
    byStyle.set(c.style, rows);
  }
  const areas = new Map<CellStyle, string[]>();
  for (const [style, rows] of byStyle) {
    // Row runs as [first column, last column] per row.
    const open = new Map<string, { top: number; bottom: number }>();
    const done: string[] = [];
    const close = (key: string, box: { top: number; bottom: number }) => {
      const [c1, c2] = key.split(":").map(Number);
      done.push(
        `${columnLetter(c1)}${box.top}:${columnLetter(c2)}${box.bottom}`,
      );
    };
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = rows.get(row)!.sort((a, b) => a - b);
      const runs: string[] = [];
      let start = cols[0];
      cols.forEach((col, i) => {
        if (cols[i + 1] !== col + 1) {
          runs.push(`${start}:${col}`);
          start = cols[i + 1];
        }
      });
      for (const [key, box] of open)
        if (!runs.includes(key) || box.bottom !== row - 1) {
          close(key, box);
          open.delete(key);
        }
      for (const key of runs) {
        const box = open.get(key);
        if (box) box.bottom = row;
        else open.set(key, { top: row, bottom: row });
      }
    }
    for (const [key, box] of open) close(key, box);
    areas.set(style, done);
  }
  return areas;
}

/** Excel takes a RangeAreas address of limited length: style areas go in groups of this many. */
const AREAS_PER_CALL = 150;

function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  const s = STYLES[style];
  if (s.bold) format.font.bold = true;
  if (s.italic) format.font.italic = true;
  if (s.size) format.font.size = s.size;
  if (s.color) format.font.color = s.color;
  if (s.fill) format.fill.color = s.fill;
  if (s.center) format.horizontalAlignment = Excel.HorizontalAlignment.center;
}

/** Consecutive columns of one width as one range: a timeline's months take one call, not one each. */
export function widthRuns(
  widths: Readonly<Record<string, number>>,
): { from: string; to: string; width: number }[] {
  const columns = Object.entries(widths)
    .map(([letter, width]) => ({ col: cellPosition(`${letter}1`).col, width }))
    .sort((a, b) => a.col - b.col);
  const runs: { first: number; last: number; width: number }[] = [];
  for (const { col, width } of columns) {
    const run = runs[runs.length - 1];
    if (run && run.last === col - 1 && run.width === width) run.last = col;
    else runs.push({ first: col, last: col, width });
  }
  return runs.map((r) => ({
    from: columnLetter(r.first),
    to: columnLetter(r.last),
    width: r.width,
  }));
}

/** Orientation, fit, print area and titles, page breaks: as the .xlsx writer's page setup. */
function writePageLayout(sheet: Excel.Worksheet, spec: SheetSpec): void {
  const layout = sheet.pageLayout;
  if (spec.printLandscape) layout.orientation = Excel.PageOrientation.landscape;
  layout.zoom =
    spec.fitTo === "width"
      ? { horizontalFitToPages: 1 }
      : { verticalFitToPages: 1 };
  if (spec.printArea) layout.setPrintArea(spec.printArea);
  if (spec.printTitles) {
    layout.setPrintTitleRows(spec.printTitles.rows);
    layout.setPrintTitleColumns(spec.printTitles.columns);
  }
  for (const row of spec.pageBreaks ?? [])
    sheet.horizontalPageBreaks.add(`A${row + 1}`);
}

/**
 * Range.group and hideGroupDetails need ExcelApi 1.10 (every host the other declared sets allow
 * has it: Windows Version 1907, Mac 16.30). Where a host lacks it the columns stay visible, to
 * the right of the freeze, which product.md 10 allows too.
 */
const canGroup = () =>
  typeof Office === "undefined" ||
  !Office.context?.requirements ||
  Office.context.requirements.isSetSupported("ExcelApi", "1.10");

function writeSheet(sheet: Excel.Worksheet, spec: SheetSpec): void {
  const block = sheetBlock(spec);
  const range = sheet.getRangeByIndexes(
    0,
    0,
    block.formulas.length,
    block.formulas[0].length,
  );
  range.numberFormat = block.numberFormats as string[][];
  range.formulas = block.formulas as string[][];
  for (const [style, areas] of styleAreas(spec))
    for (let k = 0; k < areas.length; k += AREAS_PER_CALL)
      applyStyle(
        sheet.getRanges(areas.slice(k, k + AREAS_PER_CALL).join(", ")).format,
        style,
      );
  for (const { from, to, width } of widthRuns(spec.columnWidths))
    sheet.getRange(`${from}:${to}`).format.columnWidth = columnPoints(width);
  if (spec.collapsedColumns && canGroup()) {
    const details = sheet.getRange(
      `${spec.collapsedColumns.from}:${spec.collapsedColumns.to}`,
    );
    details.group(Excel.GroupOption.byColumns);
    details.hideGroupDetails(Excel.GroupOption.byColumns);
  }
  for (const row of spec.hiddenRows ?? [])
    sheet.getRange(`${row}:${row}`).rowHidden = true;
  if (spec.freeze && spec.freeze.columns > 0) {
    sheet.freezePanes.freezeAt(
      sheet.getRange(
        `A1:${columnLetter(spec.freeze.columns)}${spec.freeze.rows}`,
      ),
    );
  } else if (spec.freeze && spec.freeze.rows > 0) {
    sheet.freezePanes.freezeRows(spec.freeze.rows);
  }
  writePageLayout(sheet, spec);
}

/** Each described sheet's cells by reference, made once per description (a chart asks per series). */
const cellsByRef = new WeakMap<SheetSpec, Map<string, CellSpec>>();

/** Whether the description puts anything (a value or a formula) in a range of a sheet. */
function holdsCells(
  spec: WorkbookSpec,
  sheet: SheetKey,
  range: string,
): boolean {
  const described = spec.sheets.find((s) => s.key === sheet)!;
  if (!cellsByRef.has(described))
    cellsByRef.set(described, new Map(described.cells.map((c) => [c.ref, c])));
  const cells = cellsByRef.get(described)!;
  const [a, b = a] = range.replace(/\$/g, "").split(":").map(cellPosition);
  for (let row = a.row; row <= b.row; row++)
    for (let col = a.col; col <= b.col; col++) {
      const c = cells.get(`${columnLetter(col)}${row}`);
      if (c && (c.formula !== undefined || (c.value ?? "") !== "")) return true;
    }
  return false;
}

/**
 * A described chart: lines over the months (series by rows) or bars over the metrics (by
 * columns). Excel makes no series from empty cells (product.md section 10: an input row is empty
 * on insert), so the chart is made from the first series whose cells the description fills, and
 * the others are added at their places (ChartSeriesCollection.add(name, index), ExcelApi 1.7).
 */
function addChart(
  sheet: Excel.Worksheet,
  data: Excel.Worksheet,
  c: ChartSpec,
  spec: WorkbookSpec,
): void {
  const line = c.kind === "line";
  const source = Math.max(
    0,
    c.series.findIndex((s) => holdsCells(spec, c.dataSheet, s.values)),
  );
  const chart = sheet.charts.add(
    line ? Excel.ChartType.line : Excel.ChartType.barClustered,
    data.getRange(c.series[source].values),
    line ? Excel.ChartSeriesBy.rows : Excel.ChartSeriesBy.columns,
  );
  chart.title.text = c.title;
  chart.setPosition(c.from, c.to);
  const categories = data.getRange(c.categories);
  // Series go in order: when the k-th is set, the ones before it are in place, so the chart's own
  // series (made first, at the top) has been moved down to index k.
  c.series.forEach((s, k) => {
    const series =
      k === source ? chart.series.getItemAt(k) : chart.series.add(s.name, k);
    series.name = s.name;
    if (k !== source) series.setValues(data.getRange(s.values));
    series.setXAxisValues(categories);
    // The phase targets (every series after the first): dashed, as in the .xlsx.
    if (line && k > 0) series.format.line.lineStyle = Excel.ChartLineStyle.dash;
  });
  const axis = chart.axes.valueAxis;
  axis.numberFormat = c.valueAxis.numberFormat;
  if (c.valueAxis.min !== undefined) axis.minimum = c.valueAxis.min;
  if (c.valueAxis.max !== undefined) axis.maximum = c.valueAxis.max;
  if (c.valueAxis.logBase !== undefined) axis.logBase = c.valueAxis.logBase;
  if (c.dateFormat) chart.axes.categoryAxis.numberFormat = c.dateFormat;
  // "Show data in hidden rows and columns" (off by default): the chart's data is in hidden rows.
  if (c.plotsHiddenCells) chart.plotVisibleOnly = false;
}

/** What the workbook holds before inserting; names are lower case, as Excel compares them. */
export interface Existing {
  sheets: ReadonlySet<string>;
  /** Defined names and table names: Excel keeps both in one namespace. */
  names: ReadonlySet<string>;
  /**
   * Template names left broken (#REF!) by a template whose sheets were deleted, with their
   * formula: the new template takes them over, and a failed insert puts them back.
   */
  stale: ReadonlyMap<string, string>;
}

/** The workbook's sheets and names as read, for a rebuild to find the tracker in. */
export interface Listed {
  readonly sheets: readonly { readonly name: string; readonly id: string }[];
  readonly names: readonly {
    readonly name: string;
    readonly type: string;
    readonly formula: string;
  }[];
}

/** Reads what is there (one sync); refuses, before anything is written, a workbook Excel would not let us change. */
export async function readExisting(
  context: Excel.RequestContext,
): Promise<Existing & { readonly listed: Listed }> {
  const workbook = context.workbook.load("readOnly");
  const protection = context.workbook.protection.load("protected");
  const sheets = context.workbook.worksheets.load("items/name,items/id");
  const names = context.workbook.names.load(
    "items/name,items/type,items/formula",
  );
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  if (workbook.readOnly) throw new WorkbookError("readOnly");
  if (protection.protected)
    throw new WorkbookError(
      "protected",
      "The workbook's structure is protected: sheets cannot be added.",
    );
  const lower = (items: { name: string }[]) =>
    items.map((i) => i.name.toLowerCase());
  const stale = new Map(
    names.items
      .filter((n) => n.type === Excel.NamedItemType.error)
      .map((n) => [n.name.toLowerCase(), n.formula] as const),
  );
  return {
    sheets: new Set(lower(sheets.items)),
    names: new Set([...lower(names.items), ...lower(tables.items)]),
    stale,
    listed: {
      sheets: sheets.items.map((s) => ({ name: s.name, id: s.id })),
      names: names.items.map((n) => ({
        name: n.name,
        type: n.type,
        formula: n.formula,
      })),
    },
  };
}

/** Queues every operation of the description; no sync. Returns the sheets and tables (by their described names) it adds. */
export function queueWorkbook(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  existing: Existing,
): {
  skippedNames: string[];
  sheets: ReadonlyMap<SheetKey, Excel.Worksheet>;
  /** By described name: the table, and the name it got (another where that one was taken). */
  tables: ReadonlyMap<string, { table: Excel.Table; name: string }>;
} {
  const sheets = new Map<SheetKey, Excel.Worksheet>();
  for (const s of spec.sheets) {
    const sheet = context.workbook.worksheets.add(s.name);
    sheets.set(s.key, sheet);
    writeSheet(sheet, s);
  }
  const ours = new Set(spec.names.map((n) => n.name.toLowerCase()));
  const replaceable = (name: string) =>
    existing.stale.has(name) && ours.has(name);
  const taken = new Set([...existing.names].filter((n) => !replaceable(n)));
  const tables = new Map<string, { table: Excel.Table; name: string }>();
  for (const t of spec.tables) {
    const table = sheets.get(t.sheet)!.tables.add(t.ref, true);
    const name = freeName(t.name, taken, "");
    table.name = name;
    taken.add(name.toLowerCase());
    table.style = TABLE_STYLE;
    tables.set(t.name, { table, name });
  }
  const skippedNames: string[] = [];
  for (const n of spec.names) {
    const key = n.name.toLowerCase();
    if (taken.has(key)) {
      skippedNames.push(n.name);
      continue;
    }
    if (replaceable(key)) context.workbook.names.getItem(n.name).delete();
    context.workbook.names.add(
      n.name,
      sheets.get(n.sheet)!.getRange(n.ref),
      n.comment,
    );
  }
  addRules(spec.rules, (r) => sheets.get(r.sheet)!);
  for (const v of spec.validations) {
    const validation = sheets.get(v.sheet)!.getRange(v.ref).dataValidation;
    validation.rule =
      v.kind === "decimal"
        ? {
            decimal: {
              formula1: v.min,
              formula2: v.max,
              operator: Excel.DataValidationOperator.between,
            },
          }
        : v.kind === "list"
          ? { list: { inCellDropDown: true, source: listSource(v.values) } }
          : {
              date: {
                formula1: "1900-01-01",
                operator: Excel.DataValidationOperator.greaterThan,
              },
            };
    validation.errorAlert = {
      message: v.message,
      showAlert: true,
      style: Excel.DataValidationAlertStyle.stop,
      title: "Scale Tracker",
    };
  }
  for (const c of spec.charts)
    addChart(sheets.get(c.sheet)!, sheets.get(c.dataSheet)!, c, spec);
  sheets.get("dashboard")?.activate();
  return { skippedNames, sheets, tables };
}

/** Reads the workbook's sheets (with ids) and names (with formulas) in one sync. */
async function readSheetsAndNames(context: Excel.RequestContext): Promise<{
  sheets: readonly { name: string; id: string }[];
  names: ReadonlyMap<string, { name: string; formula: string }>;
}> {
  const sheets = context.workbook.worksheets.load("items/name,items/id");
  const names = context.workbook.names.load("items/name,items/formula");
  await context.sync();
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, id: s.id })),
    names: new Map(
      names.items.map((n) => [
        n.name.toLowerCase(),
        { name: n.name, formula: n.formula },
      ]),
    ),
  };
}

/**
 * What an insert that stopped part-way may have added: the template's sheets (their names were
 * free when it began) and the template's names that were free or stale then. Stale names
 * (#REF!) are the insert's to take over, so one whose formula changed is the insert's.
 */
function insertedBy(spec: WorkbookSpec, existing: Existing) {
  const sheets = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  const names = spec.names
    .map((n) => n.name)
    .filter((n) => {
      const key = n.toLowerCase();
      return !existing.names.has(key) || existing.stale.has(key);
    });
  return { sheets, names };
}

/** Reads which of an interrupted insert's sheets and names are in the workbook; one sync. */
async function findLeft(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  existing: Existing,
): Promise<InsertLeft> {
  const now = await readSheetsAndNames(context);
  const ours = insertedBy(spec, existing);
  const names = ours.names.flatMap((name) => {
    const stale = existing.stale.get(name.toLowerCase());
    const found = now.names.get(name.toLowerCase());
    return found && found.formula !== stale ? [found] : [];
  });
  const lost = ours.names.flatMap((name) => {
    const stale = existing.stale.get(name.toLowerCase());
    return stale !== undefined &&
      now.names.get(name.toLowerCase())?.formula !== stale
      ? [{ name, formula: stale }]
      : [];
  });
  return {
    sheets: now.sheets.filter((s) => ours.sheets.has(s.name.toLowerCase())),
    names,
    lost,
    checked: true,
  };
}

/** What an interrupted insert may have added, when the workbook cannot be read: its sheets and names, sheets without ids. */
function mayBeLeft(spec: WorkbookSpec, existing: Existing): InsertLeft {
  const ours = insertedBy(spec, existing);
  return {
    sheets: spec.sheets.map((s) => ({ name: s.name, id: "" })),
    names: ours.names.map((name) => ({ name, formula: "" })),
    lost: [],
    checked: false,
  };
}

/**
 * Which of `left` are still there, read in one sync: sheets by id (a renamed one included),
 * names whose formula is the one recorded or that point at one of those sheets under its
 * current name (a name the user made since, elsewhere, is not the insert's), and the broken
 * names not yet back.
 */
async function stillLeft(
  context: Excel.RequestContext,
  left: InsertLeft,
): Promise<InsertLeft> {
  const now = await readSheetsAndNames(context);
  const ids = new Set(left.sheets.map((s) => s.id));
  const sheets = now.sheets.filter((s) => ids.has(s.id));
  const onOurSheets = (formula: string) =>
    sheets.some((s) => formula.startsWith(`=${quoted(s.name, "")}`));
  const names = left.names.flatMap((n) => {
    const found = now.names.get(n.name.toLowerCase());
    return found && (found.formula === n.formula || onOurSheets(found.formula))
      ? [found]
      : [];
  });
  const lost = left.lost.filter(
    (n) => now.names.get(n.name.toLowerCase())?.formula !== n.formula,
  );
  return { sheets, names, lost, checked: true };
}

/**
 * Deletes `left` (names first, then sheets by id, so no sheet the add-in did not create is
 * touched) and puts the lost names back, in one sync. Where Excel stops that too, reads what is
 * still there (unchecked when even that fails) and gives it with Excel's reason.
 */
async function removeLeft(
  context: Excel.RequestContext,
  left: InsertLeft,
): Promise<{ still: InsertLeft; failure?: WorkbookError }> {
  for (const n of left.names) context.workbook.names.getItem(n.name).delete();
  for (const s of left.sheets)
    context.workbook.worksheets.getItem(s.id).delete();
  for (const n of left.lost) context.workbook.names.add(n.name, n.formula);
  try {
    await context.sync();
    return { still: { sheets: [], names: [], lost: [], checked: true } };
  } catch (e) {
    const failure = toWorkbookError(e);
    try {
      return { still: await stillLeft(context, left), failure };
    } catch {
      return { still: { ...left, checked: false }, failure };
    }
  }
}

/**
 * After the write failed: Excel applies the operations queued before the failing one (a batch
 * is not a transaction; see OfficeExtension.Error's traceMessages example,
 * https://learn.microsoft.com/javascript/api/office/officeextension.error), so this reads what
 * the insert left and removes it. The error to throw: the cause alone when nothing is left,
 * else InsertIncompleteError with what is.
 */
export async function undoInsert(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  existing: Existing,
  cause: WorkbookError,
): Promise<WorkbookError> {
  let left: InsertLeft;
  try {
    left = await findLeft(context, spec, existing);
  } catch {
    return new InsertIncompleteError(mayBeLeft(spec, existing), cause);
  }
  if (nothingLeft(left)) return cause;
  const { still } = await removeLeft(context, left);
  return nothingLeft(still) ? cause : new InsertIncompleteError(still, cause);
}

/**
 * The pane's "Remove what the insert left": reads which of `left` are still there (one sync) and
 * deletes exactly those (one more). Returns what was removed; throws InsertIncompleteError with
 * what is still there when Excel stops it.
 */
export async function removeInsertLeft(
  context: Excel.RequestContext,
  left: InsertLeft,
): Promise<InsertLeft> {
  if (!left.checked)
    throw new Error("Only what was read after the failure can be removed.");
  let found: InsertLeft;
  try {
    found = await stillLeft(context, left);
  } catch (e) {
    throw toWorkbookError(e);
  }
  const { still, failure } = await removeLeft(context, found);
  if (failure && !nothingLeft(still))
    throw new InsertIncompleteError(still, failure);
  return found;
}

export async function insertTrackingWorkbook(
  context: Excel.RequestContext,
  options: InsertOptions,
): Promise<InsertResult> {
  refuseUnsupportedHost();
  let existing: Existing;
  try {
    existing = await readExisting(context);
  } catch (e) {
    throw toWorkbookError(e);
  }
  const defaults = TEMPLATE_LABELS[options.language].sheets;
  const takenSheets = new Set(existing.sheets);
  const sheetNames: Partial<Record<SheetKey, string>> = {};
  for (const key of Object.keys(defaults) as SheetKey[]) {
    sheetNames[key] = freeName(defaults[key], takenSheets);
    takenSheets.add(sheetNames[key]!.toLowerCase());
  }
  const { spec } = describeWithUserData({ ...options, sheetNames });

  let skippedNames: string[];
  try {
    context.application.suspendApiCalculationUntilNextSync();
    ({ skippedNames } = queueWorkbook(context, spec, existing));
    await context.sync();
  } catch (e) {
    throw await undoInsert(context, spec, existing, toWorkbookError(e));
  }
  return {
    sheets: spec.sheets.map((s) => ({
      key: s.key,
      name: s.name,
      renamed: s.name !== defaults[s.key],
    })),
    dashboardSheet: spec.sheets.find((s) => s.key === "dashboard")!.name,
    skippedNames,
    syncs: INSERT_SYNCS,
  };
}
