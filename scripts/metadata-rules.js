/**
 * The rules Excel applies to custom functions metadata (product.md section 10), checked by
 * FunctionsMetadataPlugin on functions.json and on each translation before it emits them. Excel
 * itself gives no useful error for a breach: it refuses to load the add-in, and every function
 * of the namespace shows #NAME?. Each problem reads "file: SCALE.NAME: the rule's sentence".
 */
const { EXCEL_FUNCTIONS } = require("./excel-functions");

/**
 * @typedef {{ name: string, optional?: boolean, repeating?: boolean, dimensionality?: string, type?: string }} ParameterMetadata
 * @typedef {{ id: string, name: string, parameters: ParameterMetadata[] }} FunctionMetadata
 * @typedef {{ functions: FunctionMetadata[] }} Metadata
 * @typedef {{ file: string, metadata: Metadata }} MetadataFile
 */

const NAMING = "https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming";
const REPEATING = "https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options#repeating-parameters";
const SAME_IN_BOTH = "the English and Spanish metadata must declare the same functions and parameters";

/** The rules' sentences: what Excel refuses, and where that is written. */
const RULES = {
  /** @param {string} parameter */
  requiredAfterOptional: (parameter) => `a required parameter (${parameter}) follows an optional one; Excel refuses to load the add-in (office-js #1749)`,
  /** @param {string} parameter */
  repeatingNotLast: (parameter) => `a repeating parameter (${parameter}) is not the last one; Excel takes a repeating parameter only as the last (${REPEATING})`,
  /** @param {string} id */
  invalidId: (id) => `the id "${id}" is not letters A-Z, digits, periods and underscores starting with a letter, at least 3 characters; Excel refuses it (${NAMING})`,
  /** @param {string} name */
  invalidName: (name) => `the name "${name}" is not letters, digits, periods and underscores starting with a letter, at least 3 characters; Excel refuses it (${NAMING})`,
  /** @param {string} name */
  cellReference: (name) => `the name "${name}" reads as a cell reference; Excel would take it for one (${NAMING})`,
  /**
   * @param {string} what "id", "name" or "name with its namespace"
   * @param {string} value
   * @param {string} builtIn the built-in's name, with its English name where it is a translation
   */
  builtIn: (what, value, builtIn) => `the ${what} "${value}" is Excel's built-in function ${builtIn}; no id or name may match a built-in in any language (${NAMING})`,
  /** @param {string} other the file that declares it */
  missingFunction: (other) => `declared in ${other} but not here; ${SAME_IN_BOTH}`,
  /** @param {string} other */
  extraFunction: (other) => `not declared in ${other}; ${SAME_IN_BOTH}`,
  /**
   * @param {number} count
   * @param {string} other
   * @param {number} otherCount
   */
  parameterCount: (count, other, otherCount) => `${count} parameters here but ${otherCount} in ${other}; ${SAME_IN_BOTH}`,
  /**
   * @param {number} position 1-based
   * @param {string} parameter
   * @param {string} here what it is here: "optional", "repeating", "matrix", ...
   * @param {string} other
   * @param {string} there what it is in the other file
   */
  parameterKind: (position, parameter, here, other, there) => `parameter ${position} (${parameter}) is ${here} here but ${there} in ${other}; ${SAME_IN_BOTH}`,
};

/** How each kind of parameter is said, for the out-of-step sentence; defaults as the metadata schema has them. */
const PARAMETER_KINDS = {
  /** @param {ParameterMetadata} p */
  optional: (p) => (p.optional ? "optional" : "required"),
  /** @param {ParameterMetadata} p */
  repeating: (p) => (p.repeating ? "repeating" : "not repeating"),
  /** @param {ParameterMetadata} p */
  dimensionality: (p) => p.dimensionality ?? "scalar",
  /** @param {ParameterMetadata} p */
  type: (p) => `of type ${p.type ?? "any"}`,
};

// ids: "Only A–Z, 0–9, underscore, and period"; names: "Any Unicode alphabetic characters, underscore,
// and period"; "Both must start with a letter and be at least three characters" (NAMING). The
// metadata generator also takes lower-case ids (it upper-cases them) and digits in names.
const VALID_ID = /^[A-Za-z][A-Za-z0-9._]{2,}$/;
const VALID_NAME = /^\p{L}[\p{L}0-9._]{2,}$/u;

const LAST_COLUMN = 16384; // XFD
const LAST_ROW = 1048576;

/**
 * A1 to XFD1048576, or R1C1 to R1048576C16384: names to avoid (NAMING).
 * @param {string} name
 */
