/**
 * Where the add-in is served from during development, and how its files are pointed elsewhere.
 * manifest.xml and the functions' @helpurl tags name https://localhost:3000/; `npm start` on another
 * port (DEV_SERVER_PORT) and `ADDIN_URL=... npm run build` rewrite every such URL with pointAt.
 */
const DEV_URL = "https://localhost:3000/";

/** The dev server's port: DEV_SERVER_PORT, else package.json's config.dev_server_port (as npm passes it), else 3000. */
const devServerPort = () => Number(process.env.DEV_SERVER_PORT || process.env.npm_package_config_dev_server_port || 3000);

/** @type {(port?: number) => string} where the dev server serves the add-in, ending with a slash */
const devUrl = (port = devServerPort()) => `https://localhost:${port}/`;

/**
 * Rewrites the development URLs (and the bare origin, as in AppDomain) in a manifest or functions metadata.
 * @param {string} url where the add-in is served from, ending with a slash
 * @returns {(content: string | Buffer) => string}
 */
const pointAt = (url) => (content) =>
  content.toString().split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(new URL(url).origin);

module.exports = { DEV_URL, devServerPort, devUrl, pointAt };
