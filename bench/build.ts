/** Size of the production functions code (minified, as Excel downloads it). */
import * as fs from "fs";
import * as path from "path";
import { ensureBuilt } from "../test/support/dist";

export async function run(): Promise<Record<string, number>> {
  const dist = ensureBuilt();
  return { functionsBundleBytes: fs.statSync(path.join(dist, "functions.js")).size };
}
