import { useEffect, useRef, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
} from "@fluentui/react-components";
import { Language } from "../../core/catalog";
import { onSheet } from "../../core/address";
import { SHEET_NAMES } from "../../core/template/sheet-names";
import { MONTHS, defaultFirstMonth, monthLabel } from "../../core/months";
import { INSERT_DEFAULTS } from "../../core/template/option-defaults";
import type { CheckedOptions } from "../../core/template/options";
import type { Dropped } from "../../core/rebuild";
import type { MonthsApart } from "../../core/tracker-data";
import type {
  InsertLeft,
  InsertOptions,
  InsertResult,
  RebuildResult,
  TrackerRead,
} from "../../officejs";
import {
  InsertIncompleteError,
  RebuildStoppedError,
} from "../../officejs/errors";
import { Failure } from "../Failure";
import type { ViewProps } from "./parts";
import { Live } from "../feedback";
import { Busy, useAttempt } from "../run";
import type { TrackerState } from "../../officejs";
import type { Strings } from "../strings";

/** The name a template sheet has when it is free ("Thresholds"), in the workbook's language. */
function defaultName(key: string, language: Language): string {
  const names: Readonly<Record<string, string>> = SHEET_NAMES[language];
  return names[key] ?? key;
}

/** The core's check of the insert options (the command line's too), with its sentences: not on the first screen. */
type OptionRules = typeof import("../../core/template/options");
const optionRules = (): Promise<OptionRules> =>
  import(/* webpackChunkName: "options" */ "../../core/template/options");

/** The core's sentences about a rebuild, loaded with the workbook writer (not on the first screen). */
type RebuildTexts = typeof import("../../core/rebuild");
const rebuildTexts = (): Promise<RebuildTexts> =>
  import(/* webpackChunkName: "excel" */ "../../core/rebuild");

interface Props extends ViewProps {
  /** The pane's look for a tracker in the workbook (App's). */
  tracker: TrackerState;
}

