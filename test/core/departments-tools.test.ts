/**
 * The departments and tools catalog against the seed's own words (test/fixtures/
 * seed-departments-tools.md, a copy of the seed's "Herramientas de Escalamiento" and
 * "Estrategias de Escalamiento por Función"): every heading, strategy item, tool, channel,
 * functionality, KPI and expected impact of the seed is in the catalog exactly once, in the
 * seed's order, under its seed section; every number is read here from the seed's text and
 * found as the catalog's unit, direction and target (product.md 13).
 */
import * as fs from "fs";
import * as path from "path";
import { PHASE_METRICS } from "../../src/core/catalog";
import { DEPARTMENT_KPIS, DepartmentKpi, relativeChange } from "../../src/core/department-kpis";
import { DEPARTMENTS, kpiWords } from "../../src/core/departments";
import { TOOL_GROUPS, TOOL_IMPACTS, impactWords } from "../../src/core/tools";

const seed = fs
  .readFileSync(
    path.join(__dirname, "../fixtures/seed-departments-tools.md"),
    "utf8",
  )
  .split("\n");

/** A line of the seed: its heading path, the code block's section (ESTRATEGIA, ...) and its text. */
interface SeedLine {
  readonly path: readonly string[];
  readonly section?: string;
  readonly text: string;
}

