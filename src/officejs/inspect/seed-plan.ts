/**
 * Inspect on the Departments and Channels sheets (product.md 13), planned without a host: a
 * selection is recognised by the workbook names that cover it (Dept_<key>, Dept_<id>_Flag,
 * Channel_<slot>_<measure>, Channel_Diversity...), and each KPI it reaches is judged by the SCALE
 * functions themselves (the band rule of product.md 4, as a risk indicator: SCALE.RISK's level,
 * SCALE.GAP's gap), with a formula the user can copy that gives the same level in a cell. A KPI's
 * flag is judged in the reporting month (Scale_ReportingMonth on Tracking_Months), as the sheet's
 * flag is; the Channels sheet's flag cells, which have no name, through the names beside them.
 * A Departments flag judges the KPI's own row (read through Dept_MonthBlock, so a number typed
 * over a computed month counts, as it does for the sheet), a Channels flag that sheet's row; both
 * against the target the workbook holds (Dept_<id>_Target, Channel_<kpi>_Target): an edited target
 * is judged by the band rule itself, a cleared one gives no level, text in it #N/A, as the flag.
 */
import type { Language } from "../../core/catalog";
import {
  Address,
  absolute,
  cell,
  onSheet as onSheetRef,
  parseAddress,
} from "../../core/address";
import type { Cell } from "../../core/cell";
import { gapOf, kpiRule, levelOf } from "../../core/evaluate";
import { yearMonthOf } from "../../core/months";
import {
  DEPARTMENT_KPIS,
  DepartmentKpi,
  departmentKpi,
  relativeChange,
} from "../../core/department-kpis";
import {
  CHANNEL_MEASURES,
  CHANNEL_SLOTS,
  CHANNEL_KPI_IDS,
  ChannelMeasure,
  DEPARTMENT_INPUT_ROWS,
  changeValueKey,
  channelKey,
} from "../../core/department-rows";
import { CHANNELS } from "../../core/template/channels-layout";
import { DEPARTMENTS_SHEET } from "../../core/template/departments-layout";
import { relativeChangeFormula } from "../../core/template/formulas";
import { CHANNEL_KPI_ROWS, NAMES } from "../../core/template/names";
import { isExcelError } from "../../functions/errors";
import { gap, risk, target } from "../../functions/functions";
import { functionName } from "../../functions/spanish";

/** A name's cells as read: where they are and their values. */
export interface NamedCells {
  readonly address: Address;
  readonly values: readonly (readonly Cell[])[];
}

export interface InspectedKpi {
  /** The department KPI's id, `sales.win_rate`. */
  readonly id: string;
  /** The cell the value is from (or computed from), as the pane names it. */
  readonly address: string;
  /** The value judged: typed, or computed as the sheet computes it (a change, a channel's CAC). */
  readonly value?: number;
  /** SCALE.TARGET's target, SCALE.RISK's level and SCALE.GAP's gap (an error's code where they give one, "#VALUE!"). */
  readonly target: number | string;
  readonly level: string;
  readonly gap?: number | string;
  /**
   * `=SCALE.RISK("sales.win_rate", S12)` in Excel's display language and syntax; none without a
   * value, nor where the workbook's target is not the seed's (SCALE.RISK judges against the seed's).
   */
  readonly formula?: string;
  /**
   * The workbook's target cell where it is not the seed's: "edited" (another number, judged by the
   * band rule against it), "cleared" (blank or 0: the check is off, no level), "text" (#N/A).
   */
  readonly targetCell?: "edited" | "cleared" | "text";
}

const CHANNEL_KPI = {
  diversity: "marketing.channel_diversity",
  cac: "marketing.cac_by_channel",
  roi: "marketing.roi_by_channel",
} as const;

/** What a name on the two sheets holds: a typed department row, a KPI's flag, a channel's measure, a channel KPI's month row. */
type Role =
  | { kind: "department"; kpi: DepartmentKpi; measured: boolean }
  | { kind: "flag"; kpi: DepartmentKpi }
  | { kind: "channel"; slot: string; measure: ChannelMeasure }
  | { kind: "channelKpi"; kpi: DepartmentKpi };

const ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...DEPARTMENT_INPUT_ROWS.map((r): [string, Role] => [
    NAMES.department(r.key),
    { kind: "department", kpi: r.kpi, measured: r.measured },
  ]),
  ...DEPARTMENT_KPIS.map((k): [string, Role] => [
    NAMES.departmentFlag(k.id),
    { kind: "flag", kpi: k },
  ]),
  ...CHANNEL_SLOTS.flatMap((slot) =>
    CHANNEL_MEASURES.map((measure): [string, Role] => [
      NAMES.channel(channelKey(slot, measure)),
      { kind: "channel", slot, measure },
    ]),
  ),
  ...(
    [
      [NAMES.channelDiversity, CHANNEL_KPI.diversity],
      [NAMES.channelWorstCac, CHANNEL_KPI.cac],
      [NAMES.channelWorstRoi, CHANNEL_KPI.roi],
    ] as const
  ).map(([name, id]): [string, Role] => [
    name,
    { kind: "channelKpi", kpi: departmentKpi(id)! },
  ]),
]);

/**
 * A tracker without Dept_MonthBlock (made before it): the month row a KPI's flag is computed from,
 * a change KPI's measured value, a linked KPI's Tracking row, a channel KPI's Channels row, else
 * the KPI's typed row (departments-sheet.ts judgedMonthFormula).
 */
function flagRowName(kpi: DepartmentKpi): string {
  if (kpi.change) return NAMES.department(changeValueKey(kpi.id));
  if (kpi.link) return NAMES.tracking(kpi.link);
  return CHANNEL_KPI_ROWS[kpi.id] ?? NAMES.department(kpi.id);
}

/** The target cell a KPI's flag judges against: a channel KPI's on the Channels sheet, another's on its Departments row. */
const targetName = (id: string) =>
  CHANNEL_KPI_IDS.includes(id)
    ? NAMES.channelTarget(id)
    : NAMES.departmentTarget(id);

/**
 * The names a KPI's flag is judged with: on the Departments sheet its own row (in Dept_MonthBlock)
 * or, without that name, the row it is computed from; on the Channels sheet that sheet's row of the
 * KPI; the reporting month and the timeline's headers; its target; for CAC by channel, what makes
 * the Channels sheet's highest-CAC flag RISK.
 */
function flagNames(
  kpi: DepartmentKpi,
  names: { has(name: string): boolean },
  onDepartments: boolean,
) {
  const own = onDepartments && names.has(NAMES.departmentMonthBlock);
  const wanted = [
    own ? NAMES.departmentMonthBlock : flagRowName(kpi),
    NAMES.reportingMonth,
    NAMES.months,
    targetName(kpi.id),
  ];
  if (!own && kpi.change) wanted.push(NAMES.departmentBaseline(kpi.id));
  if (kpi.id === CHANNEL_KPI.cac)
    wanted.push(
      NAMES.channelWorstCac,
      ...CHANNEL_SLOTS.flatMap((slot) =>
        (["spend", "customers"] as const).map((m) =>
          NAMES.channel(channelKey(slot, m)),
        ),
      ),
    );
  return wanted;
}

/**
 * A flag cell of the Channels sheet (column C): a channel KPI's row over all channels, or a
 * channel's CAC or ROI row. They have no name of their own (a name each would cost workbook
 * operations), so they are found through names that exist, as channels-layout.ts places them: a
 * channel KPI's flag beside its target (`Channel_<kpi>_Target`), a channel's CAC and ROI rows below
 * its spend row (`Channel_<slot>_spend`), in the targets' flag column.
 */
type ChannelFlag =
  | { readonly kind: "kpi"; readonly kpi: DepartmentKpi; readonly at: Address }
  | {
      readonly kind: "slot";
      readonly slot: string;
      readonly which: "cac" | "roi";
      /** The channel's CAC or ROI row in channels-layout.ts: where Channel_MonthBlock holds its months. */
      readonly layoutRow: number;
      readonly at: Address;
    };

const FLAG_FROM_TARGET = CHANNELS.columns.flag - CHANNELS.columns.target;

const oneCell = (sheet: string, col: number, row: number): Address => ({
  sheet,
  start: { col, row },
  end: { col, row },
});

