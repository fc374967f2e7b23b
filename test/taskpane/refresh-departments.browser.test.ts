/**
 * The Risk flags tab and the Departments sheet (product.md 13), in headless Chromium against the
 * fake Excel host: each function's worst KPI level and the department KPIs that are not OK, as the
 * sheet shows them (the fake computes no formula: the levels are given to the flag cells as Excel
 * would show them), in the pane's language (product.md 11), each flagged KPI a link to its cell.
 */
import { describeWith } from "../engines/engines";
import { fake, fitsWidth, paneSession, seriousViolations, shot } from "../support/browser";

describeWith(["chromium"], "the Risk flags tab's department levels, in headless Chromium against the fake Excel host", () => {
  const { pane } = paneSession();

  test("a refresh lists the four functions' levels and the KPIs at WATCH or RISK with the seed's words, in English and in Spanish", async () => {
    const page = await pane();
    await page.getByLabel("Company name").fill("Acme");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByTestId("insert-result").waitFor();
    await fake(page, (s) => {
      const show = (name: string, value: string) => {
        const n = s.names.get(name)!;
        const ref = n.ref.replace(/\$/g, "");
        const sheet = s.sheets.find((x) => x.name === n.sheet)!;
        sheet.cells.set(ref, { ...sheet.cells.get(ref), value });
      };
      show("Dept_sales_Level", "RISK");
      show("Dept_product_Level", "OK");
      show("Dept_sales_win_rate_Flag", "WATCH");
      show("Dept_sales_cycle_days_Flag", "RISK");
    });
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    const levels = page.getByTestId("department-levels");
    await levels.waitFor();
    expect((await page.getByTestId("department-level").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim())).toEqual(["Product OK", "Marketing (no values)", "Sales RISK", "Operations (no values)"]);
    // RISK first; the seed's lines "Sales cycle: 45 days" and "Win rate: 40%" (product.md 13).
    const flagged = await page.getByTestId("department-flags").getByRole("button").allInnerTexts();
    expect(flagged).toHaveLength(2);
    expect(flagged[0]).toMatch(/^Sales cycle.*45.*: RISK$/);
    expect(flagged[1]).toMatch(/^Win rate: 40%: WATCH$/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "refresh-departments");
    // A link selects the KPI's flag cell on the Departments sheet.
    await page.getByTestId("department-flags").getByRole("button").nth(1).click();
    await page.waitForFunction(() => String((window as unknown as { __fake: { selected?: string } }).__fake.selected).includes("Departments"));
    await page.getByRole("button", { name: "Español" }).click();
    await page.getByRole("tab", { name: "Alertas" }).click();
    await page.getByRole("button", { name: "Actualizar alertas" }).click();
    await page.getByTestId("department-levels").waitFor();
    expect((await page.getByTestId("department-level").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim())).toEqual(["Producto OK", "Marketing (sin valores)", "Ventas RISK", "Operaciones (sin valores)"]);
    const es = await page.getByTestId("department-flags").getByRole("button").allInnerTexts();
    expect(es[1]).toMatch(/^Win rate: 40%: WATCH$/);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "refresh-departments-es");
  });
});
