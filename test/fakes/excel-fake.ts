/**
 * A small fake Excel host for checking what the add-in asks Excel to do. It implements only the
 * Office.js members the add-in uses, queues operations until `sync()` as Office.js does (reads
 * before a sync see nothing), records every operation, counts syncs, and can fail on a chosen
 * operation. It computes no formulas: real engines (HyperFormula, LibreOffice) test those.
 * Plain TypeScript without jest, so the task pane's browser tests bundle it as their host.
 */

export interface FakeCell {
  formula?: string;
  value?: string | number | boolean;
  numberFormat?: string;
}

export interface FakeRule {
  id: string;
  ref: string;
  formula: string;
  fill?: string;
  font?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  formats: { ref: string; props: Record<string, unknown> }[];
  rules: FakeRule[];
  validations: { ref: string; rule?: unknown; errorAlert?: unknown }[];
  tables: { name: string; ref: string; style?: string }[];
  charts: { type: string; source: string; title?: string; from?: string; to?: string; series: { name?: string; values?: string; categories?: string }[] }[];
  frozen?: string;
}

export interface FakeState {
  sheets: FakeSheet[];
  names: Map<string, { sheet: string; ref: string; comment?: string }>;
  syncs: number;
  /** Every operation applied, in order, e.g. "worksheets.add Phase 1". */
  log: string[];
  activeSheet?: string;
  selected?: string;
  /** Operations for which this returns true (or an Office.js error code) fail at sync, as Office.js errors do. */
  failWhen?: (operation: string) => boolean | string;
  displayLanguage: string;
  apiSupported: boolean;
  /** Handlers the add-in registered with worksheets.onChanged; call them to simulate an edit. */
  changeHandlers: ((event: unknown) => Promise<void> | void)[];
}

