/**
 * Months added by inserting columns inside the month block, and rows inserted inside a section
 * (product.md 6.2: "formulas keep working"), in HyperFormula. Its structural edits move references
 * the way Excel's do: a reference keeps pointing at its cell, and a range widens when the insertion
 * is inside it. An inserted month then gets the formulas refresh's plan gives it, the user types its numbers, and every dashboard name and computed row
 * must be what the core computes for the longer timeline. The oracle is the core's timeline rules.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { RISK_GROUPS } from "../../src/core/catalog";
import { TIMELINE_ROWS } from "../../src/core/timeline";
import { insertedMonths, planInsertedMonths, sourceMonths, templateRows } from "../../src/officejs/refresh/months-plan";
import { NAMES, TRACKING, describeWorkbook, monthColumn } from "../../src/core/template";
import { loadWorkbook } from "../support/hf-workbook";
import { INSERTED_MONTHS, InsertedMonths, Scenario, expectedNames, expectedRows, longerTimeline, sameValue } from "../support/scenarios";
import { SAAS_COMPANY } from "../support/saas-company";


/**
 * Refresh's plan for the new months (inserted-months-plan.ts), read from HyperFormula's cells and
 * carried out with HyperFormula's copy and paste, which moves references as Excel's copyFrom does.
 */
function fillInsertedMonths(hf: HyperFormula, sheet: number, months: number): number[] {
  const first = monthColumn(1) - 1;
  const header = TRACKING.headerRow - 1;
  const height = hf.getSheetDimensions(sheet).height - header;
  // As Excel's Range.formulas gives a cell: "=..." for a formula, else its value.
  const formula = (row: number, offset: number) => {
    const at = { sheet, row: header + row, col: first + offset };
    return hf.getCellFormula(at) ?? hf.getCellValue(at) ?? "";
  };
  const column = (offset: number) => ({ offset, formulas: Array.from({ length: height }, (_, r) => formula(r, offset)) });
  const inserted = insertedMonths(Array.from({ length: months }, (_, k) => formula(0, k)));
  // Where the template's rows are now, from the names' rows, as refresh finds them.
  const namedRow = (name: string) => Number(/\$(\d+)/.exec(hf.getNamedExpressionFormula(name)!)![1]);
  const rows = templateRows({
    headerRow: TRACKING.headerRow,
    derivedRows: TIMELINE_ROWS.filter((r) => r.derived).map((r) => namedRow(NAMES.tracking(r.key))),
    targetPhaseRow: namedRow(NAMES.phaseRow.targetPhase),
    lastGroupRow: namedRow(NAMES.trackingRisk(RISK_GROUPS[RISK_GROUPS.length - 1].id)),
  });
  const copies = planInsertedMonths(inserted.map(column), sourceMonths(inserted, months).map(column), rows, months);
  for (const c of copies) {
    hf.copy({ start: { sheet, row: header + c.from, col: first + c.source }, end: { sheet, row: header + c.to, col: first + c.source } });
    hf.paste({ sheet, row: header + c.from, col: first + c.target });
  }
  return inserted;
}

/** A workbook name's cells as HyperFormula holds them after the edits (its ranges moved with them). */
function namedValues(hf: HyperFormula, name: string): unknown[] {
  const v = hf.calculateFormula(hf.getNamedExpressionFormula(name)!, 0);
  return Array.isArray(v) ? v.flat() : [v];
}

/** An insertion of INSERTED_MONTHS, with rows inserted above a row (inside a section) before the columns. */
type Edit = InsertedMonths & { readonly rowsAbove?: { readonly row: number; readonly count: number } };

function edited(edit: Edit) {
  const s = edit.scenario;
  const spec = describeWorkbook(s.options);
  const { hf } = loadWorkbook(spec);
  const sheet = hf.getSheetId(spec.sheets.find((x) => x.key === "tracking")!.name)!;
  const rowShift = edit.rowsAbove?.count ?? 0;
  if (edit.rowsAbove) hf.addRows(sheet, [edit.rowsAbove.row - 1, edit.rowsAbove.count]);
  const col = monthColumn(edit.at) - 1;
  hf.addColumns(sheet, [col, edit.count]);
  const inserted = fillInsertedMonths(hf, sheet, s.options.months + edit.count);
  expect(inserted).toEqual(Array.from({ length: edit.count }, (_, k) => edit.at - 1 + k));
  // The user types the new months' numbers in their rows (moved down by the inserted rows).
  for (const v of edit.typed) {
    const row = spec.names.find((n) => n.name === `Tracking_${v.key}`)!.ref.match(/\$(\d+):/)![1];
    const shifted = Number(row) - 1 + (Number(row) >= (edit.rowsAbove?.row ?? Infinity) ? rowShift : 0);
    hf.setCellContents({ sheet, row: shifted, col: monthColumn(v.month) - 1 }, v.value);
  }
  return hf;
}