/** The Channels sheet's flag cells, located through `where` (a name's cells, as listed or as read). */
function channelFlags(
  where: (name: string) => Address | undefined,
): ChannelFlag[] {
  const flags: ChannelFlag[] = [];
  for (const id of Object.values(CHANNEL_KPI)) {
    const target = where(NAMES.channelTarget(id));
    if (target)
      flags.push({
        kind: "kpi",
        kpi: departmentKpi(id)!,
        at: oneCell(
          target.sheet,
          target.start.col + FLAG_FROM_TARGET,
          target.start.row,
        ),
      });
  }
  const column = where(NAMES.channelTarget(CHANNEL_KPI.cac));
  if (!column) return flags;
  CHANNEL_SLOTS.forEach((slot, s) => {
    const spend = where(NAMES.channel(channelKey(slot, "spend")));
    if (!spend) return;
    const below = (row: number) =>
      spend.start.row + row - CHANNELS.measureRow(s, "spend");
    for (const which of ["cac", "roi"] as const) {
      const layoutRow =
        which === "cac" ? CHANNELS.cacRow(s) : CHANNELS.roiRow(s);
      flags.push({
        kind: "slot",
        slot,
        which,
        layoutRow,
        at: oneCell(
          spend.sheet,
          column.start.col + FLAG_FROM_TARGET,
          below(layoutRow),
        ),
      });
    }
  });
  return flags;
}

/** The names a Channels flag cell is located and judged with. */
function channelFlagNames(
  flag: ChannelFlag,
  names: { has(name: string): boolean },
): string[] {
  if (flag.kind === "kpi") return flagNames(flag.kpi, names, false);
  return [
    NAMES.channelTarget(CHANNEL_KPI.cac),
    NAMES.channelTarget(CHANNEL_KPI[flag.which]),
    ...CHANNEL_MEASURES.map((m) => NAMES.channel(channelKey(flag.slot, m))),
    NAMES.channelMonthBlock,
    NAMES.reportingMonth,
    NAMES.months,
  ];
}

/** The sheet and cells a name's formula (NamedItem.formula, "=Áreas!$S$12:$AP$12") refers to; undefined for anything else. */
export function nameAddress(formula: unknown): Address | undefined {
  if (typeof formula !== "string") return undefined;
  const m = /^=((?:'(?:[^']|'')+'|[^'!]+)![$A-Z0-9:]+)$/.exec(formula.trim());
  return m ? parseAddress(m[1].replace(/\$/g, "")) : undefined;
}

const overlaps = (a: Address, b: Address) =>
  a.sheet.toLowerCase() === b.sheet.toLowerCase() &&
  a.start.col <= b.end.col &&
  b.start.col <= a.end.col &&
  a.start.row <= b.end.row &&
  b.start.row <= a.end.row;

/** The names Inspect reads for a selection: those covering it, and what they are judged with (a baseline, a channel's other measures). */
export function namesToRead(
  selection: Address,
  names: ReadonlyMap<string, Address>,
): string[] {
  const covering = [...names].filter(
    ([name, at]) => ROLES.has(name) && overlaps(at, selection),
  );
  const wanted = new Set<string>();
  for (const [name] of covering) {
    wanted.add(name);
    const role = ROLES.get(name)!;
    if (role.kind === "department" && role.measured)
      wanted.add(NAMES.departmentBaseline(role.kpi.id));
    if (role.kind === "flag")
      for (const n of flagNames(role.kpi, names, true)) wanted.add(n);
    else if (role.kind === "channel") {
      for (const m of CHANNEL_MEASURES)
        wanted.add(NAMES.channel(channelKey(role.slot, m)));
      wanted.add(targetName(CHANNEL_KPI.cac));
      wanted.add(targetName(CHANNEL_KPI.roi));
    } else wanted.add(targetName(role.kpi.id));
  }
  for (const flag of channelFlags((n) => names.get(n)))
    if (overlaps(flag.at, selection))
      for (const n of channelFlagNames(flag, names)) wanted.add(n);
  return [...wanted].filter((n) => names.has(n));
}

