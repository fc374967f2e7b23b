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
import { ensureBuilt } from "../build/dist";
import { enginePath } from "../engines/engines";

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
export async function openPane(browser: Browser, base: string, stub: string | undefined, query = "", locale = "en-US"): Promise<Page> {
  // 320 pixels: about as narrow as Excel opens a task pane.
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale });
  const page = await context.newPage();
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
