import { useRef, useState } from "react";
import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { Language, PHASE_METRICS, RISK_INDICATORS } from "../../core/catalog";
import type { FlaggedCell } from "../../officejs";
import { Failure } from "../Failure";
import { Live } from "../feedback";
import { Busy, useRun } from "../run";
import {
  formatMeasure,
  formatMonth,
  formatShare,
  rangeProblem,
  unusualSentence,
} from "../format";
import type { RefreshResult } from "../../officejs";
import type { Host } from "../../officejs";
import type { Strings } from "../strings";

interface Props {
  host: Host;
  t: Strings;
  language: Language;
  last?: RefreshResult;
  stale: boolean;
  /** False when Excel cannot report edits to the pane, so staleness is unknown. */
  tracking: boolean;
  /** A refresh's result; undefined when a new run starts, so the last one's list is not shown as current. */
  onRefreshed: (result: RefreshResult | undefined) => void;
}

const LEVEL_COLOR = {
  OK: "success",
  WATCH: "warning",
  RISK: "danger",
} as const;
const VISUALLY_HIDDEN = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

/** A flagged cell's metric (phase sheets) or group.indicator (Risks sheet): its name, and its number as the workbook shows it. */
function measure(
  id: string,
  language: Language,
): { name: string; shown: (value: number) => string } {
  const m =
    PHASE_METRICS.find((x) => x.id === id) ??
    RISK_INDICATORS.find((x) => x.qualifiedId === id);
  return m
    ? { name: m.name[language], shown: (v) => formatMeasure(v, m, language) }
    : { name: id, shown: String };
}

