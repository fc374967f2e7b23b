import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "acorn";
import webpack from "webpack";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DIST, ROOT, ensureBuilt } from "../support/dist";
import { expectGolden } from "./golden";
import * as scale from "../../src/functions/functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FunctionsMetadataPlugin, functionSources, localizedMetadata } = require("../../scripts/functions-metadata-plugin");

interface FunctionMeta {
  id: string;
  name: string;
  helpUrl: string;
  description: string;
  parameters: { name: string; description: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string };
}

beforeAll(() => ensureBuilt());

const read = (file: string) => fs.readFileSync(path.join(DIST, file), "utf8");
const metadata = () => JSON.parse(read("functions.json")).functions as FunctionMeta[];

test("the production build emits the manifest, functions metadata, bundles and pages", () => {
  for (const file of ["manifest.xml", "functions.json", "functions.js", "taskpane.js", "taskpane.html", "help.html", "assets/icon-32.png"]) {
    expect([file, fs.existsSync(path.join(DIST, file))]).toEqual([file, true]);
  }
});

test("functions.json equals the committed golden file (a changed signature is a deliberate change)", () => {
  expectGolden(read("functions.json"), path.join(__dirname, "functions.golden.json"));
});

test("functions.es.json, the Spanish metadata, equals its golden file: Spanish names and descriptions, the same ids and shapes", () => {
  expectGolden(read("functions.es.json"), path.join(__dirname, "functions.es.golden.json"));
  const english = metadata();
  const spanish = JSON.parse(read("functions.es.json")).functions as FunctionMeta[];
  expect(Object.fromEntries(spanish.map((f) => [f.id, f.name]))).toEqual({
    PHASE: "FASE",
    GAP: "BRECHA",
    RISK: "RIESGO",
    TARGET: "OBJETIVO",
    METRICS: "METRICAS",
    ETA: "MESES",
    SCORE: "PUNTAJE",
  });
  spanish.forEach((f, i) => {
    const en = english[i];
    expect([f.id, f.helpUrl, f.parameters.map((p) => [p.dimensionality, p.optional])]).toEqual([en.id, en.helpUrl, en.parameters.map((p) => [p.dimensionality, p.optional])]);
    expect(f.description).not.toBe(en.description);
    f.parameters.forEach((p, k) => expect([p.name, p.description]).not.toEqual([en.parameters[k].name, en.parameters[k].description]));
  });
});

test("the Spanish table must name every function and parameter, or the build fails saying which", () => {
  const english = JSON.stringify({ functions: [{ id: "PHASE", name: "PHASE", parameters: [{ name: "metrics" }, { name: "min_share" }] }] });
  const one = { name: "FASE", description: "d", parameters: { metrics: { name: "metricas", description: "d" } } };
  expect(() => localizedMetadata(english, { PHASE: one })).toThrow("no Spanish entry for PHASE(min_share)");
  expect(() => localizedMetadata(english, {})).toThrow("no Spanish entry for PHASE");
  expect(() => localizedMetadata(english, { PHASE: { ...one, parameters: { ...one.parameters, min_share: { name: "p", description: "d" } } }, GAPP: one })).toThrow("Spanish entries for no function: GAPP");
});

/** What register.ts asks Excel to associate (run with a recording CustomFunctions), and the module it imports. */
function associations(): { associated: Map<string, unknown>; functions: Record<string, unknown> } {
  const associated = new Map<string, unknown>();
  const globals = global as unknown as { CustomFunctions?: unknown };
  globals.CustomFunctions = { associate: (id: string, fn: unknown) => associated.set(id, fn) };
  let functions: Record<string, unknown> = {};
  try {
    jest.isolateModules(() => {
      require("../../src/functions/register");
      functions = require("../../src/functions/functions");
    });
  } finally {
    delete globals.CustomFunctions;
  }
  return { associated, functions };
}

