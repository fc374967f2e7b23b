// @ts-check
/**
 * Jest's summary, then one line per suite skipped because an engine is missing
 * (test/engines/engines.ts marks such suites in their title) and how to run it.
 */
const { SummaryReporter } = require("@jest/reporters");
const { mark } = require("./skip-mark.json");

/** @param {import("@jest/test-result").AggregatedResult} results */
function skippedSuites(results) {
  /** @type {Set<string>} */
  const titles = new Set();
  for (const file of results.testResults) {
    for (const t of file.testResults) {
      const title = t.ancestorTitles.find((a) => a.includes(mark));
      if (title !== undefined) titles.add(title);
    }
  }
  return [...titles].map((title) => {
    const [suite, reason] = title.split(mark);
    return `  SKIPPED: ${suite}: ${reason.replace(/\]$/, "")}`;
  });
}

class SummaryWithSkippedSuites extends SummaryReporter {
  /**
   * @param {Set<import("@jest/test-result").TestContext>} contexts
   * @param {import("@jest/test-result").AggregatedResult} results
   */
  onRunComplete(contexts, results) {
    super.onRunComplete(contexts, results);
    const lines = skippedSuites(results);
    if (lines.length === 0) return;
    process.stderr.write(
      `\n${lines.length} suite(s) skipped because an engine is missing (CI=true or REQUIRE_ENGINES=1 makes this a failure):\n${lines.join("\n")}\n`,
    );
  }
}

module.exports = SummaryWithSkippedSuites;
