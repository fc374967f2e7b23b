/**
 * `npm run validate [-- path/to/manifest.xml] [-- --online]`: checks the add-in manifest offline.
 * It parses the XML (xml2js, as office-addin-manifest does) and checks what Excel needs to load
 * this add-in: required elements, every resid defined, https URLs on one origin, the SCALE
 * namespace, one long-lived shared runtime used by the functions and the task pane, and, next to
 * a build, every URL served by dist/. `--online` also asks Microsoft's validation service.
 */
const fs = require("fs");
const path = require("path");
const { parseStringPromise } = require("xml2js");

const REQUIRED_SETS = { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" };
const ICON_SIZES = ["16", "32", "80"];

/** Every element named `name` anywhere below `node` (xml2js keeps prefixes: "bt:Url"). */
function findAll(node, name, found = []) {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, name, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$") continue;
      if (key === name) found.push(...value);
      findAll(value, name, found);
    }
  }
  return found;
}

const attr = (element, name) => element?.$?.[name];
const text = (element) => (typeof element === "string" ? element : element?._)?.trim();
const typeOf = (element) => attr(element, "xsi:type");

/** The problems that would stop Excel from loading the add-in; empty when it is valid. */
async function manifestProblems(xml, distDir) {
  let doc;
  try {
    doc = await parseStringPromise(xml);
  } catch (e) {
    return [`not well-formed XML: ${e instanceof Error ? e.message.split("\n").join(" ") : e}`];
  }
  const app = doc.OfficeApp;
  if (!app) return ["the root element must be <OfficeApp>"];
  const problems = [];
  const need = (ok, message) => ok || problems.push(message);

  need(typeOf(app) === "TaskPaneApp", 'OfficeApp must be xsi:type="TaskPaneApp"');
  need(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text(app.Id?.[0]) ?? ""), "<Id> must be a GUID");
  need(/^\d+(\.\d+){3}$/.test(text(app.Version?.[0]) ?? ""), "<Version> must have four parts (1.0.0.0)");
  for (const name of ["ProviderName", "DefaultLocale"]) need(text(app[name]?.[0]), `<${name}> is missing`);
  for (const name of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    need(attr(app[name]?.[0], "DefaultValue"), `<${name} DefaultValue="..."> is missing`);
  }
  need(findAll(app.Hosts, "Host").some((h) => attr(h, "Name") === "Workbook"), 'the add-in must declare <Host Name="Workbook"/> (Excel)');
  const sets = Object.fromEntries(findAll(app.Requirements, "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]));
  for (const [set, version] of Object.entries(REQUIRED_SETS)) need(sets[set] === version, `Requirements must include ${set} ${version}`);
  need(attr(findAll(app.DefaultSettings, "SourceLocation")[0], "DefaultValue"), "<DefaultSettings><SourceLocation> is missing");
  need(text(app.Permissions?.[0]) === "ReadWriteDocument", "<Permissions> must be ReadWriteDocument (the task pane writes the workbook)");

  const overrides = app.VersionOverrides?.[0];
  if (!overrides) return [...problems, "<VersionOverrides> is missing: no ribbon button, no custom functions"];
  problems.push(...resourceProblems(overrides), ...sharedRuntimeProblems(overrides));
  problems.push(...urlProblems(app, overrides, distDir));
  return problems;
}

/** Resources by id, and every resid pointing at one. */
function resources(overrides) {
  const byId = new Map();
  for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
    for (const r of findAll(overrides.Resources, kind)) byId.set(attr(r, "id"), attr(r, "DefaultValue"));
  }
  return byId;
}

function resourceProblems(overrides) {
  const byId = resources(overrides);
  const problems = [];
  const resids = new Set();
  (function collect(node) {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === "object") {
      if (attr(node, "resid")) resids.add(attr(node, "resid"));
      Object.entries(node).forEach(([k, v]) => k !== "$" && collect(v));
    }
  })(overrides.Hosts);
  for (const resid of resids) if (!byId.has(resid)) problems.push(`resid "${resid}" has no resource with that id`);
  const icons = findAll(overrides.Hosts, "bt:Image").map((i) => attr(i, "size"));
  for (const size of ICON_SIZES) if (!icons.includes(size)) problems.push(`the ribbon button needs a ${size}px icon`);
  return problems;
}

