/**
 * `npm run bench`: prints one JSON object with every figure the issues ask for.
 * Each area's benchmark is a module exporting `run()`, run in a process of its own, so one area's
 * heap and JIT state (the functions' millions of calls) do not weigh on the next one's timings.
 * A failing area is reported, not hidden.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const AREAS = ["functions", "build", "xlsx", "excel", "taskpane", "board"];

/** One area's figures, from a child process running this file with the area's name. */
function runArea(area: string): Record<string, number | string> {
  try {
    const out = execFileSync(process.execPath, ["-r", "ts-node/register", __filename, area], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>;
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim().split("\n").pop();
    return { [`${area}Error`]: stderr || (e instanceof Error ? e.message : String(e)) };
  }
}

async function child(area: string): Promise<void> {
  const mod = (await import(path.join(__dirname, `${area}.ts`))) as { run: () => Promise<Record<string, number>> };
  // The last line of stdout is the area's figures; anything a library prints comes before it.
  process.stdout.write(`\n${JSON.stringify(await mod.run())}\n`);
}

function main(): void {
  const report: Record<string, number | string> = {};
  for (const area of AREAS) if (fs.existsSync(path.join(__dirname, `${area}.ts`))) Object.assign(report, runArea(area));
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
}

const area = process.argv[2];
if (area) {
  child(area).catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
} else main();
