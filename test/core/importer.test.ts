/** The importer of product.md section 7: long and wide forms, months, decimal commas, and every bad row reported. */
import { importActuals, csvDelimiter, TableRow } from "../../src/core/importer";

const rows = (lines: string[], sep = ","): TableRow[] => lines.map((l, i) => ({ line: i + 1, cells: l.split(sep) }));
const ok = (lines: string[], options = { months: 36 }, sep = ",") => {
  const r = importActuals(rows(lines, sep), { ...options, decimalComma: sep === ";" });
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return { first: r.firstMonth, values: r.values.map((v) => [v.row.key, v.month, v.value]) };
};
const errors = (lines: string[], options: { months: number; firstMonth?: string } = { months: 36 }, sep = ",") => {
  const r = importActuals(rows(lines, sep), { ...options, decimalComma: sep === ";" });
  return r.ok ? [] : r.errors;
};

test("long form: ids, aliases, English and Spanish names, group.indicator; the timeline starts at the earliest month", () => {
  expect(ok(["metric,month,value", "mrr,2026-03,510000", "Margen bruto,2026-02,0.72", "cash_burn.burn_rate,2026-04,300000", "LTV/CAC,2026-03,4"])).toEqual({
    first: "2026-02",
    values: [["mrr", 2, 510000], ["gross_margin", 1, 0.72], ["cash_burn_burn_rate", 3, 300000], ["ltv_cac", 2, 4]],
  });
});

test("wide form: one column per month, as finance exports look; blanks skipped", () => {
  expect(ok(["metric,2026-01,2026-02,2026-03", "mrr,100,,300", "customers,,,7"]).values).toEqual([["mrr", 1, 100], ["mrr", 3, 300], ["customers", 3, 7]]);
});

test("positions 1..months, or calendar months against a given first month", () => {
  expect(ok(["metric,month,value", "mrr,1,5", "mrr,36,6"]).values).toEqual([["mrr", 1, 5], ["mrr", 36, 6]]);
  expect(ok(["metric,month,value", "mrr,2026-03,5"], { months: 36, firstMonth: "2026-01" } as never).values).toEqual([["mrr", 3, 5]]);
});

test("semicolons with decimal commas (Spanish Excel's CSV); the delimiter is read from the header", () => {
  expect(csvDelimiter("metric;2026-01;2026-02")).toBe(";");
  expect(csvDelimiter("metric,month,value")).toBe(",");
  expect(ok(["metric;2026-01", "churn;0,045", "Clientes;1200"], { months: 36 }, ";").values).toEqual([["churn", 1, 0.045], ["customers", 1, 1200]]);
});

test("linked indicators write to their phase metric's row; revenue_growth is MRR growth in both groups", () => {
  expect(ok(["metric,month,value", "competition.churn,1,0.03", "revenue_growth,2,0.2", "team_overload.employee_satisfaction,1,4.6"]).values).toEqual([
    ["churn", 1, 0.03],
    ["mrr_growth", 2, 0.2],
    ["team_satisfaction", 1, 4.6],
  ]);
  expect(errors(["metric,month,value", "churn,1,0.03", "competition.churn,1,0.04"])).toEqual([
    "line 3: competition.churn for month 1 was already given on line 2 (churn and competition.churn are the same row)",
  ]);
});

test("values for computed rows are read (they override the formula)", () => {
  expect(ok(["metric,month,value", "arr,1,7000000", "cash_burn.cash_runway,1,20"]).values).toEqual([["arr", 1, 7e6], ["cash_burn_cash_runway", 1, 20]]);
});

