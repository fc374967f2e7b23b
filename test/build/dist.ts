import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");

/** The production build in dist/; `npm test` builds it first, a lone jest run builds it here. */
export function ensureBuilt(): string {
  if (!fs.existsSync(path.join(DIST, "functions.json"))) {
    execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
  }
  return DIST;
}
