import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../support/dist";

/**
 * The example host configurations in deploy/ send Access-Control-Allow-Origin for the custom functions
 * metadata: Excel on the web fetches it from Office's own origin, so without the header the SCALE
 * functions never register (Microsoft's "Deploy custom functions for Excel": "enable CORS so that Office
 * can access the functions.json file", https://learn.microsoft.com/office/dev/add-ins/publish/publish-add-in-vs-code;
 * OfficeDev/office-js #3970).
 */
const CORS = "Access-Control-Allow-Origin";
const deployFile = (name: string) => fs.readFileSync(path.join(ROOT, "deploy", name), "utf8");

/** The paths of the functions metadata as the manifest names them: the default and each locale's override. */
function metadataPaths(): string[] {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const resource = /<bt:Url id="Functions\.Metadata\.Url" DefaultValue="([^"]*)">([\s\S]*?)<\/bt:Url>/.exec(manifest);
  if (!resource) throw new Error("manifest.xml has no Functions.Metadata.Url resource with overrides");
  const urls = [resource[1], ...[...resource[2].matchAll(/Value="([^"]*)"/g)].map((m) => m[1])];
  return [...new Set(urls.map((u) => new URL(u).pathname))];
}

test("the manifest's functions metadata is functions.json and, for Spanish, functions.es.json", () => {
  expect(metadataPaths()).toEqual(["/functions.json", "/functions.es.json"]);
});

test("Azure Static Web Apps (staticwebapp.config.json) sends the CORS header for the functions metadata", () => {
  // https://learn.microsoft.com/azure/static-web-apps/configuration: globalHeaders, then the first matching
  // route's headers; a route may end with a * wildcard.
  const config = JSON.parse(deployFile("staticwebapp.config.json")) as {
    globalHeaders?: Record<string, string>;
    routes?: { route: string; headers?: Record<string, string> }[];
  };
  const matches = (route: string, file: string) => (route.endsWith("*") ? file.startsWith(route.slice(0, -1)) : file === route);
  for (const file of metadataPaths()) {
    const route = config.routes?.find((r) => matches(r.route, file));
    expect({ file, header: { ...config.globalHeaders, ...route?.headers }[CORS] }).toEqual({ file, header: "*" });
  }
});

test("IIS (web.config) sends the CORS header for the functions metadata", () => {
  const doc = new DOMParser().parseFromString(deployFile("web.config"), "text/xml");
  /** The <location path> an element is inside ("" outside any: the whole site). */
  const scopeOf = (node: Node): string => {
    for (let n = node.parentNode; n; n = n.parentNode) if (n.nodeName === "location") return (n as Element).getAttribute("path") ?? "";
    return "";
  };
  const headers = Array.from(doc.getElementsByTagName("customHeaders")).flatMap((h) =>
    Array.from(h.getElementsByTagName("add")).map((a) => ({ scope: scopeOf(h), name: a.getAttribute("name"), value: a.getAttribute("value") })),
  );
  for (const file of metadataPaths()) {
    const header = headers.find((h) => h.name === CORS && (h.scope === "" || h.scope === file.slice(1)));
    expect({ file, header: header?.value }).toEqual({ file, header: "*" });
  }
});

test("nginx (nginx.conf) sends the CORS header for the functions metadata", () => {
  const conf = deployFile("nginx.conf").replace(/#.*$/gm, "");
  const locations = [...conf.matchAll(/location\s+(=|~\*|~|\^~)?\s*(\S+)\s*\{([^}]*)\}/g)].map(([, modifier, pattern, body]) => ({ modifier, pattern, body }));
  // nginx: "=" exact, "~" regular expression ("~*" ignoring case), otherwise a prefix.
  const matches = ({ modifier, pattern }: { modifier?: string; pattern: string }, file: string) =>
    modifier === "=" ? file === pattern : modifier?.startsWith("~") ? new RegExp(pattern, modifier === "~*" ? "i" : "").test(file) : file.startsWith(pattern);
  for (const file of metadataPaths()) {
    const location = locations.find((l) => matches(l, file));
    expect({ file, header: /add_header\s+Access-Control-Allow-Origin\s+"?([^";\s]+)/.exec(location?.body ?? "")?.[1] }).toEqual({ file, header: "*" });
  }
});
