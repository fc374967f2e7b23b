// office-addin-lint's rules for React add-ins, plus: the command line and .xlsx writer run in Node,
// where exceljs objects are not Office.js proxies and need no load/sync.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

/**
 * The plugin's configs give their TypeScript parser, Office rules and Prettier to
 * `**\/*.{js,mjs,cjs,ts,cts,mts}` only, so ESLint skipped every .tsx file ("no matching
 * configuration"): the same blocks are given the pane's .tsx and .jsx files too.
 * @param {import("eslint").Linter.Config} config
 */
const withJsx = (config) => (config.files ? { ...config, files: [...config.files, "**/*.{jsx,tsx}"] } : config);

export default [
  ...officeAddins.configs.react.map(withJsx),
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      globals: { Excel: "readonly", Office: "readonly", OfficeExtension: "readonly", CustomFunctions: "readonly" },
    },
    rules: {
      // TypeScript reports redeclarations itself; the base rule takes overloads for them (typescript-eslint's advice).
      "no-redeclare": "off",
      // The pane is compiled with the automatic JSX runtime ("jsx": "react-jsx"), which needs no React
      // in scope: eslint-plugin-react's own "jsx-runtime" config turns these two off.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
    },
  },
  {
    // The task pane runs in a browser (Office's webview): document, navigator, performance exist there.
    files: ["src/taskpane/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["src/xlsx/**/*.ts", "src/cli/**/*.ts"],
    languageOptions: { globals: globals.node },
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];
