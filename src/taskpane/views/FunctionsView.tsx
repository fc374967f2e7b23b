import { useState } from "react";
import { Button, Card, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { Failure } from "../Failure";
import type { Host } from "../host";
import type { Strings } from "../strings";
import type { Language } from "../../core/catalog";

/** One example per function; the README's reference has them all. */
export const EXAMPLES: readonly { signature: string; example: string; help: { en: string; es: string } }[] = [
  {
    signature: "SCALE.PHASE(metrics, [values], [min_share], [thresholds])",
    example: '=SCALE.PHASE("mrr", 600000)',
    help: { en: "Phase reached (0-4) by the metrics given.", es: "Fase alcanzada (0-4) por las métricas dadas." },
  },
  {
    signature: "SCALE.GAP(metric, value, phase, [as_fraction], [thresholds])",
    example: '=SCALE.GAP("cac", 120, 1)',
    help: { en: "Gap to a phase's target: positive is still to go.", es: "Brecha al objetivo de una fase: positiva es lo que falta." },
  },
  {
    signature: "SCALE.RISK(indicator, values, [phase], [thresholds])",
    example: '=SCALE.RISK("cash_burn.cash_runway", 17)',
    help: { en: "OK, WATCH or RISK against the threshold.", es: "OK, WATCH o RISK frente al umbral." },
  },
  {
    signature: "SCALE.TARGET(metric, phase, [thresholds])",
    example: '=SCALE.TARGET("gross_margin", 2)',
    help: { en: "The target of a metric for a phase.", es: "El objetivo de una métrica para una fase." },
  },
  {
    signature: "SCALE.METRICS([language])",
    example: '=SCALE.METRICS("en")',
    help: { en: "The catalogue of metrics and targets, spilled.", es: "El catálogo de métricas y objetivos." },
  },
];

export default function FunctionsView({ host, t, language }: { host: Host; t: Strings; language: Language }) {
  const [done, setDone] = useState<string>();
  /** The active cell had something in it, so nothing was written. */
  const [occupied, setOccupied] = useState(false);
  const [error, setError] = useState<unknown>();

  const write = async (formula: string) => {
    setError(undefined);
    setDone(undefined);
    setOccupied(false);
    try {
      if (await host.writeFormula(formula)) setDone(formula);
      else setOccupied(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <p style={{ margin: 0 }}>{t.functions.intro}</p>
      {error !== undefined && <Failure error={error} t={t} />}
      {occupied && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{t.functions.notEmpty}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t.functions.inserted(done)}</MessageBarBody>
        </MessageBar>
      )}
      {EXAMPLES.map((f) => (
        <Card key={f.signature} size="small">
          <code style={{ fontWeight: 600, overflowWrap: "anywhere" }}>{f.signature}</code>
          <span>{f.help[language]}</span>
          <div style={{ display: "flex", flexWrap: "wrap", justifyContent: "space-between", alignItems: "center", gap: 8 }}>
            <code style={{ overflowWrap: "anywhere" }}>{f.example}</code>
            <Button size="small" onClick={() => write(f.example)} aria-label={`${t.functions.insert}: ${f.example}`}>
              {t.functions.insert}
            </Button>
          </div>
        </Card>
      ))}
    </div>
  );
}
