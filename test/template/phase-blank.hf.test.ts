/**
 * product.md 6.4: Phase reached is "blank when no phase metric has a value as of t". A company that types only
 * measures that are not phase metrics (MRR movements, funding, market share's risk indicator) has no phase,
 * even where those rows' working cells sit among the phase metrics' on the Tracking sheet.
 */
import { NAMES, describeWorkbook } from "../../src/core/template";
import { loadWorkbook } from "../support/hf-workbook";

test("no phase metric typed: Phase reached is blank every month, while the data runs and after", () => {
  const spec = describeWorkbook({
    language: "en",
    company: "Acme",
    currency: "USD",
    firstMonth: "2025-01",
    months: 12,
    actuals: [
      { key: "new_mrr", month: 3, value: 40_000 },
      { key: "churned_mrr", month: 5, value: 2_000 },
      { key: "cash_burn_funding", month: 2, value: 5_000_000 },
    ],
  });
  const wb = loadWorkbook(spec);
  expect(wb.namedRange(NAMES.phaseRow.phase)[0]).toEqual(Array(12).fill(""));
  expect(wb.named(NAMES.phase)).toBe("");
});
