/** What the pane's views share: their props, their column with its intro, a main button, a results table, a list under a warning. */
import { CSSProperties, ReactNode, forwardRef } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { Language } from "../../core/catalog";
import type { Host } from "../../officejs";
import type { Strings } from "../strings";

/** Every view receives the host (it never calls Office itself), the pane's sentences and language. */
export interface ViewProps {
  host: Host;
  t: Strings;
  language: Language;
}

/** A view's column: its intro sentence, then what it shows. */
export function ViewColumn({
  intro,
  children,
}: {
  intro: string;
  children: ReactNode;
}) {
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <p style={{ margin: 0 }}>{intro}</p>
      {children}
    </div>
  );
}

/** A view's main button: primary, and focusable while its run is busy (run.tsx brings focus back to it). */
export const MainButton = forwardRef<
  HTMLButtonElement,
  { onClick: () => void; busy: boolean; children: ReactNode }
>(function MainButton({ onClick, busy, children }, ref) {
  return (
    <Button
      appearance="primary"
      ref={ref}
      onClick={onClick}
      disabledFocusable={busy}
    >
      {children}
    </Button>
  );
});

/** A view's table of results (Refresh's flags, Import's preview, Inspect's metrics): headers, then the view's rows. */
export function DataTable({
  label,
  headers,
  children,
}: {
  /** The table's accessible name (the tab's). */
  label: string;
  headers: readonly string[];
  children: ReactNode;
}) {
  return (
    <Table size="small" aria-label={label} style={{ tableLayout: "auto" }}>
      <TableHeader>
        <TableRow>
          {headers.map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}

/** A bulleted list's spacing under a heading. */
export const BULLETS = { margin: "4px 0 0", paddingLeft: 18 } as const;

/** A warning with a heading and a list under it (refused rows, unusual values, cells out of range); nothing when the list is empty. */
export function WarningList<T>({
  testId,
  heading,
  items,
  keyOf,
  render,
  listStyle = BULLETS,
}: {
  testId: string;
  heading: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  listStyle?: CSSProperties;
}) {
  if (items.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <div>{heading}</div>
        <ul style={listStyle}>
          {items.map((item) => (
            <li key={keyOf(item)}>{render(item)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
