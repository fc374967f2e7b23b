import { spawnSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import requirements from "../../src/requirement-sets.json";
import { ensureBuilt, ROOT } from "../support/dist";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestProblems } = require("../../scripts/validate-manifest") as { manifestProblems: (xml: string, dist?: string) => Promise<string[]> };

const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** What the code needs (src/requirement-sets.json; docs/requirement-sets.md lists the members behind each). */
const { ExcelApi: EXCEL_API, CustomFunctionsRuntime: FUNCTIONS_RUNTIME } = requirements.sets;
const EXCEL_SET = `<Set Name="ExcelApi" MinVersion="${EXCEL_API}"/>`;

/** The Spanish override of the custom functions metadata, as the committed manifest writes it. */
const SPANISH_METADATA = '<bt:Override Locale="es-es" Value="https://localhost:3000/functions.es.json"/>';
/** The functions metadata resource with its overrides, opened and closed around them. */
const METADATA_URL = /(<bt:Url id="Functions\.Metadata\.Url" DefaultValue="[^"]*")>([\s\S]*?)<\/bt:Url>/;

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
  ["no CustomFunctionsRuntime requirement", edited(/<Set Name="CustomFunctionsRuntime"[^>]*>/, ""), `Requirements must include CustomFunctionsRuntime ${FUNCTIONS_RUNTIME}`],
  ["no ExcelApi requirement", edited(/<Set Name="ExcelApi"[^>]*>/, ""), `Requirements must include ExcelApi ${EXCEL_API} or later (docs/requirement-sets.md says what needs it): declare it as ${EXCEL_SET}`],
  ["an ExcelApi below what the code calls", edited(EXCEL_SET, '<Set Name="ExcelApi" MinVersion="1.8"/>'), `Requirements must include ExcelApi ${EXCEL_API} or later (it declares 1.8)`],
  // A Set without MinVersion takes <Sets DefaultMinVersion> (https://learn.microsoft.com/javascript/api/manifest/set).
  ["an ExcelApi left to DefaultMinVersion", edited(EXCEL_SET, '<Set Name="ExcelApi"/>'), `Requirements must include ExcelApi ${EXCEL_API} or later (it declares 1.1)`],
  ["the sets declared only in VersionOverrides", edited(/(<Requirements>[\s\S]*?<\/Requirements>)([\s\S]*?<VersionOverrides[^>]*>)/, "$2$1"), `Requirements must include ExcelApi ${EXCEL_API} or later (docs/`],
  ["functions page outside the shared runtime", edited(/(<Page>\s*<SourceLocation resid=")Shared.Url/, "$1Help.Url"), "custom functions <Page> must be the shared runtime's page"],
  ["task pane outside the shared runtime", edited(/(<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid=")Shared.Url/, "$1Help.Url"), "the task pane must open the shared runtime's page"],
  ["a two-part version", edited("<Version>0.1.0.0</Version>", "<Version>0.1</Version>"), "<Version> must have four parts"],
  ["no Excel host", edited('<Host Name="Workbook"/>', '<Host Name="Document"/>'), "Workbook"],
  [
    "an Override without the bt: prefix",
    edited(SPANISH_METADATA, '<Override Locale="es-es" Value="https://localhost:3000/functions.es.json"/>'),
    "<Override> must be written <bt:Override> (without the prefix Office does not load the add-in: OfficeDev/office-js#2464)",
  ],
  // Microsoft's doc sample: the bt:Url self-closed and its overrides beside it, in <bt:Urls>.
  ["a bt:Override beside a self-closed bt:Url", edited(METADATA_URL, "$1/>$2"), '<bt:Override> (es-es, es-mx, es-ar, es-cl, es-co, es-pe, es-us, es-ve) is inside <bt:Urls>, not in a resource: put it inside its <bt:Url>'],
  [
    "no Spanish functions metadata",
    edited(SPANISH_METADATA, ""),
    'the custom functions <Metadata> resource "Functions.Metadata.Url" has no <bt:Override Locale="es-es" Value=".../functions.es.json"/>',
  ],
  ["functions metadata without overrides", edited(METADATA_URL, "$1/>"), 'resource "Functions.Metadata.Url" has no <bt:Override Locale="es-es"'],
  [
    "Spanish functions metadata that is not JSON",
    edited(SPANISH_METADATA, '<bt:Override Locale="es-es" Value="https://localhost:3000/functions.es.js"/>'),
    'the <bt:Override Locale="es-es"> of the custom functions <Metadata> must point at a .json file, not https://localhost:3000/functions.es.js',
  ],
  [
    "an override on plain http",
    edited(SPANISH_METADATA, '<bt:Override Locale="es-es" Value="http://localhost:3000/functions.es.json"/>'),
    "http://localhost:3000/functions.es.json must use https",
  ],
  [
    "an override on another origin",
    edited(SPANISH_METADATA, '<bt:Override Locale="es-es" Value="https://cdn.example.com/functions.es.json"/>'),
    "more than one origin: https://localhost:3000, https://cdn.example.com",
  ],
])("%s is reported", async (_name, xml, message) => {
  expect((await manifestProblems(xml)).join("\n")).toContain(message);
});

test("a higher set than the code needs is accepted, versions compared as numbers (1.10 is above 1.9)", async () => {
  const [major, minor] = EXCEL_API.split(".");
  expect(await manifestProblems(edited(EXCEL_SET, `<Set Name="ExcelApi" MinVersion="${major}.${Number(minor) + 1}"/>`))).toEqual([]);
});

test("next to a build, a URL that dist/ does not serve is reported", async () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "scale-dist-"));
  expect(await manifestProblems(manifest, dist)).toContain(`https://localhost:3000/functions.js is not in ${dist} (run npm run build)`);
});

test("next to a build, an override's URL that dist/ does not serve is reported", async () => {
  // A build with every file the manifest names but the Spanish metadata: only that one is missing.
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "scale-dist-"));
  const files = new Set([...manifest.matchAll(/"https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]));
  expect(files).toContain("functions.es.json");
  for (const file of [...files].filter((f) => f !== "functions.es.json")) {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.writeFileSync(path.join(dist, file), "");
  }
  expect(await manifestProblems(manifest, dist)).toEqual([`https://localhost:3000/functions.es.json is not in ${dist} (run npm run build)`]);
});

describe("npm run validate -- --online, Microsoft's service unreachable (no network)", () => {
  /** A URL on this machine where nothing listens: what the service is without a network. */
  let unreachable: string;
  beforeAll(async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    unreachable = `https://127.0.0.1:${port}/package/api/check`;
  });

  /** Runs the validator on `xml` (in a folder of its own, no build beside it) with --online. */
  function validateOnline(xml: string) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "scale-online-")), "manifest.xml");
    fs.writeFileSync(file, xml);
    const env = { ...process.env, MANIFEST_VALIDATION_URL: unreachable };
    return spawnSync(process.execPath, ["scripts/validate-manifest.js", file, "--online"], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
  }

  test("says so, and exits 0 when the offline checks pass", () => {
    const run = validateOnline(manifest);
    expect(run.stderr).toContain("Microsoft's validation service could not be reached (");
    expect(run.stderr).toContain("only the offline checks ran");
    expect([run.status, run.stdout]).toEqual([0, expect.stringContaining("manifest.xml is valid")]);
  });

  test("says so, and exits 1 when they fail", () => {
    const run = validateOnline(edited('DefaultValue="SCALE"', 'DefaultValue="SCALER"'));
    expect(run.stderr).toContain("Microsoft's validation service could not be reached (");
    expect(run.stderr).toContain("the custom functions namespace must be SCALE");
    expect(run.status).toBe(1);
  });
});

