import { execFileSync, spawn } from "child_process";
import * as https from "https";
import { ROOT } from "./dist";

/** GET over https to the dev server (its certificate is the generated development one). */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

test("npm start on a machine without Excel serves the add-in over https, says how to sideload it, and npm stop ends it", async () => {
  const port = 3917;
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
    let page: { status: number; body: string } | undefined;
    for (let k = 0; k < 120 && !page; k++) {
      await new Promise((r) => setTimeout(r, 1000));
      page = await get(`https://localhost:${port}/taskpane.html`).catch(() => undefined);
    }
    expect([page?.status, output]).toEqual([200, expect.any(String)]);
    expect(page?.body).toContain("Content-Security-Policy");
    expect((await get(`https://localhost:${port}/functions.json`)).body).toContain('"id": "PHASE"');
    expect(output).toContain("Upload My Add-in");
    expect(output).toContain(`https://localhost:${port}/taskpane.html`);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const env = { ...process.env, DEV_SERVER_PORT: String(port) };
    expect(execFileSync("node", ["scripts/stop.js"], { cwd: ROOT, env, encoding: "utf8" })).toContain("Stopped the Scale Tracker dev server");
    await exited;
    await expect(get(`https://localhost:${port}/taskpane.html`)).rejects.toThrow(/ECONNREFUSED/);
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGTERM");
  }
}, 180_000);
