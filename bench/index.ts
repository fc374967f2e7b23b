/**
 * `npm run bench`: prints one JSON object with every figure the issues ask for.
 * Each area's benchmark is a module exporting `run()`; a failing one is reported, not hidden.
 */
import * as path from "path";
import * as fs from "fs";

const AREAS = ["functions", "build", "xlsx", "excel", "taskpane"];

async function main(): Promise<void> {
  const report: Record<string, number | string> = {};
  for (const area of AREAS) {
    const file = path.join(__dirname, `${area}.ts`);
    if (!fs.existsSync(file)) continue;
    try {
      const mod = (await import(file)) as { run: () => Promise<Record<string, number>> };
      Object.assign(report, await mod.run());
    } catch (e) {
      report[`${area}Error`] = e instanceof Error ? e.message : String(e);
    }
  }
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
