/** The importer of product.md section 7: long and wide forms, months, decimal commas, and every bad row reported. */
import { importActuals, csvDelimiter, TableRow } from "../../src/core/importer";

const rows = (lines: string[], sep = ","): TableRow[] => lines.map((l, i) => ({ line: i + 1, cells: l.split(sep) }));
const ok = (lines: string[], options = { months: 36 }, sep = ",") => {
  const r = importActuals(rows(lines, sep), { ...options, decimalComma: sep === ";" });
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return { first: r.firstMonth, values: r.values.map((v) => [v.row.key, v.month, v.value]) };
};
/** A refusal: its errors (skipped rows and unknown labels aside). */
const refused = (errors: string[]) => expect.objectContaining({ ok: false, errors });
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
  expect(r).toEqual(refused([
      'line 3: unknown metric "mrrr" (did you mean mrr, arr, mrr_growth?); give --map "mrrr=ID" with the id of the measure it is, or remove the row',
      "line 4: churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5.",
      "line 5: cac must be at least 0; got -10.",
      'line 6: month "2026-13" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)',
      'line 7: value "abc" is not a number (write fractions as 0.05, not 5%)',
      'line 8: value "5%" has a percent sign: write percentages as fractions (5% is 0.05)',
      'line 9: value "$1000" has a currency symbol or a thousands separator: remove them ($1,234,567.50 is 1234567.5)',
      'line 10: "quality_loss" is a risk group; give one of its indicators as group.indicator, such as cash_burn.burn_rate',
      "line 11: expected 3 fields (metric,month,value); got 2",
      "line 12: mrr for Jan 2026 was already given on line 2",
    ]));
});

test("a month outside the timeline names the line and the timeline's range", () => {
  expect(errors(["metric,month,value", "mrr,2025-12,1", "mrr,2029-01,1"], { months: 36, firstMonth: "2026-01" })).toEqual([
    "line 2: month Dec 2025 is outside the timeline, which runs from Jan 2026 to Dec 2028 (36 months); give --first-month or --months to move or widen it",
    "line 3: month Jan 2029 is outside the timeline, which runs from Jan 2026 to Dec 2028 (36 months); give --first-month or --months to move or widen it",
  ]);
  expect(errors(["metric,month,value", "mrr,37,1"])).toEqual(["line 2: month 37 is outside the timeline's months 1 to 36"]);
});

