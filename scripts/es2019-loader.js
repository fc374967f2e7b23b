/**
 * Webpack loader for dependencies: lowers syntax newer than ES2019 (optional chaining, `??`,
 * class fields...) with TypeScript, so the bundles parse in every runtime the add-in supports.
 * Files without such syntax pass through untouched, which keeps the build fast.
 */
const ts = require("typescript");

const NEWER_THAN_ES2019 = /\?\.|\?\?|#[A-Za-z_$]|\bstatic\s*\{|\*\*=|&&=|\|\|=|\d_\d/;

/** @type {import("webpack").LoaderDefinitionFunction} */
module.exports = function es2019Loader(source, map) {
  if (!NEWER_THAN_ES2019.test(source)) return this.callback(null, source, map);
  const { outputText, sourceMapText } = ts.transpileModule(source, {
    fileName: this.resourcePath,
    compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.ESNext, allowJs: true, sourceMap: this.sourceMap, useDefineForClassFields: true },
  });
  this.callback(null, outputText.replace(/\/\/# sourceMappingURL=.*$/m, ""), sourceMapText && JSON.parse(sourceMapText));
};
