/**
 * The importer reads the rows typed on the Departments and Channels sheets (product.md 13; issue 21
 * items 2 and 3): a department KPI by its id `<function>.<kpi>` and by the seed's words in both
 * languages, a change KPI's measured value, each channel's monthly spend / new customers / new MRR;
 * a KPI the timeline already holds is that Tracking row (typed once); a KPI the sheets compute is
 * refused with what to import instead; the budget takes Tracking's rows only (docs/import.md).
 */
import { TableRow, importActuals, measureNamed } from "../../src/core/importer";
import { DEPARTMENT_KPIS, DEPARTMENT_KPI_NAMES } from "../../src/core/department-kpis";
import { CHANNEL_KPI_IDS } from "../../src/core/department-rows";
import { departmentKpiNamed, otherMeasureNamed, resolve } from "../../src/core/lookup";

const rows = (table: unknown[][]): TableRow[] => table.map((cells, i) => ({ line: i + 1, cells: cells as TableRow["cells"] }));
/** What a label is read as: its row's key, or the refusal. */
const readAs = (label: string, language: "en" | "es" = "en") => {
  const m = measureNamed(label, language);
  return typeof m === "string" ? m : m.kind === "indicator" ? m.qualifiedId : m.id;
};

test("department KPIs by id and by the seed's words (Estrategias de Escalamiento por Función), in English and Spanish", () => {
  // product.md 13: ids `<function>.<kpi>`; the seed's "Win rate: 40%", "Sales cycle: 45 días", ...
  expect(
    [
      "sales.win_rate",
      "Win rate",
      "SALES.WIN_RATE",
      "sales.cycle_days",
      "Sales cycle",
      "product.feature_adoption",
      "Feature adoption",
      "Revenue per rep",
      "Sales team size",
      "Hiring time",
      "Ramp time",
      "Innovation index",
      "Content volume",
      "Response time",
      "Sales team retention",
      "Content ROI",
    ].map((s) => readAs(s)),
  ).toEqual([
    "sales.win_rate",
    "sales.win_rate",
    "sales.win_rate",
    "sales.cycle_days",
    "sales.cycle_days",
    "product.feature_adoption",
    "product.feature_adoption",
    "sales.revenue_per_rep",
    "sales.team_size",
    "sales.hiring_days",
    "sales.ramp_days",
    "product.innovation_index",
    "marketing.content_volume",
    "operations.response_time_ms",
    "sales.retention",
    "marketing.content_roi",
  ]);
});

test("the timeline's own names keep their rows: the seed's 'Team size' and 'Productivity' are the company's (product.md 13: the seed contradicts itself there)", () => {
  expect(["Team size", "Productivity", "ROI"].map((s) => readAs(s))).toEqual(["team_size", "productivity", "marketing_roi"]);
});

test("a KPI the timeline already holds is that Tracking row, typed once (product.md 13: uptime, process_automation)", () => {
  expect(["product.uptime", "operations.uptime", "operations.automation_rate"].map((s) => readAs(s))).toEqual([
    "uptime",
    "uptime",
    "process_automation",
  ]);
  const read = importActuals(rows([["KPI", "2026-01"], ["operations.automation_rate", 0.6]]), { months: 12 });
  expect(read.ok && read.values.map((v) => [v.row.key, v.value])).toEqual([["process_automation", 0.6]]);
});

test("a change KPI's measured value: by its key and by what it measures, in both languages", () => {
  expect(
    ["operations.error_reduction.value", "Errors", "Errores", "Número de errores", "operations.cost_savings.value", "Operating costs", "Costes operativos", "Costos operativos"].map((s) => readAs(s)),
  ).toEqual([
    "operations.error_reduction.value",
    "operations.error_reduction.value",
    "operations.error_reduction.value",
    "operations.error_reduction.value",
    "operations.cost_savings.value",
    "operations.cost_savings.value",
    "operations.cost_savings.value",
    "operations.cost_savings.value",
  ]);
});

test("a change KPI itself is refused: it is computed from its baseline and the measured value, which the message names", () => {
  expect(readAs("Error reduction")).toBe(
    `"Error reduction" (operations.error_reduction) is computed from its baseline and each month's measured value: import the measured value as operations.error_reduction.value ("Errors") and type the baseline on the Departments sheet`,
  );
  expect(readAs("operations.cost_savings", "es")).toBe(
    `"operations.cost_savings" (operations.cost_savings) se calcula a partir de su línea base y del valor medido cada mes: importa el valor medido como operations.cost_savings.value ("Costes operativos") y escribe la línea base en la hoja Áreas`,
  );
});