test("every bad row reported with its line; nothing read when any is bad", () => {
  const r = importActuals(
    rows([
      "metric,month,value",
      "mrr,2026-01,100",
      "mrrr,2026-02,100",
      "churn,2026-02,5",
      "cac,2026-02,-10",
      "mrr,2026-13,1",
      "mrr,2026-02,abc",
      "mrr,2026-03,5%",
      "mrr,2026-04,$1000",
      "quality_loss,2026-02,1",
      "revenue,2026-02",
      "mrr,2026-01,200",
    ]),
    { months: 36 },
  );
  expect(r).toEqual({
    ok: false,
    errors: [
      'line 3: unknown metric "mrrr" (did you mean mrr, arr, mrr_growth?)',
      "line 4: churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5.",
      "line 5: cac must be at least 0; got -10.",
      'line 6: month "2026-13" is not YYYY-MM (2026-01) or a month number (1, 2, ...)',
      'line 7: value "abc" is not a number (write fractions as 0.05, not 5%)',
      'line 8: value "5%" has a percent sign: write percentages as fractions (5% is 0.05)',
      'line 9: value "$1000" has a currency symbol or a thousands separator: remove them ($1,234,567.50 is 1234567.5)',
      'line 10: "quality_loss" is a risk group; give one of its indicators as group.indicator, such as cash_burn.burn_rate',
      "line 11: expected 3 fields (metric,month,value); got 2",
      "line 12: mrr for 2026-01 was already given on line 2",
    ],
  });
});

test("a month outside the timeline names the line and the timeline's range", () => {
  expect(errors(["metric,month,value", "mrr,2025-12,1", "mrr,2029-01,1"], { months: 36, firstMonth: "2026-01" })).toEqual([
    "line 2: month 2025-12 is outside the timeline, which runs from 2026-01 to 2028-12 (36 months); give --first-month or --months to move or widen it",
    "line 3: month 2029-01 is outside the timeline, which runs from 2026-01 to 2028-12 (36 months); give --first-month or --months to move or widen it",
  ]);
  expect(errors(["metric,month,value", "mrr,37,1"])).toEqual(["line 2: month 37 is outside the timeline's months 1 to 36"]);
});

test("wide form: a bad cell names its line and month column; a bad month header is refused", () => {
  expect(errors(["metric;2026-01;2026-02", "mrr;1.234,5;2"], { months: 36 }, ";")).toEqual([
    'line 2, column 2026-01: value "1.234,5" has a currency symbol or a thousands separator: remove them ($1,234,567.50 is 1234567.5)',
  ]);
  expect(errors(["metric,Jan,2026-02", "mrr,1,2"])).toEqual(['line 1: column "Jan" is not a month: write YYYY-MM (2026-01) or a month number (1, 2, ...)']);
  expect(errors(["name,value", "mrr,1"])).toEqual([
    'line 1: the header must be metric,month,value (long form), metric followed by one column per month, such as metric,2026-01,2026-02 (wide form), or month followed by one column per metric; got "name,value"',
  ]);
});

test("a selection's cells: numbers as values, Excel dates as month headers, Spanish headers", () => {
  const r = importActuals(
    [
      { line: 1, cells: ["Métrica", 46023, 46054] },
      { line: 2, cells: ["MRR", 1000, null] },
    ],
    { months: 12 },
  );
  expect(r).toEqual({ ok: true, firstMonth: "2026-01", values: [expect.objectContaining({ month: 1, value: 1000 })] });
});

test("the transpose (months as rows, metrics as columns), as a selection may be laid out; messages name sheet rows", () => {
  const r = importActuals(
    [
      { line: 4, cells: ["Month", "MRR", "Churn mensual"] },
      { line: 5, cells: ["2026-01", 100_000, 0.04] },
      { line: 6, cells: ["2026-02", 120_000, null] },
    ],
    { months: 12, rowWord: "row" },
  );
  expect(r.ok && r.values.map((v) => [v.row.key, v.month, v.value, v.line])).toEqual([
    ["mrr", 1, 100_000, 5],
    ["churn", 1, 0.04, 5],
    ["mrr", 2, 120_000, 6],
  ]);
  const bad = importActuals(
    [
      { line: 4, cells: ["mes", "mrr", "nps"] },
      { line: 5, cells: ["enero", 1, 2] },
      { line: 6, cells: ["2026-02", 1, 900] },
    ],
    { months: 12, rowWord: "row" },
  );
  expect(bad).toEqual({
    ok: false,
    errors: ['row 5: month "enero" is not YYYY-MM (2026-01) or a month number (1, 2, ...)', "row 6, column nps: nps must be between -100 and 100; got 900."],
  });
});