test("register.ts associates every id of functions.json with the function its JSDoc declares, and nothing else", async () => {
  const { associate } = await generateCustomFunctionsMetadata(functionSources(path.join(ROOT, "src/functions")), false);
  const { associated, functions } = associations();
  const declared = Object.fromEntries(associate.map((a) => [a.id, functions[a.functionName]]));
  expect([...associated.keys()].sort()).toEqual(metadata().map((f) => f.id).sort());
  for (const [id, fn] of associated) expect([id, fn === declared[id] && typeof fn === "function"]).toEqual([id, true]);
  expect(Object.keys(scale).map((k) => k.toUpperCase()).sort()).toEqual([...associated.keys()].sort());
});

test("only the functions bundle registers the functions (the task pane imports them without registering)", () => {
  const registering = fs.readdirSync(DIST).filter((f) => f.endsWith(".js") && read(f).includes("CustomFunctions.associate("));
  expect(registering).toEqual(["functions.js"]);
  const ids = [...read("functions.js").matchAll(/CustomFunctions\.associate\("([A-Z]+)"/g)].map((m) => m[1]).sort();
  expect(ids).toEqual(metadata().map((f) => f.id).sort());
});

// 30 KB until the SaaS measures (product.md 12), 40 KB until the department KPIs (product.md 13: 32
// KPIs with their names in two languages, about 3.3 KB): the functions accept every id of the
// catalog, so the catalog's data grows the bundle with the seed; the workbook-input sentences and
// the departments' texts stay out (messages-input.ts, departments.ts). docs/performance.md.
test("the functions code is its own minified bundle of at most 43 KB", () => {
  const code = read("functions.js");
  expect(code.length).toBeLessThanOrEqual(43 * 1024);
  expect(code.split("\n").length).toBeLessThanOrEqual(3); // minified: one line, plus the source map comment
  expect(code).toMatch(/\/\/# sourceMappingURL=functions\.js\.map\s*$/);
});

test("every bundle parses as ES2019, the language the supported Excel runtimes share", () => {
  for (const file of fs.readdirSync(DIST).filter((f) => f.endsWith(".js"))) {
    let error = "";
    try {
      parse(read(file), { ecmaVersion: 2019, sourceType: "script" });
    } catch (e) {
      error = String(e);
    }
    expect([file, error]).toEqual([file, ""]);
  }
});

test("the build fails when the metadata generator reports an error, naming it", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-metadata-"));
  const input = path.join(dir, "functions.ts");
  fs.writeFileSync(input, "/**\n * Adds.\n * @customfunction ADD-TWO\n * @param a A number.\n */\nexport function add(a: number): number {\n  return a;\n}\n");
  fs.writeFileSync(path.join(dir, "entry.js"), "export {};\n");
  const compiler = webpack({ mode: "production", context: dir, entry: "./entry.js", output: { path: path.join(dir, "out") }, plugins: [new FunctionsMetadataPlugin({ inputs: [input] })] });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err) : resolve(s))));
  expect(stats.hasErrors()).toBe(true);
  expect(stats.toString("errors-only")).toContain("The custom function id contains invalid characters");
  expect(fs.existsSync(path.join(dir, "out", "functions.json"))).toBe(false);
});

