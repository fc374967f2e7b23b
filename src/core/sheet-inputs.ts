/**
 * The rows typed month by month on the Departments and Channels sheets (department-rows.ts, product.md
 * 13) as the importer names them: by key (`sales.win_rate`, `operations.error_reduction.value`,
 * `channel.paid_advertising.spend`), by the seed's words in English and Spanish (departments.ts), and
 * by what a finance file calls a channel's month ("Paid advertising spend", "Gasto en publicidad
 * pagada"). Kept out of lookup.ts so SCALE.*'s bundle does not carry the seed's texts; the
 * timeline's own names win over these (the importer asks lookup.ts first: "Team size" stays the
 * company's team_size, "Sales team size" is sales.team_size).
 *
 * A KPI with no row here is named all the same, so the importer can say where it goes: a linked
 * KPI is its Tracking row (`link`), a channel KPI is computed on the Channels sheet, a change KPI
 * is computed from its baseline and its measured value.
 */
import { distance } from "fastest-levenshtein";
import type { Localized } from "./catalog";
import { isBlank } from "./cell";
import {
  DEPARTMENT_KPIS,
  DEPARTMENT_KPI_NAMES,
  DepartmentKpi,
  kpiValueRange,
} from "./department-kpis";
import {
  CHANNEL_INPUT_ROWS,
  CHANNEL_KPI_IDS,
  CHANNEL_MEASURES,
  ChannelMeasure,
  OTHER_MONTHLY_ROWS,
  SEED_CHANNELS,
  changeValueKey,
  channelKey,
} from "./department-rows";
import { DEPARTMENTS, FigureWords } from "./departments";
import { normalizeKey } from "./lookup";
import type { InputMessages } from "./messages-input";
import type { SeedUnit } from "./seed-units";
import { DEPARTMENTS_LABELS } from "./template/departments-labels";

export type InputSheet = "departments" | "channels";

/** A row typed on the Departments or Channels sheet, as the importer reads values into it. */
export interface SheetInput {
  readonly kind: "sheetInput";
  readonly sheet: InputSheet;
  /** Its key (department-rows.ts): the workbook name of its month cells is made from it. */
  readonly id: string;
  readonly name: Localized;
  /** The values it takes (the unit's range, as catalog.valueRange gives a measure's). */
  readonly min: number;
  readonly max: number;
  /** A count: whole numbers only. */
  readonly whole: boolean;
  /** How the pane shows a value: 0.4 as 40%, 2 as 2.0x, others as numbers. */
  readonly format: "percent" | "multiple" | "plain";
}

/** What a label names among the Departments and Channels sheets' KPIs and rows. */
export type SheetNamed =
  | { readonly kind: "input"; readonly input: SheetInput }
  /** A KPI that is a Tracking row (`link`): read as that row (product.md 13, typed once). */
  | { readonly kind: "linked"; readonly kpi: string; readonly row: string }
  /** A channel KPI, computed on the Channels sheet from the channels' rows. */
  | { readonly kind: "channelKpi"; readonly kpi: string }
  /** A change KPI ("Error reduction: 70%"): computed from its baseline and `value`, the row typed. */
  | {
      readonly kind: "changeKpi";
      readonly kpi: string;
      readonly value: SheetInput;
    }
  | { readonly kind: "ambiguous"; readonly candidates: readonly string[] };

const kpiWords: ReadonlyMap<string, FigureWords> = new Map(
  DEPARTMENTS.flatMap((d) => d.blocks.flatMap((b) => b.kpis)).map((w) => [
    w.id,
    w,
  ]),
);

/**
 * What a change KPI's monthly measured value is called: the quantity the change is of ("Error
 * reduction" is of the errors, "Cost savings" of the operating costs), with what finance files
 * call it. The first of each language is the row's name.
 */
const CHANGE_VALUE_WORDS: Readonly<
  Record<string, { readonly en: string[]; readonly es: string[] }>
