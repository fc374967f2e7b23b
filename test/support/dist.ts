import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");

/** What the production build is made from; dist/ older than any of these is stale. */
const INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "scripts", "package-lock.json"];
const LOCK = path.join(ROOT, "node_modules", ".cache", "scale-tracker-build.lock");

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

function isFresh(): boolean {
  const built = path.join(DIST, "functions.json");
  if (!fs.existsSync(built)) return false;
  const inputs = INPUTS.map((p) => path.join(ROOT, p)).filter((p) => fs.existsSync(p));
  return Math.max(...inputs.map(newestChange)) <= fs.statSync(built).mtimeMs;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Holds a lock (a directory, created atomically) so parallel test workers build only once. */
function withLock<T>(work: () => T): T {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const holder = lockHolder();
      if (holder !== undefined && !isAlive(holder)) fs.rmSync(LOCK, { recursive: true, force: true });
      sleep(500);
    }
  }
  try {
    fs.writeFileSync(path.join(LOCK, "pid"), String(process.pid));
    return work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

function lockHolder(): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(LOCK, "pid"), "utf8")) || undefined;
  } catch {
    return undefined; // not written yet, or just released
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The production build in dist/ and lib/: `npm test` builds it first; a lone jest run rebuilds it here if stale. */
export function ensureBuilt(): string {
  if (isFresh()) return DIST;
  withLock(() => isFresh() || execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" }));
  return DIST;
}
