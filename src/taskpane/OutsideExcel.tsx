import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Language } from "../core/catalog";
import { STRINGS } from "./strings";

export function OutsideExcel({ language }: { language: Language }) {
  const t = STRINGS[language].outsideExcel;
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }} data-testid="outside-excel">
        <h1 style={{ fontSize: 20 }}>{t.title}</h1>
        <p>{t.body}</p>
      </main>
    </FluentProvider>
  );
}
