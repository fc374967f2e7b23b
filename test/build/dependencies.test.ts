import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ts from "typescript";
import { ROOT } from "../support/dist";
import { packageOf, sourceFiles, undeclaredImports } from "./dependencies";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const runtime = new Set(Object.keys(pkg.dependencies));
const declared = new Set([...runtime, ...Object.keys(pkg.devDependencies)]);

test("package names are read from specifiers; files and Node's modules are not packages", () => {
  expect(["exceljs", "csv-parse/sync", "@xmldom/xmldom", "@jest/reporters/build/x", "./a", "../b", "fs", "node:path", "child_process"].map(packageOf)).toEqual([
    "exceljs",
    "csv-parse",
    "@xmldom/xmldom",
    "@jest/reporters",
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});

test("an import or require of a package that package.json does not declare is reported with its file", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-deps-"));
  fs.writeFileSync(path.join(dir, "a.ts"), 'import pad from "left-pad";\nimport { x } from "./b";\nimport "exceljs";\n');
  fs.writeFileSync(path.join(dir, "b.js"), 'const y = require("xml2js");\nconst z = require("fs");\nmodule.exports = { x: import("@scope/thing/sub") };\n');
  expect(undeclaredImports(sourceFiles(dir, ["."]), new Set(["exceljs"]), dir)).toEqual(["a.ts: left-pad", "b.js: xml2js", "b.js: @scope/thing"]);
});

test("every package that a source, test, bench or script file requires is declared in package.json", () => {
  const files = sourceFiles(ROOT, ["src", "test", "bench", "scripts", "bin", "webpack.config.js", "jest.config.js", "eslint.config.mjs"]);
  expect(files.length).toBeGreaterThan(50);
  expect(undeclaredImports(files, declared, ROOT)).toEqual([]);
});

test("the command line's code needs only runtime dependencies (it runs after npm install --omit=dev)", () => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.cli.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
  const files = program
    .getSourceFiles()
    .map((f) => f.fileName)
    .filter((f) => f.startsWith(path.join(ROOT, "src")));
  expect(files).toContain(path.join(ROOT, "src/cli/cli.ts"));
  expect(undeclaredImports([...files, path.join(ROOT, "bin/scale-tracker.js")], runtime, ROOT)).toEqual([]);
});
