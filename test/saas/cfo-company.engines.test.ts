/**
 * Issue 20's "Done when": a 30-month company with MRR movements that reconcile except in two
 * months, a budget for half the metrics and a funding round is exported, recalculated by
 * LibreOffice and Gnumeric (and HyperFormula), and every new name holds what cfo-company.ts worked
 * out by hand from product.md 12.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cellPosition, columnLetter } from "../../src/core/address";
import { NAMES, NameSpec, WorkbookSpec, describeWorkbook } from "../../src/core/template";
import { describeWith } from "../engines/engines";
import { Values, recalculatedByBoth } from "../support/recalculated";
import { sameValue } from "../support/scenarios";
import { loadWorkbook } from "../support/hf-workbook";
import { BUDGET_AT_REPORTING, CFO_COMPANY, DATA_MONTHS, RECONCILIATION, TRACKING_AT_REPORTING, VARIANCE } from "./cfo-company";

type Read = (sheet: string, ref: string) => unknown;

/** The cell of a name: itself, or for a row of months the month's. */
function cellOf(n: NameSpec, month?: number): string {
  const [from] = n.ref.replace(/\$/g, "").split(":");
  if (month === undefined) return from;
  const { col, row } = cellPosition(from);
  return `${columnLetter(col + month - 1)}${row}`;
}

/** Every mismatch between the workbook's names and the oracle, as "name: got, want". */
function mismatches(spec: WorkbookSpec, read: Read): string[] {
  const sheetName = new Map(spec.sheets.map((s) => [s.key, s.name]));
  const wrong: string[] = [];
  const check = (name: string, want: number | undefined, month?: number) => {
    const n = spec.names.find((x) => x.name === name);
    if (!n) {
      wrong.push(`${name}: no such name`);
      return;
    }
    const got = read(sheetName.get(n.sheet)!, cellOf(n, month));
    if (!sameValue(got ?? "", want ?? "")) wrong.push(`${name}${month ? ` month ${month}` : ""}: ${JSON.stringify(got)}, want ${want}`);
  };
  for (const [key, want] of Object.entries(TRACKING_AT_REPORTING)) check(NAMES.tracking(key), want, DATA_MONTHS);
  RECONCILIATION.forEach((want, i) => check(NAMES.tracking("mrr_reconciliation"), want, i + 1));
  const budgets = spec.names.filter((n) => n.name.startsWith("Budget_"));
  const variances = spec.names.filter((n) => n.name.startsWith("Variance_"));
  if (budgets.length === 0) wrong.push("no Budget_ name");
  if (variances.length === 0) wrong.push("no Variance_ name");
  for (const n of budgets) check(n.name, BUDGET_AT_REPORTING[n.name.slice("Budget_".length)], DATA_MONTHS);
  for (const n of variances) check(n.name, VARIANCE[n.name.slice("Variance_".length)]);
  for (const key of Object.keys(VARIANCE)) if (!variances.some((n) => n.name === NAMES.variance(key))) wrong.push(`${NAMES.variance(key)}: no such name`);
  return wrong;
}

const fromValues = (values: Values): Read => (sheet, ref) => values.get(sheet)?.get(ref) ?? null;

describe("the CFO company in HyperFormula", () => {
  test.each(["en", "es"] as const)("%s: every new name holds the oracle's value", (language) => {
    const spec = describeWorkbook({ ...CFO_COMPANY, language });
    const hf = loadWorkbook(spec);
    expect(mismatches(spec, (sheet, ref) => hf.value(sheet, ref))).toEqual([]);
  });
});

describeWith(["libreoffice", "gnumeric"], "the CFO company recalculated by LibreOffice and Gnumeric", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-cfo-"));
  const cases = (["en", "es"] as const).map((language) => ({ language, spec: describeWorkbook({ ...CFO_COMPANY, language }), file: path.join(dir, `cfo-${language}.xlsx`) }));
  let libre: Values[] = [];
  let gnumeric: Values[] = [];

  beforeAll(async () => {
    ({ libre, gnumeric } = await recalculatedByBoth(cases, dir));
  }, 600_000);

  test.each([0, 1])("case %i: every new name holds the oracle's value in both engines", (i) => {
    expect({ engine: "LibreOffice", wrong: mismatches(cases[i].spec, fromValues(libre[i])) }).toEqual({ engine: "LibreOffice", wrong: [] });
    expect({ engine: "Gnumeric", wrong: mismatches(cases[i].spec, fromValues(gnumeric[i])) }).toEqual({ engine: "Gnumeric", wrong: [] });
  });
});