export function newFakeState(): FakeState {
  return { sheets: [], names: new Map(), syncs: 0, log: [], displayLanguage: "en-US", apiSupported: true, changeHandlers: [] };
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
const quote = (sheet: string) => (/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
const intersects = (a: Box, b: Box) => a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;

// ---------- proxies ----------

type Target = { sheet: FakeSheet; box: Box } | null;

class FakeContext {
  private queue: { label: string; run: () => void }[] = [];
  readonly workbook: FakeWorkbook;
  readonly application = { suspendApiCalculationUntilNextSync: () => this.enqueue("application.suspendApiCalculationUntilNextSync", () => undefined) };
  constructor(readonly state: FakeState) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(label: string, run: () => void): void {
    this.queue.push({ label, run });
  }
  async sync(): Promise<void> {
    this.state.syncs++;
    const queue = this.queue;
    this.queue = [];
    for (const op of queue) {
      const failure = this.state.failWhen?.(op.label);
      if (failure) throw new FakeOfficeError(typeof failure === "string" ? failure : "GeneralException", `Fake failure at ${op.label}`);
      op.run();
      if (!op.label.startsWith("load")) this.state.log.push(op.label);
    }
  }
  sheet(name: string): FakeSheet | undefined {
    return this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

class Loadable {
  isNullObject = false;
  constructor(readonly ctx: FakeContext) {}
}

class FakeRangeFormat {
  readonly fill: { color?: string };
  readonly font: { bold?: boolean; italic?: boolean; color?: string; size?: number };
  constructor(ctx: FakeContext, target: () => Target) {
    const record = (prop: string) => (value: unknown) =>
      ctx.enqueue(`format ${prop}`, () => {
        const t = target()!;
        t.sheet.formats.push({ ref: refOf(t.box), props: { [prop]: value } });
      });
    const setters = (prefix: string, keys: string[]) => {
      const o: Record<string, unknown> = {};
      for (const k of keys) Object.defineProperty(o, k, { set: record(`${prefix}${k}`), enumerable: true });
      return o;
    };
    this.fill = setters("fill.", ["color"]);
    this.font = setters("font.", ["bold", "italic", "color", "size"]);
    Object.defineProperty(this, "horizontalAlignment", { set: record("horizontalAlignment") });
    Object.defineProperty(this, "columnWidth", { set: record("columnWidth") });
  }
}

class FakeConditionalFormat extends Loadable {
  id = "";
  type = "Custom";
  customOrNullObject: { isNullObject: boolean; rule: { formula: string } } = { isNullObject: true, rule: { formula: "" } };
  readonly custom: { rule: { formula?: string }; format: { fill: { color?: string }; font: { color?: string } } };
  constructor(
    ctx: FakeContext,
    private readonly rule: () => FakeRule | undefined,
    private readonly sheet: () => FakeSheet | undefined,
  ) {
    super(ctx);
    const set = (label: string, apply: (r: FakeRule, v: string) => void) => (v: string) => ctx.enqueue(`conditionalFormat ${label}`, () => apply(this.rule()!, v));
    const rule$ = {};
    Object.defineProperty(rule$, "formula", { set: set("formula", (r, v) => (r.formula = v)) });
    const fill = {};
    Object.defineProperty(fill, "color", { set: set("fill", (r, v) => (r.fill = v)) });
    const font = {};
    Object.defineProperty(font, "color", { set: set("font", (r, v) => (r.font = v)) });
    this.custom = { rule: rule$, format: { fill, font } };
  }
  delete(): void {
    this.ctx.enqueue("conditionalFormats.delete", () => {
      const s = this.sheet()!;
      s.rules = s.rules.filter((r) => r.id !== this.id);
    });
  }
}

let ruleIds = 0;

class FakeConditionalFormats extends Loadable {
  items: FakeConditionalFormat[] = [];
  constructor(
    ctx: FakeContext,
    private readonly target: () => Target,
  ) {
    super(ctx);
  }
  add(type: string): FakeConditionalFormat {
    const id = `cf${++ruleIds}`;
    const cf = new FakeConditionalFormat(
      this.ctx,
      () => this.target()!.sheet.rules.find((r) => r.id === id),
      () => this.target()?.sheet,
    );
    cf.id = id;
    this.ctx.enqueue(`conditionalFormats.add ${type}`, () => {
      const t = this.target()!;
      t.sheet.rules.push({ id, ref: refOf(t.box), formula: "" });
    });
    return cf;
  }
  load(): this {
    this.ctx.enqueue("load conditionalFormats", () => {
      const t = this.target();
      this.isNullObject = t === null;
      this.items = (t?.sheet.rules ?? [])
        .filter((r) => intersects(box(r.ref), t!.box))
        .map((r) => {
          const cf = new FakeConditionalFormat(this.ctx, () => t!.sheet.rules.find((x) => x.id === r.id), () => t!.sheet);
          cf.id = r.id;
          cf.customOrNullObject = { isNullObject: false, rule: { formula: r.formula } };
          return cf;
        });
    });
    return this;
  }
}

export class FakeRange extends Loadable {
  values: unknown[][] = [];
  address = "";
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormats;
  readonly dataValidation: { rule?: unknown; errorAlert?: unknown };
  constructor(
    ctx: FakeContext,
    readonly target: () => Target,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, target);
    this.conditionalFormats = new FakeConditionalFormats(ctx, target);
    const validation = (key: "rule" | "errorAlert") => (value: unknown) =>
      ctx.enqueue(`dataValidation.${key}`, () => {
        const t = target()!;
        const ref = refOf(t.box);
        const v = t.sheet.validations.find((x) => x.ref === ref) ?? t.sheet.validations[t.sheet.validations.push({ ref }) - 1];
        v[key] = value;
      });
    this.dataValidation = {};
    Object.defineProperty(this.dataValidation, "rule", { set: validation("rule") });
    Object.defineProperty(this.dataValidation, "errorAlert", { set: validation("errorAlert") });
  }
  private write(kind: "formulas" | "numberFormat", grid: unknown[][]): void {
    this.ctx.enqueue(`range.${kind}`, () => {
      const t = this.target()!;
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
    });
  }
  set formulas(grid: unknown[][]) {
    this.write("formulas", grid);
  }
  set numberFormat(grid: unknown[][]) {
    this.write("numberFormat", grid);
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.target()?.sheet.name ?? null);
  }
  load(_props?: string): this {
    this.ctx.enqueue("load range", () => {
      const t = this.target();
      this.isNullObject = t === null;
      if (!t) return;
      this.address = `${quote(t.sheet.name)}!${refOf(t.box)}`;
      this.values = [];
      for (let r = t.box.r1; r <= Math.min(t.box.r2, t.box.r1 + 200); r++) {
        const row: unknown[] = [];
        for (let c = t.box.c1; c <= Math.min(t.box.c2, t.box.c1 + 60); c++) {
          const cell = t.sheet.cells.get(`${colLetters(c)}${r}`);
          row.push(cell?.value ?? "");
        }
        this.values.push(row);
      }
    });
    return this;
  }
  getColumnsBefore(count: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      return t && { sheet: t.sheet, box: { ...t.box, c1: t.box.c1 - count, c2: t.box.c1 - 1 } };
    });
  }
  select(): void {
    this.ctx.enqueue("range.select", () => {
      const t = this.target()!;
      this.ctx.state.selected = `${quote(t.sheet.name)}!${refOf(t.box)}`;
      this.ctx.state.activeSheet = t.sheet.name;
    });
  }
}

