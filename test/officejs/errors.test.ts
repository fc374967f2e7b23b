import { WORKBOOK_ERROR_MESSAGES, WorkbookError, toWorkbookError } from "../../src/officejs/errors";

/** An OfficeExtension.Error as Office.js throws it: a code string and a message meant for logs. */
const officeError = (code: string) => Object.assign(new Error(`Office says ${code}`), { name: "RichApi.Error", code });

describe("Office.js errors become sentences that say what to do", () => {
  test.each([
    ["AccessDenied", "protected"],
    ["InvalidOperationInCellEditMode", "editMode"],
    ["InvalidOperation", "invalidOperation"],
    ["ApiNotFound", "apiNotSupported"],
    ["UnsupportedFeature", "unsupportedFeature"],
    ["RequestPayloadSizeLimitExceeded", "tooLarge"],
    ["ResponsePayloadSizeLimitExceeded", "tooLarge"],
    ["RangeExceedsLimit", "tooLarge"],
    ["GeneralException", "unknown"],
  ])("%s -> %s, with Office's message kept as the detail", (officeCode, code) => {
    const e = toWorkbookError(officeError(officeCode));
    expect([e.code, e.detail, e.message]).toEqual([code, `Office says ${officeCode}`, WORKBOOK_ERROR_MESSAGES.en[code as WorkbookError["code"]]]);
  });

  test("UnsupportedFeature is the sheet's feature, not an old Excel; payload limits say to select fewer cells", () => {
    expect(WORKBOOK_ERROR_MESSAGES.en.unsupportedFeature).toMatch(/^The sheet holds a feature Excel cannot change from an add-in/);
    expect(WORKBOOK_ERROR_MESSAGES.en.unsupportedFeature).not.toMatch(/version/);
    expect(WORKBOOK_ERROR_MESSAGES.en.tooLarge).toMatch(/Select fewer cells/);
    expect(WORKBOOK_ERROR_MESSAGES.es.tooLarge).toMatch(/Selecciona menos celdas/);
  });

  test("every code has its own sentence in English and Spanish", () => {
    const codes = Object.keys(WORKBOOK_ERROR_MESSAGES.en);
    expect(Object.keys(WORKBOOK_ERROR_MESSAGES.es)).toEqual(codes);
    for (const lang of ["en", "es"] as const) {
      const sentences = codes.map((c) => WORKBOOK_ERROR_MESSAGES[lang][c as WorkbookError["code"]]);
      expect(new Set(sentences).size).toBe(codes.length);
      sentences.forEach((s) => expect(s).toMatch(/\.$/));
    }
    codes.forEach((c) => expect(WORKBOOK_ERROR_MESSAGES.es[c as WorkbookError["code"]]).not.toBe(WORKBOOK_ERROR_MESSAGES.en[c as WorkbookError["code"]]));
  });
});
