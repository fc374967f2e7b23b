import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../support/dist";

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** The ESLint that `npm run lint` (office-addin-lint) runs, found as office-addin-lint finds it. */
const ESLINT = path.join(path.dirname(require.resolve("eslint/package.json", { paths: [path.dirname(require.resolve("office-addin-lint/package.json"))] })), "bin/eslint.js");

/** ESLint's messages with the project's eslint.config.mjs, per file: `args` names the files, or `--stdin` and a name for `input`. */
function eslint(args: string[], input?: string): { filePath: string; messages: LintMessage[] }[] {
  const run = spawnSync(process.execPath, [ESLINT, "--format", "json", ...args], { cwd: ROOT, input, encoding: "utf8" });
  if (run.status === 2) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** A pane component that reads a range's address without loading it, and lists items without keys. */
const PLANTED = `export function Planted({ items }: { items: string[] }) {
  const read = () =>
    Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      await context.sync();
      return range.address;
    });
  return (
    <ul onClick={read}>
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
}
`;

test("a .tsx file of the pane is linted with the Office add-in rules and the React rules", () => {
  const [result] = eslint(["--stdin", "--stdin-filename", "src/taskpane/views/Planted.tsx"], PLANTED);
  const rules = result.messages.map((m) => m.ruleId);
  expect(rules).toContain("office-addins/load-object-before-read");
  expect(rules).toContain("react/jsx-key");
});

test("npm run lint's files (office-addin-lint: src/**/*.{ts,tsx,js,jsx}) include every .tsx of the pane, none skipped for want of a configuration", () => {
  const tsx = fs.readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx"));
  expect(tsx.length).toBeGreaterThan(0);
  const ignored = eslint(tsx.map((f) => path.join("src", f))).filter((r) => r.messages.some((m) => /no matching configuration/.test(m.message)));
  expect(ignored.map((r) => path.relative(ROOT, r.filePath))).toEqual([]);
});
