import { useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import { splitAddress } from "../../core/address";
import { Cell, isBlank } from "../../core/cell";
import type {
  ImportCell,
  ImportPlan,
  ImportPreview,
  ImportTarget,
} from "../../officejs";
import {
  ImportChangedError,
  ImportIncompleteError,
} from "../../officejs/errors";
import { Failure } from "../Failure";
import {
  DataTable,
  ViewColumn,
  ViewProps,
  WarningList,
  MainButton,
} from "./parts";
import { ImportDetails, ImportExample } from "./ImportDetails";
import { Live } from "../feedback";
import { Busy, useAttempt } from "../run";
import { formatMeasure, formatMonth, formatSheetInput } from "../format";
import { isSheetInputRow } from "../../core/importer";
import { SHEET_NAMES } from "../../core/template/sheet-names";

/** The preview shows this many cells; the rest are counted. */
const PREVIEW_ROWS = 20;

/** Reads a block of the user's sheet, shows what goes where, and writes only on confirmation. */
export default function ImportView({ host, t, language }: ViewProps) {
  const main = useRef<HTMLButtonElement>(null);
  const [preview, setPreview] = useState<ImportPreview>();
  const [replaceTyped, setReplaceTyped] = useState(false);
  const [wrote, setWrote] = useState<string>();
  /** Labels mapped to a measure in this pane: read with them, and remembered in the workbook on write. */
  const [chosen, setChosen] = useState<Record<string, string>>({});
  /** Tracking's actuals or the budget (product.md 12): the same read, plan and write, on that sheet's rows. */
  const [target, setTarget] = useState<ImportTarget>("tracking");

  /** A new run clears what the last one said; a write keeps the preview it writes until it ends. */
  const { busy, running, error, attempt } = useAttempt(main, () =>
    setWrote(undefined),
  );
  /** The sheets a plan writes: the one imported into (where any value goes there), and the Departments or Channels sheet where rows go there ("Tracking / Departments"). */
  const sheetsOf = (p: ImportPlan) =>
    [
      ...(p.cells.length === 0 || p.cells.some((c) => !isSheetInputRow(c.row))
        ? [t.import.sheets[p.target]]
        : []),
      ...(["departments", "channels"] as const)
        .filter((s) =>
          p.cells.some((c) => isSheetInputRow(c.row) && c.row.sheet === s),
        )
        .map((s) => SHEET_NAMES[language][s]),
    ].join(" / ");
  const read = (mapping = chosen) =>
    attempt(t.import.reading, async () => {
      setPreview(undefined);
      setReplaceTyped(false);
      setPreview(await host.readImport(language, mapping, target));
    });
  const write = (p: ImportPreview) =>
    attempt(t.import.writing, async () => {
      try {
        const result = await host.writeImport(p.plan, replaceTyped);
        setWrote(
          t.import.wrote(result.written, result.keptTyped, sheetsOf(p.plan)),
        );
      } finally {
        // Written, refused or stopped part-way: the preview no longer says what a write would do.
        setPreview(undefined);
      }
    });

  const choose = (label: string, id: string) => {
    const mapping = { ...chosen, [label]: id };
    setChosen(mapping);
    return read(mapping);
  };

  const shown = (c: ImportCell, v: Cell) =>
    typeof v === "number"
      ? isSheetInputRow(c.row)
        ? formatSheetInput(v, c.row.measure, language)
        : formatMeasure(v, c.row.measure, language)
      : String(v ?? "");
  /** A cell as the preview read it or as it is now: empty, a formula as Excel shows it, or a value. */
  const content = (c: ImportCell, v: Cell) =>
    isBlank(v) ? t.import.emptyCell : shown(c, v);
  const plan = preview?.plan;
  const sheet = plan ? sheetsOf(plan) : t.import.sheets[target];
  /** Another sheet to import into: the preview read for the other one no longer says what a write would do. */
  const chooseTarget = (next: ImportTarget) => {
    setTarget(next);
    setPreview(undefined);
    setWrote(undefined);
  };
  const toWrite = plan
    ? plan.cells.length - (replaceTyped ? 0 : plan.overwrites.length)
    : 0;

  return (
    <ViewColumn intro={t.import.intro}>
      <ImportExample t={t} />
      <Field label={t.import.target.label}>
        <RadioGroup
          value={target}
          disabled={busy}
          data-testid="import-target"
          onChange={(_, d) => chooseTarget(d.value as ImportTarget)}
        >
          {(["tracking", "budget"] as const).map((k) => (
            <Radio key={k} value={k} label={t.import.target[k]} />
          ))}
        </RadioGroup>
      </Field>
      <MainButton ref={main} onClick={() => read()} busy={busy}>
        {t.import.read}
      </MainButton>
      <Live kind="status">
        {busy && <Busy label={running} />}
        {wrote && (
          <MessageBar intent="success" data-testid="import-written">
            <MessageBarBody>{wrote}</MessageBarBody>
          </MessageBar>
        )}
        {preview && plan && plan.errors.length === 0 && (
          <div data-testid="import-summary">
            {t.import.source(preview.source)}{" "}
            {plan.cells.length === 0
              ? t.import.nothing(sheet)
              : t.import.summary(
                  plan.cells.length,
                  plan.cells.filter((c) => c.replaces === "formula").length,
                  plan.unchanged,
                  sheet,
                )}
          </div>
        )}
      </Live>
      <Live kind="alert">
        <Failure error={error} t={t}>
          {error instanceof ImportChangedError && error.cells.length > 0 && (
            <div data-testid="import-changed">
              <div>
                {t.import.changed(
                  error.cells.length,
                  t.import.sheets[error.target],
                )}
              </div>
              <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
                {error.cells.slice(0, PREVIEW_ROWS).map(({ cell, now }) => (
                  <li key={cell.address}>
                    {t.import.changedCell(
                      cell.address,
                      content(cell, cell.seen),
                      content(cell, now),
                    )}
                  </li>
                ))}
              </ul>
              {error.cells.length > PREVIEW_ROWS && (
                <div>{t.import.more(error.cells.length - PREVIEW_ROWS)}</div>
              )}
            </div>
          )}
          {error instanceof ImportIncompleteError &&
            error.written.length > 0 && (
              <ul
                data-testid="import-partly"
                style={{ margin: "4px 0", paddingLeft: 18 }}
              >
                {error.written.map((c) => (
                  <li key={c.address}>{c.address}</li>
                ))}
              </ul>
            )}
        </Failure>
        {preview && plan && (
          <WarningList
            testId="import-refused"
            heading={t.import.refused(plan.errors.length)}
            items={plan.errors}
            keyOf={(e) => e}
            render={(e) => e}
          />
        )}
      </Live>
      {plan && (
        <ImportDetails
          plan={plan}
          t={t}
          language={language}
          onChoose={choose}
          busy={busy}
        />
      )}
      {preview && plan && plan.errors.length === 0 && (
        <div
          data-testid="import-preview"
          style={{ display: "flex", flexDirection: "column", gap: 8 }}
        >
          {plan.cells.length > 0 && (
            <DataTable
              label={t.tabs.import}
              headers={(["measure", "month", "value", "cell"] as const).map(
                (c) => t.import.columns[c],
              )}
            >
              {plan.cells.slice(0, PREVIEW_ROWS).map((c) => (
                <TableRow key={c.address}>
                  <TableCell>{c.row.measure.name[language]}</TableCell>
                  <TableCell>{formatMonth(c.monthLabel, language)}</TableCell>
                  <TableCell title={String(c.value)}>
                    {shown(c, c.value)}
                  </TableCell>
                  {/* The sheet is in the summary and the cell's title: the pane is too narrow for "Departments!J36". */}
                  <TableCell title={c.address}>
                    {splitAddress(c.address).ref}
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          )}
          {plan.cells.length > PREVIEW_ROWS && (
            <div>{t.import.more(plan.cells.length - PREVIEW_ROWS)}</div>
          )}
          {plan.overwrites.length > 0 && (
            <MessageBar
              intent="warning"
              layout="multiline"
              data-testid="import-overwrites"
            >
              <MessageBarBody
                style={{
                  display: "flex",
                  flexDirection: "column",
                  gap: 4,
                  alignItems: "flex-start",
                }}
              >
                <div>{t.import.overwrites(plan.overwrites.length)}</div>
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {plan.overwrites.slice(0, PREVIEW_ROWS).map((c) => (
                    <li key={c.address}>
                      {t.import.overwrite(
                        c.address,
                        shown(c, c.previous),
                        shown(c, c.value),
                      )}
                    </li>
                  ))}
                </ul>
                <Checkbox
                  label={t.import.replaceTyped(plan.overwrites.length)}
                  checked={replaceTyped}
                  onChange={(_, d) => setReplaceTyped(d.checked === true)}
                />
              </MessageBarBody>
            </MessageBar>
          )}
          {plan.cells.length > 0 && (
            <Button
              appearance="primary"
              onClick={() => write(preview)}
              disabled={toWrite === 0}
              disabledFocusable={busy}
            >
              {t.import.write(toWrite, sheet)}
            </Button>
          )}
        </div>
      )}
    </ViewColumn>
  );
}
