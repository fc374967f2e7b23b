import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { WorkbookError } from "../excel/errors";
import { CellGoneError, PaneOfficeError } from "./host";
import type { Strings } from "./strings";

/** An error from Excel as a plain sentence in the pane's language; the detail stays available on hover. */
export function Failure({ error, t }: { error: unknown; t: Strings }) {
  const code = error instanceof WorkbookError ? error.code : "unknown";
  const detail = error instanceof WorkbookError ? error.detail : error instanceof Error ? error.message : String(error);
  const sentence = error instanceof CellGoneError ? t.cellGone : error instanceof PaneOfficeError ? t.officeErrors[error.code] : t.errors[code];
  return (
    <MessageBar intent="error" role="alert" title={detail}>
      <MessageBarBody>{sentence}</MessageBarBody>
    </MessageBar>
  );
}
