import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "../support/dist";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

test("npm test type-checks, lints and builds before jest runs", () => {
  expect(pkg.scripts.test).toBe("npm run typecheck && npm run lint && npm run build && jest");
  expect(pkg.scripts.typecheck).toBe("tsc --noEmit -p . && tsc -p tsconfig.scripts.json");
  expect(pkg.scripts.lint).toBe("office-addin-lint check");
});

test("the type-check covers src, test, bench and scripts, strictly", () => {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"));
  expect(tsconfig.include).toEqual(["src", "test", "bench", "scripts"]);
  expect(tsconfig.compilerOptions.strict).toBe(true);
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.scripts.json"), "utf8"));
  expect([scripts.compilerOptions.checkJs, scripts.include]).toEqual([true, ["scripts/*.js", "bin/*.js", "webpack.config.js", "test/engines/*.js"]]);
});

test("a type error in a test file fails the type-check (ts-jest alone would only transpile it)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-typecheck-"));
  const bad = path.join(dir, "bad.test.ts");
  fs.writeFileSync(bad, 'import { target } from "' + path.join(ROOT, "src/functions/functions") + '";\ntest("x", () => { const n: number = "text"; expect([n, target]).toBeDefined(); });\n');
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ extends: path.join(ROOT, "tsconfig.json"), compilerOptions: { typeRoots: [path.join(ROOT, "node_modules/@types")] }, include: [bad] }));
  const run = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", dir], { encoding: "utf8" });
  expect(run.status).not.toBe(0);
  expect(run.stdout).toMatch(/bad\.test\.ts\(2,\d+\): error TS2322/);
});
