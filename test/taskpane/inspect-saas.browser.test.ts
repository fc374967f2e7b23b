/**
 * Inspect on the SaaS measures of product.md 12, in headless Chromium against the fake Excel host:
 * listed apart with their values, the quick ratio and the Rule of 40 judged against their
 * conventions (product.md 14), never toward the phase; readable at 320 pixels in both languages.
 */
import { describeWith } from "../engines/engines";
import { fake, fitsWidth, paneSession, seriousViolations, shot } from "../support/browser";

describeWith(["chromium"], "Inspect's SaaS measures, in headless Chromium against the fake Excel host", () => {
  const { pane } = paneSession();

  test("a block of MRR and SaaS measures: the phase from MRR alone, the SaaS measures apart with their levels against the conventions", async () => {
    const page = await pane();
    await fake(page, (s) => {
      const data = { name: "Data", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      const rows: [string, number][] = [["Monthly recurring revenue", 600000], ["SaaS quick ratio", 3.7], ["Rule of 40", 0.5], ["New MRR", 30000]];
      rows.forEach(([id, v], r) => data.cells.set(`A${r + 1}`, { value: id }).set(`B${r + 1}`, { value: v }));
      s.sheets.push(data);
      s.selected = "Data!A1:B4";
    });
    await page.getByRole("tab", { name: "Inspect" }).click();
    await page.getByRole("button", { name: "Inspect selection" }).click();
    await page.getByTestId("inspect-context").waitFor();
    // product.md 2: MRR 600,000 is phase 1; the SaaS measures never count toward it (product.md 12).
    expect(await page.getByRole("status").innerText()).toBe("Phase reached by the selection: 1");
    const rows = (await page.getByTestId("inspect-context").locator("tbody tr").allInnerTexts()).map((r) => r.split(/\t|\n/).filter(Boolean));
    // product.md 4, 14: quick ratio 3.7 against 4 is within 10% (WATCH), 0.3 short; Rule of 40 50% against 40% is OK, 10 points ahead.
    expect(rows).toEqual([
      ["SaaS quick ratio", "3.7:1", "WATCH", "0.3:1"],
      ["Rule of 40", "50.0%", "OK", "-10.0%"],
      ["New MRR", "30,000", "No convention"],
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "inspect-saas");
    await page.getByRole("button", { name: "Español" }).click();
    await page.getByRole("button", { name: "Inspeccionar selección" }).click();
    await page.getByTestId("inspect-context").waitFor();
    const es = (await page.getByTestId("inspect-context").locator("tbody tr").allInnerTexts()).map((r) => r.split(/\t|\n/).filter(Boolean)[0]);
    expect(es).toEqual(["Quick ratio SaaS", "Regla del 40", "MRR nuevo"]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "inspect-saas-es");
  });
});
