/**
 * The Tools sheet's words (product.md 13, third bullet): the Spanish workbook's Herramientas sheet
 * holds every string of the seed's "Herramientas de Escalamiento" in a cell of its own, read from
 * the fixture (a copy of the seed), not from the catalog; the tool in use is a list of the seed's
 * four that lets another name through; the inputs carry the names rebuild reads.
 */
import * as fs from "fs";
import * as path from "path";
import { NAMES, describeWorkbook } from "../../src/core/template";

const FIXTURE = path.join(__dirname, "../fixtures/seed-departments-tools.md");

/** Every string of the seed's tools section: headings (without markup and emoji), list headings (without colon) and list items. */
function seedToolStrings(): string[] {
  const text = fs.readFileSync(FIXTURE, "utf8");
  const start = text.indexOf("## 🛠️ Herramientas de Escalamiento");
  const end = text.indexOf("\n## ", start + 1);
  return text
    .slice(start, end)
    .split("\n")
    .map((line) => line.trim())
    .flatMap((line) => {
      const heading = /^#{2,4}\s+(?:\*\*)?(?:\d+\.\s*)?(.+?)(?:\*\*)?$/u.exec(line);
      if (heading) return [heading[1].replace(/^[^\p{L}\d]+/u, "").trim()];
      const item = /^-\s+(.+)$/.exec(line);
      if (item) return [item[1]];
      const list = /^([A-ZÁÉÍÓÚÑ]+):$/.exec(line);
      if (list) return [list[1]];
      return [];
    });
}

const spec = (language: "en" | "es") =>
  describeWorkbook({ language, company: "Acme", currency: "EUR", firstMonth: "2025-01" });

test("the fixture gives the seed's tools section: 3 groups, 7 categories, 28 tools, 28 functionalities, 28 figures", () => {
  const strings = seedToolStrings();
  expect(strings[0]).toBe("Herramientas de Escalamiento");
  expect(strings).toContain("HubSpot Enterprise");
  expect(strings).toContain("Report generation time: -80%");
  // Title, 3 groups, 7 categories, 7 x 3 list headings, 7 x 12 items.
  expect(strings).toHaveLength(1 + 3 + 7 + 21 + 84);
});

test("the Spanish workbook's Herramientas sheet holds every seed string of 'Herramientas de Escalamiento' in a cell of its own", () => {
  const sheet = spec("es").sheets.find((s) => s.key === "tools")!;
  expect(sheet.name).toBe("Herramientas");
  const texts = new Set(sheet.cells.flatMap((c) => (typeof c.value === "string" ? [c.value] : [])));
  expect(seedToolStrings().filter((s) => !texts.has(s))).toEqual([]);
});

test("each category's tool in use is a list of the seed's four that lets another name through; status and renewal date are checked", () => {
  for (const language of ["en", "es"] as const) {
    const s = spec(language);
    const inUse = s.names.find((n) => n.name === NAMES.tool("marketing_automation", "InUse"))!;
    const validation = s.validations.find((v) => v.sheet === "tools" && v.ref === inUse.ref.replace(/\$/g, ""));
    expect(validation).toMatchObject({
      kind: "list",
      values: ["HubSpot Enterprise", "Marketo", "Pardot", "ActiveCampaign"],
      othersAllowed: true,
    });
    const kinds = s.validations.filter((v) => v.sheet === "tools").map((v) => v.kind);
    expect(kinds.filter((k) => k === "date")).toHaveLength(1);
    // 7 tool lists and 1 status list.
    expect(kinds.filter((k) => k === "list")).toHaveLength(8);
  }
});

test("every category's five inputs and every judged figure's baseline and current value are named; claims have none", () => {
  const s = spec("en");
  const names = new Set(s.names.map((n) => n.name));
  const categories = ["marketing_automation", "sales_automation", "customer_success_automation", "business_intelligence", "predictive_analytics", "infrastructure_scaling", "team_scaling"];
  for (const c of categories)
    for (const field of ["InUse", "Owner", "MonthlyCost", "Renewal", "Status"]) expect(names.has(NAMES.tool(c, field))).toBe(true);
  expect(names.has(NAMES.toolImpact("customer_success_automation.churn_reduction", "Baseline"))).toBe(true);
  expect(names.has(NAMES.toolImpact("infrastructure_scaling.uptime", "Current"))).toBe(true);
  // The five vendor ROI claims are claims, not targets: nothing to type against them.
  expect([...names].filter((n) => /^Tool_.*_roi_/.test(n))).toEqual([]);
  expect(names.has(NAMES.toolsMonthlyCost)).toBe(true);
  // 28 figures, 5 of them claims: 23 x 2 inputs.
  expect([...names].filter((n) => /^Tool_.*_(Baseline|Current)$/.test(n))).toHaveLength(46);
});

test("every judged figure's target is an input cell like its baseline and current value (editable, carried by rebuild: docs/workbook.md)", () => {
  const s = spec("en");
  const sheet = s.sheets.find((x) => x.key === "tools")!;
  const styleOf = (name: string) => {
    const ref = s.names.find((n) => n.name === name)!.ref.replace(/\$/g, "");
    return sheet.cells.find((c) => c.ref === ref)?.style;
  };
  const targets = s.names.filter((n) => /^Tool_.*_Target$/.test(n.name)).map((n) => n.name);
  expect(targets).toHaveLength(23);
  expect(targets.map(styleOf)).toEqual(targets.map(() => "input"));
});

test("uptime's and response time's current values are computed cells reading Tracking's uptime and the Departments sheet's response time by name; every other current value is typed", () => {
  const s = spec("en");
  const sheet = s.sheets.find((x) => x.key === "tools")!;
  const cellOf = (name: string) => {
    const ref = s.names.find((n) => n.name === name)!.ref.replace(/\$/g, "");
    return sheet.cells.find((c) => c.ref === ref)!;
  };
  const uptime = cellOf(NAMES.toolImpact("infrastructure_scaling.uptime", "Current"));
  const response = cellOf(NAMES.toolImpact("infrastructure_scaling.response_time_ms", "Current"));
  expect([uptime.style, response.style]).toEqual(["computed", "computed"]);
  expect(uptime.formula).toContain(`INDEX(${NAMES.tracking("uptime")},1,`);
  expect(response.formula).toContain(`INDEX(${NAMES.department("operations.response_time_ms")},1,`);
  // The names they read exist in the workbook.
  for (const name of [NAMES.tracking("uptime"), NAMES.department("operations.response_time_ms")]) expect(s.names.some((n) => n.name === name)).toBe(true);
  const typed = s.names.filter((n) => /^Tool_.*_(Baseline|Current)$/.test(n.name)).map((n) => n.name).filter((n) => !/_(uptime|response_time_ms)_Current$/.test(n));
  expect(typed.map((n) => cellOf(n).style)).toEqual(typed.map(() => "input"));
});

test("the sheet colours its flags with three rules", () => {
  expect(spec("en").rules.filter((r) => r.sheet === "tools")).toHaveLength(3);
});
