import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import ts from "typescript";

const SOURCE = /\.(ts|tsx|js|cjs|mjs)$/;

/** Every source file under `dirs` (folders or files, relative to root), skipping node_modules. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const walk = (entry: string): string[] => {
    if (!fs.existsSync(entry)) return [];
    if (!fs.statSync(entry).isDirectory()) return SOURCE.test(entry) ? [entry] : [];
    return fs
      .readdirSync(entry)
      .filter((name) => name !== "node_modules")
      .flatMap((name) => walk(path.join(entry, name)));
  };
  return dirs.flatMap((d) => walk(path.join(root, d)));
}

/** The package an import specifier names ("@scope/pkg/sub" -> "@scope/pkg"), or undefined for files and Node's own modules. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || path.isAbsolute(specifier) || specifier.startsWith("node:")) return undefined;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

/** `import`, `export ... from`, `import()` and `require()` specifiers of one file, as TypeScript's own pre-processor reads them. */
export function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true).importedFiles.map((f) => f.fileName);
}

/** "file: package" for every package a file imports that is not in `declared`. */
export function undeclaredImports(files: readonly string[], declared: ReadonlySet<string>, root: string): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .map(packageOf)
      .filter((name): name is string => name !== undefined && !declared.has(name))
      .map((name) => `${path.relative(root, file)}: ${name}`),
  );
}
