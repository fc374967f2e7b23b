/**
 * The department KPIs' flags and the functions' levels (product.md 13, judged by the band rule of
 * product.md 4) after LibreOffice and Gnumeric recalculate the exported workbook: the same values
 * as worked out by hand in departments-company.ts (and as HyperFormula gives, departments.hf.test.ts).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeWorkbook } from "../../src/core/template";
import { describeWith } from "../engines/engines";
import { Values, recalculatedByBoth } from "../support/recalculated";
import { DEPARTMENTS_COMPANY, departmentMismatches, withBaselines } from "./departments-company";

const fromValues = (values: Values) => (sheet: string, ref: string) => values.get(sheet)?.get(ref) ?? null;

describeWith(["libreoffice", "gnumeric"], "department KPIs recalculated by LibreOffice and Gnumeric", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-departments-"));
  const cases = (["en", "es"] as const).map((language) => ({
    language,
    spec: withBaselines(describeWorkbook({ ...DEPARTMENTS_COMPANY, language })),
    file: path.join(dir, `departments-${language}.xlsx`),
  }));
  let libre: Values[] = [];
  let gnumeric: Values[] = [];

  beforeAll(async () => {
    ({ libre, gnumeric } = await recalculatedByBoth(cases, dir));
  }, 600_000);

  test.each([0, 1])("case %i: each KPI's value and flag, each function's level, as by hand, in both engines", (i) => {
    expect({ engine: "LibreOffice", wrong: departmentMismatches(cases[i].spec, fromValues(libre[i])) }).toEqual({ engine: "LibreOffice", wrong: [] });
    expect({ engine: "Gnumeric", wrong: departmentMismatches(cases[i].spec, fromValues(gnumeric[i])) }).toEqual({ engine: "Gnumeric", wrong: [] });
  });
});
