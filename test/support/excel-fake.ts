/**
 * A small fake Excel host for checking what the add-in asks Excel to do. It implements only the
 * Office.js members the add-in uses, and behaves as Office.js does where a mistake would hide:
 * operations queue until `sync()`, a property read before it was loaded and synced throws
 * PropertyNotLoaded, `*OrNullObject` gives null objects. It records every operation, counts
 * syncs, and can fail on a chosen operation. It computes no formulas: real engines (HyperFormula,
 * LibreOffice) test those. Plain TypeScript without jest, so the task pane's browser tests bundle
 * it as their Office host. `OfficeShapeChecks` at the end keeps it typed against @types/office-js.
 */

export interface FakeCell {
  formula?: string;
  value?: string | number | boolean;
  numberFormat?: string;
}

export interface FakeRule {
  /** The fake's own name for the rule, for tests to find it; Office.js's ConditionalFormat.id is its priority. */
  id: string;
  ref: string;
  formula: string;
  fill?: string;
  font?: string;
  /** "custom" (the default, and every rule the add-in makes) or a rule a user made in Excel's menus. */
  type?: "custom" | "cellValue";
  /**
   * A rule Excel cannot read back: any load of its properties fails with this code, as for a
   * duplicated rule (office-js #6835) or one whose delete the user undid (#6396).
   */
  unreadable?: string;
}

export interface FakeSheet {
  name: string;
  /** As Worksheet.id gives it (and worksheet events carry it); given on first read when not set. */
  id?: string;
  cells: Map<string, FakeCell>;
  formats: { ref: string; props: Record<string, unknown> }[];
  /** In priority order, the top priority first (see FakeConditionalFormatCollection). */
  rules: FakeRule[];
  validations: { ref: string; rule?: unknown; errorAlert?: unknown }[];
  tables: { name: string; ref: string; style?: string }[];
  charts: {
    type: string;
    source: string;
    title?: string;
    from?: string;
    to?: string;
    /** The sheet of the range the chart was made from. */
    sourceSheet?: string;
    /** `valuesSheet`: the sheet of the range given to setValues (a series may read another sheet than the chart's source: https://learn.microsoft.com/office/vba/api/Excel.Series.Values). */
    series: { name?: string; values?: string; valuesSheet?: string; categories?: string; lineStyle?: string }[];
    valueAxis: { minimum?: number; maximum?: number; logBase?: number; numberFormat?: string };
    categoryAxis: { numberFormat?: string };
    /** Chart.plotVisibleOnly as set (Excel's default, true, when never set). */
    plotVisibleOnly?: boolean;
  }[];
  frozen?: string;
  /** Column outline groups (Range.group), with whether their details are hidden. */
  columnGroups?: { ref: string; collapsed: boolean }[];
  /** Rows hidden through Range.rowHidden, in the order hidden. */
  hiddenRows?: number[];
  page?: {
    orientation?: string;
    zoom?: Excel.PageLayoutZoomOptions;
    printArea?: string;
    titleRows?: string;
    titleColumns?: string;
    /** Cells a horizontal page break was added above. */
    breaks: string[];
  };
  /** Review > Protect Sheet: every write to the sheet fails with AccessDenied. */
  protected?: boolean;
}

/** A workbook name: a range on a sheet, or (formula set) anything else, e.g. "=#REF!". */
export interface FakeName {
  sheet: string;
  ref: string;
  comment?: string;
  formula?: string;
}

export interface FakeState {
  sheets: FakeSheet[];
  /** Keyed by the name as added; Excel compares names case-insensitively, and so does the fake. */
  names: Map<string, FakeName>;
  syncs: number;
  /** Every operation applied, in order, e.g. "worksheets.add Phase 1" (loads are not logged). */
  log: string[];
  activeSheet?: string;
  selected?: string;
  /** Operations for which this returns true (or an Office.js error code) fail at sync, as Office.js errors do. */
  failWhen?: (operation: string) => boolean | string;
  displayLanguage: string;
  apiSupported: boolean;
  /** Handlers the add-in registered with worksheets.onChanged; call them to simulate an edit. */
  changeHandlers: ((event: unknown) => Promise<void> | void)[];
  /** The workbook opened read-only (workbook.readOnly). */
  readOnly?: boolean;
  /** Review > Protect Workbook: sheets cannot be added or deleted (workbook.protection.protected). */
  workbookProtected?: boolean;
  /**
   * A stricter host: using an object reached from a null object (a missing name's range, that
   * range's worksheet, ...) fails at sync with InvalidObjectPath. Off, such objects are null too.
   */
  strictNullObjects?: boolean;
  /** workbook.settings: the add-in's key/value pairs kept in the file. */
  settings?: Map<string, unknown>;
}

export function newFakeState(): FakeState {
  return {
    sheets: [],
    names: new Map(),
    syncs: 0,
    log: [],
    displayLanguage: "en-US",
    apiSupported: true,
    changeHandlers: [],
  };
}

