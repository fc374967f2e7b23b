import * as fs from "fs";

export const GOLDEN_UPDATED = "golden file updated: review the diff and run again";

/**
 * Expects `actual` (JSON) to equal the committed golden file. With UPDATE_GOLDEN=1 it rewrites the
 * file and then fails, so an update is always a separate, reviewed step and never a green run.
 */
export function expectGolden(actualJson: string, goldenFile: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.UPDATE_GOLDEN === "1") {
    fs.writeFileSync(goldenFile, actualJson);
    throw new Error(`${GOLDEN_UPDATED}: ${goldenFile}`);
  }
  expect(JSON.parse(actualJson)).toEqual(JSON.parse(fs.readFileSync(goldenFile, "utf8")));
}
