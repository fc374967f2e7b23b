/**
 * No SCALE function may be named like an Excel built-in, in English or Spanish: a user who types
 * =FASE( or =SCALE.SUMA( must never get a built-in where they meant ours, or the reverse.
 * The built-in lists are HyperFormula's language packs (HyperFormula function id -> the name
 * the language uses), which follow Excel's names; our names come from what the build emits
 * (functions.json, pinned by the golden file) and from the Spanish table.
 */
import enGB from "hyperformula/i18n/languages/enGB";
import esES from "hyperformula/i18n/languages/esES";
import golden from "../build/functions.golden.json";
import spanish from "../../src/functions/spanish.json";

const upper = (names: Iterable<string>) => new Set([...names].map((n) => n.toUpperCase()));

/** Built-in names in English (the pack's ids and names) and in Spanish. */
const english = upper([...Object.keys(enGB.functions), ...Object.values(enGB.functions)]);
const spanishBuiltIns = upper(Object.values(esES.functions));
const builtIns = new Set([...english, ...spanishBuiltIns]);
const isBuiltIn = (name: string) => builtIns.has(name.toUpperCase());

/** Every name a SCALE function goes by: its id, its English name and its Spanish name. */
const ours: { id: string; language: string; name: string }[] = golden.functions.flatMap((f) => [
  { id: f.id, language: "id", name: f.id },
  { id: f.id, language: "en", name: f.name },
  { id: f.id, language: "es", name: (spanish as Record<string, { name: string }>)[f.id]?.name },
]);

describe("SCALE function names never collide with an Excel built-in (English or Spanish)", () => {
  test("the built-in lists are HyperFormula's full packs, so the check is not vacuous", () => {
    expect(english.size).toBeGreaterThan(300);
    expect(spanishBuiltIns.size).toBeGreaterThan(300);
    // A collision would be caught: SUM / SUMA and a few more are in the lists, in any case.
    for (const n of ["SUM", "VLOOKUP", "MONTH", "NPV"]) expect(english.has(n)).toBe(true);
    for (const n of ["SUMA", "BUSCARV", "MES", "VNA"]) expect(spanishBuiltIns.has(n)).toBe(true);
    expect([isBuiltIn("suma"), isBuiltIn("Sum"), isBuiltIn("ceiling.math")]).toEqual([true, true, true]);
  });

  test("every function has an id, an English name and a Spanish name", () => {
    expect(golden.functions.map((f) => f.id).sort()).toEqual(Object.keys(spanish).sort());
    expect(golden.functions.length).toBeGreaterThanOrEqual(7);
    for (const { name } of ours) expect(name).toMatch(/\S/);
  });

  test.each(ours)("$id ($language): $name, bare or as SCALE.$name, is no built-in", ({ name }) => {
    expect(isBuiltIn(name)).toBe(false);
    expect(isBuiltIn(`SCALE.${name}`)).toBe(false);
  });
});
