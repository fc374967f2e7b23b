/**
 * The SaaS measures with a convention (product.md 12, 14: quick ratio 4, Rule of 40) on the Tracking
 * sheet, computed by HyperFormula from the workbook's own formulas: target, gap and flag as of the
 * reporting month like a risk indicator's row, coloured month by month, following an edit of the
 * Thresholds sheet's third table, and never counted toward the phase. Oracles worked out by hand
 * from product.md 4's band rule: the band is 10% of the threshold; quick ratio 4 is WATCH from 3.6,
 * RISK below it; the Rule of 40 (a sum with a growth rate, which can pass 100%) is WATCH from 36%.
 */
import { LEVELS } from "../../src/core/catalog";
import { NAMES, PHASE_ROWS, TRACKING_COLUMNS as COL, TemplateOptions, describeWorkbook, monthColumn, trackingRow } from "../../src/core/template";
import { cell, cellPosition, columnLetter } from "../../src/core/template/formulas";
import { loadWorkbook } from "../support/hf-workbook";
import { engine } from "../support/scale-plugin";

/** Six months of MRR and customers; the two SaaS measures typed over their formulas in month 6, the reporting month. */
function company(quickRatio: number, ruleOf40: number): TemplateOptions {
  const months = [1, 2, 3, 4, 5, 6];
  return {
    language: "en",
    company: "Context Co",
    currency: "USD",
    firstMonth: "2026-01",
    months: 12,
    actuals: [
      ...months.map((month) => ({ key: "mrr", month, value: 100_000 + 5_000 * month })),
      ...months.map((month) => ({ key: "customers", month, value: 100 + 4 * month })),
      { key: "quick_ratio", month: 6, value: quickRatio },
      { key: "rule_of_40", month: 6, value: ruleOf40 },
    ],
  };
}

const left = (key: string, column: number) => cell(column, trackingRow(key));

/** The left block of a row: [target, gap, flag], as HyperFormula computes them. */
function block(wb: ReturnType<typeof loadWorkbook>, key: string) {
  return [COL.target, COL.gap, COL.flag].map((c) => wb.value("Tracking", left(key, c)));
}

test("quick ratio 3.5 against 4 is RISK (WATCH only from 3.6), 3.7 is WATCH, 4 is OK; the Rule of 40 at 45% is OK, at 37% WATCH (from 36%)", () => {
  const risk = loadWorkbook(describeWorkbook(company(3.5, 0.45)));
  const [target, gap, flag] = block(risk, "quick_ratio");
  expect([target, flag]).toEqual([4, "RISK"]);
  expect(gap).toBeCloseTo(0.5, 12);
  const [target40, gap40, flag40] = block(risk, "rule_of_40");
  expect([target40, flag40]).toEqual([0.4, "OK"]);
  expect(gap40).toBeCloseTo(-5, 9); // percentage points: 5 ahead
  const watch = loadWorkbook(describeWorkbook(company(3.7, 0.37)));
  expect([block(watch, "quick_ratio")[2], block(watch, "rule_of_40")[2]]).toEqual(["WATCH", "WATCH"]);
  const ok = loadWorkbook(describeWorkbook(company(4, 0.4)));
  expect([block(ok, "quick_ratio")[2], block(ok, "rule_of_40")[2]]).toEqual(["OK", "OK"]);
});

test("editing the third table's threshold moves the flag: quick ratio 3.5 is WATCH against 3.8 (band from 3.42), no flag when the threshold is cleared", () => {
  const wb = loadWorkbook(describeWorkbook(company(3.5, 0.45)));
  const threshold = describeWorkbook(company(3.5, 0.45)).names.find((n) => n.name === NAMES.contextThreshold("quick_ratio"))!;
  const { col, row } = cellPosition(threshold.ref.replace(/\$/g, ""));
  const sheet = wb.hf.getSheetId("Thresholds")!;
  expect(wb.named(NAMES.contextThreshold("quick_ratio"))).toBe(4);
  wb.hf.setCellContents({ sheet, row: row - 1, col: col - 1 }, 3.8);
  expect([block(wb, "quick_ratio")[0], block(wb, "quick_ratio")[2]]).toEqual([3.8, "WATCH"]);
  wb.hf.setCellContents({ sheet, row: row - 1, col: col - 1 }, null);
  expect([block(wb, "quick_ratio")[0], block(wb, "quick_ratio")[2]]).toEqual(["", ""]);
  // The Rule of 40's convention is its own cell: unchanged.
  expect(block(wb, "rule_of_40")[2]).toBe("OK");
});

test("the flags are information: Phase reached, the target phase and the scores are the same whether the conventions are met or missed", () => {
  const met = loadWorkbook(describeWorkbook(company(10, 0.6)));
  const missed = loadWorkbook(describeWorkbook(company(1, -0.5)));
  expect([block(met, "quick_ratio")[2], block(met, "rule_of_40")[2]]).toEqual(["OK", "OK"]);
  expect([block(missed, "quick_ratio")[2], block(missed, "rule_of_40")[2]]).toEqual(["RISK", "RISK"]);
  for (const id of PHASE_ROWS) expect(missed.namedRange(NAMES.phaseRow[id])).toEqual(met.namedRange(NAMES.phaseRow[id]));
  expect(met.namedRange(NAMES.phaseRow.phase)[0].slice(0, 6).every((p) => typeof p === "number")).toBe(true);
});

