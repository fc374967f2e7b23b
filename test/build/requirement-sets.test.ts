import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import requirements from "../../src/requirement-sets.json";
import { sourceFiles } from "./dependencies";
import { ROOT } from "../support/dist";
import { ApiUse, officeApiUses } from "./office-apis";

/** The sets the manifest declares (src/requirement-sets.json), by family: { ExcelApi: "1.9", ... }. */
const DECLARED: Record<string, string> = requirements.sets;
const FOR_MANIFEST: Record<string, string> = requirements.forManifest;
const OPTIONAL: Record<string, string> = requirements.optional;
const CORRECTIONS: Record<string, string> = requirements.corrections;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compareVersions } = require("../../scripts/validate-manifest") as { compareVersions: (a: string, b: string) => number };

const DOC = path.join(ROOT, "docs/requirement-sets.md");
const TABLE = /(<!-- members:start -->\n)[\s\S]*?(<!-- members:end -->)/;

/** The set a member needs: its declaration's, unless src/requirement-sets.json corrects it from the reference docs. */
const neededBy = (use: ApiUse): string | undefined => CORRECTIONS[use.member] ?? use.set;

/** What the declared sets do not cover, one sentence per member. */
function setProblems(uses: readonly ApiUse[]): string[] {
  return uses.flatMap((use) => {
    const set = neededBy(use);
    if (!set || use.member in OPTIONAL) return [];
    const [family, version] = set.split(" ");
    const where = `${use.member} (${use.files.join(", ")}) needs ${set}`;
    if (!(family in DECLARED)) return [`${where}, a set the manifest does not declare: declare it, or use the member only where Office.context.requirements.isSetSupported allows it`];
    if (compareVersions(version, DECLARED[family]) > 0) {
      return [`${where}, above the declared ${family} ${DECLARED[family]}: raise it in src/requirement-sets.json, manifest.xml and docs/deployment.md's supported versions, or do without the member`];
    }
    return [];
  });
}

/** The highest version each family needs, members used only where the host allows them aside. */
function highestNeeded(uses: readonly ApiUse[]): Record<string, string> {
  const highest: Record<string, string> = {};
  for (const use of uses) {
    const [family, version] = neededBy(use)?.split(" ") ?? [];
    if (family && !(use.member in OPTIONAL) && (!highest[family] || compareVersions(version, highest[family]) > 0)) highest[family] = version;
  }
  return highest;
}

/** The table of docs/requirement-sets.md, one row per member. */
function table(uses: readonly ApiUse[]): string {
  const setCell = (use: ApiUse) => {
    const set = neededBy(use) ?? "none given";
    if (use.member in CORRECTIONS) return `${set} (the typings say ${use.set}: see below)`;
    return use.member in OPTIONAL ? `${set} (optional: see below)` : set;
  };
  const rows = uses.map((u) => `| \`${u.member}\` | ${setCell(u)} | ${u.files.join(", ")} | [${u.page.split("/").pop()}](${u.page}) |`);
  return ["| API | requirement set | where used | doc page |", "|---|---|---|---|", ...rows, ""].join("\n");
}

/** The code that runs in Excel: the Office.js writer, the task pane and the custom functions. */
const CODE = sourceFiles(ROOT, ["src/officejs", "src/taskpane", "src/functions"]).filter((f) => /\.tsx?$/.test(f));

/** A file that calls two members from sets above the declared ones. */
const PLANTED = `export async function planted(context: Excel.RequestContext): Promise<unknown> {
  const spill = context.workbook.getSelectedRange().getSpillingToRangeOrNullObject();
  await context.sync();
  return [spill, new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidName)];
}
`;

describe("the Office.js members the code calls", () => {
  let uses: ApiUse[];
  let planted: ApiUse[];
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-apis-"));
    const file = path.join(dir, "planted.ts");
    fs.writeFileSync(file, PLANTED);
    // One program for both (the type-check of Office.js's declarations is most of the time).
    const all = officeApiUses(ROOT, [...CODE, file]);
    const plantedFile = path.relative(ROOT, file);
    uses = all.map((u) => ({ ...u, files: u.files.filter((f) => f !== plantedFile) })).filter((u) => u.files.length > 0);
    planted = all.filter((u) => u.files.includes(plantedFile)).map((u) => ({ ...u, files: [plantedFile] }));
  }, 120_000);

  test("need no set above the ones declared, except members used only where the host allows them", () => {
    expect(uses.length).toBeGreaterThan(50);
    expect(setProblems(uses)).toEqual([]);
  });

  test("a member of a higher set is caught: Range.getSpillingToRangeOrNullObject (ExcelApi 1.12), ErrorCode.invalidName (CustomFunctionsRuntime 1.3)", () => {
    const problems = setProblems(planted).join("\n");
    expect(problems).toContain("Excel.Range.getSpillingToRangeOrNullObject");
    expect(problems).toContain(`needs ExcelApi 1.12, above the declared ExcelApi ${DECLARED.ExcelApi}`);
    expect(problems).toContain("CustomFunctions.ErrorCode.invalidName");
    expect(problems).toContain(`needs CustomFunctionsRuntime 1.3, above the declared CustomFunctionsRuntime ${DECLARED.CustomFunctionsRuntime}`);
  });

  test("the declared sets are the highest the code needs, no higher (a set declared for the manifest alone says why)", () => {
    const forCode = Object.fromEntries(Object.entries(DECLARED).filter(([family]) => !(family in FOR_MANIFEST)));
    expect(highestNeeded(uses)).toEqual(forCode);
    expect(Object.keys(FOR_MANIFEST).every((family) => family in DECLARED)).toBe(true);
  });

  test("every optional member and every correction in src/requirement-sets.json is still used", () => {
    const used = new Set(uses.map((u) => u.member));
    expect([...Object.keys(OPTIONAL), ...Object.keys(CORRECTIONS)].filter((m) => !used.has(m))).toEqual([]);
  });

  test("docs/requirement-sets.md lists each member with its set, where it is used and its reference page", () => {
    const doc = fs.readFileSync(DOC, "utf8");
    expect(doc).toMatch(TABLE);
    const expected = doc.replace(TABLE, `$1${table(uses)}$2`);
    if (process.env.UPDATE_GOLDEN === "1" && expected !== doc) {
      fs.writeFileSync(DOC, expected);
      throw new Error("docs/requirement-sets.md updated: review the diff and run again");
    }
    // On a difference, UPDATE_GOLDEN=1 npx jest test/build/requirement-sets.test.ts rewrites the table.
    expect(doc).toBe(expected);
  });
});

test("the supported Excel versions (docs/deployment.md, linked from the README) follow from the declared sets", () => {
  const deployment = fs.readFileSync(path.join(ROOT, "docs/deployment.md"), "utf8");
  const section = /## Supported Excel versions\n([\s\S]*?)\n## /.exec(deployment)?.[1] ?? "";
  for (const [family, version] of Object.entries(DECLARED)) expect(section).toContain(`${family} ${version}`);
});
