import * as fs from "fs";
import * as path from "path";
import { MARKETING_ROI_MAX, PHASE_METRICS, RISK_GROUPS, RISK_INDICATORS, UNCAPPED_FRACTION_MAX, UNITS, valueRange } from "../../src/core/catalog";

/** product.md's tables (sections 2 and 3, copied into the repository): the catalog must say the same numbers. */
const productDoc = path.resolve(__dirname, "../fixtures/product-decisions.md");

function tableRows(markdown: string, firstHeader: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`| ${firstHeader} |`));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.split("|").slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

const num = (s: string) => Number(s.replace(/,/g, ""));

describe("catalog agrees with product.md", () => {
  const doc = fs.readFileSync(productDoc, "utf8");

  test("every phase metric with its unit, direction and P1..P4 targets", () => {
    const rows = tableRows(doc, "id");
    expect(rows.map((r) => r[0])).toEqual(PHASE_METRICS.map((m) => m.id));
    for (const [id, , , unit, dir, p1, p2, p3, p4] of rows) {
      const m = PHASE_METRICS.find((x) => x.id === id)!;
      expect([id, m.direction]).toEqual([id, dir]);
      expect([id, [...m.targets]]).toEqual([id, [p1, p2, p3, p4].map(num)]);
      const expectedUnit = unit.startsWith("score -100") ? "nps" : unit.startsWith("score 1..5") ? "score_1_5" : unit;
      expect([id, m.unit]).toEqual([id, expectedUnit]);
    }
  });

  test("every phase metric's English and Spanish names", () => {
    const rows = tableRows(doc, "id");
    for (const [id, en, es] of rows) {
      const m = PHASE_METRICS.find((x) => x.id === id)!;
      expect([id, m.name.en, m.name.es]).toEqual([id, en, es]);
    }
  });

  test("every risk indicator with its rule", () => {
    const rows = tableRows(doc, "group");
    expect(rows.map((r) => `${r[0]}.${r[1]}`)).toEqual(RISK_INDICATORS.map((i) => i.qualifiedId));
    for (const [g, id, , , rule] of rows) {
      const i = RISK_INDICATORS.find((x) => x.qualifiedId === `${g}.${id}`)!;
      const [, op, value] = /^([<>]=?) ([\d.,]+)$/.exec(rule)!;
      expect([i.qualifiedId, i.threshold, i.direction, i.strict]).toEqual([
        i.qualifiedId,
        num(value),
        op.startsWith(">") ? "higher" : "lower",
        !op.endsWith("="),
      ]);
    }
  });
});

describe("catalog shape", () => {
  test("gross margin carries the seed's floors below its targets", () => {
    const gm = PHASE_METRICS.find((m) => m.id === "gross_margin")!;
    expect(gm.floors).toEqual([0.7, 0.75, 0.8, 0.85]);
    gm.floors!.forEach((f, i) => expect(f).toBeLessThan(gm.targets[i]));
  });

  test("targets need not be monotonic (revenue per employee falls in phase 4)", () => {
    const rpe = PHASE_METRICS.find((m) => m.id === "revenue_per_employee")!;
    expect(rpe.targets[3]).toBeLessThan(rpe.targets[2]);
  });

  test("growth rates, marketing ROI and price premium are uncapped fractions; other fractions are capped", () => {
    const uncapped = [...PHASE_METRICS, ...RISK_INDICATORS].filter((m) => m.unit === "fraction" && !m.capped).map((m) => m.id);
    expect(new Set(uncapped)).toEqual(new Set(["mrr_growth", "customer_growth", "marketing_roi", "revenue_growth", "price_premium"]));
  });

  test("a fraction is negative only where it can be: growth rates, ROI, price premium and gross margin down to -100%; churn, error rate, uptime and every other share from 0 (product.md section 10)", () => {
    const fractions = [...PHASE_METRICS, ...RISK_INDICATORS].filter((m) => m.unit === "fraction");
    const from = (min: number) => new Set(fractions.filter((m) => valueRange(m).min === min).map((m) => ("qualifiedId" in m ? m.qualifiedId : m.id)));
    expect(from(-1)).toEqual(new Set(["mrr_growth", "customer_growth", "marketing_roi", "gross_margin", "cash_burn.revenue_growth", "competition.revenue_growth", "competition.price_premium"]));
    expect(from(0)).toEqual(new Set(fractions.map((m) => ("qualifiedId" in m ? m.qualifiedId : m.id)).filter((id) => !from(-1).has(id))));
    for (const id of ["churn", "uptime", "process_automation", "employee_retention", "quality_loss.error_rate", "team_overload.burnout_rate", "team_overload.turnover", "competition.market_share"])
      expect([id, from(0).has(id)]).toEqual([id, true]);
  });

  test("uncapped fractions stop at a plausible maximum: 1,000%, and 10,000% for marketing ROI", () => {
    const ranges = Object.fromEntries([...PHASE_METRICS, ...RISK_INDICATORS].filter((m) => m.unit === "fraction" && !m.capped).map((m) => [m.id, valueRange(m)]));
    expect(ranges).toEqual({
      mrr_growth: { min: -1, max: UNCAPPED_FRACTION_MAX },
      customer_growth: { min: -1, max: UNCAPPED_FRACTION_MAX },
      marketing_roi: { min: -1, max: MARKETING_ROI_MAX },
      revenue_growth: { min: -1, max: UNCAPPED_FRACTION_MAX },
      price_premium: { min: -1, max: UNCAPPED_FRACTION_MAX },
    });
    expect([UNCAPPED_FRACTION_MAX, MARKETING_ROI_MAX]).toEqual([10, 100]);
    for (const m of [...PHASE_METRICS, ...RISK_INDICATORS]) {
      const t = "targets" in m ? Math.max(...m.targets) : m.threshold;
      expect([m.id, t <= valueRange(m).max]).toEqual([m.id, true]);
    }
  });

  test("every entry names its seed section and a known unit", () => {
    for (const m of [...PHASE_METRICS, ...RISK_INDICATORS]) {
      expect(m.source.length).toBeGreaterThan(5);
      expect(UNITS[m.unit]).toBeDefined();
    }
  });

  test("four risk groups of four indicators", () => {
    expect(RISK_GROUPS.map((g) => g.indicators.length)).toEqual([4, 4, 4, 4]);
  });
});
