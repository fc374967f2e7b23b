/**
 * HTTPS options for the dev server. office-addin-dev-certs installs its CA into the system
 * store, which needs sudo on Linux; where that fails (root without sudo, containers) the
 * certificates it generated are used as they are, and the user is told how to trust the CA.
 */
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

async function generatedCertificates() {
  const { localhostCertificatePath, localhostKeyPath, caCertificatePath } = defaults;
  if (![localhostCertificatePath, localhostKeyPath, caCertificatePath].every((p) => fs.existsSync(p))) {
    await devCerts.generateCertificates();
  }
  return {
    ca: fs.readFileSync(caCertificatePath),
    cert: fs.readFileSync(localhostCertificatePath),
    key: fs.readFileSync(localhostKeyPath),
  };
}

async function httpsOptions() {
  if (process.platform === "linux") {
    const options = await generatedCertificates();
    console.log(
      `Serving https://localhost with a development certificate. To trust it, import ${defaults.caCertificatePath} ` +
        "as a certificate authority in your browser (or run `npx office-addin-dev-certs install` where sudo is available).",
    );
    return options;
  }
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    console.warn(`Could not install the development CA (${e instanceof Error ? e.message : e}); using the generated certificates untrusted.`);
    return generatedCertificates();
  }
}

module.exports = { httpsOptions };
