/**
 * The plan catalog against the seed's own words (test/fixtures/seed-plan.md, a copy of the seed's
 * sections): every objective, strategy, initiative, symptom, mitigation and next step of the seed
 * is in the catalog exactly once, in the seed's order; the numeric objectives' numbers are the
 * catalog's targets (or, for gross margin, its floors), never a second copy.
 */
import * as fs from "fs";
import * as path from "path";
import { RISK_GROUPS } from "../../src/core/catalog";
import {
  NEXT_STEPS,
  PHASE_PLANS,
  RISK_PLANS,
  objectiveLabel,
} from "../../src/core/plan";

const seed = fs
  .readFileSync(path.join(__dirname, "../fixtures/seed-plan.md"), "utf8")
  .split("\n");

/** The lines of the code block that follows `heading` (the `n`-th such heading), as the seed writes them. */
function block(heading: RegExp, n: number): string[] {
  const starts = seed
    .map((l, i) => (heading.test(l) ? i : -1))
    .filter((i) => i >= 0);
  const open = seed.indexOf("```", starts[n]);
  const close = seed.indexOf("```", open + 1);
  return seed.slice(open + 1, close);
}

test("each phase's twelve objectives, in the seed's words and order; numbers from the catalog", () => {
  PHASE_PLANS.forEach((plan, k) => {
    const lines = block(/Objetivos de Escalamiento/, k)
      .filter((l) => l.startsWith("- "))
      .map((l) => l.slice(2));
    expect([
      plan.phase,
      plan.objectives.map((o) => objectiveLabel(o, plan.phase, "es")),
    ]).toEqual([plan.phase, lines]);
    // The areas follow the seed's PRODUCTO / MARKETING / OPERACIONES headings, four lines each.
    expect(plan.objectives.map((o) => o.area)).toEqual(
      [..."pppp"]
        .map(() => "product")
        .concat(
          [..."mmmm"].map(() => "marketing"),
          [..."oooo"].map(() => "operations"),
        ),
    );
  });
  expect(
    PHASE_PLANS[0].objectives
      .filter((o) => o.numeric)
      .map((o) => objectiveLabel(o, 1, "en")),
  ).toContain("Revenue $500K/month");
});

test("each phase's four strategies and sixteen initiatives, in the seed's words and order", () => {
  PHASE_PLANS.forEach((plan, k) => {
    const lines = block(/Estrategias de Escalamiento/, k).filter(
      (l) => l.trim() !== "",
    );
    const seedStrategies = lines
      .filter((l) => /^\d\. /.test(l))
      .map((l) => l.replace(/^\d\. /, ""));
    const seedInitiatives = lines
      .filter((l) => /^\s+- /.test(l))
      .map((l) => l.trim().slice(2));
    expect(plan.strategies.map((s) => s.label.es)).toEqual(seedStrategies);
    expect(
      plan.strategies.flatMap((s) => s.initiatives.map((i) => i.label.es)),
    ).toEqual(seedInitiatives);
    expect(plan.strategies.every((s) => s.initiatives.length === 4)).toBe(true);
  });
});

test("each risk group's symptoms and mitigations, in the seed's words", () => {
  expect(RISK_PLANS.map((r) => r.group)).toEqual(RISK_GROUPS.map((g) => g.id));
  RISK_PLANS.forEach((plan, k) => {
    const lines = block(/^#### \*\*Riesgo:/, k);
    const section = (title: string) => {
      const start = lines.indexOf(`${title}:`);
      const out: string[] = [];
      for (
        let i = start + 1;
        i < lines.length && lines[i].startsWith("- ");
        i++
      )
        out.push(lines[i].slice(2));
      return out;
    };
    expect(plan.symptoms.map((s) => s.label.es)).toEqual(section("SÍNTOMAS"));
    expect(plan.mitigations.map((s) => s.label.es)).toEqual(
      section("MITIGACIÓN"),
    );
  });
});

test("the next steps, each once, without the seed's bold marks", () => {
  const start = seed.findIndex(
    (l) => l.startsWith("## ") && l.includes("Próximos Pasos"),
  );
  const lines = seed
    .slice(start)
    .filter((l) => /^\d\. /.test(l))
    .map((l) => l.replace(/^\d\. /, "").replace(/\*\*/g, ""));
  expect(NEXT_STEPS.flatMap((s) => s.steps.map((x) => x.label.es))).toEqual(
    lines,
  );
});

test("every item has an English label and its seed section", () => {
  const all = [
    ...PHASE_PLANS.flatMap((p) => [
      ...p.strategies,
      ...p.strategies.flatMap((s) => s.initiatives),
    ]),
    ...RISK_PLANS.flatMap((r) => [...r.symptoms, ...r.mitigations]),
    ...NEXT_STEPS.flatMap((s) => s.steps),
  ];
  expect(all.filter((i) => !i.label.en || !i.source)).toEqual([]);
  expect(
    PHASE_PLANS.flatMap((p) => p.objectives).filter(
      (o) => !o.source || (!o.label && !o.numeric),
    ),
  ).toEqual([]);
});
