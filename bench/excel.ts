/** Office.js work per operation, counted by the fake Excel host: context.sync calls and queued operations. */
import { insertTrackingWorkbook, refreshRiskFlags } from "../src/excel";
import { fakeContext, installFakeOffice, newFakeState } from "../test/fakes/excel-fake";

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
  return { insertSyncs, insertOperations, refreshSyncs, refreshSyncsWorstCase: state.syncs };
}
