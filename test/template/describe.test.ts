/** The workbook description (product.md 6): sheets, names, formulas and rules, before any writer. */
import { CASH_BALANCE, CONTEXT_THRESHOLDS, LINKED_INDICATORS, OTHER_MEASURES, PHASE_METRICS, RISK_GROUPS, RISK_INDICATORS, SAAS_MEASURES } from "../../src/core/catalog";
import { DERIVATIONS, TIMELINE_ROWS } from "../../src/core/timeline";
import { PHASE_PLANS } from "../../src/core/plan";
import { DEPARTMENT_KPIS } from "../../src/core/department-kpis";
import { CHANNEL_INPUT_ROWS, CHANNEL_KPI_IDS, DEPARTMENT_INPUT_ROWS, USER_CHANNELS } from "../../src/core/department-rows";
import { DASHBOARD, MONTHS, NAMES, PLAN, RULE_MARKER, TEMPLATE_LABELS, THRESHOLDS, TRACKING, TRACKING_COLUMNS, VARIANCE_ROWS, absolute, cellPosition, columnLetter, columnPixels, columnsPixels, describeWorkbook, frozenPixels, monthColumn, ruleFormulaProblems, trackingRow } from "../../src/core/template";
import { TOOL_GROUPS, TOOL_IMPACTS } from "../../src/core/tools";