class FakeWorksheet extends Loadable {
  name = "";
  readonly freezePanes = {
    freezeAt: (range: FakeRange) => this.ctx.enqueue("freezePanes.freezeAt", () => (this.state()!.frozen = refOf(range.target()!.box))),
    freezeRows: (rows: number) => this.ctx.enqueue("freezePanes.freezeRows", () => (this.state()!.frozen = `rows:${rows}`)),
  };
  readonly tables = {
    add: (ref: string) => {
      const table = { name: "", ref, style: undefined as string | undefined };
      this.ctx.enqueue(`tables.add ${ref}`, () => this.state()!.tables.push(table));
      const proxy = {};
      Object.defineProperty(proxy, "name", { set: (v: string) => this.ctx.enqueue("table.name", () => (table.name = v)), get: () => table.name });
      Object.defineProperty(proxy, "style", { set: (v: string) => this.ctx.enqueue("table.style", () => (table.style = v)) });
      return proxy;
    },
  };
  readonly charts = {
    add: (type: string, source: FakeRange) => {
      const chart: FakeSheet["charts"][number] = { type, source: "", series: [{}] };
      this.ctx.enqueue(`charts.add ${type}`, () => {
        chart.source = refOf(source.target()!.box);
        this.state()!.charts.push(chart);
      });
      const seriesProxy = (k: number) => {
        const s = {
          setXAxisValues: (r: FakeRange) => this.ctx.enqueue("series.setXAxisValues", () => (chart.series[k].categories = refOf(r.target()!.box))),
          setValues: (r: FakeRange) => this.ctx.enqueue("series.setValues", () => (chart.series[k].values = refOf(r.target()!.box))),
        };
        Object.defineProperty(s, "name", { set: (v: string) => this.ctx.enqueue("series.name", () => (chart.series[k].name = v)) });
        return s;
      };
      const title = {};
      Object.defineProperty(title, "text", { set: (v: string) => this.ctx.enqueue("chart.title", () => (chart.title = v)) });
      return {
        title,
        setPosition: (from: string, to: string) => this.ctx.enqueue("chart.setPosition", () => Object.assign(chart, { from, to })),
        series: {
          getItemAt: (k: number) => seriesProxy(k),
          add: (name: string) => {
            const k = chart.series.push({ name }) - 1;
            return seriesProxy(k);
          },
        },
      };
    },
  };
  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string | null,
  ) {
    super(ctx);
  }
  private state(): FakeSheet | undefined {
    const n = this.sheetName();
    return n === null ? undefined : this.ctx.sheet(n);
  }
  getRange(ref?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.state();
      return s ? { sheet: s, box: ref ? box(ref) : { c1: 1, r1: 1, c2: MAX_COL, r2: MAX_ROW } } : null;
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this.getRange(`${colLetters(col + 1)}${row + 1}:${colLetters(col + cols)}${row + rows}`);
  }
  activate(): void {
    this.ctx.enqueue("worksheet.activate", () => (this.ctx.state.activeSheet = this.state()!.name));
  }
  delete(): void {
    this.ctx.enqueue("worksheets.delete", () => (this.ctx.state.sheets = this.ctx.state.sheets.filter((s) => s !== this.state())));
  }
  load(): this {
    this.ctx.enqueue("load worksheet", () => {
      const s = this.state();
      this.isNullObject = !s;
      this.name = s?.name ?? "";
    });
    return this;
  }
}

class FakeNamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly name: string,
  ) {
    super(ctx);
  }
  private target(): Target {
    const n = this.ctx.state.names.get(this.name);
    const sheet = n && this.ctx.sheet(n.sheet);
    return n && sheet ? { sheet, box: box(n.ref) } : null;
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, () => this.target());
  }
  delete(): void {
    this.ctx.enqueue(`names.delete ${this.name}`, () => this.ctx.state.names.delete(this.name));
  }
  load(): this {
    this.ctx.enqueue("load name", () => (this.isNullObject = !this.ctx.state.names.has(this.name)));
    return this;
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

class FakeWorkbook {
  readonly worksheets;
  readonly names;
  readonly tables;
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => selectionTarget(this.ctx));
  }
  getActiveCell(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = selectionTarget(this.ctx);
      return t && { sheet: t.sheet, box: { c1: t.box.c1, r1: t.box.r1, c2: t.box.c1, r2: t.box.r1 } };
    });
  }
  constructor(readonly ctx: FakeContext) {
    const state = ctx.state;
    const sheetProxy = (name: string) => new FakeWorksheet(ctx, () => name);
    this.worksheets = {
      items: [] as FakeWorksheet[],
      load: () => {
        ctx.enqueue("load worksheets", () => (this.worksheets.items = state.sheets.map((s) => Object.assign(sheetProxy(s.name), { name: s.name }))));
        return this.worksheets;
      },
      add: (name: string) => {
        ctx.enqueue(`worksheets.add ${name}`, () => {
          if (ctx.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists`);
          state.sheets.push({ name, cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] });
        });
        return sheetProxy(name);
      },
      getItem: (name: string) => sheetProxy(name),
      getItemOrNullObject: (name: string) => sheetProxy(name),
      onChanged: {
        add: (handler: (event: unknown) => Promise<void> | void) => {
          state.changeHandlers.push(handler);
          return {
            context: { sync: async () => undefined },
            remove: () => (state.changeHandlers = state.changeHandlers.filter((h) => h !== handler)),
          };
        },
      },
    };
    this.names = {
      items: [] as { name: string }[],
      load: () => {
        ctx.enqueue("load names", () => (this.names.items = [...state.names.keys()].map((name) => ({ name }))));
        return this.names;
      },
      add: (name: string, range: FakeRange, comment?: string) =>
        ctx.enqueue(`names.add ${name}`, () => {
          if (state.names.has(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} exists`);
          const t = range.target()!;
          state.names.set(name, { sheet: t.sheet.name, ref: refOf(t.box), comment });
        }),
      getItemOrNullObject: (name: string) => new FakeNamedItem(ctx, name),
    };
    this.tables = {
      items: [] as { name: string }[],
      load: () => {
        ctx.enqueue("load tables", () => (this.tables.items = state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name })))));
        return this.tables;
      },
    };
  }
}

/** A context as Excel.run passes it; the one place the fake is cast to the Office.js type. */
export function fakeContext(state: FakeState): Excel.RequestContext {
  return new FakeContext(state) as unknown as Excel.RequestContext;
}

/** Simulates a user inserting a column before `column` on a sheet: cells shift right, names widen as Excel's do. */
export function insertColumn(state: FakeState, sheetName: string, column: string): void {
  const sheet = state.sheets.find((s) => s.name === sheetName)!;
  const at = colNumber(column);
  const shifted = new Map<string, FakeCell>();
  for (const [ref, cell] of sheet.cells) {
    const b = box(ref);
    shifted.set(b.c1 >= at ? `${colLetters(b.c1 + 1)}${b.r1}` : ref, cell);
  }
  sheet.cells = shifted;
  for (const n of state.names.values()) {
    if (n.sheet !== sheetName) continue;
    const b = box(n.ref);
    n.ref = refOf({ ...b, c1: b.c1 >= at ? b.c1 + 1 : b.c1, c2: b.c2 >= at ? b.c2 + 1 : b.c2 });
  }
}

/** Enum values the add-in reads from the Excel namespace. */
const EXCEL_ENUMS = {
  ConditionalFormatType: { custom: "Custom" },
  HorizontalAlignment: { center: "Center" },
  DataValidationOperator: { between: "Between" },
  DataValidationAlertStyle: { stop: "Stop" },
  ChartType: { barClustered: "BarClustered" },
  ChartSeriesBy: { columns: "Columns" },
};

/** Installs Excel.run and the Office globals the add-in uses on `global`; returns the state they act on. */
export function installFakeOffice(global: Record<string, unknown>, state: FakeState = newFakeState()): FakeState {
  global.Excel = {
    ...EXCEL_ENUMS,
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(fakeContext(state)),
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
