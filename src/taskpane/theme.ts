/** Light or dark: Office's theme when it has one, else the system's; both followed as they change. */
/* global window */
import { useEffect, useState } from "react";

const SYSTEM_DARK = "(prefers-color-scheme: dark)";

/** Office's theme background, where the host gives one. */
function officeBackground(): string | undefined {
  return typeof Office !== "undefined"
    ? Office.context?.officeTheme?.bodyBackgroundColor
    : undefined;
}

/** Dark if Office's background is dark; without an Office theme, the system's preference. */
export function prefersDark(background = officeBackground()): boolean {
  if (background && /^#[0-9a-f]{6}$/i.test(background)) {
    const [r, g, b] = [1, 3, 5].map((i) =>
      parseInt(background.slice(i, i + 2), 16),
    );
    return 0.299 * r + 0.587 * g + 0.114 * b < 128;
  }
  return window.matchMedia?.(SYSTEM_DARK).matches ?? false;
}

/**
 * Whether the pane is dark now. Follows Office's OfficeThemeChanged where the host supports it
 * (only some do; failures are ignored) and the system's colour scheme when Office gives no theme.
 */
export function useDarkTheme(): boolean {
  const [dark, setDark] = useState(() => prefersDark());
  useEffect(() => {
    /** The background the last OfficeThemeChanged gave, newer than Office.context's if that lags. */
    let background: string | undefined;
    const update = () => setDark(prefersDark(background ?? officeBackground()));
    const system = window.matchMedia?.(SYSTEM_DARK);
    system?.addEventListener?.("change", update);

    const office = typeof Office !== "undefined" ? Office : undefined;
    const themeChanged = office?.EventType?.OfficeThemeChanged;
    const officeDocument = office?.context?.document;
    // Office.OfficeThemeChangedEventArgs, typed loosely as removeHandlerAsync's handler.
    const onTheme = (args?: unknown) => {
      const theme = (args as { officeTheme?: Office.OfficeTheme } | undefined)
        ?.officeTheme;
      background = theme?.bodyBackgroundColor ?? background;
      update();
    };
    const subscribed =
      themeChanged !== undefined &&
      typeof officeDocument?.addHandlerAsync === "function";
    try {
      if (subscribed) officeDocument.addHandlerAsync(themeChanged, onTheme);
    } catch {
      // Not supported in this host: the theme read at start stays.
    }
    return () => {
      system?.removeEventListener?.("change", update);
      try {
        if (subscribed)
          officeDocument.removeHandlerAsync(themeChanged, { handler: onTheme });
      } catch {
        // Nothing was registered.
      }
    };
  }, []);
  return dark;
}