const first = (grid: unknown): unknown =>
  Array.isArray(grid) ? (grid[0] as unknown[])?.[0] : grid;
/** A result as the cell shows it: an error as its code ("#VALUE!"); the pane explains it in its own language. */
const shownOf = (x: unknown): number | string =>
  isExcelError(x) ? x.code : (x as number | string);
const numberAt = (cells: NamedCells | undefined, offset: number) => {
  const v = cells?.values[0]?.[offset];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
};
const refAt = (cells: NamedCells, offset: number) =>
  cell(cells.address.start.col + offset, cells.address.start.row);
const absoluteRef = (cells: NamedCells) =>
  absolute(cells.address.start.col, cells.address.start.row);

/**
 * The target cell's content as the sheet's flag reads it (formulas.ts whereJudged): undefined for
 * the seed's target (or no such name: an older tracker); blank or 0 switches the check off
 * (product.md 4), text is #N/A, another number is the target.
 */
function workbookTarget(
  id: string,
  read: ReadonlyMap<string, NamedCells>,
):
  | { kind: "edited"; target: number }
  | { kind: "cleared" | "text"; target: string }
  | undefined {
  const cells = read.get(targetName(id));
  if (!cells) return undefined;
  const held = cells.values[0]?.[0];
  if (typeof held === "string" && held !== "")
    return { kind: "text", target: held };
  if (typeof held !== "number" || held === 0)
    return { kind: "cleared", target: "" };
  return held === departmentKpi(id)?.target
    ? undefined
    : { kind: "edited", target: held };
}

/**
 * One KPI judged by the functions, with the formula that judges it in a cell; against the target
 * the workbook holds where it is not the seed's, by the band rule itself (SCALE.RISK takes no
 * target for a department KPI), with no formula.
 */
function judged(
  id: string,
  address: string,
  value: number | undefined,
  expression: string | undefined,
  language: Language,
  read: ReadonlyMap<string, NamedCells>,
): InspectedKpi {
  const held = workbookTarget(id, read);
  const shown = {
    id,
    address,
    target: held?.target ?? shownOf(first(target([[id]], undefined))),
    ...(held && { targetCell: held.kind }),
  };
  if (value === undefined) return { ...shown, level: "" };
  const level = String(shownOf(first(risk([[id]], [[value]]))));
  const rejected = level.startsWith("#");
  if (held?.kind === "cleared" && !rejected)
    return { ...shown, value, level: "" };
  if (held?.kind === "text" && !rejected)
    return { ...shown, value, level: "#N/A" };
  if (held?.kind === "edited" && !rejected) {
    const rule = { ...kpiRule(departmentKpi(id)!), threshold: held.target };
    return {
      ...shown,
      value,
      level: levelOf(value, rule),
      gap: gapOf(value, rule),
    };
  }
  const separator = language === "es" ? ";" : ",";
  return {
    ...shown,
    value,
    level,
    gap: shownOf(first(gap([[id]], [[value]], undefined))),
    formula:
      expression && !held
        ? `=${functionName("RISK", language)}("${id}"${separator} ${expression})`
        : undefined,
  };
}

/** The month offsets of a row the selection covers, latest first. */
function selectedOffsets(row: NamedCells, selection: Address): number[] {
  const from = Math.max(selection.start.col, row.address.start.col);
  const to = Math.min(selection.end.col, row.address.end.col);
  const offsets: number[] = [];
  for (let c = to; c >= from; c--) offsets.push(c - row.address.start.col);
  return offsets;
}

/**
 * The reporting month's position on the timeline (0-based), as the dashboard finds it: the month
 * header of the same calendar month as Scale_ReportingMonth; undefined where it is not a date on
 * the timeline (the sheet's flags are then blank). The Departments and Channels sheets' months are
 * Tracking's, position for position.
 */
export function reportingOffset(
  read: ReadonlyMap<string, NamedCells>,
): number | undefined {
  const month = yearMonthOf(read.get(NAMES.reportingMonth)?.values[0]?.[0]);
  const headers = read.get(NAMES.months)?.values[0] ?? [];
  if (!month) return undefined;
  const k = headers.findIndex((h) => yearMonthOf(h) === month);
  return k >= 0 ? k : undefined;
}

