import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { Language, PHASE_METRICS } from "../../core/catalog";
import { Failure } from "../Failure";
import type { Host } from "../host";
import { Inspection, inspectSelection } from "../inspect";
import type { Strings } from "../strings";

interface Props {
  host: Host;
  t: Strings;
  language: Language;
}

const show = (v: number | string) => (typeof v === "number" ? v.toLocaleString(undefined, { maximumFractionDigits: 4 }) : v);

export default function InspectView({ host, t, language }: Props) {
  const [inspection, setInspection] = useState<Inspection>();
  const [error, setError] = useState<unknown>();

  const inspect = async () => {
    setError(undefined);
    try {
      setInspection(inspectSelection(await host.readSelection()));
    } catch (e) {
      setError(e);
    }
  };
  const name = (id: string) => PHASE_METRICS.find((m) => m.id === id)?.name[language] ?? id;

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <p style={{ margin: 0 }}>{t.inspect.intro}</p>
      <Button appearance="primary" onClick={inspect}>
        {t.inspect.run}
      </Button>
      {error !== undefined && <Failure error={error} t={t} />}
      {inspection && inspection.metrics.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t.inspect.empty}</MessageBarBody>
        </MessageBar>
      )}
      {inspection && inspection.metrics.length > 0 && (
        <div data-testid="inspect-result">
          <p role="status" style={{ fontWeight: 600 }}>
            {t.inspect.phaseReached(inspection.phase)}
          </p>
          <Table size="small" aria-label={t.tabs.inspect}>
            <TableHeader>
              <TableRow>
                {(["metric", "value", "phase", "gap"] as const).map((c) => (
                  <TableHeaderCell key={c}>{t.inspect.columns[c]}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {inspection.metrics.map((m) => (
                <TableRow key={m.id}>
                  <TableCell>{name(m.id)}</TableCell>
                  <TableCell>{show(m.value)}</TableCell>
                  <TableCell>{show(m.phase)}</TableCell>
                  <TableCell title={t.inspect.nextPhase(m.nextPhase)}>
                    {show(m.gap)} (P{m.nextPhase})
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
