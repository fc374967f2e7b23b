/**
 * How the pane tells what happened (product.md 11, "Feedback"): live regions that are in the page
 * before anything is said in them, a busy state with a name, and focus given back when a run ends.
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
import {
  Children,
  ReactNode,
  RefObject,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { Spinner } from "@fluentui/react-components";

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

/** A run under way: a spinner named by what is happening ("Refreshing…"). */
export function Busy({ label }: { label: string }) {
  return <Spinner size="tiny" label={label} labelPosition="after" />;
}

/**
 * One run at a time, and focus back where it was. The button that starts a run stays focusable
 * while it runs (Fluent's `disabledFocusable`, not `disabled`, which would drop focus to the
 * page); when the run ends and focus is lost (the button was removed, a preview cleared), it goes
 * back to that button if it is still there, else to `fallback`, the view's main button. Focus the
 * user moved elsewhere meanwhile stays where it is.
 */
export function useRun(fallback: RefObject<HTMLElement>) {
  const [busy, setBusy] = useState(false);
  const starter = useRef<HTMLElement | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    const active = document.activeElement;
    starter.current = active instanceof HTMLElement ? active : null;
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    const from = starter.current;
    if (busy || !from) return;
    starter.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    (from.isConnected ? from : fallback.current)?.focus();
  }, [busy, fallback]);
  return { busy, run };
}

/** Whether this is rendered inside a Live region. */
export const useInLiveRegion = () => useContext(InLiveRegion);