/**
 * A count per year as the Departments sheet judges it at month offset k: the last 12 months' sum
 * x 12 / the months typed among them (blank months skipped, product.md 4).
 */
function yearlyRate(
  cells: NamedCells,
  k: number,
): { value: number; formula: string } {
  const start = Math.max(0, k - 11);
  const typed = cells.values[0]
    .slice(start, k + 1)
    .filter((v): v is number => typeof v === "number");
  const sum = typed.reduce((s, v) => s + v, 0);
  const ref = `${refAt(cells, start)}:${refAt(cells, k)}`;
  return {
    value: (sum * 12) / typed.length,
    formula: `SUM(${ref})*12/COUNT(${ref})`,
  };
}

/** The latest selected month of a row holding a number (the value a row of months shows last). */
const latestNumber = (row: NamedCells, selection: Address) =>
  selectedOffsets(row, selection).find((k) => numberAt(row, k) !== undefined);

/** A change KPI at month offset k: its measured value against its baseline, as the sheet computes it; none without a baseline. */
function changeJudged(
  kpi: DepartmentKpi,
  row: NamedCells,
  k: number,
  read: ReadonlyMap<string, NamedCells>,
  onSheet: (ref: string) => string,
  language: Language,
): InspectedKpi | undefined {
  const baseline = read.get(NAMES.departmentBaseline(kpi.id));
  const base = numberAt(baseline, 0);
  const value = numberAt(row, k);
  if (!baseline || base === undefined || value === undefined) return undefined;
  const change = relativeChange(kpi.change!, base, value);
  if (change === undefined) return undefined;
  const at = refAt(row, k);
  return judged(
    kpi.id,
    onSheet(at),
    change,
    relativeChangeFormula(kpi.change!, absoluteRef(baseline), at),
    language,
    read,
  );
}

/**
 * The KPI's own row of the Departments sheet, the one its value and flag read, cut from
 * Dept_MonthBlock where departments-layout.ts places it (as a rebuild reads it); undefined in a
 * tracker without that name.
 */
function ownRow(
  kpi: DepartmentKpi,
  read: ReadonlyMap<string, NamedCells>,
): NamedCells | undefined {
  return blockRow(
    read.get(NAMES.departmentMonthBlock),
    DEPARTMENTS_SHEET.kpiRow(kpi.id) - DEPARTMENTS_SHEET.monthBlock.first,
  );
}

/** Row i of a month block's cells (Dept_MonthBlock, Channel_MonthBlock), as a name's one row. */
function blockRow(
  block: NamedCells | undefined,
  i: number,
): NamedCells | undefined {
  const values = block?.values[i];
  if (!block || !values) return undefined;
  const row = block.address.start.row + i;
  return {
    address: {
      sheet: block.address.sheet,
      start: { col: block.address.start.col, row },
      end: { col: block.address.end.col, row },
    },
    values: [values],
  };
}

/**
 * "CAC by channel" is RISK, as the sheet's flag, where the Channels sheet's highest-CAC flag is: a
 * channel spent and got no customer that month (its CAC only a lower bound), or the highest CAC
 * itself is RISK; then no gap (there is no CAC to measure it from) and no SCALE.RISK formula says
 * so. Not where the target is cleared or text: that flag is then blank or #N/A too.
 */
function cacFlag(
  result: InspectedKpi,
  read: ReadonlyMap<string, NamedCells>,
  k: number,
): InspectedKpi {
  const highest = numberAt(read.get(NAMES.channelWorstCac), k);
  const highestAtRisk =
    highest !== undefined &&
    judged(CHANNEL_KPI.cac, "", highest, undefined, "en", read).level ===
      "RISK";
  return spentWithoutCustomers(read, k) || highestAtRisk
    ? failing(result)
    : result;
}

/** RISK whatever the value, with no gap and no formula; not where the target is cleared or text (the flag is blank or #N/A). */
const failing = (result: InspectedKpi): InspectedKpi =>
  result.targetCell === "cleared" || result.targetCell === "text"
    ? result
    : { ...result, level: "RISK", gap: undefined, formula: undefined };

