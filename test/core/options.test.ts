import { INSERT_DEFAULTS, InsertOption, validateInsertOptions } from "../../src/core/template/options";

const CLI: Record<InsertOption, string> = { language: "--lang", company: "--company", currency: "--currency", firstMonth: "--first-month", months: "--months" };
const PANE_ES: Record<InsertOption, string> = { language: "Idioma", company: "Nombre de la empresa", currency: "Código de moneda", firstMonth: "Primer mes", months: "Meses" };

// The oracle: docs/command-line.md's table of messages, and product.md 11 (a first month whose whole timeline is dates Excel holds).
test("the command line's refusals, as docs/command-line.md lists them", () => {
  const problems = (given: Parameters<typeof validateInsertOptions>[0]) => validateInsertOptions(given, { names: CLI }).problems;
  expect(problems({ language: "fr", currency: "euro", months: "6", company: "x".repeat(101), firstMonth: "2026-13" })).toEqual({
    language: '--lang must be en or es; got "fr"',
    currency: '--currency must be a three-letter code such as USD or EUR; got "euro"',
    months: '--months must be a whole number from 12 to 120; got "6"',
    company: "--company must be 1 to 100 characters, as it titles the dashboard; got 101",
    firstMonth: '--first-month must be YYYY-MM, such as 2026-01; got "2026-13"',
  });
  expect(problems({ months: "36", firstMonth: "1899-12" }).firstMonth).toBe('--first-month must be from 1900-03 to 9997-01, so that all 36 months are dates Excel can hold; got "1899-12"');
  expect(problems({ months: "12", firstMonth: "9999-02" }).firstMonth).toBe('--first-month must be from 1900-03 to 9999-01, so that all 12 months are dates Excel can hold; got "9999-02"');
});

test("options read: trimmed, the currency in capitals, months a number; nothing refused", () => {
  expect(validateInsertOptions({ language: " ES ", company: "  Acme ", currency: " eur", months: " 48", firstMonth: "2026-01" }, { names: CLI })).toEqual({
    options: { language: "es", company: "Acme", currency: "EUR", months: 48, firstMonth: "2026-01" },
    problems: {},
  });
});

test("only what is given is checked; a first month with unusable months is checked against the shortest timeline, 12 months", () => {
  expect(validateInsertOptions({}, { names: CLI })).toEqual({ options: {}, problems: {} });
  const checked = validateInsertOptions({ months: "two", firstMonth: "9998-06" }, { names: CLI });
  expect(checked.options.firstMonth).toBe("9998-06");
  expect(Object.keys(checked.problems)).toEqual(["months"]);
});

test("the pane's sentences: its field names, in Spanish, months as the pane shows them", () => {
  const { problems } = validateInsertOptions(
    { company: "", currency: "€", months: "6", firstMonth: "1899-12" },
    { names: PANE_ES, language: "es", month: (m) => ({ "1900-03": "mar 1900", "9999-01": "ene 9999" })[m] ?? m },
  );
  expect(problems).toEqual({
    company: "Nombre de la empresa debe tener de 1 a 100 caracteres, porque titula el panel; tiene 0",
    currency: 'Código de moneda debe ser un código de tres letras, como USD o EUR; es "€"',
    months: 'Meses debe ser un número entero de 12 a 120; es "6"',
    firstMonth: 'Primer mes debe ir de mar 1900 a ene 9999, para que los 12 meses sean fechas que Excel admite; es "1899-12"',
  });
});

test("the defaults both surfaces start from (docs/task-pane.md and docs/command-line.md)", () => {
  expect(INSERT_DEFAULTS).toEqual({ language: "en", company: { en: "My company", es: "Mi empresa" }, currency: "USD", months: 36 });
});
