/**
 * `npm stop`: ends what `npm start` began. Where it sideloaded (Windows, macOS) office-addin-debugging
 * unregisters the add-in and stops its dev server; elsewhere it stops the server `npm start` recorded.
 */
const { spawnSync } = require("child_process");
const { forgetServer, recordedServer } = require("./dev-server-pid");

const pid = recordedServer();
if (pid) {
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the Scale Tracker dev server (process ${pid}).`);
  } catch {
    console.log(`The dev server (process ${pid}) had already stopped.`);
  }
  forgetServer();
} else if (["win32", "darwin"].includes(process.platform)) {
  const result = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], { stdio: ["ignore", "inherit", "inherit"], shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
} else {
  console.log("No Scale Tracker dev server is running (npm start records the one it starts).");
}