> = {
  "operations.error_reduction": {
    en: ["Errors", "Error count", "Number of errors", "Errors per month"],
    es: ["Errores", "Número de errores", "Errores al mes"],
  },
  "operations.cost_savings": {
    en: ["Operating costs", "Operational costs", "Operations costs", "Costs"],
    es: [
      "Costes operativos",
      "Costos operativos",
      "Costes de operación",
      "Costos de operación",
      "Costes",
      "Costos",
    ],
  },
};

/** A channel's names besides the seed's (departments.ts CANALES): what Spanish and English files write. */
const CHANNEL_WORDS: Readonly<Record<string, readonly string[]>> = {
  paid_advertising: [
    "Paid ads",
    "Paid media",
    "Advertising",
    "Ads",
    "Publicidad pagada",
    "Publicidad de pago",
    "Publicidad",
    "Anuncios",
  ],
  content_marketing: [
    "Content",
    "Marketing de contenidos",
    "Contenidos",
    "Contenido",
  ],
  social_media: ["Social", "Redes sociales", "Redes"],
  email_marketing: [
    "Email",
    "E-mail",
    "Marketing por email",
    "Marketing por correo",
    "Correo electrónico",
    "Correo",
  ],
  partnerships: ["Partners", "Alianzas", "Socios", "Partners de canal"],
};

/** The five channels the user names: "User channel 1" ... in the order of the sheet. */
const userChannelNames = (n: number): Localized => ({
  en: `User channel ${n}`,
  es: `Canal propio ${n}`,
});

/** A channel measure's words: the first of each language names the row. */
const MEASURE_WORDS: Readonly<
  Record<ChannelMeasure, { readonly en: string[]; readonly es: string[] }>
> = {
  spend: {
    en: ["spend", "spending", "cost", "costs", "investment"],
    es: ["gasto", "inversión", "coste", "costo"],
  },
  customers: {
    en: ["new customers", "customers", "new clients"],
    es: ["clientes nuevos", "nuevos clientes", "clientes", "altas"],
  },
  new_mrr: {
    en: ["new MRR", "MRR"],
    es: ["MRR nuevo", "nuevo MRR", "MRR"],
  },
};

/** How a sentence joins a measure to its channel: "Spend on ads", "Gasto en publicidad". */
const JOINS = ["", "on", "from", "via", "en", "de", "por", "vía", "del"];

function channelNames(slot: string): { name: Localized; all: string[] } {
  const seed = SEED_CHANNELS.indexOf(slot as (typeof SEED_CHANNELS)[number]);
  if (seed >= 0) {
    const item = DEPARTMENTS.find((d) => d.id === "marketing")!.blocks.find(
      (b) => b.channels.length > 0,
    )!.channels[seed];
    return {
      name: item.label,
      all: [slot, item.label.en, item.label.es, ...CHANNEL_WORDS[slot]],
    };
  }
  const n = Number(slot.replace("user", ""));
  const name = userChannelNames(n);
  return { name, all: [slot, name.en, name.es] };
}

/** A typed KPI's row: the values it takes are the ones SCALE.RISK judges (kpiValueRange). */
function kpiInput(kpi: DepartmentKpi): SheetInput {
  const words = kpiWords.get(kpi.id)!;
  const { min, max } = kpiValueRange(kpi);
  return {
    kind: "sheetInput",
    sheet: "departments",
    id: kpi.id,
    name: words.label,
    min,
    max,
    whole: kpi.unit === "count",
    format: formatOf(kpi.unit),
  };
}

const formatOf = (unit: SeedUnit): SheetInput["format"] =>
  unit === "fraction" ? "percent" : unit === "multiple" ? "multiple" : "plain";

