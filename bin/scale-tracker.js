#!/usr/bin/env node
// Runs the TypeScript command line directly (offline, no build step needed).
require("ts-node").register({
  transpileOnly: true,
  project: require("path").join(__dirname, "..", "tsconfig.json"),
});
require("../src/xlsx/cli.ts")
  .main(process.argv)
  .then((code) => process.exit(code));