/** A sheet as a user would have it before the add-in runs. */
export function newSheet(name: string): FakeSheet {
  return { name, cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// ---------- addresses ----------

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function colLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

interface Box {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export function box(ref: string): Box {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const part = (p: string, end: boolean) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p)!;
    return { c: m[1] ? colNumber(m[1]) : end ? MAX_COL : 1, r: m[2] ? Number(m[2]) : end ? MAX_ROW : 1 };
  };
  const s = part(a, false);
  const e = part(b ?? a, true);
  return { c1: s.c, r1: s.r, c2: b ? e.c : s.c, r2: b ? e.r : s.r };
}

const refOf = (b: Box) => (b.c1 === b.c2 && b.r1 === b.r2 ? `${colLetters(b.c1)}${b.r1}` : `${colLetters(b.c1)}${b.r1}:${colLetters(b.c2)}${b.r2}`);
const absoluteRef = (b: Box) => refOf(b).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
const quote = (sheet: string) => (/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
const intersects = (a: Box, b: Box) => a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;

// ---------- Excel's limits: refused here as Excel refuses them (product.md section 10) ----------

/** Excel's error for what it refuses: thrown at sync, as Office.js reports it. */
const refused = (message: string) => new FakeOfficeError("InvalidArgument", message);

/**
 * A sheet name Excel refuses: blank, over 31 characters, one of [ ] : * ? / \, an apostrophe
 * first or last, or "History" (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 * Names are unique ignoring case (the collection checks that).
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "is blank";
  if (name.length > 31) return "is longer than 31 characters";
  if (/[[\]:*?/\\]/.test(name)) return "holds one of [ ] : * ? / \\";
  if (/^'|'$/.test(name)) return "begins or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "is History, which Excel keeps for itself";
  return undefined;
}

/**
 * A defined name Excel refuses ("Syntax rules for names",
 * https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64):
 * a letter, underscore or backslash first, then letters, digits, periods and underscores; at most
 * 255 characters; not C, c, R or r; nothing that reads as a cell reference (A1 or R1C1 style).
 */
export function definedNameProblem(name: string): string | undefined {
  if (name.length > 255) return "is longer than 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}._]*$/u.test(name)) return "must start with a letter, _ or \\ and hold only letters, digits, periods and underscores";
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && colNumber(a1[1].toUpperCase()) <= MAX_COL && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROW) return "reads as a cell reference";
  if (/^(r\d*c?\d*|c\d*)$/i.test(name)) return "reads as an R1C1 reference (or is C or R)";
  return undefined;
}

/**
 * A conditional-format or data-validation formula holds at most 255 characters: what Excel's rule
 * editor and data validation's Source box take (product.md 10, "Limits"). Microsoft states 255 for
 * data validation's attributes (MS-OI29500 2.1.613,
 * https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64);
 * writers report Excel refusing longer validation lists (exceljs #2264, linkml #1798).
 */
export const MAX_RULE_FORMULA_CHARS = 255;

/** `formula` where Excel takes it as a rule's or a validation's formula; refused when longer. */
function ruleFormulaAccepted<T>(formula: T, what: string): T {
  if (typeof formula === "string" && formula.length > MAX_RULE_FORMULA_CHARS)
    throw refused(`A ${what} of ${formula.length} characters; Excel takes at most ${MAX_RULE_FORMULA_CHARS}.`);
  return formula;
}

/** A cell formula holds at most 8,192 characters ("Excel specifications and limits": https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
export const MAX_FORMULA_CHARS = 8192;

/**
 * A request's payload on Excel on the web: at most 5 MB ("Resource limits and performance
 * optimization for Office Add-ins": https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Counted here as the JSON of the values and formulas a sync writes.
 */
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;

function nameEntry(state: FakeState, name: string): [string, FakeName] | undefined {
  const key = [...state.names.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : [key, state.names.get(key)!];
}

// ---------- proxies ----------

/** Cells a proxy points at; `areas` for a RangeAreas (Worksheet.getRanges), whose `box` is its first area. */
type Target = { sheet: FakeSheet; box: Box; areas?: Box[] } | null;

/** A rule's or a RangeAreas' areas: one reference, or several separated by spaces (as an .xlsx sqref). */
const boxes = (ref: string) => ref.split(/[ ,]+/).filter(Boolean).map(box);
type LoadArg = string | string[] | OfficeExtension.LoadOption;
const ALL = "*";

/** "values, address" or ["items/name"] -> ["values", "address"] / ["name"]; nothing -> everything. */
function propsOf(arg?: LoadArg): string[] {
  if (arg === undefined) return [ALL];
  if (typeof arg === "object" && !Array.isArray(arg)) return [arg.select, arg.expand].flatMap((p) => (p === undefined ? [] : propsOf(p)));
  const list = Array.isArray(arg) ? arg : arg.split(",");
  return list.map((p) => p.trim().replace(/^items\//, "")).filter(Boolean);
}

/** Writing to a protected sheet fails as Excel fails it. */
function writable(sheet: FakeSheet): FakeSheet {
  if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The sheet ${sheet.name} is protected.`);
  return sheet;
}

const notLoaded = (prop: string) =>
  new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Call load() on the object and context.sync() before reading it.`);

class FakeContext {
  private queue: { label: string; run: () => void; payload: number }[] = [];
  readonly workbook: FakeWorkbook;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => this.enqueue("application.suspendApiCalculationUntilNextSync", () => undefined),
  };
  constructor(readonly state: FakeState) {
    this.workbook = new FakeWorkbook(this);
  }
  /** `payload`: the bytes the operation adds to the request (the values or formulas it writes). */
  enqueue(label: string, run: () => void, payload = 0): void {
    this.queue.push({ label, run, payload });
  }
  /** Runs the queued operations in order; like Office.js, the ones before a failure stay done. */
  async sync(): Promise<void> {
    this.state.syncs++;
    const queue = this.queue;
    this.queue = [];
    // A request over the limit is refused whole: nothing of it runs.
    const payload = queue.reduce((n, op) => n + op.payload, 0);
    if (payload > MAX_PAYLOAD_BYTES) throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request is ${payload} bytes; Excel on the web takes at most 5 MB.`);
    for (const op of queue) {
      const failure = this.state.failWhen?.(op.label);
      if (failure) throw new FakeOfficeError(typeof failure === "string" ? failure : "GeneralException", `Fake failure at ${op.label}`);
      op.run();
      if (!op.label.startsWith("load")) this.state.log.push(op.label);
    }
  }
  /** A sheet by name, or by id as WorksheetCollection.getItem takes either ("name or ID", ExcelApi 1.1). */
  sheet(key: string): FakeSheet | undefined {
    return this.state.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase() || s.id === key);
  }
}

/** What every proxy shares: properties readable only once loaded and synced, null objects. */
class FakeClientObject {
  private props = new Set<string>();
  private synced = false;
  private missing = false;
  /** For an object reached from another: whether that one is a null object (see strictNullObjects). */
  parentIsNull: () => boolean = () => false;
  constructor(readonly context: FakeContext) {}
  /** In strict mode, using an object reached from a null object fails, as the operation's sync does. */
  checkPath(): void {
    if (this.context.state.strictNullObjects && this.parentIsNull())
      throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid: it goes through a null object.");
  }
  /** `child`, reached from this object: null when this one is. */
  protected derive<T extends FakeClientObject>(child: T, isNull: () => boolean): T {
    child.parentIsNull = () => this.parentIsNull() || isNull();
    return child;
  }
  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded("isNullObject");
    return this.missing;
  }
  /** Called at sync: which properties are now readable, and whether the object exists. */
  settle(props: string[], exists: boolean): void {
    this.synced = true;
    this.missing = !exists;
    for (const p of props) this.props.add(p);
  }
  protected loaded<T>(prop: string, value: T): T {
    const ok = this.props.has(ALL) || [...this.props].some((p) => p === prop || p.startsWith(`${prop}/`));
    if (!ok) throw notLoaded(prop);
    return value;
  }
  protected queueLoad(label: string, arg: LoadArg | undefined, read: () => boolean): void {
    this.context.enqueue(label, () => {
      this.checkPath();
      // isNullObject is no load option (absent from the *LoadOptions of @types/office-js): Office
      // fills it in at sync for every *OrNullObject result. An add-in asking for it is refused here.
      if (propsOf(arg).includes("isNullObject"))
        throw new FakeOfficeError("InvalidArgument", "isNullObject cannot be loaded; it is set at sync.");
      this.settle(propsOf(arg), read());
    });
  }

}

/**
 * An *OrNullObject result: isNullObject is readable after the next sync without any load, as
 * Microsoft's samples read it (getItemOrNullObject, then context.sync(), then isNullObject).
 */
function nullCheckedAtSync<T extends FakeClientObject>(obj: T, exists: () => boolean): T {
  obj.context.enqueue("load (null-object check)", () => {
    obj.checkPath();
    obj.settle([], exists());
  });
  return obj;
}

/** An object whose properties only queue writes (format, fill, font, ...): setters record, nothing reads. */
function writeOnly<T extends object>(keys: readonly (keyof T & string)[], write: (key: keyof T & string, value: unknown) => void): T {
  const o = {} as T;
  for (const k of keys) Object.defineProperty(o, k, { set: (v: unknown) => write(k, v), enumerable: true });
  return o;
}

/** Gives `self` the write-only properties `keys` (for classes whose setters queue operations). */
function writeOnlyProps<T extends object>(self: T, keys: readonly (keyof T & string)[], write: (key: keyof T & string, value: unknown) => void): void {
  Object.defineProperties(self, Object.getOwnPropertyDescriptors(writeOnly<T>(keys, write)));
}

class FakeRangeFormat {
  readonly fill: { color?: string };
  readonly font: { bold?: boolean; italic?: boolean; color?: string; size?: number };
  declare horizontalAlignment?: string;
  declare columnWidth?: number;
  constructor(ctx: FakeContext, target: () => Target) {
    const record = (prop: string, value: unknown) =>
      ctx.enqueue(`format ${prop}`, () => {
        const t = target()!;
        for (const area of t.areas ?? [t.box]) t.sheet.formats.push({ ref: refOf(area), props: { [prop]: value } });
      });
    this.fill = writeOnly<FakeRangeFormat["fill"]>(["color"], (k, v) => record(`fill.${k}`, v));
    this.font = writeOnly<FakeRangeFormat["font"]>(["bold", "italic", "color", "size"], (k, v) => record(`font.${k}`, v));
    writeOnlyProps<FakeRangeFormat>(this, ["horizontalAlignment", "columnWidth"], record);
  }
}

/** A custom rule's formula: set to write it, loaded (then synced) to read it. */
class FakeConditionalFormula extends FakeClientObject {
  private value = "";
  constructor(
    ctx: FakeContext,
    private readonly rule: () => FakeRule | undefined,
    private readonly write: (key: string, value: unknown) => void,
  ) {
    super(ctx);
  }
  get formula(): string {
    return this.loaded("formula", this.value);
  }
  set formula(v: string) {
    this.write("formula", v);
  }
  load(arg?: LoadArg): this {
    this.queueLoad("load conditionalFormat rule", arg, () => {
      const r = this.rule();
      if (r?.unreadable) throw new FakeOfficeError(r.unreadable, "The rule's properties cannot be read.");
      this.value = r?.formula ?? "";
      return r !== undefined;
    });
    return this;
  }
}

class FakeConditionalFormat extends FakeClientObject {
  private rule?: FakeRule;
  readonly custom: { rule: FakeConditionalFormula; format: { fill: { color?: string }; font: { color?: string } } };
  constructor(
    ctx: FakeContext,
    readonly id: string,
    private readonly find: () => { sheet: FakeSheet; rule: FakeRule } | undefined,
  ) {
    super(ctx);
    const set = (label: string, apply: (r: FakeRule, v: string) => void) => (_: string, v: unknown) =>
      ctx.enqueue(`conditionalFormat ${label}`, () => apply(this.existing().rule, v as string));
    this.custom = {
      rule: new FakeConditionalFormula(ctx, () => this.find()?.rule, set("formula", (r, v) => (r.formula = ruleFormulaAccepted(v, "conditional-format formula")))),
      format: {
        fill: writeOnly<{ color?: string }>(["color"], set("fill", (r, v) => (r.fill = v))),
        font: writeOnly<{ color?: string }>(["color"], set("font", (r, v) => (r.font = v))),
      },
    };
  }
  get type(): string {
    return this.loaded("type", this.rule?.type === "cellValue" ? "CellValue" : "Custom");
  }
  /** Loaded through "items/customOrNullObject/rule/formula": a null object for a cellValue rule. */
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    const custom = (this.rule?.type ?? "custom") === "custom";
    return this.loaded("customOrNullObject", { isNullObject: !custom, rule: { formula: custom ? (this.rule?.formula ?? "") : "" } });
  }
  settle(props: string[], exists: boolean): void {
    super.settle(props, exists);
    this.rule = this.find()?.rule && { ...this.find()!.rule };
  }
  /** The rule at this format's priority now; none there fails as Excel fails it. */
  private existing(): { sheet: FakeSheet; rule: FakeRule } {
    const found = this.find();
    if (!found) throw new FakeOfficeError("ItemNotFound", `No conditional format at priority ${this.id}.`);
    return found;
  }
  delete(): void {
    this.context.enqueue("conditionalFormats.delete", () => {
      const found = this.existing();
      writable(found.sheet).rules = found.sheet.rules.filter((r) => r !== found.rule);
    });
  }
}

let ruleIds = 0;

/**
 * A range's conditional formats, as Office.js gives them: the sheet's rules that overlap the range,
 * in priority order. `FakeSheet.rules` is that order, first = highest priority ("A rule's `id` is
 * its priority within the collection": the ConditionalFormat.id docs, "The priority of the
 * conditional format in the current ConditionalFormatCollection",
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member).
 * So a ConditionalFormat proxy stands for a position, not a rule: it acts on whatever rule holds
 * that priority when its operation runs. A rule added above it, or one deleted above it, moves
 * it, and the proxy then reaches another rule; the docs say to re-fetch the object after a
 * priority change (ConditionalFormat.priority). Excel.ConditionalFormatCollection.add "adds a new
 * conditional format to the collection at the first/top priority"
 * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1)).
 */
class FakeConditionalFormatCollection extends FakeClientObject {
  private list: FakeConditionalFormat[] = [];
  constructor(
    ctx: FakeContext,
    private readonly target: () => Target,
  ) {
    super(ctx);
  }
  get items(): FakeConditionalFormat[] {
    return this.loaded("items", this.list);
  }
  /** The rules overlapping the target, highest priority first. */
  private rules(t: NonNullable<Target>): FakeRule[] {
    const areas = t.areas ?? [t.box];
    return t.sheet.rules.filter((r) => boxes(r.ref).some((b) => areas.some((a) => intersects(b, a))));
  }
  /** The format at `priority` when each of its operations runs. */
  private at(priority: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, String(priority), () => {
      const t = this.target();
      const rule = t ? this.rules(t)[priority] : undefined;
      return t && rule ? { sheet: t.sheet, rule } : undefined;
    });
  }
  /**
   * Clears the conditional formats on these cells. Excel trims a rule that also covers cells
   * outside the range to those cells; the fake removes the rules inside the range and leaves
   * the ones that straddle it whole (the add-in clears only the ranges it colours).
   */
  clearAll(): void {
    this.context.enqueue("conditionalFormats.clearAll", () => {
      const t = this.target()!;
      const within = (b: Box) => (t.areas ?? [t.box]).some((a) => b.c1 >= a.c1 && b.c2 <= a.c2 && b.r1 >= a.r1 && b.r2 <= a.r2);
      const inside = (r: FakeRule) => boxes(r.ref).every(within);
      writable(t.sheet).rules = t.sheet.rules.filter((r) => !inside(r));
    });
  }
  /** A new rule at the top priority: the returned format is priority 0 until something moves it. */
  add(type: string): FakeConditionalFormat {
    const id = `cf${++ruleIds}`;
    this.context.enqueue(`conditionalFormats.add ${type}`, () => {
      const t = this.target()!;
      writable(t.sheet).rules.unshift({ id, ref: (t.areas ?? [t.box]).map(refOf).join(" "), formula: "" });
    });
    return this.at(0);
  }
  load(arg?: LoadArg): this {
    this.context.enqueue("load conditionalFormats", () => {
      this.checkPath();
      const t = this.target();
      const rules = t ? this.rules(t) : [];
      const props = propsOf(arg).filter((p) => p !== "id");
      const bad = rules.find((r) => r.unreadable);
      // Reading any property of a rule Excel cannot read fails the whole load (office-js #6835, #6396).
      if (bad && props.length > 0) throw new FakeOfficeError(bad.unreadable!, "A conditional format's properties cannot be read.");
      // Reading the rules of a range with two cellValue rules through `rule` fails (office-js #6827).
      const cellValues = rules.filter((r) => r.type === "cellValue");
      if (props.some((p) => p.includes("rule")) && cellValues.some((a) => cellValues.some((b) => a !== b && a.ref === b.ref)))
        throw new FakeOfficeError("GeneralException", "The conditional formats' rules cannot be read.");
      this.list = rules.map((_, priority) => this.at(priority));
      for (const cf of this.list) cf.settle(propsOf(arg), true);
      this.settle(["items"], t !== null);
    });
    return this;
  }
}

class FakeDataValidation {
  declare rule?: unknown;
  declare errorAlert?: unknown;
  constructor(ctx: FakeContext, target: () => Target) {
    writeOnlyProps<FakeDataValidation>(this, ["rule", "errorAlert"], (key, value) =>
      ctx.enqueue(`dataValidation.${key}`, () => {
        const t = target()!;
        const ref = refOf(t.box);
        // Every formula of the rule (formula1, formula2, a list's source) within Excel's limit.
        if (key === "rule")
          for (const criteria of Object.values(value as Record<string, Record<string, unknown>>))
            for (const f of Object.values(criteria)) ruleFormulaAccepted(f, "data-validation formula");
        const v = t.sheet.validations.find((x) => x.ref === ref) ?? t.sheet.validations[t.sheet.validations.push({ ref }) - 1];
        v[key] = value;
      }),
    );
  }
}

export class FakeRange extends FakeClientObject {
  private data = { values: [] as unknown[][], formulas: [] as unknown[][], numberFormat: [] as unknown[][], address: "", rowCount: 0, columnCount: 0 };
  // Made when first used: most ranges only take values, and an insert asks for thousands.
  private parts?: { format: FakeRangeFormat; conditionalFormats: FakeConditionalFormatCollection; dataValidation: FakeDataValidation };
  constructor(
    ctx: FakeContext,
    readonly target: () => Target,
  ) {
    super(ctx);
  }
  private get made() {
    if (!this.parts) {
      const conditionalFormats = new FakeConditionalFormatCollection(this.context, this.target);
      conditionalFormats.parentIsNull = () => this.parentIsNull();
      this.parts = { format: new FakeRangeFormat(this.context, this.target), conditionalFormats, dataValidation: new FakeDataValidation(this.context, this.target) };
    }
    return this.parts;
  }
  get format(): FakeRangeFormat {
    return this.made.format;
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.made.conditionalFormats;
  }
  get dataValidation(): FakeDataValidation {
    return this.made.dataValidation;
  }
  get values(): unknown[][] {
    return this.loaded("values", this.data.values);
  }
  /** As Excel gives them: "=..." for a formula cell, else its value. */
  get formulas(): unknown[][] {
    return this.loaded("formulas", this.data.formulas);
  }
  get address(): string {
    return this.loaded("address", this.data.address);
  }
  /** Each cell's number format ("General" where none was set). */
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat", this.data.numberFormat);
  }
  get rowCount(): number {
    return this.loaded("rowCount", this.data.rowCount);
  }
  get columnCount(): number {
    return this.loaded("columnCount", this.data.columnCount);
  }
  private write(kind: "formulas" | "numberFormat", grid: unknown[][]): void {
    this.context.enqueue(`range.${kind}`, () => {
      const t = this.target()!;
      writable(t.sheet);
      // "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
      const [rows, columns] = [t.box.r2 - t.box.r1 + 1, t.box.c2 - t.box.c1 + 1];
      if (grid.length !== rows || grid.some((row) => row.length !== columns))
        throw refused(`An array of ${grid.length} rows (${grid.map((row) => row.length).join(", ")} columns) for ${refOf(t.box)}, ${rows} x ${columns}.`);
      const long = grid.flat().find((v) => typeof v === "string" && v.startsWith("=") && v.length - 1 > MAX_FORMULA_CHARS);
      if (long !== undefined) throw refused(`A formula of ${(long as string).length - 1} characters; Excel takes at most ${MAX_FORMULA_CHARS}.`);
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          const key = `${colLetters(t.box.c1 + c)}${t.box.r1 + r}`;
          const cell = t.sheet.cells.get(key) ?? {};
          if (kind === "numberFormat") cell.numberFormat = v as string;
          else if (typeof v === "string" && v.startsWith("=")) [cell.formula, cell.value] = [v.slice(1), undefined];
          else [cell.value, cell.formula] = [typeof v === "string" && v.startsWith("'") ? v.slice(1) : (v as string | number | boolean), undefined];
          t.sheet.cells.set(key, cell);
        }),
      );
    }, JSON.stringify(grid).length);
  }
  set formulas(grid: unknown[][]) {
    this.write("formulas", grid);
  }
  /** As Office.js documents it, a value written that starts with "=" is taken as a formula: the same write. */
  set values(grid: unknown[][]) {
    this.write("formulas", grid);
  }
  set numberFormat(grid: unknown[][]) {
    this.write("numberFormat", grid);
  }
  /** Range.rowHidden (ExcelApi 1.2): whole rows only here, as the add-in hides them ("5:5"). */
  set rowHidden(hidden: boolean) {
    this.context.enqueue("range.rowHidden", () => {
      const t = this.target()!;
      if (t.box.c1 !== 1 || t.box.c2 !== MAX_COL || !hidden) throw new Error("fake rowHidden: hiding whole rows only");
      for (let r = t.box.r1; r <= t.box.r2; r++) (writable(t.sheet).hiddenRows ??= []).push(r);
    });
  }
  /**
   * Range.copyFrom (ExcelApi 1.9) from a range of the same size, copy type "Formulas": a formula's
   * relative references move by the distance copied, as a paste moves them; "non-formula values are
   * copied over as is" (the RangeCopyType docs). Other copy types are not used by the add-in.
   */
  copyFrom(
    source: FakeRange | string,
    copyType?: Excel.RangeCopyType | "All" | "Formulas" | "Values" | "Formats" | "Link" | "ColumnWidths",
    skipBlanks?: boolean,
    transpose?: boolean,
  ): void {
    this.context.enqueue("range.copyFrom", () => {
      if (typeof source === "string" || copyType !== "Formulas" || skipBlanks || transpose) throw new Error("fake copyFrom: a range, formulas only, no skipBlanks or transpose");
      const [from, to] = [source.target()!, this.target()!];
      if (from.box.r2 - from.box.r1 !== to.box.r2 - to.box.r1 || from.box.c2 - from.box.c1 !== to.box.c2 - to.box.c1) throw new Error("fake copyFrom: same size only");
      const [dc, dr] = [to.box.c1 - from.box.c1, to.box.r1 - from.box.r1];
      writable(to.sheet);
      for (let r = 0; r <= from.box.r2 - from.box.r1; r++)
        for (let c = 0; c <= from.box.c2 - from.box.c1; c++) {
          const cell = from.sheet.cells.get(`${colLetters(from.box.c1 + c)}${from.box.r1 + r}`);
          const key = `${colLetters(to.box.c1 + c)}${to.box.r1 + r}`;
          const target = to.sheet.cells.get(key) ?? {};
          if (cell?.formula !== undefined) [target.formula, target.value] = [movedFormula(cell.formula, dc, dr), undefined];
          else [target.value, target.formula] = [cell?.value, undefined];
          to.sheet.cells.set(key, target);
        }
    });
  }
  /**
   * Range.insert (ExcelApi 1.1) of whole columns, shifted right: what a user's column insert does
   * (insertColumn). Other shapes are not used by the add-in.
   */
  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): void {
    this.context.enqueue("range.insert", () => {
      const t = this.target()!;
      if (shift !== "Right" || t.box.r1 !== 1 || t.box.r2 !== MAX_ROW) throw new Error("fake insert: whole columns shifted right only");
      writable(t.sheet);
      for (let k = t.box.c1; k <= t.box.c2; k++) insertOn(this.context.state, t.sheet.name, "column", t.box.c1);
    });
  }
  get worksheet(): FakeWorksheet {
    return this.derive(new FakeWorksheet(this.context, () => this.target()?.sheet.name ?? null), () => !this.target());
  }
  load(arg?: LoadArg): this {
    this.queueLoad("load range", arg, () => {
      const t = this.target();
      if (!t) return false;
      this.data.address = `${quote(t.sheet.name)}!${refOf(t.box)}`;
      [this.data.rowCount, this.data.columnCount] = [t.box.r2 - t.box.r1 + 1, t.box.c2 - t.box.c1 + 1];
      const grid = (read: (cell: FakeCell | undefined) => unknown) => {
        const rows: unknown[][] = [];
        for (let r = t.box.r1; r <= Math.min(t.box.r2, t.box.r1 + 1000); r++) {
          const row: unknown[] = [];
          for (let c = t.box.c1; c <= Math.min(t.box.c2, t.box.c1 + 1000); c++) row.push(read(t.sheet.cells.get(`${colLetters(c)}${r}`)));
          rows.push(row);
        }
        return rows;
      };
      this.data.values = grid((cell) => cell?.value ?? "");
      this.data.formulas = grid((cell) => (cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? "")));
      this.data.numberFormat = grid((cell) => cell?.numberFormat ?? "General");
      return true;
    });
    return this;
  }
  /** The smallest range holding every non-empty cell of this one; a null object if all are empty. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      if (!t) return null;
      const used = [...t.sheet.cells]
        .filter(([, cell]) => cell.formula !== undefined || (cell.value !== undefined && cell.value !== ""))
        .map(([ref]) => box(ref))
        .filter((b) => intersects(b, t.box));
      if (used.length === 0) return null;
      const [c, r] = [used.map((b) => b.c1), used.map((b) => b.r1)];
      return { sheet: t.sheet, box: { c1: Math.min(...c), r1: Math.min(...r), c2: Math.max(...c), r2: Math.max(...r) } };
    });
  }
  /** The range moved by rows and columns, same size. */
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    const moved = new FakeRange(this.context, () => {
      const t = this.target();
      return t && { sheet: t.sheet, box: { c1: t.box.c1 + columnOffset, c2: t.box.c2 + columnOffset, r1: t.box.r1 + rowOffset, r2: t.box.r2 + rowOffset } };
    });
    return this.derive(moved, () => !this.target());
  }
  /** The range with its bottom-right corner moved by rows and columns (ExcelApi 1.7). */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    const resized = new FakeRange(this.context, () => {
      const t = this.target();
      return t && { sheet: t.sheet, box: { ...t.box, r2: t.box.r2 + deltaRows, c2: t.box.c2 + deltaColumns } };
    });
    return this.derive(resized, () => !this.target());
  }
  /** An outline group of the range's columns (ExcelApi 1.10); rows are not grouped by the add-in. */
  group(groupOption: Excel.GroupOption | "ByRows" | "ByColumns"): void {
    this.context.enqueue("range.group", () => {
      if (groupOption !== "ByColumns") throw new Error("fake group: columns only");
      const t = this.target()!;
      (writable(t.sheet).columnGroups ??= []).push({ ref: refOf(t.box), collapsed: false });
    });
  }
  /** Hides the details of the column groups the range holds (ExcelApi 1.10). */
  hideGroupDetails(groupOption: Excel.GroupOption | "ByRows" | "ByColumns"): void {
    this.context.enqueue("range.hideGroupDetails", () => {
      if (groupOption !== "ByColumns") throw new Error("fake hideGroupDetails: columns only");
      const t = this.target()!;
      const inside = (g: { ref: string }) => boxes(g.ref).every((b) => b.c1 >= t.box.c1 && b.c2 <= t.box.c2);
      for (const g of t.sheet.columnGroups ?? []) if (inside(g)) g.collapsed = true;
    });
  }
  getColumnsBefore(count = 1): FakeRange {
    const columns = new FakeRange(this.context, () => {
      const t = this.target();
      return t && { sheet: t.sheet, box: { ...t.box, c1: t.box.c1 - count, c2: t.box.c1 - 1 } };
    });
    return this.derive(columns, () => !this.target());
  }
  select(): void {
    this.context.enqueue("range.select", () => {
      const t = this.target()!;
      this.context.state.selected = `${quote(t.sheet.name)}!${refOf(t.box)}`;
      this.context.state.activeSheet = t.sheet.name;
    });
  }
  /** The tables overlapping the range; with `fullyContained`, only those inside it (ExcelApi 1.9). */
  getTables(fullyContained = false): FakeTableCollection {
    return new FakeTableCollection(this.context, () => {
      const t = this.target();
      const inside = (b: Box) => b.c1 >= t!.box.c1 && b.c2 <= t!.box.c2 && b.r1 >= t!.box.r1 && b.r2 <= t!.box.r2;
      return t ? t.sheet.tables.filter((x) => (fullyContained ? inside(box(x.ref)) : intersects(box(x.ref), t.box))) : [];
    });
  }
}

class FakeTable {
  declare name?: string;
  declare style?: string;
  constructor(ctx: FakeContext, table: FakeSheet["tables"][number]) {
    writeOnlyProps<FakeTable>(this, ["name", "style"], (key, v) => ctx.enqueue(`table.${key}`, () => (table[key] = v as string)));
  }
}

class FakeWorksheetTables {
  constructor(private readonly sheet: FakeWorksheet) {}
  add(address: FakeRange | string, _hasHeaders: boolean): FakeTable {
    const ref = typeof address === "string" ? address : refOf(address.target()!.box);
    const table = { name: "", ref };
    this.sheet.context.enqueue(`tables.add ${ref}`, () => {
      const sheet = this.sheet.state()!;
      // Excel: "A table can't overlap a range that contains a PivotTable report, query results, protected cells or another table."
      const other = sheet.tables.find((t) => intersects(box(t.ref), box(ref)));
      if (other) throw refused(`The table at ${ref} would overlap the table ${other.name} (${other.ref}).`);
      sheet.tables.push(table);
    });
    return new FakeTable(this.sheet.context, table);
  }
}

type FakeSeries = FakeSheet["charts"][number]["series"][number];

class FakeChartSeries {
  declare name?: string;
  readonly format: { line: { lineStyle?: string } };
  constructor(
    private readonly ctx: FakeContext,
    series: () => FakeSeries | undefined,
  ) {
    const existing = () => {
      const found = series();
      if (!found) throw new FakeOfficeError("ItemNotFound", "The chart has no such series.");
      return found;
    };
    this.series = existing;
    writeOnlyProps<FakeChartSeries>(this, ["name"], (_, v) => ctx.enqueue("series.name", () => (existing().name = v as string)));
    this.format = { line: writeOnly<{ lineStyle?: string }>(["lineStyle"], (_, v) => ctx.enqueue("series.lineStyle", () => (existing().lineStyle = v as string))) };
  }
  private readonly series: () => FakeSeries;
  setXAxisValues(range: FakeRange): void {
    this.ctx.enqueue("series.setXAxisValues", () => (this.series().categories = refOf(range.target()!.box)));
  }
  setValues(range: FakeRange): void {
    this.ctx.enqueue("series.setValues", () => {
      const t = range.target()!;
      Object.assign(this.series(), { values: refOf(t.box), valuesSheet: t.sheet.name });
    });
  }
}

type AxisProps = FakeSheet["charts"][number]["valueAxis"];

class FakeChart {
  declare plotVisibleOnly?: boolean;
  readonly title: { text?: string };
  readonly axes: { valueAxis: AxisProps; categoryAxis: { numberFormat?: string } };
  readonly series: { getItemAt(index: number): FakeChartSeries; add(name?: string, index?: number): FakeChartSeries };
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: FakeSheet["charts"][number],
  ) {
    this.title = writeOnly<{ text?: string }>(["text"], (_, v) => ctx.enqueue("chart.title", () => (chart.title = v as string)));
    writeOnlyProps<FakeChart>(this, ["plotVisibleOnly"], (_, v) => ctx.enqueue("chart.plotVisibleOnly", () => (chart.plotVisibleOnly = v as boolean)));
    this.axes = {
      valueAxis: writeOnly<AxisProps>(["minimum", "maximum", "logBase", "numberFormat"], (k, v) =>
        ctx.enqueue(`axis.${k}`, () => Object.assign(chart.valueAxis, { [k]: v })),
      ),
      categoryAxis: writeOnly<{ numberFormat?: string }>(["numberFormat"], (_, v) => ctx.enqueue("axis.numberFormat", () => (chart.categoryAxis.numberFormat = v as string))),
    };
    this.series = {
      getItemAt: (k) => new FakeChartSeries(ctx, () => chart.series[k]),
      // ChartSeriesCollection.add(name, index) (ExcelApi 1.7): at `index`, or last.
      add: (name, index) => {
        const added: FakeSeries = { name };
        ctx.enqueue("series.add", () => chart.series.splice(index ?? chart.series.length, 0, added));
        return new FakeChartSeries(ctx, () => (chart.series.includes(added) ? added : undefined));
      },
    };
  }
  setPosition(from: string, to?: string): void {
    this.ctx.enqueue("chart.setPosition", () => Object.assign(this.chart, { from, to }));
  }
}

class FakeWorksheetCharts {
  constructor(private readonly sheet: FakeWorksheet) {}
  /**
   * A chart of `source`: one series when its cells hold anything, none when every cell is empty
   * (Excel makes no series from empty cells: product.md section 10), so a series must then be added.
   */
  add(type: string, source: FakeRange, _seriesBy?: string): FakeChart {
    const chart: FakeSheet["charts"][number] = { type, source: "", series: [], valueAxis: {}, categoryAxis: {} };
    this.sheet.context.enqueue(`charts.add ${type}`, () => {
      const t = source.target()!;
      chart.source = refOf(t.box);
      chart.sourceSheet = t.sheet.name;
      const filled = [...t.sheet.cells].some(([ref, cell]) => intersects(box(ref), t.box) && (cell.formula !== undefined || (cell.value ?? "") !== ""));
      if (filled) chart.series.push({ values: chart.source });
      this.sheet.state()!.charts.push(chart);
    });
    return new FakeChart(this.sheet.context, chart);
  }
}

class FakeRangeAreas {
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly format: FakeRangeFormat;
  constructor(ctx: FakeContext, target: () => Target) {
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, target);
    this.format = new FakeRangeFormat(ctx, target);
  }
}

/** Page setup (ExcelApi 1.9): what the add-in sets, recorded on the sheet. */
class FakePageLayout {
  declare orientation?: string;
  declare zoom?: Excel.PageLayoutZoomOptions;
  constructor(private readonly sheet: FakeWorksheet) {
    writeOnlyProps<FakePageLayout>(this, ["orientation", "zoom"], (k, v) =>
      sheet.context.enqueue(`pageLayout.${k}`, () => Object.assign(sheet.page(), { [k]: v })),
    );
  }
  setPrintArea(printArea: string): void {
    this.sheet.context.enqueue("pageLayout.setPrintArea", () => (this.sheet.page().printArea = printArea));
  }
  setPrintTitleRows(printTitleRows: string): void {
    this.sheet.context.enqueue("pageLayout.setPrintTitleRows", () => (this.sheet.page().titleRows = printTitleRows));
  }
  setPrintTitleColumns(printTitleColumns: string): void {
    this.sheet.context.enqueue("pageLayout.setPrintTitleColumns", () => (this.sheet.page().titleColumns = printTitleColumns));
  }
}

/** `protection` of a worksheet or the workbook: whether it is protected, once loaded. */
class FakeProtection extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly read: () => boolean | undefined,
  ) {
    super(ctx);
  }
  private value = false;
  get protected(): boolean {
    return this.loaded("protected", this.value);
  }
  load(arg?: LoadArg): this {
    this.queueLoad("load protection", arg, () => {
      this.value = this.read() ?? false;
      return true;
    });
    return this;
  }
}

let sheetIds = 0;

class FakeWorksheet extends FakeClientObject {
  private loadedName = "";
  private loadedId = "";
  readonly protection = this.derive(
    new FakeProtection(this.context, () => this.state()?.protected),
    () => false,
  );
  readonly tables = new FakeWorksheetTables(this);
  readonly charts = new FakeWorksheetCharts(this);
  readonly freezePanes = {
    freezeAt: (range: FakeRange | string) => this.context.enqueue("freezePanes.freezeAt", () => (this.state()!.frozen = typeof range === "string" ? range : refOf(range.target()!.box))),
    freezeRows: (rows?: number) => this.context.enqueue("freezePanes.freezeRows", () => (this.state()!.frozen = `rows:${rows}`)),
  };
  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string | null,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.loaded("name", this.loadedName);
  }
  /** Renames the sheet (Worksheet.name, ExcelApi 1.1): this proxy follows it; formulas and names too. */
  set name(to: string) {
    this.context.enqueue(`worksheet.name ${to}`, () => {
      const sheet = this.state();
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "The sheet does not exist.");
      const other = this.context.sheet(to);
      if (other && other !== sheet) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${to} exists`);
      const problem = sheetNameProblem(to);
      if (problem) throw refused(`The sheet name ${to} ${problem}.`);
      const from = sheet.name;
      sheet.name = to;
      this.renamedTo = to;
      sheetRenamed(this.context.state, from, to);
    });
  }
  get id(): string {
    return this.loaded("id", this.loadedId);
  }
  settle(props: string[], exists: boolean): void {
    super.settle(props, exists);
    const sheet = this.state();
    this.loadedName = sheet?.name ?? "";
    if (sheet && (props.includes("id") || props.includes(ALL))) this.loadedId = sheet.id ??= `{fake-sheet-${++sheetIds}}`;
  }
  /** The name this proxy gave the sheet, which it goes on finding it by. */
  private renamedTo?: string;
  state(): FakeSheet | undefined {
    const n = this.renamedTo ?? this.sheetName();
    return n === null ? undefined : this.context.sheet(n);
  }
  getRange(ref?: string): FakeRange {
    const range = new FakeRange(this.context, () => {
      const s = this.state();
      return s ? { sheet: s, box: ref ? box(ref) : { c1: 1, r1: 1, c2: MAX_COL, r2: MAX_ROW } } : null;
    });
    return this.derive(range, () => false);
  }
  /** Several areas at once, "A1:B2, D1:E2" (ExcelApi 1.9): here only their conditional formats. */
  getRanges(address?: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const s = this.state();
      const areas = boxes(address ?? "");
      return s && areas.length ? { sheet: s, box: areas[0], areas } : null;
    });
  }
  readonly pageLayout = new FakePageLayout(this);
  readonly horizontalPageBreaks = {
    add: (pageBreakRange: FakeRange | string) =>
      this.context.enqueue("pageBreaks.add", () => this.page().breaks.push(typeof pageBreakRange === "string" ? pageBreakRange : refOf(pageBreakRange.target()!.box))),
  };
  page(): NonNullable<FakeSheet["page"]> {
    return (this.state()!.page ??= { breaks: [] });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this.getRange(`${colLetters(col + 1)}${row + 1}:${colLetters(col + cols)}${row + rows}`);
  }
  activate(): void {
    this.context.enqueue("worksheet.activate", () => (this.context.state.activeSheet = this.state()!.name));
  }
  delete(): void {
    this.context.enqueue("worksheets.delete", () => {
      const sheet = this.state();
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "The sheet does not exist.");
      if (this.context.state.workbookProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
      this.context.state.sheets = this.context.state.sheets.filter((s) => s !== sheet);
      sheetDeleted(this.context.state, sheet.name);
    });
  }
  load(arg?: LoadArg): this {
    this.queueLoad("load worksheet", arg, () => this.state() !== undefined);
    return this;
  }
}