/** A change KPI's measured value: errors, costs; any amount that is not negative. */
function changeValueInput(kpi: DepartmentKpi): SheetInput {
  const words = CHANGE_VALUE_WORDS[kpi.id];
  return {
    kind: "sheetInput",
    sheet: "departments",
    id: changeValueKey(kpi.id),
    name: { en: words.en[0], es: words.es[0] },
    min: 0,
    max: Infinity,
    whole: false,
    format: "plain",
  };
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function channelInput(
  key: string,
  slot: string,
  measure: ChannelMeasure,
): { input: SheetInput; spellings: string[] } {
  const names = channelNames(slot);
  const words = MEASURE_WORDS[measure];
  const spellings = [key];
  for (const channel of names.all)
    for (const word of [...words.en, ...words.es]) {
      spellings.push(`${channel} ${word}`);
      for (const join of JOINS) spellings.push(`${word} ${join} ${channel}`);
    }
  return {
    input: {
      kind: "sheetInput",
      sheet: "channels",
      id: key,
      name: {
        en: `${names.name.en} ${words.en[0]}`,
        es: `${capitalized(words.es[0])} de ${names.name.es}`,
      },
      min: 0,
      max: Infinity,
      whole: measure === "customers",
      format: "plain",
    },
    spellings,
  };
}

/**
 * A row of a channel the user named on the Channels sheet (`Channel_user1_Name`: "TikTok"), read
 * from its name and a measure's words in either order ("TikTok spend", "Gasto en TikTok"): `names`
 * by slot (user1..user5), as the sheet holds them.
 */
export function ownChannelNamed(
  text: string,
  names: ReadonlyMap<string, string>,
): SheetInput | undefined {
  const key = normalizeKey(text);
  for (const [slot, name] of names) {
    const own = normalizeKey(name);
    if (isBlank(own) || key === own) continue;
    const rest = key.startsWith(own)
      ? [key.slice(own.length)]
      : key.endsWith(own)
        ? withoutJoin(key.slice(0, key.length - own.length))
        : [];
    const measure = CHANNEL_MEASURES.find((m) =>
      [...MEASURE_WORDS[m].en, ...MEASURE_WORDS[m].es].some((w) =>
        rest.includes(normalizeKey(w)),
      ),
    );
    if (measure) {
      const { input } = channelInput(channelKey(slot, measure), slot, measure);
      const words = MEASURE_WORDS[measure];
      return {
        ...input,
        name: {
          en: `${name} ${words.en[0]}`,
          es: `${capitalized(words.es[0])} de ${name}`,
        },
      };
    }
  }
  return undefined;
}

/** "gastoen" as itself and without its joining word ("gasto"). */
const withoutJoin = (head: string): string[] => [
  head,
  ...JOINS.map(normalizeKey)
    .filter((j) => j !== "" && head.endsWith(j))
    .map((j) => head.slice(0, head.length - j.length)),
];

/** A row's label as the Departments sheet writes it, in both languages ("Error reduction: measured value"). */
const sheetLabels = (
  words: FigureWords,
  which: "measured" | "monthCount",
): string[] =>
  (["en", "es"] as const).map((l) =>
    DEPARTMENTS_LABELS[l][which](words.label[l]),
  );

/** Every department KPI and input row with its spellings: the index's entries. */
function entries(): [SheetNamed, string[]][] {
  const list: [SheetNamed, string[]][] = [];
  for (const kpi of DEPARTMENT_KPIS) {
    const words = kpiWords.get(kpi.id)!;
    // The spellings SCALE.* take (lookup.ts departmentKpiNamed: the id, its last part, DEPARTMENT_KPI_NAMES), and the seed's words.
    const names = [
      kpi.id,
      kpi.id.split(".")[1],
      ...(DEPARTMENT_KPI_NAMES[kpi.id] ?? []),
      words.label.en,
      words.label.es,
    ];
    if (kpi.link !== undefined)
      list.push([{ kind: "linked", kpi: kpi.id, row: kpi.link }, names]);
    else if (CHANNEL_KPI_IDS.includes(kpi.id))
      list.push([{ kind: "channelKpi", kpi: kpi.id }, names]);
    else if (kpi.change !== undefined) {
      const value = changeValueInput(kpi);
      list.push([{ kind: "changeKpi", kpi: kpi.id, value }, names]);
      const valueWords = CHANGE_VALUE_WORDS[kpi.id];
      list.push([
        { kind: "input", input: value },
        [
          value.id,
          ...valueWords.en,
          ...valueWords.es,
          ...sheetLabels(words, "measured"),
        ],
      ]);
    } else {
      const perYear =
        kpi.per === "year" ? sheetLabels(words, "monthCount") : [];
      list.push([
        { kind: "input", input: kpiInput(kpi) },
        [...names, ...perYear],
      ]);
    }
  }
  for (const row of CHANNEL_INPUT_ROWS) {
    const { input, spellings } = channelInput(row.key, row.slot, row.measure);
    list.push([{ kind: "input", input }, spellings]);
  }
  return list;
}

const idOf = (n: SheetNamed): string =>
  n.kind === "input" ? n.input.id : n.kind === "ambiguous" ? "" : n.kpi;

/** Normalized spelling -> what it names; a spelling two of them share names both (ambiguous). */
function buildIndex(): Map<string, SheetNamed> {
  const found = new Map<string, SheetNamed[]>();
  for (const [named, spellings] of entries())
    for (const s of spellings) {
      const key = normalizeKey(s);
      const list = found.get(key) ?? [];
      if (!list.some((n) => idOf(n) === idOf(named))) list.push(named);
      found.set(key, list);
    }
  return new Map(
    [...found].map(([key, list]) => [
      key,
      list.length === 1
        ? list[0]
        : { kind: "ambiguous", candidates: list.map(idOf) },
    ]),
  );
}

let index: Map<string, SheetNamed> | undefined;
const theIndex = () => (index ??= buildIndex());

/** What `text` names on the Departments and Channels sheets, if anything. */
export function sheetInputNamed(text: string): SheetNamed | undefined {
  return theIndex().get(normalizeKey(text));
}

/** The input rows by key: every key department-rows.ts types outside Tracking. */
export function sheetInputOf(key: string): SheetInput | undefined {
  const found = sheetInputNamed(key);
  return found?.kind === "input" && found.input.id === key
    ? found.input
    : undefined;
}

/** Every input row's key, in the sheets' order (the Departments sheet's, then the Channels sheet's). */
export const SHEET_INPUT_KEYS: readonly string[] = OTHER_MONTHLY_ROWS.map(
  (r) => r.key,
);

/** The closest input rows' keys to `text` (by their keys and names), best first: what a mapping may name. */
export function suggestSheetInputs(text: string, limit = 3): string[] {
  const key = normalizeKey(text);
  if (key.length < 3) return [];
  const scored = [...theIndex()]
    .flatMap(([k, n]) => (n.kind === "input" ? [[k, n.input.id]] : []))
    .map(([k, id]) => ({
      id,
      d: distance(key, k) / Math.max(k.length, key.length),
    }))
    .filter((s) => s.d <= 0.34)
    .sort((a, b) => a.d - b.d);
  return [...new Set(scored.map((s) => s.id))].slice(0, limit);
}

/**
 * Why `value` cannot be typed into `input`'s row, or undefined when it can: the timeline's value
 * checks (catalog.inputProblem) with the unit's range, in the messages' language.
 */
export function sheetInputProblem(
  input: SheetInput,
  value: number,
  messages: InputMessages["value"],
  name: string,
  written?: string,
): string | undefined {
  if (!Number.isFinite(value)) return messages.notFinite(name, value);
  const { min, max } = input;
  if (value < min || value > max) {
    const fraction = +(value / 100).toPrecision(12);
    if (input.format === "percent" && fraction >= min && fraction <= max)
      return messages.percentAsWhole(name, value, fraction);
    if (max === Infinity) return messages.atLeast(name, min, value);
    return messages.between(name, min, max, value);
  }
  return input.whole && !Number.isInteger(value)
    ? messages.notWhole(name, value, written)
    : undefined;
}
