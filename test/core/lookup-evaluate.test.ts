import { CASH_BALANCE, PHASE_METRICS, RISK_INDICATORS, targetOf } from "../../src/core/catalog";
import { measureNamed } from "../../src/core/importer";
import { bandWidth, gapOf, indicatorRule, levelOf, metricRule, phaseReached, worstLevel } from "../../src/core/evaluate";
import { indicatorById, metricById, normalizeKey, resolve, suggest } from "../../src/core/lookup";
import { OverridesError, parseOverrides } from "../../src/core/thresholds-parser";

describe("lookup", () => {
  test.each([
    ["LTV/CAC", "ltv_cac"],
    ["ltv:cac", "ltv_cac"],
    ["Margen bruto", "gross_margin"],
    ["GROSS MARGIN", "gross_margin"],
    ["Automatización de procesos", "process_automation"],
    ["automatizacion de procesos", "process_automation"],
    ["MRR", "mrr"],
    ["Usuarios activos", "active_users"],
    ["ROI", "marketing_roi"],
    ["ROI de marketing", "marketing_roi"],
  ])("%s -> %s", (text, id) => {
    const r = resolve(text);
    expect(r.kind === "metric" && r.metric.id).toBe(id);
  });

  test("churn, nps and productivity are metrics with a risk-indicator twin", () => {
    for (const id of ["churn", "nps", "productivity"]) {
      const r = resolve(id);
      expect(r.kind).toBe("metric");
      expect(r.kind === "metric" && r.indicator?.id).toBe(id);
    }
  });

  test("a bare revenue_growth is ambiguous between its two groups", () => {
    expect(resolve("revenue_growth")).toEqual({
      kind: "ambiguous",
      text: "revenue_growth",
      candidates: ["cash_burn.revenue_growth", "competition.revenue_growth"],
    });
    const q = resolve("cash_burn.revenue_growth");
    expect(q.kind === "indicator" && q.indicator.threshold).toBe(0.2);
  });

  test("groups resolve by id and Spanish name", () => {
    expect(resolve("Quema de caja").kind).toBe("group");
    expect(resolve("competition").kind).toBe("group");
  });

  test("unknown ids get the closest known ids", () => {
    expect(suggest("gros margin")[0]).toBe("gross_margin");
    expect(suggest("chrun")).toContain("churn");
    const r = resolve("mrrr");
    expect(r.kind === "unknown" && r.suggestions[0]).toBe("mrr");
  });

  test("every id, name and alias resolves to its own entry, never to a stranger", () => {
    for (const m of PHASE_METRICS) {
      for (const s of [m.id, m.name.en, m.name.es, ...m.aliases]) {
        const r = resolve(s);
        expect([s, r.kind === "metric" ? r.metric.id : r.kind]).toEqual([s, m.id]);
      }
    }
    for (const i of RISK_INDICATORS) {
      const r = resolve(i.qualifiedId);
      expect(r.kind === "indicator" && r.indicator).toBe(i);
    }
  });
});

describe("the names finance files use (product.md 11, fourth bullet): one alias, one measure", () => {
  const idOf = (m: ReturnType<typeof measureNamed>) => (typeof m === "string" ? m : m.kind === "indicator" ? m.qualifiedId : m.id);

  test.each([
    ["Plantilla", "team_size"],
    ["Número de empleados", "team_size"],
    ["FTEs", "team_size"],
    ["Tasa de cancelación", "churn"],
    ["Tasa de cancelacion", "churn"],
    ["Logo churn", "churn"],
    ["Ingresos recurrentes mensuales", "mrr"],
    ["Ingresos recurrentes anuales", "arr"],
    ["Coste de adquisición de clientes", "cac"],
    ["Tesorería", "cash_balance"],
    ["Net burn", "cash_burn.burn_rate"],
  ])("%s -> %s", (name, id) => {
    expect(idOf(measureNamed(name))).toBe(id);
  });

  const measures = [...PHASE_METRICS, ...RISK_INDICATORS, CASH_BALANCE];
  const ownId = (m: (typeof measures)[number]) => (m.kind === "indicator" ? m.qualifiedId : m.id);

  test("every alias of the catalog names its own measure, and no other spelling of another measure", () => {
    for (const m of measures) for (const alias of m.aliases) expect([alias, idOf(measureNamed(alias))]).toEqual([alias, ownId(m)]);
    const spellings = (m: (typeof measures)[number]) => [m.id, m.name.en, m.name.es, ...m.aliases].map(normalizeKey);
    for (const m of measures)
      for (const alias of m.aliases.map(normalizeKey)) {
        // The twin indicators (churn, nps, productivity) are the same measure as their metric.
        const others = measures.filter((o) => o !== m && o.id !== m.id && spellings(o).includes(alias));
        expect([alias, others.map(ownId)]).toEqual([alias, []]);
      }
  });

  test("each alias once in the catalog", () => {
    const aliases = measures.flatMap((m) => m.aliases.map(normalizeKey));
    expect(aliases.filter((a, i) => aliases.indexOf(a) !== i)).toEqual([]);
  });

  test("Clientes activos are customers; Usuarios activos stay active users", () => {
    expect([idOf(measureNamed("Clientes activos")), idOf(measureNamed("Usuarios activos"))]).toEqual(["customers", "active_users"]);
  });
});

