/**
 * The programs the engine suites run (LibreOffice, pdftoppm, Chromium, Gnumeric, LibreOffice's
 * Python bridge), found on PATH (the bridge: Debian's python3).
 * A suite that needs one is declared with `describeWith`: where the program is missing it is
 * skipped, and named at the end of the run by test/engines/summary-reporter.js; under
 * CI=true (or REQUIRE_ENGINES=1) it fails instead, naming the Debian package to install.
 */
import * as fs from "fs";
import * as path from "path";
import { mark } from "./skip-mark.json";

export interface Engine {
  /** What the suite needs, as a person would name it. */
  readonly what: string;
  /** The Debian package that brings it. */
  readonly debianPackage: string;
  /** The executable's path, or undefined when it is not installed. */
  readonly path: string | undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first of `programs` found in a PATH directory, as `which` would. */
export function onPath(programs: readonly string[], searchPath = process.env.PATH ?? ""): string | undefined {
  const dirs = searchPath.split(path.delimiter).filter(Boolean);
  for (const program of programs) {
    for (const dir of dirs) {
      const candidate = path.join(dir, program);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** CHROMIUM_PATH when set (and it must then exist), else chromium, chromium-browser or google-chrome on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) return isExecutable(chosen) ? chosen : undefined;
  return onPath(["chromium", "chromium-browser", "google-chrome"], env.PATH);
}

/**
 * Debian's Python 3 with LibreOffice's bridge (python3-uno installs uno.py for it): the python3 on
 * PATH may be another one (pyenv, a venv) that cannot import uno, so Debian's own is used.
 */
export function findPyUno(python = "/usr/bin/python3", bridge = "/usr/lib/python3/dist-packages/uno.py"): string | undefined {
  return isExecutable(python) && fs.existsSync(bridge) ? python : undefined;
}

export const ENGINES = {
  libreoffice: { what: "LibreOffice (soffice)", debianPackage: "libreoffice-calc", path: onPath(["soffice"]) },
  pdftoppm: { what: "pdftoppm (PDF to PNG renders)", debianPackage: "poppler-utils", path: onPath(["pdftoppm"]) },
  chromium: { what: "Chromium (chromium on PATH, or CHROMIUM_PATH)", debianPackage: "chromium", path: findChromium() },
  gnumeric: { what: "Gnumeric (ssconvert)", debianPackage: "gnumeric", path: onPath(["ssconvert"]) },
  pyuno: { what: "LibreOffice's Python bridge (Debian python3 with uno)", debianPackage: "python3-uno", path: findPyUno() },
} satisfies Record<string, Engine>;

export type EngineId = keyof typeof ENGINES;

/** CI=true, or REQUIRE_ENGINES=1: a missing engine fails the run instead of skipping its suites. */
export function enginesRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === "true" || env.REQUIRE_ENGINES === "1";
}

export function missingMessage(engine: Engine): string {
  return `${engine.what} is not installed: apt-get install -y ${engine.debianPackage}`;
}

/** The path of an engine a running suite needs; throws if it is missing (describeWith skipped or failed the suite then). */
export function enginePath(id: EngineId): string {
  const found = ENGINES[id].path;
  if (found === undefined) throw new Error(missingMessage(ENGINES[id]));
  return found;
}

/**
 * `describe(title, body)` when every engine in `needs` is installed. Otherwise: under CI=true or
 * REQUIRE_ENGINES=1 one failing test per missing engine; else the suite skipped, its title
 * carrying the reason so the reporter can list it.
 */
export function describeWith(needs: readonly EngineId[], title: string, body: () => void, env: NodeJS.ProcessEnv = process.env): void {
  const missing = needs.map((id) => ENGINES[id]).filter((engine) => engine.path === undefined);
  if (missing.length === 0) {
    describe(title, body);
  } else if (enginesRequired(env)) {
    describe(title, () => {
      for (const engine of missing) {
        test(`needs ${engine.what}`, () => {
          throw new Error(`${missingMessage(engine)} (CI=true or REQUIRE_ENGINES=1: this suite must run, not skip)`);
        });
      }
    });
  } else {
    describe.skip(`${title}${mark}${missing.map(missingMessage).join("; ")}]`, body);
  }
}