export default function RefreshView({
  host,
  t,
  language,
  last,
  stale,
  tracking,
  onRefreshed,
}: Props) {
  const main = useRef<HTMLButtonElement>(null);
  const { busy, run } = useRun(main);
  const [running, setRunning] = useState<string>(t.refresh.running);
  const [error, setError] = useState<unknown>();
  const [rebuilt, setRebuilt] = useState<{ sheet: string; rules: number }>();

  /** A new run clears what the last one said. */
  const start = (label: string, work: () => Promise<void>) =>
    run(async () => {
      setRunning(label);
      setError(undefined);
      setRebuilt(undefined);
      onRefreshed(undefined);
      try {
        await work();
      } catch (e) {
        setError(e);
      }
    });

  const rebuild = (sheet: string) =>
    start(t.refresh.rebuilding, async () => {
      const { rulesAdded } = await host.rebuildFlags(sheet);
      setRebuilt({ sheet, rules: rulesAdded });
      onRefreshed(await host.refresh());
    });

  const refresh = () =>
    start(t.refresh.running, async () => onRefreshed(await host.refresh()));

  const row = (f: FlaggedCell) => {
    const { name, shown } = measure(f.measureId, language);
    return (
      <TableRow key={f.address}>
        <TableCell>
          <div
            style={{
              display: "flex",
              flexDirection: "column",
              alignItems: "flex-start",
              gap: 2,
              padding: "4px 0",
            }}
          >
            <Link
              as="button"
              onClick={() => host.select(f.address).catch(setError)}
              aria-label={`${name}: ${t.refresh.selectHint} ${f.address}`}
            >
              {name}
            </Link>
            <Badge
              color={LEVEL_COLOR[f.level]}
              appearance="filled"
              size="small"
            >
              {f.level}
            </Badge>
            {/* What it is judged against: the target phase, or the risk thresholds (in the first column, so the table fits a narrow pane). */}
            <span style={{ fontSize: 12 }}>
              {f.phase === "R"
                ? t.refresh.risksPhase
                : t.refresh.phase(f.phase)}
            </span>
          </div>
        </TableCell>
        <TableCell title={String(f.value)}>{shown(f.value)}</TableCell>
        <TableCell title={String(f.target)}>{shown(f.target)}</TableCell>
      </TableRow>
    );
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <p style={{ margin: 0 }}>{t.refresh.intro}</p>
      <Button
        appearance="primary"
        ref={main}
        onClick={refresh}
        disabledFocusable={busy}
      >
        {t.refresh.run}
      </Button>
      <Live kind="status">
        {busy && <Busy label={running} />}
        {rebuilt && (
          <MessageBar intent="success">
            <MessageBarBody>
              {t.refresh.rebuilt(rebuilt.sheet, rebuilt.rules)}
            </MessageBarBody>
          </MessageBar>
        )}
        {last && (
          <div
            data-testid="refresh-summary"
            style={{
              display: "flex",
              gap: 6,
              alignItems: "center",
              flexWrap: "wrap",
            }}
          >
            {last.reportingMonth && (
              <span data-testid="reporting-month">
                {t.refresh.reportingMonth(
                  formatMonth(last.reportingMonth, language),
                )}
              </span>
            )}
            <span aria-hidden style={{ display: "flex", gap: 6 }}>
              <Badge color="success">OK {last.counts.OK}</Badge>
              <Badge color="warning">WATCH {last.counts.WATCH}</Badge>
              <Badge color="danger">RISK {last.counts.RISK}</Badge>
            </span>
            <span style={VISUALLY_HIDDEN}>
              {t.refresh.summary(
                last.counts.OK,
                last.counts.WATCH,
                last.counts.RISK,
              )}
            </span>
          </div>
        )}
        {stale && last && (
          <MessageBar intent="warning" data-testid="stale">
            <MessageBarBody>{t.refresh.stale}</MessageBarBody>
          </MessageBar>
        )}
      </Live>
      <Live kind="alert">
        <Failure error={error} t={t} />
      </Live>
      {!tracking && last && (
        <MessageBar intent="info">
          <MessageBarBody>{t.refresh.untracked}</MessageBarBody>
        </MessageBar>
      )}
      {last && last.monthsCompleted.length > 0 && (
        <MessageBar intent="success" data-testid="months-completed">
          <MessageBarBody>
            {t.refresh.monthsCompleted(
              last.monthsCompleted.map((m) => formatMonth(m, language)),
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {last && last.outOfRange.length > 0 && (
        <MessageBar
          intent="warning"
          layout="multiline"
          data-testid="out-of-range"
        >
          <MessageBarBody>
            <span>{t.refresh.outOfRange(last.outOfRange.length)}</span>
            <ul
              style={{
                margin: "4px 0 0",
                padding: 0,
                listStyle: "none",
                display: "flex",
                flexDirection: "column",
                gap: 4,
              }}
            >
              {last.outOfRange.map((c) => (
                <li key={c.address}>
                  <Link
                    as="button"
                    onClick={() => host.select(c.address).catch(setError)}
                  >
                    {t.refresh.outOfRangeCell(
                      c.address,
                      c.value,
                      rangeProblem(c.measureId, c.value, language) || c.problem,
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {last && last.unusual.length > 0 && (
        <MessageBar
          intent="warning"
          layout="multiline"
          data-testid="unusual-values"
        >
          <MessageBarBody>
            <span>{t.refresh.unusual(last.unusual.length)}</span>
            <ul
              style={{
                margin: "4px 0 0",
                padding: 0,
                listStyle: "none",
                display: "flex",
                flexDirection: "column",
                gap: 4,
              }}
            >
              {last.unusual.map((c) => (
                <li key={c.address}>
                  <Link
                    as="button"
                    onClick={() => host.select(c.address).catch(setError)}
                  >
                    {`${c.address}: ${unusualSentence(c, language)}`}
                  </Link>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {last?.unreadableSheets.map((sheet) => (
        <MessageBar
          key={sheet}
          intent="warning"
          layout="multiline"
          data-testid="unreadable"
        >
          <MessageBarBody
            style={{
              display: "flex",
              flexDirection: "column",
              gap: 6,
              alignItems: "flex-start",
            }}
          >
            <span>{t.refresh.unreadable(sheet)}</span>
            <Button
              size="small"
              onClick={() => rebuild(sheet)}
              disabledFocusable={busy}
            >
              {t.refresh.rebuild(sheet)}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ))}
      {last && (
        <div
          data-testid="refresh-result"
          style={{ display: "flex", flexDirection: "column", gap: 8 }}
        >
          <div data-testid="plan-completion">
            {t.refresh.plan(
              last.plan.map((p) =>
                p === null ? "–" : formatShare(p, language),
              ),
            )}
          </div>
          {last.counts.OK + last.counts.WATCH + last.counts.RISK === 0 ? (
            <p>{t.refresh.noValues}</p>
          ) : last.flagged.length === 0 ? (
            <p>{t.refresh.none}</p>
          ) : (
            <Table
              size="small"
              aria-label={t.tabs.refresh}
              style={{ tableLayout: "auto" }}
            >
              <TableHeader>
                <TableRow>
                  {(["metric", "value", "target"] as const).map((c) => (
                    <TableHeaderCell key={c}>
                      {t.refresh.columns[c]}
                    </TableHeaderCell>
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
