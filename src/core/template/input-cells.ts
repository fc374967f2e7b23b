/**
 * The single cells a user types on the Departments, Channels and Tools sheets (product.md 13), by
 * name: what a rebuild reads (tracker-data.ts) and places again (settings.ts). A cell that takes
 * one of a list of words in the workbook's language (a tool's status, the seed's tools) is carried
 * as the word's place in the list, so a rebuild in the other language writes that language's word.
 */
import type { Language } from "../catalog";
import type { Cell } from "../cell";
import { DEPARTMENT_KPIS } from "../department-kpis";
import { USER_CHANNELS } from "../department-rows";
import { TOOL_GROUPS, ToolCategory, TOOL_IMPACTS } from "../tools";
import { NAMES } from "./names";
import { TOOL_FIELDS } from "./tools-layout";
import { TOOLS_LABELS } from "./tools-labels";
import type { CarriedValue } from "./types";

const CATEGORIES: readonly ToolCategory[] = TOOL_GROUPS.flatMap(
  (g) => g.categories,
);

/**
 * Each input cell's name: a change KPI's baseline, the name of each of the user's own channels,
 * each tool category's register (TOOL_FIELDS), each expected impact's baseline and current value.
 */
export function inputCellNames(): string[] {
  return [
    ...DEPARTMENT_KPIS.filter((k) => k.change).map((k) =>
      NAMES.departmentBaseline(k.id),
    ),
    ...USER_CHANNELS.map((slot) => NAMES.channelName(slot)),
    ...CATEGORIES.flatMap((c) =>
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
  CATEGORIES.flatMap((c): [string, Choices][] => [
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

/** The value a carried input is written as in a workbook in `language`. */
export function placedValue(
  name: string,
  value: CarriedValue,
  language: Language,
): NonNullable<Cell> {
  if (typeof value !== "object") return value;
  return CHOICES.get(name)?.words(language)[value.choice] ?? "";
}
