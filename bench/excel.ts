/** context.sync calls per operation, counted by the fake Excel host. */
import { insertTrackingWorkbook, refreshRiskFlags } from "../src/excel";
import { fakeContext, installFakeOffice, newFakeState } from "../test/fakes/excel-fake";

export async function run(): Promise<Record<string, number>> {
  const state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  await insertTrackingWorkbook(fakeContext(state), { language: "en", company: "Acme", currency: "USD", firstMonth: "2026-01" });
  const insertSyncs = state.syncs;
  state.syncs = 0;
  await refreshRiskFlags(fakeContext(state));
  const refreshSyncs = state.syncs;
  // A sheet with a rule Excel cannot read (a duplicated rule, office-js #6835): every sheet's rules are read on their own.
  state.sheets.find((s) => s.name === "Phase 2")!.rules.push({ id: "dup", ref: "D5:F5", formula: "=D5>1", unreadable: "GeneralException" });
  state.syncs = 0;
  await refreshRiskFlags(fakeContext(state));
  return { insertSyncs, refreshSyncs, refreshSyncsWorstCase: state.syncs };
}
