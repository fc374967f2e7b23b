import { execFileSync, spawnSync } from "child_process";
import { X509Certificate } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "../support/dist";

/** httpsOptions() run in a fresh process with HOME at `home`: the certificate it serves. */
function servedCertificate(home: string): { cert: string; output: string } {
  const script = `require("./scripts/https-options").httpsOptions().then((o) => process.stderr.write(o.cert.toString()))`;
  const result = spawnSync("node", ["-e", script], { cwd: ROOT, env: { ...process.env, HOME: home }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  expect(result.status).toBe(0);
  return { cert: result.stderr, output: result.stdout };
}

const daysLeft = (pem: string) => (new Date(new X509Certificate(pem).validTo).getTime() - Date.now()) / 86_400_000;

const linuxOnly = process.platform === "linux" ? test : test.skip;

linuxOnly("dev certificates: generated for localhost without sudo, reused, and replaced once they expire", () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "scale-home-"));
  const first = servedCertificate(home);
  const x509 = new X509Certificate(first.cert);
  expect(x509.subjectAltName).toContain("DNS:localhost");
  expect(daysLeft(first.cert)).toBeGreaterThan(7);
  expect(first.output).toContain(path.join(home, ".office-addin-dev-certs", "ca.crt"));

  expect(servedCertificate(home).cert).toBe(first.cert);

  const certPath = path.join(home, ".office-addin-dev-certs", "localhost.crt");
  const keyPath = path.join(home, ".office-addin-dev-certs", "localhost.key");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", keyPath, "-out", certPath], { stdio: "ignore" });
  const expiring = fs.readFileSync(certPath, "utf8");
  const renewed = servedCertificate(home).cert;
  expect(renewed).not.toBe(expiring);
  expect(daysLeft(renewed)).toBeGreaterThan(7);
});