test("parameters have the dimensionality the functions expect, with help text and a help URL", () => {
  const shape = Object.fromEntries(metadata().map((f) => [f.id, f.parameters.map((p) => `${p.name}:${p.dimensionality ?? "scalar"}${p.optional ? "?" : ""}`)]));
  expect(shape).toEqual({
    PHASE: ["metrics:matrix", "values:matrix?", "min_share:scalar?", "thresholds:matrix?"],
    GAP: ["metric:matrix", "value:matrix", "phase:scalar", "as_fraction:scalar?", "thresholds:matrix?"],
    RISK: ["indicator:matrix", "values:matrix", "phase:scalar?", "thresholds:matrix?"],
    TARGET: ["metric:matrix", "phase:scalar", "thresholds:matrix?"],
    METRICS: ["language:scalar?"],
    ETA: ["metric:scalar", "values:matrix", "phase:scalar", "thresholds:matrix?"],
    SCORE: ["metrics:matrix", "values:matrix?", "phase:scalar?", "thresholds:matrix?"],
  });
  for (const f of metadata()) {
    expect(f.description.length).toBeGreaterThan(40);
    expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id.toLowerCase()}`);
    expect(read("help.html")).toMatch(new RegExp(`id="?${f.id.toLowerCase()}"?[ >]`));
    f.parameters.forEach((p) => expect(p.description.length).toBeGreaterThan(10));
  }
});

test("the help page in Spanish (help.es.html, the pane's link in Spanish): each function under its Spanish Excel name at the English page's anchor, with its Spanish parameters, examples as typed in Spanish Excel; the two pages link to each other", () => {
  const spanish = read("help.es.html");
  expect(spanish).toMatch(/<html lang="?es"?>/);
  const english = JSON.parse(read("functions.json")).functions as FunctionMeta[];
  const es = JSON.parse(read("functions.es.json")).functions as FunctionMeta[];
  english.forEach((f, i) => {
    const heading = new RegExp(`id="?${f.id.toLowerCase()}"?>SCALE\\.${es[i].name}\\(([^)]*)\\)`).exec(spanish);
    expect([f.id, heading?.[1].replace(/[[\]]/g, "").split("; ").filter(Boolean)]).toEqual([f.id, es[i].parameters.map((p) => p.name)]);
  });
  // Spanish Excel's syntax (product.md 11): ";" between arguments, decimal commas; no English function name in a formula.
  const formulas = [...spanish.matchAll(/=SCALE\.[A-Z]+\([^)]*\)/g)].map((m) => m[0]);
  expect(formulas.length).toBeGreaterThanOrEqual(6);
  for (const formula of formulas) expect([formula, /, |\d\.\d|SCALE\.(PHASE|GAP|RISK|TARGET|METRICS|SCORE)\(/.test(formula)]).toEqual([formula, false]);
  expect(spanish).toMatch(/href="?help\.html[" >]/);
  expect(read("help.html")).toMatch(/href="?help\.es\.html[" >]/);
});

test("no eval in production bundles", () => {
  for (const file of fs.readdirSync(DIST).filter((f) => f.endsWith(".js"))) {
    const code = read(file);
    expect([file, /\beval\(|new Function\(/.test(code)]).toEqual([file, false]);
  }
});

test("every page carries a Content-Security-Policy: scripts from the add-in and Office.js only, connect-src 'self'", () => {
  const pages = fs.readdirSync(DIST).filter((f) => f.endsWith(".html"));
  expect(pages.length).toBeGreaterThanOrEqual(2);
  for (const page of pages) {
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(read(page))?.[1];
    expect([page, csp]).toEqual([page, expect.stringContaining("connect-src 'self'")]);
    const scripts = /script-src ([^;]+)/.exec(csp!)![1].split(" ");
    // Office.js from either of Microsoft's documented CDNs (the new one: office-js-docs-pr #5882), nothing else.
    const allowed = ["'self'", "https://appsforoffice.microsoft.com", "https://officeapis.public.onecdn.static.microsoft"];
    expect([page, scripts.filter((s) => !allowed.includes(s))]).toEqual([page, []]);
    if (page === "taskpane.html") expect(scripts).toEqual(allowed);
  }
});

test("the manifests, source and built, pass the offline validation", () => {
  for (const manifest of ["manifest.xml", "dist/manifest.xml"]) {
    const out = execFileSync("node", ["scripts/validate-manifest.js", manifest], { cwd: ROOT, encoding: "utf8" });
    expect(out).toContain("is valid");
  }
});

test("ADDIN_URL points the built manifest and metadata at a real host", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "scale-dist-"));
  execFileSync("npx", ["webpack", "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_URL: "https://addins.example.com/scale" },
    stdio: "pipe",
  });
  const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain('DefaultValue="https://addins.example.com/scale/taskpane.html"');
  expect(fs.readFileSync(path.join(out, "functions.json"), "utf8")).toContain("https://addins.example.com/scale/help.html#phase");
});
