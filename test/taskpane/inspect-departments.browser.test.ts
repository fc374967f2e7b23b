/**
 * Inspect on the Departments sheet (product.md 13), in headless Chromium against the fake Excel
 * host: a typed win rate selected there is recognised by its name and judged as SCALE.RISK judges
 * it (35% against 40%: RISK), with a formula to copy; readable at the pane's width.
 */
import { describeWith } from "../engines/engines";
import { fake, fitsWidth, paneSession, seriousViolations, shot } from "../support/browser";

describeWith(["chromium"], "Inspect on the Departments sheet, in headless Chromium against the fake Excel host", () => {
  const { pane } = paneSession();

  test("a win rate of 35% selected on the Departments sheet: its words, RISK, 5 points short, and =SCALE.RISK(\"sales.win_rate\", <cell>) to copy", async () => {
    const page = await pane();
    await page.getByLabel("Company name").fill("Acme");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByTestId("insert-result").waitFor();
    const ref = await fake(page, (s) => {
      const n = s.names.get("Dept_sales_win_rate")!;
      const first = n.ref.replace(/\$/g, "").split(":")[0];
      const sheet = s.sheets.find((x) => x.name === n.sheet)!;
      sheet.cells.set(first, { ...sheet.cells.get(first), value: 0.35 });
      s.selected = `${n.sheet}!${first}`;
      return first;
    });
    await page.getByRole("tab", { name: "Inspect" }).click();
    await page.getByRole("button", { name: "Inspect selection" }).click();
    const table = page.getByTestId("inspect-kpis");
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain("Win rate: 40%");
    expect(text).toContain("sales.win_rate");
    expect(text).toContain("RISK");
    expect(await table.locator("code").innerText()).toBe(`=SCALE.RISK("sales.win_rate", ${ref})`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "inspect-departments");
  });
});