function sharedRuntimeProblems(overrides) {
  const byId = resources(overrides);
  const problems = [];
  const need = (ok, message) => ok || problems.push(message);
  const runtimes = findAll(overrides.Hosts, "Runtime");
  need(runtimes.length === 1 && attr(runtimes[0], "lifetime") === "long", 'exactly one <Runtime lifetime="long"> (the shared runtime) is required');
  const shared = attr(runtimes[0], "resid");
  const points = findAll(overrides.Hosts, "ExtensionPoint");
  const functions = points.find((p) => typeOf(p) === "CustomFunctions");
  if (!functions) return [...problems, '<ExtensionPoint xsi:type="CustomFunctions"> is missing'];
  const locationOf = (element) => attr(findAll(element, "SourceLocation")[0], "resid");
  need(locationOf(functions.Page) === shared, "the custom functions <Page> must be the shared runtime's page");
  need(/\.js$/.test(byId.get(locationOf(functions.Script)) ?? ""), "the custom functions <Script> must point at a .js file");
  need(/\.json$/.test(byId.get(locationOf(functions.Metadata)) ?? ""), "the custom functions <Metadata> must point at a .json file");
  need(byId.get(attr(functions.Namespace?.[0], "resid")) === "SCALE", "the custom functions namespace must be SCALE");
  const taskpanes = findAll(overrides.Hosts, "Action").filter((a) => typeOf(a) === "ShowTaskpane");
  need(taskpanes.length > 0, "no ribbon button opens the task pane");
  for (const action of taskpanes) need(locationOf(action) === shared, "the task pane must open the shared runtime's page");
  return problems;
}

function urlProblems(app, overrides, distDir) {
  const urls = new Set();
  (function collect(node) {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === "object") {
      const value = attr(node, "DefaultValue");
      if (/^[a-z]+:\/\//i.test(value ?? "")) urls.add(value);
      Object.entries(node).forEach(([k, v]) => k !== "$" && collect(v));
    }
  })(app);
  for (const domain of findAll(app.AppDomains, "AppDomain")) urls.add(text(domain));
  const problems = [...urls].filter((u) => !u.startsWith("https://")).map((u) => `${u} must use https`);
  const origins = new Set([...urls].map((u) => new URL(u).origin));
  if (origins.size > 1) problems.push(`URLs point at more than one origin: ${[...origins].join(", ")}`);
  const shared = resources(overrides).get(attr(findAll(overrides.Hosts, "Runtime")[0], "resid"));
  const start = attr(findAll(app.DefaultSettings, "SourceLocation")[0], "DefaultValue");
  if (shared && start !== shared) problems.push(`<DefaultSettings> opens ${start}, not the shared runtime's page ${shared}`);
  if (distDir && shared) {
    const base = new URL(".", shared).href;
    for (const u of [...urls].filter((u) => u.startsWith(base))) {
      const file = path.join(distDir, decodeURIComponent(u.slice(base.length)));
      if (!fs.existsSync(file)) problems.push(`${u} is not in ${distDir} (run npm run build)`);
    }
  }
  return problems;
}

/** Microsoft's service: needs the network, so only on request. */
async function onlineProblems(manifestPath) {
  const { validateManifest } = require("office-addin-manifest");
  try {
    const result = await validateManifest(manifestPath);
    return result.isValid ? [] : [`Microsoft's validation service: ${JSON.stringify(result.report?.errors ?? result.details ?? result)}`];
  } catch (e) {
    return [`Microsoft's validation service could not be reached (${e instanceof Error ? e.message : e}); the offline checks passed`];
  }
}

/** The build output the manifest belongs to: its own folder if built, else dist/ next to it. */
function distFor(manifestPath) {
  const dir = path.dirname(path.resolve(manifestPath));
  const isBuild = (d) => ["functions.json", "taskpane.html"].every((f) => fs.existsSync(path.join(d, f)));
  return [dir, path.join(dir, "dist")].find(isBuild);
}

async function main(args) {
  const manifestPath = args.find((a) => !a.startsWith("--")) || "manifest.xml";
  if (!fs.existsSync(manifestPath)) {
    console.error(`${manifestPath} does not exist.`);
    return 1;
  }
  const distDir = distFor(manifestPath);
  const problems = await manifestProblems(fs.readFileSync(manifestPath, "utf8"), distDir);
  if (!problems.length && args.includes("--online")) problems.push(...(await onlineProblems(manifestPath)));
  if (problems.length) {
    console.error(`${manifestPath} is not valid:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    return 1;
  }
  console.log(`${manifestPath} is valid${distDir ? `, and ${path.relative(process.cwd(), distDir) || "."} serves every URL it names` : ""}.`);
  return 0;
}

if (require.main === module) main(process.argv.slice(2)).then((code) => process.exit(code));

module.exports = { manifestProblems };
