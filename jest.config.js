/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", resolveJsonModule: true, esModuleInterop: true } }],
  },
  // Jest's progress and summary, then one line per suite skipped for a missing engine (test/engines/).
  reporters: ["<rootDir>/test/engines/progress-reporter.js", "<rootDir>/test/engines/summary-reporter.js"],
  testTimeout: 120000,
};
