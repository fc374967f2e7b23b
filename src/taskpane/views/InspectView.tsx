import { useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { Language, PHASE_METRICS, Unit } from "../../core/catalog";
import { Failure } from "../Failure";
import { formatMeasure } from "../format";
import type { Host } from "../host";
import { Inspection, inspectSelection } from "../inspect";
import type { Strings } from "../strings";

interface Props {
  host: Host;
  t: Strings;
  language: Language;
  /** Excel's display language: the function names written into cells (office-js#891). */
  formulaLanguage: Language;
}

export default function InspectView({
  host,
  t,
  language,
  formulaLanguage,
}: Props) {
  const [inspection, setInspection] = useState<Inspection>();
  const [error, setError] = useState<unknown>();
  const [written, setWritten] = useState<{
    intent: "success" | "warning";
    text: string;
  }>();

  const writeFormulas = async () => {
    setError(undefined);
    setWritten(undefined);
    try {
      const plan = await host.writeFormulasBeside(formulaLanguage);
      if (!("problem" in plan))
        setWritten({
          intent: "success",
          text: t.inspect.wroteFormulas(
            plan.count,
            plan.address,
            plan.withPhase,
            plan.workbookTargets,
          ),
        });
      else if (plan.problem === "notEmpty")
        setWritten({
          intent: "warning",
          text: t.inspect.formulasNotEmpty(plan.address),
        });
      else
        setWritten({
          intent: "warning",
          text:
            plan.problem === "twoColumns"
              ? t.inspect.formulasTwoColumns
              : t.inspect.formulasNoMetrics,
        });
    } catch (e) {
      setError(e);
    }
  };

  const inspect = async () => {
    setError(undefined);
    try {
      setInspection(inspectSelection(await host.readSelection()));
    } catch (e) {
      setError(e);
    }
  };
  const name = (id: string) =>
    PHASE_METRICS.find((m) => m.id === id)?.name[language] ?? id;
  /** The number as the sheet formats it, the exact value on hover; an error message as it is. */
  const cell = (v: number | string, unit: Unit, suffix = "") =>
    typeof v === "number" ? (
      <TableCell title={String(v)}>
        {formatMeasure(v, unit, language)}
        {suffix}
      </TableCell>
    ) : (
      <TableCell>{v}</TableCell>
    );

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <p style={{ margin: 0 }}>{t.inspect.intro}</p>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <Button appearance="primary" onClick={inspect}>
          {t.inspect.run}
        </Button>
        <Button onClick={writeFormulas}>{t.inspect.writeFormulas}</Button>
      </div>
      {written && (
        <MessageBar intent={written.intent} role="status" layout="multiline">
          <MessageBarBody>{written.text}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <Failure error={error} t={t} />}
      {inspection && inspection.metrics.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t.inspect.empty}</MessageBarBody>
        </MessageBar>
      )}
      {inspection && inspection.metrics.length > 0 && (
        <div data-testid="inspect-result">
          <p role="status" style={{ fontWeight: 600, margin: "0 0 4px" }}>
            {t.inspect.phaseReached(inspection.phase)}
          </p>
          <p style={{ margin: "0 0 8px" }}>
            {inspection.workbookTargets
              ? t.inspect.workbookTargets
              : t.inspect.builtInTargets}
          </p>
          <Table
            size="small"
            aria-label={t.tabs.inspect}
            style={{ tableLayout: "auto" }}
          >
            <TableHeader>
              <TableRow>
                {(["metric", "value", "phase", "gap"] as const).map((c) => (
                  <TableHeaderCell key={c}>
                    {t.inspect.columns[c]}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {inspection.metrics.map((m, i) => (
                <TableRow key={i}>
                  <TableCell>{name(m.id)}</TableCell>
                  {cell(m.value, m.unit)}
                  <TableCell>{m.phase}</TableCell>
                  {cell(m.gap, m.unit, ` (P${m.nextPhase})`)}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
