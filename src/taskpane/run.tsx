/**
 * A run in a view (product.md 11, "Feedback"): its busy state has a name, and focus comes back
 * when it ends. Apart from feedback.tsx, so that it loads with the views, not the first screen.
 */
import { RefObject, useCallback, useEffect, useRef, useState } from "react";
import { Spinner } from "@fluentui/react-components";

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

/**
 * A view's runs (useRun), each named by what it does (`label`, its busy state's name, `running`)
 * and first clearing what the last one said: `clear`, and the last failure, which `error` holds.
 */
export function useAttempt(
  fallback: RefObject<HTMLElement>,
  clear: () => void = () => undefined,
) {
  const { busy, run } = useRun(fallback);
  const [running, setRunning] = useState("");
  const [error, setError] = useState<unknown>();
  const attempt = (label: string, work: () => Promise<void>) =>
    run(async () => {
      setRunning(label);
      setError(undefined);
      clear();
      try {
        await work();
      } catch (e) {
        setError(e);
      }
    });
  return { busy, running, error, setError, attempt };
}
