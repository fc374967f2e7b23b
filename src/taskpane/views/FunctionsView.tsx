import { Ref, useRef, useState } from "react";
import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
} from "@fluentui/react-components";
import { Failure } from "../Failure";
import type { ViewProps } from "./parts";
import { Live } from "../feedback";
import { Busy, useAttempt } from "../run";
import { FormulaArg, formulaText, parameterList } from "../formula-text";
import { KPI_FUNCTIONS, kpiArguments, kpiGroups } from "../kpi-formulas";
import type { Language } from "../../core/catalog";
import { SPANISH, SpanishTable, functionName } from "../../functions/spanish";

/** One example per function; docs/functions.md has them all. */
export const EXAMPLES: readonly {
  id: keyof SpanishTable;
  params: readonly string[];
  args: readonly FormulaArg[];
  help: { en: string; es: string };
}[] = [
  {
    id: "PHASE",
    params: ["metrics", "[values]", "[min_share]", "[thresholds]"],
    args: ["mrr", 600000],
    help: {
      en: "Phase reached (0-4) by the metrics given.",
      es: "Fase alcanzada (0-4) por las métricas dadas.",
    },
  },
  {
    id: "GAP",
    params: ["metric", "value", "phase", "[as_fraction]", "[thresholds]"],
    args: ["cac", 120, 1],
    help: {
      en: "Gap to a phase's target: positive is still to go.",
      es: "Brecha al objetivo de una fase: positiva es lo que falta.",
    },
  },
  {
    id: "RISK",
    params: ["indicator", "values", "[phase]", "[thresholds]"],
    args: ["churn", 0.06],
    help: {
      en: "OK, WATCH or RISK against the threshold.",
      es: "OK, WATCH o RISK frente al umbral.",
    },
  },
  {
    id: "TARGET",
    params: ["metric", "phase", "[thresholds]"],
    args: ["gross_margin", 2],
    help: {
      en: "The target of a metric for a phase.",
      es: "El objetivo de una métrica para una fase.",
    },
  },
  {
    id: "METRICS",
    params: ["[language]"],
    args: ["en"],
    help: {
      en: "The catalogue of metrics and targets, spilled.",
      es: "El catálogo de métricas y objetivos.",
    },
  },
  {
    id: "ETA",
    params: ["metric", "values", "phase", "[thresholds]"],
    args: ["customers", { row: [100, 200, 400, 800] }, 2],
    help: {
      en: "Months to a phase's target at the last three months' growth.",
      es: "Meses hasta el objetivo de una fase al crecimiento de los últimos tres meses.",
    },
  },
  {
    id: "SCORE",
    params: ["metrics", "[values]", "phase", "[thresholds]"],
    args: [{ column: ["mrr", "churn"] }, { column: [600000, 0.06] }, 1],
    help: {
      en: "Share of the metrics meeting a phase.",
      es: "Proporción de las métricas que cumplen una fase.",
    },
  },
];

/** "metric, [phase]" as Excel shows it in `language`: Spanish Excel shows "metrica; [fase]". */
function parameterNames(
  id: keyof SpanishTable,
  params: readonly string[],
  language: Language,
): string {
  const spanish: Readonly<Record<string, { name: string }>> =
    SPANISH[id].parameters;
  const names =
    language === "en"
      ? params
      : params.map((p) => p.replace(/[a-z_]+/g, (n) => spanish[n]?.name ?? n));
  return parameterList(names, language);
}

/**
 * `formulaLanguage` is Excel's display language, not the pane's: Excel knows custom functions by
 * their names in its own language, and a name in another one written by code shows #NAME?
 * (OfficeDev/office-js#891). The examples are shown in that Excel's syntax (`;` and decimal
 * commas in Spanish Excel, as its user types them) and written in Range.formulas' English syntax.
 */
export default function FunctionsView({
  host,
  t,
  language,
  formulaLanguage,
}: ViewProps & { formulaLanguage: Language }) {
  const first = useRef<HTMLButtonElement>(null);
  const [done, setDone] = useState<string>();
  /** The department KPI the KPI card writes formulas for. */
  const [kpi, setKpi] = useState("sales.win_rate");
  /** The active cell had something in it, so nothing was written. */
  const [occupied, setOccupied] = useState(false);
  const { busy, running, error, attempt } = useAttempt(first, () => {
    setDone(undefined);
    setOccupied(false);
  });

  /** Writes `formula` (Range.formulas' syntax); `shown` is how the user's Excel shows it. */
  const write = (formula: string, shown: string) =>
    attempt(t.functions.writing, async () => {
      if (await host.writeFormula(formula)) setDone(shown);
      else setOccupied(true);
    });

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <p style={{ margin: 0 }}>{t.functions.intro}</p>
      <Live kind="status">
        {busy && <Busy label={running} />}
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{t.functions.inserted(done)}</MessageBarBody>
          </MessageBar>
        )}
      </Live>
      <Live kind="alert">
        <Failure error={error} t={t} />
        {occupied && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.functions.notEmpty}</MessageBarBody>
          </MessageBar>
        )}
      </Live>
      {EXAMPLES.map((f, i) => {
        const name = functionName(f.id, formulaLanguage);
        return (
          <Card key={f.id} size="small">
            <code
              style={{ fontWeight: 600, overflowWrap: "anywhere" }}
            >{`${name}(${parameterNames(f.id, f.params, formulaLanguage)})`}</code>
            <span>{f.help[language]}</span>
            {insertRow(name, f.args, i === 0 ? first : undefined)}
          </Card>
        );
      })}
      <Card size="small">
        <strong>{t.functions.kpis.heading}</strong>
        <span>{t.functions.kpis.help}</span>
        <Field label={t.functions.kpis.label}>
          <Select value={kpi} onChange={(_, d) => setKpi(d.value)}>
            {kpiGroups(language).map((g) => (
              <optgroup key={g.name} label={g.name}>
                {g.kpis.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        {KPI_FUNCTIONS.map((fn) => (
          <div key={fn}>
            {insertRow(
              functionName(fn, formulaLanguage),
              kpiArguments(fn, kpi),
            )}
          </div>
        ))}
      </Card>
    </div>
  );

  /** A formula as the user's Excel shows it, and the button that writes it into the active cell. */
  function insertRow(
    name: string,
    args: readonly FormulaArg[],
    ref?: Ref<HTMLButtonElement>,
  ) {
    const example = formulaText(name, args, formulaLanguage);
    return (
      <div
        style={{
          display: "flex",
          flexWrap: "wrap",
          justifyContent: "space-between",
          alignItems: "center",
          gap: 8,
        }}
      >
        <code style={{ overflowWrap: "anywhere" }}>{example}</code>
        <Button
          size="small"
          ref={ref}
          onClick={() => write(formulaText(name, args, "en"), example)}
          disabledFocusable={busy}
          aria-label={`${t.functions.insert}: ${example}`}
        >
          {t.functions.insert}
        </Button>
      </div>
    );
  }
}
