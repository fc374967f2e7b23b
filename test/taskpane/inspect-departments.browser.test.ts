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
    // A percentage's gap in percentage points, as every gap in the workbook (docs/workbook.md).
    expect(text).toContain("5 pp");
    expect(await table.locator("code").innerText()).toBe(`=SCALE.RISK("sales.win_rate", ${ref})`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "inspect-departments");
  });

  test("in Spanish at 320 pixels: the gap in p.p., and 40 typed for a 40% win rate shows #VALUE! with why in Spanish, not the function's English", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await page.getByLabel("Nombre de la empresa").fill("Acme");
    await page.getByRole("button", { name: "Insertar libro de seguimiento" }).click();
    await page.getByTestId("insert-result").waitFor();
    /** Types `value` into the win rate's month `t` (0-based) and selects it. */
    const select = (t: number, value: number) =>
      page.evaluate(
        `(() => { const s = window.__fake; const n = s.names.get("Dept_sales_win_rate"); const sheet = s.sheets.find((x) => x.name === n.sheet); const first = n.ref.replace(/\\$/g, "").split(":")[0]; const col = first.replace(/\\d+$/, ""); const at = String.fromCharCode(col.charCodeAt(0) + ${t}) + first.slice(col.length); sheet.cells.set(at, { ...sheet.cells.get(at), value: ${value} }); s.selected = n.sheet + "!" + at; })()`,
      );
    await select(0, 0.35);
    await page.getByRole("tab", { name: "Inspeccionar" }).click();
    await page.getByRole("button", { name: "Inspeccionar selección" }).click();
    const table = page.getByTestId("inspect-kpis");
    await table.waitFor();
    expect(await table.innerText()).toContain("5 p.p.");
    await select(1, 40);
    await page.getByRole("button", { name: "Inspeccionar selección" }).click();
    await page.getByText("#VALUE! sales.win_rate es un porcentaje que se escribe como fracción: 40 % es 0,4; escribe 0,4, no 40.").waitFor();
    expect(await page.getByTestId("inspect-kpis").innerText()).not.toMatch(/entered as|must be/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "inspect-departments-es");
  });
});