test("wide form: a bad cell names its line and month column; a bad month header is refused", () => {
  expect(errors(["metric;2026-01;2026-02", "mrr;1.234,5;2"], { months: 36 }, ";")).toEqual([
    'line 2, column Jan 2026: value "1.234,5" has a currency symbol or a thousands separator: remove them ($1,234,567.50 is 1234567.5)',
  ]);
  expect(errors(["metric,Jan,2026-02", "mrr,1,2"])).toEqual(['line 1: column "Jan" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)']);
  expect(errors(["name,value", "mrr,1"])).toEqual([
    'line 1: the header must be metric,month,value (long form), a label or nothing followed by one column per month, such as metric,2026-01,2026-02 or KPI,Jan 2026,Feb 2026 (wide form; title rows above it are skipped), or month followed by one column per metric; got "name,value"',
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
  expect(r).toEqual({ ok: true, firstMonth: "2026-01", values: [expect.objectContaining({ month: 1, value: 1000 })], skipped: [], warnings: [] });
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
  expect(bad).toEqual(refused(['row 5: month "enero" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)', "row 6, column nps: nps must be between -100 and 100; got 900."]));
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
  expect(r).toEqual(refused([
      'fila 4: métrica desconocida "mrrr" (¿quisiste decir mrr, arr, mrr_growth?); elige la medida que es, o deja la fila fuera de la selección',
      "fila 5: Churn mensual es un porcentaje que se escribe como fracción: 5,5 % es 0,055; escribe 0,055, no 5,5.",
      'fila 6: el mes "2026-13" no es un mes: escríbelo como 2026-01, ene 2026 o 01/2026, o como un número de mes (1, 2, ...)',
      'fila 7: el valor "5%" lleva signo de porcentaje: escribe los porcentajes como fracciones (5 % es 0,05)',
      "fila 9: churn para mar 2026 ya se indicó en la fila 8 (competition.churn y churn son la misma fila)",
      "fila 10: el mes jun 2027 está fuera de la línea de tiempo, que va de ene 2026 a dic 2026 (12 meses); primero añade meses insertando columnas dentro del bloque de meses de la hoja Seguimiento, o deja fuera esos meses",
      "fila 11: el mes dic 2025 está fuera de la línea de tiempo, que va de ene 2026 a dic 2026 (12 meses); deja fuera esos meses, o reconstruye el libro de seguimiento con un primer mes anterior (Reconstruir, en la pestaña Insertar)",
    ]));
  // A file's lines are "línea"; English stays the default.
  expect(importActuals(rows(["metric,month,value", "mrr,1,abc"]), { months: 12, language: "es" })).toEqual(refused(['línea 2: el valor "abc" no es un número (escribe las fracciones como 0,05, no 5 %)']));
  expect(importActuals(rows(["metric,month,value", "mrr,1,abc"]), { months: 12 })).toEqual(refused(['line 2: value "abc" is not a number (write fractions as 0.05, not 5%)']));
});

describe("nothing that cannot be written (product.md section 10, last bullet)", () => {
  test("no number that is not finite: 1e309, 400 digits, a month number of 400 digits, Infinity and NaN from a caller", () => {
    const huge = "9".repeat(400);
    expect(errors(["metric,month,value", "mrr,1,1e309", `mrr,2,${huge}`, "mrr,3,-1e309", `mrr,${huge},1`])).toEqual([
      'line 2: value "1e309" is too large for Excel (its largest number is about 1E+308): check it for extra digits',
      `line 3: value "${huge}" is too large for Excel (its largest number is about 1E+308): check it for extra digits`,
      'line 4: value "-1e309" is too large for Excel (its largest number is about 1E+308): check it for extra digits',
      `line 5: month "${huge}" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)`,
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
    expect(selection).toEqual(refused([
        // Infinity and 3,000,000 are not Excel dates (the last is 9999-12-31, serial 2,958,465).
        'row 1: column "Infinity" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)',
      ]));
    const values = importActuals(
      [
        { line: 1, cells: ["metric", 46023] },
        { line: 2, cells: ["mrr", Infinity] },
        { line: 3, cells: ["cash_balance", -Infinity] },
        { line: 4, cells: ["churn", NaN] },
      ],
      { months: 12, rowWord: "row" },
    );
    expect(values).toEqual(refused([
        'row 2, column Jan 2026: value "Infinity" is too large for Excel (its largest number is about 1E+308): check it for extra digits',
        'row 3, column Jan 2026: value "-Infinity" is too large for Excel (its largest number is about 1E+308): check it for extra digits',
        'row 4, column Jan 2026: value "NaN" is not a number (write fractions as 0.05, not 5%)',
      ]));
    expect(importActuals([{ line: 1, cells: ["metric", 3e6] }, { line: 2, cells: ["mrr", 1] }], { months: 12 })).toEqual(refused(['line 1: column "3000000" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)']));
  });

  test("a count that is not a whole number is refused; in a semicolon file the message explains the decimal comma", () => {
    expect(errors(["metric;2026-01;2026-02", "customers;2,500;3000", "active_users;10;7,5", "team_size;12;13"], { months: 36 }, ";")).toEqual([
      "line 2, column Jan 2026: customers is a count: 2.5 is not a whole number; in a semicolon file a comma is the decimal separator (2,500 reads as 2.5): remove thousands separators.",
      "line 3, column Feb 2026: active_users is a count: 7.5 is not a whole number; in a semicolon file a comma is the decimal separator (7,5 reads as 7.5): remove thousands separators.",
    ]);
    expect(errors(["metric,month,value", "leads,1,10.5", "team_size,1,20.25", "customers,1,1200"])).toEqual([
      "line 2: leads is a count: 10.5 is not a whole number; enter a whole number.",
      "line 3: team_size is a count: 20.25 is not a whole number; enter a whole number.",
    ]);
    // A selection of the pane in Spanish.
    expect(importActuals([{ line: 1, cells: ["métrica", "mes", "valor"] }, { line: 2, cells: ["Clientes", 1, 2.5] }], { months: 12, rowWord: "row", language: "es" })).toEqual(refused(["fila 2: Clientes es una cantidad: 2,5 no es un número entero; escribe un número entero."]));
    expect(importActuals(rows(["métrica;mes;valor", "Clientes;1;2,500"], ";"), { months: 12, decimalComma: true, language: "es" })).toEqual(refused(["línea 2: Clientes es una cantidad: 2,5 no es un número entero; en un archivo separado por punto y coma la coma es el separador decimal (2,500 se lee como 2,5): quita los separadores de miles."]));
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

describe("finance layouts as they come (product.md 11, fourth bullet)", () => {
  const months12 = ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026"];
  const FINANCE = [
    "Acme Inc. — KPIs FY2026,,,,,,,,,,,,",
    ",,,,,,,,,,,,",
    `KPI,${months12.join(",")}`,
    "MRR,100000,110000,120000,130000,140000,150000,160000,170000,180000,190000,200000,210000",
    "Ventas recurrentes,1200000,,,,,,,,,,,",
    ",,,,,,,,,,,,",
    "Clientes,50,55,60,65,70,75,80,85,90,95,100,105",
    "Total,100050,110055,120060,130065,140070,150075,160080,170085,180090,190095,200100,210105",
  ];

  test("a finance-shaped CSV: title row, empty rows, a KPI corner, Jan 2026..Dec 2026, a Total row, one unknown label mapped", () => {
    const r = importActuals(rows(FINANCE), { months: 36, mapping: new Map([["Ventas recurrentes", "arr"]]) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.firstMonth).toBe("2026-01");
    const values = r.values.map((v) => [v.row.key, v.month, v.value]);
    expect(values.filter(([key]) => key === "mrr")).toEqual(months12.map((_, i) => ["mrr", i + 1, 100000 + 10000 * i]));
    expect(values.filter(([key]) => key === "customers")).toHaveLength(12);
    expect(values.filter(([key]) => key === "arr")).toEqual([["arr", 1, 1200000]]);
    expect(values).toHaveLength(25);
    expect(r.skipped.map((s) => [s.line, s.what, s.message])).toEqual([
      [1, "title", 'line 1: skipped (above the header): "Acme Inc. — KPIs FY2026"'],
      [8, "totalRow", 'line 8: skipped (a total row): "Total"'],
    ]);
  });

  test("without the mapping the unknown label blocks the import, listed with its closest measures and how to map it", () => {
    const r = importActuals(rows(FINANCE), { months: 36 });
    expect(r).toEqual({
      ok: false,
      errors: ['line 5: unknown metric "Ventas recurrentes" (did you mean arr, mrr, customers?); give --map "Ventas recurrentes=ID" with the id of the measure it is, or remove the row'],
      skipped: [expect.objectContaining({ line: 1 }), expect.objectContaining({ line: 8 })],
      unknown: [{ label: "Ventas recurrentes", lines: [5], suggestions: ["arr", "mrr", "customers"] }],
    });
    // The pane's wording: a choice, not an option.
    const pane = importActuals(rows(FINANCE), { months: 36, rowWord: "row" });
    expect(!pane.ok && pane.errors).toEqual(['row 5: unknown metric "Ventas recurrentes" (did you mean arr, mrr, customers?); choose the measure it is, or leave the row out of the selection']);
  });

  test("a mapping: by any id, alias or name; labels matched ignoring case and spaces; a mapped label wins over the lookup; an unknown id is named", () => {
    const table = ["metric,2026-01", "Ventas  Recurrentes,100", "Revenue,5"];
    const read = (mapping: [string, string][]) => importActuals(rows(table), { months: 12, mapping: new Map(mapping) });
    const r = read([["ventas recurrentes", "MRR / Revenue mensual"], ["Revenue", "cash_burn.funding"]]);
    expect(r.ok && r.values.map((v) => [v.row.key, v.value])).toEqual([["mrr", 100], ["cash_burn_funding", 5]]);
    expect(read([["Ventas recurrentes", "mrrr"]])).toEqual(
      refused([
        'the mapping of "Ventas recurrentes": unknown metric "mrrr" (did you mean mrr, arr, mrr_growth?)',
        'line 2: unknown metric "Ventas  Recurrentes" (did you mean arr, mrr, customers?); give --map "Ventas  Recurrentes=ID" with the id of the measure it is, or remove the row',
      ]),
    );
    expect(read([["Ventas recurrentes", "cash_burn"]])).toEqual(
      refused([expect.stringMatching(/^the mapping of "Ventas recurrentes": "cash_burn" is a risk group/), expect.stringContaining("line 2: unknown metric")]),
    );
  });

  test.each(["", "KPI", "kpi", "Metric", "Métrica", "Indicador", "Indicadores", "Concepto", "Acme KPIs (USD)"])("the corner cell %j above the labels", (corner) => {
    const r = importActuals(rows([`${corner},Jan 2026,Feb 2026`, "mrr,1,2"]), { months: 12 });
    expect(r.ok && r.values.map((v) => [v.row.key, v.month, v.value])).toEqual([["mrr", 1, 1], ["mrr", 2, 2]]);
  });

  test.each([
    ["2027/1", "2027-01"],
    ["2027-01-31", "2027-01"],
    ["01/2027", "2027-01"],
    ["1-2027", "2027-01"],
    ["Jan 2027", "2027-01"],
    ["JANUARY 2027", "2027-01"],
    ["Jan-27", "2027-01"],
    ["Jan '27", "2027-01"],
    ["ene-25", "2025-01"],
    ["ene 2025", "2025-01"],
    ["enero 2025", "2025-01"],
    ["enero de 2025", "2025-01"],
    ["Sep-26", "2026-09"],
    ["sept 2026", "2026-09"],
    ["sept. 2026", "2026-09"],
    ["septiembre 2026", "2026-09"],
    ["dic-30", "1930-12"],
    ["2026 Mar", "2026-03"],
    ["1/31/2026", "2026-01"],
    ["31/01/2026", "2026-01"],
    ["2/1/2026", "2026-02"],
    ["01/02/2026", "2026-02"],
    ["3/31/2026 0:00", "2026-03"],
    ["2026-03-01T00:00:00", "2026-03"],
  ])("the month header %j is %s", (header, month) => {
    const r = importActuals(rows([`metric,${header}`, "mrr,1"]), { months: 12 });
    expect(r.ok && r.firstMonth).toBe(month);
  });

  test.each([["3/4/2026"], ["Jan"], ["Q1 2026"], ["13/2026"], ["2026-02-30"]])("%j is no month: refused, the column named, with the ways to write one", (header) => {
    expect(errors([`metric,${header}`, "mrr,1"], { months: 12, firstMonth: "2026-01" })).toEqual([
      `line 1: column "${header}" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)`,
    ]);
  });

  test("text months in the long form and in a selection's month column too", () => {
    expect(ok(["metric,month,value", "mrr,ene-26,5", "mrr,Feb 2026,6"]).values).toEqual([["mrr", 1, 5], ["mrr", 2, 6]]);
    const r = importActuals([{ line: 1, cells: ["Mes", "MRR"] }, { line: 2, cells: ["enero 2026", 5] }, { line: 3, cells: ["Total", 5] }], { months: 12, rowWord: "row" });
    expect(r.ok && [r.values.map((v) => [v.row.key, v.month]), r.skipped.map((s) => s.message)]).toEqual([[["mrr", 1]], ['row 3: skipped (a total row): "Total"']]);
  });

  test("a selection: a title row, a blank corner, Excel dates (first or last of the month) as headers; messages name months, never serials", () => {
    // 46023 = 2026-01-01, 46053 = 2026-01-31, 46054 = 2026-02-01.
    const selection = (headers: number[]) => [
      { line: 3, cells: ["Acme Inc. — KPIs FY2026", null, null] },
      { line: 4, cells: [null, ...headers] },
      { line: 5, cells: ["MRR", 1000, "abc"] },
    ];
    for (const headers of [[46023, 46054], [46053, 46081]])
      expect(importActuals(selection(headers), { months: 12, rowWord: "row" })).toEqual(
        refused(['row 5, column Feb 2026: value "abc" is not a number (write fractions as 0.05, not 5%)']),
      );
    expect(importActuals(selection([46023, 46054]), { months: 12, rowWord: "row", language: "es" })).toEqual(
      refused(['fila 5, columna feb 2026: el valor "abc" no es un número (escribe las fracciones como 0,05, no 5 %)']),
    );
    // A row of amounts is not taken for a header: 46037 is no first or last of a month.
    expect(importActuals([{ line: 1, cells: ["Ventas", 46037, 46100] }, { line: 2, cells: ["MRR", 1, 2] }], { months: 12, rowWord: "row" })).toEqual(
      refused([expect.stringMatching(/^row 1: the header must be/)]),
    );
  });

  test("Total, Subtotal and Total general rows (any case), and Total columns: skipped and listed, never read as a measure", () => {
    const r = importActuals(rows(["metric,2026-01,2026-02,TOTAL", "mrr,1,2,3", "total,9,9,", "SUBTOTAL,9,9,", "Total General,9,9,", "Sub-total,9,9,", "Grand total,9,9,"]), { months: 12 });
    expect(r.ok && r.values.map((v) => [v.row.key, v.month, v.value])).toEqual([["mrr", 1, 1], ["mrr", 2, 2]]);
    expect(r.skipped.map((s) => s.message)).toEqual([
      "line 1, column TOTAL: skipped (a total column)",
      'line 3: skipped (a total row): "total"',
      'line 4: skipped (a total row): "SUBTOTAL"',
      'line 5: skipped (a total row): "Total General"',
      'line 6: skipped (a total row): "Sub-total"',
      'line 7: skipped (a total row): "Grand total"',
    ]);
    // "Total customers" is a name of customers, not a total.
    expect(ok(["metric,2026-01", "Total customers,5"]).values).toEqual([["customers", 1, 5]]);
  });

  test("a row of values without a label (an unlabelled sum) is refused, saying what to write", () => {
    expect(errors(["KPI,Jan 2026", "mrr,5", ",5"])).toEqual(["line 3: this row has values but no label in its first cell: write the measure it is there, or remove the row"]);
    const r = importActuals([{ line: 1, cells: ["KPI", "Jan 2026"] }, { line: 2, cells: [null, 5] }], { months: 12, rowWord: "row", language: "es" });
    expect(r).toEqual({ ok: false, errors: ["fila 2: esta fila tiene valores pero ninguna etiqueta en su primera celda: escribe ahí la medida que es, o quita la fila"], skipped: [], unknown: [] });
  });

  test("a header found nowhere: the row that looks most like one names its first cell that is not a month", () => {
    expect(errors(["Acme,,", ",Jan 2026,FY 2026", "mrr,1,2"])).toEqual(['line 2: column "FY 2026" is not a month: write it as 2026-01, Jan 2026 or 01/2026, or as a month number (1, 2, ...)']);
  });

  test("the months messages name are months, in the surface's language", () => {
    expect(errors(["KPI,Jan 2026,Feb 2026", "mrr,1,x"], { months: 12 })).toEqual(['line 2, column Feb 2026: value "x" is not a number (write fractions as 0.05, not 5%)']);
    const es = importActuals(rows(["Métrica,ene 2026,feb 2026", "mrr,1,2", "MRR,3,"]), { months: 12, language: "es" });
    expect(!es.ok && es.errors).toEqual(["línea 3, columna ene 2026: mrr para ene 2026 ya se indicó en la línea 2"]);
  });
});

describe("unusual values are warned about, not refused (product.md 11, fifth bullet)", () => {
  test("a CAC typed in thousands among dollars: imported, with a warning naming measure, month, value and neighbours", () => {
    const r = importActuals(rows(["metric,Jan 2026,Feb 2026,Mar 2026,Apr 2026", "cac,95,92000,90,0.088", "mrr,100,1000,10000,100000"]), { months: 12 });
    expect(r.ok && r.values.find((v) => v.row.key === "cac" && v.month === 2)?.value).toBe(92000);
    expect(r.ok && r.warnings.map((w) => [w.row.key, w.month, w.value, w.size, w.message])).toEqual([
      ["cac", 2, 92000, "large", "line 2, column Feb 2026: cac for Feb 2026 is 92000, at least 10 times both its neighbours (Jan 2026: 95; Mar 2026: 90): check it is in the same unit as they are (not thousands, cents or a percentage)"],
    ]);
  });

  test("judged with the values already in the timeline (the pane's preview), only the imported ones warned about; in Spanish", () => {
    const existing = new Map([["cac", [95, null, "", 90, 0.09]]]);
    const r = importActuals(rows(["metric,month,value", "cac,2026-03,9000", "cac,2026-05,91"]), { months: 12, firstMonth: "2026-01", existing, language: "es", rowWord: "row" });
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([
      "fila 2: CAC en mar 2026 es 9000, al menos 10 veces cada uno de sus vecinos (ene 2026: 95; abr 2026: 90): comprueba que está en la misma unidad que ellos (no en miles, céntimos ni porcentaje)",
    ]);
  });
});
