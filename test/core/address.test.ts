/**
 * One rule for a sheet name in an address, one parser (core/address.ts). The oracle is Excel's
 * rule as Microsoft documents it ("Create or change a cell reference": a name with spaces or
 * characters other than letters is enclosed in single quotation marks, an apostrophe in it
 * doubled; KB Q60547: a name that reads as a reference, such as R1, is quoted too) and the
 * addresses Excel reports (Tracking!N6, 'Phase 1'!$D$4:$I$4).
 */
import fc from "fast-check";
import { cellAddress, onSheet, parseAddress, quoteSheet, requoteSheets, splitAddress } from "../../src/core/address";

test("a name of letters, digits, _ and . stands bare; one with a space, another character or a leading digit is quoted", () => {
  expect(["Tracking", "Thresholds", "Umbrales", "Sheet1", "_data", "Q1_2026", "a.b"].map(quoteSheet)).toEqual(["Tracking", "Thresholds", "Umbrales", "Sheet1", "_data", "Q1_2026", "a.b"]);
  expect(["Phase 1", "Scale Dashboard", "Tracking (2)", "1st", "P&L", "Señales", "Data-2026"].map(quoteSheet)).toEqual(["'Phase 1'", "'Scale Dashboard'", "'Tracking (2)'", "'1st'", "'P&L'", "'Señales'", "'Data-2026'"]);
});

test("an apostrophe in a name is doubled inside the quotes", () => {
  expect(onSheet("It's", "A1")).toBe("'It''s'!A1");
  expect(onSheet("'Q'", "B2")).toBe("'''Q'''!B2");
});

test("a name that reads as a cell reference, in A1 or R1C1 style, is quoted", () => {
  expect(["Q1", "AB12", "XFD1", "R", "C", "RC", "R1", "C12", "R2C3", "r1c1"].map(quoteSheet)).toEqual(["'Q1'", "'AB12'", "'XFD1'", "'R'", "'C'", "'RC'", "'R1'", "'C12'", "'R2C3'", "'r1c1'"]);
  // Four letters before the digits is no column Excel has: a name, not a reference.
  expect(["ABCD1", "Rows", "Cash"].map(quoteSheet)).toEqual(["ABCD1", "Rows", "Cash"]);
});

test("the parser reads addresses as Excel reports them, quoted or not, with or without $", () => {
  expect(parseAddress("Tracking!N6")).toEqual({ sheet: "Tracking", start: { col: 14, row: 6 }, end: { col: 14, row: 6 } });
  expect(parseAddress("'Phase 1'!$D$4:$I$4")).toEqual({ sheet: "Phase 1", start: { col: 4, row: 4 }, end: { col: 9, row: 4 } });
  expect(parseAddress("'It''s'!B2:C3").sheet).toBe("It's");
  expect(splitAddress("'A!B'!C7")).toEqual({ sheet: "A!B", ref: "C7" });
  expect(cellAddress("Risks", 18, 4)).toBe("Risks!R4");
});

/** A sheet name Excel accepts ("Rename a worksheet"): 1 to 31 characters, none of []:*?/\, no apostrophe first or last. */
const sheetName = fc
  .string({ minLength: 1, maxLength: 31, unit: fc.constantFrom(..."abcXYZ019 _.'!-()&ñé") })
  .filter((s) => !s.startsWith("'") && !s.endsWith("'") && s.trim() !== "");

test("every sheet name and range written with the rule reads back to the same name and cells", () => {
  fc.assert(
    fc.property(sheetName, fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1048576 }), (sheet, col, row) => {
      const address = cellAddress(sheet, col, row);
      expect(parseAddress(address)).toEqual({ sheet, start: { col, row }, end: { col, row } });
      // Written once, the address is already in the rule's form.
      expect(requoteSheets(`=${address}`)).toBe(`=${address}`);
    }),
  );
});

test("a formula with needless quotes reads as Excel gives it back; needed ones stay", () => {
  expect(requoteSheets("=AND('Thresholds'!E5>1,'Phase 1'!D4<2,'It''s'!A1=0)")).toBe("=AND(Thresholds!E5>1,'Phase 1'!D4<2,'It''s'!A1=0)");
  expect(requoteSheets("=A1&\"it's fine\"")).toBe("=A1&\"it's fine\"");
});