/**
 * A KPI's flag cell: judged as the sheet's flag is, on the Departments sheet the KPI's own row in
 * the reporting month (without Dept_MonthBlock, the row it is computed from: a change KPI's
 * measured value against its baseline, a count per year at its yearly rate), on the Channels sheet
 * that sheet's row of the KPI; unjudged, as the flag is blank, where there is no reporting month
 * on the timeline or the row has no number that month.
 */
function flagJudged(
  kpi: DepartmentKpi,
  flag: NamedCells,
  onDepartments: boolean,
  read: ReadonlyMap<string, NamedCells>,
  onSheet: (ref: string) => string,
  language: Language,
): InspectedKpi {
  const own = onDepartments ? ownRow(kpi, read) : undefined;
  const row = own ?? read.get(flagRowName(kpi));
  const k = reportingOffset(read);
  const unjudged = () =>
    judged(
      kpi.id,
      onSheet(refAt(flag, 0)),
      undefined,
      undefined,
      language,
      read,
    );
  if (!row || k === undefined || numberAt(row, k) === undefined)
    return unjudged();
  // Without Dept_MonthBlock, a linked or channel KPI's row is on Tracking or the Channels sheet:
  // named with its sheet.
  const elsewhere = row.address.sheet !== flag.address.sheet;
  const rowSheet = (ref: string) =>
    elsewhere ? `${row.address.sheet}!${ref}` : onSheet(ref);
  const expression = (ref: string) =>
    elsewhere ? onSheetRef(row.address.sheet, ref) : ref;
  if (!own && kpi.change)
    return changeJudged(kpi, row, k, read, onSheet, language) ?? unjudged();
  // Without Dept_MonthBlock, a count per year is judged at its yearly rate, as the flag is.
  const yearly = !own && kpi.per === "year" ? yearlyRate(row, k) : undefined;
  const result = judged(
    kpi.id,
    rowSheet(refAt(row, k)),
    yearly ? yearly.value : numberAt(row, k),
    yearly ? yearly.formula : expression(refAt(row, k)),
    language,
    read,
  );
  return kpi.id === CHANNEL_KPI.cac ? cacFlag(result, read, k) : result;
}

/** Whether a channel spent and got no new customer in month offset k (its CAC only a lower bound). */
const spentWithoutCustomers = (
  read: ReadonlyMap<string, NamedCells>,
  k: number,
  slots: readonly string[] = CHANNEL_SLOTS,
) =>
  slots.some((slot) => {
    const at = (m: ChannelMeasure) =>
      numberAt(read.get(NAMES.channel(channelKey(slot, m))), k);
    const spend = at("spend");
    return spend !== undefined && spend > 0 && at("customers") === 0;
  });

/** A channel's CAC (spend / new customers) and first-year ROI ((12 x new MRR - spend) / spend) at month offset k, where they have a value. */
function channelMonth(
  slot: string,
  k: number,
  read: ReadonlyMap<string, NamedCells>,
  onSheet: (ref: string) => string,
  language: Language,
): { cac?: InspectedKpi; roi?: InspectedKpi } {
  const of = (m: ChannelMeasure) =>
    read.get(NAMES.channel(channelKey(slot, m)));
  const [spend, customers, mrr] = (
    ["spend", "customers", "new_mrr"] as const
  ).map(of);
  if (!spend || !customers || !mrr) return {};
  const s = numberAt(spend, k);
  const c = numberAt(customers, k);
  const n = numberAt(mrr, k);
  const [sRef, cRef, nRef] = [spend, customers, mrr].map((x) => refAt(x, k));
  return {
    ...(s !== undefined &&
      c !== undefined &&
      c > 0 && {
        cac: judged(
          CHANNEL_KPI.cac,
          onSheet(sRef),
          s / c,
          `${sRef}/${cRef}`,
          language,
          read,
        ),
      }),
    ...(s !== undefined &&
      n !== undefined &&
      s > 0 && {
        roi: judged(
          CHANNEL_KPI.roi,
          onSheet(nRef),
          (12 * n - s) / s,
          `(12*${nRef}-${sRef})/${sRef}`,
          language,
          read,
        ),
      }),
  };
}

