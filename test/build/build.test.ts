import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DIST, ROOT, ensureBuilt } from "./dist";
import * as scale from "../../src/functions/functions";

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
  const golden = path.join(__dirname, "functions.golden.json");
  if (process.env.UPDATE_GOLDEN === "1") fs.copyFileSync(path.join(DIST, "functions.json"), golden);
  expect(JSON.parse(read("functions.json"))).toEqual(JSON.parse(fs.readFileSync(golden, "utf8")));
});

test("every function in functions.json is associated in the bundle and exported by functions.ts, and vice versa", () => {
  const ids = metadata().map((f) => f.id).sort();
  const associated = [...read("functions.js").matchAll(/CustomFunctions\.associate\("([A-Z]+)"/g)].map((m) => m[1]).sort();
  expect(associated).toEqual(ids);
  const exported = Object.keys(scale).map((k) => k.toUpperCase()).sort();
  expect(exported).toEqual(ids);
});

test("parameters have the dimensionality the functions expect, with help text and a help URL", () => {
  const shape = Object.fromEntries(metadata().map((f) => [f.id, f.parameters.map((p) => `${p.name}:${p.dimensionality ?? "scalar"}${p.optional ? "?" : ""}`)]));
  expect(shape).toEqual({
    PHASE: ["metrics:matrix", "values:matrix?", "min_share:scalar?", "thresholds:matrix?"],
    GAP: ["metric:matrix", "value:matrix", "phase:scalar", "as_fraction:scalar?", "thresholds:matrix?"],
    RISK: ["indicator:matrix", "values:matrix", "phase:scalar?", "thresholds:matrix?"],
    TARGET: ["metric:matrix", "phase:scalar", "thresholds:matrix?"],
    METRICS: ["language:scalar?"],
  });
  for (const f of metadata()) {
    expect(f.description.length).toBeGreaterThan(40);
    expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id.toLowerCase()}`);
    expect(read("help.html")).toMatch(new RegExp(`id="?${f.id.toLowerCase()}"?[ >]`));
    f.parameters.forEach((p) => expect(p.description.length).toBeGreaterThan(10));
  }
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
    expect(scripts.every((s) => s === "'self'" || s === "https://appsforoffice.microsoft.com")).toBe(true);
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
