/**
 * HTTPS options for the dev server. office-addin-dev-certs installs its CA into the system
 * store, which needs sudo on Linux; where that fails (root without sudo, containers) the
 * certificates it generated are used as they are, and the user is told how to trust the CA.
 */
const { X509Certificate } = require("crypto");
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

/**
 * The generated certificates last 30 days; an expired one would be refused by every browser.
 * @param {string} certificatePath
 */
function isUsable(certificatePath) {
  const aDayFromNow = Date.now() + 24 * 3600 * 1000;
  return fs.existsSync(certificatePath) && new Date(new X509Certificate(fs.readFileSync(certificatePath)).validTo).getTime() > aDayFromNow;
}

async function generatedCertificates() {
  const { localhostCertificatePath, localhostKeyPath, caCertificatePath } = defaults;
  const paths = [caCertificatePath, localhostCertificatePath, localhostKeyPath];
  if (!fs.existsSync(localhostKeyPath) || ![localhostCertificatePath, caCertificatePath].every(isUsable)) {
    // generateCertificates() writes nothing while a CA file exists, expired or not.
    paths.forEach((p) => fs.rmSync(p, { force: true }));
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
