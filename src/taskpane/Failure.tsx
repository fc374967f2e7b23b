import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { RefreshIncompleteError, WorkbookError } from "../excel/errors";
import {
  CellGoneError,
  INSPECT_MAX_CELLS,
  PaneOfficeError,
  SelectionTooLargeError,
} from "./host";
import type { Strings } from "./strings";

/** An error from Excel as a plain sentence in the pane's language; the detail stays available on hover. */
export function Failure({ error, t }: { error: unknown; t: Strings }) {
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
  // A refresh Excel stopped part-way: which sheets were refreshed, and why Excel stopped.
  // Excel's reason only where it says something ("unknown" would say nothing was changed, which is not so here).
  const more =
    error instanceof RefreshIncompleteError
      ? ` ${t.refresh.incomplete(error.refreshed, error.notRefreshed, error.unreadable)}${error.cause.code === "unknown" ? "" : ` ${t.errors[error.cause.code]}`}`
      : "";
  return (
    <MessageBar intent="error" role="alert" title={detail}>
      <MessageBarBody>{`${sentence}${more}`}</MessageBarBody>
    </MessageBar>
  );
}
