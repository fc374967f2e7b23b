/** A message with one action under it: the next step (Next.tsx), a sheet's flags to rebuild (Risk flags). Apart from the views' parts so the next step loads little. */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";

/** A message with one action under it (the next step, rebuilding a sheet's flags). */
export function ActionBar({
  intent,
  testId,
  text,
  action,
  onAction,
  busy,
}: {
  intent: "info" | "warning";
  testId: string;
  text: string;
  /** The button's label; no button without one. */
  action?: string;
  onAction: () => void;
  busy?: boolean;
}) {
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody
        style={{
          display: "flex",
          flexDirection: "column",
          gap: 6,
          alignItems: "flex-start",
        }}
      >
        <span>{text}</span>
        {action && (
          <Button size="small" onClick={onAction} disabledFocusable={busy}>
            {action}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
