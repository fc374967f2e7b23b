/**
 * The board page's description (product.md 12, "Board page"): one landscape page after the
 * dashboard, in both languages, whose cells read the workbook's names (product.md 6.6, 12) and
 * whose chart is the dashboard's MRR chart.
 */
import { PHASE_NUMBERS, RISK_GROUPS } from "../../src/core/catalog";
import { NAMES, cellPosition, describeWorkbook } from "../../src/core/template";
import { BOARD, BOARD_FIGURES } from "../../src/core/template/board";
import { cell } from "../../src/core/template/formulas";
import { rowByKey } from "../../src/core/timeline";

const options = { company: "Acme", currency: "USD", firstMonth: "2026-01", months: 36 } as const;
const specs = { en: describeWorkbook({ ...options, language: "en" }), es: describeWorkbook({ ...options, language: "es" }) };
const boardOf = (lang: "en" | "es") => specs[lang].sheets.find((s) => s.key === "board")!;
const formulaAt = (lang: "en" | "es", column: number, row: number) => boardOf(lang).cells.find((c) => c.ref === cell(column, row))?.formula;
const C = BOARD.columns;

test("the Board / Resumen sheet comes right after the dashboard", () => {
  expect(specs.en.sheets.slice(0, 2).map((s) => s.name)).toEqual(["Scale Dashboard", "Board"]);
  expect(specs.es.sheets.slice(0, 2).map((s) => s.name)).toEqual(["Panel de escalamiento", "Resumen"]);
});

test("one landscape page: scaled to a page, its print area holding every cell and the chart, named Scale_Board", () => {
  for (const lang of ["en", "es"] as const) {
    const board = boardOf(lang);
    expect([board.printLandscape, board.fitTo, board.pageBreaks ?? []]).toEqual([true, "page", []]);
    const [from, to] = board.printArea!.split(":").map(cellPosition);
    const inside = (ref: string) => {
      const p = cellPosition(ref);
      return p.col >= from.col && p.col <= to.col && p.row >= from.row && p.row <= to.row;
    };
    expect(board.cells.filter((c) => !inside(c.ref)).map((c) => c.ref)).toEqual([]);
    const charts = specs[lang].charts.filter((c) => c.sheet === "board");
    expect(charts.flatMap((c) => [c.from, c.to]).every(inside)).toBe(true);
    const name = specs[lang].names.find((n) => n.name === NAMES.board)!;
    expect([name.sheet, name.ref.replace(/\$/g, "")]).toEqual(["board", board.printArea]);
  }
});

test("everything is read through the workbook's names: the reporting month, the phases, the figures' current values, variances and flags, the risk levels, the plan", () => {
  const f = (column: number, row: number) => formulaAt("en", column, row);
  expect([f(C.value, BOARD.reportingRow), f(C.value, BOARD.phaseRow), f(C.value, BOARD.expectedRow)]).toEqual([NAMES.reportingMonth, NAMES.phase, NAMES.expected]);
  BOARD_FIGURES.forEach((key, i) => {
    const row = BOARD.figureRow(i);
    const { measure } = rowByKey(key);
    // vs budget is the dashboard's variance (product.md 12, "Budget").
    expect([key, f(C.budget, row)]).toEqual([key, NAMES.variance(key)]);
    if (measure.kind === "metric") expect([f(C.value, row), f(C.flag, row)]).toEqual([NAMES.current(key), NAMES.flag(key)]);
  });
  // MRR, ARR, MRR growth, NRR 12m, gross margin, burn, runway, customers: product.md 12's order.
  expect([...BOARD_FIGURES]).toEqual(["mrr", "arr", "mrr_growth", "nrr_12m", "gross_margin", "cash_burn_burn_rate", "cash_burn_cash_runway", "customers"]);
  // NRR 12 months has no traced convention: no flag.
  expect(f(C.flag, BOARD.figureRow(BOARD_FIGURES.indexOf("nrr_12m")))).toBeUndefined();
  expect(RISK_GROUPS.map((_, gi) => f(C.value, BOARD.riskRow(gi)))).toEqual(RISK_GROUPS.map((g) => NAMES.riskFlag(g.id)));
  expect(PHASE_NUMBERS.map((n) => f(C.plan, BOARD.planRow(n)))).toEqual(PHASE_NUMBERS.map(NAMES.plan));
});

test("the board's chart is the dashboard's MRR chart: the same title, months and series", () => {
  for (const lang of ["en", "es"] as const) {
    const [dashboard] = specs[lang].charts.filter((c) => c.sheet === "dashboard");
    const boards = specs[lang].charts.filter((c) => c.sheet === "board");
    expect(boards).toHaveLength(1);
    const { sheet: _a, from: _b, to: _c, ...shown } = boards[0];
    const { sheet: _d, from: _e, to: _f, ...same } = dashboard;
    expect(shown).toEqual(same);
  }
});

test("the notes say, in each language, that NRR 12 months has no flag", () => {
  const notes = (lang: "en" | "es") => boardOf(lang).cells.filter((c) => c.style === "note").map((c) => String(c.value)).join(" ");
  expect(notes("en")).toMatch(/NRR 12 months has no flag/);
  expect(notes("es")).toMatch(/NRR 12 meses no tiene alerta/);
});
