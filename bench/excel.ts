/** Office.js work per operation, counted by the fake Excel host: context.sync calls and queued operations. */
import { INPUT_ROWS } from "../src/core/timeline";
import { insertTrackingWorkbook, readImport, rebuildTracker, refreshRiskFlags, writeImport } from "../src/officejs/operations";
import { fakeContext, insertColumn, installFakeOffice, newFakeState, newSheet } from "../test/support/excel-fake";

export async function run(): Promise<Record<string, number>> {
  const state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  await insertTrackingWorkbook(fakeContext(state), { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" });
  const insertSyncs = state.syncs;
  // Every operation the insert queued (worksheets.add, range writes, format properties, names, rules, charts...).
  const insertOperations = state.log.length;
  state.syncs = 0;
  await refreshRiskFlags(fakeContext(state));
  const refreshSyncs = state.syncs;
  // A sheet with a rule Excel cannot read (a duplicated rule, office-js #6835): every sheet's rules are read on their own.
  state.sheets.find((s) => s.name === "Risks")!.rules.push({ id: "dup", ref: "D5:F5", formula: "=D5>1", unreadable: "GeneralException" });
  state.syncs = 0;
  await refreshRiskFlags(fakeContext(state));
  const refreshSyncsWorstCase = state.syncs;
  state.sheets.find((s) => s.name === "Risks")!.rules.pop();
  // Two month columns the user inserted inside the month block: one more sync reads them and the months beside them.
  insertColumn(state, "Tracking", "T");
  insertColumn(state, "Tracking", "T");
  state.syncs = 0;
  const insertedMonths = await refreshRiskFlags(fakeContext(state));
  const refreshSyncsInsertedMonths = state.syncs;
  if (insertedMonths.monthsCompleted.length !== 2) throw new Error(`bench: expected two months completed, got ${insertedMonths.monthsCompleted.join(", ")}`);
  // Import a block of 8 metrics x 12 months from the user's own sheet: read, then write.
  const data = newSheet("Data");
  const ids = ["mrr", "customers", "churn", "nps", "cac", "team_size", "leads", "gross_margin"];
  data.cells.set("A1", { value: "metric" });
  for (let t = 1; t <= 12; t++) data.cells.set(`${String.fromCharCode(65 + t)}1`, { value: t });
  ids.forEach((id, r) => {
    data.cells.set(`A${r + 2}`, { value: id });
    for (let t = 1; t <= 12; t++) data.cells.set(`${String.fromCharCode(65 + t)}${r + 2}`, { value: id === "churn" || id === "gross_margin" ? 0.04 : id === "nps" ? 70 : 100 + t });
  });
  state.sheets.push(data);
  state.selected = `Data!A1:M${ids.length + 1}`;
  state.syncs = 0;
  const preview = await readImport(fakeContext(state));
  await writeImport(fakeContext(state), preview.plan, false);
  const importSyncs = state.syncs;
  // Rebuild the tracker the import filled, with the options it has (the current template version).
  state.syncs = 0;
  await rebuildTracker(fakeContext(state), { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01", months: 38 });
  const rebuildSyncs = state.syncs;
  return { insertSyncs, insertOperations, refreshSyncs, refreshSyncsWorstCase, refreshSyncsInsertedMonths, importSyncs, rebuildSyncs, rebuild120MonthsMs: await rebuild120Months() };
}

/** A full 120-month tracker, every input row typed in every month, rebuilt on the fake host (read, plan, write): milliseconds. */
async function rebuild120Months(): Promise<number> {
  const state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  const options = { language: "en", company: "Acme", currency: "USD", firstMonth: "2020-01", months: 120 } as const;
  await insertTrackingWorkbook(fakeContext(state), options);
  for (const row of INPUT_ROWS) {
    const n = state.names.get(`Tracking_${row.key}`)!;
    const [from, to] = n.ref.split(":");
    const sheet = state.sheets.find((s) => s.name === n.sheet)!;
    const column = (ref: string) => [...ref.replace(/\d+$/, "")].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0);
    const letter = (c: number): string => (c > 26 ? letter(Math.floor((c - 1) / 26)) : "") + String.fromCharCode(65 + ((c - 1) % 26));
    const rowNumber = from.replace(/^[A-Z]+/, "");
    for (let c = column(from); c <= column(to); c++) sheet.cells.set(`${letter(c)}${rowNumber}`, { value: 0.5 + (c % 7) / 100 });
  }
  const started = performance.now();
  const outcome = await rebuildTracker(fakeContext(state), options);
  const ms = performance.now() - started;
  if (outcome.kind !== "done" || outcome.result.carried.values !== INPUT_ROWS.length * 120) throw new Error(`bench: the 120-month rebuild carried ${outcome.kind === "done" ? outcome.result.carried.values : "nothing"}`);
  return Math.round(ms);
}