class FakeWorksheetCollection extends FakeClientObject {
  private list: FakeWorksheet[] = [];
  readonly onChanged = {
    add: (handler: (event: unknown) => Promise<void> | void) => {
      const state = this.context.state;
      state.changeHandlers.push(handler);
      return {
        context: { sync: async () => undefined },
        remove: () => (state.changeHandlers = state.changeHandlers.filter((h) => h !== handler)),
      };
    },
  };
  get items(): FakeWorksheet[] {
    return this.loaded("items", this.list);
  }
  load(arg?: LoadArg): this {
    this.context.enqueue("load worksheets", () => {
      this.list = this.context.state.sheets.map((s) => {
        const w = new FakeWorksheet(this.context, () => s.name);
        w.settle(propsOf(arg), true);
        return w;
      });
      this.settle(["items"], true);
    });
    return this;
  }
  add(name?: string): FakeWorksheet {
    const sheetName = name ?? `Sheet${this.context.state.sheets.length + 1}`;
    this.context.enqueue(`worksheets.add ${sheetName}`, () => {
      if (this.context.state.workbookProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
      if (this.context.sheet(sheetName)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${sheetName} exists`);
      const problem = sheetNameProblem(sheetName);
      if (problem) throw refused(`The sheet name ${sheetName} ${problem}.`);
      this.context.state.sheets.push(newSheet(sheetName));
    });
    return new FakeWorksheet(this.context, () => sheetName);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return nullCheckedAtSync(new FakeWorksheet(this.context, () => name), () => this.context.sheet(name) !== undefined);
  }
}

class FakeNamedItem extends FakeClientObject {
  private data = { name: "", type: "", formula: "" };
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.loaded("name", this.data.name);
  }
  /** "Range" for a name on an existing sheet, "Error" once its sheet is deleted (#REF!). */
  get type(): string {
    return this.loaded("type", this.data.type);
  }
  get formula(): string {
    return this.loaded("formula", this.data.formula);
  }
  /** Points the name elsewhere (NamedItem.formula, ExcelApi 1.7): a reference to an existing sheet's cells, or any formula. */
  set formula(formula: string) {
    this.context.enqueue(`names.formula ${this.key}`, () => {
      const state = this.context.state;
      const found = nameEntry(state, this.key);
      if (!found) throw new FakeOfficeError("ItemNotFound", `No name ${this.key}`);
      const [name, was] = found;
      const m = /^=(?:'((?:[^']|'')+)'|([A-Za-z0-9_]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(formula);
      const comment = was.comment ? { comment: was.comment } : {};
      if (!m) return void state.names.set(name, { sheet: "", ref: "", formula, ...comment });
      const sheet = this.context.sheet(m[1]?.replace(/''/g, "'") ?? m[2]);
      if (!sheet) throw refused(`The formula ${formula} refers to no sheet of the workbook.`);
      state.names.set(name, { sheet: sheet.name, ref: refOf(box(m[3].replace(/\$/g, ""))), ...comment });
    });
  }
  private target(): Target {
    const n = nameEntry(this.context.state, this.key)?.[1];
    const sheet = n && n.formula === undefined ? this.context.sheet(n.sheet) : undefined;
    return n && sheet ? { sheet, box: box(n.ref) } : null;
  }
  getRangeOrNullObject(): FakeRange {
    return this.derive(new FakeRange(this.context, () => this.target()), () => !nameEntry(this.context.state, this.key));
  }
  /** The name's range; used only for names listed first as existing (Excel fails the sync otherwise). */
  getRange(): FakeRange {
    return new FakeRange(this.context, () => this.target());
  }
  delete(): void {
    this.context.enqueue(`names.delete ${this.key}`, () => {
      const found = nameEntry(this.context.state, this.key);
      if (!found) throw new FakeOfficeError("ItemNotFound", `No name ${this.key}`);
      this.context.state.names.delete(found[0]);
    });
  }
  load(arg?: LoadArg): this {
    this.queueLoad("load name", arg, () => this.read());
    return this;
  }
  /** Fills the loaded properties from the state; false where the name does not exist. */
  read(): boolean {
    const found = nameEntry(this.context.state, this.key);
    if (!found) return false;
    const [name, n] = found;
    const t = this.target();
    this.data = {
      name,
      type: t ? "Range" : "Error",
      formula: n.formula ?? (t ? `=${quote(n.sheet)}!${absoluteRef(box(n.ref))}` : "=#REF!"),
    };
    return true;
  }
}

class FakeNamedItemCollection extends FakeClientObject {
  private list: FakeNamedItem[] = [];
  get items(): FakeNamedItem[] {
    return this.loaded("items", this.list);
  }
  load(arg?: LoadArg): this {
    this.context.enqueue("load names", () => {
      this.list = [...this.context.state.names.keys()].map((key) => {
        const item = new FakeNamedItem(this.context, key);
        item.settle(propsOf(arg), item.read());
        return item;
      });
      this.settle(["items"], true);
    });
    return this;
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this.context.enqueue(`names.add ${name}`, () => {
      const state = this.context.state;
      if (nameEntry(state, name)) throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} exists`);
      const problem = definedNameProblem(name);
      if (problem) throw refused(`The name ${name} ${problem}.`);
      if (typeof reference === "string") state.names.set(name, { sheet: "", ref: "", formula: reference, ...(comment && { comment }) });
      else {
        const t = reference.target()!;
        state.names.set(name, { sheet: t.sheet.name, ref: refOf(t.box), ...(comment && { comment }) });
      }
    });
    return new FakeNamedItem(this.context, name);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name);
  }
}

