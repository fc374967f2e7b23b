/**
 * The pane's Import into the Departments and Channels sheets' typed rows (product.md 11 and 13,
 * docs/import.md), in headless Chromium against the fake Excel host: a win rate, a seed channel's
 * spend and a channel the user named on the Channels sheet ("TikTok") read from a selection, the
 * preview naming those sheets and their cells, the values written through the rows' names; in
 * Spanish, the same on Áreas and Canales. Screenshots in test-artifacts/taskpane.
 */
import type { Page } from "playwright-core";
import { describeWith } from "../engines/engines";
import { fake, fitsWidth, paneSession, seriousViolations, shot } from "../support/browser";

describeWith(["chromium"], "Import into the Departments and Channels sheets, in headless Chromium against the fake Excel host", () => {
  const { pane } = paneSession();

  /** Inserts the tracker, names the first of the user's channels TikTok and selects a block of the team's numbers. */
  async function withBlock(page: Page, company: string, insertButton: string, rows: (string | number)[][]) {
    await page.getByLabel(company).fill("Acme");
    await page.getByRole("button", { name: insertButton }).click();
    await page.getByTestId("insert-result").waitFor();
    await page.evaluate(`(() => {
      const s = window.__fake;
      const n = s.names.get("Channel_user1_Name");
      s.sheets.find((x) => x.name === n.sheet).cells.set(n.ref, { value: "TikTok" });
      const data = { name: "Team", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      ${JSON.stringify(rows)}.forEach((row, r) => row.forEach((v, c) => data.cells.set("ABC"[c] + (r + 1), { value: v })));
      s.sheets.push(data);
      s.selected = "Team!A1:C" + ${rows.length};
    })()`);
  }

  /** The values of a row's first two months, through its workbook name, on the fake host. */
  const firstMonths = (page: Page, name: string) =>
    page.evaluate(
      `(() => { const s = window.__fake; const n = s.names.get("${name}"); const sheet = s.sheets.find((x) => x.name === n.sheet); const [from] = n.ref.replace(/\\$/g, "").split(":"); const col = from.replace(/\\d+$/, ""); const row = from.slice(col.length); const next = String.fromCharCode(col.charCodeAt(col.length - 1) + 1); const at = (c) => sheet.cells.get(c + row)?.value; return [at(col), at(col.length > 1 ? col.slice(0, -1) + next : next)]; })()`,
    ) as Promise<unknown[]>;

  test("a win rate, a channel's spend and the user's TikTok: the preview names the Departments and Channels cells, the values land in their rows", async () => {
    const page = await pane();
    await withBlock(page, "Company name", "Insert tracking workbook", [
      ["KPI", 1, 2],
      ["Win rate", 0.35, 0.38],
      ["Paid advertising spend", 5000, 6000],
      ["TikTok spend", 800, 900],
    ]);
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByRole("button", { name: "Read the selection" }).click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-summary").innerText()).toBe("From Team!A1:C4: 6 values for the Departments / Channels sheet.");
    const rows = (await page.getByTestId("import-preview").locator("tbody tr").allInnerTexts()).map((r) => r.split(/\t|\n/).filter(Boolean));
    // Months 1 and 2 of the timeline (the pane's default starts twelve months back); the value as the sheet shows it.
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ["Win rate", "35%"],
      ["Win rate", "38%"],
      ["Paid advertising spend", "5,000"],
      ["Paid advertising spend", "6,000"],
      ["TikTok spend", "800"],
      ["TikTok spend", "900"],
    ]);
    const sheets = await page.getByTestId("import-preview").locator("tbody tr td:nth-child(4)").evaluateAll((cells) => cells.map((c) => c.getAttribute("title")?.split("!")[0]));
    expect(sheets).toEqual(["Departments", "Departments", "Channels", "Channels", "Channels", "Channels"]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-departments");
    await page.getByRole("button", { name: "Write 6 values into Departments / Channels" }).click();
    await page.getByText("Wrote 6 values into the Departments / Channels sheet.").waitFor();
    expect(await firstMonths(page, "Dept_sales_win_rate")).toEqual([0.35, 0.38]);
    expect(await firstMonths(page, "Channel_paid_advertising_spend")).toEqual([5000, 6000]);
    expect(await firstMonths(page, "Channel_user1_spend")).toEqual([800, 900]);
  });

  test("in Spanish: the same rows on Áreas and Canales, a change KPI refused saying what to import; nothing cut off at 320 pixels", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await withBlock(page, "Nombre de la empresa", "Insertar libro de seguimiento", [
      ["KPI", 1, 2],
      ["Errores", 120, 90],
      ["Error reduction", 0.2, 0.3],
    ]);
    await page.getByRole("tab", { name: "Importar" }).click();
    await page.getByRole("button", { name: "Leer la selección" }).click();
    await page.getByTestId("import-refused").waitFor();
    expect(await page.getByTestId("import-refused").innerText()).toContain(
      '"Error reduction" (operations.error_reduction) se calcula a partir de su línea base y del valor medido cada mes: importa el valor medido como operations.error_reduction.value ("Errores") y escribe la línea base en la hoja Áreas',
    );
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-departments-es-refused");
    await fake(page, (s) => {
      s.selected = "Team!A1:C2";
    });
    await page.getByRole("button", { name: "Leer la selección" }).click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-summary").innerText()).toContain("2 valores");
    expect(await page.getByTestId("import-summary").innerText()).toContain("Áreas");
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-departments-es");
  });
});
