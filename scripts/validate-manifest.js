/**
 * `npm run validate [-- path/to/manifest.xml] [-- --online]`: checks the add-in manifest offline.
 * It parses the XML (xml2js, as office-addin-manifest does) and checks what Excel needs to load
 * this add-in: required elements, every resid defined, https URLs on one origin, the SCALE
 * namespace, one long-lived shared runtime used by the functions and the task pane, locale
 * overrides written where Office reads them (Spanish function names among them), and, next to
 * a build, every URL served by dist/. `--online` also asks Microsoft's validation service.
 */
const fs = require("fs");
const path = require("path");
const { parseStringPromise } = require("xml2js");

const REQUIRED_SETS = { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" };
const ICON_SIZES = ["16", "32", "80"];
/** The resource elements a <bt:Override> belongs inside. */
const RESOURCE_KINDS = ["bt:Image", "bt:Url", "bt:String"];
/** The locale whose override of the functions metadata gives Excel the Spanish function names. */
const SPANISH = "es-es";

/**
 * An element as xml2js parses it with its default options: its attributes under `$`, its text under
 * `_`, and under each child element's name an array of those children.
 * @typedef {{ $?: Record<string, string>, _?: string } & { [child: string]: XmlNode[] | undefined }} XmlElement
 */
/**
 * What xml2js makes of an element: an element with neither attributes nor children is its text alone.
 * @typedef {XmlElement | string} XmlNode
 */

/**
 * Every element named `name` anywhere below `node` (xml2js keeps prefixes: "bt:Url").
 * @param {unknown} node
 * @param {string} name
 * @param {XmlNode[]} [found]
 * @returns {XmlNode[]}
 */
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

/**
 * Calls `visit` for every element below `node`, with its name and the name of the element it is in
 * (`parent` for the children of `node` itself). Unlike findAll, it knows where each element is.
 * @param {unknown} node
 * @param {(name: string, element: XmlNode, parent: string) => void} visit
 * @param {string} [parent]
 */
function walk(node, visit, parent = "") {
  if (!node || typeof node !== "object" || Array.isArray(node)) return;
  for (const [key, children] of Object.entries(node)) {
    if (key === "$" || key === "_" || !Array.isArray(children)) continue;
    for (const child of children) {
      visit(key, child, parent);
      walk(child, visit, key);
    }
  }
}

/**
 * An attribute of an element. It reads anything the tree holds: what is not an element with
 * attributes (text, a list, nothing) has no `$` and gives undefined.
 * @type {(element: unknown, name: string) => string | undefined}
 */
const attr = (element, name) => /** @type {XmlElement | undefined} */ (element)?.$?.[name];
/** @type {(element: XmlNode | undefined) => string | undefined} */
const text = (element) => (typeof element === "string" ? element : element?._)?.trim();
/** @type {(element: unknown) => string | undefined} */
const typeOf = (element) => attr(element, "xsi:type");

/**
 * The problems that would stop Excel from loading the add-in; empty when it is valid.
 * @param {string} xml
 * @param {string} [distDir] the build the manifest belongs to, to check that it serves every URL
 * @returns {Promise<string[]>}
 */
async function manifestProblems(xml, distDir) {
  let doc;
  try {
    doc = await parseStringPromise(xml);
  } catch (e) {
    return [`not well-formed XML: ${e instanceof Error ? e.message.split("\n").join(" ") : e}`];
  }
  const app = doc.OfficeApp;
  if (!app) return ["the root element must be <OfficeApp>"];
  /** @type {string[]} */
  const problems = [];
  /** @type {(ok: unknown, message: string) => unknown} */
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
  problems.push(...resourceProblems(overrides), ...sharedRuntimeProblems(overrides), ...localeProblems(overrides));
  problems.push(...urlProblems(app, overrides, distDir));
  return problems;
}

/**
 * Resources by id, and every resid pointing at one.
 * @param {XmlElement} overrides
 */
function resources(overrides) {
  /** @type {Map<string | undefined, string | undefined>} */
  const byId = new Map();
  for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
    for (const r of findAll(overrides.Resources, kind)) byId.set(attr(r, "id"), attr(r, "DefaultValue"));
  }
  return byId;
}

