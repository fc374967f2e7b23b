/**
 * The first run (product.md 11): what the add-in does and the three steps, with a call to action
 * and the help page. After each step, the next one: Next.tsx.
 */
import { Button, tokens } from "@fluentui/react-components";
import type { Language } from "../core/catalog";
import { PHASES } from "../core/phases";
import type { Strings } from "./strings";

/** The help page in the pane's language, next to taskpane.html (webpack copies src/help/*.html there). */
const HELP_URL: Readonly<Record<Language, string>> = {
  en: "help.html",
  es: "help.es.html",
};

export function Start({
  t,
  language,
  onStart,
}: {
  t: Strings;
  language: Language;
  onStart: () => void;
}) {
  return (
    <section
      aria-labelledby="start-heading"
      data-testid="start"
      style={{
        display: "flex",
        flexDirection: "column",
        gap: 8,
        paddingBottom: 12,
        borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      }}
    >
      <h2 id="start-heading" style={{ fontSize: 15, margin: 0 }}>
        {t.start.heading}
      </h2>
      <p style={{ margin: 0 }}>
        {t.start.about(PHASES.map((p) => p.name[language]))}
      </p>
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {t.start.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <div
        style={{
          display: "flex",
          flexWrap: "wrap",
          alignItems: "center",
          gap: 12,
        }}
      >
        <Button appearance="primary" onClick={onStart}>
          {t.start.action}
        </Button>
        {/* A plain link in Fluent's link colour: Fluent's Link would weigh on the first screen. */}
        <a
          href={HELP_URL[language]}
          target="_blank"
          rel="noreferrer"
          style={{ color: tokens.colorBrandForegroundLink }}
        >
          {t.start.help}
        </a>
      </div>
    </section>
  );
}
