/**
 * The pane's Import into the budget (product.md 12, "Budget": the pane's Import "into the
 * budget"), in headless Chromium against the fake Excel host: the choice in both languages, the
 * values written to the Budget sheet's rows and not to Tracking's, and the mapping dropdown
 * listing the SaaS measures under the sheet's sections. Screenshots in test-artifacts/taskpane.
 */
import type { Page } from "playwright-core";
import { describeWith } from "../engines/engines";
import { fake, fitsWidth, paneSession, seriousViolations, shot } from "../support/browser";

describeWith(["chromium"], "Import into the budget, in headless Chromium against the fake Excel host", () => {
  const { pane } = paneSession();

  /** Inserts the tracker and selects a block of budget figures on the user's own sheet. */
  async function withBudgetBlock(page: Page, company: string, insertButton: string) {
    await page.getByLabel(company).fill("Acme");
    await page.getByRole("button", { name: insertButton }).click();
    await page.getByTestId("insert-result").waitFor();
    await fake(page, (s) => {
      const data = { name: "Plan", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      const rows: (string | number)[][] = [
        ["KPI", 1, 2],
        ["MRR", 100000, 110000],
        ["Expansion MRR", 5000, 6000],
        ["New business", 700, 800],
      ];
      rows.forEach((row, r) => row.forEach((v, c) => data.cells.set(`${"ABC"[c]}${r + 1}`, { value: v })));
      s.sheets.push(data);
      s.selected = "Plan!A1:C4";
    });
  }

  /** The values of a row's first two months, through its workbook name, on the fake host. */
  const firstMonths = (page: Page, name: string) =>
    page.evaluate(
      `(() => { const s = window.__fake; const n = s.names.get("${name}"); const sheet = s.sheets.find((x) => x.name === n.sheet); const [from] = n.ref.replace(/\\$/g, "").split(":"); const col = from.replace(/\\d+$/, ""); const row = from.slice(col.length); const next = String.fromCharCode(col.charCodeAt(col.length - 1) + 1); const at = (c) => sheet.cells.get(c + row)?.value; return [at(col), at(col.length > 1 ? col.slice(0, -1) + next : next)]; })()`,
    ) as Promise<unknown[]>;

  test("choosing the budget: the preview names Budget cells, an unknown row is mapped to a SaaS measure found under Revenue, and the values land on Budget_<id>, not on Tracking", async () => {
    const page = await pane();
    await withBudgetBlock(page, "Company name", "Insert tracking workbook");
    await page.getByRole("tab", { name: "Import" }).click();
    expect(await page.getByRole("radio", { name: "Tracking (actuals)" }).isChecked()).toBe(true);
    await page.getByRole("radio", { name: "The budget" }).check();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-budget-choice");
    await page.getByRole("button", { name: "Read the selection" }).click();
    await page.getByTestId("import-unknown").waitFor();
    // The dropdown lists every measure under the Tracking sheet's sections: the SaaS measures too.
    await page.getByRole("combobox", { name: 'Measure for "New business"' }).click();
    const revenue = page.getByRole("group", { name: "Revenue" });
    await revenue.waitFor();
    expect(await revenue.getByRole("option").allInnerTexts()).toEqual(
      expect.arrayContaining(["Monthly recurring revenue (mrr)", "Expansion MRR (expansion_mrr)", "Net revenue retention, 12 months (nrr_12m)"]),
    );
    expect(await page.getByRole("group", { name: "Efficiency" }).getByRole("option").allInnerTexts()).toEqual(expect.arrayContaining(["Rule of 40 (rule_of_40)"]));
    await shot(page, "import-budget-choose");
    await revenue.getByRole("option", { name: "New MRR (new_mrr)" }).click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-summary").innerText()).toBe("From Plan!A1:C4: 6 values for the Budget sheet.");
    const cells = (await page.getByTestId("import-preview").locator("tbody tr").allInnerTexts()).map((r) => r.split(/\t|\n/).filter(Boolean)[3]);
    expect(cells).toHaveLength(6);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-budget");
    await page.getByRole("button", { name: "Write 6 values into Budget" }).click();
    await page.getByText("Wrote 6 values into the Budget sheet.").waitFor();
    expect(await firstMonths(page, "Budget_mrr")).toEqual([100000, 110000]);
    expect(await firstMonths(page, "Budget_expansion_mrr")).toEqual([5000, 6000]);
    expect(await firstMonths(page, "Budget_new_mrr")).toEqual([700, 800]);
    expect(await firstMonths(page, "Tracking_mrr")).toEqual([undefined, undefined]);
    expect(await firstMonths(page, "Tracking_expansion_mrr")).toEqual([undefined, undefined]);
  });

  test("in Spanish: the choice, the summary and the button name the Presupuesto sheet; nothing cut off at 320 pixels", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await withBudgetBlock(page, "Nombre de la empresa", "Insertar libro de seguimiento");
    await fake(page, (s) => {
      // Without the unknown row: only measures the importer knows.
      s.selected = "Plan!A1:C3";
    });
    await page.getByRole("tab", { name: "Importar" }).click();
    await page.getByRole("radiogroup").waitFor();
    expect(await page.getByRole("radio", { name: "Seguimiento (reales)" }).isChecked()).toBe(true);
    await shot(page, "import-budget-choice-es");
    await page.getByRole("radio", { name: "El presupuesto" }).check();
    await page.getByRole("button", { name: "Leer la selección" }).click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-summary").innerText()).toBe("Desde Plan!A1:C3: 4 valores para la hoja Presupuesto.");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-budget-es");
    await page.getByRole("button", { name: "Escribir 4 valores en Presupuesto" }).click();
    await page.getByText("4 valores escritos en la hoja Presupuesto.").waitFor();
    expect(await firstMonths(page, "Budget_mrr")).toEqual([100000, 110000]);
    expect(await firstMonths(page, "Tracking_mrr")).toEqual([undefined, undefined]);
  });
});
