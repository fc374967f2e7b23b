/**
 * Ids, English and Spanish names and aliases -> catalog entries, with closest-match suggestions.
 * Matching ignores case, accents, spaces and punctuation, so `LTV/CAC`, `ltv:cac` and `ltv_cac` agree.
 */
import { distance } from "fastest-levenshtein";
import {
  ContextThreshold,
  OTHER_MEASURES,
  OtherInput,
  PHASE_METRICS,
  PhaseMetric,
  RISK_GROUPS,
  RISK_INDICATORS,
  RiskGroup,
  RiskIndicator,
  contextOf,
} from "./catalog";
import {
  DEPARTMENT_KPIS,
  DEPARTMENT_KPI_NAMES,
  DepartmentKpi,
} from "./department-kpis";

export type Resolved =
  /** A phase metric; `indicator` is set where the same measure is also a risk indicator (churn, nps, productivity). */
  | {
      readonly kind: "metric";
      readonly metric: PhaseMetric;
      readonly indicator?: RiskIndicator;
    }
  | { readonly kind: "indicator"; readonly indicator: RiskIndicator }
  | { readonly kind: "group"; readonly group: RiskGroup }
  | {
      readonly kind: "ambiguous";
      readonly text: string;
      readonly candidates: readonly string[];
    }
  | {
      readonly kind: "unknown";
      readonly text: string;
      readonly suggestions: readonly string[];
    };

type Entry = PhaseMetric | RiskIndicator | RiskGroup;
/** Everything a spelling can name: the framework's entries, the timeline's other measures, the department KPIs. */
type Named = Entry | OtherInput | DepartmentKpi;

export function normalizeKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function canonicalId(e: Named): string {
  return "kind" in e && e.kind === "indicator" ? e.qualifiedId : e.id;
}

function spellings(e: Entry | OtherInput): string[] {
  const names = [e.id, e.name.en, e.name.es];
  if ("kind" in e && e.kind === "indicator")
    return [...names, e.qualifiedId, ...e.aliases];
  if ("kind" in e) return [...names, ...e.aliases];
  return names;
}

function buildIndex<E extends Named>(
  entries: readonly E[],
  spell: (e: E) => string[],
): Map<string, E[]> {
  const index = new Map<string, E[]>();
  for (const e of entries) {
    for (const s of spell(e)) {
      const key = normalizeKey(s);
      const list = index.get(key) ?? [];
      if (!list.includes(e)) list.push(e);
      index.set(key, list);
    }
  }
  return index;
}

const INDEX = buildIndex<Entry>(
  [...PHASE_METRICS, ...RISK_INDICATORS, ...RISK_GROUPS],
  spellings,
);
/**
 * The timeline's measures that are neither a phase metric nor a risk indicator (the cash balance,
 * product.md 12's SaaS measures), by their spellings: the importer reads them, SCALE.* do not take
 * them, so they are kept out of INDEX (a function given "nrr" says it does not know it).
 */
const OTHER_INDEX = buildIndex<OtherInput>(OTHER_MEASURES, spellings);
/** The risk indicator that is the same measure as a phase metric of the same id (churn, nps, productivity). */
const TWIN_INDICATOR = new Map(
  PHASE_METRICS.flatMap((m) => {
    const twins = RISK_INDICATORS.filter((i) => i.id === m.id);
    return twins.length === 1 ? [[m.id, twins[0]] as const] : [];
  }),
);
const KEYS = [...INDEX.keys()];
const OTHER_KEYS = [...OTHER_INDEX.keys()];
const cache = new Map<string, Resolved>();

function fromEntries(text: string, entries: readonly Entry[]): Resolved {
  const metrics = entries.filter(
    (e): e is PhaseMetric => "kind" in e && e.kind === "metric",
  );
  const indicators = entries.filter(
    (e): e is RiskIndicator => "kind" in e && e.kind === "indicator",
  );
  const groups = entries.filter((e): e is RiskGroup => !("kind" in e));
  if (metrics.length === 1 && groups.length === 0) {
    // Every spelling of churn, nps or productivity keeps its risk-indicator role, not only the id.
    const twin = TWIN_INDICATOR.get(metrics[0].id);
    if (indicators.every((i) => i === twin))
      return { kind: "metric", metric: metrics[0], indicator: twin };
  }
  if (entries.length === 1 && indicators.length === 1)
    return { kind: "indicator", indicator: indicators[0] };
  if (entries.length === 1 && groups.length === 1)
    return { kind: "group", group: groups[0] };
  return { kind: "ambiguous", text, candidates: entries.map(canonicalId) };
}

