/**
 * Words several core modules share, in a module that imports nothing: the catalog, the phases,
 * the messages and the evaluation each take them from here, so no module needs another's types
 * back and no import circle forms, not even a type-only one (issue 19; test/build/layout.test.ts).
 * The catalog and evaluate.ts re-export them, so their importers read them there as before.
 */

export type Language = "en" | "es";
export type Localized = Readonly<Record<Language, string>>;

export type PhaseNumber = 1 | 2 | 3 | 4;

/** Why SCALE.ETA has no number (product.md section 6.5; evaluate.ts's etaAt decides, messages.ts words it). */
export type NoEta = "short" | "missing" | "nonpositive" | "flat";
