/**
 * The Spanish names and descriptions of the SCALE functions (product.md section 9), kept in
 * spanish.json so the build reads it without compiling TypeScript; typed here, so a missing
 * function, a misspelt parameter or a missing description fails the type-check, and the build
 * fails where a function or parameter of functions.json has no entry.
 */
import table from "./spanish.json";

interface Spanish<P extends string> {
  readonly name: string;
  readonly description: string;
  readonly parameters: Readonly<
    Record<P, { readonly name: string; readonly description: string }>
  >;
}

/** Parameter names as each function's JSDoc (and so functions.json) spells them; the build checks both agree. */
export interface SpanishTable {
  readonly PHASE: Spanish<"metrics" | "values" | "min_share" | "thresholds">;
  readonly GAP: Spanish<
    "metric" | "value" | "phase" | "as_fraction" | "thresholds"
  >;
  readonly RISK: Spanish<"indicator" | "values" | "phase" | "thresholds">;
  readonly TARGET: Spanish<"metric" | "phase" | "thresholds">;
  readonly METRICS: Spanish<"language">;
  readonly ETA: Spanish<"metric" | "values" | "phase" | "thresholds">;
  readonly SCORE: Spanish<"metrics" | "values" | "phase" | "thresholds">;
}

export const SPANISH: SpanishTable = table;

/** The name Excel shows for a function in a language: SCALE.PHASE / SCALE.FASE. */
export function functionName(
  id: keyof SpanishTable,
  language: "en" | "es",
): string {
  return `SCALE.${language === "es" ? SPANISH[id].name : id}`;
}