function isCellReference(name) {
  const a1 = /^([A-Z]{1,3})([0-9]+)$/i.exec(name);
  if (a1) {
    const column = [...a1[1].toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
    return column <= LAST_COLUMN && inRange(Number(a1[2]), LAST_ROW);
  }
  const r1c1 = /^R([0-9]+)C([0-9]+)$/i.exec(name);
  return r1c1 !== null && inRange(Number(r1c1[1]), LAST_ROW) && inRange(Number(r1c1[2]), LAST_COLUMN);
}

/**
 * @param {number} n
 * @param {number} last
 */
const inRange = (n, last) => n >= 1 && n <= last;

/**
 * Upper case without accents: Excel matches function names regardless of case, and a name that
 * differs from a built-in by an accent alone (DIAS, DÍAS) is refused all the same.
 * @param {string} name
 */
const fold = (name) => name.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();

/** Folded name -> the built-in as the sentence shows it. */
const BUILT_INS = new Map(
  EXCEL_FUNCTIONS.flatMap(([english, spanish]) => {
    /** @type {[string, string][]} */
    const names = [[fold(english), english]];
    if (spanish && fold(spanish) !== fold(english)) names.push([fold(spanish), `${spanish} (Spanish for ${english})`]);
    return names;
  }),
);

/**
 * How a function is named in a problem: SCALE.PUNTAJE (SCORE), or SCALE.SCORE where name and id agree.
 * @param {FunctionMetadata} f
 * @param {string} namespace
 */
function label(f, namespace) {
  const name = namespace ? `${namespace}.${f.name}` : f.name;
  return f.name === f.id ? name : `${name} (${f.id})`;
}

/**
 * @param {ParameterMetadata[]} parameters
 * @returns {string[]}
 */
function parameterProblems(parameters) {
  /** @type {string[]} */
  const problems = [];
  // Repeating parameters are optional by definition (custom-functions-json, "parameters").
  const isOptional = (/** @type {ParameterMetadata} */ p) => p.optional === true || p.repeating === true;
  const firstOptional = parameters.findIndex(isOptional);
  parameters.forEach((p, k) => {
    if (firstOptional >= 0 && k > firstOptional && !isOptional(p)) problems.push(RULES.requiredAfterOptional(p.name));
    if (p.repeating && k < parameters.length - 1) problems.push(RULES.repeatingNotLast(p.name));
  });
  return problems;
}

/**
 * @param {FunctionMetadata} f
 * @param {string} namespace
 * @returns {string[]}
 */
function namingProblems(f, namespace) {
  /** @type {string[]} */
  const problems = [];
  if (!VALID_ID.test(f.id)) problems.push(RULES.invalidId(f.id));
  if (!VALID_NAME.test(f.name)) problems.push(RULES.invalidName(f.name));
  if (isCellReference(f.name)) problems.push(RULES.cellReference(f.name));
  /** @type {[string, string][]} */
  const names = [["id", f.id]];
  if (fold(f.name) !== fold(f.id)) names.push(["name", f.name]);
  if (namespace) names.push(["name with its namespace", `${namespace}.${f.name}`]);
  for (const [what, value] of names) {
    const builtIn = BUILT_INS.get(fold(value));
    if (builtIn !== undefined) problems.push(RULES.builtIn(what, value, builtIn));
  }
  return problems;
}

/**
 * Every breach of Excel's rules in one metadata file.
 * @param {MetadataFile} metadataFile
 * @param {string} namespace the manifest's custom functions namespace ("SCALE")
 * @returns {string[]} "functions.json: SCALE.SCORE: <the rule's sentence>"
 */
function metadataProblems({ file, metadata }, namespace) {
  return metadata.functions.flatMap((f) =>
    [...namingProblems(f, namespace), ...parameterProblems(f.parameters)].map((problem) => `${file}: ${label(f, namespace)}: ${problem}`),
  );
}

/**
 * Where a translation differs from the English metadata in anything but names and descriptions.
 * @param {MetadataFile} english
 * @param {MetadataFile} translation
 * @param {string} namespace
 * @returns {string[]}
 */
function stepProblems(english, translation, namespace) {
  const theirs = new Map(english.metadata.functions.map((f) => [f.id, f]));
  const ours = new Set(translation.metadata.functions.map((f) => f.id));
  /** @type {string[]} */
  const problems = [];
  for (const f of english.metadata.functions)
    if (!ours.has(f.id)) problems.push(`${translation.file}: ${f.id}: ${RULES.missingFunction(english.file)}`);
  for (const f of translation.metadata.functions) {
    const at = `${translation.file}: ${label(f, namespace)}: `;
    const en = theirs.get(f.id);
    if (!en) problems.push(at + RULES.extraFunction(english.file));
    else if (en.parameters.length !== f.parameters.length)
      problems.push(at + RULES.parameterCount(f.parameters.length, english.file, en.parameters.length));
    else
      f.parameters.forEach((p, k) => {
        for (const say of Object.values(PARAMETER_KINDS))
          if (say(p) !== say(en.parameters[k])) problems.push(at + RULES.parameterKind(k + 1, p.name, say(p), english.file, say(en.parameters[k])));
      });
  }
  return problems;
}

/**
 * Every problem of the English metadata and its translations, each file on its own and each
 * translation against the English one.
 * @param {MetadataFile} english
 * @param {MetadataFile[]} translations
 * @param {string} namespace
 * @returns {string[]}
 */
function checkMetadata(english, translations, namespace) {
  return [
    ...[english, ...translations].flatMap((f) => metadataProblems(f, namespace)),
    ...translations.flatMap((t) => stepProblems(english, t, namespace)),
  ];
}

module.exports = { RULES, checkMetadata, metadataProblems, stepProblems };
