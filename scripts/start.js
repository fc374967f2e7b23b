/**
 * `npm start`: serves the add-in on https://localhost:3000 (DEV_SERVER_PORT for another port) and
 * sideloads it where Office can be driven (Windows, macOS). Elsewhere (Linux, CI, containers) it only
 * serves, and says how to sideload into Excel on the web; `npm stop` ends it. It never reads stdin.
 */
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const { DEV_URL, devServerPort, devUrl, pointAt } = require("./addin-url");
const { forgetServer, rememberServer } = require("./dev-server-pid");

const ROOT = path.resolve(__dirname, "..");
const port = devServerPort();
const url = devUrl(port);
const canSideload = ["win32", "darwin"].includes(process.platform) && process.env.CI !== "true";

/**
 * The manifest to sideload, relative to the project: manifest.xml itself on the default port; on
 * another, a copy with every URL on that port (git-ignored), so that Office asks the running server.
 * The dev server rewrites its functions.json the same way (webpack.config.js).
 */
function manifestToSideload() {
  if (url === DEV_URL) return "manifest.xml";
  const file = `manifest.localhost-${port}.xml`;
  fs.writeFileSync(path.join(ROOT, file), pointAt(url)(fs.readFileSync(path.join(ROOT, "manifest.xml"))));
  return file;
}

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], shell: process.platform === "win32" });
  child.on("exit", (code) => {
    forgetServer();
    process.exit(code ?? 0);
  });
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => child.kill(signal));
}

const manifest = manifestToSideload();
if (canSideload) {
  run("npx", ["office-addin-debugging", "start", manifest, "desktop", "--dev-server-port", String(port)]);
} else {
  console.log(
    [
      `Scale Tracker: serving the add-in at ${url}taskpane.html (Ctrl+C or npm stop to end).`,
      "No desktop Excel to sideload into here. To use it in Excel on the web:",
      "  1. open a workbook at https://www.office.com, then Home > Add-ins > More Add-ins > Upload My Add-in",
      "     (in some tenants: Insert > Add-ins > Upload My Add-in),",
      `  2. upload ${manifest} from this folder (it points at ${url}),`,
      "     and allow the browser's prompt for local network access (Edge, Chrome): the add-in is served from localhost,",
      "  3. open Home > Scale Tracker, or type =SCALE.PHASE( in a cell.",
      "Without Excel, export the tracking workbook instead: npm run template -- --out tracking.xlsx",
    ].join("\n"),
  );
  rememberServer(process.pid);
  run(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"]);
}
