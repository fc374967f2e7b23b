/**
 * How the pane tells what happened (product.md 11, "Feedback"): live regions that are in the page
 * before anything is said in them (a run's busy state and focus: run.tsx).
 *
 * A screen reader announces a change inside a live region it already knows; a region that
 * appears together with its text is announced by some and not by others (MDN, "ARIA live
 * regions"). So each view keeps its two regions mounted, empty until there is something to say:
 * `status` (polite) for results, `alert` (assertive) for refusals. Fluent's MessageBar does not
 * do this by itself: it announces through an AriaLiveAnnouncer, which the pane does not mount,
 * and in @fluentui/react-message-bar 9.7.9 `politeness="assertive"` is read as polite (fixed in
 * 9.7.10, microsoft/fluentui#37113). The bars therefore go inside these regions, without a live
 * role of their own.
 */
import { Children, ReactNode, createContext, useContext } from "react";

/** True inside a Live region: what is rendered there takes no live role of its own. */
export const InLiveRegion = createContext(false);

export function Live({
  kind,
  children,
  testId,
}: {
  kind: "status" | "alert";
  children?: ReactNode;
  testId?: string;
}) {
  // Empty, it takes no room: its negative margins cancel the gap of the column it sits in.
  const empty = Children.toArray(children).length === 0;
  return (
    <div
      role={kind}
      aria-live={kind === "alert" ? "assertive" : "polite"}
      aria-atomic="true"
      data-testid={testId}
      style={{
        display: "flex",
        flexDirection: "column",
        gap: 8,
        margin: empty ? "-5px 0" : 0,
      }}
    >
      <InLiveRegion.Provider value={true}>{children}</InLiveRegion.Provider>
    </div>
  );
}

/** Whether this is rendered inside a Live region. */
export const useInLiveRegion = () => useContext(InLiveRegion);
