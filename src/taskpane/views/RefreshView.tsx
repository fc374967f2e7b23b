import { useState } from "react";
import { Badge, Button, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { Language, PHASE_METRICS, RISK_INDICATORS } from "../../core/catalog";
import type { FlaggedCell, RefreshResult } from "../../excel";
import { Failure } from "../Failure";
import type { Host } from "../host";
import type { Strings } from "../strings";

interface Props {
  host: Host;
  t: Strings;
  language: Language;
  last?: RefreshResult;
  stale: boolean;
  onRefreshed: (result: RefreshResult) => void;
}

const LEVEL_COLOR = { OK: "success", WATCH: "warning", RISK: "danger" } as const;

function measureName(id: string, language: Language): string {
  const m = PHASE_METRICS.find((x) => x.id === id) ?? RISK_INDICATORS.find((x) => x.qualifiedId === id);
  return m ? m.name[language] : id;
}

const format = (v: number) => (Math.abs(v) < 1 && v !== 0 ? `${+(v * 100).toPrecision(4)}%` : v.toLocaleString());

export default function RefreshView({ host, t, language, last, stale, onRefreshed }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const refresh = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onRefreshed(await host.refresh());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const row = (f: FlaggedCell) => (
    <TableRow key={f.address}>
      <TableCell>
        <Button appearance="transparent" size="small" style={{ justifyContent: "flex-start", textAlign: "start", paddingInline: 0 }} onClick={() => host.select(f.address).catch(setError)} aria-label={`${measureName(f.measureId, language)}: ${t.refresh.selectHint} ${f.address}`}>
          {measureName(f.measureId, language)}
        </Button>
      </TableCell>
      <TableCell>{f.phase === "R" ? t.refresh.risksPhase : f.phase}</TableCell>
      <TableCell>{format(f.value)}</TableCell>
      <TableCell>{format(f.target)}</TableCell>
      <TableCell>
        <Badge color={LEVEL_COLOR[f.level]} appearance="filled">
          {f.level}
        </Badge>
      </TableCell>
    </TableRow>
  );

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <p style={{ margin: 0 }}>{t.refresh.intro}</p>
      <Button appearance="primary" onClick={refresh} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
        {busy ? t.refresh.running : t.refresh.run}
      </Button>
      {stale && last && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>{t.refresh.stale}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <Failure error={error} t={t} />}
      {last && (
        <div data-testid="refresh-result" style={{ display: "flex", flexDirection: "column", gap: 8 }}>
          <div role="status" style={{ display: "flex", gap: 6, alignItems: "center" }}>
            <Badge color="success">OK {last.counts.OK}</Badge>
            <Badge color="warning">WATCH {last.counts.WATCH}</Badge>
            <Badge color="danger">RISK {last.counts.RISK}</Badge>
            <span style={{ position: "absolute", left: -9999 }}>{t.refresh.summary(last.counts.OK, last.counts.WATCH, last.counts.RISK)}</span>
          </div>
          {last.flagged.length === 0 ? (
            <p>{t.refresh.none}</p>
          ) : (
            <Table size="small" aria-label={t.tabs.refresh}>
              <TableHeader>
                <TableRow>
                  {(["metric", "phase", "value", "target", "level"] as const).map((c) => (
                    <TableHeaderCell key={c}>{t.refresh.columns[c]}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>{last.flagged.map(row)}</TableBody>
            </Table>
          )}
        </div>
      )}
    </div>
  );
}
