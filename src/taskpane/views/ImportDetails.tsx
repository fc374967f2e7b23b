/**
 * What an import read besides its values (product.md 11, "Import reads finance layouts as they
 * come"): an example of a layout it reads, the rows it skipped, a choice of measure for each row
 * whose label names none, the labels read by an earlier choice, and the unusual values.
 */
import {
  Dropdown,
  Option,
  OptionGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { Language, RISK_INDICATORS } from "../../core/catalog";
import { SECTIONS, TIMELINE_ROWS } from "../../core/timeline";
import { SHEET_INPUT_KEYS, sheetInputOf } from "../../core/sheet-inputs";
import { SHEET_NAMES } from "../../core/template/sheet-names";
import { TEMPLATE_LABELS } from "../../core/template/labels";
import type { ImportPlan, ImportTarget } from "../../officejs";
import type { Strings } from "../strings";
import { BULLETS, WarningList } from "./parts";

interface Choice {
  id: string;
  name: string;
}

/**
 * Every measure a row can be read as, one per row of the Tracking sheet (phase metrics, the SaaS
 * measures of product.md 12, risk indicators, cash), grouped under the sheet's section headings
 * in its order, so an "Expansion MRR" is found under Revenue beside MRR.
 */
function sections(
  language: Language,
  target: ImportTarget,
): { heading: string; measures: Choice[] }[] {
  return SECTIONS.map((section) => ({
    heading: TEMPLATE_LABELS[language].sections[section],
    measures: TIMELINE_ROWS.filter((r) => r.section === section).map((r) => ({
      id: r.id,
      name: r.measure.name[language],
    })),
  }))
    .filter((s) => s.measures.length > 0)
    .concat(target === "budget" ? [] : sheetInputSections(language));
}

/** The Departments and Channels sheets' typed rows (product.md 13), each under its sheet's name. */
function sheetInputSections(
  language: Language,
): { heading: string; measures: Choice[] }[] {
  return (["departments", "channels"] as const).map((sheet) => ({
    heading: SHEET_NAMES[language][sheet],
    measures: SHEET_INPUT_KEYS.map((key) => sheetInputOf(key)!)
      .filter((input) => input.sheet === sheet)
      .map((input) => ({ id: input.id, name: input.name[language] })),
  }));
}

/** A tiny table of a layout the import reads, in the pane's language. */
export function ImportExample({ t }: { t: Strings }) {
  const e = t.import.example;
  return (
    <div data-testid="import-example">
      <div style={{ fontSize: 12 }}>{e.caption}</div>
      <Table
        size="extra-small"
        aria-label={e.caption}
        style={{ width: "auto" }}
      >
        <TableHeader>
          <TableRow>
            {[e.corner, ...e.months].map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {e.rows.map(([label, ...values]) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              {values.map((v, k) => (
                <TableCell key={k} style={{ textAlign: "right" }}>
                  {v}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

interface DetailsProps {
  plan: ImportPlan;
  t: Strings;
  language: Language;
  /** The user chose `id` for the rows labelled `label`: map them and read again. */
  onChoose: (label: string, id: string) => void;
  busy: boolean;
}

/** The choices for unknown rows, the labels read by a choice, the unusual values and the skipped rows. */
export function ImportDetails({
  plan,
  t,
  language,
  onChoose,
  busy,
}: DetailsProps) {
  const grouped = sections(language, plan.target);
  const all = grouped.flatMap((s) => s.measures);
  // A closest measure may be a linked indicator (competition.churn), which sits on its metric's row.
  const nameOf = (id: string) =>
    all.find((m) => m.id === id)?.name ??
    RISK_INDICATORS.find((i) => i.qualifiedId === id)?.name[language] ??
    id;
  const mapped = Object.entries(plan.mapping);
  return (
    <>
      {plan.unknown.length > 0 && (
        <div
          data-testid="import-unknown"
          style={{ display: "flex", flexDirection: "column", gap: 6 }}
        >
          <div>{t.import.unknown(plan.unknown.length)}</div>
          {plan.unknown.map((u) => (
            <div
              key={u.label}
              style={{ display: "flex", flexDirection: "column", gap: 2 }}
            >
              <span>{t.import.unknownLabel(u.label)}</span>
              <Dropdown
                aria-label={t.import.unknownLabel(u.label)}
                placeholder={t.import.choose}
                disabled={busy}
                style={{ minWidth: 0, width: "100%" }}
                onOptionSelect={(_, d) =>
                  d.optionValue && onChoose(u.label, d.optionValue)
                }
              >
                {u.suggestions.length > 0 && (
                  <OptionGroup label={t.import.closest}>
                    {u.suggestions.map((id) => (
                      <Option
                        key={`closest-${id}`}
                        value={id}
                        text={nameOf(id)}
                      >
                        {`${nameOf(id)} (${id})`}
                      </Option>
                    ))}
                  </OptionGroup>
                )}
                {grouped.map((g) => (
                  <OptionGroup key={g.heading} label={g.heading}>
                    {g.measures.map((m) => (
                      <Option key={m.id} value={m.id} text={m.name}>
                        {`${m.name} (${m.id})`}
                      </Option>
                    ))}
                  </OptionGroup>
                ))}
              </Dropdown>
            </div>
          ))}
        </div>
      )}
      {mapped.length > 0 && (
        <div data-testid="import-mapped">
          <div>{t.import.mapped}</div>
          <ul style={BULLETS}>
            {mapped.map(([label, id]) => (
              <li key={label}>{`${label} → ${nameOf(id)}`}</li>
            ))}
          </ul>
        </div>
      )}
      <WarningList
        testId="import-unusual"
        heading={t.import.unusual(plan.warnings.length)}
        items={plan.warnings}
        keyOf={(w) => `${w.row.key}-${w.month}`}
        render={(w) => w.message}
      />
      {plan.skipped.length > 0 && (
        <div data-testid="import-skipped">
          <div>{t.import.skipped(plan.skipped.length)}</div>
          <ul style={BULLETS}>
            {plan.skipped.map((s) => (
              <li key={`${s.what}-${s.line}-${s.label}`}>{s.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
