import {
  Component,
  ReactNode,
  Suspense,
  lazy,
  useEffect,
  useRef,
  useState,
} from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Language } from "../core/catalog";
import type { RefreshResult } from "../excel";
import type { Host } from "./host";
import { STRINGS } from "./strings";
import { useDarkTheme } from "./theme";
import { InsertView } from "./views/InsertView";

const RefreshView = lazy(
  () => import(/* webpackChunkName: "refresh" */ "./views/RefreshView"),
);
const ImportView = lazy(
  () => import(/* webpackChunkName: "import" */ "./views/ImportView"),
);
const InspectView = lazy(
  () => import(/* webpackChunkName: "inspect" */ "./views/InspectView"),
);
const FunctionsView = lazy(
  () => import(/* webpackChunkName: "functions-ref" */ "./views/FunctionsView"),
);

const TABS = ["insert", "refresh", "import", "inspect", "functions"] as const;
type TabId = (typeof TABS)[number];

/** A view that fails to load or render (its chunk unreachable, say) says so instead of blanking the pane. */
class ViewBoundary extends Component<
  { message: string; children: ReactNode },
  { error?: Error }
> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" title={this.state.error.message}>
        <MessageBarBody>{this.props.message}</MessageBarBody>
      </MessageBar>
    );
  }
}

export interface AppProps {
  host: Host;
  initialLanguage: Language;
  /** Excel's display language: the one function names are written in (the pane's language can be switched). */
  formulaLanguage?: Language;
}

export function App({
  host,
  initialLanguage,
  formulaLanguage = initialLanguage,
}: AppProps) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [tab, setTab] = useState<TabId>("insert");
  // A view stays mounted once opened: an insert running, a result shown, survive a look at another tab.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(
    () => new Set(["insert"]),
  );
  const [lastRefresh, setLastRefresh] = useState<RefreshResult>();
  const [stale, setStale] = useState(false);
  const [tracking, setTracking] = useState(true);
  /** The sheets the last refresh read; before any refresh, every edit may matter. */
  const templateSheets = useRef<ReadonlySet<string>>();
  const dark = useDarkTheme();
  const t = STRINGS[language];

  useEffect(() => {
    let stop: (() => void) | undefined;
    let mounted = true;
    host
      .onChanged((worksheetId) => {
        const sheets = templateSheets.current;
        if (
          worksheetId === undefined ||
          sheets === undefined ||
          sheets.has(worksheetId)
        )
          setStale(true);
      })
      .then(
        (s) => (mounted ? (stop = s) : s()),
        () => setTracking(false),
      );
    return () => {
      mounted = false;
      stop?.();
    };
  }, [host]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const refreshed = (result: RefreshResult) => {
    templateSheets.current = new Set(result.inputSheetIds);
    setLastRefresh(result);
    setStale(false);
  };

  const select = (id: TabId) => {
    setTab(id);
    setOpened((o) => (o.has(id) ? o : new Set(o).add(id)));
  };

  const view = (id: TabId) => {
    switch (id) {
      case "insert":
        return <InsertView host={host} t={t} language={language} />;
      case "refresh":
        return (
          <RefreshView
            host={host}
            t={t}
            language={language}
            last={lastRefresh}
            stale={stale}
            tracking={tracking}
            onRefreshed={refreshed}
          />
        );
      case "inspect":
        return (
          <InspectView
            host={host}
            t={t}
            language={language}
            formulaLanguage={formulaLanguage}
          />
        );
      case "import":
        return <ImportView host={host} t={t} language={language} />;
      case "functions":
        return (
          <FunctionsView
            host={host}
            t={t}
            language={language}
            formulaLanguage={formulaLanguage}
          />
        );
    }
  };

  return (
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      lang={language}
      style={{ minHeight: "100vh" }}
    >
      <main
        style={{
          padding: 12,
          display: "flex",
          flexDirection: "column",
          gap: 12,
        }}
      >
        <header
          style={{
            display: "flex",
            justifyContent: "space-between",
            alignItems: "center",
          }}
        >
          <h1 style={{ fontSize: 18, margin: 0 }}>{t.title}</h1>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => setLanguage(language === "en" ? "es" : "en")}
            lang={language === "en" ? "es" : "en"}
          >
            {t.languageSwitch}
          </Button>
        </header>
        <TabList
          selectedValue={tab}
          onTabSelect={(_, d) => select(d.value as TabId)}
          size="small"
          style={{ flexWrap: "wrap" }}
        >
          {TABS.map((id) => (
            <Tab
              key={id}
              value={id}
              id={`tab-${id}`}
              aria-controls={`panel-${id}`}
              style={{ paddingInline: 6 }}
            >
              {t.tabs[id]}
            </Tab>
          ))}
        </TabList>
        {TABS.map((id) => (
          <section
            key={id}
            role="tabpanel"
            id={`panel-${id}`}
            aria-labelledby={`tab-${id}`}
            hidden={tab !== id}
          >
            {opened.has(id) && (
              <ViewBoundary message={t.viewFailed}>
                <Suspense fallback={<Spinner size="tiny" />}>
                  {view(id)}
                </Suspense>
              </ViewBoundary>
            )}
          </section>
        ))}
      </main>
    </FluentProvider>
  );
}