test("in Spanish, for the pane in Spanish: the same checks, worded in Spanish, numbers with decimal commas", () => {
  const r = importActuals(
    [
      { line: 3, cells: ["métrica", "mes", "valor"] },
      { line: 4, cells: ["mrrr", "2026-02", 100] },
      { line: 5, cells: ["churn", "2026-02", 5.5] },
      { line: 6, cells: ["nps", "2026-13", 1] },
      { line: 7, cells: ["mrr", "2026-02", "5%"] },
      { line: 8, cells: ["competition.churn", "2026-03", 0.04] },
      { line: 9, cells: ["churn", "2026-03", 0.05] },
      { line: 10, cells: ["mrr", "2027-06", 1] },
      { line: 11, cells: ["mrr", "2025-12", 1] },
    ],
    { months: 12, firstMonth: "2026-01", rowWord: "row", language: "es" },
  );
  expect(r).toEqual({
    ok: false,
    errors: [
      'fila 4: métrica desconocida "mrrr" (¿quisiste decir mrr, arr, mrr_growth?)',
      "fila 5: Churn mensual es un porcentaje que se escribe como fracción: 5,5 % es 0,055; escribe 0,055, no 5,5.",
      'fila 6: el mes "2026-13" no es AAAA-MM (2026-01) ni un número de mes (1, 2, ...)',
      'fila 7: el valor "5%" lleva signo de porcentaje: escribe los porcentajes como fracciones (5 % es 0,05)',
      "fila 9: churn para 2026-03 ya se indicó en la fila 8 (competition.churn y churn son la misma fila)",
      "fila 10: el mes 2027-06 está fuera de la línea de tiempo, que va de 2026-01 a 2026-12 (12 meses); primero añade meses insertando columnas dentro del bloque de meses de la hoja Seguimiento, o deja fuera esos meses",
      "fila 11: el mes 2025-12 está fuera de la línea de tiempo, que va de 2026-01 a 2026-12 (12 meses); deja fuera esos meses, o vuelve a insertar el libro de seguimiento con un primer mes anterior",
    ],
  });
  // A file's lines are "línea"; English stays the default.
  expect(importActuals(rows(["metric,month,value", "mrr,1,abc"]), { months: 12, language: "es" })).toEqual({ ok: false, errors: ['línea 2: el valor "abc" no es un número (escribe las fracciones como 0,05, no 5 %)'] });
  expect(importActuals(rows(["metric,month,value", "mrr,1,abc"]), { months: 12 })).toEqual({ ok: false, errors: ['line 2: value "abc" is not a number (write fractions as 0.05, not 5%)'] });
});

