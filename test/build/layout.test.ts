/**
 * The code's shape (issue 19): no import circle under src/, counting a lazy import() and a
 * type-only import (it ties two modules' changes together as a runtime one does), and the task
 * pane never calls Office itself.
 * Its components receive the host (src/officejs) as a prop, as Microsoft's React task pane
 * template does; only the entry and the theme talk to Office directly.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The code without its comments (a comment may name an API or hold a webpack hint). */
const code = (file: string) =>
  fs
    .readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/** The modules a file imports (`import`, `import type`, `export ... from`, `import()`, `require()`). */
function specifiers(file: string): string[] {
  const text = code(file);
  const statements = [...text.matchAll(/\b(?:import|export)\s[^;]*?\bfrom\s+["']([^"']+)["']/g)].map((m) => m[1]);
  const calls = [...text.matchAll(/(?:\brequire\(\s*|\bimport\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((m) => m[1]);
  return [...statements, ...calls];
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, base, path.join(base, "index.ts"), path.join(base, "index.tsx")].find((c) => fs.existsSync(c) && fs.statSync(c).isFile() && /\.tsx?$/.test(c));
}

/** Each file's imports of other files under src/, imports of types only included. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(
    files.map((f) => [
      relative(f),
      specifiers(f)
        .filter((s) => s.startsWith("."))
        .map((s) => resolveImport(f, s))
        .filter((t): t is string => t !== undefined && t.startsWith(SRC))
        .map(relative),
    ]),
  );
}

/** Every circle, once each, as "a -> b -> a" starting from its first file in alphabetical order. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") {
        const loop = stack.slice(stack.indexOf(next));
        const first = loop.indexOf([...loop].sort()[0]);
        const rotated = [...loop.slice(first), ...loop.slice(0, first)];
        found.add([...rotated, rotated[0]].join(" -> "));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return [...found].sort();
}

describe("imports under src/", () => {
  const files = sourceFiles(SRC);
  const graph = importGraph(files);

  test("the walk sees type imports, re-exports and lazy imports", () => {
    expect(graph.get("src/officejs/host.ts")).toEqual(expect.arrayContaining(["src/officejs/index.ts", "src/officejs/operations.ts"]));
    expect(graph.get("src/officejs/operations.ts")).toContain("src/officejs/insert/write.ts");
    expect(graph.get("src/taskpane/App.tsx")).toContain("src/taskpane/views/RefreshView.tsx");
    expect(graph.get("src/core/phases.ts")).toEqual(["src/core/types.ts"]);
  });

  test("the walk finds a circle, a type import's included", () => {
    expect(circles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual(["a -> b -> c -> a"]);
  });

  test("no module under src/ imports itself back through others, not even through a type (catalog.ts and phases.ts once did; host.ts and formula-builder.ts too)", () => {
    expect(files.filter((f) => /^src\/(core|officejs|taskpane|functions)\//.test(relative(f))).length).toBeGreaterThan(60);
    expect(circles(graph)).toEqual([]);
  });
});

/** Files of the pane that may talk to Office: the entry waits for Office.onReady and reads Excel's display language; the theme follows Office's. */
const TALKS_TO_OFFICE = ["src/taskpane/index.tsx", "src/taskpane/theme.ts"];

test("src/taskpane never calls Excel or reads Office.context outside the entry and the theme: the views go through the host", () => {
  const files = sourceFiles(path.join(SRC, "taskpane")).map(relative);
  expect(files).toContain("src/taskpane/views/RefreshView.tsx");
  const calls = files
    .filter((f) => !TALKS_TO_OFFICE.includes(f))
    .flatMap((f) =>
      code(path.join(ROOT, f))
        .split("\n")
        .flatMap((line, i) => (/\bExcel\.[A-Za-z]|\bOffice\.context\b/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
  expect(calls).toEqual([]);
  for (const f of TALKS_TO_OFFICE) expect(code(path.join(ROOT, f))).toMatch(/\bOffice\.context\b/);
});