/** @param {XmlElement} overrides */
function resourceProblems(overrides) {
  const byId = resources(overrides);
  /** @type {string[]} */
  const problems = [];
  /** @type {Set<string | undefined>} */
  const resids = new Set();
  (/** @param {unknown} node */ function collect(node) {
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

/** @param {XmlElement} overrides */
function sharedRuntimeProblems(overrides) {
  const byId = resources(overrides);
  /** @type {string[]} */
  const problems = [];
  /** @type {(ok: unknown, message: string) => unknown} */
  const need = (ok, message) => ok || problems.push(message);
  const runtimes = findAll(overrides.Hosts, "Runtime");
  need(runtimes.length === 1 && attr(runtimes[0], "lifetime") === "long", 'exactly one <Runtime lifetime="long"> (the shared runtime) is required');
  const shared = attr(runtimes[0], "resid");
  const functions = customFunctions(overrides);
  if (!functions) return [...problems, '<ExtensionPoint xsi:type="CustomFunctions"> is missing'];
  /** @param {unknown} element an element, or the list of them under a name */
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

/**
 * The custom functions extension point, if the manifest has one.
 * @param {XmlElement} overrides
 */
function customFunctions(overrides) {
  // Only an element with attributes has an xsi:type, so what this finds is never bare text.
  return /** @type {XmlElement | undefined} */ (findAll(overrides.Hosts, "ExtensionPoint").find((p) => typeOf(p) === "CustomFunctions"));
}

/**
 * Locale overrides under <Resources>: each a <bt:Override> inside the resource it overrides, and the
 * custom functions metadata overridden for Spanish, so that Excel shows the Spanish function names.
 * @param {XmlElement} overrides
 */
function localeProblems(overrides) {
  /** @type {string[]} */
  const problems = [];
  /** @type {Map<string | undefined, XmlNode[]>} each resource's own bt:Override elements, by its id */
  const byResource = new Map();
  /** @type {Map<string, (string | undefined)[]>} the locales of the bt:Override elements outside a resource, by where they are */
  const astray = new Map();
  walk({ Resources: overrides.Resources }, (name, element, parent) => {
    if (name === "Override") {
      problems.push("<Override> must be written <bt:Override> (without the prefix Office does not load the add-in: OfficeDev/office-js#2464)");
    } else if (name === "bt:Override" && !RESOURCE_KINDS.includes(parent)) {
      astray.set(parent, [...(astray.get(parent) ?? []), attr(element, "Locale")]);
    } else if (RESOURCE_KINDS.includes(name) && typeof element === "object") {
      byResource.set(attr(element, "id"), element["bt:Override"] ?? []);
    }
  });
  for (const [parent, locales] of astray) {
    problems.push(
      `<bt:Override> (${locales.join(", ")}) is inside <${parent}>, not in a resource: put it inside its <bt:Url>, <bt:String> or <bt:Image> element, written open and closed around it (<bt:Url ...>...</bt:Url>), not self-closed`,
    );
  }
  const metadata = attr(findAll(customFunctions(overrides)?.Metadata, "SourceLocation")[0], "resid");
  const localized = byResource.get(metadata);
  if (!localized) return [...new Set(problems)]; // no metadata, or no resource for it: reported by the other checks
  for (const o of localized) {
    const value = attr(o, "Value");
    if (!/\.json$/.test(value ?? "")) problems.push(`the <bt:Override Locale="${attr(o, "Locale")}"> of the custom functions <Metadata> must point at a .json file, not ${value}`);
  }
  if (!localized.some((o) => attr(o, "Locale")?.toLowerCase() === SPANISH)) {
    problems.push(
      `the custom functions <Metadata> resource "${metadata}" has no <bt:Override Locale="${SPANISH}" Value=".../functions.es.json"/>: Excel in Spanish would show the English function names`,
    );
  }
  // One line for a mistake however many elements repeat it (an unprefixed <Override> per locale).
  return [...new Set(problems)];
}

/**
 * @param {XmlElement} app
 * @param {XmlElement} overrides
 * @param {string} [distDir]
 */
function urlProblems(app, overrides, distDir) {
  /** @type {Set<string>} */
  const urls = new Set();
  /** @param {string | undefined} value */
  const addUrl = (value) => value && /^[a-z]+:\/\//i.test(value) && urls.add(value);
  // The default URLs, and the ones a locale override (<Override>, <bt:Override>) serves instead.
  walk(app, (name, element) => {
    addUrl(attr(element, "DefaultValue"));
    if (name === "Override" || name === "bt:Override") addUrl(attr(element, "Value"));
  });
  for (const domain of findAll(app.AppDomains, "AppDomain").map(text)) if (domain) urls.add(domain);
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

/**
 * Microsoft's service: needs the network, so only on request.
 * @param {string} manifestPath
 * @returns {Promise<string[]>}
 */
async function onlineProblems(manifestPath) {
  const { validateManifest } = require("office-addin-manifest");
  try {
    // office-addin-manifest 3 never sets `details` (not in its ManifestValidation type); read as before.
    /** @type {import("office-addin-manifest").ManifestValidation & { details?: unknown }} */
    const result = await validateManifest(manifestPath);
    return result.isValid ? [] : [`Microsoft's validation service: ${JSON.stringify(result.report?.errors ?? result.details ?? result)}`];
  } catch (e) {
    return [`Microsoft's validation service could not be reached (${e instanceof Error ? e.message : e}); the offline checks passed`];
  }
}

/**
 * The build output the manifest belongs to: its own folder if built, else dist/ next to it.
 * @param {string} manifestPath
 */
function distFor(manifestPath) {
  const dir = path.dirname(path.resolve(manifestPath));
  /** @param {string} d */
  const isBuild = (d) => ["functions.json", "taskpane.html"].every((f) => fs.existsSync(path.join(d, f)));
  return [dir, path.join(dir, "dist")].find(isBuild);
}

/**
 * @param {string[]} args the command line after `node scripts/validate-manifest.js`
 * @returns {Promise<number>} the exit code
 */
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
