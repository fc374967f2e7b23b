import type { Page } from "playwright-core";
import { gap, phase, risk } from "../../src/functions/functions";
import { TRACKING, monthColumn, trackingRow } from "../../src/core/template/layout";
import { columnLetter } from "../../src/core/template/formulas";
import type { FakeState } from "../support/excel-fake";
import { describeWith } from "../engines/engines";
import { fake, fitsWidth, focused, focusOn, paneSession, selectedIs, selectedTab, seriousViolations, settled, shot } from "../support/browser";

/** Month t's column letter on the Tracking sheet, and a row's cell in it. */
const month = (t: number) => columnLetter(monthColumn(t));
const monthCell = (key: string, t: number) => `${month(t)}${trackingRow(key)}`;

describeWith(["chromium"], "the task pane in headless Chromium, against the fake Excel host", () => {
  const { pane, outsideExcel } = paneSession();

  /** The pane's background is dark (Fluent's dark theme), as a reader sees it. */
  const isDark = (page: Page) =>
    page.evaluate("(() => { const [r, g, b] = getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor.match(/\\d+/g).map(Number); return r + g + b < 3 * 80; })()") as Promise<boolean>;
  /** Waits until the pane is dark (or light). A function, not a string: the page's CSP refuses the eval a string needs. */
  const becomes = (page: Page, dark: boolean) =>
    page.waitForFunction((want) => {
      const [r, g, b] = getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor.match(/\d+/g)!.map(Number);
      return r + g + b < 3 * 80 === want;
    }, dark);
  /** Simulates edits on the sheets with these ids (an expression over the fake's state `s`), as worksheets.onChanged reports them. */
  const edit = (page: Page, worksheetIds: string) =>
    page.evaluate(`(() => { const s = window.__fake; return Promise.all((${worksheetIds}).flatMap((id) => s.changeHandlers.map((h) => h({ type: "WorksheetChanged", worksheetId: id })))); })()`);

  async function insertWorkbook(page: Page) {
    await page.getByLabel("Company name").fill("Acme");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByTestId("insert-result").waitFor();
  }

  test("the page's Content-Security-Policy refuses inline scripts; nothing outside the origin is reached", async () => {
    const page = await pane();
    await page.getByTestId("ready").waitFor();
    await expect(page.addScriptTag({ content: "window.injected = true" })).rejects.toThrow(/Content Security Policy/);
    const fetched = await page.evaluate("fetch('https://example.com/x').then(() => 'reached', (e) => 'refused: ' + e.message)");
    expect(fetched).toMatch(/^refused/);
    expect(await page.evaluate("window.injected === undefined")).toBe(true);
  });

  test("outside Excel the pane says it must run inside Excel", async () => {
    const page = await outsideExcel();
    await page.getByTestId("outside-excel").waitFor();
    expect(await page.textContent("h1")).toBe("Open Scale Tracker inside Excel");
    await shot(page, "outside-excel");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("outside Excel the page follows the system's colour scheme as it changes", async () => {
    const page = await outsideExcel();
    await page.getByTestId("outside-excel").waitFor();
    expect(await isDark(page)).toBe(false);
    await page.emulateMedia({ colorScheme: "dark" });
    await becomes(page, true);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "outside-excel-dark");
  });

  test("Insert builds the workbook, says which sheets it created (with free names) and jumps to the dashboard", async () => {
    const page = await pane();
    await page.getByTestId("ready").waitFor();
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await fake(page, (s) => {
      s.sheets.push({ name: "Thresholds", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] });
      s.syncs = 0; // the pane's change listener and its look for a tracker synced at start
    });
    await insertWorkbook(page);
    const result = await page.getByTestId("insert-result").innerText();
    expect(result).toContain("Scale Dashboard");
    expect(result).toContain("Thresholds (2) (the name Thresholds was taken)");
    expect(await fake(page, (s) => s.sheets.map((x) => x.name))).toEqual(["Thresholds", "Scale Dashboard", "Board", "Tracking", "Budget", "Departments", "Channels", "Phase 1", "Phase 2", "Phase 3", "Phase 4", "Thresholds (2)", "Risks", "Tools"]);
    expect(await fake(page, (s) => s.syncs)).toBe(2);
    // Announced to screen readers: said in the view's status region.
    expect(await page.getByTestId("insert-result").evaluate((e) => e.closest("[aria-live]")?.getAttribute("role"))).toBe("status");
    await shot(page, "insert");
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole("button", { name: "Go to the dashboard" }).click();
    await selectedIs(page, "'Scale Dashboard'!A1");
  });

  test("an insert goes on while the user looks at another tab: still busy on return, its result kept", async () => {
    const page = await pane();
    await page.getByTestId("ready").waitFor();
    // Each tab controls its own panel, which is labelled by the tab.
    for (const id of ["insert", "refresh", "inspect", "functions"]) {
      expect(await page.locator(`#tab-${id}`).getAttribute("aria-controls")).toBe(`panel-${id}`);
      expect(await page.locator(`#panel-${id}`).getAttribute("aria-labelledby")).toBe(`tab-${id}`);
    }
    // A slow Excel: every batch waits until the test lets it go.
    await page.evaluate("(() => { const run = Excel.run; const gate = new Promise((resolve) => (window.__release = resolve)); Excel.run = (...args) => gate.then(() => run(...args)); })()");
    await page.getByLabel("Company name").fill("Acme");
    const insert = page.getByRole("button", { name: "Insert tracking workbook" });
    await insert.click();
    // Busy as the other views are: a spinner named by what is happening, the button inactive but focusable.
    await page.getByRole("progressbar", { name: "Inserting…" }).waitFor();
    expect(await focused(page)).toBe("BUTTON:Insert tracking workbook");
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).waitFor();
    await page.getByRole("tab", { name: "Insert" }).click();
    await page.getByRole("tabpanel", { name: "Insert" }).waitFor();
    // No second insert can start over the first, and what the user typed is still there.
    await page.getByRole("progressbar", { name: "Inserting…" }).waitFor();
    expect(await insert.getAttribute("aria-disabled")).toBe("true");
    await insert.focus();
    await page.keyboard.press("Enter");
    expect(await page.getByLabel("Company name").inputValue()).toBe("Acme");
    await page.evaluate("window.__release()");
    await page.getByTestId("insert-result").waitFor();
    for (const name of ["Inspect", "Functions", "Insert"]) {
      await page.getByRole("tab", { name }).click();
      await page.getByRole("tabpanel", { name }).waitFor();
    }
    expect(await page.getByTestId("insert-result").innerText()).toContain("Scale Dashboard");
    // The workbook has a tracker now: the button rebuilds it (inserting again would make a second one).
    expect(await page.getByRole("button", { name: "Rebuild tracking workbook" }).isEnabled()).toBe(true);
    expect(await fake(page, (s) => s.sheets.length)).toBe(13);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("bad options are explained and nothing is inserted", async () => {
    const page = await pane();
    await page.getByLabel("Currency code").fill("E1");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByText('Currency code must be a three-letter code such as USD or EUR; got "E1"').waitFor();
    await page.getByLabel("Months on the timeline").fill("200");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByText('Months on the timeline must be a whole number from 12 to 120; got "200"').waitFor();
    expect(await fake(page, (s) => s.sheets.length)).toBe(0);
  });

  test("errors from Excel appear as a plain sentence with what to do", async () => {
    const page = await pane();
    await fake(page, (s) => (s.failWhen = (op: string) => (op.startsWith("worksheets.add") ? "AccessDenied" : false)));
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("The workbook or a sheet is protected. Unprotect it (Review > Unprotect), then try again.");
    await fake(page, (s) => (s.failWhen = (op: string) => (op === "load range" ? "InvalidOperationInCellEditMode" : false)));
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    await page.getByText("Excel is editing a cell. Press Enter or Esc").waitFor();
  });

  test("an Excel without the needed API gets a sentence naming it, and nothing is inserted", async () => {
    const page = await pane();
    await fake(page, (s) => (s.apiSupported = false));
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    await page.getByText("This version of Excel does not support what Scale Tracker needs (Excel API 1.9). Use Microsoft 365 or Excel on the web.").waitFor();
    expect(await fake(page, (s) => s.sheets.length)).toBe(0);
  });

  test("where Excel cannot report edits, the pane says to refresh after changing inputs", async () => {
    const page = await pane("?events=off");
    await insertWorkbook(page);
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    await page.getByText("This Excel does not tell the pane about edits: refresh again after you change inputs or thresholds.").waitFor();
  });

  test("Office's dark theme: dark background, readable contrast", async () => {
    const page = await pane("?theme=dark");
    await insertWorkbook(page);
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    await page.getByText("No values yet: type monthly values on the Tracking sheet, then refresh.").waitFor();
    await fake(page, (s) => {
      // Month 1 of a row, found through its name as refresh finds it.
      const set = (name: string, value: number) => {
        const n = s.names.get(name)!;
        s.sheets.find((x) => x.name === n.sheet)!.cells.set(n.ref.split(":")[0], { value });
      };
      set("Tracking_mrr", 480_000);
      set("Tracking_cash_burn_cash_runway", 14);
    });
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    await page.getByRole("row").nth(2).waitFor();
    const background = (await page.evaluate("getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor")) as string;
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "refresh-dark");
  });

  test("without an Office theme the pane follows the system's colour scheme as it changes", async () => {
    const page = await pane();
    await page.getByTestId("ready").waitFor();
    expect(await isDark(page)).toBe(false);
    await page.emulateMedia({ colorScheme: "dark" });
    await becomes(page, true);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "insert-system-dark");
    await page.emulateMedia({ colorScheme: "light" });
    await becomes(page, false);
  });

  test("where Office reports theme changes the pane follows them, and then Office's theme wins over the system's", async () => {
    const page = await pane("?themeEvents=on");
    await page.getByTestId("ready").waitFor();
    expect(await isDark(page)).toBe(false);
    const officeTheme = (background: string) => page.evaluate(`window.__themeHandlers.forEach((h) => h({ type: "officeThemeChanged", officeTheme: { bodyBackgroundColor: "${background}" } }))`);
    await officeTheme("#262626");
    await becomes(page, true);
    await officeTheme("#FFFFFF");
    await becomes(page, false);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForTimeout(200);
    expect(await isDark(page)).toBe(false);
  });

  test("Refresh shows the counts and the cells to watch; a click selects the cell; edits mark the list stale", async () => {
    const page = await pane();
    await insertWorkbook(page);
    await fake(page, (s) => {
      // Month 1 of each row, found through its name as refresh finds it.
      const set = (name: string, value: number) => {
        const n = s.names.get(name)!;
        s.sheets.find((x) => x.name === n.sheet)!.cells.set(n.ref.split(":")[0], { value });
      };
      set("Tracking_mrr", 480_000);
      set("Tracking_churn", 0.04);
      set("Tracking_cash_burn_cash_runway", 14); // typed over the runway's formula
      set("Tracking_uptime", 0.9989);
    });
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    await page.getByTestId("refresh-result").waitFor();
    // Churn 4% is OK as a phase metric and as competition.churn; MRR, its ARR and uptime are WATCH.
    expect(await page.getByTestId("refresh-summary").innerText()).toContain("2 OK, 3 WATCH, 1 RISK");
    expect(await page.getByTestId("reporting-month").innerText()).toMatch(/^Levels of \w+ \d{4}:$/);
    expect(await page.getByTestId("plan-completion").innerText()).toBe("Plan completion: P1 0%, P2 0%, P3 0%, P4 0%.");
    // RISK first, then by row; values and targets formatted like the sheet, the exact number on hover.
    const rows = (await page.locator("tbody tr").allInnerTexts()).map((r) => r.split(/\t|\n/).filter(Boolean));
    expect(rows).toEqual([
      ["Cash runway", "RISK", "Risks", "14.00", "18.00"],
      ["Monthly recurring revenue", "WATCH", "phase 1", "480,000", "500,000"],
      ["Annual recurring revenue", "WATCH", "phase 1", "5,760,000", "6,000,000"],
      ["System uptime", "WATCH", "phase 1", "99.8900%", "99.9000%"],
    ]);
    expect(await page.locator("tbody tr").nth(3).locator("td").nth(1).getAttribute("title")).toBe("0.9989");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "refresh");
    await page.getByRole("button", { name: new RegExp(`Monthly recurring revenue: Select the cell in the sheet Tracking!${monthCell("mrr", 1)}`) }).click();
    await selectedIs(page, `Tracking!${monthCell("mrr", 1)}`);
    await page.evaluate("Promise.all(window.__fake.changeHandlers.map((h) => h({})))");
    await page.getByTestId("stale").waitFor();
    // Said politely, in the view's status region.
    expect(await page.getByTestId("stale").evaluate((e) => e.closest("[aria-live]")?.getAttribute("role"))).toBe("status");
    // The user renames the sheet: the listed cell is gone, and the pane says so rather than "try again".
    await fake(page, (s) => (s.sheets.find((x) => x.name === "Tracking")!.name = "Timeline"));
    await page.getByRole("button", { name: /Monthly recurring revenue: Select the cell/ }).click();
    await page.getByText("That cell is no longer where the last refresh found it: its sheet was renamed or deleted. Refresh the risk flags, then try again.").waitFor();
    expect(await fake(page, (s) => s.selected)).toBe(`Tracking!${monthCell("mrr", 1)}`);
  });

  test("Risk flags: a sheet whose rules Excel cannot read is named with what rebuilding does; Rebuild redoes its flags", async () => {
    const page = await pane();
    await insertWorkbook(page);
    await fake(page, (s) => {
      s.sheets.find((x) => x.name === "Risks")!.rules.push({ id: "dup", ref: "G5:G6", formula: "=G5>1", unreadable: "GeneralException" });
    });
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    await page.getByTestId("unreadable").waitFor();
    expect(await page.getByTestId("unreadable").innerText()).toContain(
      "Excel cannot read the conditional formats of Risks (one of them is damaged, for example a duplicated rule), so its flags were left as they were. Rebuilding removes every conditional format on the cells Scale Tracker colours on Risks, yours on those cells included, and adds the flags again",
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "refresh-unreadable");
    await page.getByRole("button", { name: "Rebuild the flags of Risks" }).click();
    await page.getByText(/^Rebuilt the flags of Risks: \d+ rules\.$/).waitFor();
    await page.getByTestId("unreadable").waitFor({ state: "detached" });
    expect(await fake(page, (s) => s.sheets.find((x) => x.name === "Risks")!.rules.some((r) => r.id === "dup"))).toBe(false);
  });

  test("Risk flags: pasted numbers a measure cannot take are listed apart, in the pane's language, and select their cell", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await page.getByLabel("Nombre de la empresa").fill("Acme");
    await page.getByRole("button", { name: "Insertar libro de seguimiento" }).click();
    await page.getByTestId("insert-result").waitFor();
    await fake(page, (s) => {
      const churn = s.names.get("Tracking_churn")!;
      s.sheets.find((x) => x.name === churn.sheet)!.cells.set(churn.ref.split(":")[0], { value: 5 });
    });
    await page.getByRole("tab", { name: "Alertas" }).click();
    await page.getByRole("button", { name: "Actualizar alertas" }).click();
    const list = page.getByTestId("out-of-range");
    await list.waitFor();
    expect(await list.innerText()).toMatch(
      new RegExp(
        `^1 celda no puede ser correcta para su medida \\(los valores pegados saltan las comprobaciones de Excel\\) y no se evalúa:\\s+Seguimiento!${monthCell("churn", 1)} contiene 5: Churn mensual es un porcentaje que se escribe como fracción: 5 % es 0,05; escribe 0,05, no 5\\.$`,
      ),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "refresh-out-of-range-es");
    await list.getByRole("button").click();
    await selectedIs(page, `Seguimiento!${monthCell("churn", 1)}`);
  });

  test("Risk flags: a month column the user inserted on the Tracking sheet is given its formulas, and the pane says which month", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await page.getByLabel("Nombre de la empresa").fill("Acme");
    await page.getByRole("button", { name: "Insertar libro de seguimiento" }).click();
    await page.getByTestId("insert-result").waitFor();
    await page.evaluate(`window.__insertColumn('Seguimiento', '${month(2)}')`);
    await page.getByRole("tab", { name: "Alertas" }).click();
    await page.getByRole("button", { name: "Actualizar alertas" }).click();
    const done = page.getByTestId("months-completed");
    await done.waitFor();
    // The new second month (the first is the insert's default, this month), named in Spanish.
    expect(await done.innerText()).toMatch(/^El mes insertado en la hoja Seguimiento ya tiene sus fórmulas: [a-z]+ de \d{4}\.$/);
    expect(await page.evaluate(`window.__fake.sheets.find((x) => x.name === "Seguimiento").cells.get("${month(2)}${TRACKING.headerRow}")?.formula`)).toMatch(/^DATE\(/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "refresh-months-completed-es");
  });

  test("Risk flags: a refresh Excel stops part-way says which sheets were refreshed and why it stopped", async () => {
    const page = await pane();
    await insertWorkbook(page);
    await fake(page, (s) => {
      let deletes = 0;
      s.failWhen = (op) => (op === "conditionalFormats.delete" && ++deletes === 20 ? "AccessDenied" : false);
    });
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/^Excel stopped the refresh part-way\. Every sheet still has a full set of flags, old or new; refresh again to bring them all up to date\. Refreshed: .+\. Kept their previous flags \(or hold both sets until the next refresh\): .+\. The workbook or a sheet is protected\./);
    await shot(page, "refresh-incomplete");
  });

  test("edits on sheets that are not the template's input sheets leave the risk list current", async () => {
    const page = await pane();
    await fake(page, (s) => s.sheets.push({ name: "Notes", id: "{notes}", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] }));
    await insertWorkbook(page);
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    await page.getByTestId("refresh-result").waitFor();
    // The user's own sheet, and the Risks sheet (formulas over the timeline, no inputs).
    await edit(page, `["{notes}", s.sheets.find((x) => x.name === "Risks").id]`);
    await page.waitForTimeout(300);
    expect(await page.getByTestId("stale").count()).toBe(0);
    // A threshold edited: the list may be out of date.
    await edit(page, `[s.sheets.find((x) => x.name === "Thresholds").id]`);
    await page.getByTestId("stale").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "refresh-stale");
    // A refresh makes it current again; an edit on the timeline, or of the dashboard's reporting month, marks it stale again.
    for (const sheet of ["Tracking", "Scale Dashboard"]) {
      await page.getByRole("button", { name: "Refresh risk flags" }).click();
      await page.getByTestId("stale").waitFor({ state: "detached" });
      await edit(page, `[s.sheets.find((x) => x.name === "${sheet}").id]`);
      await page.getByTestId("stale").waitFor();
    }
  });

  test("Import reads a selection, lists refused values, shows what goes where, and writes only on confirmation; typed values need their own", async () => {
    const page = await pane();
    await insertWorkbook(page);
    await fake(page, (s) => {
      const data = { name: "Data", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      const rows: (string | number)[][] = [["metric", 1, 2], ["MRR", 100000, 120000], ["Churn mensual", 5, 0.04]];
      rows.forEach((row, r) => row.forEach((v, c) => data.cells.set(`${"ABC"[c]}${r + 1}`, { value: v })));
      s.sheets.push(data);
      s.selected = "Data!A1:C3";
    });
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByRole("button", { name: "Read the selection" }).click();
    const refused = page.getByTestId("import-refused");
    await refused.waitFor();
    expect(await refused.innerText()).toContain("1 value refused, so nothing will be written.");
    expect(await refused.innerText()).toContain("row 3, column 1: churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5.");
    expect(await page.getByRole("button", { name: /^Write/ }).count()).toBe(0);
    await shot(page, "import-refused");
    // The user fixes the cell; a number typed before on the Tracking sheet is in the way.
    await fake(page, (s) => {
      s.sheets.find((x) => x.name === "Data")!.cells.set("B3", { value: 0.05 });
      const mrr = s.names.get("Tracking_mrr")!;
      s.sheets.find((x) => x.name === mrr.sheet)!.cells.set(mrr.ref.split(":")[0], { value: 90000 });
    });
    await page.getByRole("button", { name: "Read the selection" }).click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-summary").innerText()).toBe("From Data!A1:C3: 4 values for the Tracking sheet.");
    const rows = (await page.getByTestId("import-preview").locator("tbody tr").allInnerTexts()).map((r) => r.split(/\t|\n/).filter(Boolean));
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ["Monthly recurring revenue", "100,000", monthCell("mrr", 1)],
      ["Monthly recurring revenue", "120,000", monthCell("mrr", 2)],
      ["Churn (monthly)", "5.00%", monthCell("churn", 1)],
      ["Churn (monthly)", "4.00%", monthCell("churn", 2)],
    ]);
    expect(await page.getByTestId("import-overwrites").innerText()).toContain(`1 cell holds a number typed before, which the import would replace:\nTracking!${monthCell("mrr", 1)}: 90,000 → 100,000`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import");
    // Written without the typed value; confirmed, that one too.
    await page.getByRole("button", { name: "Write 3 values into Tracking" }).click();
    await page.getByText("Wrote 3 values into the Tracking sheet. Kept 1 typed value as it was.").waitFor();
    const cell = (ref: string) => page.evaluate(`window.__fake.sheets.find((x) => x.name === "Tracking").cells.get("${ref}")?.value`);
    expect([await cell(monthCell("mrr", 1)), await cell(monthCell("mrr", 2)), await cell(monthCell("churn", 1))]).toEqual([90000, 120000, 0.05]);
    await page.getByRole("button", { name: "Read the selection" }).click();
    await page.getByRole("checkbox", { name: "Replace this typed value" }).check();
    await page.getByRole("button", { name: "Write 1 value into Tracking" }).click();
    await page.getByText("Wrote 1 value into the Tracking sheet.").waitFor();
    expect(await cell(monthCell("mrr", 1))).toBe(100000);
  });

  test("Import: a cell typed on the Tracking sheet between the preview and the write is listed, nothing is written, and the pane says to read again", async () => {
    const page = await pane();
    await insertWorkbook(page);
    await fake(page, (s) => {
      const data = { name: "Data", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      [["metric", 1, 2], ["MRR", 100000, 120000]].forEach((row, r) => row.forEach((v, c) => data.cells.set(`${"ABC"[c]}${r + 1}`, { value: v })));
      s.sheets.push(data);
      s.selected = "Data!A1:C2";
    });
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByRole("button", { name: "Read the selection" }).click();
    await page.getByTestId("import-preview").waitFor();
    // Meanwhile the user types the second month's MRR on the Tracking sheet (computed in the page: the callback runs there).
    const [first, second] = await fake(page, (s) => {
      const [, letters, row] = /^([A-Z]+)(\d+)/.exec(s.names.get("Tracking_mrr")!.ref)!;
      let next = "";
      for (let k = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) + 1; k > 0; k = Math.floor((k - 1) / 26)) next = String.fromCharCode(65 + ((k - 1) % 26)) + next;
      s.sheets.find((x) => x.name === "Tracking")!.cells.set(`${next}${row}`, { value: 95000 });
      return [`${letters}${row}`, `${next}${row}`];
    });
    await page.getByRole("button", { name: "Write 2 values into Tracking" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("The Tracking sheet changed since the preview, so nothing was written. Read the selection again to see the import as it is now.");
    expect(text).toContain(`1 cell of the Tracking sheet changed since the preview:\nTracking!${second}: empty in the preview, 95,000 now`);
    expect(text).not.toContain("Nothing was changed");
    expect(await page.getByTestId("import-preview").count()).toBe(0);
    expect(await page.evaluate(`window.__fake.sheets.find((x) => x.name === "Tracking").cells.get("${first}")?.value`)).toBeUndefined();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-changed");
    await page.getByRole("button", { name: "Español" }).click();
    expect(await page.getByRole("alert").innerText()).toContain(`Tracking!${second}: vacía en la vista previa, 95.000 ahora`);
  });

  test("an insert Excel stops part-way lists what it left, and Remove what the insert left removes exactly that", async () => {
    const page = await pane();
    await fake(page, (s) => {
      s.sheets.push({ name: "Forecast", cells: new Map([["A1", { value: "mine" }]]), formats: [], rules: [], validations: [], tables: [], charts: [] });
      s.names.set("MyTotal", { sheet: "Forecast", ref: "A1" });
      // From the 450th change on (the thirteen sheets are in, and the first workbook names), Excel refuses every change (the workbook was protected meanwhile): the insert and its undo stop.
      let changes = 0;
      s.failWhen = (op: string) => (!op.startsWith("load") && ++changes >= 450 ? "AccessDenied" : false);
    });
    await page.getByLabel("Company name").fill("Acme");
    await page.getByRole("button", { name: "Insert tracking workbook" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const [left, names] = await fake(page, (s) => [s.sheets.map((x) => x.name).filter((n) => n !== "Forecast"), [...s.names.keys()].filter((n) => n !== "MyTotal")]);
    expect([left.length, names.length > 0]).toEqual([13, true]);
    const text = await alert.innerText();
    expect(text).toContain("Excel stopped the insert part-way, and the add-in could not take back everything it had added. The workbook or a sheet is protected.");
    expect(text).toContain(`Still in the workbook from this insert: ${left.length} sheets: ${left.join(", ")}; ${names.length} workbook names (listed below).`);
    await page.getByText(`The ${names.length} names`).click();
    expect(await page.getByTestId("insert-left-names").innerText()).toContain(`Workbook names: ${names.join(", ")}.`);
    expect(text).not.toContain("Nothing was changed");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "insert-left");
    // The user unprotects the workbook, then removes what the insert left.
    await fake(page, (s) => (s.failWhen = undefined));
    await page.getByRole("button", { name: "Remove what the insert left" }).click();
    await page.getByTestId("insert-left-removed").waitFor();
    expect(await page.getByTestId("insert-left-removed").innerText()).toContain(`Removed what the insert left: ${left.length} sheets (${left.join(", ")})`);
    expect(await fake(page, (s) => [s.sheets.map((x) => x.name), [...s.names.keys()]])).toEqual([["Forecast"], ["MyTotal"]]);
    expect(await page.getByRole("alert").innerText()).toBe("");
  });

  test("Import in Spanish: the refused values are worded in Spanish, numbers with decimal commas", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await page.getByLabel("Nombre de la empresa").fill("Acme");
    await page.getByRole("button", { name: "Insertar libro de seguimiento" }).click();
    await page.getByTestId("insert-result").waitFor();
    await fake(page, (s) => {
      const data = { name: "Datos", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      const rows: (string | number)[][] = [["métrica", 1, 2], ["MRR", 100000, "1.000 €"], ["Churn mensual", 5.5, 0.04], ["mrrr", 1, 2]];
      rows.forEach((row, r) => row.forEach((v, c) => data.cells.set(`${"ABC"[c]}${r + 1}`, { value: v })));
      s.sheets.push(data);
      s.selected = "Datos!A1:C4";
    });
    await page.getByRole("tab", { name: "Importar" }).click();
    await page.getByRole("button", { name: "Leer la selección" }).click();
    const refused = page.getByTestId("import-refused");
    await refused.waitFor();
    const text = await refused.innerText();
    expect(text).toContain("fila 2, columna 2: el valor \"1.000 €\" lleva un símbolo de moneda o un separador de miles");
    expect(text).toContain("fila 3, columna 1: Churn mensual es un porcentaje que se escribe como fracción: 5,5 % es 0,055; escribe 0,055, no 5,5.");
    expect(text).toContain('fila 4: métrica desconocida "mrrr" (¿quisiste decir mrr, arr, mrr_growth?)');
    expect(text).not.toMatch(/\b(row|line|value|unknown)\b/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-refused-es");
  });

  test("Import a finance-shaped selection (product.md 11): a title row, Jan 2026 headers, a Total row skipped and listed, an unknown label mapped in the pane, then written; the mapping is kept in the workbook", async () => {
    const page = await pane();
    await insertWorkbook(page);
    await fake(page, (s) => {
      const data = { name: "Finance", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      const rows: (string | number | null)[][] = [
        ["Acme Inc. - KPIs 2026", null, null],
        ["KPI", "Jan 2026", "Feb 2026"],
        ["MRR", 100000, 110000],
        ["Ingresos SaaS", 40, 45],
        ["Total", 100040, 110045],
      ];
      rows.forEach((row, r) => row.forEach((v, c) => v !== null && data.cells.set(`${"ABC"[c]}${r + 1}`, { value: v })));
      s.sheets.push(data);
      s.selected = "Finance!A1:C5";
    });
    await page.getByRole("tab", { name: "Import" }).click();
    // The example of a layout the import reads, before anything is read.
    await page.getByTestId("import-example").waitFor();
    const example = (await page.getByTestId("import-example").locator("tr").allInnerTexts()).map((r) => r.split(/\t|\n/).filter(Boolean));
    expect(example).toEqual([["KPI", "Jan 2026", "Feb 2026"], ["MRR", "120,000", "126,000"], ["Churn", "2.1%", "1.9%"]]);
    await page.getByRole("button", { name: "Read the selection" }).click();
    await page.getByTestId("import-refused").waitFor();
    expect(await page.getByTestId("import-skipped").innerText()).toBe(
      '2 rows skipped, not read as measures:\nrow 1: skipped (above the header): "Acme Inc. - KPIs 2026"\nrow 5: skipped (a total row): "Total"',
    );
    expect(await page.getByTestId("import-unknown").innerText()).toContain("1 row names no measure.");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-finance-unknown");
    await page.getByRole("combobox", { name: 'Measure for "Ingresos SaaS"' }).click();
    const option = page.getByRole("option", { name: "Team size (team_size)" });
    await shot(page, "import-finance-choose");
    await option.last().click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-refused").count()).toBe(0);
    expect(await page.getByTestId("import-mapped").innerText()).toContain("Ingresos SaaS → Team size");
    const rows = (await page.getByTestId("import-preview").locator("tbody tr").allInnerTexts()).map((r) => r.split(/\t|\n/).filter(Boolean).slice(0, 3));
    expect(rows).toEqual([
      ["Monthly recurring revenue", "January 2026", "100,000"],
      ["Monthly recurring revenue", "February 2026", "110,000"],
      ["Team size", "January 2026", "40"],
      ["Team size", "February 2026", "45"],
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-finance-preview");
    await page.getByRole("button", { name: "Write 4 values into Tracking" }).click();
    await page.getByText("Wrote 4 values into the Tracking sheet.").waitFor();
    const team = await page.evaluate(`(() => { const n = window.__fake.names.get("Tracking_team_size"); const t = window.__fake.sheets.find((x) => x.name === n.sheet); return [...t.cells.values()].map((c) => c.value).filter((v) => v === 40 || v === 45); })()`);
    expect(team).toEqual([40, 45]);
    expect(await fake(page, (s) => s.settings?.get("scaleTracker.importMapping"))).toBe('{"Ingresos SaaS":"team_size"}');
  });

  test("Import in Spanish: the example layout and an unusual value warned about in the preview, written all the same", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await page.getByLabel("Nombre de la empresa").fill("Acme");
    await page.getByRole("button", { name: "Insertar libro de seguimiento" }).click();
    await page.getByTestId("insert-result").waitFor();
    await fake(page, (s) => {
      const data = { name: "Datos", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      const rows: (string | number)[][] = [["KPI", "ene 2026", "feb 2026", "mar 2026"], ["CAC", 1200, 1.3, 1100]];
      rows.forEach((row, r) => row.forEach((v, c) => data.cells.set(`${"ABCD"[c]}${r + 1}`, { value: v })));
      s.sheets.push(data);
      s.selected = "Datos!A1:D2";
    });
    await page.getByRole("tab", { name: "Importar" }).click();
    await page.getByTestId("import-example").waitFor();
    const example = (await page.getByTestId("import-example").locator("tr").allInnerTexts()).map((r) => r.split(/\t|\n/).filter(Boolean));
    expect(example).toEqual([["KPI", "ene 2026", "feb 2026"], ["MRR", "120.000", "126.000"], ["Churn", "2,1 %", "1,9 %"]]);
    await page.getByRole("button", { name: "Leer la selección" }).click();
    await page.getByTestId("import-preview").waitFor();
    const unusual = await page.getByTestId("import-unusual").innerText();
    expect(unusual).toContain("1 valor parece inusual junto a sus vecinos; se escribe igualmente.");
    expect(unusual).toContain("feb 2026");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "import-unusual-es");
  });

  test("Inspect shows the phase and the gaps SCALE.PHASE and SCALE.GAP give for two columns (metric, value)", async () => {
    const page = await pane();
    await fake(page, (s) => {
      s.sheets.push({ name: "Data", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] });
      const data = s.sheets[0].cells;
      [["A1", "mrr"], ["B1", 600000], ["A2", "churn"], ["B2", 0.04], ["A3", "nps"], ["B3", 90]].forEach(([ref, value]) => data.set(ref as string, { value: value as number }));
      s.selected = "Data!A1:B3";
    });
    await page.getByRole("tab", { name: "Inspect" }).click();
    await page.getByRole("button", { name: "Inspect selection" }).click();
    await page.getByTestId("inspect-result").waitFor();
    const expectedPhase = phase([["mrr", 600000], ["churn", 0.04], ["nps", 90]]);
    expect(await page.getByRole("status").innerText()).toBe(`Phase reached by the selection: ${expectedPhase}`);
    await page.getByText("Built-in targets: this workbook has no Thresholds sheet.").waitFor();
    const rows = await page.locator("tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split(/\t|\n/).filter(Boolean))).toEqual([
      ["Monthly recurring revenue", "600,000", "1", "1,400,000 (P2)"],
      ["Churn (monthly)", "4.00%", "1", "1.00% (P2)"],
      ["Net promoter score", "90.00", "4", "-5.00 (P4)"],
    ]);
    // The exact numbers, on hover, are the functions' own.
    const exact = (await page.locator("tbody tr td:nth-child(4)").evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("title"))))) as number[];
    expect(exact).toEqual([gap([["mrr"]], [[600000]], 2)[0][0], gap([["churn"]], [[0.04]], 2)[0][0], gap([["nps"]], [[90]], 4)[0][0]]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "inspect");
  });

  test("Inspect's formula builder writes SCALE formulas referencing the selection into the empty column beside it, never over a cell", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await page.getByRole("button", { name: "English" }).click();
    await fake(page, (s) => {
      const data = { name: "Data", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      s.sheets.push(data);
      data.cells.set("B2", { value: "mrr" }).set("C2", { value: 600_000 }).set("B3", { value: "churn" }).set("C3", { value: 0.04 });
      data.cells.set("F2", { value: "keep" });
      s.selected = "Data!B2:C3";
    });
    await page.getByRole("tab", { name: "Inspect" }).click();
    await page.getByRole("button", { name: "Write formulas beside the selection" }).click();
    await page.getByText("Wrote 3 formulas into Data!D2:D4: per metric the gap to its next phase, as Inspect shows it (the level for a risk indicator), and the phase reached below them, with the built-in targets. They reference your cells, so they follow your edits.").waitFor();
    // Spanish Excel's names, though the pane is in English (office-js#891).
    expect(await fake(page, (s) => ["D2", "D3", "D4"].map((c) => s.sheets.find((x) => x.name === "Data")!.cells.get(c)?.formula))).toEqual([
      "SCALE.BRECHA(B2,C2,2)",
      "SCALE.BRECHA(B3,C3,2)",
      "SCALE.FASE(B2:B3,C2:C3)",
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "inspect-formulas");
    // Again: the column beside is taken now, so nothing is written.
    await page.getByRole("button", { name: "Write formulas beside the selection" }).click();
    await page.getByText("Data!D2:D4, right of the selection, is not empty, so nothing was written. Clear those cells or select cells with an empty column to their right.").waitFor();
    expect(await fake(page, (s) => s.sheets.find((x) => x.name === "Data")!.cells.get("F2"))).toEqual({ value: "keep" });
  });

  test("Inspect on a Tracking row takes the latest month typed (not the computed columns) and the workbook's edited targets", async () => {
    const page = await pane();
    await insertWorkbook(page);
    const { actuals, target } = await fake(page, (s) => {
      const set = (sheet: string, ref: string, value: number) => s.sheets.find((x) => x.name === sheet)!.cells.set(ref, { value });
      const actuals = s.names.get("Tracking_mrr")!;
      const target = s.names.get("Target_mrr")!;
      const [first] = actuals.ref.split(":");
      set(actuals.sheet, first, 300000);
      // The user lowers the phase 1 MRR target on the Thresholds sheet (P1 is the name's first cell).
      set(target.sheet, target.ref.split(":")[0], 400000);
      return { actuals, target };
    });
    // Month 3 typed too, and the whole row selected, from column A to the last month.
    const row = trackingRow("mrr");
    await page.evaluate(`window.__fake.sheets.find((x) => x.name === "Tracking").cells.set("${monthCell("mrr", 3)}", { value: 450000 })`);
    await page.evaluate(`window.__fake.selected = "'Tracking'!A${row}:${month(36)}${row}"`);
    expect(actuals.sheet).toBe("Tracking");
    expect(target.sheet).toBe("Thresholds");
    await page.getByRole("tab", { name: "Inspect" }).click();
    await page.getByRole("button", { name: "Inspect selection" }).click();
    await page.getByTestId("inspect-result").waitFor();
    await page.getByText("Targets from this workbook's Thresholds sheet.").waitFor();
    // With the built-in targets 450,000 is phase 0, 50,000 short of phase 1.
    const targets = [["mrr", 400000, 2000000, 5000000, 20000000]];
    expect([phase([["mrr"]], [[450000]], undefined, targets), gap([["mrr"]], [[450000]], 2, undefined, targets)[0][0]]).toEqual([1, 1550000]);
    expect((await page.locator("tbody tr").allInnerTexts())[0].split(/\t|\n/).filter(Boolean)).toEqual(["Monthly recurring revenue", "450,000", "1", "1,550,000 (P2)"]);
  });

  test("Inspect with a chart, a shape or several blocks selected says to select one block of cells", async () => {
    const page = await pane();
    // Office.js refuses getSelectedRange() for such a selection with InvalidSelection.
    await fake(page, (s) => (s.failWhen = (op: string) => (op === "load range" ? "InvalidSelection" : false)));
    await page.getByRole("tab", { name: "Inspect" }).click();
    await page.getByRole("button", { name: "Inspect selection" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Select cells (one block), then inspect again.");
    expect(await alert.innerText()).not.toContain("try again");
    await page.getByRole("button", { name: "Español" }).click();
    expect(await page.getByRole("alert").innerText()).toContain("Selecciona celdas (un solo bloque) y vuelve a inspeccionar.");
  });

  test("Functions writes an example formula into the active cell", async () => {
    const page = await pane();
    await fake(page, (s) => {
      s.sheets.push({ name: "Data", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] });
      s.selected = "Data!D5";
    });
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByRole("button", { name: 'Insert example: =SCALE.GAP("cac", 120, 1)' }).click();
    await page.getByText('Wrote =SCALE.GAP("cac", 120, 1) into the active cell.').waitFor();
    expect(await fake(page, (s) => s.sheets[0].cells.get("D5"))).toEqual({ formula: 'SCALE.GAP("cac", 120, 1)' });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "functions");
  });

  test("Functions leaves an active cell that holds something as it is, and says to select an empty one", async () => {
    const page = await pane();
    await fake(page, (s) => {
      s.sheets.push({ name: "Data", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] });
      s.sheets[0].cells.set("D5", { value: 42 });
      s.sheets[0].cells.set("D6", { formula: "SUM(A1:A3)" });
      s.selected = "Data!D5";
    });
    await settled(page);
    await page.getByRole("tab", { name: "Functions" }).click();
    const insertGap = page.getByRole("button", { name: 'Insert example: =SCALE.GAP("cac", 120, 1)' });
    const syncs = () => fake(page, (s) => s.syncs);
    // One read, and no write, for a cell that holds something.
    let before = await syncs();
    await insertGap.click();
    await page.getByText("The active cell is not empty. Select an empty cell, then insert the example.").waitFor();
    expect(await syncs()).toBe(before + 1);
    expect(await fake(page, (s) => s.sheets[0].cells.get("D5"))).toEqual({ value: 42 });
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "functions-not-empty");
    // A formula counts too (a block selected: its active cell is the first).
    await fake(page, (s) => (s.selected = "Data!D6:E7"));
    before = await syncs();
    await insertGap.click();
    await page.waitForFunction((n) => (window as unknown as { __fake: FakeState }).__fake.syncs === n, before + 1);
    await page.getByText("The active cell is not empty.").waitFor();
    expect(await fake(page, (s) => s.sheets[0].cells.get("D6"))).toEqual({ formula: "SUM(A1:A3)" });
    // An empty cell gets the formula: the read and the write, two syncs.
    await fake(page, (s) => (s.selected = "Data!D7"));
    before = await syncs();
    await insertGap.click();
    await page.getByText('Wrote =SCALE.GAP("cac", 120, 1) into the active cell.').waitFor();
    expect(await page.getByText("The active cell is not empty.").count()).toBe(0);
    expect(await fake(page, (s) => s.sheets[0].cells.get("D7"))).toEqual({ formula: 'SCALE.GAP("cac", 120, 1)' });
    expect(await syncs()).toBe(before + 2);
    await page.getByRole("button", { name: "Español" }).click();
    await fake(page, (s) => (s.selected = "Data!D5"));
    await page.getByRole("button", { name: 'Insertar ejemplo: =SCALE.GAP("cac", 120, 1)' }).click();
    await page.getByText("La celda activa no está vacía. Selecciona una celda vacía y vuelve a insertar el ejemplo.").waitFor();
  });

  test("Functions writes the names of Excel's display language (Spanish Excel: SCALE.BRECHA), whatever the pane's language", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await fake(page, (s) => {
      s.sheets.push({ name: "Datos", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] });
      s.selected = "Datos!B2";
    });
    // Switched to English, the pane still writes Spanish Excel's names (office-js#891: others show #NAME?).
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByText("SCALE.MESES(metrica; valores; fase; [umbrales])").waitFor();
    await page.getByRole("button", { name: 'Insert example: =SCALE.BRECHA("cac"; 120; 1)' }).click();
    await page.getByText('Wrote =SCALE.BRECHA("cac"; 120; 1) into the active cell.').waitFor();
    expect(await fake(page, (s) => s.sheets[0].cells.get("B2"))).toEqual({ formula: 'SCALE.BRECHA("cac", 120, 1)' });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "functions-spanish-excel");
  });

  test("Functions offers the department KPIs in the pane's language and writes their formulas with Excel's names", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await fake(page, (s) => {
      s.sheets.push({ name: "Datos", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] });
      s.selected = "Datos!B2";
    });
    await page.getByRole("tab", { name: "Funciones" }).click();
    const panel = page.locator("#panel-functions");
    const list = panel.getByRole("combobox", { name: "KPI" });
    await list.waitFor();
    expect(await list.locator("optgroup").evaluateAll((gs) => gs.map((g) => g.getAttribute("label")))).toEqual(["Producto", "Marketing", "Ventas", "Operaciones"]);
    expect(await list.locator("option").count()).toBe(32);
    await list.selectOption("sales.cycle_days");
    expect(await list.locator("option:checked").innerText()).toBe("Sales cycle: 45 días");
    for (const formula of ['=SCALE.BRECHA("sales.cycle_days"; 45; )', '=SCALE.OBJETIVO("sales.cycle_days"; )'])
      expect(await panel.getByText(formula, { exact: true }).count()).toBe(1);
    await page.getByRole("button", { name: 'Insertar ejemplo: =SCALE.RIESGO("sales.cycle_days"; 45)' }).click();
    await page.getByText('Se escribió =SCALE.RIESGO("sales.cycle_days"; 45) en la celda activa.').waitFor();
    expect(await fake(page, (s) => s.sheets[0].cells.get("B2"))).toEqual({ formula: 'SCALE.RIESGO("sales.cycle_days", 45)' });
    expect(risk([["sales.cycle_days"]], [[45]])).toEqual([["OK"]]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "functions-kpis-es");
    // The pane in English: the KPIs' English words; Excel is still Spanish, so are the names written.
    await page.getByRole("button", { name: "English" }).click();
    expect(await list.locator("option:checked").innerText()).toBe("Sales cycle: 45 days");
    expect(await list.locator("optgroup").first().getAttribute("label")).toBe("Product");
    await page.getByText('=SCALE.OBJETIVO("sales.cycle_days"; )', { exact: true }).waitFor();
  });

  test("follows Office's display language, with a switch", async () => {
    const page = await pane("?displayLanguage=es-MX");
    await page.getByRole("button", { name: "Insertar libro de seguimiento" }).waitFor();
    await shot(page, "insert-es");
    for (const name of ["Alertas", "Inspeccionar", "Funciones"]) {
      await page.getByRole("tab", { name }).click();
      await page.getByRole("tabpanel", { name }).waitFor();
      expect(await fitsWidth(page)).toBe(true);
    }
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("tab", { name: "Insert" }).click();
    await page.getByRole("button", { name: "Insert tracking workbook" }).waitFor();
    expect(await page.evaluate("document.documentElement.lang")).toBe("en");
  });

  test("a view that cannot load says so, and the other views still work", async () => {
    const page = await pane();
    await page.route("**/refresh.*.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByText("This part of the pane could not load. Close the pane and open it again (Home > Scale Tracker).").waitFor();
    await page.getByRole("tab", { name: "Insert" }).click();
    await page.getByRole("button", { name: "Insert tracking workbook" }).waitFor();
  });

  test("keyboard: tabs and the main action are reachable and usable without a mouse", async () => {
    const page = await pane();
    await page.getByRole("tab", { name: "Insert" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Refresh risk flags" }).waitFor();
    await page.getByRole("button", { name: "Refresh risk flags" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("No tracking workbook found here. Insert it first").waitFor();
  });

  // The user's path (product.md 11): first run, the next step after each one, a tracker already there.


  test("first run: what the add-in does (the four phases, the workbook, the functions), the three steps, a call to action and the help page, in English and Spanish", async () => {
    for (const [query, phases, steps, action, help, shotName] of [
      ["", ["Initial scaling", "Operational scaling", "Market scaling", "Global scaling"], ["Insert the tracker", "Enter your monthly numbers", "Refresh the flags"], "Get started", "How it works (help page)", "start"],
      ["?displayLanguage=es-ES", ["Escalamiento Inicial", "Escalamiento Operacional", "Escalamiento de Mercado", "Escalamiento Global"], ["Inserta el libro de seguimiento", "Escribe tus números mensuales", "Actualiza las alertas"], "Empezar", "Cómo funciona (página de ayuda)", "start-es"],
    ] as const) {
      const page = await pane(query);
      await settled(page);
      const start = page.getByTestId("start");
      const text = await start.innerText();
      for (const p of phases) expect(text).toContain(p);
      expect(text).toMatch(/tracking workbook|libro de seguimiento/);
      expect(text).toContain("SCALE.*");
      expect(await start.locator("ol > li").allInnerTexts()).toEqual([expect.stringContaining(steps[0]), expect.stringContaining(steps[1]), expect.stringContaining(steps[2])]);
      // The help page is served next to the pane.
      const href = await start.getByRole("link", { name: help }).getAttribute("href");
      expect(await page.evaluate(`fetch(new URL(${JSON.stringify(href)}, location.href)).then((r) => r.status)`)).toBe(200);
      // In the pane's language: help.es.html for a Spanish pane.
      const served = (await page.evaluate(`fetch(new URL(${JSON.stringify(href)}, location.href)).then((r) => r.text())`)) as string;
      expect(served).toMatch(query ? /<html lang="?es"?>/ : /<html lang="?en"?>/);
      // Readable in a window as narrow as the pane: nothing needs sideways scrolling.
      const helpPage = await page.context().newPage();
      await helpPage.goto(new URL(href!, page.url()).href);
      expect(await fitsWidth(helpPage)).toBe(true);
      await shot(helpPage, `help-${shotName}`);
      await helpPage.close();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, shotName);
      // The call to action takes the user to the Insert options, focus on the first.
      await start.getByRole("button", { name: action }).click();
      expect(await selectedTab(page)).toBe("tab-insert");
      expect(await page.evaluate("document.activeElement.closest('#panel-insert') !== null && document.activeElement.tagName")).toBe("SELECT");
    }
  });

  test("after each step the next one: insert, then enter or import the numbers, then refresh the flags, then what to look at", async () => {
    const page = await pane();
    await settled(page);
    await insertWorkbook(page);
    // The first-run text goes once the tracker is there; the next step is said below the result.
    expect(await page.getByTestId("start").count()).toBe(0);
    const afterInsert = page.getByTestId("next-insert");
    expect(await afterInsert.getAttribute("role")).toBe("status");
    expect(await afterInsert.innerText()).toContain("Next: enter your monthly numbers on the Tracking sheet, or import them from a block of your own sheet.");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "next-after-insert");
    await afterInsert.getByRole("button", { name: "Go to Import" }).click();
    // The Import view's first control: where the numbers go (Tracking or the budget), then Read the selection.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === "radio" && (document.activeElement as HTMLInputElement).value === "tracking");
    expect(await selectedTab(page)).toBe("tab-import");
    await fake(page, (s) => {
      const data = { name: "Data", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      [["metric", 1], ["MRR", 480000], ["Churn", 0.04]].forEach((row, r) => row.forEach((v, c) => data.cells.set(`${"AB"[c]}${r + 1}`, { value: v })));
      s.sheets.push(data);
      s.selected = "Data!A1:B3";
    });
    await page.getByRole("button", { name: "Read the selection" }).click();
    await page.getByRole("button", { name: "Write 2 values into Tracking" }).click();
    const afterImport = page.getByTestId("next-import");
    await afterImport.getByText("Next: refresh the flags, so the new numbers are coloured and what needs attention is listed.").waitFor();
    await shot(page, "next-after-import");
    await afterImport.getByRole("button", { name: "Go to Risk flags" }).click();
    await focusOn(page, "Refresh risk flags");
    await page.keyboard.press("Enter");
    const afterRefresh = page.getByTestId("next-refresh");
    await afterRefresh.getByText(/^What to look at: the RISK and WATCH rows above/).waitFor();
    expect(await afterRefresh.innerText()).toContain("then the dashboard (Scale Dashboard): the phase reached against the schedule, each metric's gap and ETA, and plan completion. After new numbers, refresh again.");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "next-after-refresh");
    await afterRefresh.getByRole("button", { name: "Go to the dashboard" }).click();
    await selectedIs(page, "'Scale Dashboard'!A1");
  });

  test("after each step the next one, in Spanish; a refresh with no numbers yet says to enter or import them", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await settled(page);
    await page.getByLabel("Nombre de la empresa").fill("Acme");
    await page.getByRole("button", { name: "Insertar libro de seguimiento" }).click();
    await page.getByTestId("next-insert").getByText("Siguiente: escribe tus números mensuales en la hoja Seguimiento o impórtalos desde un bloque de tu propia hoja.").waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "next-after-insert-es");
    await page.getByRole("tab", { name: "Alertas" }).click();
    await page.getByRole("button", { name: "Actualizar alertas" }).click();
    const afterRefresh = page.getByTestId("next-refresh");
    await afterRefresh.getByText("Siguiente: escribe tus números mensuales en la hoja Seguimiento o impórtalos desde un bloque de tu propia hoja.").waitFor();
    await afterRefresh.getByRole("button", { name: "Ir a Importar" }).click();
    expect(await selectedTab(page)).toBe("tab-import");
  });

  test("a workbook that already has a tracker: the pane opens on Import without numbers, on Risk flags with them, not on Insert, and no first-run text", async () => {
    for (const [query, tab] of [["?tracker=1", "tab-import"], ["?tracker=1&numbers=1", "tab-refresh"]] as const) {
      const page = await pane(query);
      await page.locator("main[data-tracker='found']").waitFor();
      await page.waitForFunction((id) => document.querySelector("[role=tab][aria-selected=true]")?.id === id, tab);
      expect(await page.locator(`#${tab.replace("tab-", "panel-")}`).isVisible()).toBe(true);
      expect(await page.getByTestId("start").count()).toBe(0);
      expect(await page.getByTestId("tracker-copies").count()).toBe(0);
    }
  });

  test("a workbook with two copies of the tracker ((2) sheets) says which one the pane works on, in both languages", async () => {
    for (const [query, sentence, shotName] of [
      ["?tracker=1&copies=1", "This workbook holds more than one tracker (Tracking, Tracking (2)). The pane works on the one in Tracking, which the workbook's names point to; it does not read or change the others.", "tracker-copies"],
      ["?tracker=1&copies=1&displayLanguage=es-ES", "Este libro tiene más de un libro de seguimiento (Tracking, Tracking (2)). El panel trabaja con el de Tracking, al que apuntan los nombres del libro; no lee ni cambia los demás.", "tracker-copies-es"],
    ] as const) {
      const page = await pane(query);
      const copies = page.getByTestId("tracker-copies");
      await copies.waitFor();
      expect(await copies.innerText()).toBe(sentence);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, shotName);
    }
  });

  // Feedback and accessibility (product.md 11, "Feedback").

  /** Keeps a handle on the visible panel's live region of `role` as it is now, before anything is said in it. */
  const holdRegion = (page: Page, role: "status" | "alert", key: string) =>
    page.evaluate(([r, k]) => {
      const region = [...document.querySelectorAll(`[role=tabpanel]:not([hidden]) [role=${r}]`)][0];
      (window as unknown as Record<string, Element | undefined>)[k] = region;
      return region?.textContent ?? null;
    }, [role, key] as const);
  /** The held region: still in the page, with its live politeness, and its text now. */
  const heldRegion = (page: Page, key: string) =>
    page.evaluate((k) => {
      const region = (window as unknown as Record<string, Element | undefined>)[k];
      return region ? { connected: region.isConnected, live: region.getAttribute("aria-live"), text: region.textContent } : null;
    }, key);

  test("results are said in a status region and refusals in an alert region, both in the page before the run", async () => {
    const page = await pane();
    await fake(page, (s) => {
      s.sheets.push({ name: "Data", cells: new Map([["D6", { value: 1 }]]), formats: [], rules: [], validations: [], tables: [], charts: [] });
      s.selected = "Data!D5";
    });
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByRole("button", { name: 'Insert example: =SCALE.GAP("cac", 120, 1)' }).waitFor();
    expect(await holdRegion(page, "status", "__status")).toBe("");
    expect(await holdRegion(page, "alert", "__alert")).toBe("");
    await page.getByRole("button", { name: 'Insert example: =SCALE.GAP("cac", 120, 1)' }).click();
    await page.getByText('Wrote =SCALE.GAP("cac", 120, 1) into the active cell.').waitFor();
    expect(await heldRegion(page, "__status")).toEqual({ connected: true, live: "polite", text: 'Wrote =SCALE.GAP("cac", 120, 1) into the active cell.' });
    await fake(page, (s) => (s.selected = "Data!D6"));
    await page.getByRole("button", { name: 'Insert example: =SCALE.GAP("cac", 120, 1)' }).click();
    await page.getByText("The active cell is not empty.").waitFor();
    expect(await heldRegion(page, "__alert")).toEqual({ connected: true, live: "assertive", text: "The active cell is not empty. Select an empty cell, then insert the example." });
    // The new run cleared the last result.
    expect((await heldRegion(page, "__status"))?.text).toBe("");

    // The same on Risk flags: a refusal from Excel, then a result.
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).waitFor();
    await holdRegion(page, "status", "__refreshStatus");
    await holdRegion(page, "alert", "__refreshAlert");
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    await page.getByText("No tracking workbook found here.").waitFor();
    expect(await heldRegion(page, "__refreshAlert")).toEqual({ connected: true, live: "assertive", text: "No tracking workbook found here. Insert it first with Insert tracking workbook." });
    await page.getByRole("tab", { name: "Insert" }).click();
    await insertWorkbook(page);
    await page.getByRole("tab", { name: "Risk flags" }).click();
    await page.getByRole("button", { name: "Refresh risk flags" }).click();
    await page.getByTestId("refresh-result").waitFor();
    expect((await heldRegion(page, "__refreshStatus"))?.text).toMatch(/0 OK, 0 WATCH, 0 RISK$/);
    expect((await heldRegion(page, "__refreshAlert"))?.text).toBe("");
  });

  test("a run's busy state is named and passes axe, focus stays on the button that started it, and the last result is cleared when a new run starts", async () => {
    const page = await pane();
    await insertWorkbook(page);
    await page.getByRole("tab", { name: "Risk flags" }).click();
    const refresh = page.getByRole("button", { name: "Refresh risk flags" });
    await refresh.click();
    await page.getByTestId("refresh-result").waitFor();
    await page.getByTestId("next-step").waitFor();
    // A slow Excel: the next refresh waits until the test lets it go.
    await page.evaluate("(() => { const run = Excel.run; const gate = new Promise((resolve) => (window.__release = resolve)); Excel.run = (...args) => gate.then(() => run(...args)); })()");
    await refresh.focus();
    await page.keyboard.press("Enter");
    const busy = page.getByRole("progressbar", { name: "Refreshing…" });
    await busy.waitFor();
    expect(await page.getByTestId("refresh-result").count()).toBe(0);
    expect(await page.getByTestId("next-step").count()).toBe(0);
    expect(await refresh.getAttribute("aria-disabled")).toBe("true");
    expect(await focused(page)).toBe("BUTTON:Refresh risk flags");
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "refresh-busy");
    // Pressed again while it runs: nothing starts.
    await page.keyboard.press("Enter");
    await page.evaluate("window.__release()");
    await page.getByTestId("refresh-result").waitFor();
    await busy.waitFor({ state: "detached" });
    expect(await focused(page)).toBe("BUTTON:Refresh risk flags");
  });

  test("Import: a read that fails clears the last preview; after a write, whose button goes, focus returns to Read the selection", async () => {
    const page = await pane();
    await insertWorkbook(page);
    await fake(page, (s) => {
      const data = { name: "Data", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] };
      [["metric", 1], ["MRR", 480000]].forEach((row, r) => row.forEach((v, c) => data.cells.set(`${"AB"[c]}${r + 1}`, { value: v })));
      s.sheets.push(data);
      s.selected = "Data!A1:B2";
    });
    await page.getByRole("tab", { name: "Import" }).click();
    const read = page.getByRole("button", { name: "Read the selection" });
    await read.click();
    await page.getByTestId("import-preview").waitFor();
    // Excel is editing a cell now: the new read is refused, and the old preview (with its Write button) is gone.
    await fake(page, (s) => (s.failWhen = (op: string) => (op === "load range" ? "InvalidOperationInCellEditMode" : false)));
    await read.click();
    await page.getByRole("alert").getByText("Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.").waitFor();
    expect(await page.getByTestId("import-preview").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Write/ }).count()).toBe(0);
    await fake(page, (s) => (s.failWhen = undefined));
    await read.click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByRole("alert").innerText()).toBe("");
    const write = page.getByRole("button", { name: "Write 1 value into Tracking" });
    await write.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("import-written").waitFor();
    expect(await focused(page)).toBe("BUTTON:Read the selection");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the months field's message is the pane's own, in Spanish in a Spanish pane in an English browser", async () => {
    const page = await pane("?displayLanguage=es-ES");
    expect(await page.evaluate("navigator.language")).toBe("en-US");
    await page.getByLabel("Meses del calendario").fill("200");
    await page.getByRole("button", { name: "Insertar libro de seguimiento" }).click();
    await page.getByText('Meses del calendario debe ser un número entero de 12 a 120; es "200"').waitFor();
    expect(await fake(page, (s) => s.sheets.length)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "insert-months-es");
  });

  test("Functions: examples for Spanish Excel use ; and decimal commas (as typed there); the cell gets Range.formulas' English syntax", async () => {
    const page = await pane("?displayLanguage=es-ES");
    await fake(page, (s) => {
      s.sheets.push({ name: "Datos", cells: new Map(), formats: [], rules: [], validations: [], tables: [], charts: [] });
      s.selected = "Datos!B2";
    });
    await page.getByRole("tab", { name: "Funciones" }).click();
    const panel = page.locator("#panel-functions");
    await panel.getByText('=SCALE.RIESGO("churn"; 0,06)', { exact: true }).waitFor();
    for (const example of ['=SCALE.FASE("mrr"; 600000)', '=SCALE.BRECHA("cac"; 120; 1)', '=SCALE.MESES("customers"; {100\\200\\400\\800}; 2)', '=SCALE.PUNTAJE({"mrr";"churn"}; {600000;0,06}; 1)'])
      expect(await panel.getByText(example, { exact: true }).count()).toBe(1);
    await panel.getByText("SCALE.BRECHA(metrica; valor; fase; [como_fraccion]; [umbrales])", { exact: true }).waitFor();
    // The formulas shown (the KPI list beside them has the seed's own words: "Uptime: 99.9%").
    expect((await panel.locator("code").allInnerTexts()).join("\n")).not.toMatch(/\d\.\d|", \d/);
    await page.getByRole("button", { name: 'Insertar ejemplo: =SCALE.RIESGO("churn"; 0,06)' }).click();
    await page.getByText('Se escribió =SCALE.RIESGO("churn"; 0,06) en la celda activa.').waitFor();
    expect(await fake(page, (s) => s.sheets[0].cells.get("B2"))).toEqual({ formula: 'SCALE.RIESGO("churn", 0.06)' });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "functions-es");
    // English Excel: , and decimal points.
    const english = await pane();
    await english.getByRole("tab", { name: "Functions" }).click();
    await english.getByText('=SCALE.RISK("churn", 0.06)', { exact: true }).waitFor();
    await english.getByText('=SCALE.SCORE({"mrr";"churn"}, {600000;0.06}, 1)', { exact: true }).waitFor();
    await english.getByText('=SCALE.ETA("customers", {100,200,400,800}, 2)', { exact: true }).waitFor();
  });
});
