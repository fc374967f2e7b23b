/** Time to describe the workbook and write it as .xlsx (median of five, in memory). */
import { describeWorkbook } from "../src/core/template";
import { writeWorkbook } from "../src/xlsx/write";
import { companyAtPhase } from "../test/template/expected";

export async function run(): Promise<Record<string, number>> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = process.hrtime.bigint();
    await writeWorkbook(describeWorkbook({ language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", actuals: companyAtPhase(2) }));
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { xlsxExportMs: Math.round(times[Math.floor(times.length / 2)]) };
}
