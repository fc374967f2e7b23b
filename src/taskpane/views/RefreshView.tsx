import { useRef, useState } from "react";
import {
  Badge,
  Link,
  MessageBar,
  MessageBarBody,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import {
  Language,
  OTHER_MEASURES,
  PHASE_METRICS,
  RISK_INDICATORS,
} from "../../core/catalog";
import type {
  DepartmentLevels,
  FlaggedCell,
  RefreshResult,
} from "../../officejs";
import { DEPARTMENTS, kpiLine } from "../../core/departments";
import type { Strings } from "../strings";
import { ActionBar } from "../ActionBar";
import { Failure } from "../Failure";
import {
  DataTable,
  ViewColumn,
  ViewProps,
  WarningList,
  MainButton,
} from "./parts";
import { Live } from "../feedback";
import { Busy, useAttempt } from "../run";
import {
  formatMeasure,
  formatMonth,
  formatShare,
  rangeProblem,
  unusualSentence,
} from "../format";

interface Props extends ViewProps {
  last?: RefreshResult;
  stale: boolean;
  /** False when Excel cannot report edits to the pane, so staleness is unknown. */
  tracking: boolean;
  /** A refresh's result; undefined when a new run starts, so the last one's list is not shown as current. */
  onRefreshed: (result: RefreshResult | undefined) => void;
}

/** A list of links, one under another, without bullets. */
const LINKS = {
  margin: "4px 0 0",
  padding: 0,
  listStyle: "none",
  display: "flex",
  flexDirection: "column",
  gap: 4,
} as const;

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

/** A flagged cell's metric (phase sheets), group.indicator (Risks sheet) or SaaS measure with a convention: its name, and its number as the workbook shows it. */
function measure(
  id: string,
  language: Language,
): { name: string; shown: (value: number) => string } {
  const m =
    PHASE_METRICS.find((x) => x.id === id) ??
    RISK_INDICATORS.find((x) => x.qualifiedId === id) ??
    OTHER_MEASURES.find((x) => x.id === id);
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
  const [rebuilt, setRebuilt] = useState<{ sheet: string; rules: number }>();
  /** A new run clears what the last one said. */
  const {
    busy,
    running,
    error,
    setError,
    attempt: start,
  } = useAttempt(main, () => {
    setRebuilt(undefined);
    onRefreshed(undefined);
  });

  const rebuild = (sheet: string) =>
    start(t.refresh.rebuilding, async () => {
      const { rulesAdded } = await host.rebuildFlags(sheet);
      setRebuilt({ sheet, rules: rulesAdded });
      onRefreshed(await host.refresh());
    });

  /** Selects a listed cell; a sheet renamed or deleted since is said as a failure. */
  const select = (address: string) => void host.select(address).catch(setError);

  const refresh = () =>
    start(t.refresh.running, async () => onRefreshed(await host.refresh()));

  const row = (f: FlaggedCell) => {
    const { name, shown } = measure(f.measureId, language);
    return (
      <TableRow key={`${f.measureId}@${f.address}`}>
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
              onClick={() => select(f.address)}
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
            {/* What it is judged against: the target phase, the risk thresholds or a convention (in the first column, so the table fits a narrow pane). */}
            <span style={{ fontSize: 12 }}>
              {f.phase === "R"
                ? t.refresh.risksPhase
                : f.phase === "C"
                  ? t.refresh.contextPhase
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
    <ViewColumn intro={t.refresh.intro}>
      <MainButton ref={main} onClick={refresh} busy={busy}>
        {t.refresh.run}
      </MainButton>
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
      {last &&
        [
          {
            testId: "out-of-range",
            heading: t.refresh.outOfRange(last.outOfRange.length),
            cells: last.outOfRange.map((c) => ({
              address: c.address,
              text: t.refresh.outOfRangeCell(
                c.address,
                c.value,
                rangeProblem(c.measureId, c.value, language) || c.problem,
              ),
            })),
          },
          {
            testId: "unusual-values",
            heading: t.refresh.unusual(last.unusual.length),
            cells: last.unusual.map((c) => ({
              address: c.address,
              text: `${c.address}: ${unusualSentence(c, language)}`,
            })),
          },
        ].map((list) => (
          <CellList key={list.testId} {...list} select={select} />
        ))}
      {last?.unreadableSheets.map((sheet) => (
        <ActionBar
          key={sheet}
          intent="warning"
          testId="unreadable"
          text={t.refresh.unreadable(sheet)}
          action={t.refresh.rebuild(sheet)}
          onAction={() => rebuild(sheet)}
          busy={busy}
        />
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
            <DataTable
              label={t.tabs.refresh}
              headers={(["metric", "value", "target"] as const).map(
                (c) => t.refresh.columns[c],
              )}
            >
              {last.flagged.map(row)}
            </DataTable>
          )}
          {last.departments && (
            <DepartmentList
              levels={last.departments}
              t={t}
              language={language}
              select={select}
            />
          )}
        </div>
      )}
    </ViewColumn>
  );
}

/** Cells the refresh lists apart (out of range, unusual), each a link that selects it; nothing when there are none. */
function CellList({
  testId,
  heading,
  cells,
  select,
}: {
  testId: string;
  heading: string;
  cells: readonly { address: string; text: string }[];
  select: (address: string) => void;
}) {
  return (
    <WarningList
      testId={testId}
      heading={heading}
      items={cells}
      keyOf={(c) => c.address}
      listStyle={LINKS}
      render={(c) => (
        <Link as="button" onClick={() => select(c.address)}>
          {c.text}
        </Link>
      )}
    />
  );
}

/** The Departments sheet's levels (product.md 13): each function's worst, then its KPIs not OK, each a link to its flag cell. */
function DepartmentList({
  levels,
  t,
  language,
  select,
}: {
  levels: DepartmentLevels;
  t: Strings;
  language: Language;
  select: (address: string) => void;
}) {
  const words = t.refresh.departments;
  return (
    <section data-testid="department-levels" aria-label={words.heading}>
      <div>{words.heading}</div>
      <ul style={{ ...LINKS, flexDirection: "row", flexWrap: "wrap", gap: 8 }}>
        {levels.functions.map(({ fn, level }) => (
          <li key={fn} data-testid="department-level">
            {DEPARTMENTS.find((d) => d.id === fn)?.name[language] ?? fn}{" "}
            {level ? (
              <Badge
                color={LEVEL_COLOR[level]}
                appearance="filled"
                size="small"
              >
                {level}
              </Badge>
            ) : (
              <span>({words.noLevel})</span>
            )}
          </li>
        ))}
      </ul>
      {levels.flagged.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <ul style={LINKS} data-testid="department-flags">
          {levels.flagged.map((f) => (
            <li key={f.id}>
              <Link
                as="button"
                onClick={() => select(f.address)}
                aria-label={`${words.kpi(kpiLine(f.id, language), f.level)}: ${t.refresh.selectHint} ${f.address}`}
              >
                {words.kpi(kpiLine(f.id, language), f.level)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