const en = describeWorkbook({ language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" });
const es = describeWorkbook({ language: "es", company: "Acme", currency: "EUR", firstMonth: "2026-11", months: 48 });
const formulas = (spec = en) => [...spec.sheets.flatMap((s) => s.cells.flatMap((c) => (c.formula ? [c.formula] : []))), ...spec.rules.map((r) => r.formula)];
const sheet = (key: string, spec = en) => spec.sheets.find((s) => s.key === key)!;
const at = (key: string, ref: string, spec = en) => sheet(key, spec).cells.find((c) => c.ref === ref);
/** Month t's column letter on the Tracking sheet. */
const month = (t: number) => columnLetter(monthColumn(t));

test("sheets: dashboard, board, tracking, budget, departments, channels, the four plan sheets, thresholds, risks, tools, in English and Spanish (product.md 13)", () => {
  expect(en.sheets.map((s) => s.name)).toEqual(["Scale Dashboard", "Board", "Tracking", "Budget", "Departments", "Channels", "Phase 1", "Phase 2", "Phase 3", "Phase 4", "Thresholds", "Risks", "Tools"]);
  expect(es.sheets.map((s) => s.name)).toEqual(["Panel de escalamiento", "Resumen", "Seguimiento", "Presupuesto", "Áreas", "Canales", "Fase 1", "Fase 2", "Fase 3", "Fase 4", "Umbrales", "Riesgos", "Herramientas"]);
});

test("one column per month: real dates from the first month, 36 by default, `months` from 12 to 120", () => {
  const header = (spec: typeof en) => sheet("tracking", spec).cells.filter((c) => cellPosition(c.ref).row === TRACKING.headerRow && cellPosition(c.ref).col >= TRACKING_COLUMNS.firstMonth);
  expect(header(en)).toHaveLength(MONTHS.default);
  expect(header(es)).toHaveLength(48);
  // Excel's serial of 2026-01-01 and 2026-11-01, shown as "mmm yyyy" in the workbook's language; later months count from it.
  expect([header(en)[0].value, header(es)[0].value]).toEqual([46023, 46327]);
  expect(header(en).slice(1).every((c) => c.value === undefined && c.formula?.startsWith(`DATE(YEAR(${absolute(monthColumn(1), TRACKING.headerRow)}),MONTH(${absolute(monthColumn(1), TRACKING.headerRow)})+`))).toBe(true);
  expect([header(en)[0].numberFormat, header(es)[0].numberFormat]).toEqual(["[$-409]mmm yyyy", "[$-C0A]mmm yyyy"]);
  expect(() => describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", months: 11 })).toThrow('months must be a whole number from 12 to 120; got "11"');
  expect(() => describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", months: 121 })).toThrow(RangeError);
});

test("every phase metric once, the risk indicators that are not a metric's row, the cash balance and the SaaS measures", () => {
  const ids = sheet("tracking").cells.filter((c) => cellPosition(c.ref).col === TRACKING_COLUMNS.id && TRACKING.measures.has(String(c.value).replace(".", "_"))).map((c) => c.value);
  expect(TIMELINE_ROWS).toHaveLength(PHASE_METRICS.length + RISK_INDICATORS.length - LINKED_INDICATORS.size + OTHER_MEASURES.length);
  expect(ids).toContain("mrr");
  expect(ids).toContain(CASH_BALANCE.id);
  // product.md 12: the four movements, the retention rows and the efficiency rows, each once.
  for (const id of ["new_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr", "net_new_mrr", "mrr_reconciliation", "revenue_churn", "nrr", "nrr_12m", "grr_12m", "quick_ratio", "cac_payback", "burn_multiple", "arr_growth_yoy", "profit_margin", "rule_of_40"])
    expect([id, ids.filter((x) => x === id).length]).toEqual([id, 1]);
  expect(SAAS_MEASURES).toHaveLength(16);
  expect(ids).toContain("cash_burn.cash_runway");
  expect(ids).not.toContain("competition.churn");
});

test("derived rows hold a formula in every month cell; input rows are empty until typed", () => {
  const tracking = sheet("tracking");
  const rowCells = (key: string) => tracking.cells.filter((c) => cellPosition(c.ref).row === trackingRow(key) && cellPosition(c.ref).col >= TRACKING_COLUMNS.firstMonth);
  for (const key of ["arr", "mrr_growth", "customer_growth", "revenue_per_employee", "ltv_cac", "cash_burn_cash_runway", "team_overload_turnover"]) {
    const cells = rowCells(key);
    expect([key, cells.length, cells.every((c) => c.formula !== undefined && c.style === "computed")]).toEqual([key, 36, true]);
  }
  // A growth rate reads the month before through the two-cell range from it to its own month; month 1 has none.
  const mrr = trackingRow("mrr");
  const [first, second] = [`${month(1)}${mrr}`, `${month(2)}${mrr}`];
  const before = `INDEX(${first}:${second},1,COLUMNS(${first}:${second})-1)`;
  expect(rowCells("mrr_growth")[0].formula).toBe('""');
  expect(rowCells("mrr_growth")[1].formula).toBe(`IF(AND(ISNUMBER(${second}),ISNUMBER(${before})),IF(${before}>0,${second}/${before}-1,""),"")`);
  expect(rowCells("mrr").every((c) => c.formula === undefined && c.value === undefined && c.style === "input")).toBe(true);
});

test("a typed value replaces a derived cell's formula for that month only, and lands on a linked indicator's metric row", () => {
  const spec = describeWorkbook({ language: "en", company: "A", currency: "EUR", firstMonth: "2026-01", months: 12, actuals: [{ key: "arr", month: 3, value: 7e6 }, { key: "churn", month: 2, value: 0.03 }] });
  const arr = (t: number) => at("tracking", `${month(t)}${trackingRow("arr")}`, spec)!;
  expect([arr(3).value, arr(3).formula, arr(3).style]).toEqual([7e6, undefined, "input"]);
  expect(arr(4).formula).toMatch(/^IF\(ISNUMBER/);
  expect(at("tracking", `${month(2)}${trackingRow("churn")}`, spec)!.value).toBe(0.03);
  expect(arr(3).numberFormat).toBe('[$-409]"€"#,##0');
});

test("names of product.md 6.6, the same in both languages; a linked indicator's name is its metric's row", () => {
  const names = new Map(en.names.map((n) => [n.name, n]));
  const wanted = [
    NAMES.months,
    ...TIMELINE_ROWS.map((r) => NAMES.tracking(r.key)),
    ...[...LINKED_INDICATORS.keys()].map((q) => NAMES.tracking(q.replace(".", "_"))),
    ...Object.values(NAMES.phaseRow),
    ...RISK_GROUPS.map((g) => NAMES.trackingRisk(g.id)),
    // product.md 12, "Budget": a Budget_ name per timeline row.
    ...TIMELINE_ROWS.map((r) => NAMES.budget(r.key)),
    NAMES.reportingMonth, NAMES.minShare, NAMES.startMonth, NAMES.phase, NAMES.expected, NAMES.targetPhase,
    ...[1, 2, 3, 4].map((n) => `Score_P${n}`),
    ...PHASE_METRICS.flatMap((m) => [NAMES.current(m.id), NAMES.flag(m.id), NAMES.gap(m.id)]),
    ...["mrr", "arr", "revenue_per_employee", "customers", "active_users", "leads", "team_size"].map(NAMES.eta),
    ...RISK_GROUPS.map((g) => NAMES.riskFlag(g.id)),
    ...PHASE_METRICS.map((m) => NAMES.target(m.id)), "Floor_gross_margin",
    ...RISK_INDICATORS.map((i) => NAMES.riskThreshold(i.qualifiedId)),
    ...CONTEXT_THRESHOLDS.map((c) => NAMES.contextThreshold(c.id)),
    ...[1, 2, 3, 4].map((n) => `Plan_P${n}`),
    // product.md 12, "Budget": a Variance_ name per phase metric and section-12 measure (not the reconciliation, a check), and the board's burn and runway.
    ...[...PHASE_METRICS, ...SAAS_MEASURES.filter((m) => m.id !== "mrr_reconciliation")].map((m) => NAMES.variance(m.id)),
    NAMES.variance("cash_burn_burn_rate"), NAMES.variance("cash_burn_cash_runway"),
    // product.md 12, "Board page": the page the board command prints.
    NAMES.board,
    // product.md 13, "Department KPIs": each typed row's months, each change KPI's baseline, each KPI's flag, each function's level.
    ...DEPARTMENT_INPUT_ROWS.map((r) => NAMES.department(r.key)),
    ...DEPARTMENT_KPIS.filter((k) => k.change).map((k) => NAMES.departmentBaseline(k.id)),
    ...DEPARTMENT_KPIS.map((k) => NAMES.departmentFlag(k.id)),
    // Each KPI's editable target, so a rebuild carries an edit (product.md 11); a channel KPI's is the Channels sheet's.
    ...DEPARTMENT_KPIS.filter((k) => !CHANNEL_KPI_IDS.includes(k.id)).map((k) => NAMES.departmentTarget(k.id)),
    ...CHANNEL_KPI_IDS.map(NAMES.channelTarget),
    ...["product", "marketing", "sales", "operations"].map(NAMES.departmentLevel),
    // product.md 13, "Channels": each channel's three typed rows, the names of the user's five, the month rows the Departments sheet reads.
    ...CHANNEL_INPUT_ROWS.map((r) => NAMES.channel(r.key)),
    ...USER_CHANNELS.map(NAMES.channelName),
    NAMES.channelDiversity, NAMES.channelWorstCac, NAMES.channelWorstRoi,
    // Each sheet's month block, where a rebuild reads numbers typed over the computed rows (product.md 11).
    NAMES.departmentMonthBlock, NAMES.channelMonthBlock,
    // product.md 13, "Tools": each category's five inputs, each judged figure's baseline, current value and target (not a vendor's claim), the total monthly cost.
    ...TOOL_GROUPS.flatMap((g) => g.categories).flatMap((c) => ["InUse", "Owner", "MonthlyCost", "Renewal", "Status"].map((f) => NAMES.tool(c.id, f))),
    ...TOOL_IMPACTS.filter((i) => !i.claim).flatMap((i) => [NAMES.toolImpact(i.id, "Baseline"), NAMES.toolImpact(i.id, "Current"), NAMES.toolImpact(i.id, "Target")]),
    NAMES.toolsMonthlyCost,
  ];
  expect(wanted.filter((n) => !names.has(n))).toEqual([]);
  expect(names.size).toBe(wanted.length);
  expect(names.has("Eta_churn")).toBe(false);
  expect(names.get("Tracking_competition_churn")!.ref).toBe(names.get("Tracking_churn")!.ref);
  expect(names.get("Tracking_mrr")).toEqual({ name: "Tracking_mrr", sheet: "tracking", ref: `${absolute(monthColumn(1), trackingRow("mrr"))}:${absolute(monthColumn(36), trackingRow("mrr"))}` });
  expect(es.names.map((n) => n.name)).toEqual(en.names.map((n) => n.name));
});

test("plain Excel 2016 formulas only: no XLOOKUP, LET, SEQUENCE, FILTER, no array idioms, no SCALE.*", () => {
  for (const f of [...formulas(en), ...formulas(es)]) {
    expect(f).not.toMatch(/\b(XLOOKUP|XMATCH|LET|SEQUENCE|FILTER|UNIQUE|SORT|LAMBDA|IFS|SWITCH|MAXIFS|MINIFS|TEXTJOIN|CONCAT|LOOKUP|SUMPRODUCT|OFFSET|INDIRECT|TODAY|NOW)\(|SCALE\./i);
  }
});

test("linear in months, and a column inserted inside the month block is a month: what a month cell reads", () => {
  const first = TRACKING_COLUMNS.firstMonth;
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const chains = new Set([...TRACKING.asOf.values(), ...TRACKING.asOfMonth.values()]);
  // The 12-month measures (product.md 12) read a window: 11 or 12 months before their own, from the first month in the first year.
  const spans = new Map(TIMELINE_ROWS.flatMap((r) => (r.derived && DERIVATIONS[r.derived].span ? [[trackingRow(r.key), DERIVATIONS[r.derived].span!] as const] : [])));
  expect([...spans.values()].sort()).toEqual([11, 11, 12]);
  for (const c of sheet("tracking").cells) {
    const { col, row } = cellPosition(c.ref);
    if (!c.formula || col < first || row < TRACKING.headerRow) continue;
    const refs = [...c.formula.matchAll(/(?<![A-Z$'])(\$?)([A-Z]{1,3})\$?\d+(?::\$?([A-Z]{1,3})\$?\d+)?/g)];
    const fine = refs.every(([, fixed, from, to]) => {
      const a = column(from);
      const b = to === undefined ? a : column(to);
      if (a < first) return true;
      // The first month's header, fixed: the date and the position every month counts from.
      if (fixed && a === first && b === first) return true;
      // Its own column; the two-cell range from the month before to it (wider after an insertion).
      if (a === col && b === col) return true;
      if (a === col - 1 && b === col && to !== undefined) return true;
      const span = spans.get(row);
      if (span !== undefined && b === col && a === Math.max(first, col - span) && to !== undefined) return true;
      // Only the as-of chains read the month before by address: refresh repairs them after an inserted month.
      return chains.has(row) && a === col - 1 && b === col - 1;
    });
    expect([c.ref, c.formula, fine]).toEqual([c.ref, c.formula, true]);
  }
  // Every month cell past the first holds its neighbour's formula, moved by one column: what an inserted month is given.
  // (A 12-month measure's window starts at the first month until it is a year long: those months' windows share their start.)
  const shifted = (f: string, by: number) => f.replace(/(?<![A-Z$'])([A-Z]{1,3})(\$?\d+)/g, (m, letters: string, rest: string) => (column(letters) >= first ? columnLetter(column(letters) + by) + rest : m));
  const byRef = new Map(sheet("tracking").cells.map((c) => [c.ref, c]));
  let compared = 0;
  for (const c of sheet("tracking").cells) {
    const { col, row } = cellPosition(c.ref);
    const next = byRef.get(`${columnLetter(col + 1)}${row}`);
    if (!c.formula || col <= first || row < TRACKING.headerRow || !next?.formula) continue;
    if (spans.has(row) && col + 1 - spans.get(row)! <= first) continue;
    expect([c.ref, shifted(c.formula, 1)]).toEqual([c.ref, next.formula]);
    compared++;
  }
  // Every formula row of the month block, for the 34 pairs of neighbours past the first month.
  expect(compared).toBeGreaterThan(34 * 180);
});

test("every threshold a formula uses is read from the Thresholds sheet, never a number from the catalog", () => {
  const targetNumbers = new Set([...PHASE_METRICS.flatMap((m) => m.targets), ...RISK_INDICATORS.map((i) => i.threshold)].filter((t) => t > 36));
  // 100*(...) turns a percentage's gap into percentage points; it is not a threshold.
  for (const f of formulas().map((x) => x.replace(/100\*\(/g, "("))) {
    for (const literal of f.match(/(?<![$A-Z\d.])\d+(\.\d+)?(?![\d:])/g) ?? []) expect([f, targetNumbers.has(Number(literal))]).toEqual([f, false]);
  }
  expect(formulas(es).filter((f) => f.includes("Umbrales!")).length).toBeGreaterThan(50);
});

test("conditional formats: a few dozen for the whole workbook, three levels per block, each tagged and reading only its own sheet", () => {
  expect(en.rules.length).toBeLessThanOrEqual(40);
  expect(en.rules.every((r) => r.formula.endsWith(`${RULE_MARKER})`))).toBe(true);
  expect(en.rules.every((r) => !r.formula.includes("!"))).toBe(true);
  const byRange = new Map<string, string[]>();
  for (const r of en.rules) byRange.set(`${r.sheet}!${r.ref}`, [...(byRange.get(`${r.sheet}!${r.ref}`) ?? []), r.level]);
  // The MRR reconciliation has no band (product.md 12: flagged past 0.5%, no WATCH): OK and RISK only.
  const reconciliation = `tracking!${month(2)}${trackingRow("mrr_reconciliation")}:${month(36)}${trackingRow("mrr_reconciliation")}`;
  // The dashboard's variances: better or worse than budget, no band either (product.md 12, "Budget").
  const variance = (key: string) => en.names.find((n) => n.name === NAMES.variance(key))!.ref.replace(/\$/g, "");
  const variances = `dashboard!${variance("mrr")}:${variance(VARIANCE_ROWS[VARIANCE_ROWS.length - 1].key)}`;
  for (const [range, levels] of byRange) expect([range, levels]).toEqual([range, [reconciliation, variances].includes(range) ? ["OK", "RISK"] : ["OK", "WATCH", "RISK"]]);
  // Every month cell of every judged row is coloured by some rule, whatever its kind.
  const covered = en.rules.filter((r) => r.sheet === "tracking").flatMap((r) => r.ref.split(" ")).map((a) => a.split(":").map(cellPosition));
  for (const r of TIMELINE_ROWS.filter((x) => x.measure.kind !== "input")) {
    const row = trackingRow(r.key);
    expect([r.key, covered.some(([a, b]) => a.row <= row && row <= b.row && a.col === TRACKING_COLUMNS.firstMonth && b.col === monthColumn(36))]).toEqual([r.key, true]);
  }
});

test("free sheet names flow into every cross-sheet reference", () => {
  const spec = describeWorkbook({ language: "en", company: "A", currency: "USD", firstMonth: "2026-01", sheetNames: { thresholds: "Thresholds (2)", dashboard: "Scale Dashboard (2)" } });
  const all = formulas(spec).join("\n");
  expect(all).not.toContain("'Thresholds'!");
  expect(all).toContain("'Thresholds (2)'!$E$2");
  expect(all).toContain("'Scale Dashboard (2)'!$C$3");
});

test("currency placement: $1,234 in English, 1.234 € in Spanish; gaps of percentages in percentage points, of ratios as plain numbers", () => {
  const current = (spec: typeof en, id: string) => at("dashboard", `C${23 + PHASE_METRICS.findIndex((m) => m.id === id)}`, spec)!;
  expect(current(en, "mrr").numberFormat).toBe('[$-409]"$"#,##0');
  expect(current(es, "mrr").numberFormat).toBe('[$-C0A]#,##0 "€"');
  const gap = (spec: typeof en, id: string) => at("dashboard", `G${23 + PHASE_METRICS.findIndex((m) => m.id === id)}`, spec)!.numberFormat;
  expect(gap(en, "churn")).toContain('" pp"');
  expect(gap(es, "churn")).toContain('" p.p."');
  // Ratio gaps as plain numbers: a gap of 5 is not "5:1".
  expect(gap(en, "ltv_cac")).toBe("[$-409]0.0");
  const chf = describeWorkbook({ language: "en", company: "A", currency: "CHF", firstMonth: "2026-01" });
  expect(at("thresholds", "E2", chf)!.numberFormat).toBe('[$-409]"CHF"#,##0');
});

test("each Phase sheet heads its phase's target and, apart, its floor (product.md 8, 3rd ed.); both read the Thresholds cells the flag reads", () => {
  const index = PHASE_METRICS.findIndex((m) => m.id === "gross_margin");
  for (const [spec, target, floor, thresholds] of [
    [en, "P{n} target", "Floor P{n}", "Thresholds"],
    [es, "Objetivo P{n}", "Mínimo P{n}", "Umbrales"],
  ] as const)
    for (const n of [1, 2, 3, 4] as const) {
      const key = `phase${n}`;
      const header = (col: number) => at(key, `${columnLetter(col)}${PLAN.objectivesHeaderRow}`, spec)?.value;
      expect([header(PLAN.columns.target), header(PLAN.columns.floor)]).toEqual([target, floor].map((w) => w.replace("{n}", String(n))));
      const objectives = PHASE_PLANS[n - 1].objectives;
      const row = PLAN.objectiveRow(objectives.findIndex((o) => o.numeric?.metric === "gross_margin"));
      const formulaAt = (col: number) => at(key, `${columnLetter(col)}${row}`, spec)?.formula ?? "";
      const cellOf = (col: number) => `${thresholds}!${absolute(col, THRESHOLDS.metricRow(index))}`;
      const [targetCell, floorCell] = [cellOf(THRESHOLDS.targetColumn(n)), cellOf(THRESHOLDS.floorColumn(n))];
      expect([formulaAt(PLAN.columns.target).includes(targetCell), formulaAt(PLAN.columns.target).includes(floorCell)]).toEqual([true, false]);
      expect([formulaAt(PLAN.columns.floor).includes(floorCell), formulaAt(PLAN.columns.floor).includes(targetCell)]).toEqual([true, false]);
      expect([formulaAt(PLAN.columns.flag).includes(targetCell), formulaAt(PLAN.columns.flag).includes(floorCell)]).toEqual([true, true]);
      // Only gross margin has a floor (product.md 2): no other objective's row has a floor cell.
      const floors = sheet(key, spec).cells.filter((c) => cellPosition(c.ref).col === PLAN.columns.floor && cellPosition(c.ref).row > PLAN.objectivesHeaderRow && cellPosition(c.ref).row < PLAN.strategiesHeaderRow);
      expect(floors.map((c) => cellPosition(c.ref).row)).toEqual([row]);
    }
});

test("percentages carry the decimals that tell every threshold and band edge apart", () => {
  const formatOf = (id: string) => {
    const thresholds = sheet("thresholds");
    const row = thresholds.cells.find((c) => c.value === id)!.ref.slice(1);
    return thresholds.cells.find((c) => (c.ref === `E${row}` || c.ref === `F${row}`) && c.numberFormat)!.numberFormat;
  };
  // One decimal past the finest edge: uptime's 99.989%, churn's 5.5%, the error rate's 1.1% (product.md 4 and 11).
  expect([formatOf("uptime"), formatOf("churn"), formatOf("quality_loss.error_rate")]).toEqual(["[$-409]0.0000%", "[$-409]0.00%", "[$-409]0.00%"]);
});

test("precision at band edges (product.md 11): values either side of an edge, a step of the last shown digit apart, do not look the same wherever the measure is shown, in every unit", () => {
  /** A value as a format of the template shows it: its decimals (of a percent for a percentage), rounded. */
  const shown = (format: string, value: number) => {
    const number = format.split(";")[0].replace(/\[[^\]]*\]|"[^"]*"/g, "");
    const [, digits = "", percent] = /0(?:\.(0+))?(%?)/.exec(number)!;
    return (value * (percent ? 100 : 1)).toFixed(digits.length);
  };
  const formats = (spec: typeof en, id: string) => {
    const row = trackingRow(id.replace(".", "_"));
    const tracking = sheet("tracking", spec).cells.filter((c) => cellPosition(c.ref).row === row && cellPosition(c.ref).col >= TRACKING_COLUMNS.firstMonth);
    const current = spec.names.find((n) => n.name === NAMES.current(id));
    const dashboard = current ? [at("dashboard", current.ref.replace(/\$/g, ""), spec)!.numberFormat!] : [];
    return [...new Set([...tracking.map((c) => c.numberFormat!), ...dashboard])];
  };
  // product.md 4: churn's phase 1 WATCH ends at 5% + 10% of 5% = 5.5% (5.50% WATCH, 5.51% RISK: product.md 11's own example);
  // uptime's phase 3 WATCH starts at 99.99% - 10% of 0.01% = 99.989%; the error rate's at 1% + 0.1% = 1.1%;
  // MRR growth's phase 2 at 15% - 1.5% = 13.5%; gross margin's phase 1 floor is 70%.
  // Other units (product.md 2 and 3, the band of section 4): team satisfaction's phase 1 WATCH starts at 4.2 - 0.42 = 3.78;
  // the quality score's at 4.5 - 0.45 = 4.05; the cash runway's at 18 - 1.8 = 16.2 months; productivity's phase 2 at
  // 15 - 1.5 = 13.5x; CAC's phase 2 (lower is better) ends at 75 + 7.5 = 82.5; NPS's phase 2 starts at 75 - 7.5 = 67.5;
  // LTV/CAC's phase 1 at 20 - 2 = 18:1; MRR's phase 1 at $450,000 and team size's at 18 people (whole edges).
  const edges: [string, number, number][] = [
    ["churn", 0.055, 0.0551],
    ["uptime", 0.99989, 0.999889],
    ["quality_loss.error_rate", 0.011, 0.0111],
    ["mrr_growth", 0.135, 0.1349],
    ["gross_margin", 0.7, 0.699],
    ["team_satisfaction", 3.78, 3.779],
    ["quality_loss.quality_score", 4.05, 4.049],
    ["cash_burn.cash_runway", 16.2, 16.19],
    ["productivity", 13.5, 13.49],
    ["cac", 82.5, 82.51],
    ["nps", 67.5, 67.49],
    ["ltv_cac", 18, 17.9],
    ["mrr", 450_000, 449_999],
    ["team_size", 18, 17],
  ];
  for (const spec of [en, es])
    for (const [id, watch, risk] of edges) {
      expect(formats(spec, id).length).toBeGreaterThan(0);
      for (const format of formats(spec, id)) expect([id, format, shown(format, watch) !== shown(format, risk)]).toEqual([id, format, true]);
    }
  // Amounts and counts whose edges are whole show whole numbers ("$1,234", product.md 6): no cents on MRR, no fractions of people.
  for (const spec of [en, es]) for (const id of ["mrr", "team_size"]) for (const format of formats(spec, id)) expect([id, shown(format, 450_000)]).toEqual([id, "450000"]);
});

test("no English left in the Spanish workbook's headers and notes (the level codes and ids aside)", () => {
  const english = /\b(Threshold|Floor|Target|Latest|Month|Flag|Gap|Value|Phase|Score|Current|Stale|Schedule|Metric|Unit|Kind|input|computed|the|of|and)\b/;
  const texts = es.sheets.flatMap((s) => s.cells.filter((c) => typeof c.value === "string" && (c.style === "header" || c.style === "note" || c.style === "section" || c.style === "title")).map((c) => String(c.value)));
  expect(texts.filter((t) => english.test(t))).toEqual([]);
  expect(texts.some((t) => t.includes("OK = se cumple"))).toBe(true);
});

test("every conditional-format and data-validation formula fits Excel's rule editor, 255 characters (product.md 10), in both languages, for 12 and 120 months", () => {
  for (const language of ["en", "es"] as const)
    for (const months of [MONTHS.min, MONTHS.max]) {
      const spec = describeWorkbook({ language, company: "Acme", currency: "EUR", firstMonth: "2026-01", months });
      expect([language, months, ruleFormulaProblems(spec)]).toEqual([language, months, []]);
      // Counted here too: a rule's formula as Excel's editor shows it, with its "=".
      expect(Math.max(...spec.rules.map((r) => `=${r.formula}`.length))).toBeLessThanOrEqual(255);
    }
  // The check sees a rule, and a validation list, over the limit.
  const rule = { ...en.rules[0], formula: `AND(${"A1>0,".repeat(50)}TRUE)` };
  const list = { kind: "list" as const, sheet: "dashboard" as const, ref: "C1", message: "", values: Array<string>(40).fill("In progress") };
  expect(ruleFormulaProblems({ ...en, rules: [rule], validations: [list] })).toEqual([expect.stringContaining("at most 255"), expect.stringContaining("at most 255")]);
});

test("the Tracking sheet scrolls on a laptop: its frozen columns, the measure, latest value and flag, are at most 400 pixels at 100% zoom (product.md 10)", () => {
  // Excel's own figures for Calibri 11: the default column, 8.43 characters (stored 9.140625), is 64 pixels; one of 10 characters (stored 10.7109375), 75.
  expect([columnPixels(9.140625), columnPixels(10.7109375)]).toEqual([64, 75]);
  for (const [spec, language] of [[en, "en"], [es, "es"]] as const) {
    const tracking = sheet("tracking", spec);
    const labels = TEMPLATE_LABELS[language];
    const headers = (from: number, to: number) =>
      tracking.cells.filter((c) => cellPosition(c.ref).row === TRACKING.headerRow && cellPosition(c.ref).col >= from && cellPosition(c.ref).col <= to).map((c) => c.value);
    expect([language, frozenPixels(tracking) <= 400]).toEqual([language, true]);
    expect(headers(1, tracking.freeze!.columns)).toEqual([labels.measure, labels.latest, labels.flag]);
    // Beside the freeze the latest value's month, target and gap; the other left columns grouped and collapsed, the months right after them.
    const group = { from: cellPosition(`${tracking.collapsedColumns!.from}1`).col, to: cellPosition(`${tracking.collapsedColumns!.to}1`).col };
    expect(headers(tracking.freeze!.columns + 1, group.from - 1)).toEqual([labels.month, labels.target, labels.gap]);
    expect(headers(group.from, group.to)).toEqual(expect.arrayContaining(["Id", labels.unit, labels.kind, labels.phaseTarget(1), labels.phaseTarget(4)]));
    expect(group.to + 1).toBe(monthColumn(1));
  }
});

test("the dashboard's main table, id to % of target, reads on a screen 1,024 pixels wide (product.md 10)", () => {
  for (const spec of [en, es]) expect(columnsPixels(sheet("dashboard", spec), DASHBOARD.columns.id, DASHBOARD.columns.progress)).toBeLessThanOrEqual(1024);
});
