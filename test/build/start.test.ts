import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as path from "path";
import { ROOT } from "../support/dist";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestProblems } = require("../../scripts/validate-manifest") as { manifestProblems: (xml: string) => Promise<string[]> };

/** GET over https to the dev server (its certificate is the generated development one). */
function get(url: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
      .on("error", reject);
  });
}

test("npm start on a machine without Excel, on another port, serves the add-in over https with every URL on that port, says how to sideload it, and npm stop ends it", async () => {
  const port = 3917;
  const sideloaded = path.join(ROOT, `manifest.localhost-${port}.xml`);
  const child = spawn("node", ["scripts/start.js"], {
    cwd: ROOT,
    env: { ...process.env, CI: "true", DEV_SERVER_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  try {
    let page: { status: number; body: string; headers: Record<string, unknown> } | undefined;
    for (let k = 0; k < 120 && !page; k++) {
      await new Promise((r) => setTimeout(r, 1000));
      page = await get(`https://localhost:${port}/taskpane.html`).catch(() => undefined);
    }
    expect([page?.status, output]).toEqual([200, expect.any(String)]);
    expect(page?.body).toContain("Content-Security-Policy");
    expect((await get(`https://localhost:${port}/functions.json`)).body).toContain('"id": "PHASE"');
    expect(output).toContain("Upload My Add-in");
    expect(output).toContain(`https://localhost:${port}/taskpane.html`);
    // The README: "DEV_SERVER_PORT=3100 npm start for another port": the manifest it says to upload, and
    // the manifest and functions metadata it serves, name that port and never the default one.
    expect(output).toContain(`upload manifest.localhost-${port}.xml from this folder (it points at https://localhost:${port}/)`);
    expect(output).toContain("local network access");
    const served = await Promise.all(["manifest.xml", "functions.json", "functions.es.json"].map((f) => get(`https://localhost:${port}/${f}`)));
    for (const text of [fs.readFileSync(sideloaded, "utf8"), ...served.map((r) => r.body)]) {
      expect(text).toContain(`https://localhost:${port}/`);
      expect(text).not.toContain("localhost:3000");
    }
    expect(await manifestProblems(fs.readFileSync(sideloaded, "utf8"))).toEqual([]);
    // Excel on the web fetches the metadata cross-origin (docs/deployment.md): the dev server allows it too.
    expect(served.slice(1).map((r) => r.headers["access-control-allow-origin"])).toEqual(["*", "*"]);
    const helpUrls = (JSON.parse(served[1].body) as { functions: { helpUrl?: string }[] }).functions.map((f) => f.helpUrl);
    expect(helpUrls.every((u) => u?.startsWith(`https://localhost:${port}/help.html#`))).toBe(true);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const env = { ...process.env, DEV_SERVER_PORT: String(port) };
    expect(execFileSync("node", ["scripts/stop.js"], { cwd: ROOT, env, encoding: "utf8" })).toContain("Stopped the Scale Tracker dev server");
    await exited;
    await expect(get(`https://localhost:${port}/taskpane.html`)).rejects.toThrow(/ECONNREFUSED/);
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGTERM");
    fs.rmSync(sideloaded, { force: true });
  }
}, 180_000);
