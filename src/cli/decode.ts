/**
 * The text of a CSV file in the encodings spreadsheets save: UTF-8 (Excel's "CSV UTF-8", with a
 * byte order mark, or without one from other tools), UTF-16 with a byte order mark (Excel's
 * "Unicode text"), and Windows-1252, the ANSI code page Excel's plain "CSV" uses on Spanish and
 * other Western European Windows ("Tasa de cancelación" saved there is not valid UTF-8).
 * Node's TextDecoder does all three (WHATWG Encoding Standard labels), without a dependency.
 */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

const BOMS: readonly (readonly [CsvEncoding, readonly number[]])[] = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
];

/** The encoding: by byte order mark, else UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
export function csvEncoding(bytes: Uint8Array): CsvEncoding {
  const marked = BOMS.find(([, bom]) => bom.every((b, i) => bytes[i] === b));
  if (marked) return marked[0];
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** The file's text, its byte order mark removed, and the encoding it was read in. */
export function decodeCsv(bytes: Uint8Array): {
  text: string;
  encoding: CsvEncoding;
} {
  const encoding = csvEncoding(bytes);
  // TextDecoder drops a byte order mark of its own encoding (ignoreBOM is false by default).
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
