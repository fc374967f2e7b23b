/** Insert on the fake Excel host: what Excel receives, never overwriting, and nothing half-inserted left. */
import { LEVEL_FILL, LEVEL_FONT, NAMES, TRACKING_COLUMNS, cellPosition, columnLetter, columnPoints, describeWorkbook, trackingRow } from "../../../src/core/template";
import { STYLES } from "../../../src/core/template/styles";
import { WorkbookError, insertTrackingWorkbook, refreshRiskFlags } from "../../../src/officejs/operations";
import { fakeContext } from "../../support/excel-fake";
import { options, state, sheet, userSheet, snapshot, insert, monthCell, type, covers } from "../../support/fake-workbook";

describe("insertTrackingWorkbook", () => {
  test("what Excel receives equals the description: cells, formats, names, rules, validations, tables, charts, page layout; 2 syncs", async () => {
    const result = await insertTrackingWorkbook(fakeContext(state), options);
    const spec = describeWorkbook(options);
    expect(result.syncs).toBe(2);
    expect(state.syncs).toBe(result.syncs);
    expect(state.sheets.map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
    for (const s of spec.sheets) {
      const got = sheet(s.name);
      for (const c of s.cells) {
        const cell = got.cells.get(c.ref);
        // The description's own terms: a formula where it has one, else its value (text stays text).
        const expected = c.formula !== undefined ? `=${c.formula}` : (c.value ?? null);
        expect([s.name, c.ref, cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? null), cell?.numberFormat]).toEqual([s.name, c.ref, expected, c.numberFormat]);
      }
      // Each styled cell got its style's fill and boldness, through the areas the styles were applied to.
      const formatOf = (ref: string, prop: string) => got.formats.filter((f) => f.props[prop] !== undefined && covers(f.ref, ref)).map((f) => f.props[prop]);
      for (const c of s.cells.filter((x) => x.style)) {
        const style = STYLES[c.style!];
        expect([s.name, c.ref, formatOf(c.ref, "fill.color"), formatOf(c.ref, "font.bold")]).toEqual([s.name, c.ref, style.fill ? [style.fill] : [], style.bold ? [true] : []]);
      }
      const rules = spec.rules.filter((r) => r.sheet === s.key).map((r) => [r.ref, `=${r.formula}`, LEVEL_FILL[r.level], LEVEL_FONT[r.level]]);
      expect(got.rules.map((r) => [r.ref, r.formula, r.fill, r.font])).toEqual(rules);
      const validations = spec.validations.filter((v) => v.sheet === s.key);
      // A list that suggests (othersAllowed: the Tools sheet's tool in use) lets another value through: an Information alert.
      expect(got.validations.map((v) => [v.ref, v.rule, (v.errorAlert as { message: string }).message, (v.errorAlert as { style: string }).style])).toEqual(
        validations.map((v) => [
          v.ref,
          v.kind === "decimal" || v.kind === "whole"
            ? { [v.kind === "whole" ? "wholeNumber" : "decimal"]: { formula1: v.min, formula2: v.max, operator: "Between" } }
            : v.kind === "list"
              ? { list: { inCellDropDown: true, source: v.values.join(",") } }
              : { date: { formula1: "1900-01-01", operator: "GreaterThan" } },
          v.message,
          v.kind === "list" && v.othersAllowed ? "Information" : "Stop",
        ]),
      );
      const letters = (ref: string) => ref.replace(/\d+/g, "");
      const widths = got.formats.filter((f) => f.props.columnWidth !== undefined).flatMap((f) => {
        const [from, to = from] = letters(f.ref).split(":").map((l) => cellPosition(`${l}1`).col);
        return Array.from({ length: to - from + 1 }, (_, k) => [columnLetter(from + k), f.props.columnWidth]);
      });
      expect(widths.sort()).toEqual(Object.entries(s.columnWidths).map(([c, w]) => [c, columnPoints(w)]).sort());
      const frozenAt = s.freeze && s.freeze.columns > 0 ? `A1:${columnLetter(s.freeze.columns)}${s.freeze.rows}`.replace(/^A1:A1$/, "A1") : s.freeze?.rows ? `rows:${s.freeze.rows}` : undefined;
      expect([s.name, got.frozen]).toEqual([s.name, frozenAt]);
      expect((got.columnGroups ?? []).map((g) => [letters(g.ref), g.collapsed])).toEqual(s.collapsedColumns ? [[`${s.collapsedColumns.from}:${s.collapsedColumns.to}`, true]] : []);
      expect([s.name, got.hiddenRows ?? []]).toEqual([s.name, s.hiddenRows ?? []]);
      expect(got.page).toEqual({
        orientation: "Landscape",
        zoom: { ...(s.fitTo !== "height" && { horizontalFitToPages: 1 }), ...(s.fitTo !== "width" && { verticalFitToPages: 1 }) },
        breaks: (s.pageBreaks ?? []).map((r) => `A${r + 1}`),
        ...(s.printArea && { printArea: s.printArea }),
        ...(s.printTitles && { titleRows: s.printTitles.rows, titleColumns: s.printTitles.columns }),
      });
    }
    const sheetName = new Map(spec.sheets.map((s) => [s.key, s.name]));
    expect([...state.names].map(([name, n]) => [name, n.sheet, n.ref])).toEqual(spec.names.map((n) => [n.name, sheetName.get(n.sheet), n.ref.replace(/\$/g, "")]));
    expect(state.sheets.flatMap((s) => s.tables.map((t) => [s.name, t.name, t.ref]))).toEqual(spec.tables.map((t) => [sheetName.get(t.sheet), t.name, t.ref]));
    const charts = sheet("Scale Dashboard").charts;
    expect(
      charts.map((c) => ({
        type: c.type,
        title: c.title,
        at: [c.from, c.to],
        series: c.series.map((x) => [x.name, x.valuesSheet ?? c.sourceSheet, x.values ?? c.source, x.categories]),
        axis: c.valueAxis,
        plotVisibleOnly: c.plotVisibleOnly ?? true,
      })),
    ).toEqual(
      spec.charts.filter((c) => c.sheet === "dashboard").map((c) => ({
        type: c.kind === "line" ? "Line" : "BarClustered",
        title: c.title,
        at: [c.from, c.to],
        // Each series' values on its own sheet (the budget's MRR), the categories on the chart's data sheet.
        series: c.series.map((x) => [x.name, sheetName.get(x.sheet ?? c.dataSheet), x.values, c.categories]),
        axis: { numberFormat: c.valueAxis.numberFormat, ...(c.valueAxis.min !== undefined && { minimum: c.valueAxis.min }), ...(c.valueAxis.max !== undefined && { maximum: c.valueAxis.max }), ...(c.valueAxis.logBase && { logBase: c.valueAxis.logBase }) },
        // "Show data in hidden rows and columns" where the chart reads a hidden row.
        plotVisibleOnly: !c.plotsHiddenCells,
      })),
    );
    expect(charts[0].series.slice(1).every((x) => x.lineStyle === "Dash")).toBe(true);
    // The board page shows the dashboard's MRR chart: the same title and series (product.md 12).
    const board = sheet("Board").charts;
    expect(board.map((c) => [c.title, c.series.map((x) => x.name)])).toEqual([[charts[0].title, charts[0].series.map((x) => x.name)]]);
    expect(state.activeSheet).toBe("Scale Dashboard");
    expect(result.sheets.every((s) => !s.renamed)).toBe(true);
    expect(state.log).toContain("application.suspendApiCalculationUntilNextSync");
  });

  test("Spanish, 48 months: the sheets, names and rules of that description", async () => {
    const spanish = { ...options, language: "es", months: 48 } as const;
    const result = await insert(spanish);
    const spec = describeWorkbook(spanish);
    expect(result.sheets.map((s) => s.name)).toEqual(["Panel de escalamiento", "Resumen", "Seguimiento", "Presupuesto", "Áreas", "Canales", "Fase 1", "Fase 2", "Fase 3", "Fase 4", "Umbrales", "Riesgos", "Herramientas"]);
    expect([...state.names.keys()]).toEqual(spec.names.map((n) => n.name));
    expect(state.names.get(NAMES.tracking("mrr"))!.ref).toBe(`${monthCell("mrr", 1)}:${monthCell("mrr", 48)}`);
    expect(state.sheets.reduce((n, s) => n + s.rules.length, 0)).toBe(spec.rules.length);
    expect(result.dashboardSheet).toBe("Panel de escalamiento");
  });

  test("never overwrites: a taken sheet name gets a free one, the user's sheet, names and rules stay untouched", async () => {
    state.sheets.push(userSheet("Thresholds"), userSheet("tracking"));
    state.names.set("Scale_Phase", { sheet: "Thresholds", ref: "A1" });
    const before = state.sheets.map(snapshot);
    const result = await insert();
    expect(state.sheets.slice(0, 2).map(snapshot)).toEqual(before);
    expect(result.sheets.find((s) => s.key === "thresholds")).toEqual({ key: "thresholds", name: "Thresholds (2)", renamed: true });
    expect(result.sheets.find((s) => s.key === "tracking")).toEqual({ key: "tracking", name: "Tracking (2)", renamed: true });
    expect(state.names.get("Scale_Phase")).toEqual({ sheet: "Thresholds", ref: "A1" });
    expect(result.skippedNames).toEqual(["Scale_Phase"]);
    const target = sheet("Tracking (2)").cells.get(`${columnLetter(TRACKING_COLUMNS.phaseTarget(1))}${trackingRow("mrr")}`)!.formula!;
    expect(target).toBe("'Thresholds (2)'!$E$2");
    expect(sheet("Scale Dashboard").cells.get("B3")!.formula).toContain("'Tracking (2)'!");
  });

  test("tables and names share Excel's namespace: a user's table or name is never taken", async () => {
    const budget = { ...userSheet("Budget"), tables: [{ name: "ScaleThresholds", ref: "A1:B2" }] };
    state.sheets.push(budget);
    state.names.set("scalerisktHresholds", { sheet: "Budget", ref: "B2" });
    state.names.set("target_MRR", { sheet: "Budget", ref: "A1" });
    const before = snapshot(budget);
    const result = await insert();
    expect(sheet("Thresholds").tables.map((t) => t.name)).toEqual(["ScaleThresholds2", "ScaleRiskThresholds2", "ScaleContextThresholds"]);
    expect(result.skippedNames).toEqual(["Target_mrr"]);
    expect(state.names.get("target_MRR")).toEqual({ sheet: "Budget", ref: "A1" });
    expect(snapshot(sheet("Budget"))).toBe(before);
  });

  test("a failure midway leaves no half-inserted template behind, in two more syncs", async () => {
    state.sheets.push(userSheet("Budget"));
    state.names.set("Scale_Phase", { sheet: "Budget", ref: "A1" });
    const before = snapshot(state.sheets[0]);
    let rules = 0;
    state.failWhen = (op) => op.startsWith("conditionalFormats.add") && ++rules === 20;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toBeInstanceOf(WorkbookError);
    expect(state.log.filter((op) => op.startsWith("names.add")).length).toBeGreaterThan(100);
    expect(state.sheets.map(snapshot)).toEqual([before]);
    expect([...state.names]).toEqual([["Scale_Phase", { sheet: "Budget", ref: "A1" }]]);
    expect(state.syncs).toBe(4);
  });

  test("a failure while adding names also leaves nothing behind", async () => {
    let names = 0;
    state.failWhen = (op) => op.startsWith("names.add") && ++names === 30;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "unknown" });
    expect(state.sheets).toEqual([]);
    expect(state.names.size).toBe(0);
  });

  test("names a deleted template left broken (#REF!) are taken over; a failed insert puts them back", async () => {
    await insert();
    const templateSheets = state.sheets.map((s) => s.name);
    // A sheet of the user's whose name is not the template's (a "Budget" sheet is the template's own now).
    state.sheets = [userSheet("Cash plan")];
    state.names.set("MyTotal", { sheet: "Cash plan", ref: "B2" });

    state.failWhen = (op) => op === "chart.title";
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toBeInstanceOf(WorkbookError);
    expect(state.sheets.map((s) => s.name)).toEqual(["Cash plan"]);
    const restored = [...state.names].filter(([name]) => name !== "MyTotal");
    expect(restored).toHaveLength(describeWorkbook(options).names.length);
    expect(restored.every(([, n]) => n.formula === "=#REF!")).toBe(true);

    state.failWhen = undefined;
    const result = await insert();
    expect(result.skippedNames).toEqual([]);
    expect(result.sheets.map((s) => s.name)).toEqual(templateSheets);
    expect(state.names.get(NAMES.flag("mrr"))).toEqual({ sheet: "Scale Dashboard", ref: "H23" });
    expect(state.names.get("MyTotal")).toEqual({ sheet: "Cash plan", ref: "B2" });
    type("mrr", 1, 600_000);
    // MRR and its ARR meet phase 1, so they are judged against phase 2.
    expect((await refreshRiskFlags(fakeContext(state))).counts).toEqual({ OK: 0, WATCH: 0, RISK: 2 });
  });

  test("a read-only or structure-protected workbook is refused after the first sync, before anything is written", async () => {
    state.sheets.push(userSheet("Budget"));
    const before = state.sheets.map(snapshot);
    state.readOnly = true;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "readOnly", message: expect.stringContaining("Save a Copy") });
    expect(state.syncs).toBe(1);
    state.readOnly = false;
    state.workbookProtected = true;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "protected", message: expect.stringContaining("Unprotect it") });
    expect(state.syncs).toBe(2);
    expect(state.sheets.map(snapshot)).toEqual(before);
    expect(state.log).toEqual([]);
  });

  test("Office errors become plain sentences with what to do", async () => {
    state.failWhen = (op) => (op.startsWith("worksheets.add") ? "AccessDenied" : false);
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "protected", message: expect.stringContaining("Unprotect it") });
    state.failWhen = (op) => (op === "load worksheets" ? "InvalidOperationInCellEditMode" : false);
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "editMode", message: expect.stringContaining("Press Enter or Esc") });
    state.failWhen = undefined;
    state.apiSupported = false;
    await expect(insertTrackingWorkbook(fakeContext(state), options)).rejects.toMatchObject({ code: "apiNotSupported" });
    expect(state.sheets).toEqual([]);
  });
});

