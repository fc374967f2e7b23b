/**
 * The writer and the fake host compile against @types/office-js (jest and webpack only transpile,
 * so this is where a type error in either would fail `npm test`): the fake's OfficeShapeChecks
 * fail to compile when it grows a member or a signature Office.js does not have.
 */
import path from "path";
import ts from "typescript";

test("src/officejs and the fake host type-check against @types/office-js", () => {
  const root = path.resolve(__dirname, "../..");
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const files = ["src/officejs/host.ts", "src/officejs/operations.ts", "test/support/excel-fake.ts"].map((f) => path.join(root, f));
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const messages = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(root, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  expect(messages).toEqual([]);
});
