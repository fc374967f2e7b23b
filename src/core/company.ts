/**
 * The company name's longest length, for the command line and the pane. The name titles the
 * dashboard and the Tracking sheet ("Panel de escalamiento: Acme"), and a title is what a
 * printed page's header carries; Excel caps a header or footer at 255 characters ("Characters
 * in a header or footer", Excel specifications and limits,
 * https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * 100 (UTF-16 units, as Excel counts) leaves room there for the title's words and a page
 * number, and still reads as a title on screen.
 */
export const COMPANY_MAX_CHARACTERS = 100;

/** Whether `name` (trimmed) can be the company name: not blank, and at most COMPANY_MAX_CHARACTERS. */
export const companyFits = (name: string): boolean =>
  name.trim().length > 0 && name.trim().length <= COMPANY_MAX_CHARACTERS;
