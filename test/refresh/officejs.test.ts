/** Refresh on the fake Excel host: the flags rebuilt, the reporting month judged, what Excel stopping part-way leaves. */
import { CONTEXT_THRESHOLDS, LEVELS, Level, PHASE_METRICS, RISK_GROUPS, valueRange } from "../../src/core/catalog";
import { INPUT_ROWS } from "../../src/core/timeline";
import { NAMES, PLAN, RISKS, RULE_MARKER, THRESHOLDS, TRACKING, TRACKING_COLUMNS, TimelineValue, cellPosition, columnLetter, describeWorkbook, trackingRow } from "../../src/core/template";
import { RefreshIncompleteError, rebuildSheetFlags, refreshRiskFlags } from "../../src/officejs/operations";
import { holdsExactly } from "../../src/officejs/rules";
import { fakeContext, insertColumn, insertRow, movedFormula } from "../support/excel-fake";
import { options, state, sheet, userSheet, allRules, insert, enter, month, monthCell, firstMonths, type, metricIndex, thresholdCell } from "../support/fake-workbook";
import { loadWorkbook } from "../support/hf-workbook";

describe("refreshRiskFlags", () => {
  test("the reporting month's levels, worked out by hand: metrics against the target phase, indicators against their thresholds; 3 syncs", async () => {
    await insert();
    type("mrr", 1, 400_000);
    type("mrr", 3, 480_000); // month 3, the last with data: MRR 480,000 and ARR 5,760,000 are within 10% of phase 1's targets
    type("churn", 3, 0.03); // OK for phase 1 and for competition.churn (< 5%)
    type("cash_balance", 3, 5_000_000);
    type("cash_burn_burn_rate", 3, 400_000); // OK (< 500,000); the runway, 12.5 months, is RISK (WATCH from 16.2)
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.syncs).toBe(3);
    expect(state.syncs).toBe(result.syncs);
    expect(result.reportingMonth).toBe("2026-03");
    expect(result.counts).toEqual({ OK: 3, WATCH: 2, RISK: 1 });
    expect(result.flagged).toEqual([
      { address: `Tracking!${monthCell("cash_burn_burn_rate", 3)}`, sheet: "Tracking", measureId: "cash_burn.cash_runway", phase: "R", value: 12.5, target: 18, level: "RISK" },
      { address: `Tracking!${monthCell("mrr", 3)}`, sheet: "Tracking", measureId: "mrr", phase: 1, value: 480_000, target: 500_000, level: "WATCH" },
      { address: `Tracking!${monthCell("arr", 3)}`, sheet: "Tracking", measureId: "arr", phase: 1, value: 5_760_000, target: 6_000_000, level: "WATCH" },
    ].map((f) => (f.measureId === "cash_burn.cash_runway" ? { ...f, address: `Tracking!${monthCell("cash_burn_cash_runway", 3)}` } : f)));
  });

  test("a month typed on the dashboard: the levels of that month; the minimum share moves the phase and so the target phase", async () => {
    await insert();
    type("mrr", 1, 2_100_000); // phase 2's MRR, and ARR 25.2M
    type("churn", 1, 0.04); // phase 1's churn only
    type("mrr", 2, 100_000);
    enter("Scale Dashboard", "B3", 46023); // 2026-01-01
    const month1 = await refreshRiskFlags(fakeContext(state));
    expect(month1.reportingMonth).toBe("2026-01");
    // Phase 1 (all three meet it); against phase 2 churn 4% is RISK (target 3%).
    expect(month1.flagged.map((f) => [f.measureId, f.phase, f.level])).toEqual([["churn", 2, "RISK"]]);
    enter("Scale Dashboard", "B4", 0.6); // 2 of 3 meet phase 2: phase 2 reached, judged against phase 3
    const lenient = await refreshRiskFlags(fakeContext(state));
    expect(lenient.flagged.map((f) => [f.measureId, f.phase, f.level])).toEqual([["mrr", 3, "RISK"], ["arr", 3, "RISK"], ["churn", 3, "RISK"]]);
  });

  /** A value the measure can take (uptime 120% of 99.99% is not one). */
  const possible = (m: Parameters<typeof valueRange>[0], v: number) => Math.min(valueRange(m).max, Math.max(valueRange(m).min, v));

  test("a filled timeline: counts and flags equal the levels the template's own formulas compute (HyperFormula)", async () => {
    await insert();
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const actuals: TimelineValue[] = [];
    for (const r of INPUT_ROWS) {
      if (random() < 0.15) continue; // some rows stay blank
      const m = r.measure;
      const base = m.kind === "metric" ? m.targets[0] : m.kind === "indicator" ? m.threshold : 1e6;
      for (let t = 1; t <= 10; t += 1 + Math.floor(random() * 3)) actuals.push({ key: r.key, month: t, value: possible(m, +(base * (0.75 + random() * 0.5)).toPrecision(6)) });
    }
    for (const a of actuals) type(a.key, a.month, a.value);
    const result = await refreshRiskFlags(fakeContext(state));
    const hf = loadWorkbook(describeWorkbook({ ...options, actuals }));
    const expected: Record<Level, number> = { OK: 0, WATCH: 0, RISK: 0 };
    const flagged: string[] = [];
    const count = (id: string, level: unknown) => {
      if (!LEVELS.includes(level as Level)) return;
      expected[level as Level]++;
      if (level !== "OK") flagged.push(`${id}:${level}`);
    };
    for (const m of PHASE_METRICS) count(m.id, hf.named(NAMES.flag(m.id)));
    RISK_GROUPS.forEach((g, gi) => g.indicators.forEach((i, k) => count(i.qualifiedId, hf.value("Risks", `G${RISKS.indicatorRow(gi, k)}`))));
    // The SaaS measures' conventions, as Tracking's flag column shows them (product.md 12, 14).
    for (const c of CONTEXT_THRESHOLDS) count(c.id, hf.value("Tracking", `${columnLetter(TRACKING_COLUMNS.flag)}${trackingRow(c.id)}`));
    expect(result.outOfRange).toEqual([]);
    expect(result.counts).toEqual(expected);
    expect(result.flagged.map((f) => `${f.measureId}:${f.level}`).sort()).toEqual(flagged.sort());
    expect(expected.WATCH * expected.RISK * expected.OK).toBeGreaterThan(0);
  });

  test("the plan sheets: the statuses, owners and notes a user sets survive a refresh, which reports each phase's completion", async () => {
    await insert();
    const phase1 = sheet("Phase 1");
    const [status, owner, notes] = [PLAN.columns.status, PLAN.columns.owner, PLAN.columns.notes].map(columnLetter);
    enter("Phase 1", `${status}${PLAN.objectiveRow(0)}`, "Done"); // Product-market fit validated
    enter("Phase 1", `${status}${PLAN.initiativeRow(0, 0)}`, "Done");
    enter("Phase 1", `${status}${PLAN.initiativeRow(0, 1)}`, "Dropped");
    enter("Phase 1", `${owner}${PLAN.initiativeRow(0, 0)}`, "Ana");
    enter("Phase 1", `${notes}${PLAN.initiativeRow(0, 0)}`, "weekly interviews");
    for (const s of [0, 1, 2, 3]) for (const i of [0, 1, 2, 3]) enter("Phase 3", `${status}${PLAN.initiativeRow(s, i)}`, "Dropped");
    enter("Phase 3", `${status}${PLAN.objectiveRow(0)}`, "Dropped");
    enter("Phase 3", `${status}${PLAN.objectiveRow(8)}`, "Dropped");
    const before = JSON.stringify([...phase1.cells]);
    const logged = state.log.length;
    const result = await refreshRiskFlags(fakeContext(state));
    // Phase 1: 2 done of 18 items, 1 dropped. Phase 3: every item dropped.
    expect(result.plan[0]).toBeCloseTo(2 / 17, 12);
    expect(result.plan.slice(1)).toEqual([0, null, 0]);
    expect(JSON.stringify([...phase1.cells])).toBe(before);
    expect(state.log.slice(logged).filter((op) => op.startsWith("range."))).toEqual([]);
  });

  test("plan completion counts the sheet's own language's words, as the sheet's formula does (product.md 8): Hecho on an English sheet is not done", async () => {
    await insert();
    const status = columnLetter(PLAN.columns.status);
    enter("Phase 1", `${status}${PLAN.initiativeRow(0, 0)}`, "Done");
    enter("Phase 1", `${status}${PLAN.initiativeRow(0, 1)}`, "Hecho");
    // Phase 1 has 18 items, none dropped: one of them done in English.
    expect((await refreshRiskFlags(fakeContext(state))).plan[0]).toBeCloseTo(1 / 18, 12);
  });

  test("the first refresh after inserting rebuilds exactly the rules the description has", async () => {
    await insert();
    const inserted = allRules();
    const result = await refreshRiskFlags(fakeContext(state));
    expect(allRules()).toEqual(inserted);
    expect(result.rulesRemoved).toBe(describeWorkbook(options).rules.length);
    expect(result.rulesAdded).toBe(result.rulesRemoved);
  });

  test("reads the thresholds the user edited", async () => {
    await insert();
    type("mrr", 1, 480_000);
    expect((await refreshRiskFlags(fakeContext(state))).counts).toEqual({ OK: 0, WATCH: 2, RISK: 0 });
    enter("Thresholds", thresholdCell("mrr", 1), 540_000); // WATCH from 486,000: 480,000 is RISK now
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.counts).toEqual({ OK: 0, WATCH: 1, RISK: 1 });
    expect(result.flagged[0]).toMatchObject({ measureId: "mrr", target: 540_000, level: "RISK" });
  });

  test("the SaaS measures with a convention are reported as the indicators are, against the third Thresholds table, and follow an edit of it (product.md 4, 12, 14)", async () => {
    await insert();
    type("mrr", 3, 480_000); // WATCH for MRR and ARR against phase 1, as above
    type("quick_ratio", 3, 3.5); // against 4: RISK (the band is 10% of 4: WATCH from 3.6)
    type("rule_of_40", 3, 0.45); // against 40%: OK
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.syncs).toBe(3);
    expect(result.counts).toEqual({ OK: 1, WATCH: 2, RISK: 1 });
    expect(result.flagged[0]).toEqual({ address: `Tracking!${monthCell("quick_ratio", 3)}`, sheet: "Tracking", measureId: "quick_ratio", phase: "C", value: 3.5, target: 4, level: "RISK" });
    const quickRatio = `${columnLetter(THRESHOLDS.thresholdColumn)}${THRESHOLDS.contextRow(CONTEXT_THRESHOLDS.findIndex((c) => c.id === "quick_ratio"))}`;
    enter("Thresholds", quickRatio, 3.8); // the band is 10% of 3.8: WATCH from 3.42
    const edited = await refreshRiskFlags(fakeContext(state));
    expect(edited.counts).toEqual({ OK: 1, WATCH: 3, RISK: 0 });
    expect(edited.flagged.find((f) => f.measureId === "quick_ratio")).toMatchObject({ phase: "C", target: 3.8, level: "WATCH" });
    enter("Thresholds", quickRatio, ""); // cleared: switched off, not judged (product.md 4)
    const off = await refreshRiskFlags(fakeContext(state));
    expect(off.counts).toEqual({ OK: 1, WATCH: 2, RISK: 0 });
    expect(off.flagged.map((f) => f.measureId)).toEqual(["mrr", "arr"]);
  });

  test("a threshold that is not a number is refused, naming the cell, and nothing changes", async () => {
    await insert();
    const before = allRules();
    enter("Thresholds", "F3", "lots");
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({
      code: "badThresholds",
      message: expect.stringContaining("Type a number there"),
      detail: 'Thresholds!F3 holds "lots", not a number',
    });
    expect(allRules()).toEqual(before);
    expect(state.syncs).toBe(1);
  });

  test("a number its measure cannot take (a pasted 5 for 5% churn skips Excel's validation) is listed apart, not judged", async () => {
    await insert();
    type("churn", 1, 0.04);
    type("churn", 2, 5);
    type("customers", 1, -3);
    type("mrr", 2, 480_000);
    type("quality_loss_quality_score", 2, 9);
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.outOfRange).toEqual([
      { address: `Tracking!${monthCell("customers", 1)}`, measureId: "customers", value: -3, problem: "customers must be at least 0; got -3." },
      { address: `Tracking!${monthCell("churn", 2)}`, measureId: "churn", value: 5, problem: "churn is a percentage entered as a fraction: 5% is 0.05, so enter 0.05, not 5." },
      { address: `Tracking!${monthCell("quality_loss_quality_score", 2)}`, measureId: "quality_loss.quality_score", value: 9, problem: "quality_loss.quality_score must be between 1 and 5; got 9." },
    ]);
    // Month 2: MRR and ARR are judged; churn's month 2 is not a value, so its month-1 4% counts (OK, twice: metric and competition.churn).
    expect(result.counts).toEqual({ OK: 2, WATCH: 2, RISK: 0 });
  });

  test("a CAC typed in thousands among dollars (product.md 11): listed with its cell, the levels as they were", async () => {
    await insert();
    type("cac", 1, 1_200);
    type("cac", 3, 1_100);
    type("mrr", 3, 480_000);
    const before = await refreshRiskFlags(fakeContext(state));
    type("cac", 2, 1.3);
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.unusual.map((u) => [u.address, u.measureId, u.month, u.value, u.size])).toEqual([
      [`Tracking!${monthCell("cac", 2)}`, "cac", "2026-02", 1.3, "small"],
    ]);
    expect(before.unusual).toEqual([]);
    expect([result.counts, result.flagged, result.outOfRange]).toEqual([before.counts, before.flagged, []]);
  });

  test("a floor typed for a metric that has none is refused naming its cell, as SCALE.* refuses it; nothing changes", async () => {
    await insert();
    const before = allRules();
    const ref = `${columnLetter(THRESHOLDS.floorColumn(2))}${THRESHOLDS.metricRow(metricIndex("cac"))}`;
    enter("Thresholds", ref, 150);
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({
      code: "badThresholds",
      detail: `Thresholds!${ref} holds 150: cac has no floor (only gross_margin has one); clear that cell`,
    });
    expect(allRules()).toEqual(before);
    enter("Thresholds", ref, 0); // desktop's empty cell
    await expect(refreshRiskFlags(fakeContext(state))).resolves.toMatchObject({ outOfRange: [] });
  });

  test("a cleared threshold switches its check off (product.md section 4): not refused, and that flag is not counted", async () => {
    await insert();
    type("mrr", 1, 480_000);
    expect((await refreshRiskFlags(fakeContext(state))).counts).toEqual({ OK: 0, WATCH: 2, RISK: 0 });
    enter("Thresholds", thresholdCell("mrr", 1), ""); // Office.js reads an empty cell as ""
    const off = await refreshRiskFlags(fakeContext(state));
    expect(off.counts).toEqual({ OK: 0, WATCH: 1, RISK: 0 });
    expect(off.flagged.map((f) => f.measureId)).toEqual(["arr"]);
  });

  test("idempotent: 100 refreshes leave the same rules; the user's own rules on the same cells stay", async () => {
    await insert();
    sheet("Tracking").rules.push({ id: "user-rule", ref: firstMonths, formula: `=${monthCell("mrr", 1)}>1000000` });
    sheet("Risks").rules.push({ id: "user-rule-2", ref: "A1:Z40", formula: '=ISNUMBER(SEARCH("scale",A1))' });
    const before = allRules();
    for (let k = 0; k < 100; k++) await refreshRiskFlags(fakeContext(state));
    expect(allRules()).toEqual(before);
    expect(sheet("Tracking").rules.find((r) => r.id === "user-rule")).toEqual({ id: "user-rule", ref: firstMonths, formula: `=${monthCell("mrr", 1)}>1000000` });
    expect(sheet("Risks").rules.filter((r) => r.id === "user-rule-2")).toHaveLength(1);
  });

  test("a month column the user inserts inside the month block: the names widen, the colours cover it, it is judged", async () => {
    await insert();
    insertColumn(state, "Tracking", month(2)); // a new month between the first and second
    const row = trackingRow("mrr");
    const last = month(options.months + 1);
    expect(state.names.get(NAMES.tracking("mrr"))!.ref).toBe(`${month(1)}${row}:${last}${row}`);
    enter("Tracking", `${last}${row}`, 440_000); // the new last month
    const result = await refreshRiskFlags(fakeContext(state));
    const mrrRules = sheet("Tracking").rules.filter((r) => r.ref.split(" ").some((a) => a.startsWith(`${month(1)}${row}:`) || a.startsWith(`${month(1)}${TRACKING.firstMeasure}:`)));
    expect(mrrRules.length).toBeGreaterThanOrEqual(3);
    expect(mrrRules.every((r) => r.ref.split(" ").every((a) => a.includes(`:${last}`)))).toBe(true);
    expect(result.flagged.find((f) => f.measureId === "mrr")).toMatchObject({ address: `Tracking!${last}${row}`, value: 440_000, level: "RISK" });
  });

  test("a month column the user inserts gets its formulas from a month beside it, in one more sync; what the user typed or linked stays", async () => {
    await insert();
    // A new month 2 (column O as inserted), between January and the old February (now P).
    const [O, P, Q] = [month(2), month(3), month(4)];
    insertColumn(state, "Tracking", O);
    const tracking = sheet("Tracking");
    enter("Tracking", `${O}${trackingRow("mrr")}`, 410_000);
    enter("Tracking", `${O}${trackingRow("arr")}`, 5_000_000); // typed over a computed row
    // The user links an input row to their own sheet in month 4 (Q): a formula, but not the template's.
    tracking.cells.set(`${Q}${trackingRow("customers")}`, { formula: "Data!B2" });
    const inColumn = (letter: string) => new RegExp(`^${letter}\\d+$`);
    const source = new Map([...tracking.cells].filter(([ref]) => inColumn(Q).test(ref)));
    const after = new Map([...tracking.cells].filter(([ref]) => inColumn(P).test(ref)));
    state.log.length = 0;
    const result = await refreshRiskFlags(fakeContext(state));
    expect([result.monthsCompleted, result.syncs, state.syncs]).toEqual([["2026-02"], 4, 4]);
    expect(state.log.filter((op) => op === "range.copyFrom").length).toBeGreaterThan(3);
    const spec = describeWorkbook(options);
    const computed = new Set(spec.sheets.find((x) => x.key === "tracking")!.cells.filter((c) => inColumn(Q).test(c.ref) && c.formula !== undefined).map((c) => cellPosition(c.ref).row));
    const chains = new Set([...TRACKING.asOf.values(), ...TRACKING.asOfMonth.values()]);
    const wrong: string[] = [];
    for (let r = TRACKING.headerRow; r <= TRACKING.lastRow; r++) {
      // The new month: the month after it (P) and month 1 are never the source; Q is the nearest, two columns on.
      const got = tracking.cells.get(`${O}${r}`);
      const typed = r === trackingRow("mrr") ? 410_000 : r === trackingRow("arr") ? 5_000_000 : undefined;
      const want = typed ?? (computed.has(r) ? `=${movedFormula(source.get(`${Q}${r}`)!.formula!, -2, 0)}` : "");
      const shown = got?.formula !== undefined ? `=${got.formula}` : (got?.value ?? "");
      if (shown !== want) wrong.push(`${O}${r}: ${shown}, want ${want}`);
      // The month after it: its as-of rows read the new month again; every other cell as it was.
      const next = tracking.cells.get(`${P}${r}`);
      const nextWant = chains.has(r) ? movedFormula(source.get(`${Q}${r}`)!.formula!, -1, 0) : after.get(`${P}${r}`)?.formula;
      if (next?.formula !== nextWant) wrong.push(`${P}${r}: ${next?.formula}, want ${nextWant}`);
    }
    expect(wrong).toEqual([]);
    // The header counts from the first month. (The engines' tests, HyperFormula's and LibreOffice's,
    // check what the copies compute.)
    expect(tracking.cells.get(`${O}${TRACKING.headerRow}`)?.formula).toMatch(new RegExp(`^DATE\\(YEAR\\(\\$${month(1)}\\$${TRACKING.headerRow}\\)`));
    expect(tracking.cells.get(`${O}${trackingRow("customers")}`)?.formula).toBeUndefined();
    // Complete now: the next refresh reads nothing more.
    const again = await refreshRiskFlags(fakeContext(state));
    expect([again.monthsCompleted, again.syncs]).toEqual([[], 3]);
  });

  test("a row the user inserts inside a section: the rules follow the names to the moved rows", async () => {
    await insert();
    const spec = describeWorkbook(options);
    insertRow(state, "Tracking", trackingRow("customers")); // above the customers section's first row
    enter("Tracking", `${month(1)}${trackingRow("churn") + 1}`, 0.09);
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.flagged).toEqual([expect.objectContaining({ measureId: "churn", address: `Tracking!${month(1)}${trackingRow("churn") + 1}`, level: "RISK" }), expect.objectContaining({ measureId: "competition.churn", level: "RISK" })]);
    // The same rules, their rows below the insertion moved down by one.
    const moved = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${Number(r) >= trackingRow("customers") ? Number(r) + 1 : r}`);
    const want = spec.rules.filter((r) => r.sheet === "tracking").map((r) => moved(r.ref)).sort();
    expect(sheet("Tracking").rules.map((r) => r.ref).sort()).toEqual(want);
  });

  test("rows inserted above the thresholds table and the dashboard: rules and thresholds follow the names", async () => {
    await insert();
    insertRow(state, "Thresholds", 1);
    insertRow(state, "Scale Dashboard", 1);
    type("mrr", 1, 480_000);
    enter("Thresholds", "E3", 450_000); // mrr's phase 1 target, now on row 3
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.flagged.map((f) => f.measureId)).toEqual(["arr"]);
    const inserted = describeWorkbook(options).rules.filter((r) => r.sheet === "dashboard").map((r) => r.ref);
    const moved = inserted.map((ref) => ref.replace(/\d+/g, (d) => String(Number(d) + 1)));
    expect(sheet("Scale Dashboard").rules.map((r) => r.ref)).toEqual(moved);
  });

  test("a protected template sheet or a read-only workbook: refused before any rule is deleted", async () => {
    await insert();
    type("mrr", 1, 480_000);
    const before = allRules();
    const logged = state.log.length;
    sheet("Risks").protected = true;
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "protected", detail: "The sheet Risks is protected." });
    expect(allRules()).toEqual(before);
    sheet("Risks").protected = false;
    state.readOnly = true;
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "readOnly" });
    expect(allRules()).toEqual(before);
    expect(state.log.slice(logged)).toEqual([]);
  });

  /** The add-in's rule formulas per sheet, sorted: what "a full set of flags" is compared by. */
  const oursBySheet = () => new Map(state.sheets.map((s) => [s.name, s.rules.filter((r) => r.formula.includes(RULE_MARKER)).map((r) => r.formula).sort()]));
  /** Every element of `want` is in `have`, as many times (a multiset inclusion). */
  const holdsAll = (have: string[], want: string[]) => {
    const left = [...have];
    return want.every((f) => {
      const i = left.indexOf(f);
      return i >= 0 && left.splice(i, 1).length === 1;
    });
  };

  test.each(["conditionalFormats.add", "conditionalFormats.delete"])(
    "Excel failing at any %s: every sheet keeps a full set of flags (old or new), and the error names the sheets refreshed",
    async (failing) => {
      await insert();
      type("mrr", 1, 480_000);
      const old = oursBySheet();
      const before = structuredClone(state.sheets);
      let total = 0;
      state.failWhen = (op) => (op.startsWith(failing) && ++total, false);
      await refreshRiskFlags(fakeContext(state));
      const fresh = oursBySheet();
      // Every rule of the workbook is added (or deleted) once.
      expect(total).toBe(describeWorkbook(options).rules.length);
      for (let k = 1; k <= total; k += k < 6 || total - k < 6 ? 1 : 5) {
        state.sheets = structuredClone(before);
        let n = 0;
        state.failWhen = (op) => op.startsWith(failing) && ++n === k;
        const error = await refreshRiskFlags(fakeContext(state)).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect([k, error]).toEqual([k, expect.objectContaining({ code: "refreshIncomplete" })]);
        const { refreshed, notRefreshed } = error as RefreshIncompleteError;
        for (const [name, formulas] of oursBySheet()) {
          const full = holdsAll(formulas, old.get(name)!) || holdsAll(formulas, fresh.get(name)!);
          expect([k, name, full]).toEqual([k, name, true]);
          if (refreshed.includes(name)) expect([k, name, formulas]).toEqual([k, name, fresh.get(name)]);
        }
        expect([...refreshed, ...notRefreshed].sort()).toEqual(["Channels", "Departments", "Risks", "Scale Dashboard", "Tools", "Tracking"]);
      }
    },
  );

  /**
   * The user's own rules on every sheet: one above the add-in's (the top priority), one among
   * them and one below, over the same cells. Returns what they were.
   */
  function addUserRules(): string[] {
    for (const s of state.sheets) {
      const mine = (where: string) => ({ id: `user-${where}-${s.name}`, ref: "A1:Z60", formula: `=LEN(A1)>"${where}"` });
      s.rules.unshift(mine("above"));
      s.rules.splice(Math.ceil(s.rules.length / 2), 0, mine("between"));
      s.rules.push(mine("below"));
    }
    return userRules();
  }
  const userRules = () => state.sheets.flatMap((s) => s.rules.filter((r) => r.id.startsWith("user-")).map((r) => JSON.stringify([s.name, r])));
  /** Rules as an earlier version of the add-in left them: marked as its own, with other formulas. */
  function ageOurRules(): void {
    for (const s of state.sheets) for (const r of s.rules) if (r.formula.includes(RULE_MARKER)) r.formula = r.formula.replace("=AND(", "=AND(TRUE,");
  }

  test("Excel's priorities (a rule's id is its priority, adds go on top): the user's rules above, between and below the add-in's stay, and one set of flags is left", async () => {
    await insert();
    type("mrr", 1, 480_000);
    const fresh = oursBySheet();
    ageOurRules();
    const user = addUserRules();
    const result = await refreshRiskFlags(fakeContext(state));
    expect(userRules()).toEqual(user);
    expect(oursBySheet()).toEqual(fresh);
    expect(result.rulesRemoved).toBe(result.rulesAdded);
    // The user's rules keep their order among themselves; the add-in's new rules are on top of each sheet.
    for (const s of state.sheets.filter((x) => fresh.get(x.name)!.length > 0)) expect([s.name, s.rules[0].formula.includes(RULE_MARKER)]).toEqual([s.name, true]);
  });

  test("Excel stopping at any operation of a refresh, with the user's rules among the add-in's: theirs stay, every sheet keeps a whole set, and the next refresh leaves exactly one", async () => {
    await insert();
    type("mrr", 1, 480_000);
    const fresh = oursBySheet();
    ageOurRules();
    const user = addUserRules();
    const old = oursBySheet();
    const before = structuredClone(state.sheets);
    const writes: string[] = [];
    state.failWhen = (op) => (op.startsWith("conditionalFormat") && writes.push(op), false);
    await refreshRiskFlags(fakeContext(state));
    expect(writes.filter((op) => op.includes("delete")).length).toBe(describeWorkbook(options).rules.length);
    for (let k = 1; k <= writes.length; k++) {
      state.sheets = structuredClone(before);
      let n = 0;
      state.failWhen = (op) => op.startsWith("conditionalFormat") && ++n === k;
      await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "refreshIncomplete" });
      expect([k, userRules()]).toEqual([k, user]);
      for (const [name, formulas] of oursBySheet()) {
        const whole = holdsAll(formulas, old.get(name)!) || holdsAll(formulas, fresh.get(name)!);
        expect([k, writes[k - 1], name, whole]).toEqual([k, writes[k - 1], name, true]);
      }
      state.failWhen = undefined;
      await refreshRiskFlags(fakeContext(state));
      expect([k, userRules(), oursBySheet()]).toEqual([k, user, fresh]);
    }
  });

  test.each(["GeneralException", "InvalidOperation", "UnsupportedFeature"])("a rule Excel cannot read (duplicated, or its delete undone; %s) stops only its sheet: the others are refreshed, and the pane is told which", async (code) => {
    await insert();
    type("mrr", 1, 480_000);
    const good = oursBySheet();
    sheet("Risks").rules.push({ id: "dup", ref: "D5:F5", formula: "=D5>1", unreadable: code });
    state.syncs = 0;
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.unreadableSheets).toEqual(["Risks"]);
    expect(result.counts).toEqual({ OK: 0, WATCH: 2, RISK: 0 });
    expect(oursBySheet()).toEqual(good);
    // The one read that failed, the names, the read with the rules that failed again, the read without them,
    // each sheet's rule types read alone (one of the six fails), the formulas of the five others together,
    // the adds, the five sheets written read back together (types, then formulas), and the deletes.
    expect(result.syncs).toBe(state.syncs);
    // Six sheets carry the add-in's rules: Tracking, the dashboard, Risks, Departments, Channels and Tools.
    expect(result.syncs).toBe(4 + 6 + 1 + 1 + 2 + 1);
  });

  test("where Excel refuses the formulas of several sheets' rules read together, each sheet's are read alone and every readable sheet is refreshed", async () => {
    await insert();
    type("mrr", 1, 480_000);
    const good = oursBySheet();
    sheet("Risks").rules.push({ id: "dup", ref: "D5:F5", formula: "=D5>1", unreadable: "GeneralException" });
    let formulaReads = 0;
    state.failWhen = (op) => op === "load conditionalFormat rule" && ++formulaReads === 1;
    state.syncs = 0;
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.unreadableSheets).toEqual(["Risks"]);
    expect(oursBySheet()).toEqual(good);
    // As above, with the five sheets' formulas read again one sheet at a time.
    expect(result.syncs).toBe(4 + 6 + 1 + 5 + 1 + 2 + 1);
    expect(state.syncs).toBe(result.syncs);
  });

  test("rebuilding a sheet whose rules cannot be read clears the add-in's cells there and adds the flags again; the user's rules elsewhere stay", async () => {
    await insert();
    const good = oursBySheet();
    sheet("Tracking").rules.push({ id: "dup", ref: firstMonths, formula: `=${monthCell("mrr", 1)}>1`, unreadable: "GeneralException" });
    sheet("Tracking").rules.push({ id: "mine", ref: "A1", formula: '=A1<>""' });
    const rebuilt = await rebuildSheetFlags(fakeContext(state), "Tracking");
    expect(rebuilt.rulesAdded).toBe(good.get("Tracking")!.length);
    expect(oursBySheet()).toEqual(good);
    expect(sheet("Tracking").rules.map((r) => r.id)).toContain("mine");
    expect(sheet("Tracking").rules.map((r) => r.id)).not.toContain("dup");
    const after = await refreshRiskFlags(fakeContext(state));
    expect(after.unreadableSheets).toEqual([]);
    await expect(rebuildSheetFlags(fakeContext(state), "Budget")).rejects.toMatchObject({ code: "notInserted" });
  });

  test("a rebuild Excel stops part-way says the sheet's flags were cleared and may be only partly back", async () => {
    await insert();
    let adds = 0;
    state.failWhen = (op) => op.startsWith("conditionalFormats.add") && ++adds === 5;
    await expect(rebuildSheetFlags(fakeContext(state), "Tracking")).rejects.toMatchObject({ code: "rebuildIncomplete", message: expect.stringContaining("Rebuild it again") });
  });

  test("after a failed write, a sheet counts as refreshed by its rules as Excel gives them back (sheet names unquoted where they need no quotes)", () => {
    expect(holdsExactly(['=AND(D4>=Thresholds!$E$2,N("scale-tracker")=0)', "=D4>1"], ["=AND(D4>='Thresholds'!$E$2, N(\"scale-tracker\")=0)"])).toBe(true);
    expect(holdsExactly(["=AND(D4>='Phase 1'!E2,N(\"scale-tracker\")=0)"], ["=AND(D4>='Phase 1'!E2,N(\"scale-tracker\")=0)"])).toBe(true);
    expect(holdsExactly(['=AND(A1,N("scale-tracker")=0)', '=AND(B1,N("scale-tracker")=0)'], ['=AND(B1,N("scale-tracker")=0)'])).toBe(false);
  });

  test("two cellValue rules on one range (office-js #6827): refresh reads types first on that path and leaves both rules alone", async () => {
    await insert();
    const tracking = sheet("Tracking");
    tracking.rules.push({ id: "gt", ref: firstMonths, formula: "", type: "cellValue" }, { id: "lt", ref: firstMonths, formula: "", type: "cellValue" });
    const good = oursBySheet();
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.unreadableSheets).toEqual([]);
    expect(oursBySheet()).toEqual(good);
    expect(tracking.rules.filter((r) => r.type === "cellValue").map((r) => r.id)).toEqual(["gt", "lt"]);
  });

  test("a host that refuses objects reached through missing names: the names are listed first, same result", async () => {
    await insert();
    state.names.delete(NAMES.tracking("leads"));
    state.names.delete(NAMES.flag("nps"));
    type("mrr", 1, 1_000_000);
    const lenient = await refreshRiskFlags(fakeContext(state));
    expect(lenient.syncs).toBe(3);
    const inserted = allRules();
    state.strictNullObjects = true;
    state.syncs = 0;
    const strict = await refreshRiskFlags(fakeContext(state));
    expect(strict.syncs).toBe(5); // the refused read, the names, the read, the adds, the deletes
    expect(state.syncs).toBe(strict.syncs);
    expect([strict.counts, strict.flagged, strict.rulesAdded]).toEqual([lenient.counts, lenient.flagged, lenient.rulesAdded]);
    expect(allRules()).toEqual(inserted);
  });

  test("a strict host with a whole template reads in one sync; without a template it still says to insert", async () => {
    await insert();
    state.strictNullObjects = true;
    expect((await refreshRiskFlags(fakeContext(state))).syncs).toBe(3);
    state.sheets = [userSheet("Budget")];
    state.names.clear();
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "notInserted" });
  });

  test("the Risks sheet is still found when its first group's name is gone", async () => {
    await insert();
    state.names.delete(NAMES.riskFlag(RISK_GROUPS[0].id));
    const result = await refreshRiskFlags(fakeContext(state));
    expect(result.unreadableSheets).toEqual([]);
    expect(sheet("Risks").rules.filter((r) => r.formula.includes(RULE_MARKER))).toHaveLength(3);
  });

  test("a Tracking sheet laid out otherwise (an earlier version's, or a column inserted before the months) is refused, saying to rebuild; nothing changes", async () => {
    await insert();
    insertColumn(state, "Tracking", "B");
    const before = allRules();
    const logged = state.log.length;
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "olderLayout", message: expect.stringContaining("Rebuild the tracker") });
    expect(allRules()).toEqual(before);
    expect(state.log.slice(logged)).toEqual([]);
  });

  test("no template: a plain sentence, nothing changed", async () => {
    state.sheets.push(userSheet("Budget"));
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "notInserted", message: expect.stringContaining("Insert it first") });
    expect(state.sheets[0].rules).toHaveLength(1);
  });

  test("Office errors while reading become plain sentences; nothing is written", async () => {
    await insert();
    const before = allRules();
    state.failWhen = (op) => (op === "load range" ? "InvalidOperationInCellEditMode" : false);
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "editMode" });
    expect(allRules()).toEqual(before);
    state.failWhen = (op) => (op === "conditionalFormats.delete" ? "AccessDenied" : false);
    await expect(refreshRiskFlags(fakeContext(state))).rejects.toMatchObject({ code: "refreshIncomplete", cause: { code: "protected" } });
  });
});


