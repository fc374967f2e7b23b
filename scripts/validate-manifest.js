/**
 * `npm run validate [-- path/to/manifest.xml] [-- --online]`: checks the add-in manifest offline.
 * It parses the XML (xml2js, as office-addin-manifest does) and checks what Excel needs to load
 * this add-in: required elements, every resid defined, https URLs on one origin, the SCALE
 * namespace, one long-lived shared runtime used by the functions and the task pane, locale
 * overrides written where Office reads them (Spanish function names among them), and, next to
 * a build, every URL served by dist/. `--online` also asks Microsoft's validation service; where it
 * cannot be reached it says so and the offline result stands (exit code 0 or 1 as without it).
 */
const fs = require("fs");
const path = require("path");
const { parseStringPromise } = require("xml2js");

/**
 * The requirement sets the code needs (src/requirement-sets.json; docs/requirement-sets.md lists the
 * members behind each). The manifest declares them in the base manifest's <Requirements><Sets>, each
 * <Set Name MinVersion> (MinVersion defaults to <Sets DefaultMinVersion>, itself "1.1"): there Office
 * does not install the add-in where a set is missing. Declared in <VersionOverrides> instead, a missing
 * set would only drop the ribbon button and the custom functions ("Specify Office applications and API requirements",
 * https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements;
 * https://learn.microsoft.com/javascript/api/manifest/set).
 * @type {Record<string, string>}
 */
const REQUIRED_SETS = require("../src/requirement-sets.json").sets;
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
  problems.push(...requirementProblems(app));
  need(attr(findAll(app.DefaultSettings, "SourceLocation")[0], "DefaultValue"), "<DefaultSettings><SourceLocation> is missing");
  need(text(app.Permissions?.[0]) === "ReadWriteDocument", "<Permissions> must be ReadWriteDocument (the task pane writes the workbook)");

  const overrides = app.VersionOverrides?.[0];
  if (!overrides) return [...problems, "<VersionOverrides> is missing: no ribbon button, no custom functions"];
  problems.push(...resourceProblems(overrides), ...sharedRuntimeProblems(overrides), ...localeProblems(overrides));
  problems.push(...urlProblems(app, overrides, distDir));
  return problems;
}

/** "1.10" is above "1.9". @type {(a: string, b: string) => number} */
function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * Each requirement set the code needs, declared at least at its version in the base manifest.
 * @param {XmlElement} app
 */
function requirementProblems(app) {
  const sets = findAll(app.Requirements, "Sets")[0];
  const byDefault = attr(sets, "DefaultMinVersion") ?? "1.1";
  const declared = new Map(findAll(sets, "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion") ?? byDefault]));
  return Object.entries(REQUIRED_SETS)
    .filter(([set, version]) => compareVersions(declared.get(set) ?? "0", version) < 0)
    .map(([set, version]) => {
      const found = declared.has(set) ? ` (it declares ${declared.get(set)})` : "";
      return `Requirements must include ${set} ${version} or later${found} (docs/requirement-sets.md says what needs it): declare it as <Set Name="${set}" MinVersion="${version}"/> in the <Requirements><Sets> of <OfficeApp>`;
    });
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
 * Microsoft's validation service, as office-addin-manifest 3 calls it (a POST of the XML). The variable
 * MANIFEST_VALIDATION_URL points elsewhere: the tests point it at a closed port to stand for "offline".
 */
const VALIDATION_URL = process.env.MANIFEST_VALIDATION_URL || "https://validationgateway.omex.office.net/package/api/check?clientId=devx";
/** How long the service may take before it counts as unreachable (a machine without network may never answer). */
const VALIDATION_TIMEOUT_MS = 30_000;

/**
 * Microsoft's verdict on the manifest: its problems (none when it accepts it), or why it could not be asked.
 * @param {string} xml
 * @returns {Promise<{ problems: string[] } | { unreachable: string }>}
 */
async function onlineVerdict(xml) {
  let response;
  try {
    response = await fetch(VALIDATION_URL, { method: "POST", body: xml, headers: { "Content-Type": "application/xml" }, signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS) });
  } catch (e) {
    // fetch says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND, a time-out) as its cause.
    const { message, cause } = /** @type {{ message?: string, cause?: { message?: string } }} */ (e);
    return { unreachable: cause?.message ?? message ?? String(e) };
  }
  if (response.status >= 500) return { unreachable: `it answered HTTP ${response.status}` };
  /** @type {{ status?: string, errors?: unknown } | undefined} */
  const report = await response.json().catch(() => undefined);
  if (response.ok && /^accepted$/i.test(report?.status ?? "")) return { problems: [] };
  return { problems: [`Microsoft's validation service: ${JSON.stringify(report?.errors ?? report ?? `HTTP ${response.status}`)}`] };
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
  const xml = fs.readFileSync(manifestPath, "utf8");
  const problems = await manifestProblems(xml, distDir);
  if (args.includes("--online")) {
    // Unreachable, the service changes nothing: the offline result (and its exit code) stands.
    const verdict = await onlineVerdict(xml);
    if ("unreachable" in verdict) console.error(`Microsoft's validation service could not be reached (${verdict.unreachable}): only the offline checks ran.`);
    else problems.push(...verdict.problems);
  }
  if (problems.length) {
    console.error(`${manifestPath} is not valid:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    return 1;
  }
  console.log(`${manifestPath} is valid${distDir ? `, and ${path.relative(process.cwd(), distDir) || "."} serves every URL it names` : ""}.`);
  return 0;
}

if (require.main === module) main(process.argv.slice(2)).then((code) => process.exit(code));

module.exports = { manifestProblems, compareVersions };
