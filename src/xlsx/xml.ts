/** XML text and attribute values as the .xlsx parts write them. */

const ENTITIES: Readonly<Record<string, string>> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Escaped for XML 1.0, which has no way to write the control characters other than tab, line feed
 * and carriage return: they are left out, as exceljs leaves them out.
 */
export const escapeXml = (text: string): string =>
  text.replace(
    // eslint-disable-next-line no-control-regex
    /[<>&"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g,
    (ch) => ENTITIES[ch] ?? "",
  );
