#!/usr/bin/env node
// The command line, compiled to lib/ by `npm run build:cli` (npm install runs it through
// `prepare`; npm pack ships lib/), so it runs without TypeScript or any dev dependency.
let cli;
try {
  cli = require("../lib/cli/cli.js");
} catch (thrown) {
  const e = /** @type {NodeJS.ErrnoException} */ (thrown);
  if (e.code === "MODULE_NOT_FOUND" && e.message.includes("lib/cli/cli.js")) {
    console.error("scale-tracker: the command line is not built yet; run `npm run build:cli` in the project folder");
    process.exit(2);
  }
  throw e;
}
// exitCode, not process.exit(): exiting at once drops what is still queued for a pipe (stderr
// or stdout read by another program takes 64 KiB at a time), cutting a long list of errors short.
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