function differences(hf: HyperFormula, longer: Scenario): string[] {
  const wrong: string[] = [];
  for (const [name, want] of expectedNames(longer)) {
    const [got] = namedValues(hf, name);
    if (!sameValue(got instanceof DetailedCellError ? got.value : got, want)) wrong.push(`${name}: HyperFormula ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
  }
  for (const [name, want] of expectedRows(longer)) {
    const got = namedValues(hf, name);
    if (got.length !== want.length) wrong.push(`${name}: ${got.length} months, core ${want.length}`);
    want.forEach((w, t) => {
      if (!sameValue(got[t] instanceof DetailedCellError ? (got[t] as DetailedCellError).value : got[t], w)) wrong.push(`${name} month ${t + 1}: HyperFormula ${JSON.stringify(got[t])}, core ${JSON.stringify(w)}`);
    });
  }
  return wrong;
}

const [amongTyped, atTheEnd] = INSERTED_MONTHS;

test("a month inserted among typed months: its numbers are carried, the months after it move on by one", () => {
  const hf = edited(amongTyped);
  expect(differences(hf, longerTimeline(amongTyped)).slice(0, 20)).toEqual([]);
  // Not vacuous: the new month's growth is computed, and the month after it grows from the new month's MRR.
  const growth = namedValues(hf, "Tracking_mrr_growth");
  expect([growth[6], growth[7]]).toEqual([expect.closeTo(600_000 / (400_000 * 1.1 ** 5) - 1, 9), expect.closeTo((400_000 * 1.1 ** 6) / 600_000 - 1, 9)]);
  expect(namedValues(hf, "Tracking_Months")).toHaveLength(13);
});

test("two months inserted at the end of the typed months, with a row of the user's inside a section: the phase and ETAs follow", () => {
  const hf = edited({ ...atTheEnd, rowsAbove: { row: TRACKING.measures.get("arr")!, count: 1 } });
  const longer = longerTimeline(atTheEnd);
  expect(differences(hf, longer).slice(0, 20)).toEqual([]);
  // Not vacuous: the reporting month is the last inserted one, and the ETAs are counted from it.
  expect(expectedNames(longer).get("Scale_ReportingMonth")).not.toBe(expectedNames(atTheEnd.scenario).get("Scale_ReportingMonth"));
  expect(namedValues(hf, "Tracking_Months")).toHaveLength(38);
});

test("a month inserted inside the 12-month measures' windows (product.md 12): they take the last 12 months, and ARR growth the month 12 before, of the longer timeline", () => {
  // Between months 8 and 9 of the SaaS company: the new month 9 churns $4,500 (net new $2,500).
  const saas: InsertedMonths = {
    name: "a month inserted among the MRR movements",
    scenario: SAAS_COMPANY,
    at: 9,
    count: 1,
    typed: [
      { key: "mrr", month: 9, value: 141_500 },
      { key: "new_mrr", month: 9, value: 6_000 },
      { key: "expansion_mrr", month: 9, value: 2_000 },
      { key: "contraction_mrr", month: 9, value: 1_000 },
      { key: "churned_mrr", month: 9, value: 4_500 },
    ],
  };
  const hf = edited(saas);
  expect(differences(hf, longerTimeline(saas)).slice(0, 20)).toEqual([]);
  // Not vacuous: the company's last month is now month 15, whose last 12 months (4..15) all have an NRR,
  // and whose ARR is compared with month 3's (110,000 × 12).
  const nrr12 = namedValues(hf, "Tracking_nrr_12m");
  expect(typeof nrr12[14]).toBe("number");
  expect(namedValues(hf, "Tracking_arr_growth_yoy")[14]).toBeCloseTo(162_400 / 110_000 - 1, 9);
  expect(namedValues(hf, "Tracking_mrr_reconciliation")[8]).toBe(0);
});
