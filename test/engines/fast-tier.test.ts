/**
 * `npm run test:fast` is the pure tier (issue 19; docs/testing.md): every test that reaches no
 * engine, browser, build, host (not even the fake one), .xlsx file, compiler or child process,
 * and nothing else. Its paths are a list of patterns in package.json; this test holds the list to
 * that rule by following each test file's imports, so a test moved to another folder, or a pure
 * test given an engine, fails here with what to change instead of leaving the tier quietly.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

/** Packages that start an engine, a browser, a build, a compiler, a process or an .xlsx file. */
const SLOW_PACKAGE = /^(hyperformula|playwright-core|exceljs|jszip|webpack|webpack-cli|custom-functions-metadata|typescript|child_process|node:child_process)$/;
/** Files of the repository that do the same: engines, the fake host, the build, the writers of files, scripts. */
const SLOW_FILE = [/^test\/engines\/engines\.ts$/, /^test\/support\/(excel-fake|xlsx-seed)\.ts$/, /^test\/support\/dist\.ts$/, /^src\/xlsx\//, /^src\/cli\//, /^scripts\//];

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.json`, path.join(base, "index.ts")];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
}

/** What makes `file` slow, following its relative imports through the repository. */
function slowImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file) || file.endsWith(".json")) return [];
  seen.add(file);
  return specifiers(file).flatMap((s) => {
    if (!s.startsWith(".")) return SLOW_PACKAGE.test(s) ? [s] : [];
    const target = resolveImport(file, s);
    if (!target) return [];
    return SLOW_FILE.some((re) => re.test(relative(target))) ? [relative(target)] : slowImports(target, seen);
  });
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixture" ? [] : testFiles(full);
    return /\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The path patterns `npm run test:fast` gives jest, matched as jest matches them (a regular expression, any case). */
function fastPatterns(): RegExp[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const [command, ...args] = (pkg.scripts["test:fast"] ?? "").split(/\s+/);
  expect(command).toBe("jest");
  return args.filter((a) => !a.startsWith("-")).map((a) => new RegExp(a, "i"));
}

describe("npm run test:fast runs the pure tests, all of them", () => {
  const patterns = fastPatterns();
  const files = testFiles(path.join(ROOT, "test")).sort();
  const inFastTier = (file: string) => patterns.some((p) => p.test(file));

  test("no test in the fast tier reaches an engine, a browser, the build, a host or a child process", () => {
    const slow = files.filter(inFastTier).flatMap((f) => {
      const reasons = [...new Set(slowImports(f))];
      return reasons.length ? [`${relative(f)} imports ${reasons.join(", ")}: take it out of test:fast in package.json, or move that import to another test`] : [];
    });
    expect(slow).toEqual([]);
  });

  test("every pure test is in the fast tier", () => {
    const missing = files
      .filter((f) => !inFastTier(f) && slowImports(f).length === 0)
      .map((f) => `${relative(f)} is pure: add its path to test:fast in package.json`);
    expect(missing).toEqual([]);
  });

  test("the tier holds the core's, the functions' and the plans' tests", () => {
    const fast = files.filter(inFastTier).map(relative);
    for (const folder of ["test/core/", "test/functions/"]) expect(fast.filter((f) => f.startsWith(folder)).length).toBeGreaterThan(3);
    expect(fast.filter((f) => /plan\.test\.ts$/.test(f)).length).toBeGreaterThan(1);
  });
});