class FakeTableCollection extends FakeClientObject {
  private list: { name: string }[] = [];
  /** The workbook's tables, or those a range's getTables gives. */
  constructor(
    ctx: FakeContext,
    private readonly source: () => readonly { name: string }[] = () => ctx.state.sheets.flatMap((s) => s.tables),
  ) {
    super(ctx);
  }
  get items(): { name: string }[] {
    return this.loaded("items", this.list);
  }
  load(_arg?: LoadArg): this {
    this.context.enqueue("load tables", () => {
      this.list = this.source().map((t) => ({ name: t.name }));
      this.settle(["items"], true);
    });
    return this;
  }
}

/**
 * workbook.settings (ExcelApi 1.4, https://learn.microsoft.com/javascript/api/excel/excel.settingcollection):
 * add queues a set, getItemOrNullObject a read; both happen at sync, as Office.js does.
 */
class FakeSetting extends FakeClientObject {
  private loadedValue: unknown;
  constructor(ctx: FakeContext, private readonly key: string) {
    super(ctx);
  }
  get value(): unknown {
    return this.loaded("value", this.loadedValue);
  }
  load(arg?: LoadArg): this {
    this.queueLoad(`load setting ${this.key}`, arg, () => {
      const settings = this.context.state.settings;
      this.loadedValue = settings?.get(this.key);
      return settings?.has(this.key) ?? false;
    });
    return this;
  }
}