describe("the build", () => {
  let dist: string;
  beforeAll(() => {
    dist = ensureBuilt();
  });

  test("serves every URL of the committed manifest, the Spanish metadata among them", async () => {
    expect(await manifestProblems(manifest, dist)).toEqual([]);
  });

  test("dist/manifest.xml passes, and its Spanish override points at the Spanish metadata in dist/", async () => {
    const built = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(await manifestProblems(built, dist)).toEqual([]);
    // The build rewrites https://localhost:3000/ to ADDIN_URL: read the URLs back from the built manifest.
    const [, resource, children] = built.match(METADATA_URL) ?? [];
    expect(children).toBeDefined();
    const english = /DefaultValue="([^"]*)"/.exec(resource)?.[1] ?? "";
    const spanish = /<bt:Override Locale="es-es" Value="([^"]*)"\/>/.exec(children)?.[1] ?? "";
    const base = new URL(".", english).href;
    expect(spanish.startsWith(base)).toBe(true);
    const file = path.join(dist, decodeURIComponent(spanish.slice(base.length)));
    expect(path.basename(file)).toBe("functions.es.json");
    expect(fs.existsSync(file)).toBe(true);
    const metadata = JSON.parse(fs.readFileSync(file, "utf8")) as { functions: { id: string; name: string }[] };
    expect(metadata.functions.length).toBeGreaterThan(0);
  });
});
