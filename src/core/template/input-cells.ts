/**
 * The single cells a user types on the Departments, Channels and Tools sheets (product.md 13), by
 * name: what a rebuild reads (tracker-data.ts) and places again (settings.ts). A cell that takes
 * one of a list of words in the workbook's language (a tool's status, the seed's tools) is carried
 * as the word's place in the list, so a rebuild in the other language writes that language's word.
 */
import type { Language } from "../catalog";
import type { Cell } from "../cell";
import { DEPARTMENT_KPIS } from "../department-kpis";
import { CHANNEL_KPI_IDS, USER_CHANNELS } from "../department-rows";
import { TOOL_IMPACTS } from "../tools";
import { NAMES } from "./names";
import {
  TOOL_CATEGORIES,
  TOOL_FIELDS,
  currentSourceName,
  isJudged,
} from "./tools-layout";
import { TOOLS_LABELS } from "./tools-labels";
import type { CarriedValue } from "./types";

/**
 * Each editable target's name and the catalog's value the template writes there: a Departments
 * KPI's (a channel KPI's is the Channels sheet's), a judged Tools figure's. Like a threshold,
 * a target counts as the user's only where it differs from the catalog's, or is cleared.
 */
const TARGETS: ReadonlyMap<string, number> = new Map([
  ...DEPARTMENT_KPIS.map((k): [string, number] => [
    CHANNEL_KPI_IDS.includes(k.id)
      ? NAMES.channelTarget(k.id)
      : NAMES.departmentTarget(k.id),
    k.target,
  ]),
  ...TOOL_IMPACTS.filter(isJudged).map((i): [string, number] => [
    NAMES.toolImpact(i.id, "Target"),
    i.target,
  ]),
]);

/** The catalog's target of a target cell's name; undefined for any other name. */
export const seededTarget = (name: string): number | undefined =>
  TARGETS.get(name);

/**
 * The single input cells the template fills with a formula: a Tools figure's current value read
 * from a month row (tools-layout.ts currentSourceName). A formula there is the template's, not
 * carried; a number typed over it is the user's, carried and placed as a typed cell, as a number
 * typed over a computed row's month on Tracking is.
 */
const COMPUTED: ReadonlySet<string> = new Set(
  TOOL_IMPACTS.filter((i) => currentSourceName(i) !== undefined).map((i) =>
    NAMES.toolImpact(i.id, "Current"),
  ),
);

/** Whether the template writes a formula in the input cell of this name (COMPUTED). */
export const isComputedInput = (name: string): boolean => COMPUTED.has(name);

/** Values are equal as read back from a file: the same number, give or take the last bits of a decimal. */
const sameNumber = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Each input cell's name: a change KPI's baseline, the name of each of the user's own channels,
 * each tool category's register (TOOL_FIELDS), each expected impact's baseline and current value
 * (a computed current value's only where a number is typed over it, COMPUTED), each editable
 * target (TARGETS).
 */
export function inputCellNames(): string[] {
  return [
    ...TARGETS.keys(),
    ...DEPARTMENT_KPIS.filter((k) => k.change).map((k) =>
      NAMES.departmentBaseline(k.id),
    ),
    ...USER_CHANNELS.map((slot) => NAMES.channelName(slot)),
    ...TOOL_CATEGORIES.flatMap((c) =>
      TOOL_FIELDS.map((field) => NAMES.tool(c.id, field)),
    ),
    ...TOOL_IMPACTS.flatMap((i) =>
      (["Baseline", "Current"] as const).map((field) =>
        NAMES.toolImpact(i.id, field),
      ),
    ),
  ];
}

interface Choices {
  readonly words: (language: Language) => readonly string[];
  /** The place of the word the template writes there itself (a status as inserted): not the user's. */
  readonly inserted?: number;
}

/** The cells whose words depend on the language, by name. */
const CHOICES: ReadonlyMap<string, Choices> = new Map(
  TOOL_CATEGORIES.flatMap((c): [string, Choices][] => [
    [
      NAMES.tool(c.id, "Status"),
      {
        words: (language) => TOOLS_LABELS[language].statuses,
        inserted: 0,
      },
    ],
    [
      NAMES.tool(c.id, "InUse"),
      {
        words: (language) => c.tools.map((t) => t.label[language]),
      },
    ],
  ]),
);

/**
 * What a rebuild carries of a cell's value: a word of its list as its place (undefined for the
 * word the template writes there itself), anything else as it is.
 */
export function carriedValue(
  name: string,
  value: NonNullable<Cell>,
): CarriedValue | undefined {
  const seeded = TARGETS.get(name);
  if (seeded !== undefined && typeof value === "number")
    return sameNumber(value, seeded) ? undefined : value;
  const choices = CHOICES.get(name);
  if (!choices || typeof value !== "string") return value;
  const written = value.trim().toLowerCase();
  for (const language of ["en", "es"] as const) {
    const k = choices
      .words(language)
      .findIndex((w) => w.toLowerCase() === written);
    if (k >= 0) return k === choices.inserted ? undefined : { choice: k };
  }
  return value;
}

/** The value a carried input is written as in a workbook in `language` (null: a cleared target, left empty). */
export function placedValue(
  name: string,
  value: CarriedValue,
  language: Language,
): Cell {
  if (value === null || typeof value !== "object") return value;
  return CHOICES.get(name)?.words(language)[value.choice] ?? "";
}
