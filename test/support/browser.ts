/**
 * Headless Chromium (Debian's) driven by playwright-core against the production pane served
 * on 127.0.0.1, with the fake Office host served in place of Office.js. No other network.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { AddressInfo } from "net";
import webpack from "webpack";
import { Browser, Page, chromium } from "playwright-core";
import { ensureBuilt } from "./dist";
import { enginePath } from "../engines/engines";
import type { FakeState } from "./excel-fake";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The stub bundle (fake host + globals), built once per run. */
export async function buildStub(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "scale-stub-"));
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack({
      mode: "development",
      devtool: false,
      target: ["web", "es2019"],
      entry: path.join(__dirname, "stub-entry.ts"),
      output: { path: out, filename: "stub.js" },
      resolve: { extensions: [".ts", ".js"] },
      module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } }] },
    }).run((err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  return fs.readFileSync(path.join(out, "stub.js"), "utf8");
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "text/xml" };

/** Serves dist/ on a free loopback port. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const dist = ensureBuilt();
  const server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent(new URL(req.url!, "http://x").pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: enginePath("chromium"),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/**
 * A page where Office.js is the stub (or nothing, for `stub: undefined`) and nothing but loopback
 * is reachable, in a browser whose own language is `locale` (English unless said).
 */
export async function openPane(browser: Browser, base: string, stub: string | undefined, query = "", locale = "en-US", init?: { script: string }): Promise<Page> {
  // 320 pixels: about as narrow as Excel opens a task pane.
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale });
  const page = await context.newPage();
  // Before the page's own scripts (and past its CSP): what the stub reads as it installs the fake host.
  if (init) await page.addInitScript(init.script);
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_JS)) {
      return stub === undefined ? route.fulfill({ status: 404, body: "" }) : route.fulfill({ status: 200, contentType: "text/javascript", body: stub });
    }
    return url.startsWith(base) ? route.continue() : route.abort();
  });
  await page.goto(`${base}/taskpane.html${query}`);
  return page;
}

/** Where the pane's tests leave their screenshots. */
export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/taskpane");
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * For the pane's test files: within a describe, the stub, the served dist/ and Chromium, started
 * once before its tests and closed after them, and `pane()` opening the pane on the fake host.
 */
export function paneSession() {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  let stub = "";
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    [stub, server, browser] = await Promise.all([buildStub(), serveDist(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    /** The pane in Excel (the fake host), with the stub's query parameters (stub-entry.ts). */
    pane: (query = "", init?: { script: string }) => openPane(browser!, server!.url, stub, query, "en-US", init),
    /** The pane opened outside Excel: no Office.js. */
    outsideExcel: () => openPane(browser!, server!.url, undefined),
  };
}

/** Runs `fn` on the fake host's state in the page (window.__fake); `fn` is sent as its source, so it uses nothing outside. */
export const fake = <T>(page: Page, fn: (state: FakeState) => T) => page.evaluate(`(${fn.toString()})(window.__fake)`) as Promise<T>;

/** A full-page screenshot in ARTIFACTS, to look at. */
export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

/** The view fits the pane: nothing is cut off or needs sideways scrolling. */
export const fitsWidth = (page: Page) => page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth") as Promise<boolean>;

/** axe's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Injected through the debugging protocol: the pane's CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE);
  // Fluent's focus manager (tabster) adds aria-hidden focus sentinels that hand focus on; axe cannot tell.
  const result = (await page.evaluate("axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] })")) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Waits until the pane has looked for a tracker, so a count of syncs starts after it. */
export const settled = (page: Page) => page.locator("main:not([data-tracker='looking'])").waitFor();

/** The id of the selected tab. */
export const selectedTab = (page: Page) => page.locator("[role=tab][aria-selected=true]").getAttribute("id");

/** Where focus is: "TAG:text". */
export const focused = (page: Page) => page.evaluate("(() => { const e = document.activeElement; return e ? `${e.tagName}:${e.textContent.trim()}` : ''; })()") as Promise<string>;

/** Waits for focus on the button named `name` (a lazily loaded view's, once it is there). */
/** Waits until the fake host has selected `address` (a function, not a string: the pane's CSP forbids eval). */
export const selectedIs = (page: Page, address: string) =>
  page.waitForFunction((want) => (window as unknown as { __fake: { selected?: string } }).__fake.selected === want, address);
export const focusOn = (page: Page, name: string) => page.waitForFunction((n) => document.activeElement?.tagName === "BUTTON" && document.activeElement.textContent?.trim() === n, name);
