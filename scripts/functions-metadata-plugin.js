/**
 * Emits functions.json from the JSDoc tags of the function files (custom-functions-metadata),
 * and functions.es.json from it and the Spanish table (src/functions/spanish.json); fails the
 * build on any error the generator reports, on any function or parameter the table lacks, and on
 * any metadata Excel refuses to load (metadata-rules.js), emitting neither file then.
 * custom-functions-metadata-plugin is not used: it also appends CustomFunctions.associate calls
 * to every bundle that imports the functions (the task pane does); src/functions/register.ts
 * associates them once.
 */
const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { checkMetadata } = require("./metadata-rules");

/**
 * @typedef {{ id: string, name: string, description?: string, parameters: { name: string, description?: string }[] }} FunctionMetadata
 * @typedef {{ name: string, description: string, parameters: Record<string, { name: string, description: string }> }} Translation
 */

/**
 * The function files, in the order `dir`/functions.ts exports them (that order is functions.json's).
 * @param {string} dir
 */
function functionSources(dir) {
  const index = fs.readFileSync(path.join(dir, "functions.ts"), "utf8");
  return [...index.matchAll(/^export \{ \w+ \} from "\.\/([\w-]+)";$/gm)].map((m) => path.join(dir, `${m[1]}.ts`));
}

/**
 * The localized metadata: every name and description from `table`; ids, types and URLs kept.
 * Throws, naming what is missing, when a function or a parameter has no entry.
 * @param {string} englishJson
 * @param {Record<string, Translation>} table
 */
function localizedMetadata(englishJson, table) {
  const english = /** @type {{ functions: FunctionMetadata[] }} */ (JSON.parse(englishJson));
  /** @type {string[]} */
  const missing = [];
  const functions = english.functions.map((f) => {
    const t = table[f.id];
    if (!t) {
      missing.push(f.id);
      return f;
    }
    const parameters = f.parameters.map((p) => {
      const tp = t.parameters[p.name];
      if (!tp) missing.push(`${f.id}(${p.name})`);
      return tp ? { ...p, name: tp.name, description: tp.description } : p;
    });
    return { ...f, name: t.name, description: t.description, parameters };
  });
  const extra = Object.keys(table).filter((id) => !english.functions.some((f) => f.id === id));
  if (missing.length || extra.length)
    throw new Error(
      [missing.length ? `no Spanish entry for ${missing.join(", ")}` : "", extra.length ? `Spanish entries for no function: ${extra.join(", ")}` : ""].filter(Boolean).join("; "),
    );
  return JSON.stringify({ ...english, functions }, null, 4);
}

class FunctionsMetadataPlugin {
  /**
   * @param {{ inputs: string[], translations?: string, output?: string, localizedOutput?: string, namespace?: string, transform?: (json: string) => string }} options
   * `namespace`: the manifest's custom functions namespace, to name functions as Excel shows them in build errors.
   */
  constructor({ inputs, translations, output = "functions.json", localizedOutput = "functions.es.json", namespace = "", transform = (json) => json }) {
    this.inputs = inputs.map((f) => path.resolve(f));
    this.translations = translations && path.resolve(translations);
    this.output = output;
    this.localizedOutput = localizedOutput;
    this.namespace = namespace;
    this.transform = transform;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { WebpackError, sources } = compiler.webpack;
    /**
     * Set by beforeCompile, which webpack runs before every thisCompilation.
     * @type {import("custom-functions-metadata").IGenerateResult}
     */
    let result;
    compiler.hooks.beforeCompile.tapPromise("FunctionsMetadataPlugin", async () => {
      result = await generateCustomFunctionsMetadata(this.inputs, false);
    });
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      for (const input of this.inputs) compilation.fileDependencies.add(input);
      if (result.errors.length > 0) {
        for (const error of result.errors) compilation.errors.push(new WebpackError(`${this.inputs.map((f) => path.relative(process.cwd(), f)).join(", ")}: ${error}`));
        return;
      }
      /** @type {{ file: string, json: string }[]} */
      const files = [{ file: this.output, json: result.metadataJson }];
      if (this.translations) {
        compilation.fileDependencies.add(this.translations);
        try {
          const table = JSON.parse(fs.readFileSync(this.translations, "utf8"));
          files.push({ file: this.localizedOutput, json: localizedMetadata(result.metadataJson, table) });
        } catch (e) {
          compilation.errors.push(new WebpackError(`${path.relative(process.cwd(), this.translations)}: ${e instanceof Error ? e.message : e}`));
          return;
        }
      }
      const [english, ...translations] = files.map(({ file, json }) => ({ file, metadata: JSON.parse(json) }));
      const problems = checkMetadata(english, translations, this.namespace);
      for (const problem of problems) compilation.errors.push(new WebpackError(problem));
      if (problems.length > 0) return;
      for (const { file, json } of files) compilation.emitAsset(file, new sources.RawSource(this.transform(json)));
    });
  }
}

module.exports = { FunctionsMetadataPlugin, functionSources, localizedMetadata };
