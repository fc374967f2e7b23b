/** The command line's files: its refusal, and writing an output whole or not at all (product.md 10, "Nothing lost"). */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** A refusal: the message says what to change; nothing was written. */
export class UsageError extends Error {}

/** Whether anything is at `file`, a link included (even one to nowhere): never written through. */
export const occupied = (file: string) =>
  fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;

/**
 * --out: a path ending in `extension` ("an .xlsx file", "a .pdf file"), in a folder that exists,
 * not taken unless --force; its absolute path.
 */
export function checkOut(
  options: { readonly out: string; readonly force?: boolean },
  extension: ".xlsx" | ".pdf",
): string {
  const out = path.resolve(options.out);
  if (!out.toLowerCase().endsWith(extension))
    throw new UsageError(
      `--out must name ${extension === ".xlsx" ? "an" : "a"} ${extension} file; got "${options.out}"`,
    );
  if (occupied(out) && !options.force)
    throw new UsageError(
      `${options.out} already exists; choose another --out or add --force to replace it`,
    );
  if (!fs.existsSync(path.dirname(out)))
    throw new UsageError(
      `the folder of --out does not exist: ${path.dirname(out)}`,
    );
  return out;
}

/** A temporary name beside `file` that nobody can guess ahead, so nobody can plant a link there. */
const partialName = (file: string) =>
  `${file}.${randomBytes(8).toString("hex")}.partial`;

/**
 * Through a temporary file, so that a failed write leaves no partial file behind. The
 * temporary file is created exclusively ("wx": O_CREAT | O_EXCL, which fails on any existing
 * path, a symbolic link included, and never follows one), then renamed over `file`, which
 * replaces whatever name is there (a link itself, not what it points to).
 */
export function writeWhole(
  file: string,
  data: Buffer,
  partial = partialName(file),
): void {
  let created = false;
  try {
    fs.writeFileSync(partial, data, { flag: "wx" });
    created = true;
    fs.renameSync(partial, file);
  } catch (e) {
    if (created) fs.rmSync(partial, { force: true });
    throw new UsageError(
      `could not write ${file}: ${e instanceof Error ? e.message : e}`,
    );
  }
}
