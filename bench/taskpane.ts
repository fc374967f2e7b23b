/**
 * Task pane weight and speed, in Debian's headless Chromium against the production build:
 * the gzipped JS the first screen loads (React and Fluent included, the functions bundle not),
 * and the time from navigation to the first interactive view (median of five loads).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { buildStub, launch, openPane, serveDist } from "../test/support/browser";
import { DIST } from "../test/support/dist";

export async function run(): Promise<Record<string, number>> {
  const [stub, server, browser] = await Promise.all([buildStub(), serveDist(), launch()]);
  try {
    const times: number[] = [];
    let firstScreenFiles: string[] = [];
    for (let k = 0; k < 6; k++) {
      const page = await openPane(browser, server.url, stub);
      await page.getByTestId("ready").waitFor();
      const mark = (await page.evaluate("performance.getEntriesByName('scale-ready')[0].startTime")) as number;
      if (k > 0) times.push(mark);
      firstScreenFiles = (await page.evaluate("performance.getEntriesByType('resource').map((r) => r.name)")) as string[];
      await page.context().close();
    }
    const scripts = firstScreenFiles
      .filter((url) => url.startsWith(server.url) && url.endsWith(".js"))
      .map((url) => path.join(DIST, new URL(url).pathname))
      .filter((file) => path.basename(file) !== "functions.js");
    const gzipBytes = scripts.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length, 0);
    times.sort((a, b) => a - b);
    return { taskpaneGzipBytes: gzipBytes, taskpaneFirstRenderMs: Math.round(times[Math.floor(times.length / 2)]) };
  } finally {
    await browser.close();
    await server.close();
  }
}
