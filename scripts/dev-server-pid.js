/** Where `npm start` (serve-only mode) records its process, so that `npm stop` can end it. */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { devServerPort } = require("./addin-url");

const PID_FILE = path.join(os.tmpdir(), `scale-tracker-dev-server-${devServerPort()}.pid`);

/** @param {number} pid */
const rememberServer = (pid) => fs.writeFileSync(PID_FILE, String(pid));
const forgetServer = () => fs.rmSync(PID_FILE, { force: true });

/** @returns {number | undefined} */
function recordedServer() {
  try {
    return Number(fs.readFileSync(PID_FILE, "utf8")) || undefined;
  } catch {
    return undefined;
  }
}

module.exports = { forgetServer, recordedServer, rememberServer };
