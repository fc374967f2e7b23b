/**
 * `npm run validate [-- manifest.xml] [-- --online]`: checks the add-in manifest offline
 * (well-formed, required elements, every resource id defined, https URLs on one origin, the
 * SCALE namespace, a long-lived shared runtime, and, after a build, every URL served by dist/).
 * `--online` also runs Microsoft's validation service, which needs the network.
 */
const fs = require("fs");
const path = require("path");
const { OfficeAddinManifest, validateManifest } = require("office-addin-manifest");

function problemsIn(xml, distDir) {
  const problems = [];
  const need = (ok, message) => ok || problems.push(message);
  const ids = new Set([...xml.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  for (const [, resid] of xml.matchAll(/\bresid="([^"]+)"/g)) need(ids.has(resid), `resid "${resid}" has no resource with that id`);
  const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  const origins = new Set(urls.map((u) => new URL(u).origin));
  need(urls.every((u) => u.startsWith("https://")), "every URL must use https");
  need(origins.size === 1, `URLs point at more than one origin: ${[...origins].join(", ")}`);
  need(/<Host Name="Workbook"\s*\/>/.test(xml), "the add-in must declare the Workbook (Excel) host");
  need(/<Set Name="SharedRuntime" MinVersion="1.1"\s*\/>/.test(xml), "SharedRuntime 1.1 must be required");
  need(/<Runtime resid="([^"]+)" lifetime="long"\s*\/>/.test(xml), "the shared runtime must be long-lived");
  need(/<bt:String id="Functions.Namespace" DefaultValue="SCALE"\s*\/>/.test(xml), "the custom functions namespace must be SCALE");
  need(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/i.test(xml), "Id must be a GUID");
  need(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/.test(xml), "Version must have four parts (1.0.0.0)");
  if (distDir && origins.size === 1) {
    const base = [...new Set(urls.map((u) => u.slice(0, u.lastIndexOf("/") + 1)))].sort((a, b) => a.length - b.length)[0];
    for (const u of urls) {
      const file = path.join(distDir, new URL(u).pathname.replace(new URL(base).pathname, "/"));
      need(fs.existsSync(file), `${u} is not in ${distDir} (run npm run build)`);
    }
  }
  return problems;
}

async function main() {
  const args = process.argv.slice(2);
  const manifestPath = args.find((a) => !a.startsWith("--")) || "manifest.xml";
  const info = await OfficeAddinManifest.readManifestFile(manifestPath);
  const dist = path.join(path.dirname(path.resolve(manifestPath)), "dist");
  const distDir = path.basename(path.dirname(path.resolve(manifestPath))) === "dist" ? path.dirname(path.resolve(manifestPath)) : fs.existsSync(dist) ? dist : undefined;
  const problems = problemsIn(fs.readFileSync(manifestPath, "utf8"), distDir);
  if (args.includes("--online")) {
    const result = await validateManifest(manifestPath);
    if (!result.isValid) problems.push(`Microsoft's validation service: ${JSON.stringify(result.report?.errors ?? result.details ?? result)}`);
  }
  if (problems.length) {
    console.error(`${manifestPath} is not valid:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`${manifestPath} is valid: ${info.displayName} ${info.version} for ${info.hosts.join(", ")}${distDir ? `, every URL served by ${distDir}` : ""}.`);
}

main().catch((e) => {
  console.error(`Could not read the manifest: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