/** Closest known ids to `text`, best first. */
export function suggest(text: string, limit = 3): string[] {
  return closest(text, KEYS, INDEX, limit);
}

/**
 * Closest measures to `text` for the importer: what suggest gives, then, where it gives fewer than
 * `limit`, the closest of the timeline's other measures (the cash balance, the SaaS measures).
 */
export function suggestMeasures(text: string, limit = 3): string[] {
  const ids = suggest(text, limit);
  const others = closest(text, OTHER_KEYS, OTHER_INDEX, limit);
  return [...ids, ...others.filter((id) => !ids.includes(id))].slice(0, limit);
}

function closest(
  text: string,
  keys: readonly string[],
  index: ReadonlyMap<string, readonly Named[]>,
  limit: number,
): string[] {
  const key = normalizeKey(text);
  // A dash or text in another script has no letters to compare: every id would "match".
  if (key === "") return [];
  const scored = keys
    .map((k) => ({
      k,
      d: distance(key, k) / Math.max(k.length, key.length, 1),
    }))
    .filter(
      (s) =>
        s.d <= 0.6 ||
        s.k.startsWith(key) ||
        (key.length >= 3 && s.k.includes(key)),
    )
    .sort((a, b) => a.d - b.d);
  const ids: string[] = [];
  for (const { k } of scored) {
    for (const e of index.get(k) ?? []) {
      const id = canonicalId(e);
      if (!ids.includes(id)) ids.push(id);
    }
    if (ids.length >= limit) break;
  }
  return ids.slice(0, limit);
}

export function resolve(text: string): Resolved {
  const hit = cache.get(text);
  if (hit) return hit;
  const entries = INDEX.get(normalizeKey(text));
  const result: Resolved = entries
    ? fromEntries(text, entries)
    : { kind: "unknown", text, suggestions: suggest(text) };
  if (cache.size < 10_000) cache.set(text, result);
  return result;
}

/** A SaaS measure `text` names, with its convention when product.md 12 gives it one. */
export function contextMeasureNamed(
  text: string,
): { measure: OtherInput; context?: ContextThreshold } | undefined {
  const measure = otherMeasureNamed(text);
  if (measure === undefined) return undefined;
  return {
    measure,
    context: contextOf(measure.id),
  };
}

/**
 * The department KPIs (product.md 13) by their spellings: the id, its last part where unique
 * (`win_rate`) and DEPARTMENT_KPI_NAMES. Apart from INDEX, so a spelling that is already a
 * framework measure's ("Uptime", "ROI") keeps naming it, and resolve's callers (the thresholds
 * tables) see no new kind.
 */
const KPI_INDEX = buildIndex<DepartmentKpi>(DEPARTMENT_KPIS, (k) => [
  k.id,
  k.id.split(".")[1],
  ...(DEPARTMENT_KPI_NAMES[k.id] ?? []),
]);
/** The framework's spellings and the KPIs': a spelling both have is the framework's. */
const ALL_INDEX = new Map<string, readonly Named[]>([...KPI_INDEX, ...INDEX]);
const ALL_KEYS = [...ALL_INDEX.keys()];

/** The department KPI `text` names, if it names exactly one. */
export function departmentKpiNamed(text: string): DepartmentKpi | undefined {
  const found = KPI_INDEX.get(normalizeKey(text));
  return found?.length === 1 ? found[0] : undefined;
}

/** Closest known ids to `text`, the department KPIs' included, best first (the functions' suggestions). */
export function suggestWithKpis(text: string, limit = 3): string[] {
  return closest(text, ALL_KEYS, ALL_INDEX, limit);
}

/** The timeline's other measure `text` names (its id, either name or an alias), if any. */
export function otherMeasureNamed(text: string): OtherInput | undefined {
  return OTHER_INDEX.get(normalizeKey(text))?.[0];
}

export function metricById(id: string): PhaseMetric {
  const m = PHASE_METRICS.find((x) => x.id === id);
  if (!m) throw new Error(`No phase metric '${id}' in the catalog`);
  return m;
}

export function indicatorById(qualifiedId: string): RiskIndicator {
  const i = RISK_INDICATORS.find((x) => x.qualifiedId === qualifiedId);
  if (!i) throw new Error(`No risk indicator '${qualifiedId}' in the catalog`);
  return i;
}