describe("levels (product.md section 4)", () => {
  const cac = metricRule(metricById("cac"), 1);
  const uptime = metricRule(metricById("uptime"), 1);
  const margin = metricRule(metricById("gross_margin"), 1);
  const share = indicatorRule(indicatorById("competition.market_share"));

  test.each([
    [cac, 100, "OK"],
    [cac, 110, "WATCH"],
    [cac, 110.0001, "RISK"],
    [uptime, 0.999, "OK"],
    [uptime, 0.9989, "WATCH"],
    [uptime, 0.99889, "RISK"],
    [margin, 0.75, "OK"],
    [margin, 0.7, "WATCH"],
    [margin, 0.6999, "RISK"],
    [share, 0.1001, "OK"],
    [share, 0.1, "WATCH"],
    [share, 0.09, "WATCH"],
    [share, 0.0899, "RISK"],
  ])("%j at %p is %s", (rule, value, level) => {
    expect(levelOf(value, rule)).toBe(level);
  });

  test("a >= rule is met at the threshold, a > rule is not", () => {
    const funding = indicatorRule(indicatorById("cash_burn.funding"));
    expect(levelOf(10_000_000, funding)).toBe("OK");
    expect(levelOf(18, indicatorRule(indicatorById("cash_burn.cash_runway")))).toBe("WATCH");
  });

  test("band of a capped fraction near 100% uses the distance to 100%", () => {
    expect(bandWidth(uptime)).toBeCloseTo(0.0001, 12);
    expect(bandWidth(cac)).toBe(10);
  });

  test("gap follows the metric's direction", () => {
    expect(gapOf(120, cac)).toBe(20);
    expect(gapOf(80, cac)).toBe(-20);
    expect(gapOf(400_000, metricRule(metricById("mrr"), 1))).toBe(100_000);
  });

  test("worst level; none for no levels", () => {
    expect(worstLevel(["OK", "RISK", "WATCH"])).toBe("RISK");
    expect(worstLevel([])).toBeUndefined();
  });

  test("phases are judged each on its own, not cumulatively", () => {
    expect(phaseReached([{ metric: metricById("mrr_growth"), value: 0.06 }])).toBe(4);
    expect(phaseReached([{ metric: metricById("mrr"), value: 100 }])).toBe(0);
    expect(phaseReached([])).toBeUndefined();
    const half = [
      { metric: metricById("mrr"), value: 3_000_000 },
      { metric: metricById("churn"), value: 0.04 },
    ];
    expect(phaseReached(half, 1)).toBe(1);
    expect(phaseReached(half, 0.5)).toBe(2);
  });
});