export function InsertView({ host, t, language, tracker: found }: Props) {
  const main = useRef<HTMLButtonElement>(null);
  const [workbookLanguage, setWorkbookLanguage] = useState<Language>(language);
  const [company, setCompany] = useState("");
  const [currency, setCurrency] = useState<string>(INSERT_DEFAULTS.currency);
  // A timeline that holds last year's history: this month is month 13 (product.md 11).
  const [firstMonth, setFirstMonth] = useState(() => defaultFirstMonth());
  const [months, setMonths] = useState(String(INSERT_DEFAULTS.months));
  /** The tracker in the workbook: Insert becomes Rebuild. Undefined until looked for, null when there is none. */
  const [tracker, setTracker] = useState<TrackerRead | null>();
  /** This view made the tracker it knows (an insert or a rebuild): the pane's news of it needs no read. */
  const madeHere = useRef(false);
  const [result, setResult] = useState<InsertResult & { language: Language }>();
  const [rebuilt, setRebuilt] = useState<RebuildResult>();
  /** Values the new timeline cannot hold, for the user to confirm, with the options they were listed for. */
  const [outside, setOutside] = useState<{
    dropped: readonly Dropped[];
    options: InsertOptions;
  }>();
  /** Tracking's months and the sheets that no longer follow them: the rebuild refused, nothing written. */
  const [apart, setApart] = useState<MonthsApart>();
  const [texts, setTexts] = useState<RebuildTexts>();
  const [tried, setTried] = useState(false);
  const [rules, setRules] = useState<OptionRules>();
  const [removed, setRemoved] = useState<InsertLeft>();
  /** A new run clears what the last one said. */
  const { busy, running, error, setError, attempt } = useAttempt(main, () => {
    setResult(undefined);
    setRebuilt(undefined);
    setRemoved(undefined);
    setOutside(undefined);
    setApart(undefined);
  });

  useEffect(() => {
    performance.mark("scale-ready");
  }, []);

  // The pane looks for a tracker once (App); with one found, its options and what it holds are read here.
  useEffect(() => {
    if (found === "looking") return;
    if (found === "none") {
      madeHere.current = false;
      setTracker(null);
      return;
    }
    if (madeHere.current) return;
    let live = true;
    host.readTracker().then(
      (read) => {
        if (!live) return;
        setTracker(read ?? null);
        if (read) adopt(read);
      },
      // Not read: the view stays Insert, and the insert itself says what Excel refuses.
      () => live && setTracker(null),
    );
    return () => {
      live = false;
    };
  }, [found, host]);

  /** The tracker's own options, so that rebuilding as they are gives the current template version. */
  const adopt = (read: TrackerRead) => {
    setWorkbookLanguage(read.options.language);
    setCompany(read.options.company);
    setCurrency(read.options.currency);
    setFirstMonth(read.options.firstMonth);
    setMonths(String(read.options.months));
  };

  // The core's one check, for the pane and the command line: its sentences in the pane's language, naming the fields.
  const check = ({ validateInsertOptions }: OptionRules) =>
    validateInsertOptions(
      { company: company.trim() || undefined, currency, firstMonth, months },
      {
        names: {
          language: t.insert.language,
          company: t.insert.company,
          currency: t.insert.currency,
          firstMonth: t.insert.firstMonth,
          months: t.insert.months,
        },
        language,
        month: (m) => monthLabel(m, language),
      },
    );
  /** What the check says now, once it is loaded (the user tried to insert, or is filling the form). */
  const checked = rules && check(rules);
  const shown = (problem: string | undefined) => (tried ? problem : undefined);
  /** The check, loaded once: on the first focus in the form, or by the first insert. */
  const loadRules = async () => {
    const loaded = rules ?? (await optionRules());
    setRules(() => loaded);
    return loaded;
  };

  const options = (checked: CheckedOptions): InsertOptions => ({
    language: workbookLanguage,
    company:
      checked.options.company ?? INSERT_DEFAULTS.company[workbookLanguage],
    currency: checked.options.currency ?? INSERT_DEFAULTS.currency,
    firstMonth,
    months: checked.options.months,
  });

  /** Insert, or (a tracker in the workbook) rebuild; `confirmed`: the values the user agreed to leave out. */
  const start = async (confirmed?: typeof outside) => {
    setTried(true);
    if (busy) return;
    let chosen = confirmed?.options;
    if (!chosen) {
      const checked = check(await loadRules());
      if (Object.keys(checked.problems).length > 0) return;
      chosen = options(checked);
    }
    if (tracker)
      return attempt(t.insert.rebuilding, () =>
        rebuild(chosen, confirmed?.dropped),
      );
    return attempt(t.insert.running, async () => {
      madeHere.current = true;
      try {
        setResult({
          ...(await host.insert(chosen)),
          language: workbookLanguage,
        });
      } catch (e) {
        madeHere.current = false;
        throw e;
      }
      // The workbook has a tracker now: inserting again would make a second one.
      setTracker({
        options: chosen as Required<InsertOptions>,
        values: 0,
        typedOver: 0,
        budgetValues: 0,
        cells: 0,
        thresholds: 0,
        planEntries: 0,
      });
    });
  };

  const rebuild = async (
    chosen: InsertOptions,
    dropped?: readonly Dropped[],
  ) => {
    const outcome = await host.rebuild(chosen, dropped);
    setTexts(await rebuildTexts());
    if (outcome.kind === "confirm") {
      setOutside({ dropped: outcome.dropped, options: chosen });
      return;
    }
    if (outcome.kind === "monthsApart") {
      setApart(outcome.apart);
      return;
    }
    const { carried } = outcome.result;
    madeHere.current = true;
    setRebuilt(outcome.result);
    setTracker({
      options: chosen as Required<InsertOptions>,
      values: carried.values,
      typedOver: carried.typedOver,
      budgetValues: carried.budgetValues,
      cells: carried.cells,
      thresholds: carried.thresholds,
      planEntries: carried.planEntries,
    });
  };

  /** "Remove what the insert left": deletes exactly what the failed insert reported, nothing else. */
  const removeLeft = (left: InsertLeft) =>
    attempt(t.insert.removingLeft, async () =>
      setRemoved(await host.removeInsertLeft(left)),
    );

  const goToDashboard = (sheet: string) =>
    host.select(onSheet(sheet, "A1")).catch(setError);

  return (
    <form
      // The pane's own messages, in its language, not the browser's validation bubble in the browser's.
      noValidate
      style={{ display: "flex", flexDirection: "column", gap: 10 }}
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
      onFocus={() => void loadRules()}
      data-testid={tracker === undefined ? undefined : "ready"}
    >
      {tracker ? (
        <div data-testid="rebuild-intro">
          <p style={{ margin: 0 }}>
            {t.insert.rebuildIntro(
              tracker.options.months,
              monthLabel(tracker.options.firstMonth, language),
              tracker.values,
              tracker.budgetValues,
              tracker.cells,
              tracker.thresholds,
              tracker.planEntries,
            )}
          </p>
          <p style={{ margin: "6px 0 0" }}>{t.insert.rebuildHint}</p>
        </div>
      ) : (
        <p style={{ margin: 0 }}>{t.insert.intro}</p>
      )}
      <Field label={t.insert.language}>
        <Select
          value={workbookLanguage}
          onChange={(_, d) => setWorkbookLanguage(d.value as Language)}
        >
          <option value="en">English</option>
          <option value="es">Español</option>
        </Select>
      </Field>
      <Field
        label={t.insert.company}
        hint={t.insert.companyHint}
        validationMessage={shown(checked?.problems.company)}
      >
        <Input
          value={company}
          placeholder={INSERT_DEFAULTS.company[workbookLanguage]}
          onChange={(_, d) => setCompany(d.value)}
        />
      </Field>
      <Field
        label={t.insert.currency}
        hint={t.insert.currencyHint}
        validationMessage={shown(checked?.problems.currency)}
      >
        <Input
          value={currency}
          maxLength={3}
          onChange={(_, d) => setCurrency(d.value)}
        />
      </Field>
      <Field
        label={t.insert.firstMonth}
        validationMessage={shown(checked?.problems.firstMonth)}
      >
        <Input
          type="month"
          value={firstMonth}
          onChange={(_, d) => setFirstMonth(d.value)}
        />
      </Field>
      <Field
        label={t.insert.months}
        hint={t.insert.monthsHint}
        validationMessage={shown(checked?.problems.months)}
      >
        <Input
          inputMode="numeric"
          value={months}
          onChange={(_, d) => setMonths(d.value)}
        />
      </Field>
      <Button
        appearance="primary"
        type="submit"
        ref={main}
        disabledFocusable={busy}
      >
        {tracker ? t.insert.rebuild : t.insert.run}
      </Button>
      <Live kind="status">
        {busy && <Busy label={running} />}
        {rebuilt && texts && (
          <MessageBar intent="success" data-testid="rebuild-result">
            <MessageBarBody>
              <div>{t.insert.rebuilt}</div>
              <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
                {rebuilt.sheets.map((s) => (
                  <li key={s.key}>{s.name}</li>
                ))}
              </ul>
              {texts.carriedSentences(rebuilt.carried, language).map((line) => (
                <div key={line}>{line}</div>
              ))}
              {rebuilt.skippedNames.length > 0 && (
                <div>
                  {t.insert.skippedNames(rebuilt.skippedNames.join(", "))}
                </div>
              )}
              <Button
                type="button"
                size="small"
                onClick={() => void goToDashboard(rebuilt.dashboardSheet)}
              >
                {t.insert.goToDashboard}
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
        {removed && (
          <MessageBar intent="success" data-testid="insert-left-removed">
            <MessageBarBody>{t.insert.removedLeft(removed)}</MessageBarBody>
          </MessageBar>
        )}
        {result && (
          <MessageBar intent="success" data-testid="insert-result">
            <MessageBarBody>
              <div>{t.insert.created}</div>
              <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
                {result.sheets.map((s) => (
                  <li key={s.key}>
                    {s.renamed
                      ? t.insert.renamed(
                          s.name,
                          defaultName(s.key, result.language),
                        )
                      : s.name}
                  </li>
                ))}
              </ul>
              {result.skippedNames.length > 0 && (
                <div>
                  {t.insert.skippedNames(result.skippedNames.join(", "))}
                </div>
              )}
              <Button
                type="button"
                size="small"
                onClick={() => void goToDashboard(result.dashboardSheet)}
              >
                {t.insert.goToDashboard}
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
      </Live>
      <Live kind="alert">
        <Failure error={error} t={t}>
          {error instanceof InsertIncompleteError && (
            <LeftBehind
              left={error.left}
              t={t}
              busy={busy}
              remove={() => void removeLeft(error.left)}
            />
          )}
          {error instanceof RebuildStoppedError && (
            <div data-testid="rebuild-stopped">
              {t.insert.rebuildStopped(
                error.stage,
                error.oldSheets,
                error.temporary,
                error.moved,
              )}
            </div>
          )}
        </Failure>
        {apart && texts && (
          <MessageBar
            intent="warning"
            layout="multiline"
            data-testid="rebuild-months-apart"
          >
            <MessageBarBody>
              {`${texts.monthsApartRefusal(apart, language, false)}.`}
            </MessageBarBody>
          </MessageBar>
        )}
        {outside && texts && (
          <MessageBar
            intent="warning"
            layout="multiline"
            data-testid="rebuild-outside"
          >
            <MessageBarBody>
              <div>
                {`${texts.cannotCarry(outside.dropped, outside.options.firstMonth, outside.options.months ?? MONTHS.default, language)}. ${t.insert.dropIntro}`}
              </div>
              <ul
                style={{
                  margin: "4px 0",
                  paddingLeft: 18,
                  maxHeight: 160,
                  overflowY: "auto",
                }}
              >
                {texts
                  .droppedLines(outside.dropped, language)
                  .map((line, k) => (
                    <li key={k}>{line}</li>
                  ))}
              </ul>
              <Button
                type="button"
                size="small"
                disabledFocusable={busy}
                onClick={() => void start(outside)}
              >
                {t.insert.rebuildWithout(outside.dropped.length)}
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
      </Live>
    </form>
  );
}

/** Below an insert Excel stopped part-way: the names it left (folded), and the action that removes what it left. */
function LeftBehind({
  left,
  t,
  busy,
  remove,
}: {
  left: InsertLeft;
  t: Strings;
  busy: boolean;
  remove: () => void;
}) {
  const names = left.names.map((n) => n.name);
  const lost = left.lost.map((n) => n.name);
  return (
    <>
      {names.length + lost.length > 0 && (
        <details data-testid="insert-left-names">
          <summary>
            {t.insert.leftNamesSummary(new Set([...names, ...lost]).size)}
          </summary>
          {t.insert.leftNames(names, lost)}
        </details>
      )}
      {left.checked && (
        <div style={{ marginTop: 6 }}>
          <Button
            type="button"
            size="small"
            disabledFocusable={busy}
            onClick={remove}
          >
            {t.insert.removeLeft}
          </Button>
        </div>
      )}
    </>
  );
}