/** "## 🛠️ Herramientas de Escalamiento", "### **1. Herramientas de Automatización**" -> the words. */
const headingWords = (line: string) =>
  line
    .replace(/^#+\s*/, "")
    .replace(/\*\*/g, "")
    .replace(/^[^\p{L}\d]+/u, "")
    .replace(/^\d+\.\s+/, "")
    .trim();

function seedLines(): SeedLine[] {
  const out: SeedLine[] = [];
  let headings: string[] = [];
  let inCode = false;
  let section: string | undefined;
  for (const line of seed) {
    if (line.startsWith("```")) {
      inCode = !inCode;
      section = undefined;
    } else if (!inCode && /^#{2,4} /.test(line)) {
      const depth = line.indexOf(" ") - 2;
      headings = [...headings.slice(0, depth), headingWords(line)];
      out.push({ path: headings, text: headings[depth] });
    } else if (inCode && /^[A-ZÁÉÍÓÚ ]+:$/.test(line)) {
      section = line.slice(0, -1);
    } else if (inCode && line.startsWith("- ")) {
      out.push({ path: headings, section, text: line.slice(2) });
    } else if (inCode && line.trim() !== "") {
      throw new Error(
        `The fixture has a line this test does not read: ${line}`,
      );
    }
  }
  return out;
}

const SEED = seedLines();
const sourceOf = (l: SeedLine) =>
  l.path.join(" › ") + (l.section ? ` (${l.section})` : "");
const under = (top: string) => SEED.filter((l) => l.path[0] === top);
const metricLines = (top: string) =>
  under(top).filter((l) => l.section === "MÉTRICAS");

const FUNCTIONS = "Estrategias de Escalamiento por Función";
const TOOLS = "Herramientas de Escalamiento";

/** Each catalog entry as "source | Spanish words", in the catalog's order. */
function departmentEntries(): string[] {
  return DEPARTMENTS.flatMap((d) => [
    `${d.source} | ${d.label.es}`,
    ...d.blocks.flatMap((b) => [
      `${b.source} | ${b.label.es}`,
      ...[...b.strategy, ...b.tools, ...b.channels].map(
        (i) => `${i.source} | ${i.label.es}`,
      ),
      ...b.kpis.map((k) => `${k.source} | ${kpiWords(k, "es")}`),
    ]),
  ]);
}

function toolEntries(): string[] {
  return TOOL_GROUPS.flatMap((g) => [
    `${g.source} | ${g.label.es}`,
    ...g.categories.flatMap((c) => [
      `${c.source} | ${c.label.es}`,
      ...[...c.tools, ...c.functionalities].map(
        (i) => `${i.source} | ${i.label.es}`,
      ),
      ...c.impacts.map((i) => `${i.source} | ${impactWords(i, "es")}`),
    ]),
  ]);
}

const seedEntries = (top: string) =>
  under(top)
    .filter((l) => l.path.length > 1)
    .map((l) => `${sourceOf(l)} | ${l.text}`);

/** What the seed's number says, read here from its text: "<$100", "45 días", "10+", "-80%", "4.5/5". */
interface SeedNumber {
  unit: string;
  target: number;
  strict: boolean;
  direction?: "higher" | "lower";
  per?: string;
  sign?: "+" | "-";
}

function readNumber(text: string): SeedNumber {
  const m =
    /^([<>]?)([+-]?)(\$?)(\d+(?:\.\d+)?)(K?)(%?)(\+?)(ms| días| horas\/semana|\/año|\/mes|\/5|\/10|x)?$/.exec(
      text,
    );
  if (!m) throw new Error(`A number this test cannot read: ${text}`);
  const [, op, sign, dollar, digits, thousands, percent, plus, suffix] = m;
  const target =
    (Number(digits) * (thousands ? 1000 : 1)) / (percent ? 100 : 1);
  const unitOf: Record<string, [string, string?]> = {
    ms: ["milliseconds"],
    " días": ["days"],
    " horas/semana": ["hours", "week"],
    "/año": ["count", "year"],
    "/mes": ["count", "month"],
    "/5": ["score_1_5"],
    "/10": ["score_0_10"],
    x: ["multiple"],
  };
  const [unit, per] = percent
    ? ["fraction"]
    : dollar
      ? ["usd"]
      : suffix
        ? unitOf[suffix]
        : ["count"];
  return {
    unit,
    target,
    strict: op !== "",
    direction: op === "<" ? "lower" : op === ">" || plus ? "higher" : undefined,
    ...(per && { per }),
    ...(sign && { sign: sign as "+" | "-" }),
  };
}

const split = (l: SeedLine) => {
  const at = l.text.lastIndexOf(": ");
  return {
    label: l.text.slice(0, at),
    number: readNumber(l.text.slice(at + 2)),
  };
};

/** KPIs whose smaller value is better though the seed writes no `<`: the times it gives in days. */
const LOWER_IS_BETTER = ["Sales cycle", "Hiring time", "Ramp time"];

test("the seed's counts: 8 blocks of 4 KPIs (32) and 7 tool categories of 4 expected impacts (28)", () => {
  expect(metricLines(FUNCTIONS)).toHaveLength(32);
  expect(metricLines(TOOLS)).toHaveLength(28);
  expect(DEPARTMENT_KPIS).toHaveLength(32);
  expect(TOOL_IMPACTS).toHaveLength(28);
});

test("every line of 'Estrategias de Escalamiento por Función' is in the catalog once, in order, under its section", () => {
  expect(departmentEntries()).toEqual(seedEntries(FUNCTIONS));
});

test("every line of 'Herramientas de Escalamiento' is in the catalog once, in order, under its section", () => {
  expect(toolEntries()).toEqual(seedEntries(TOOLS));
});

test("each department KPI's words have exactly one KPI of numbers, with the function in its id", () => {
  const words = DEPARTMENTS.flatMap((d) =>
    d.blocks.flatMap((b) => b.kpis.map((k) => [d.id, k.id])),
  );
  expect(words.map(([, id]) => id)).toEqual(DEPARTMENT_KPIS.map((k) => k.id));
  expect(new Set(DEPARTMENT_KPIS.map((k) => k.id)).size).toBe(32);
  expect(words.filter(([fn, id]) => !id.startsWith(`${fn}.`))).toEqual([]);
  // product.md 13's examples.
  expect(DEPARTMENT_KPIS.map((k) => k.id)).toEqual(
    expect.arrayContaining([
      "sales.win_rate",
      "sales.cycle_days",
      "product.feature_adoption",
    ]),
  );
});

test("each KPI's unit, direction, target and strictness are the seed's number", () => {
  const kpis = DEPARTMENTS.flatMap((d) => d.blocks.flatMap((b) => b.kpis));
  metricLines(FUNCTIONS).forEach((line, i) => {
    const { label, number } = split(line);
    const k = DEPARTMENT_KPIS.find((x) => x.id === kpis[i].id)!;
    const change = ["Error reduction", "Cost savings"].includes(label);
    expect([
      line.text,
      k.unit,
      k.target,
      k.strict,
      k.per,
      k.change !== undefined,
    ]).toEqual([
      line.text,
      number.unit,
      expect.closeTo(number.target, 12),
      number.strict,
      number.per,
      change,
    ]);
    const direction =
      number.direction ??
      (LOWER_IS_BETTER.includes(label) ? "lower" : "higher");
    expect([line.text, k.direction]).toEqual([line.text, direction]);
  });
});

test("KPIs the timeline already holds name its row (product.md 13), with its unit and direction", () => {
  const linked = DEPARTMENT_KPIS.filter((k) => k.link).map((k) => [
    k.id,
    k.link,
    k.target,
  ]);
  expect(linked).toEqual([
    ["product.uptime", "uptime", 0.999],
    ["operations.automation_rate", "process_automation", 0.9],
    ["operations.uptime", "uptime", 0.9999],
  ]);
  for (const k of DEPARTMENT_KPIS.filter((x) => x.link)) {
    const row = PHASE_METRICS.find((m) => m.id === k.link);
    expect([k.id, row?.unit, row?.direction]).toEqual([
      k.id,
      k.unit,
      k.direction,
    ]);
  }
});

test("the seed's contradictions are kept as it states them, each in its own block", () => {
  const blockOf = (id: string) =>
    DEPARTMENTS.flatMap((d) => d.blocks).find((b) =>
      b.kpis.some((k) => k.id === id),
    )!.id;
  const kpi = (id: string): DepartmentKpi =>
    DEPARTMENT_KPIS.find((k) => k.id === id)!;
  expect([
    kpi("product.performance_ms").target,
    blockOf("product.performance_ms"),
  ]).toEqual([200, "development"]);
  expect([
    kpi("operations.response_time_ms").target,
    blockOf("operations.response_time_ms"),
  ]).toEqual([100, "infrastructure"]);
  // The sales team's 50 is its own KPI, not the company's team size.
  expect([
    kpi("sales.team_size").target,
    kpi("sales.team_size").link,
    blockOf("sales.team_size"),
  ]).toEqual([50, undefined, "team"]);
  expect(PHASE_METRICS.some((m) => m.id === "team_size")).toBe(true);
});

test("each expected impact: level, change (reduction or increase) or the vendor's ROI claim, with the seed's number", () => {
  metricLines(TOOLS).forEach((line, i) => {
    const { label, number } = split(line);
    const impact = TOOL_IMPACTS[i];
    const claim = label === "ROI";
    const reduction =
      number.sign === "-" || /reduction|efficiency/i.test(label);
    const increase = number.sign === "+" || /increase|improvement/i.test(label);
    expect([
      line.text,
      impact.unit,
      impact.target,
      impact.strict,
      impact.per,
      impact.claim ?? false,
      impact.change,
      impact.direction,
    ]).toEqual([
      line.text,
      number.unit,
      expect.closeTo(number.target, 12),
      number.strict,
      number.per,
      claim,
      reduction ? "reduction" : increase ? "increase" : undefined,
      number.direction ?? "higher",
    ]);
  });
  expect(TOOL_IMPACTS.filter((i) => i.claim)).toHaveLength(5);
});

test("every entry has an English label and its seed section", () => {
  const entries = [
    ...DEPARTMENTS.flatMap((d) => [
      d,
      ...d.blocks.flatMap((b) => [
        b,
        ...b.strategy,
        ...b.tools,
        ...b.channels,
        ...b.kpis,
      ]),
    ]),
    ...TOOL_GROUPS.flatMap((g) => [
      g,
      ...g.categories.flatMap((c) => [
        c,
        ...c.tools,
        ...c.functionalities,
        ...c.impacts,
      ]),
    ]),
  ];
  expect(
    entries.filter((e) => !e.label.en || !e.label.es || !e.source),
  ).toEqual([]);
  expect(kpiWords(DEPARTMENTS[2].blocks[0].kpis[0], "en")).toBe(
    "Sales cycle: 45 days",
  );
});

test("the functions never reach the departments' and tools' texts (their bundle stays within 40 KB)", () => {
  const root = path.resolve(__dirname, "../..");
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(/\bfrom\s+["'](\.[^"']+)["']/g)) {
      const base = path.resolve(path.dirname(file), spec);
      const target = [`${base}.ts`, path.join(base, "index.ts")].find((c) =>
        fs.existsSync(c),
      );
      if (target) visit(target);
    }
  };
  visit(path.join(root, "src/functions/register.ts"));
  const reached = [...seen].map((f) =>
    path.relative(root, f).split(path.sep).join("/"),
  );
  // seed-units.ts is small and the functions check a KPI's value against its unit (milliseconds, days, a 0-10 score).
  expect(
    reached.filter((f) => /^src\/core\/(departments|tools)\.ts$/.test(f)),
  ).toEqual([]);
});

test("a change is a fraction of its baseline, by its kind, and none from a baseline of 0 or below (product.md 13: 'Error reduction: 70%')", () => {
  // 100 errors down to 40: a 60% reduction; 200 hours up to 260: a 30% increase.
  expect(relativeChange("reduction", 100, 40)).toBeCloseTo(0.6, 12);
  expect(relativeChange("increase", 200, 260)).toBeCloseTo(0.3, 12);
  expect(relativeChange("reduction", 0, 40)).toBeUndefined();
  expect(relativeChange("reduction", -50, 40)).toBeUndefined();
});
