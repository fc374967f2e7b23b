/**
 * Rebuild in the task pane (product.md 11), in headless Chromium against the fake Excel host: once
 * the workbook has a tracker, Insert becomes Rebuild with the tracker's options; a rebuild with an
 * earlier first month keeps every value in its calendar month; months outside a later timeline are
 * listed and nothing changes until the user says to rebuild without them. The Insert view's own
 * checks say what fits, in the pane's language. Screenshots in test-artifacts/taskpane.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import type { FakeState } from "../support/excel-fake";
import { describeWith } from "../engines/engines";
import { monthColumn, trackingRow } from "../../src/core/template/layout";
import { columnLetter } from "../../src/core/template/formulas";
import { seedFromXlsx } from "../support/xlsx-seed";
import { fake, fitsWidth, focused, focusOn, paneSession, seriousViolations, settled, shot } from "../support/browser";

describeWith(["chromium"], "Rebuild in the task pane", () => {
  const { pane } = paneSession();

  /** Types MRR for the timeline's months 1..3 through its name, as a user types on the Tracking sheet. */
  const typeMrr = (page: Page) =>
    fake(page, (s) => {
      const n = s.names.get("Tracking_mrr")!;
      const [, letters, row] = /^([A-Z]+)(\d+)/.exec(n.ref)!;
      const col = [...letters].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0);
      const letter = (c: number) => (c > 26 ? String.fromCharCode(64 + Math.floor((c - 1) / 26)) : "") + String.fromCharCode(65 + ((c - 1) % 26));
      [40000, 44000, 48500].forEach((v, k) => s.sheets.find((x) => x.name === n.sheet)!.cells.set(`${letter(col + k)}${row}`, { value: v }));
    });
  /** MRR's cell `k` months after the first of its name, as the workbook holds it now. */
  const mrrAt = (page: Page, k: number) =>
    page.evaluate(`(() => {
      const s = window.__fake; const n = s.names.get("Tracking_mrr");
      const [, letters, row] = /^([A-Z]+)(\\d+)/.exec(n.ref);
      const col = [...letters].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0) + ${k};
      const letter = (c) => (c > 26 ? String.fromCharCode(64 + Math.floor((c - 1) / 26)) : "") + String.fromCharCode(65 + ((c - 1) % 26));
      return s.sheets.find((x) => x.name === n.sheet).cells.get(letter(col) + row)?.value;
    })()`) as Promise<number | undefined>;

  test("the first month proposed holds last year: this month is month 13", async () => {
    const page = await pane();
    await page.getByTestId("ready").waitFor();
    const now = new Date();
    const yearAgo = new Date(now.getFullYear(), now.getMonth() - 12, 1);
    const expected = `${yearAgo.getFullYear()}-${String(yearAgo.getMonth() + 1).padStart(2, "0")}`;
    expect(await page.getByLabel("First month of the timeline").inputValue()).toBe(expected);
  });

  test("the options are checked by the core's rules, in the pane's language", async () => {
    const page = await pane();
    await page.getByTestId("ready").waitFor();
    await page.getByLabel("Company name").fill("A".repeat(101));
    await page.getByLabel("Months on the timeline").fill("3.5");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByText("Company name must be 1 to 100 characters, as it titles the dashboard; got 101").waitFor();
    await page.getByText('Months on the timeline must be a whole number from 12 to 120; got "3.5"').waitFor();
    await page.getByLabel("Months on the timeline").fill("120");
    await page.getByLabel("First month of the timeline").fill("9999-01");
    await page.getByText('First month of the timeline must be from Mar 1900 to Jan 9990, so that all 120 months are dates Excel can hold; got "9999-01"').waitFor();
    await page.getByRole("button", { name: "Español" }).click();
    await page.getByText('Primer mes del calendario debe ir de mar 1900 a ene 9990, para que los 120 meses sean fechas que Excel admite; es "9999-01"').waitFor();
    expect(await fake(page, (s) => s.sheets.length)).toBe(0);
  });

  test("after an insert the view rebuilds; an earlier first month keeps each value in its calendar month; a later one lists what it cannot hold and asks first", async () => {
    const page = await pane();
    await page.getByTestId("ready").waitFor();
    await page.getByLabel("Company name").fill("Acme");
    await page.getByLabel("First month of the timeline").fill("2026-01");
    await page.getByLabel("Months on the timeline").fill("24");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByTestId("insert-result").waitFor();
    // Inserting again would make a second tracker: the button rebuilds this one.
    await page.getByRole("button", { name: "Rebuild tracking workbook" }).waitFor();
    expect(await page.getByTestId("rebuild-intro").innerText()).toContain("24 months from Jan 2026");
    await typeMrr(page);
    const sheets = await fake(page, (s) => s.sheets.map((x) => x.name));

    await page.getByLabel("First month of the timeline").fill("2025-10");
    await page.getByLabel("Months on the timeline").fill("36");
    await fake(page, (s) => (s.syncs = 0));
    await page.getByRole("button", { name: "Rebuild tracking workbook" }).click();
    const result = page.getByTestId("rebuild-result");
    await result.waitFor();
    expect(await result.innerText()).toContain("Carried 3 values, 0 threshold edits, 0 plan entries, the start month Jan 2026.");
    expect(await fake(page, (s) => s.syncs)).toBe(5);
    expect(await fake(page, (s) => s.sheets.map((x) => x.name))).toEqual(sheets);
    // October 2025 is month 1: January 2026 is the fourth month.
    expect([await mrrAt(page, 2), await mrrAt(page, 3), await mrrAt(page, 5), await mrrAt(page, 6)]).toEqual([undefined, 40000, 48500, undefined]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "rebuild");

    // A later first month: January and February 2026 are not on it.
    await page.getByLabel("First month of the timeline").fill("2026-03");
    await page.getByRole("button", { name: "Rebuild tracking workbook" }).click();
    const outside = page.getByTestId("rebuild-outside");
    await outside.waitFor();
    expect(await outside.innerText()).toContain("2 values of the old workbook cannot be carried into the new timeline, which runs from Mar 2026 to Feb 2029 (36 months). Nothing was changed.");
    expect(await outside.innerText()).toContain("mrr, Jan 2026: 40000 (not on the new timeline)");
    expect(await mrrAt(page, 3)).toBe(40000);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "rebuild-outside");
    await page.getByRole("button", { name: "Rebuild without these 2 values" }).click();
    await page.getByTestId("rebuild-result").waitFor();
    expect(await mrrAt(page, 0)).toBe(48500);
  });

  test("months inserted on Tracking and no refresh since: the rebuild says what happened and to refresh first, and changes nothing", async () => {
    const page = await pane();
    await page.getByTestId("ready").waitFor();
    await page.getByLabel("First month of the timeline").fill("2026-01");
    await page.getByLabel("Months on the timeline").fill("24");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByTestId("insert-result").waitFor();
    // Two month columns inserted inside Tracking's months: Excel widens Tracking_Months; the Budget, Departments and Channels sheets keep 24 until a refresh.
    await fake(page, (s) => {
      const n = s.names.get("Tracking_Months")!;
      const [from, to] = n.ref.split(":");
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(to)!;
      const col = [...letters].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0) + 2;
      const letter = (c: number) => (c > 26 ? String.fromCharCode(64 + Math.floor((c - 1) / 26)) : "") + String.fromCharCode(65 + ((c - 1) % 26));
      n.ref = `${from}:${letter(col)}${row}`;
    });
    const before = await fake(page, (s) => JSON.stringify(s.sheets.map((x) => [x.name, [...x.cells]])));
    await page.getByRole("button", { name: "Rebuild tracking workbook" }).click();
    const refused = page.getByTestId("rebuild-months-apart");
    await refused.waitFor();
    expect(await refused.innerText()).toContain("Tracking has 26 months and the Budget sheet 24, the Departments sheet 24, the Channels sheet 24: months were inserted on Tracking since the last refresh");
    expect(await refused.innerText()).toContain("Refresh the risk flags first");
    expect(await fake(page, (s) => JSON.stringify(s.sheets.map((x) => [x.name, [...x.cells]])))).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the pane looks for the tracker once: without one, two syncs at start (the change listener, the names); with one, five (and its options read for Rebuild)", async () => {
    for (const [query, syncs] of [["", 2], ["?tracker=1", 5]] as const) {
      const page = await pane(query);
      // The Insert view has looked (with a tracker the pane opens on another tab).
      await page.getByTestId("ready").waitFor({ state: "attached" });
      await settled(page);
      // Nothing else is on its way: a second look would have synced by now.
      await page.waitForTimeout(500);
      expect([query, await fake(page, (s) => s.syncs)]).toEqual([query, syncs]);
    }
  });

  test("a rebuild is busy as the other runs are (a named spinner, focus kept), then says the next step; the last refresh's list, of the old sheets, is gone", async () => {
    // A tracker from January 2026 with MRR typed in January: the pane opens on Risk flags.
    const page = await pane("?tracker=1&numbers=1");
    const refresh = page.getByRole("button", { name: "Refresh risk flags" });
    await refresh.click();
    await page.getByTestId("refresh-result").waitFor();
    const flagged = () => page.locator("#panel-refresh [aria-label^='Monthly recurring revenue: ']").getAttribute("aria-label");
    expect(await flagged()).toBe(`Monthly recurring revenue: Select the cell in the sheet Tracking!${columnLetter(monthColumn(1))}${trackingRow("mrr")}`);

    await page.getByRole("tab", { name: "Insert" }).click();
    const rebuild = page.getByRole("button", { name: "Rebuild tracking workbook" });
    await rebuild.waitFor();
    await page.getByLabel("First month of the timeline").fill("2025-10");
    // A slow Excel: the rebuild waits until the test lets it go.
    await page.evaluate("(() => { const run = Excel.run; const gate = new Promise((resolve) => (window.__release = resolve)); Excel.run = (...args) => gate.then(() => run(...args)); })()");
    await rebuild.click();
    await page.getByRole("progressbar", { name: "Rebuilding…" }).waitFor();
    expect(await rebuild.getAttribute("aria-disabled")).toBe("true");
    expect(await focused(page)).toBe("BUTTON:Rebuild tracking workbook");
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "rebuild-busy");
    await page.evaluate("window.__release()");
    await page.getByTestId("rebuild-result").waitFor();
    expect(await focused(page)).toBe("BUTTON:Rebuild tracking workbook");
    const next = page.getByTestId("next-insert");
    await next.getByText("Next: refresh the flags, so the list of what needs attention is read from the rebuilt workbook.").waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "next-after-rebuild");

    await next.getByRole("button", { name: "Go to Risk flags" }).click();
    await focusOn(page, "Refresh risk flags");
    expect(await page.getByTestId("refresh-result").count()).toBe(0);
    await page.keyboard.press("Enter");
    await page.getByTestId("refresh-result").waitFor();
    // October 2025 is month 1: January 2026's MRR is in the fourth month's column now.
    expect(await flagged()).toBe(`Monthly recurring revenue: Select the cell in the sheet Tracking!${columnLetter(monthColumn(4))}${trackingRow("mrr")}`);
  });

  test("after a rebuild, in Spanish, the next step is said in Spanish", async () => {
    const page = await pane("?tracker=1&numbers=1&displayLanguage=es-ES");
    await page.getByRole("tab", { name: "Insertar" }).click();
    await page.getByRole("button", { name: "Reconstruir libro de seguimiento" }).click();
    await page.getByTestId("rebuild-result").waitFor();
    await page.getByTestId("next-insert").getByText("Siguiente: actualiza las alertas, para que la lista de lo que requiere atención se lea del libro reconstruido.").waitFor();
    await page.getByTestId("next-insert").getByRole("button", { name: "Ir a Alertas" }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "next-after-rebuild-es");
  });

  /** The cell `k` columns right of the first cell of the workbook name `name`, as the workbook holds it now. */
  const namedCell = (page: Page, name: string, k = 0) =>
    page.evaluate(
      ([name, k]) => {
        const s = (window as unknown as { __fake: FakeState }).__fake;
        const n = [...s.names].find(([key]) => key.toLowerCase() === name.toLowerCase())![1];
        const [, letters, row] = /^([A-Z]+)(\d+)/.exec(n.ref)!;
        let col = [...letters].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0) + k;
        let letter = "";
        for (; col > 0; col = Math.floor((col - 1) / 26)) letter = String.fromCharCode(65 + ((col - 1) % 26)) + letter;
        return s.sheets.find((x) => x.name === n.sheet)!.cells.get(`${letter}${row}`);
      },
      [name, k] as const,
    );

  test("a tracker an earlier version made (commit 268cde6's export) is rebuilt in the pane: its options read, every value carried to its calendar month, its threshold edit and currency kept", async () => {
    // test/fixtures/tracker-from-268cde6.xlsx: that commit's `template --company "Old Co" --currency GBP --first-month 2026-01
    // --months 24 --actuals` with mrr, customers and churn for Jan-Apr 2026 and ARR typed over its formula in April.
    const seed = await seedFromXlsx(path.resolve(__dirname, "../fixtures/tracker-from-268cde6.xlsx"));
    // The user had lowered phase 1's MRR target (Target_mrr's first cell: P1) on the Thresholds sheet.
    const target = seed.names.find(([name]) => name === "Target_mrr")![1];
    const thresholds = seed.sheets.find((x) => x.name === target.sheet)!;
    const p1 = thresholds.cells.find(([ref]) => ref === target.ref.split(":")[0])!;
    p1[1] = { ...p1[1], value: 30000 };
    const page = await pane("", { script: `window.__seed = ${JSON.stringify(seed)}` });

    // Typed numbers: the pane opens on Risk flags; Insert offers Rebuild with the old workbook's options.
    await page.locator("#tab-refresh[aria-selected=true]").waitFor();
    await page.getByRole("tab", { name: "Insert" }).click();
    const intro = page.getByTestId("rebuild-intro");
    await intro.waitFor();
    expect(await intro.innerText()).toContain("24 months from Jan 2026, 13 values typed, 1 threshold edit, 0 plan entries.");
    expect([await page.getByLabel("Company name").inputValue(), await page.getByLabel("Currency code").inputValue()]).toEqual(["Old Co", "GBP"]);
    expect(await page.getByLabel("Months on the timeline").inputValue()).toBe("24");

    // Two months earlier: November 2025 is month 1, January 2026 month 3.
    await page.getByLabel("First month of the timeline").fill("2025-11");
    await page.getByRole("button", { name: "Rebuild tracking workbook" }).click();
    const result = page.getByTestId("rebuild-result");
    await result.waitFor();
    expect(await result.innerText()).toContain("Carried 13 values (1 typed over computed cells), 1 threshold edit, 0 plan entries, the start month Jan 2026.");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "rebuild-earlier-version");

    const values = async (name: string, ks: number[]) => Promise.all(ks.map(async (k) => (await namedCell(page, name, k))?.value));
    expect(await values("Tracking_mrr", [1, 2, 3, 4, 5, 6])).toEqual([undefined, 40000, 44000, 48500, 53000, undefined]);
    expect(await values("Tracking_churn", [4])).toEqual([0.045]);
    // April's ARR, typed over its formula, is a number again; March's is the formula.
    expect(await values("Tracking_arr", [5])).toEqual([700000]);
    expect((await namedCell(page, "Tracking_arr", 4))?.formula).toMatch(/^[A-Z(]/);
    const newTarget = await namedCell(page, "Target_mrr");
    expect(newTarget?.value).toBe(30000);
    expect(newTarget?.numberFormat).toContain("£");
    // The old sheets went: the rebuilt ones have their names, and the names point at them.
    expect(await fake(page, (s) => s.sheets.map((x) => x.name))).toEqual(["Scale Dashboard", "Board", "Tracking", "Budget", "Departments", "Channels", "Phase 1", "Phase 2", "Phase 3", "Phase 4", "Thresholds", "Risks", "Tools"]);
  });
});