class FakeSettingCollection extends FakeClientObject {
  add(key: string, value: unknown): FakeSetting {
    this.context.enqueue(`settings.add ${key}`, () => {
      const state = this.context.state;
      (state.settings ??= new Map()).set(key, value);
    });
    return new FakeSetting(this.context, key);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return nullCheckedAtSync(new FakeSetting(this.context, key), () => this.context.state.settings?.has(key) ?? false);
  }
}

/** The selection ("'Sheet'!A1:B2"), as the fake's state holds it. */
function selectionTarget(ctx: FakeContext): Target {
  const address = ctx.state.selected;
  if (!address) return null;
  const bang = address.lastIndexOf("!");
  const raw = address.slice(0, bang);
  const sheet = ctx.sheet(raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw);
  return sheet ? { sheet, box: box(address.slice(bang + 1)) } : null;
}

class FakeWorkbook extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly protection: FakeProtection;
  readonly settings: FakeSettingCollection;
  private loadedReadOnly = false;
  constructor(private readonly ctx: FakeContext) {
    super(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.protection = new FakeProtection(ctx, () => ctx.state.workbookProtected);
  }
  get readOnly(): boolean {
    return this.loaded("readOnly", this.loadedReadOnly);
  }
  load(arg?: LoadArg): this {
    this.queueLoad("load workbook", arg, () => {
      this.loadedReadOnly = this.ctx.state.readOnly ?? false;
      return true;
    });
    return this;
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => selectionTarget(this.ctx));
  }
  getActiveCell(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = selectionTarget(this.ctx);
      return t && { sheet: t.sheet, box: { c1: t.box.c1, r1: t.box.r1, c2: t.box.c1, r2: t.box.r1 } };
    });
  }
}

