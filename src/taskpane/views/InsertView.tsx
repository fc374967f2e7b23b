import { useEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
} from "@fluentui/react-components";
import { Language } from "../../core/catalog";
import { SHEET_NAMES } from "../../core/template/sheet-names";
import { MONTHS } from "../../core/months";
import type { InsertLeft, InsertResult } from "../../excel";
import { InsertIncompleteError } from "../../excel/errors";
import { Failure } from "../Failure";
import type { Host } from "../host";
import { STRINGS, Strings } from "../strings";

/** The name a template sheet has when it is free ("Thresholds"), in the workbook's language. */
function defaultName(key: string, language: Language): string {
  const names: Readonly<Record<string, string>> = SHEET_NAMES[language];
  return names[key] ?? key;
}

function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

interface Props {
  host: Host;
  t: Strings;
  language: Language;
}

export function InsertView({ host, t, language }: Props) {
  const [workbookLanguage, setWorkbookLanguage] = useState<Language>(language);
  const [company, setCompany] = useState("");
  const [currency, setCurrency] = useState("USD");
  const [firstMonth, setFirstMonth] = useState(thisMonth());
  const [months, setMonths] = useState(String(MONTHS.default));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InsertResult & { language: Language }>();
  const [error, setError] = useState<unknown>();
  const [tried, setTried] = useState(false);
  const [removed, setRemoved] = useState<InsertLeft>();

  useEffect(() => {
    performance.mark("scale-ready");
  }, []);

  const currencyOk = /^[A-Za-z]{3}$/.test(currency.trim());
  const monthOk = /^\d{4}-(0[1-9]|1[0-2])$/.test(firstMonth);
  const monthCount = /^\d+$/.test(months.trim()) ? Number(months) : NaN;
  const monthsOk = monthCount >= MONTHS.min && monthCount <= MONTHS.max;

  const insert = async () => {
    setTried(true);
    if (!currencyOk || !monthOk || !monthsOk) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setRemoved(undefined);
    try {
      const options = {
        language: workbookLanguage,
        company:
          company.trim() || STRINGS[workbookLanguage].insert.defaultCompany,
        currency: currency.trim().toUpperCase(),
        firstMonth,
        months: monthCount,
      };
      setResult({
        ...(await host.insert(options)),
        language: workbookLanguage,
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  /** "Remove what the insert left": deletes exactly what the failed insert reported, nothing else. */
  const removeLeft = async (left: InsertLeft) => {
    setBusy(true);
    setError(undefined);
    try {
      setRemoved(await host.removeInsertLeft(left));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      style={{ display: "flex", flexDirection: "column", gap: 10 }}
      onSubmit={(e) => {
        e.preventDefault();
        void insert();
      }}
      data-testid="ready"
    >
      <p style={{ margin: 0 }}>{t.insert.intro}</p>
      <Field label={t.insert.language}>
        <Select
          value={workbookLanguage}
          onChange={(_, d) => setWorkbookLanguage(d.value as Language)}
        >
          <option value="en">English</option>
          <option value="es">Español</option>
        </Select>
      </Field>
      <Field label={t.insert.company} hint={t.insert.companyHint}>
        <Input
          value={company}
          placeholder={STRINGS[workbookLanguage].insert.defaultCompany}
          onChange={(_, d) => setCompany(d.value)}
        />
      </Field>
      <Field
        label={t.insert.currency}
        hint={t.insert.currencyHint}
        validationMessage={
          tried && !currencyOk ? t.insert.currencyInvalid : undefined
        }
      >
        <Input
          value={currency}
          maxLength={3}
          onChange={(_, d) => setCurrency(d.value)}
        />
      </Field>
      <Field
        label={t.insert.firstMonth}
        validationMessage={
          tried && !monthOk ? t.insert.firstMonthInvalid : undefined
        }
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
        validationMessage={
          tried && !monthsOk ? t.insert.monthsInvalid : undefined
        }
      >
        <Input
          type="number"
          min={MONTHS.min}
          max={MONTHS.max}
          value={months}
          onChange={(_, d) => setMonths(d.value)}
        />
      </Field>
      <Button
        appearance="primary"
        type="submit"
        disabled={busy}
        icon={busy ? <Spinner size="tiny" /> : undefined}
      >
        {busy ? t.insert.running : t.insert.run}
      </Button>
      {error !== undefined && (
        <Failure error={error} t={t}>
          {error instanceof InsertIncompleteError && (
            <LeftBehind
              left={error.left}
              t={t}
              busy={busy}
              remove={() => void removeLeft(error.left)}
            />
          )}
        </Failure>
      )}
      {removed && (
        <MessageBar
          intent="success"
          role="status"
          data-testid="insert-left-removed"
        >
          <MessageBarBody>{t.insert.removedLeft(removed)}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent="success" role="status" data-testid="insert-result">
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
              <div>{t.insert.skippedNames(result.skippedNames.join(", "))}</div>
            )}
            <Button
              size="small"
              onClick={() =>
                host
                  .select(`'${result.dashboardSheet.replace(/'/g, "''")}'!A1`)
                  .catch(setError)
              }
            >
              {t.insert.goToDashboard}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
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
          <Button type="button" size="small" disabled={busy} onClick={remove}>
            {busy ? t.insert.removingLeft : t.insert.removeLeft}
          </Button>
        </div>
      )}
    </>
  );
}
