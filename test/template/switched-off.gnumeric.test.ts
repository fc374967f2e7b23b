/**
 * product.md 4, "Switched-off thresholds": a threshold cell that is empty or 0 switches its check
 * off, the same way in every engine. Gnumeric (1.12.55) gives #NUM! for N() of an empty cell where
 * Excel, LibreOffice and HyperFormula give 0, so a cleared threshold must not be read through N().
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { NAMES, WorkbookSpec, describeWorkbook } from "../../src/core/template";
import { writeWorkbook } from "../../src/xlsx/write";
import { readValues, recalcGnumeric } from "../support/recalculated";

/** The spec with the cell a name points to emptied, as a user clearing it. */
function cleared(spec: WorkbookSpec, name: string): WorkbookSpec {
  const at = spec.names.find((n) => n.name === name)!;
  const ref = at.ref.replace(/\$/g, "");
  return { ...spec, sheets: spec.sheets.map((s) => (s.key === at.sheet ? { ...s, cells: s.cells.filter((c) => c.ref !== ref) } : s)) };
}

test("a cleared risk threshold, target and minimum share give blank flags and the phase in Gnumeric, never #NUM!", async () => {
  const described = describeWorkbook({
    language: "en",
    company: "Acme",
    currency: "USD",
    firstMonth: "2026-01",
    months: 12,
    actuals: [1, 2, 3].flatMap((month) => [
      { key: "mrr", month, value: 50_000 + 1_000 * month },
      { key: "quality_loss_error_rate", month, value: 0.02 },
    ]),
    settings: {
      riskThresholds: new Map([["quality_loss.error_rate", null]]),
      targets: new Map([["mrr", [null, undefined, undefined, undefined]]]),
    },
  });
  const spec = cleared(described, NAMES.minShare);
  expect(spec.sheets.flatMap((s) => s.cells).length).toBe(described.sheets.flatMap((s) => s.cells).length - 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switched-off-"));
  const file = path.join(dir, "cleared.xlsx");
  fs.writeFileSync(file, await writeWorkbook(spec));
  const values = await readValues(recalcGnumeric(file, path.join(dir, "gnumeric")));
  const errors = [...values].flatMap(([sheet, cells]) =>
    [...cells].filter(([, v]) => typeof v === "object" && v !== null && v.error === "#NUM!").map(([ref]) => `${sheet}!${ref}`),
  );
  expect(errors).toEqual([]);
}, 600_000);