/**
 * A channel's CAC or ROI flag on the Channels sheet: its CAC or ROI in the reporting month, as the
 * sheet's flag judges it; a channel that spent and got no customer that month is RISK, its CAC
 * only the spend (channels-sheet.ts channelCacFlag); unjudged, as the flag is blank, without a value.
 */
function channelFlagJudged(
  flag: Extract<ChannelFlag, { kind: "slot" }>,
  read: ReadonlyMap<string, NamedCells>,
  onSheet: (ref: string) => string,
  language: Language,
): InspectedKpi {
  const id = CHANNEL_KPI[flag.which];
  const k = reportingOffset(read);
  const unjudged = judged(
    id,
    onSheet(cell(flag.at.start.col, flag.at.start.row)),
    undefined,
    undefined,
    language,
    read,
  );
  if (k === undefined) return unjudged;
  const spend = read.get(NAMES.channel(channelKey(flag.slot, "spend")));
  if (
    flag.which === "cac" &&
    spend &&
    spentWithoutCustomers(read, k, [flag.slot])
  )
    return failing(
      judged(
        id,
        onSheet(refAt(spend, k)),
        numberAt(spend, k),
        undefined,
        language,
        read,
      ),
    );
  // The row the sheet's flag reads, where the tracker has the block: a number typed over it counts.
  const own = blockRow(
    read.get(NAMES.channelMonthBlock),
    flag.layoutRow - CHANNELS.monthBlock.first,
  );
  if (own) {
    const value = numberAt(own, k);
    return value === undefined
      ? unjudged
      : judged(
          id,
          onSheet(refAt(own, k)),
          value,
          refAt(own, k),
          language,
          read,
        );
  }
  return (
    channelMonth(flag.slot, k, read, onSheet, language)[flag.which] ?? unjudged
  );
}

/**
 * The department KPIs a selection on the Departments or Channels sheet reaches, in the order of
 * the names read: `read` holds the names namesToRead asked for, as read. `language` is Excel's
 * display language, in which the copyable formula is written (office-js#891; `;` in Spanish Excel).
 */
export function inspectSeedCells(
  selection: Address,
  read: ReadonlyMap<string, NamedCells>,
  language: Language,
): InspectedKpi[] {
  const out: InspectedKpi[] = [];
  const onSheet = (ref: string) => `${selection.sheet}!${ref}`;
  for (const [name, cells] of read) {
    const role = ROLES.get(name);
    if (!role || !overlaps(cells.address, selection)) continue;
    if (role.kind === "flag") {
      out.push(flagJudged(role.kpi, cells, true, read, onSheet, language));
      continue;
    }
    const k = latestNumber(cells, selection);
    if (k === undefined) continue;
    const at = refAt(cells, k);
    const value = numberAt(cells, k)!;
    if (role.kind === "department" || role.kind === "channelKpi") {
      const kpi = role.kpi;
      if (role.kind === "department" && role.measured) {
        const change = changeJudged(kpi, cells, k, read, onSheet, language);
        if (change) out.push(change);
      } else if (kpi.per === "year") {
        const { value: rate, formula } = yearlyRate(cells, k);
        out.push(judged(kpi.id, onSheet(at), rate, formula, language, read));
      } else out.push(judged(kpi.id, onSheet(at), value, at, language, read));
      continue;
    }
    // A channel's month: its CAC and first-year ROI that month (product.md 13).
    const { cac, roi } = channelMonth(role.slot, k, read, onSheet, language);
    if (cac) out.push(cac);
    if (roi) out.push(roi);
  }
  for (const flag of channelFlags((n) => read.get(n)?.address))
    if (overlaps(flag.at, selection))
      out.push(
        flag.kind === "kpi"
          ? flagJudged(
              flag.kpi,
              { address: flag.at, values: [[null]] },
              false,
              read,
              onSheet,
              language,
            )
          : channelFlagJudged(flag, read, onSheet, language),
      );
  // One line per KPI and cell (a channel's three rows reach the same two KPIs).
  return out.filter(
    (o, i) =>
      out.findIndex((p) => p.id === o.id && p.address === o.address) === i,
  );
}
