import { useRef, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import { Language, PHASE_METRICS } from "../../core/catalog";
import { Failure } from "../Failure";
import { DataTable, ViewColumn, ViewProps, MainButton } from "./parts";
import { Live } from "../feedback";
import { Busy, useAttempt } from "../run";
import { formatKpi, formatKpiGap, formatMeasure, kpiProblem } from "../format";
import {
  InspectedContext,
  Inspection,
  inspectSelection,
} from "../../officejs/inspect/plan";
import type { InspectedKpi } from "../../officejs/inspect/seed-plan";
import { kpiLine } from "../../core/departments";
import type { Strings } from "../strings";

interface Props extends ViewProps {
  /** Excel's display language: the function names written into cells (office-js#891). */
  formulaLanguage: Language;
}

export default function InspectView({
  host,
  t,
  language,
  formulaLanguage,
}: Props) {
  const main = useRef<HTMLButtonElement>(null);
  const [inspection, setInspection] = useState<Inspection>();
  const [written, setWritten] = useState<{
    intent: "success" | "warning";
    text: string;
  }>();

  /** A new run clears what the last one said. */
  const { busy, running, error, attempt } = useAttempt(main, () =>
    setWritten(undefined),
  );

  const writeFormulas = () =>
    attempt(t.inspect.writingFormulas, async () => {
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
    });

  const inspect = () =>
    attempt(t.inspect.running, async () => {
      setInspection(undefined);
      setInspection(
        inspectSelection(await host.readSelection(), formulaLanguage),
      );
    });
  const name = (id: string) =>
    PHASE_METRICS.find((m) => m.id === id)?.name[language] ?? id;
  /** The number as the sheet formats it, the exact value on hover; an error message as it is. */
  const cell = (v: number | string, id: string, suffix = "") =>
    typeof v === "number" ? (
      <TableCell title={String(v)}>
        {formatMeasure(
          v,
          PHASE_METRICS.find((m) => m.id === id)!,
          language,
        )}
        {suffix}
      </TableCell>
    ) : (
      <TableCell>{v}</TableCell>
    );

  /** A SaaS measure's number as the sheet formats it; text (a level, a message) as it is. */
  const measureCell = (c: InspectedContext, v: number | string) =>
    typeof v === "number" ? (
      <TableCell title={String(v)}>
        {formatMeasure(v, c.measure, language)}
      </TableCell>
    ) : (
      <TableCell>{v === "" ? t.inspect.switchedOff : v}</TableCell>
    );
  const found = inspection
    ? inspection.metrics.length +
      inspection.context.length +
      inspection.kpis.length
    : 0;

  return (
    <ViewColumn intro={t.inspect.intro}>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <MainButton ref={main} onClick={inspect} busy={busy}>
          {t.inspect.run}
        </MainButton>
        <Button onClick={writeFormulas} disabledFocusable={busy}>
          {t.inspect.writeFormulas}
        </Button>
      </div>
      <Live kind="status">
        {busy && <Busy label={running} />}
        {written?.intent === "success" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{written.text}</MessageBarBody>
          </MessageBar>
        )}
        {inspection && inspection.metrics.length > 0 && (
          <p style={{ fontWeight: 600, margin: 0 }}>
            {t.inspect.phaseReached(inspection.phase)}
          </p>
        )}
      </Live>
      <Live kind="alert">
        <Failure error={error} t={t} />
        {written?.intent === "warning" && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{written.text}</MessageBarBody>
          </MessageBar>
        )}
        {inspection && found === 0 && (
          <MessageBar intent="info">
            <MessageBarBody>{t.inspect.empty}</MessageBarBody>
          </MessageBar>
        )}
      </Live>
      {inspection && inspection.metrics.length > 0 && (
        <div data-testid="inspect-result">
          <p style={{ margin: "0 0 8px" }}>
            {inspection.workbookTargets
              ? t.inspect.workbookTargets
              : t.inspect.builtInTargets}
          </p>
          <DataTable
            label={t.tabs.inspect}
            headers={(["metric", "value", "phase", "gap"] as const).map(
              (c) => t.inspect.columns[c],
            )}
          >
            {inspection.metrics.map((m, i) => (
              <TableRow key={i}>
                <TableCell>{name(m.id)}</TableCell>
                {cell(m.value, m.id)}
                <TableCell>{m.phase}</TableCell>
                {cell(m.gap, m.id, ` (P${m.nextPhase})`)}
              </TableRow>
            ))}
          </DataTable>
        </div>
      )}
      {inspection && inspection.kpis.length > 0 && (
        <KpiTable kpis={inspection.kpis} t={t} language={language} />
      )}
      {inspection && inspection.context.length > 0 && (
        <div data-testid="inspect-context">
          <p style={{ margin: "0 0 8px" }}>{t.inspect.contextIntro}</p>
          <DataTable
            label={t.inspect.contextIntro}
            headers={(["measure", "value", "level", "gap"] as const).map(
              (c) => t.inspect.contextColumns[c],
            )}
          >
            {inspection.context.map((c, i) => (
              <TableRow key={i}>
                <TableCell>{c.measure.name[language]}</TableCell>
                {measureCell(c, c.value)}
                {c.judged ? (
                  <>
                    <TableCell>
                      {c.judged.level === ""
                        ? t.inspect.switchedOff
                        : c.judged.level}
                    </TableCell>
                    {measureCell(c, c.judged.gap)}
                  </>
                ) : (
                  <TableCell colSpan={2}>{t.inspect.noConvention}</TableCell>
                )}
              </TableRow>
            ))}
          </DataTable>
        </div>
      )}
    </ViewColumn>
  );
}

