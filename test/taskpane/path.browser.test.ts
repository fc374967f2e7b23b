/**
 * The user's path (product.md 11), walked once from end to end in headless Chromium at 320
 * pixels against the fake Excel host: the first run's guide and Get started; Insert; Import of
 * last year's numbers from a finance-shaped block (a title row, "Jan 2026" headers, a Total row,
 * a label no measure has, mapped in the pane); a threshold edited; Rebuild with an earlier first
 * month; Refresh; formulas built beside a block of the user's. Each result is checked against an
 * oracle worked out by hand from product.md (sections 2-4 and 6.3-6.5), and the formulas are
 * evaluated by a real engine (HyperFormula running the SCALE functions, which run the core).
 * Screenshots in test-artifacts/taskpane (path-*).
 */
import type { Page } from "playwright-core";
import { monthColumn, trackingRow } from "../../src/core/template/layout";
import { columnLetter } from "../../src/core/template/formulas";
import type { FakeState } from "../support/excel-fake";
import { describeWith } from "../engines/engines";
import { engine } from "../support/scale-plugin";
import { fake, fitsWidth, focused, focusOn, paneSession, selectedTab, seriousViolations, settled, shot } from "../support/browser";

/** The finance team's export: a title row, a KPI corner, text month headers, one label no measure has, a Total row. */
const FINANCE: (string | number | null)[][] = [
  ["Acme Inc. - KPIs 2026", null, null, null, null],
  ["KPI", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026"],
  ["MRR", 100000, 110000, 121000, 133100],
  ["Churn", 0.03, 0.03, 0.028, 0.025],
  ["CAC", 95, 100, 102, 105],
  ["People (all entities)", 18, 19, 20, 22],
  ["Total", 100113.03, 110119.03, 121122.028, 133227.025],
];

/** A block of the user's own: a metric and its latest value per row, under a header. */
const BOARD: (string | number)[][] = [
  ["Metric", "Apr 2026"],
  ["MRR", 133100],
  ["Churn", 0.025],
  ["CAC", 105],
  ["Team size", 22],
];

/** The rebuilt timeline: July 2025 is month 1, so January 2026 is month 7 and April 2026 month 10. */
const REBUILT_FIRST_MONTH = "2025-07";
const JANUARY_2026 = 7;
const APRIL_2026 = 10;
const trackingCell = (key: string, t: number) => `Tracking!${columnLetter(monthColumn(t))}${trackingRow(key)}`;

describeWith(["chromium"], "the user's path, end to end, in the task pane", () => {
  const { pane } = paneSession();

  /** Puts `rows` on a new sheet from A1 and selects them, as the user would. */
  const userSheet = (page: Page, name: string, rows: (string | number | null)[][]) =>
    page.evaluate(
      ([name, rows]) => {
        const s = (window as unknown as { __fake: FakeState }).__fake;
        const cells = new Map<string, { value: string | number }>();
        rows.forEach((row, r) => row.forEach((v, c) => v !== null && cells.set(`${String.fromCharCode(65 + c)}${r + 1}`, { value: v })));
        s.sheets.push({ name, cells, formats: [], rules: [], validations: [], tables: [], charts: [] });
        s.selected = `${name}!A1:${String.fromCharCode(64 + rows[0].length)}${rows.length}`;
      },
      [name, rows] as const,
    );

  /** The cells of the workbook name `name`'s row, `k` months after its first, as the workbook holds them now. */
  const namedRow = (page: Page, name: string, ks: readonly number[]) =>
    page.evaluate(
      ([name, ks]) => {
        const s = (window as unknown as { __fake: FakeState }).__fake;
        const n = s.names.get(name)!;
        const [, letters, row] = /^([A-Z]+)(\d+)/.exec(n.ref)!;
        const first = [...letters].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0);
        const letter = (col: number) => {
          let out = "";
          for (; col > 0; col = Math.floor((col - 1) / 26)) out = String.fromCharCode(65 + ((col - 1) % 26)) + out;
          return out;
        };
        return ks.map((k) => s.sheets.find((x) => x.name === n.sheet)!.cells.get(`${letter(first + k)}${row}`)?.value);
      },
      [name, ks] as const,
    );

  test("first run → insert → import a finance export (one label mapped) → rebuild with an earlier first month → refresh → build formulas: every number is the one product.md gives", async () => {
    // 1. First run: the guide, then Get started takes the user to the Insert options.
    const page = await pane();
    await settled(page);
    const start = page.getByTestId("start");
    expect(await start.innerText()).toContain("Initial scaling");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "path-1-start");
    await start.getByRole("button", { name: "Get started" }).click();
    expect(await focused(page)).toMatch(/^SELECT:/);

    // 2. Insert, on a timeline from January 2026 (24 months); the next step says to import.
    await page.getByLabel("Company name").fill("Acme");
    await page.getByLabel("First month of the timeline").fill("2026-01");
    await page.getByLabel("Months on the timeline").fill("24");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByTestId("insert-result").waitFor();
    expect(await start.count()).toBe(0);
    await page.getByTestId("next-insert").getByRole("button", { name: "Go to Import" }).click();
    // The Import view's first control: where the numbers go (Tracking or the budget), then Read the selection.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === "radio" && (document.activeElement as HTMLInputElement).value === "tracking");

    // 3. Import last year's numbers as the finance team exports them.
    await userSheet(page, "Finance", FINANCE);
    await page.getByRole("button", { name: "Read the selection" }).click();
    await page.getByTestId("import-refused").waitFor();
    expect(await page.getByTestId("import-skipped").innerText()).toBe(
      '2 rows skipped, not read as measures:\nrow 1: skipped (above the header): "Acme Inc. - KPIs 2026"\nrow 7: skipped (a total row): "Total"',
    );
    expect(await page.getByTestId("import-unknown").innerText()).toContain("1 row names no measure.");
    await page.getByRole("combobox", { name: 'Measure for "People (all entities)"' }).click();
    await page.getByRole("option", { name: "Team size (team_size)" }).last().click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-mapped").innerText()).toContain("People (all entities) → Team size");
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "path-3-import");
    await page.getByRole("button", { name: "Write 16 values into Tracking" }).click();
    await page.getByText("Wrote 16 values into the Tracking sheet.").waitFor();
    // Month 1 is January 2026: each value in its month's column.
    expect(await namedRow(page, "Tracking_mrr", [0, 1, 2, 3, 4])).toEqual([100000, 110000, 121000, 133100, undefined]);
    expect(await namedRow(page, "Tracking_team_size", [0, 3])).toEqual([18, 22]);

    // The user lowers phase 1's CAC target to 110 on the Thresholds sheet (Target_cac's first cell is P1).
    await fake(page, (s) => {
      const target = s.names.get("Target_cac")!;
      s.sheets.find((x) => x.name === target.sheet)!.cells.set(target.ref.split(":")[0], { value: 110 });
    });

    // 4. Rebuild with an earlier first month: six months of 2025 before the numbers.
    await page.getByRole("tab", { name: "Insert" }).click();
    await page.getByLabel("First month of the timeline").fill(REBUILT_FIRST_MONTH);
    await page.getByLabel("Months on the timeline").fill("36");
    await page.getByRole("button", { name: "Rebuild tracking workbook" }).click();
    const rebuilt = page.getByTestId("rebuild-result");
    await rebuilt.waitFor();
    expect(await rebuilt.innerText()).toContain("Carried 16 values, 1 threshold edit, 0 plan entries, the start month Jan 2026.");
    const k = (t: number) => t - 1;
    expect(await namedRow(page, "Tracking_mrr", [k(JANUARY_2026) - 1, k(JANUARY_2026), k(APRIL_2026), k(APRIL_2026) + 1])).toEqual([undefined, 100000, 133100, undefined]);
    expect(await namedRow(page, "Tracking_team_size", [k(JANUARY_2026), k(APRIL_2026)])).toEqual([18, 22]);
    expect(await namedRow(page, "Target_cac", [0])).toEqual([110]);
    const next = page.getByTestId("next-insert");
    await next.getByText("Next: refresh the flags, so the list of what needs attention is read from the rebuilt workbook.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "path-4-rebuild");

    // 5. Refresh. April 2026 is the reporting month (the last with data, 6.4). MRR misses phase 1, so
    // the phase reached is 0 and every metric is judged against phase 1 (6.4: min(0 + 1, 4)), each by
    // section 4's band of 10% of its threshold:
    //   mrr 133,100 against 500,000: RISK; arr = 12 × mrr = 1,597,200 against 6,000,000: RISK (6.3);
    //   mrr_growth = 133,100 / 121,000 - 1 = 10% against 20% (WATCH from 18%): RISK (6.3);
    //   revenue_per_employee = 12 × 133,100 / 22 = 72,600 against 250,000: RISK (6.3);
    //   churn 2.5% at most 5%: OK; cac 105 at most 110 (the edit, carried): OK; team_size 22 of 20: OK.
    // Risk indicators (section 3): competition.churn 2.5% < 5%: OK; MRR growth is both groups'
    // revenue growth: 10% against cash_burn's 20% and competition's 25%: RISK twice. No other has a value.
    await next.getByRole("button", { name: "Go to Risk flags" }).click();
    await focusOn(page, "Refresh risk flags");
    await page.keyboard.press("Enter");
    await page.getByTestId("refresh-result").waitFor();
    expect(await page.getByTestId("reporting-month").innerText()).toMatch(/^Levels of Apr(il)? 2026:$/);
    expect(await page.getByTestId("refresh-summary").innerText()).toContain("4 OK, 0 WATCH, 6 RISK");
    const flagged = (await page.locator("[data-testid=refresh-result] tbody tr").evaluateAll((rows) =>
      rows.map((r) => {
        const cells = r.querySelectorAll("td");
        return { label: r.querySelector("button")?.getAttribute("aria-label") ?? "", level: r.querySelector(".fui-Badge")?.textContent ?? "", value: Number(cells[1]?.getAttribute("title")), target: Number(cells[2]?.getAttribute("title")) };
      }),
    )) as { label: string; level: string; value: number; target: number }[];
    const cell = (name: string, key: string) => `${name}: Select the cell in the sheet ${trackingCell(key, APRIL_2026)}`;
    const expected = [
      { label: cell("Monthly recurring revenue", "mrr"), level: "RISK", value: 133100, target: 500000 },
      { label: cell("Annual recurring revenue", "arr"), level: "RISK", value: 1597200, target: 6000000 },
      { label: cell("MRR growth (monthly)", "mrr_growth"), level: "RISK", value: 0.1, target: 0.2 },
      { label: cell("Revenue per employee (annual)", "revenue_per_employee"), level: "RISK", value: 72600, target: 250000 },
      { label: cell("Revenue growth", "mrr_growth"), level: "RISK", value: 0.1, target: 0.2 },
      { label: cell("Revenue growth", "mrr_growth"), level: "RISK", value: 0.1, target: 0.25 },
    ];
    const byLabel = (a: { label: string; target: number }, b: { label: string; target: number }) => a.label.localeCompare(b.label) || a.target - b.target;
    expect(flagged.length).toBe(expected.length);
    [...flagged].sort(byLabel).forEach((row, i) => {
      const want = [...expected].sort(byLabel)[i];
      expect([row.label, row.level, row.target]).toEqual([want.label, want.level, want.target]);
      expect(row.value).toBeCloseTo(want.value, 9);
    });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "path-5-refresh");

    // 6. Formulas beside a block of the user's: per row SCALE.GAP to the phase after the one that
    // metric reaches alone (each phase checked on its own, section 5), with the workbook's thresholds:
    //   MRR 133,100 reaches none: 500,000 - 133,100 = 366,900 to phase 1;
    //   churn 2.5% meets P1 (5%) and P2 (3%), not P3 (2%): 2.5% - 2% = 0.5% to phase 3;
    //   CAC 105 meets the edited P1 (110), not P2 (75): 105 - 75 = 30 to phase 2;
    //   team size 22 meets P1 (20), not P2 (50): 28 to phase 2;
    // and SCALE.PHASE over the four: 0 (MRR misses phase 1, and every phase needs all of them).
    await userSheet(page, "Numbers", BOARD);
    await page.getByRole("tab", { name: "Inspect" }).click();
    await page.getByRole("button", { name: "Write formulas beside the selection" }).click();
    await page
      .getByText("Wrote 5 formulas into Numbers!C1:C6: per metric the gap to its next phase, as Inspect shows it (the level for a risk indicator), and the phase reached below them, with this workbook's Thresholds tables. They reference your cells, so they follow your edits.")
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "path-6-formulas");
    const { board, thresholds, table } = await fake(page, (s) => {
      const grid = (name: string) => {
        const rows: (string | number | boolean | null)[][] = [];
        for (const [ref, c] of s.sheets.find((x) => x.name === name)!.cells) {
          const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(ref)!;
          const col = [...letters].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0);
          while (rows.length < Number(row)) rows.push([]);
          const line = rows[Number(row) - 1];
          while (line.length < col) line.push(null);
          line[col - 1] = c.formula !== undefined ? `=${c.formula}` : (c.value ?? null);
        }
        return rows;
      };
      const holder = s.sheets.find((x) => x.tables.some((t) => t.name === "ScaleThresholds"))!;
      return { board: grid("Numbers"), thresholds: grid(holder.name), table: { sheet: holder.name, ref: holder.tables.find((t) => t.name === "ScaleThresholds")!.ref } };
    });
    // A structured reference HyperFormula does not read: the table's own cells instead.
    const formulas = board.map((row) => (typeof row[2] === "string" ? row[2].replace(/ScaleThresholds\[#All\]/g, `'${table.sheet}'!${table.ref}`) : row[2]));
    expect(formulas.every((f, r) => r === 0 || (typeof f === "string" && f.includes(`'${table.sheet}'!`)))).toBe(true);
    const hf = engine({ Numbers: board.map((row, r) => [row[0], row[1], formulas[r] ?? null]), [table.sheet]: thresholds });
    const sheet = hf.getSheetId("Numbers")!;
    const computed = [1, 2, 3, 4, 5].map((row) => hf.getCellValue({ sheet, row, col: 2 }));
    expect(computed.map((v) => typeof v)).toEqual(["number", "number", "number", "number", "number"]);
    const oracle = [366900, 0.005, 30, 28, 0];
    computed.forEach((v, i) => expect(v as number).toBeCloseTo(oracle[i], 9));

    // Inspect's table says the same gaps for the same block.
    await fake(page, (s) => (s.selected = "Numbers!A1:B5"));
    await page.getByRole("button", { name: "Inspect selection" }).click();
    await page.getByTestId("inspect-result").waitFor();
    const shown = (await page.locator("[data-testid=inspect-result] tbody tr td:nth-child(4)").evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("title"))))) as number[];
    shown.forEach((v, i) => expect(v).toBeCloseTo(oracle[i], 9));
    expect(shown.length).toBe(4);
    expect(await selectedTab(page)).toBe("tab-inspect");
  });
});