/** A context as Excel.run passes it; the one place the fake is cast to the Office.js type. */
export function fakeContext(state: FakeState): Excel.RequestContext {
  return new FakeContext(state) as unknown as Excel.RequestContext;
}

// ---------- what a user does between add-in calls ----------

/** Shifts a range as Excel does when a column (or row) is inserted before `at`: ranges spanning it widen. */
function shift(ref: string, axis: "column" | "row", at: number): string {
  const [lo, hi] = axis === "column" ? (["c1", "c2"] as const) : (["r1", "r2"] as const);
  // Each area of a rule over several areas moves on its own.
  return boxes(ref)
    .map((b) => refOf({ ...b, [lo]: b[lo] >= at ? b[lo] + 1 : b[lo], [hi]: b[hi] >= at ? b[hi] + 1 : b[hi] }))
    .join(" ");
}

/**
 * Every cell formula's references to `sheetName`'s columns from `at` on moved one column right, as
 * Excel adjusts them on an insert ("Formulas with cell references automatically adjust after
 * insertion", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-insert): a
 * range spanning `at` widens. Text in double quotes stays; conditional-format formulas are not moved.
 */
function columnReferencesShifted(state: FakeState, sheetName: string, at: number): void {
  const reference = /(?<![A-Za-z0-9_.$'!])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Z]{1,3})(\$?\d+)(?::(\$?)([A-Z]{1,3})(\$?\d+))?(?![A-Za-z0-9_(!])/g;
  const moved = (c: string) => (colNumber(c) >= at ? colLetters(colNumber(c) + 1) : c);
  const unquoted = (prefix: string) => (prefix.startsWith("'") ? prefix.slice(1, -2).replace(/''/g, "'") : prefix.slice(0, -1));
  for (const sheet of state.sheets)
    for (const cell of sheet.cells.values())
      if (cell.formula !== undefined)
        cell.formula = cell.formula
          .split(/("(?:[^"]|"")*")/)
          .map((part, i) =>
            i % 2 === 1
              ? part
              : part.replace(reference, (whole, prefix: string | undefined, d1: string, c1: string, r1: string, d2?: string, c2?: string, r2?: string) => {
                  const on = prefix ? unquoted(prefix) : sheet.name;
                  if (on.toLowerCase() !== sheetName.toLowerCase()) return whole;
                  const second = c2 === undefined ? "" : `:${d2}${d2 ? c2 : moved(c2)}${r2}`;
                  return `${prefix ?? ""}${d1}${moved(c1)}${r1}${second}`;
                }),
          )
          .join("");
}

function insertOn(state: FakeState, sheetName: string, axis: "column" | "row", at: number): void {
  const sheet = state.sheets.find((s) => s.name === sheetName)!;
  sheet.cells = new Map([...sheet.cells].map(([ref, cell]) => [shift(ref, axis, at), cell]));
  for (const list of [sheet.rules, sheet.validations, sheet.tables]) for (const item of list) item.ref = shift(item.ref, axis, at);
  for (const n of state.names.values()) if (n.sheet === sheetName && n.formula === undefined) n.ref = shift(n.ref, axis, at);
  if (axis === "column") columnReferencesShifted(state, sheetName, at);
}

/** A user inserting a column before `column` (e.g. "E"): cells, names, rules and the formulas that refer to them move as in Excel. */
export function insertColumn(state: FakeState, sheetName: string, column: string): void {
  insertOn(state, sheetName, "column", colNumber(column));
}

/** A user inserting a row before `row`: cells, names and rules move as in Excel. Formulas are not rewritten. */
export function insertRow(state: FakeState, sheetName: string, row: number): void {
  insertOn(state, sheetName, "row", row);
}

/**
 * A formula's relative references moved by `dc` columns and `dr` rows, as a paste moves them;
 * "$" parts stay. Text in quotes (strings, quoted sheet names) is left as it is.
 */
export function movedFormula(formula: string, dc: number, dr: number): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (_, fc: string, c: string, fr: string, r: string) =>
            `${fc}${fc ? c : colLetters(colNumber(c) + dc)}${fr}${fr ? r : Number(r) + dr}`,
          ),
    )
    .join("");
}

