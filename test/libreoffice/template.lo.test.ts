/**
 * What LibreOffice makes of the exported workbook beyond the numbers (those are compared in
 * workbook.engines.test.ts): it reads the dashboard's charts and plots what it computed, and the
 * pages it prints show the flags in their colours, in English and in Spanish; values either side of
 * a band edge do not look the same.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LEVELS, PHASE_METRICS } from "../../src/core/catalog";
import { levelOf, metricRule } from "../../src/core/evaluate";
import { LEVEL_FILL, NAMES, TEMPLATE_LABELS, cellPosition, columnLetter, describeWorkbook, monthColumn, trackingRow } from "../../src/core/template";
import { writeWorkbook } from "../../src/xlsx/write";
import { describeWith } from "../engines/engines";
import { readValues, recalcLibreOffice } from "../support/recalculated";
import { SCENARIOS, expectedRows } from "../support/scenarios";
import { readCharts } from "../support/charts";
import { cellText, pagePixels, recalculate, renderPages } from "../support/soffice";

const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/libreoffice");
const english = SCENARIOS.find((s) => s.name === "phase 1 reached, with ETAs")!;
const spanish = SCENARIOS.find((s) => s.name === "Spanish, from a wide semicolon CSV")!;

describeWith(["libreoffice"], "the exported workbook in LibreOffice: charts and printed pages", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-lo-"));
  const files = { en: path.join(dir, "tracking-en.xlsx"), es: path.join(dir, "tracking-es.xlsx") };
  // A budget for MRR (90% of each typed month), so the MRR chart's Budget series has values to plot.
  const budget = english.options.actuals.filter((v) => v.key === "mrr").map((v) => ({ ...v, value: 0.9 * v.value }));
  const specs = { en: describeWorkbook({ ...english.options, budget }), es: describeWorkbook(spanish.options) };

  beforeAll(async () => {
    fs.writeFileSync(files.en, await writeWorkbook(specs.en));
    fs.writeFileSync(files.es, await writeWorkbook(specs.es));
  });

  test("LibreOffice reads the three dashboard charts and plots the values it computed in their cells", async () => {
    const [saved] = recalcLibreOffice([files.en], path.join(dir, "resaved"));
    const charts = await readCharts(fs.readFileSync(saved));
    const values = await readValues(saved);
    const spec = specs.en;
    const nameOf = (key: string) => spec.sheets.find((s) => s.key === key)!.name;
    expect(charts.map((c) => [c.sheet, c.title, c.kind, c.series.map((s) => s.name)])).toEqual(spec.charts.map((c) => [nameOf(c.sheet), c.title, c.kind, c.series.map((s) => s.name)]));
    spec.charts.forEach((described, k) => {
      described.series.forEach((series, i) => {
        // A series' own sheet (the budget's MRR), else the chart's.
        const cells = values.get(nameOf(series.sheet ?? described.dataSheet))!;
        const [from, to] = series.values.split(":").map(cellPosition);
        const computed = new Map<number, number>();
        for (let row = from.row; row <= to.row; row++)
          for (let col = from.col; col <= to.col; col++) {
            const v = cells.get(`${columnLetter(col)}${row}`);
            if (typeof v === "number") computed.set(row - from.row + col - from.col, v);
          }
        expect([described.title, series.name, computed.size > 3]).toEqual([described.title, series.name, true]);
        const plotted = charts[k].series[i].cached;
        expect([...plotted.keys()]).toEqual([...computed.keys()]);
        for (const [p, v] of computed) expect(plotted.get(p)).toBeCloseTo(v, 6);
      });
    });
  }, 180_000);

  test("precision at band edges (product.md 11): churn of 5.50% (WATCH) and 5.51% (RISK) look different on the Tracking sheet and the dashboard", async () => {
    // Churn's phase 1 WATCH ends at 5% + 10% of 5% = 5.5% (product.md 4): month 1 on the edge, month 2 one hundredth of a point past it.
    const actuals = [
      { key: "churn", month: 1, value: 0.055 },
      { key: "churn", month: 2, value: 0.0551 },
    ];
    const spec = describeWorkbook({ ...english.options, actuals });
    const file = path.join(dir, "edges.xlsx");
    fs.writeFileSync(file, await writeWorkbook(spec));
    const shown = recalculate([file], true).get(file)!;
    const nameOf = (key: string) => spec.sheets.find((s) => s.key === key)!.name;
    const tracking = shown.get(nameOf("tracking"))!;
    const row = trackingRow("churn");
    const months = [1, 2].map((t) => cellText(tracking, `${columnLetter(monthColumn(t))}${row}`));
    const current = spec.names.find((n) => n.name === NAMES.current("churn"))!;
    const dashboard = cellText(shown.get(nameOf("dashboard"))!, current.ref.replace(/\$/g, ""));
    const churn = metricRule(PHASE_METRICS.find((m) => m.id === "churn")!, 1);
    expect([months, dashboard, actuals.map((a) => levelOf(a.value, churn))]).toEqual([["5.50%", "5.51%"], "5.51%", ["WATCH", "RISK"]]);
  }, 180_000);

  test("after the data ends (product.md 6.4) the phase chart draws nothing: the cells it plots are #N/A in LibreOffice, Phase reached before, and LibreOffice leaves the gap", async () => {
    // Data to month 26 of 36, phase 3 reached at the end: a line at 3 that must stop, not drop to 0.
    const scenario = SCENARIOS.find((s) => s.name === "phase 3 reached, with ETAs to phase 4")!;
    const spec = describeWorkbook(scenario.options);
    const file = path.join(dir, "data-ends.xlsx");
    fs.writeFileSync(file, await writeWorkbook(spec));
    const [saved] = recalcLibreOffice([file], path.join(dir, "data-ends"));
    const reached = TEMPLATE_LABELS.en.charts.reached;
    const chart = spec.charts.find((c) => c.series.some((x) => x.name === reached))!;
    const [from, to] = chart.series.find((x) => x.name === reached)!.values.split(":").map(cellPosition);
    const cells = (await readValues(saved)).get(spec.sheets.find((s) => s.key === chart.dataSheet)!.name)!;
    const plotted = Array.from({ length: to.col - from.col + 1 }, (_, k) => cells.get(`${columnLetter(from.col + k)}${from.row}`) ?? null);
    const phase = expectedRows(scenario).get(NAMES.phaseRow.phase)!;
    expect([phase.filter((p) => typeof p === "number").length, phase.at(25), phase.at(26)]).toEqual([26, 3, ""]);
    expect(plotted).toEqual(phase.map((p) => (typeof p === "number" ? p : { error: "#N/A" })));
    // LibreOffice kept "gap" (7.4 turns it into "zero" for a line chart of formulas with no empty cell), and plotted months 1..26 only.
    const drawn = (await readCharts(fs.readFileSync(saved))).find((c) => c.title === chart.title)!;
    expect([drawn.blanksAs, [...drawn.series[0].cached.keys()]]).toEqual(["gap", Array.from({ length: 26 }, (_, k) => k)]);
  }, 180_000);

  describeWith(["pdftoppm"], "rendered to PNG pages", () => {
    test.each([["en"], ["es"]] as const)("%s: the printed pages show flags in green, amber and red (PNG artifacts in test-artifacts/libreoffice)", (lang) => {
      const out = path.join(ARTIFACTS, lang);
      fs.rmSync(out, { recursive: true, force: true });
      const pages = renderPages(files[lang], out);
      const pdf = path.join(out, `tracking-${lang}.pdf`);
      expect(pages.length).toBeGreaterThanOrEqual(4);
      const pixelsNear = (rgb: Buffer, hex: string) => {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        let n = 0;
        for (let i = 0; i + 2 < rgb.length; i += 3) if (Math.abs(rgb[i] - r) < 6 && Math.abs(rgb[i + 1] - g) < 6 && Math.abs(rgb[i + 2] - b) < 6) n++;
        return n;
      };
      // Page 1 is the dashboard, page 2 its charts; the Tracking sheet's coloured months follow.
      const dashboard = pagePixels(pdf, 1);
      expect(LEVELS.map((level) => pixelsNear(dashboard, LEVEL_FILL[level]) > 20)).toEqual([true, true, true]);
      const all = Array.from({ length: pages.length }, (_, i) => pagePixels(pdf, i + 1));
      for (const level of LEVELS) expect(all.slice(2).reduce((n, p) => n + pixelsNear(p, LEVEL_FILL[level]), 0)).toBeGreaterThan(200);
    }, 180_000);

    test("a company whose data ends mid-timeline: its pages as PNG, to look at the phase chart's line stopping (test-artifacts/libreoffice/data-ends)", async () => {
      const out = path.join(ARTIFACTS, "data-ends");
      fs.rmSync(out, { recursive: true, force: true });
      const file = path.join(dir, "data-ends-render.xlsx");
      fs.writeFileSync(file, await writeWorkbook(describeWorkbook(SCENARIOS.find((s) => s.name === "phase 3 reached, with ETAs to phase 4")!.options)));
      expect(renderPages(file, out).length).toBeGreaterThanOrEqual(3);
    }, 180_000);
  });
});
