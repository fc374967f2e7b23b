/**
 * Emits functions.json from the JSDoc tags of the functions file (custom-functions-metadata)
 * and fails the build on any error the generator reports. custom-functions-metadata-plugin is
 * not used: it also appends CustomFunctions.associate calls to every bundle that imports the
 * functions file (the task pane does); src/functions/register.ts associates them once.
 */
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

class FunctionsMetadataPlugin {
  /** @param {{ input: string, output?: string, transform?: (json: string) => string }} options */
  constructor({ input, output = "functions.json", transform = (json) => json }) {
    this.input = path.resolve(input);
    this.output = output;
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
      result = await generateCustomFunctionsMetadata(this.input, false);
    });
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(this.input);
      if (result.errors.length > 0) {
        for (const error of result.errors) compilation.errors.push(new WebpackError(`${path.relative(process.cwd(), this.input)}: ${error}`));
        return;
      }
      compilation.emitAsset(this.output, new sources.RawSource(this.transform(result.metadataJson)));
    });
  }
}

module.exports = { FunctionsMetadataPlugin };