/** The department KPIs of a selection on the Departments or Channels sheet (product.md 13), each with a formula to copy. */
function KpiTable({
  kpis,
  t,
  language,
}: {
  kpis: readonly InspectedKpi[];
  t: Strings;
  language: Language;
}) {
  const words = t.inspect.kpis;
  const shown = (id: string, v: number | string | undefined) =>
    typeof v === "number" ? formatKpi(v, id, language) : (v ?? "");
  /** A value SCALE.RISK rejects: its error as the cell shows it, why in the pane's language. */
  const rejected = (k: InspectedKpi) =>
    k.value !== undefined &&
    typeof k.gap !== "number" &&
    k.level.startsWith("#") &&
    k.targetCell !== "text"
      ? `${k.level} ${kpiProblem(k.id, k.value, language) ?? words.cannotJudge}`
      : undefined;
  return (
    <div data-testid="inspect-kpis">
      <p style={{ margin: "0 0 8px" }}>{words.intro}</p>
      <DataTable
        label={words.intro}
        headers={(["kpi", "value", "level", "gap"] as const).map(
          (c) => words.columns[c],
        )}
      >
        {kpis.map((k) => (
          <TableRow key={`${k.id}@${k.address}`}>
            <TableCell>
              <div style={{ display: "flex", flexDirection: "column", gap: 2 }}>
                <span>{kpiLine(k.id, language)}</span>
                <span style={{ fontSize: 12 }}>
                  {k.id} · {words.target(shown(k.id, k.target))} · {k.address}
                </span>
                {k.targetCell && (
                  <span style={{ fontSize: 12 }}>
                    {words.targetCell[k.targetCell]}
                  </span>
                )}
                {k.formula && (
                  // Selected whole by one click (user-select: all), to copy; wrapped, never cut off.
                  <code
                    aria-label={`${words.formula}: ${k.id}`}
                    style={{
                      fontSize: 12,
                      userSelect: "all",
                      wordBreak: "break-all",
                    }}
                  >
                    {k.formula}
                  </code>
                )}
              </div>
            </TableCell>
            {k.value === undefined ? (
              <TableCell colSpan={3}>{words.noValue}</TableCell>
            ) : (
              <>
                <TableCell title={String(k.value)}>
                  {shown(k.id, k.value)}
                </TableCell>
                {rejected(k) !== undefined ? (
                  <TableCell colSpan={2}>{rejected(k)}</TableCell>
                ) : (
                  <>
                    <TableCell>{k.level}</TableCell>
                    <TableCell title={String(k.gap)}>
                      {typeof k.gap === "number"
                        ? formatKpiGap(k.gap, k.id, language)
                        : k.gap}
                    </TableCell>
                  </>
                )}
              </>
            )}
          </TableRow>
        ))}
      </DataTable>
    </div>
  );
}
