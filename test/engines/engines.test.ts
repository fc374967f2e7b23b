import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ENGINES, enginesRequired, findChromium, onPath } from "./engines";

const ROOT = path.resolve(__dirname, "../..");

function executable(dir: string, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, "#!/bin/sh\n");
  fs.chmodSync(file, 0o755);
  return file;
}

describe("finding engines", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-engines-"));
  const other = fs.mkdtempSync(path.join(os.tmpdir(), "scale-engines-"));

  test("a program is found in any PATH directory, and a file that is not executable is not a program", () => {
    const found = executable(other, "soffice");
    fs.writeFileSync(path.join(dir, "pdftoppm"), "not executable");
    const searchPath = [dir, other].join(path.delimiter);
    expect(onPath(["soffice"], searchPath)).toBe(found);
    expect(onPath(["pdftoppm"], searchPath)).toBeUndefined();
  });

  test("Chromium: CHROMIUM_PATH first, then chromium, chromium-browser, google-chrome on PATH", () => {
    const chrome = executable(dir, "google-chrome");
    expect(findChromium({ PATH: dir })).toBe(chrome);
    const browser = executable(other, "chromium-browser");
    expect(findChromium({ PATH: [dir, other].join(path.delimiter) })).toBe(browser);
    const custom = executable(other, "my-chromium");
    expect(findChromium({ PATH: dir, CHROMIUM_PATH: custom })).toBe(custom);
    expect(findChromium({ PATH: dir, CHROMIUM_PATH: path.join(other, "absent") })).toBeUndefined();
  });

  test("engines are required under CI=true or REQUIRE_ENGINES=1 only", () => {
    expect([enginesRequired({ CI: "true" }), enginesRequired({ REQUIRE_ENGINES: "1" }), enginesRequired({}), enginesRequired({ CI: "false" })]).toEqual([true, true, false, false]);
  });

  test("every engine names the Debian package that installs it", () => {
    expect(Object.fromEntries(Object.entries(ENGINES).map(([id, e]) => [id, e.debianPackage]))).toEqual({
      libreoffice: "libreoffice-calc",
      pdftoppm: "poppler-utils",
      chromium: "chromium",
      gnumeric: "gnumeric",
      pyuno: "python3-uno",
    });
  });
});

/** jest, run on the fixture suite with no engine on PATH. */
function jestWithoutEngines(env: Record<string, string>): { status: number | null; output: string } {
  const emptyPath = fs.mkdtempSync(path.join(os.tmpdir(), "scale-no-engines-"));
  const config = {
    rootDir: ROOT,
    roots: ["<rootDir>/test/engines/fixture"],
    testMatch: ["**/*.fixture.ts"],
    transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", resolveJsonModule: true, esModuleInterop: true } }] },
    reporters: ["<rootDir>/test/engines/progress-reporter.js", "<rootDir>/test/engines/summary-reporter.js"],
  };
  const run = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "--config", JSON.stringify(config), "--ci", "--colors=false"], {
    cwd: ROOT,
    env: { HOME: os.homedir(), PATH: emptyPath, ...env },
    encoding: "utf8",
    timeout: 110_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe("a suite whose engine is missing", () => {
  test("fails under CI=true, naming the Debian packages to install", () => {
    const { status, output } = jestWithoutEngines({ CI: "true" });
    expect(status).not.toBe(0);
    expect(output).toContain("apt-get install -y libreoffice-calc");
    expect(output).toContain("apt-get install -y poppler-utils");
    expect(output).toMatch(/Tests:\s+2 failed, 1 passed/);
  });

  test("fails with REQUIRE_ENGINES=1 outside CI too", () => {
    const { status, output } = jestWithoutEngines({ REQUIRE_ENGINES: "1" });
    expect(status).not.toBe(0);
    expect(output).toContain("apt-get install -y libreoffice-calc");
  });

  test("otherwise is skipped, and the run passes and lists it at the end with how to enable it", () => {
    const { status, output } = jestWithoutEngines({});
    expect(status).toBe(0);
    expect(output).toMatch(/Tests:\s+1 skipped, 1 passed/);
    const tail = output.slice(output.lastIndexOf("Tests:"));
    expect(tail).toContain(
      "SKIPPED: a suite that needs LibreOffice and pdftoppm: LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc; pdftoppm (PDF to PNG renders) is not installed: apt-get install -y poppler-utils",
    );
  });
});