describe("nothing that cannot be written (product.md section 10, last bullet)", () => {
  test("no number that is not finite: 1e309, 400 digits, a month number of 400 digits, Infinity and NaN from a caller", () => {
    const huge = "9".repeat(400);
    expect(errors(["metric,month,value", "mrr,1,1e309", `mrr,2,${huge}`, "mrr,3,-1e309", `mrr,${huge},1`])).toEqual([
      'line 2: value "1e309" is too large for Excel (its largest number is about 1E+308): check it for extra digits',
      `line 3: value "${huge}" is too large for Excel (its largest number is about 1E+308): check it for extra digits`,
      'line 4: value "-1e309" is too large for Excel (its largest number is about 1E+308): check it for extra digits',
      `line 5: month "${huge}" is not YYYY-MM (2026-01) or a month number (1, 2, ...)`,
    ]);
    // A semicolon file's decimal comma: the same rule.
    expect(errors(["metric;month;value", "mrr;1;1e309"], { months: 36 }, ";")).toEqual([
      'line 2: value "1e309" is too large for Excel (its largest number is about 1E+308): check it for extra digits',
    ]);
    const selection = importActuals(
      [
        { line: 1, cells: ["metric", 46023, Infinity, 3e6] },
        { line: 2, cells: ["mrr", Infinity, 1, 1] },
        { line: 3, cells: ["cash_balance", -Infinity, null, null] },
        { line: 4, cells: ["churn", NaN, null, null] },
      ],
      { months: 12, rowWord: "row" },
    );
    expect(selection).toEqual({
      ok: false,
      errors: [
        // Infinity and 3,000,000 are not Excel dates (the last is 9999-12-31, serial 2,958,465).
        'row 1: column "Infinity" is not a month: write YYYY-MM (2026-01) or a month number (1, 2, ...)',
      ],
    });
    const values = importActuals(
      [
        { line: 1, cells: ["metric", 46023] },
        { line: 2, cells: ["mrr", Infinity] },
        { line: 3, cells: ["cash_balance", -Infinity] },
        { line: 4, cells: ["churn", NaN] },
      ],
      { months: 12, rowWord: "row" },
    );
    expect(values).toEqual({
      ok: false,
      errors: [
        'row 2, column 46023: value "Infinity" is too large for Excel (its largest number is about 1E+308): check it for extra digits',
        'row 3, column 46023: value "-Infinity" is too large for Excel (its largest number is about 1E+308): check it for extra digits',
        'row 4, column 46023: value "NaN" is not a number (write fractions as 0.05, not 5%)',
      ],
    });
    expect(importActuals([{ line: 1, cells: ["metric", 3e6] }, { line: 2, cells: ["mrr", 1] }], { months: 12 })).toEqual({
      ok: false,
      errors: ['line 1: column "3000000" is not a month: write YYYY-MM (2026-01) or a month number (1, 2, ...)'],
    });
  });

  test("a count that is not a whole number is refused; in a semicolon file the message explains the decimal comma", () => {
    expect(errors(["metric;2026-01;2026-02", "customers;2,500;3000", "active_users;10;7,5", "team_size;12;13"], { months: 36 }, ";")).toEqual([
      "line 2, column 2026-01: customers is a count: 2.5 is not a whole number; in a semicolon file a comma is the decimal separator (2,500 reads as 2.5): remove thousands separators.",
      "line 3, column 2026-02: active_users is a count: 7.5 is not a whole number; in a semicolon file a comma is the decimal separator (7,5 reads as 7.5): remove thousands separators.",
    ]);
    expect(errors(["metric,month,value", "leads,1,10.5", "team_size,1,20.25", "customers,1,1200"])).toEqual([
      "line 2: leads is a count: 10.5 is not a whole number; enter a whole number.",
      "line 3: team_size is a count: 20.25 is not a whole number; enter a whole number.",
    ]);
    // A selection of the pane in Spanish.
    expect(importActuals([{ line: 1, cells: ["métrica", "mes", "valor"] }, { line: 2, cells: ["Clientes", 1, 2.5] }], { months: 12, rowWord: "row", language: "es" })).toEqual({
      ok: false,
      errors: ["fila 2: Clientes es una cantidad: 2,5 no es un número entero; escribe un número entero."],
    });
    expect(importActuals(rows(["métrica;mes;valor", "Clientes;1;2,500"], ";"), { months: 12, decimalComma: true, language: "es" })).toEqual({
      ok: false,
      errors: ["línea 2: Clientes es una cantidad: 2,5 no es un número entero; en un archivo separado por punto y coma la coma es el separador decimal (2,500 se lee como 2,5): quita los separadores de miles."],
    });
  });

  test("a negative fraction is refused where it cannot happen (churn, error rate, uptime, ...); growth rates and gross margin may be negative", () => {
    expect(
      errors([
        "metric,month,value",
        "churn,1,-0.02",
        "quality_loss.error_rate,1,-0.01",
        "uptime,1,-0.5",
        "competition.market_share,2,-0.1",
        "team_overload.turnover,1,-0.03",
        "mrr_growth,1,-0.1",
        "customer_growth,1,-0.05",
        "gross_margin,1,-0.2",
        "competition.price_premium,1,-0.15",
        "marketing_roi,1,-0.5",
      ]),
    ).toEqual([
      "line 2: churn must be between 0 and 1; got -0.02.",
      "line 3: quality_loss.error_rate must be between 0 and 1; got -0.01.",
      "line 4: uptime must be between 0 and 1; got -0.5.",
      "line 5: competition.market_share must be between 0 and 1; got -0.1.",
      "line 6: team_overload.turnover must be between 0 and 1; got -0.03.",
    ]);
    // -5 for -5% churn is still not a churn: no "enter -0.05".
    expect(errors(["metric,month,value", "churn,1,-5", "mrr_growth,1,-20"])).toEqual([
      "line 2: churn must be between 0 and 1; got -5.",
      "line 3: mrr_growth is a percentage entered as a fraction: -20% is -0.2, so enter -0.2, not -20.",
    ]);
  });
});
