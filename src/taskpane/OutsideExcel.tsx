import {
  FluentProvider,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Language } from "../core/catalog";
import { STRINGS } from "./strings";
import { useDarkTheme } from "./theme";

export function OutsideExcel({ language }: { language: Language }) {
  const t = STRINGS[language].outsideExcel;
  // No Office here: the system's colour scheme, followed as it changes.
  const dark = useDarkTheme();
  return (
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      style={{ minHeight: "100vh" }}
    >
      <main style={{ padding: 16 }} data-testid="outside-excel">
        <h1 style={{ fontSize: 20 }}>{t.title}</h1>
        <p>{t.body}</p>
      </main>
    </FluentProvider>
  );
}