/** Rewrites the references to sheet `name` in formulas (`'My sheet'!A1`, `Tracking!A1:B2`), outside text in double quotes. */
function sheetRefs(name: string, replace: (ref: string) => string): (formula: string) => string {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const sheet = `(?:'${escape(name.replace(/'/g, "''"))}'${/^[A-Za-z0-9_]+$/.test(name) ? `|(?<![A-Za-z0-9_.'])${escape(name)}` : ""})`;
  const pattern = new RegExp(`${sheet}!(\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?)`, "gi");
  const lower = name.toLowerCase();
  return (formula) =>
    !formula.toLowerCase().includes(lower)
      ? formula
      : formula
          .split(/("(?:[^"]|"")*")/)
          .map((part, i) => (i % 2 === 1 ? part : part.replace(pattern, (_, ref: string) => replace(ref))))
          .join("");
}

/** What Excel does to the rest of the workbook when a sheet is renamed: formulas and names that refer to it follow it. */
function sheetRenamed(state: FakeState, from: string, to: string): void {
  const rewrite = sheetRefs(from, (ref) => `${quote(to)}!${ref}`);
  for (const sheet of state.sheets) for (const cell of sheet.cells.values()) if (cell.formula !== undefined) cell.formula = rewrite(cell.formula);
  for (const n of state.names.values()) if (n.formula === undefined && n.sheet.toLowerCase() === from.toLowerCase()) n.sheet = to;
  if (state.activeSheet === from) state.activeSheet = to;
}

/**
 * What Excel does when a sheet is deleted: formulas that referred to its cells hold #REF! ("How to
 * correct a #REF! error": a reference to cells that were deleted,
 * https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d02-bf68-7a2b7fbe4a7d),
 * and so do the names that referred to them: a later sheet of the same name does not bring them back.
 */
function sheetDeleted(state: FakeState, name: string): void {
  const rewrite = sheetRefs(name, () => "#REF!");
  for (const sheet of state.sheets) for (const cell of sheet.cells.values()) if (cell.formula !== undefined) cell.formula = rewrite(cell.formula);
  for (const [key, n] of state.names)
    if (n.formula === undefined && n.sheet.toLowerCase() === name.toLowerCase()) state.names.set(key, { sheet: "", ref: "", formula: "=#REF!", ...(n.comment && { comment: n.comment }) });
}

/** Enum values the add-in reads from the Excel namespace. */
const EXCEL_ENUMS = {
  ConditionalFormatType: { custom: "Custom" },
  HorizontalAlignment: { center: "Center" },
  DataValidationOperator: { between: "Between", greaterThan: "GreaterThan" },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  ChartType: { barClustered: "BarClustered", line: "Line" },
  ChartSeriesBy: { columns: "Columns", rows: "Rows" },
  ChartLineStyle: { dash: "Dash" },
  PageOrientation: { landscape: "Landscape" },
  NamedItemType: { range: "Range", error: "Error" },
  RangeCopyType: { formulas: "Formulas" },
  InsertShiftDirection: { down: "Down", right: "Right" },
  GroupOption: { byColumns: "ByColumns" },
};

/** Installs Excel.run and the Office globals the add-in uses on `global`; returns the state they act on. */
export function installFakeOffice(global: Record<string, unknown>, state: FakeState = newFakeState()): FakeState {
  global.Excel = {
    ...EXCEL_ENUMS,
    // Excel.run(batch), or Excel.run(context, batch) to go on with an earlier context (as handlers are removed).
    run: async <T>(...args: [(context: Excel.RequestContext) => Promise<T>] | [Excel.RequestContext, (context: Excel.RequestContext) => Promise<T>]) =>
      args.length === 1 ? args[0](fakeContext(state)) : args[1](args[0]),
  };
  global.Office = {
    HostType: { Excel: "Excel" },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      get displayLanguage() {
        return state.displayLanguage;
      },
      requirements: { isSetSupported: () => state.apiSupported },
    },
  };
  return state;
}

// ---------- typed against @types/office-js ----------

/** Members of a fake that Office.js does not have, other than the fake's own plumbing. */
type Extra<Fake, Office, Plumbing extends string = never> = Exclude<keyof Fake, keyof Office | Plumbing>;
/** Office.js objects in parameters become `never`, so a fake proxy may stand in for them. */
type Loose<T> = T extends OfficeExtension.ClientObject ? never : T;
type LooseArgs<A extends unknown[]> = { [I in keyof A]: Loose<A[I]> };
/** Methods of a fake that cannot take the arguments the Office.js method takes. */
type WrongArgs<Fake, Office> = {
  [K in keyof Fake & keyof Office]: 0 extends 1 & Office[K] ? never : Office[K] extends (...args: infer A extends unknown[]) => unknown ? (Fake[K] extends (...args: LooseArgs<A>) => unknown ? never : K) : never;
}[keyof Fake & keyof Office];
type Checked<Fake, Office, Plumbing extends string = never> = Extra<Fake, Office, Plumbing> | WrongArgs<Fake, Office>;
type MustBeNever<T extends never> = T;

/**
 * Fails to compile when the fake grows a member Office.js lacks or a method Office.js calls
 * differently, so what the add-in does against the fake it can do against Excel.
 */
export type OfficeShapeChecks = [
  MustBeNever<Checked<FakeContext, Excel.RequestContext, "state" | "enqueue" | "sheet">>,
  MustBeNever<Checked<FakeContext["application"], Excel.Application>>,
  MustBeNever<Checked<FakeWorkbook, Excel.Workbook, "settle" | "parentIsNull" | "checkPath">>,
  MustBeNever<Checked<FakeProtection, Excel.WorksheetProtection, "settle" | "parentIsNull" | "checkPath">>,
  MustBeNever<Checked<FakeProtection, Excel.WorkbookProtection, "settle" | "parentIsNull" | "checkPath">>,
  MustBeNever<Checked<FakeWorksheetCollection, Excel.WorksheetCollection, "settle" | "parentIsNull" | "checkPath">>,
  MustBeNever<Checked<FakeWorksheet, Excel.Worksheet, "settle" | "parentIsNull" | "checkPath" | "sheetName" | "state" | "page">>,
  MustBeNever<Checked<FakeWorksheet["freezePanes"], Excel.WorksheetFreezePanes>>,
  MustBeNever<Checked<FakeRange, Excel.Range, "settle" | "parentIsNull" | "checkPath" | "target">>,
  MustBeNever<Checked<FakeRangeFormat, Excel.RangeFormat>>,
  MustBeNever<Checked<FakeRangeFormat["fill"], Excel.RangeFill>>,
  MustBeNever<Checked<FakeRangeFormat["font"], Excel.RangeFont>>,
  MustBeNever<Checked<FakeDataValidation, Excel.DataValidation>>,
  MustBeNever<Checked<FakeConditionalFormatCollection, Excel.ConditionalFormatCollection, "settle" | "parentIsNull" | "checkPath">>,
  MustBeNever<Checked<FakeConditionalFormat, Excel.ConditionalFormat, "settle" | "parentIsNull" | "checkPath">>,
  MustBeNever<Checked<FakeConditionalFormat["custom"], Excel.CustomConditionalFormat>>,
  MustBeNever<Checked<FakeConditionalFormat["custom"]["rule"], Excel.ConditionalFormatRule, "settle" | "parentIsNull" | "checkPath">>,
  MustBeNever<Checked<FakeNamedItemCollection, Excel.NamedItemCollection, "settle" | "parentIsNull" | "checkPath">>,
  MustBeNever<Checked<FakeNamedItem, Excel.NamedItem, "settle" | "parentIsNull" | "checkPath" | "read">>,
  MustBeNever<Checked<FakeTableCollection, Excel.TableCollection, "settle" | "parentIsNull" | "checkPath">>,
  MustBeNever<Checked<FakeWorksheetTables, Excel.TableCollection>>,
  MustBeNever<Checked<FakeTable, Excel.Table>>,
  MustBeNever<Checked<FakeWorksheetCharts, Excel.ChartCollection>>,
  MustBeNever<Checked<FakeChart, Excel.Chart>>,
  MustBeNever<Checked<FakeChart["series"], Excel.ChartSeriesCollection>>,
  MustBeNever<Checked<FakeChartSeries, Excel.ChartSeries>>,
  MustBeNever<Checked<FakeChart["axes"], Excel.ChartAxes>>,
  MustBeNever<Checked<FakeChart["axes"]["valueAxis"], Excel.ChartAxis>>,
  MustBeNever<Checked<FakeRangeAreas, Excel.RangeAreas>>,
  MustBeNever<Checked<FakePageLayout, Excel.PageLayout>>,
  MustBeNever<Checked<FakeWorksheet["horizontalPageBreaks"], Excel.PageBreakCollection>>,
];
