import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "../support/dist";

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
}

const npm = (args: string[], cwd: string) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", stdio: "pipe" });

/**
 * What `npm install --omit=dev ./scale-tracker-*.tgz` installs, offline: a lock file listing the
 * tarball and the project's own non-dev packages (the versions package-lock.json pins), so npm
 * takes every package from the cache `npm ci` filled and asks no registry.
 */
function appInstalling(tarball: string, dir: string): void {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const spec = `file:${path.relative(dir, tarball)}`;
  const runtime = Object.entries(lock.packages).filter(([key, entry]) => key.startsWith("node_modules/") && !entry.dev && !entry.devOptional);
  const packages = {
    "": { dependencies: { "scale-tracker": spec } },
    "node_modules/scale-tracker": { version: pkg.version, resolved: spec, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
    ...Object.fromEntries(runtime),
  };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "uses-scale-tracker", private: true, dependencies: { "scale-tracker": spec } }));
  fs.writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({ name: "uses-scale-tracker", lockfileVersion: 3, requires: true, packages }));
}

test("npm pack ships the compiled command line, which runs installed without dev dependencies", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scale-pack-"));
  const tarball = path.join(tmp, npm(["pack", "--pack-destination", tmp], ROOT).trim().split("\n").pop()!);
  const app = path.join(tmp, "app");
  fs.mkdirSync(app);
  appInstalling(tarball, app);
  npm(["ci", "--omit=dev", "--offline"], app);

  const installed = path.join(app, "node_modules");
  expect(fs.existsSync(path.join(installed, "scale-tracker/lib/cli/cli.js"))).toBe(true);
  expect(["typescript", "ts-node", "jest", "webpack", "react"].filter((dev) => fs.existsSync(path.join(installed, dev)))).toEqual([]);

  const out = execFileSync("npx", ["--offline", "scale-tracker", "template", "--out", "x.xlsx"], { cwd: app, encoding: "utf8" });
  expect(out).toMatch(/^Wrote x\.xlsx/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(app, "x.xlsx"));
  expect(workbook.worksheets.map((s) => s.name)).toContain("Scale Dashboard");
});
