// @ts-check
/**
 * Jest's own progress reporter (verbose or not, as jest chose), listed by name in jest.config.js
 * because "default" would also add jest's SummaryReporter, which jest always runs last; the
 * summary comes from ./summary-reporter.js instead, so the skipped suites follow it.
 */
const { DefaultReporter, VerboseReporter } = require("@jest/reporters");

class ProgressReporter {
  /** @param {import("@jest/types").Config.GlobalConfig} globalConfig */
  constructor(globalConfig) {
    return globalConfig.verbose ? new VerboseReporter(globalConfig) : new DefaultReporter(globalConfig);
  }
}

module.exports = ProgressReporter;
