import * as path from "path";
import ts from "typescript";

/**
 * Which Office.js and custom functions members the code touches, and the requirement set of each,
 * read off Microsoft's own declarations (@types/office-js, @types/custom-functions-runtime): each
 * member's comment carries "[Api set: ExcelApi 1.9]", the text the reference pages on
 * learn.microsoft.com show as "[ API set: ExcelApi 1.9 ]" (both come from the same source:
 * OfficeDev/office-js-docs-reference generates the pages from these declarations).
 */

/** One member of Microsoft's API, with the set its declaration names (undefined where it names none). */
export interface ApiUse {
  /** As the reference names it: "Excel.Range.copyFrom", "CustomFunctions.Error", "Office.onReady". */
  readonly member: string;
  readonly set: string | undefined;
  /** The reference page of the type it belongs to (or of its namespace, for a namespace's function). */
  readonly page: string;
  /** The files (relative to the root) that use it. */
  readonly files: readonly string[];
}

const DECLARATIONS = /node_modules\/@types\/(office-js|custom-functions-runtime|office-runtime)\//;
/** The reference's folder for each top-level namespace. */
const PACKAGES: Record<string, string> = { Excel: "excel", Office: "office", OfficeExtension: "office", CustomFunctions: "custom-functions-runtime", OfficeRuntime: "office-runtime" };
const REFERENCE = "https://learn.microsoft.com/javascript/api/";

/** "ExcelApi 1.9" from a declaration's "[Api set: ExcelApi 1.9]" (or "...1.1 for String, ...; 1.7 for Array": the first). */
function setOf(declaration: ts.Node): string | undefined {
  const comments = ts.getJSDocCommentsAndTags(declaration).map((c) => c.getText());
  return /\[Api set: (\w+ \d+\.\d+)/.exec(comments.join("\n"))?.[1];
}

const isType = (node: ts.Node): boolean => ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node);

/** The member's name and reference page, or undefined for a member of an anonymous type (a callback's argument). */
function describe(declaration: ts.Node): { member: string; page: string } | undefined {
  const chain: { name: string; isType: boolean }[] = [];
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isTypeLiteralNode(node)) return undefined;
    const name = (node as ts.NamedDeclaration).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) chain.unshift({ name: name.text, isType: isType(node) });
  }
  const names = chain.map((c) => c.name);
  const typeEnd = chain.map((c) => c.isType).lastIndexOf(true);
  // A type's page is its full name in lower case (excel.range); a namespace's own functions and variables are on the namespace's page.
  const page = REFERENCE + (PACKAGES[names[0]] ?? names[0].toLowerCase()) + (typeEnd < 0 ? "" : `/${names.slice(0, typeEnd + 1).join(".").toLowerCase()}`);
  return { member: names.join("."), page };
}

/** What a property access refers to: for a call, the overload TypeScript chose. */
function declarationAt(checker: ts.TypeChecker, access: ts.PropertyAccessExpression): ts.Declaration | undefined {
  const call = ts.isCallExpression(access.parent) && access.parent.expression === access ? access.parent : undefined;
  return (call && checker.getResolvedSignature(call)?.declaration) || checker.getSymbolAtLocation(access.name)?.declarations?.[0];
}

/**
 * Every member of Microsoft's API that `files` reach through a property access (`range.copyFrom`,
 * `Excel.RangeCopyType.formulas`, `new CustomFunctions.Error`), type-checked with the project's
 * tsconfig. Members named only inside strings (`load("values")`) are not seen.
 */
export function officeApiUses(root: string, files: readonly string[]): ApiUse[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error("tsconfig.json could not be read");
  const options = { ...config.options, typeRoots: [path.join(root, "node_modules/@types")], noEmit: true };
  const program = ts.createProgram([...files], options);
  const checker = program.getTypeChecker();
  const found = new Map<string, { member: string; set: string | undefined; page: string; files: Set<string> }>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const declaration = declarationAt(checker, node);
        const described = declaration && DECLARATIONS.test(declaration.getSourceFile().fileName) ? describe(declaration) : undefined;
        if (declaration && described) {
          const entry = found.get(described.member) ?? { ...described, set: setOf(declaration), files: new Set<string>() };
          entry.files.add(path.relative(root, file));
          found.set(described.member, entry);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found.values()].map((u) => ({ ...u, files: [...u.files].sort() })).sort((a, b) => (a.member < b.member ? -1 : 1));
}