/** A rule's condition, written for the top-left cell of its first area, moved to `to` (relative parts only). */
function moved(formula: string, from: { col: number; row: number }, to: { col: number; row: number }): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (_, colAbs: string, letters: string, rowAbs: string, digits: string) => {
    const { col, row } = cellPosition(`${letters}${digits}`);
    const c = colAbs ? col : col + to.col - from.col;
    const r = rowAbs ? row : row + to.row - from.row;
    return `${colAbs}${columnLetter(c)}${rowAbs}${r}`;
  });
}

const covers = (ref: string, c: number, r: number) =>
  ref.split(" ").some((area) => {
    const [a, b = a] = area.split(":").map(cellPosition);
    return a.col <= c && c <= b.col && a.row <= r && r <= b.row;
  });

/** The level the Tracking sheet's colour rules give month t's cell of a row, evaluated by HyperFormula. */
function colourAt(spec: ReturnType<typeof describeWorkbook>, wb: ReturnType<typeof loadWorkbook>, key: string, t: number) {
  const to = { col: monthColumn(t), row: trackingRow(key) };
  const hits = spec.rules.filter((r) => r.sheet === "tracking" && covers(r.ref, to.col, to.row));
  const from = cellPosition(hits[0].ref.split(" ")[0].split(":")[0]);
  return hits.find((r) => wb.hf.calculateFormula(`=${moved(r.formula, from, to)}`, wb.hf.getSheetId("Tracking")!) === true)?.level;
}

test("at the band edges the month colours, SCALE.RISK and the hand-worked levels agree (product.md 4: the same level everywhere)", () => {
  // By hand: WATCH from 3.6 (4 - 10% of 4) and from 36% (40% - 10% of 40%), both edges included; OK from the threshold.
  const cases: Record<string, [number, string][]> = {
    quick_ratio: [[3.6, "WATCH"], [3.5999, "RISK"], [4, "OK"], [3.9999, "WATCH"], [5, "OK"], [0.5, "RISK"]],
    rule_of_40: [[0.36, "WATCH"], [0.3599, "RISK"], [0.4, "OK"], [0.3999, "WATCH"], [0.9, "OK"], [-0.1, "RISK"]],
  };
  const options = company(4, 0.4);
  const actuals = [
    ...options.actuals!.filter((a) => !(a.key in cases)),
    ...Object.entries(cases).flatMap(([key, values]) => values.map(([value], k) => ({ key, month: k + 1, value }))),
  ];
  const spec = describeWorkbook({ ...options, actuals });
  const wb = loadWorkbook(spec);
  const functions = engine({ Sheet1: Object.entries(cases).flatMap(([key, values]) => values.map(([value]) => [key, value])) });
  let row = 0;
  for (const [key, values] of Object.entries(cases))
    values.forEach(([value, level], k) => {
      row++;
      const risk = functions.calculateFormula(`=SCALE.RISK(A${row}, B${row})`, functions.getSheetId("Sheet1")!);
      expect([key, value, colourAt(spec, wb, key, k + 1), risk]).toEqual([key, value, level, level]);
    });
  // The reporting month is month 6: the flag column says what the colour says.
  expect([block(wb, "quick_ratio")[2], block(wb, "rule_of_40")[2]]).toEqual(["RISK", "RISK"]);
});

test("month cells coloured like an indicator's row, by the indicator rules already there (no new rule), and the flag column's colours cover the rows", () => {
  const spec = describeWorkbook(company(3.5, 0.45));
  const wb = loadWorkbook(spec);
  const sheet = wb.hf.getSheetId("Tracking")!;
  const tracking = spec.rules.filter((r) => r.sheet === "tracking");
  const levelAt = (key: string) => {
    const to = { col: monthColumn(6), row: trackingRow(key) };
    const hits = tracking.filter((r) => covers(r.ref, to.col, to.row));
    expect(hits.map((r) => r.level)).toEqual([...LEVELS]);
    // The rows share a triple with risk indicators: no rule colours only these rows.
    expect(hits.every((r) => r.ref.split(" ").length > 2)).toBe(true);
    const from = cellPosition(hits[0].ref.split(" ")[0].split(":")[0]);
    return hits.find((r) => wb.hf.calculateFormula(`=${moved(r.formula, from, to)}`, sheet) === true)?.level;
  };
  expect([levelAt("quick_ratio"), levelAt("rule_of_40")]).toEqual(["RISK", "OK"]);
  const flagRules = tracking.filter((r) => covers(r.ref, COL.flag, trackingRow("quick_ratio")));
  expect(flagRules.map((r) => r.level)).toEqual([...LEVELS]);
  expect(flagRules.every((r) => covers(r.ref, COL.flag, trackingRow("rule_of_40")))).toBe(true);
  expect(spec.rules.length).toBeLessThanOrEqual(60);
});