describe("threshold overrides", () => {
  test("the template's table found by its headers, floors and risk thresholds included", () => {
    const o = parseOverrides([
      ["Id", "Metric", "P1", "P2", "P3", "P4", "Floor P1", "Floor P2", "Floor P3", "Floor P4", "Threshold"],
      ["gross_margin", "Gross margin", 0.5, 0.6, 0.7, 0.8, 0.4, 0.5, 0.6, 0.7, null],
      ["cash_burn.cash_runway", "Cash runway", null, null, null, null, null, null, null, null, 12],
    ]);
    expect(metricRule(metricById("gross_margin"), 2, o)!).toMatchObject({ threshold: 0.6, floor: 0.5 });
    expect(indicatorRule(indicatorById("cash_burn.cash_runway"), o)!.threshold).toBe(12);
    expect(metricRule(metricById("mrr"), 1, o)!.threshold).toBe(500_000);
  });

  test("a bare five-column range, with or without header", () => {
    const bare = parseOverrides([["cac", 90, 70, 45, 20]]);
    expect(metricRule(metricById("cac"), 3, bare)!.threshold).toBe(45);
    const headed = parseOverrides([
      ["Id", "P1", "P2", "P3", "P4"],
      ["LTV/CAC", 3, 4, 5, 6],
    ]);
    expect(metricRule(metricById("ltv_cac"), 1, headed)!.threshold).toBe(3);
  });

  test("Excel desktop's zeros for empty cells count as empty: no floor of 0, no row for id 0", () => {
    // The Thresholds table as desktop Excel passes it: blank floors and the blank rows below as 0.
    const o = parseOverrides([
      ["Id", "Metric", "P1", "P2", "P3", "P4", "Floor P1", "Floor P2", "Floor P3", "Floor P4"],
      ["mrr", "MRR", 500_000, 2_000_000, 8_000_000, 20_000_000, 0, 0, 0, 0],
      ["gross_margin", "Gross margin", 0.75, 0.8, 0.82, 0.85, 0.7, 0.72, 0.75, 0.78],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(metricRule(metricById("mrr"), 1, o)!.floor).toBeUndefined();
    expect(levelOf(100, metricRule(metricById("mrr"), 1, o)!)).toBe("RISK");
    expect(metricRule(metricById("gross_margin"), 1, o)!.floor).toBe(0.7);
  });

  test("a risk table's churn, nps or productivity is the risk indicator of that name", () => {
    const o = parseOverrides([
      ["Id", "Threshold"],
      ["churn", 0.06],
    ]);
    expect(indicatorRule(indicatorById("competition.churn"), o)!.threshold).toBe(0.06);
    expect(metricRule(metricById("churn"), 1, o)!.threshold).toBe(targetOf(metricById("churn"), 1));
  });

  test("section 4: an empty or 0 target switches that check off; a cleared floor means no floor; a floor for a metric without one is refused", () => {
    const header = ["Id", "P1", "P2", "P3", "P4", "Floor P1", "Floor P2", "Floor P3", "Floor P4"];
    const o = parseOverrides([header, ["gross_margin", 0.75, null, 0, 0.9, 0.6, 0, null, 0.72]]);
    expect(metricRule(metricById("gross_margin"), 1, o)).toMatchObject({ threshold: 0.75, floor: 0.6 });
    expect([metricRule(metricById("gross_margin"), 2, o), metricRule(metricById("gross_margin"), 3, o)]).toEqual([undefined, undefined]);
    expect(metricRule(metricById("gross_margin"), 4, o)).toMatchObject({ threshold: 0.9, floor: 0.72 });
    const cleared = parseOverrides([header, ["gross_margin", 0.75, 0.8, 0.85, 0.9, null, 0, "", null]]);
    expect(metricRule(metricById("gross_margin"), 2, cleared)!.floor).toBeUndefined();
    expect(levelOf(0.73, metricRule(metricById("gross_margin"), 2, cleared)!)).toBe("RISK");
    expect(() => parseOverrides([header, ["cac", 100, 75, 50, 25, 150, null, null, null]])).toThrow(
      new OverridesError("thresholds row 2, Floor P1: cac has no floor (only gross_margin has one); clear that cell"),
    );
    expect(() => parseOverrides([header, ["mrr", 500_000, 2e6, 5e6, 2e7, 0, 0, 0, 1]])).toThrow(/row 2, Floor P4: mrr has no floor/);
    expect(() => parseOverrides([header, ["mrr", 500_000, "lots", 5e6, 2e7, 0, 0, 0, 0]])).toThrow(new OverridesError('thresholds row 2, P2: "lots" is not a number'));
  });

  test("a bare range's header row is recognised by the text over P1..P4, whatever the first header says", () => {
    for (const first of ["Metric", "Métrica", ""]) {
      const o = parseOverrides([
        [first, "P1", "P2", "P3", "P4"],
        ["cac", 90, 70, 45, 20],
      ]);
      expect(metricRule(metricById("cac"), 1, o)!.threshold).toBe(90);
    }
  });

  test("bad tables say what to fix", () => {
    expect(() => parseOverrides([["gross_margin", 75, 0.8, 0.82, 0.85]])).toThrow(
      new OverridesError("thresholds row 1, P1: gross_margin is a percentage entered as a fraction: 75% is 0.75, so enter 0.75, not 75."),
    );
    expect(() => parseOverrides([["Id", "Threshold"], ["cash_burn", 3]])).toThrow(
      new OverridesError('thresholds row 2: "cash_burn" is a risk group; give each of its indicators on its own row, as cash_burn.cash_runway'),
    );
    expect(() => parseOverrides([["Id", "Threshold"], ["mrr", 3]])).toThrow(
      new OverridesError("thresholds row 2: mrr is a phase metric; give its targets in P1..P4 columns"),
    );
    expect(() => parseOverrides([["cash_burn.cash_runway", 12, 12, 12, 12]])).toThrow(
      new OverridesError("thresholds row 1: cash_burn.cash_runway is a risk indicator; give its threshold in a Threshold column"),
    );
    expect(() => parseOverrides([["cac", "ninety", 70, 45, 20]])).toThrow(new OverridesError('thresholds row 1, P1: "ninety" is not a number'));
    expect(() => parseOverrides([["cak", 90, 70, 45, 20]])).toThrow(/unknown metric "cak" \(did you mean cac/);
    expect(() => parseOverrides([["a", "b", "c"]])).toThrow(/five-column range/);
  });
});
