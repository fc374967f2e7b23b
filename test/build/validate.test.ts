import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "./dist";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestProblems } = require("../../scripts/validate-manifest") as { manifestProblems: (xml: string, dist?: string) => Promise<string[]> };

const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** The manifest with one edit, which must exist (a test of nothing would pass). */
function edited(from: string | RegExp, to: string): string {
  const xml = manifest.replace(from, to);
  expect(xml).not.toBe(manifest);
  return xml;
}

test("the committed manifest passes the offline checks", async () => {
  expect(await manifestProblems(manifest)).toEqual([]);
});

test.each([
  ["malformed XML", manifest.slice(0, -30), "not well-formed XML"],
  ["a runtime that is not long-lived", edited('lifetime="long"', 'lifetime="short"'), 'exactly one <Runtime lifetime="long">'],
  ["another namespace", edited('DefaultValue="SCALE"', 'DefaultValue="SCALER"'), "the custom functions namespace must be SCALE"],
  ["a resid without resource", edited('<bt:Image id="Icon.80x80"', '<bt:Image id="Icon.81x81"'), 'resid "Icon.80x80" has no resource'],
  ["plain http", edited('DefaultValue="https://localhost:3000/help.html"', 'DefaultValue="http://localhost:3000/help.html"'), "http://localhost:3000/help.html must use https"],
  ["two origins", edited('DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="https://cdn.example.com/functions.js"'), "more than one origin"],
  ["no SharedRuntime requirement", edited(/<Set Name="SharedRuntime"[^>]*>/, ""), "Requirements must include SharedRuntime 1.1"],
  ["no CustomFunctionsRuntime requirement", edited(/<Set Name="CustomFunctionsRuntime"[^>]*>/, ""), "Requirements must include CustomFunctionsRuntime 1.1"],
  ["functions page outside the shared runtime", edited(/(<Page>\s*<SourceLocation resid=")Shared.Url/, "$1Help.Url"), "custom functions <Page> must be the shared runtime's page"],
  ["task pane outside the shared runtime", edited(/(<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid=")Shared.Url/, "$1Help.Url"), "the task pane must open the shared runtime's page"],
  ["a two-part version", edited("<Version>0.1.0.0</Version>", "<Version>0.1</Version>"), "<Version> must have four parts"],
  ["no Excel host", edited('<Host Name="Workbook"/>', '<Host Name="Document"/>'), "Workbook"],
])("%s is reported", async (_name, xml, message) => {
  expect((await manifestProblems(xml)).join("\n")).toContain(message);
});

test("next to a build, a URL that dist/ does not serve is reported", async () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "scale-dist-"));
  expect(await manifestProblems(manifest, dist)).toContain(`https://localhost:3000/functions.js is not in ${dist} (run npm run build)`);
});
