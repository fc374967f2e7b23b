import {
  Component,
  ReactNode,
  Suspense,
  lazy,
  useEffect,
  useMemo,
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
import { onSheet } from "../core/address";
import type { Language } from "../core/catalog";
import { SHEET_NAMES } from "../core/template/sheet-names";
import type { InsertResult, RebuildOutcome, RefreshResult } from "../officejs";
import { Live } from "./feedback";
import { Start } from "./Guide";
import type { Done, Go } from "./Next";
import type { Host, TrackerFound, TrackerState } from "../officejs";
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
/** The next step, once one is done: after the first screen. */
const Next = lazy(() => import(/* webpackChunkName: "next" */ "./Next"));
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

/**
 * The first control of a tab's view (not the first-run text's), once it has loaded (views load
 * lazily) and its panel is shown (a hidden panel's control, of a view opened before, takes no focus).
 */
function focusFirstControl(tab: TabId, frames = 120): void {
  const control = document.querySelector<HTMLElement>(
    `#panel-${tab} :is(input, select, button):not([data-testid=start] *)`,
  );
  control?.focus();
  if (control && document.activeElement === control) return;
  if (frames > 0)
    requestAnimationFrame(() => focusFirstControl(tab, frames - 1));
}

/**
 * What the pane knows of the tracker after an insert, without reading the workbook again;
 * undefined where the workbook names may point to an earlier copy (names kept, a sheet renamed).
 */
function insertedTracker(result: InsertResult): TrackerFound | undefined {
  const tracking = result.sheets.find((s) => s.key === "tracking");
  if (!tracking || tracking.renamed || result.skippedNames.length > 0)
    return undefined;
  return {
    tracking: tracking.name,
    dashboard: result.dashboardSheet,
    trackingSheets: [tracking.name],
    hasNumbers: false,
  };
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
  const [tracker, setTracker] = useState<TrackerState>("looking");
  const [done, setDone] = useState<Done>();
  /** The user has clicked or typed: the pane no longer moves them to another tab by itself. */
  const touched = useRef(false);
  /** An insert has started: a look for the tracker begun before it is out of date. */
  const inserting = useRef(false);
  /** The sheets the last refresh read; before any refresh, every edit may matter. */
  const templateSheets = useRef<ReadonlySet<string>>();
  const dark = useDarkTheme();
  const t = STRINGS[language];

  const select = (id: TabId) => {
    setTab(id);
    setOpened((o) => (o.has(id) ? o : new Set(o).add(id)));
  };

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

  // A tracker already here: open where the user is (product.md 11), unless they have started.
  useEffect(() => {
    let mounted = true;
    host.findTracker().then(
      (found) => {
        if (!mounted || inserting.current) return;
        setTracker(found ?? "none");
        if (found && !touched.current)
          select(found.hasNumbers ? "refresh" : "import");
      },
      () => mounted && !inserting.current && setTracker("none"),
    );
    return () => {
      mounted = false;
    };
  }, [host]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  /** Reads the workbook's tracker again, after an insert whose names may point elsewhere or that left part of one. */
  const lookAgain = () => {
    setTracker("looking");
    host.findTracker().then(
      (found) => setTracker(found ?? "none"),
      () => setTracker("none"),
    );
  };

  /** The host as the views see it: an insert, a rebuild or an import done moves the user's path on. */
  const guided = useMemo<Host>(
    () => ({
      ...host,
      insert: async (options) => {
        inserting.current = true;
        setDone(undefined);
        let result: InsertResult;
        try {
          result = await host.insert(options);
        } catch (e) {
          // Stopped part-way, it may have left a tracker's sheets and names.
          lookAgain();
          throw e;
        }
        const known = insertedTracker(result);
        if (known) setTracker(known);
        else lookAgain();
        setDone({ tab: "insert" });
        return result;
      },
      rebuild: async (options, confirmed) => {
        setDone(undefined);
        let outcome: RebuildOutcome;
        try {
          outcome = await host.rebuild(options, confirmed);
        } catch (e) {
          // Stopped part-way (RebuildStoppedError), the tracker may be on other sheets now.
          lookAgain();
          throw e;
        }
        if (outcome.kind === "done") {
          // The last refresh listed the old sheets' cells, and edits are told by sheet id: both are gone.
          templateSheets.current = undefined;
          setLastRefresh(undefined);
          setDone({ tab: "insert", rebuilt: outcome.result.carried.values });
        }
        return outcome;
      },
      removeInsertLeft: async (left) => {
        const removed = await host.removeInsertLeft(left);
        lookAgain();
        return removed;
      },
      writeImport: async (plan, replaceTyped) => {
        setDone((d) => (d?.tab === "import" ? undefined : d));
        const written = await host.writeImport(plan, replaceTyped);
        setDone({ tab: "import" });
        return written;
      },
    }),
    [host],
  );

  const refreshed = (result: RefreshResult | undefined) => {
    setLastRefresh(result);
    if (!result) {
      setDone((d) => (d?.tab === "refresh" ? undefined : d));
      return;
    }
    templateSheets.current = new Set(result.inputSheetIds);
    setStale(false);
    setDone({ tab: "refresh", result });
  };

  const found = typeof tracker === "object" ? tracker : undefined;
  const dashboard = found?.dashboard;

  const go = (to: Go) => {
    if (to !== "dashboard") {
      select(to);
      focusFirstControl(to);
    } else if (dashboard)
      void host.select(onSheet(dashboard, "A1")).catch(() => {
        // The sheet was renamed or deleted since: the sentence still says where to look.
      });
  };

  const next = (id: TabId) =>
    done?.tab === id && (
      <Suspense fallback={null}>
        <Next
          done={done}
          t={t}
          dashboard={dashboard ?? SHEET_NAMES[language].dashboard}
          known={dashboard !== undefined}
          go={go}
        />
      </Suspense>
    );

  /** What every view receives: the host as the path sees it, the pane's sentences and language. */
  const common = { host: guided, t, language };
  const view = (id: TabId) => {
    switch (id) {
      case "insert":
        return <InsertView {...common} tracker={tracker} />;
      case "refresh":
        return (
          <RefreshView
            {...common}
            last={lastRefresh}
            stale={stale}
            tracking={tracking}
            onRefreshed={refreshed}
          />
        );
      case "inspect":
        return <InspectView {...common} formulaLanguage={formulaLanguage} />;
      case "import":
        return <ImportView {...common} />;
      case "functions":
        return <FunctionsView {...common} formulaLanguage={formulaLanguage} />;
    }
  };

  return (
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      lang={language}
      style={{ minHeight: "100vh" }}
    >
      <main
        data-tracker={typeof tracker === "string" ? tracker : "found"}
        onPointerDownCapture={() => (touched.current = true)}
        onKeyDownCapture={() => (touched.current = true)}
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
        {found && found.trackingSheets.length > 1 && (
          <MessageBar
            intent="info"
            layout="multiline"
            data-testid="tracker-copies"
          >
            <MessageBarBody>
              {t.tracker.copies(found.tracking, found.trackingSheets)}
            </MessageBarBody>
          </MessageBar>
        )}
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
            style={{
              display: tab === id ? "flex" : undefined,
              flexDirection: "column",
              gap: 10,
            }}
          >
            {id === "insert" && !found && !done && (
              <Start
                t={t}
                language={language}
                onStart={() => focusFirstControl("insert")}
              />
            )}
            {opened.has(id) && (
              <ViewBoundary message={t.viewFailed}>
                <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
                  {view(id)}
                </Suspense>
              </ViewBoundary>
            )}
            {opened.has(id) && id !== "inspect" && id !== "functions" && (
              <Live kind="status" testId={`next-${id}`}>
                {next(id)}
              </Live>
            )}
          </section>
        ))}
      </main>
    </FluentProvider>
  );
}