test("a channel KPI is refused: the Channels sheet computes it from each channel's rows, which the message says to import", () => {
  for (const label of ["marketing.cac_by_channel", "CAC by channel", "marketing.roi_by_channel", "Channel diversity"])
    expect(readAs(label)).toMatch(/is computed on the Channels sheet from each channel's spend, new customers and new MRR: import those rows instead, such as "Paid advertising spend" \(channel\.paid_advertising\.spend\)$/);
  expect(readAs("ROI by channel", "es")).toMatch(/se calcula en la hoja Canales a partir del gasto, los clientes nuevos y el MRR nuevo de cada canal/);
});

test("each channel's month by key and as finance files name it (the seed's five channels, in English and Spanish, and the user's five)", () => {
  const cases: [string, string][] = [
    ["channel.paid_advertising.spend", "channel.paid_advertising.spend"],
    ["Paid advertising spend", "channel.paid_advertising.spend"],
    ["Gasto en publicidad pagada", "channel.paid_advertising.spend"],
    ["Inversión en publicidad", "channel.paid_advertising.spend"],
    ["Content marketing new customers", "channel.content_marketing.customers"],
    ["Clientes nuevos de redes sociales", "channel.social_media.customers"],
    ["Email marketing new MRR", "channel.email_marketing.new_mrr"],
    ["MRR nuevo de email marketing", "channel.email_marketing.new_mrr"],
    ["Partnerships customers", "channel.partnerships.customers"],
    ["New customers from partners", "channel.partnerships.customers"],
    ["Alianzas gasto", "channel.partnerships.spend"],
    ["channel.user3.spend", "channel.user3.spend"],
    ["User channel 3 spend", "channel.user3.spend"],
    ["Gasto canal propio 5", "channel.user5.spend"],
  ];
  expect(cases.map(([label]) => [label, readAs(label)])).toEqual(cases);
});

test("a wide table with department and channel rows: each value under its row's key, on its sheet", () => {
  const read = importActuals(
    rows([
      ["KPI", "Jan 2026", "Feb 2026"],
      ["MRR", 100_000, 110_000],
      ["Win rate", 0.35, 0.38],
      ["Errores", 120, 90],
      ["Paid advertising spend", 5_000, 6_000],
      ["Paid advertising new customers", 50, 40],
    ]),
    { months: 12 },
  );
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  expect(read.values.map((v) => [v.row.key, "sheet" in v.row ? v.row.sheet : "tracking", v.month, v.value])).toEqual([
    ["mrr", "tracking", 1, 100_000],
    ["mrr", "tracking", 2, 110_000],
    ["sales.win_rate", "departments", 1, 0.35],
    ["sales.win_rate", "departments", 2, 0.38],
    ["operations.error_reduction.value", "departments", 1, 120],
    ["operations.error_reduction.value", "departments", 2, 90],
    ["channel.paid_advertising.spend", "channels", 1, 5_000],
    ["channel.paid_advertising.spend", "channels", 2, 6_000],
    ["channel.paid_advertising.customers", "channels", 1, 50],
    ["channel.paid_advertising.customers", "channels", 2, 40],
  ]);
});

test("the values are checked as the timeline's are: 40 for 40%, half a customer, a negative spend; the same row twice", () => {
  const read = importActuals(
    rows([
      ["metric", "month", "value"],
      ["sales.win_rate", "2026-01", 40],
      ["Paid advertising customers", "2026-01", 2.5],
      ["channel.social_media.spend", "2026-01", -5],
      ["Innovation index", "2026-01", 11],
      ["Win rate", "2026-02", 0.3],
      ["sales.win_rate", "2026-02", 0.31],
    ]),
    { months: 12 },
  );
  expect(read.ok ? [] : read.errors).toEqual([
    "line 2: sales.win_rate is a percentage entered as a fraction: 40% is 0.4, so enter 0.4, not 40.",
    "line 3: channel.paid_advertising.customers is a count: 2.5 is not a whole number; enter a whole number.",
    "line 4: channel.social_media.spend must be at least 0; got -5.",
    "line 5: product.innovation_index must be between 0 and 10; got 11.",
    expect.stringMatching(/^line 7: sales\.win_rate .*Feb 2026.*line 6/),
  ]);
});

test("a label close to a department KPI is suggested as it: 'Win rat' (did you mean sales.win_rate ...)", () => {
  expect(readAs("Win rat")).toMatch(/^unknown metric "Win rat" \(did you mean sales\.win_rate/);
});

test("a mapping may name a Departments or Channels row: a user's own channel read as channel.user1.spend", () => {
  const read = importActuals(rows([["KPI", "2026-03"], ["TikTok spend", 800]]), { months: 12, firstMonth: "2026-01", mapping: new Map([["TikTok spend", "channel.user1.spend"]]) });
  expect(read.ok && read.values.map((v) => [v.row.key, v.month, v.value])).toEqual([["channel.user1.spend", 3, 800]]);
});

test("the budget holds Tracking's rows only: a Departments or Channels row there is refused, saying so, never dropped (en, es)", () => {
  const table = rows([["KPI", "2026-01"], ["MRR", 100_000], ["sales.win_rate", 0.4], ["Paid advertising spend", 5_000]]);
  const en = importActuals(table, { months: 12, into: "budget" });
  expect(en.ok ? [] : en.errors).toEqual([
    "line 3, column Jan 2026: sales.win_rate is typed on the Departments sheet; the Budget sheet holds the Tracking sheet's rows only: import it with the actuals, or remove it from the budget",
    "line 4, column Jan 2026: channel.paid_advertising.spend is typed on the Channels sheet; the Budget sheet holds the Tracking sheet's rows only: import it with the actuals, or remove it from the budget",
  ]);
  const es = importActuals(table, { months: 12, into: "budget", language: "es" });
  expect(es.ok ? [] : es.errors[0]).toBe(
    "línea 3, columna ene 2026: sales.win_rate se escribe en la hoja Áreas; la hoja Presupuesto tiene solo las filas de la hoja Seguimiento: impórtalo con los datos reales, o quítalo del presupuesto",
  );
  // The same table as actuals is read whole.
  expect(importActuals(table, { months: 12 }).ok).toBe(true);
});

test("a channel the user named on the Channels sheet is read by that name and a measure's words, in either order (product.md 13: five of the user's)", () => {
  const read = importActuals(
    rows([
      ["KPI", "2026-01"],
      ["TikTok spend", 800],
      ["Clientes nuevos de TikTok", 12],
      ["Webinars new MRR", 900],
      ["Paid advertising spend", 5_000],
    ]),
    { months: 12, channelNames: new Map([["user1", "TikTok"], ["user4", "Webinars"]]) },
  );
  expect(read.ok && read.values.map((v) => [v.row.key, v.row.measure.name.en, v.value])).toEqual([
    ["channel.user1.spend", "TikTok spend", 800],
    ["channel.user1.customers", "TikTok new customers", 12],
    ["channel.user4.new_mrr", "Webinars new MRR", 900],
    ["channel.paid_advertising.spend", "Paid advertising spend", 5_000],
  ]);
  // Without the sheet's names, "TikTok spend" is unknown: the pane's choice or --map reads it.
  expect(importActuals(rows([["KPI", "2026-01"], ["TikTok spend", 800]]), { months: 12 }).ok).toBe(false);
});

test("the Departments sheet's own row labels read back as their rows: a change KPI's measured value, a per-year KPI's monthly count (en, es)", () => {
  expect(
    ["Error reduction: measured value", "Cost savings: valor medido", "New features: count this month", "Patents: cantidad del mes"].map((s) => readAs(s)),
  ).toEqual(["operations.error_reduction.value", "operations.cost_savings.value", "product.new_features", "product.patents"]);
});

test("every spelling SCALE.RISK, GAP and TARGET take for a typed KPI (its id, its last part, its names) the importer reads as that KPI's row", () => {
  const typed = DEPARTMENT_KPIS.filter((k) => k.link === undefined && k.change === undefined && !CHANNEL_KPI_IDS.includes(k.id));
  const checked = typed.flatMap((k) =>
    [k.id, k.id.split(".")[1], ...(DEPARTMENT_KPI_NAMES[k.id] ?? [])]
      // A spelling the timeline already has keeps its row in both (lookup.ts).
      .filter((s) => departmentKpiNamed(s)?.id === k.id && resolve(s).kind === "unknown" && otherMeasureNamed(s) === undefined)
      .map((s) => [s, readAs(s)]),
  );
  expect(checked.length).toBeGreaterThan(typed.length * 2);
  expect(checked.filter(([s, id]) => id !== departmentKpiNamed(s)!.id)).toEqual([]);
  expect(readAs("win_rate")).toBe("sales.win_rate");
});
