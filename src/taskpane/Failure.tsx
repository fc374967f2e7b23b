import type { ReactNode } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import {
  ImportChangedError,
  ImportIncompleteError,
  InsertIncompleteError,
  RefreshIncompleteError,
  WorkbookError,
} from "../officejs/errors";
import {
  CellGoneError,
  INSPECT_MAX_CELLS,
  PaneOfficeError,
  SelectionTooLargeError,
} from "../officejs/errors";
import { Live, useInLiveRegion } from "./feedback";
import type { Strings } from "./strings";

/**
 * Excel's reason for stopping part-way, where it says something: "unknown" would say that nothing
 * was changed, which is not so once something was.
 */
const because = (cause: WorkbookError, t: Strings) =>
  cause.code === "unknown" ? "" : ` ${t.errors[cause.code]}`;

/** What an operation Excel stopped part-way did and left, after the headline sentence. */
function whatWasLeft(error: unknown, t: Strings): string {
  if (error instanceof RefreshIncompleteError)
    return ` ${t.refresh.incomplete(error.refreshed, error.notRefreshed, error.unreadable)}${because(error.cause, t)}`;
  if (error instanceof InsertIncompleteError)
    return `${because(error.cause, t)} ${t.insert.left(error.left)}`;
  if (error instanceof ImportIncompleteError)
    return `${because(error.cause, t)} ${error.checked ? t.import.partly(error.written.length, error.total) : t.import.partlyUnchecked(error.total, t.import.sheets[error.target])}`;
  if (error instanceof ImportChangedError && error.moved.length)
    return ` ${t.import.moved(t.import.sheets[error.target])}`;
  return "";
}

/**
 * An error from Excel as a plain sentence in the pane's language; the detail stays available on
 * hover. `children` (a list, an action) go below the sentence. Inside a view's alert region it is
 * said there; rendered on its own it is an alert region itself.
 */
export function Failure({
  error,
  t,
  children,
}: {
  error: unknown;
  t: Strings;
  children?: ReactNode;
}) {
  const inRegion = useInLiveRegion();
  if (error === undefined) return null;
  const code = error instanceof WorkbookError ? error.code : "unknown";
  const detail =
    error instanceof WorkbookError
      ? error.detail
      : error instanceof Error
        ? error.message
        : String(error);
  const sentence =
    error instanceof CellGoneError
      ? t.cellGone
      : error instanceof SelectionTooLargeError
        ? t.inspect.tooLarge(error.cells, INSPECT_MAX_CELLS)
        : error instanceof PaneOfficeError
          ? t.officeErrors[error.code]
          : t.errors[code];
  const bar = (
    <MessageBar
      intent="error"
      title={detail}
      layout={children ? "multiline" : "auto"}
    >
      <MessageBarBody>
        {`${sentence}${whatWasLeft(error, t)}`}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
  return inRegion ? bar : <Live kind="alert">{bar}</Live>;
}
