/**
 * After each step of the user's path, the next one (product.md 11): after an insert, enter or
 * import the numbers; after an import, or a rebuild that carried numbers, refresh the flags; after
 * a refresh, what to look at (or, with no numbers yet, enter or import them). Loaded once a step
 * is done, not with the first screen.
 */
import type { RefreshResult } from "../officejs";
import type { Strings } from "./strings";
import { ActionBar } from "./ActionBar";

/** The step just done: the pane shows the next one below that step's view. */
export type Done =
  /** `rebuilt`: a rebuild, with the number of values it carried. */
  | { tab: "insert"; rebuilt?: number }
  | { tab: "import" }
  | { tab: "refresh"; result: RefreshResult };

/** Where a next step's action goes: a tab, or the dashboard's sheet. */
export type Go = "import" | "refresh" | "dashboard";

/** The sentence after `done`, and its action (none for the dashboard when its sheet is not known). */
function nextStep(
  done: Done,
  t: Strings,
  dashboard: string,
  known: boolean,
): { text: string; action?: string; go?: Go } {
  if (done.tab === "import")
    return {
      text: t.next.afterImport,
      action: t.next.toRefresh,
      go: "refresh",
    };
  if (done.tab === "insert" && done.rebuilt)
    return {
      text: t.next.afterRebuild,
      action: t.next.toRefresh,
      go: "refresh",
    };
  const counts = done.tab === "refresh" ? done.result.counts : undefined;
  if (!counts || counts.OK + counts.WATCH + counts.RISK === 0)
    return { text: t.next.afterInsert, action: t.next.toImport, go: "import" };
  const text = t.next.afterRefresh(dashboard, counts.WATCH + counts.RISK > 0);
  return known
    ? { text, action: t.insert.goToDashboard, go: "dashboard" }
    : { text };
}

export default function Next({
  done,
  t,
  dashboard,
  known,
  go,
}: {
  done: Done;
  t: Strings;
  /** The dashboard's sheet, or its default name when the pane does not know it (`known` false). */
  dashboard: string;
  known: boolean;
  go: (to: Go) => void;
}) {
  const { text, action, go: to } = nextStep(done, t, dashboard, known);
  return (
    <ActionBar
      intent="info"
      testId="next-step"
      text={text}
      action={to && action}
      onAction={() => to && go(to)}
    />
  );
}
