/* eslint-disable no-undef */
/**
 * Builds the add-in: one page (taskpane.html) loads the functions and the task pane bundles,
 * so both run in Excel's shared runtime. `ADDIN_URL` points the manifest and metadata at a real host.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const TerserPlugin = require("terser-webpack-plugin");
const { FunctionsMetadataPlugin, functionSources } = require("./scripts/functions-metadata-plugin");
const { httpsOptions } = require("./scripts/https-options");
const { DEV_URL, devServerPort, devUrl, pointAt } = require("./scripts/addin-url");

/** The custom functions namespace the manifest declares (SCALE), for the metadata check's messages. */
const NAMESPACE = /<bt:String id="Functions\.Namespace" DefaultValue="([^"]+)"/.exec(fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8"))?.[1] ?? "";
const port = devServerPort();

/**
 * Where the add-in is served from (the dev server, on its port, unless ADDIN_URL says); always ends with a slash.
 * @param {boolean} dev
 */
function addinUrl(dev) {
  const url = process.env.ADDIN_URL || devUrl(port);
  if (!dev && !process.env.ADDIN_URL && process.env.CI !== "true") {
    console.warn(`ADDIN_URL is not set: the manifest in dist/ points at ${DEV_URL}. Set ADDIN_URL=https://your.host/path/ to deploy.`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * @param {{ WEBPACK_SERVE?: boolean }} env what webpack-cli passes: WEBPACK_SERVE under `webpack serve`
 * @param {{ mode?: import("webpack").Configuration["mode"] }} options the command-line arguments
 * @returns {Promise<import("webpack").Configuration & { devServer?: import("webpack-dev-server").Configuration }>}
 */
module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const url = addinUrl(dev);
  return {
    // No eval-based source maps, even in development: the pages' CSP forbids eval.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    entry: {
      functions: "./src/functions/register.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      // Every supported Excel runtime has globalThis; without this webpack adds a `new Function` fallback.
      environment: { globalThis: true },
    },
    target: ["web", "es2019"],
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } } },
        },
        // Some dependencies (tabster, under Fluent UI) ship ES2020+ syntax; our code is ES2019 from tsconfig.
        { test: /\.m?js$/, include: /node_modules/, use: path.resolve(__dirname, "scripts/es2019-loader.js") },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext][query]" } },
      ],
    },
    optimization: {
      // The functions bundle stays one small file; the pane's lazy views get their own chunks.
      splitChunks: { chunks: "async" },
      minimizer: [
        // The functions' code reads no getter for its side effects, so a property read whose value
        // is unused (the catalog's data the functions never look at) can go: about 600 bytes. The
        // pane keeps webpack's default minimizer ("..."): its libraries may read a property for its
        // effect (a layout read).
        new TerserPlugin({ include: /^functions\.js$/, terserOptions: { compress: { pure_getters: true, passes: 3 } } }),
        "...",
      ],
    },
    performance: { hints: false },
    plugins: [
      new FunctionsMetadataPlugin({
        inputs: functionSources(path.resolve(__dirname, "src/functions")),
        translations: "./src/functions/spanish.json",
        namespace: NAMESPACE,
        transform: pointAt(url),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // help.html and its Spanish twin help.es.html, next to the pane.
          { from: "src/help/*.html", to: "[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: pointAt(url) },
        ],
      }),
    ],
    devServer: {
      port,
      host: "localhost",
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : undefined,
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: { warnings: false } },
    },
  };
};

