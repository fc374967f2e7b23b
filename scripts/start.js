/**
 * `npm start`: serves the add-in on https://localhost:3000 and sideloads it where Office can be
 * driven (Windows, macOS). Elsewhere (Linux, CI, containers) it only serves, and says how to
 * sideload into Excel on the web; `npm stop` ends it. It never reads stdin.
 */
const { spawn } = require("child_process");
const { forgetServer, rememberServer } = require("./dev-server-pid");

const port = process.env.DEV_SERVER_PORT || process.env.npm_package_config_dev_server_port || 3000;
const canSideload = ["win32", "darwin"].includes(process.platform) && process.env.CI !== "true";

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

if (canSideload) {
  run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
} else {
  console.log(
    [
      `Scale Tracker: serving the add-in at https://localhost:${port}/taskpane.html (Ctrl+C or npm stop to end).`,
      "No desktop Excel to sideload into here. To use it in Excel on the web:",
      "  1. open a workbook at https://www.office.com, then Home > Add-ins > More Add-ins > Upload My Add-in",
      "     (in some tenants: Insert > Add-ins > Upload My Add-in),",
      `  2. upload manifest.xml from this folder (it points at https://localhost:${port}/),`,
      "  3. open Home > Scale Tracker, or type =SCALE.PHASE( in a cell.",
      "Without Excel, export the tracking workbook instead: npm run template -- --out tracking.xlsx",
    ].join("\n"),
  );
  rememberServer(process.pid);
  run(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"]);
}
