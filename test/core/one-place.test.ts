/**
 * One decision in one place (issue 19): each rule below is written once, in the module named, and
 * a second copy of it anywhere else in src/ fails here with the file and line, so the next change
 * of the rule cannot miss one. Every folder of src/, a new one included, is read.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const files = sourceFiles(path.join(ROOT, "src")).map((f) => path.relative(ROOT, f).split(path.sep).join("/"));

/** Every line of src/ (outside `homes`) that matches one of `shapes`, as "file:line: text". */
function copiesOutside(homes: string | readonly string[], shapes: readonly RegExp[]): string[] {
  return files
    .filter((f) => !([] as string[]).concat(homes).includes(f))
    .flatMap((f) =>
      fs
        .readFileSync(path.join(ROOT, f), "utf8")
        .split("\n")
        .flatMap((line, i) => (shapes.some((re) => re.test(line)) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
}

test("the files read are the source: the core, the functions, the writers, the command line, the pane", () => {
  for (const f of ["src/core/cell.ts", "src/functions/inputs.ts", "src/xlsx/read.ts", "src/cli/cli.ts", "src/officejs/host.ts", "src/taskpane/App.tsx"]) expect(files).toContain(f);
});

test("the blank-cell rule (null, undefined, \"\" or spaces) is core/cell.ts's isBlank, not a local comparison", () => {
  const shapes = [/\.trim\(\) === ""/, /=== ""\s*\|\|/, /\|\|\s*[\w.]+ === ""/, /\btext\([^)]*\) [!=]== ""/];
  expect(copiesOutside("src/core/cell.ts", shapes)).toEqual([]);
});

/** The string and template literals of a file's code (comments left out) with three words or more: sentences. */
function sentencesIn(file: string): string[] {
  const code = fs
    .readFileSync(path.join(ROOT, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const literals = code.match(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? [];
  return literals.filter((l) => /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(l)).map((l) => `${file}: ${l}`);
}

test("the custom functions' error sentences are MESSAGES.functions in core/messages.ts, none written in src/functions/", () => {
  const functions = files.filter((f) => f.startsWith("src/functions/"));
  expect(functions).toContain("src/functions/inputs.ts");
  expect(functions.flatMap(sentencesIn)).toEqual([]);
});

test("the target phase, min(reached + 1, 4), is phases.ts's targetPhaseOf and, on the sheet, formulas.ts's targetPhaseFormula built from the same constants", () => {
  expect(copiesOutside("src/core/phases.ts", [/Math\.min\([^)]*\+ ?1,/])).toEqual([]);
  expect(copiesOutside("src/core/template/formulas.ts", [/MIN\([^)]*\+1,/])).toEqual([]);
});

test("Excel's date serials (day 0 = 1899-12-30) are counted in core/months.ts only", () => {
  expect(copiesOutside("src/core/months.ts", [/1899,\s*11,\s*30/, /\b25569\b/, /86_?400_?000/])).toEqual([]);
});

test("the tables' style is named once, core/template/styles.ts's TABLE_STYLE, which both writers (exceljs and Office.js) use", () => {
  expect(copiesOutside("src/core/template/styles.ts", [/TableStyle(Light|Medium|Dark)\d/])).toEqual([]);
});

test("the dashboard places its cells and charts by DASHBOARD's named rows and columns (layout.ts), never by a column number or letter of its own", () => {
  const shapes = [/\b(cell|absolute)\(\d/, /\b(ref|from|to|categories|values): `[A-Z]{1,3}\$\{/, /\bref: "[A-Z]{1,3}\d/];
  const dashboard = "src/core/template/dashboard.ts";
  const lines = fs.readFileSync(path.join(ROOT, dashboard), "utf8").split("\n");
  expect(lines.flatMap((line, i) => (shapes.some((re) => re.test(line)) ? [`${dashboard}:${i + 1}: ${line.trim()}`] : []))).toEqual([]);
});

test("the insert options are checked in core/template/options.ts only (the command line and the pane call validateInsertOptions)", () => {
  const shapes = [/\[A-Za-z\]\{3\}/, /\bcompanyFits\(/, />= MONTHS\.min/];
  expect(copiesOutside(["src/core/template/options.ts", "src/core/company.ts"], shapes)).toEqual([]);
});

test("a cell's value has one type, core/cell.ts's Cell (empty, a described value and a read value are Cell without undefined or null)", () => {
  expect(copiesOutside("src/core/cell.ts", [/string \| number \| boolean/])).toEqual([]);
});

test("a sheet name is quoted, and an address read back, by core/address.ts only: one rule, one parser", () => {
  const shapes = [/replace\(\/'\/g, "''"\)/, /replace\(\/''\/g, "'"\)/, /'\$\{[^}]*\}'!/, /(lastIndexOf|indexOf|split)\("!"\)/, /\[A-Za-z_\]\[A-Za-z0-9_\.?\]/];
  expect(copiesOutside("src/core/address.ts", shapes)).toEqual([]);
});
