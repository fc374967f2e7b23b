// office-addin-lint's recommended rules, plus: the command line and .xlsx writer run in Node,
// where exceljs objects are not Office.js proxies and need no load/sync.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      globals: { Excel: "readonly", Office: "readonly", OfficeExtension: "readonly", CustomFunctions: "readonly" },
    },
    // TypeScript reports redeclarations itself; the base rule takes overloads for them (typescript-eslint's advice).
    rules: { "no-redeclare": "off" },
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
