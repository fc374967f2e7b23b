/** Every sentence the task pane shows, in English and Spanish. */
import type { Language } from "../core/catalog";
import {
  InsertLeft,
  WORKBOOK_ERROR_MESSAGES,
  WorkbookErrorCode,
} from "../officejs/errors";
import type { PaneOfficeCode } from "../officejs/errors";
import type { ImportTarget } from "../officejs/import/plan";
import { SHEET_NAMES } from "../core/template/sheet-names";

export interface Strings {
  title: string;
  languageSwitch: string;
  tabs: {
    insert: string;
    refresh: string;
    import: string;
    inspect: string;
    functions: string;
  };
  outsideExcel: { title: string; body: string };
  /** The first run (product.md 11): what the add-in does, the three steps, a call to action. */
  start: {
    heading: string;
    /** What the add-in does, with the four phases' names. */
    about: (phases: readonly string[]) => string;
    steps: readonly [string, string, string];
    action: string;
    help: string;
  };
  /** The tracker the pane found in the workbook. */
  tracker: {
    /** Several trackers ("(2)" sheets): the one the workbook's names point to is the one the pane works on. */
    copies: (tracking: string, sheets: readonly string[]) => string;
  };
  /** After each step, the next one. */
  next: {
    afterInsert: string;
    toImport: string;
    afterImport: string;
    /** After a rebuild that carried values: the last refresh's list was of the old sheets. */
    afterRebuild: string;
    toRefresh: string;
    /** After a refresh with values: what to look at (`flagged`: some WATCH or RISK rows are listed). */
    afterRefresh: (dashboard: string, flagged: boolean) => string;
  };
  insert: {
    intro: string;
    language: string;
    company: string;
    companyHint: string;
    currency: string;
    currencyHint: string;
    firstMonth: string;
    months: string;
    monthsHint: string;
    run: string;
    running: string;
    created: string;
    renamed: (name: string, taken: string) => string;
    skippedNames: (names: string) => string;
    goToDashboard: string;
    /** After an insert Excel stopped part-way whose additions could not all be taken back. */
    left: (left: InsertLeft) => string;
    /** The names in `left`, listed below it. */
    leftNames: (names: readonly string[], lost: readonly string[]) => string;
    leftNamesSummary: (count: number) => string;
    removeLeft: string;
    removingLeft: string;
    removedLeft: (left: InsertLeft) => string;
    /** A tracker found in the workbook: its timeline and what a rebuild carries. */
    rebuildIntro: (
      months: number,
      first: string,
      values: number,
      budgetValues: number,
      /** Single inputs of the Departments, Channels and Tools sheets. */
      cells: number,
      thresholds: number,
      planEntries: number,
    ) => string;
    rebuildHint: string;
    rebuild: string;
    rebuilding: string;
    /** Values the new timeline cannot hold, listed below; the action that rebuilds without them. */
    dropIntro: string;
    rebuildWithout: (count: number) => string;
    rebuilt: string;
    /** A rebuild Excel stopped after the new sheets were written (RebuildStoppedError). */
    rebuildStopped: (
      stage: "names" | "replace",
      oldSheets: readonly string[],
      temporary: readonly { name: string; final: string }[],
      moved: readonly string[],
    ) => string;
  };
  refresh: {
    intro: string;
    run: string;
    running: string;
    rebuilding: string;
    stale: string;
    untracked: string;
    summary: (ok: number, watch: number, risk: number) => string;
    /** "Levels of May 2024:" before the counts. */
    reportingMonth: (month: string) => string;
    /** Plan completion per phase ("–" where every item is dropped). */
    plan: (phases: readonly string[]) => string;
    none: string;
    noValues: string;
    columns: {
      metric: string;
      value: string;
      target: string;
    };
    /** What a metric is judged against: "phase 2". */
    phase: (n: number) => string;
    risksPhase: string;
    /** What a SaaS measure is judged against: its convention on the Thresholds sheet (product.md 12, 14). */
    contextPhase: string;
    selectHint: string;
    /** A sheet whose conditional formats Excel could not read: what rebuilding does, before it is done. */
    unreadable: (sheet: string) => string;
    rebuild: (sheet: string) => string;
    rebuilt: (sheet: string, rules: number) => string;
    /** After a refresh Excel stopped part-way. */
    incomplete: (
      refreshed: readonly string[],
      kept: readonly string[],
      unreadable: readonly string[],
    ) => string;
    outOfRange: (count: number) => string;
    /** One input cell its measure cannot take, with why (in the pane's language). */
    outOfRangeCell: (address: string, value: number, problem: string) => string;
    /** Typed values far from their row's neighbours (a CAC in thousands among dollars): listed, levels unchanged. */
    unusual: (count: number) => string;
    /** Months inserted as columns on the Tracking sheet, given their formulas by this refresh. */
    monthsCompleted: (months: readonly string[]) => string;
    /** The Departments sheet's levels (product.md 13): each function's worst, and its KPIs not OK. */
    departments: {
      heading: string;
      /** A function whose KPIs have no value in the reporting month. */
      noLevel: string;
      none: string;
      /** A flagged KPI's link: its words, as the seed writes them, and its level. */
      kpi: (words: string, level: string) => string;
    };
  };
  import: {
    intro: string;
    read: string;
    reading: string;
    writing: string;
    source: (address: string) => string;
    /** Where the values go: the Tracking sheet (actuals) or the budget (product.md 12). */
    target: { label: string; tracking: string; budget: string };
    /** The sheets imported into, by their names in the pane's language. */
    sheets: Readonly<Record<ImportTarget, string>>;
    /** `sheet`: the name, in the pane's language, of the sheet imported into (Tracking, Budget). */
    summary: (
      values: number,
      computed: number,
      unchanged: number,
      sheet: string,
    ) => string;
    nothing: (sheet: string) => string;
    refused: (count: number) => string;
    columns: { measure: string; month: string; value: string; cell: string };
    more: (count: number) => string;
    overwrites: (count: number) => string;
    overwrite: (address: string, previous: string, value: string) => string;
    replaceTyped: (count: number) => string;
    write: (count: number, sheet: string) => string;
    wrote: (count: number, kept: number, sheet: string) => string;
    /** Cells that changed between the preview and the write, so nothing was written. */
    changed: (count: number, sheet: string) => string;
    changedCell: (address: string, seen: string, now: string) => string;
    /** How an empty cell is shown among the changed ones. */
    emptyCell: string;
    moved: (sheet: string) => string;
    /** After a write Excel stopped part-way: the cells it wrote. */
    partly: (written: number, total: number) => string;
    partlyUnchecked: (total: number, sheet: string) => string;
    /** The layout example under the intro: a corner, two month headers, two rows. */
    example: {
      caption: string;
      corner: string;
      months: readonly [string, string];
      rows: readonly (readonly [string, string, string])[];
    };
    /** Title and Total rows (and columns) read and left out. */
    skipped: (count: number) => string;
    /** Rows whose label names no measure: a choice for each. */
    unknown: (count: number) => string;
    unknownLabel: (label: string) => string;
    choose: string;
    closest: string;
    /** Labels read as the measure the user chose, remembered in the workbook. */
    mapped: string;
    /** Imported values far from their row's neighbours: written all the same. */
    unusual: (count: number) => string;
  };
  inspect: {
    intro: string;
    run: string;
    running: string;
    writingFormulas: string;
    phaseReached: (phase: number | string) => string;
    workbookTargets: string;
    builtInTargets: string;
    columns: { metric: string; value: string; phase: string; gap: string };
    empty: string;
    tooLarge: (cells: number, max: number) => string;
    writeFormulas: string;
    wroteFormulas: (
      count: number,
      address: string,
      withPhase: boolean,
      workbookTargets: boolean,
    ) => string;
    formulasTwoColumns: string;
    formulasNotEmpty: (address: string) => string;
    formulasNoMetrics: string;
    /** The SaaS measures of the selection (product.md 12): judged against a convention, never toward the phase. */
    contextIntro: string;
    contextColumns: {
      measure: string;
      value: string;
      level: string;
      gap: string;
    };
    /** A measure product.md gives no convention: its value alone. */
    noConvention: string;
    /** A convention switched off on the Thresholds sheet (0 or empty). */
    switchedOff: string;
    /** The department KPIs a selection on the Departments or Channels sheet reaches (product.md 13). */
    kpis: {
      intro: string;
      columns: { kpi: string; value: string; level: string; gap: string };
      /** A KPI's target as the seed states it. */
      target: (target: string) => string;
      /** The formula that gives the same level in a cell, to copy. */
      formula: string;
      /** A flag cell whose KPI has no typed value to judge here. */
      noValue: string;
      /** A value SCALE.RISK rejects for a reason the pane has no sentence for (after the error's code). */
      cannotJudge: string;
      /** The workbook's target cell where it is not the seed's (InspectedKpi.targetCell): what that does and what to do. */
      targetCell: { edited: string; cleared: string; text: string };
    };
  };
  functions: {
    intro: string;
    insert: string;
    writing: string;
    inserted: (formula: string) => string;
    notEmpty: string;
    /** The department KPIs' card (product.md 13): its heading, what it does, the list's label. */
    kpis: { heading: string; help: string; label: string };
  };
  errors: Record<WorkbookErrorCode, string>;
  /** Office.js errors the shared table leaves as "unknown", by Office.js code. */
  officeErrors: Record<PaneOfficeCode, string>;
  cellGone: string;
  viewFailed: string;
  /** A view's code still loading. */
  loading: string;
}

const EN_TABS: Strings["tabs"] = {
  insert: "Insert",
  refresh: "Risk flags",
  import: "Import",
  inspect: "Inspect",
  functions: "Functions",
};

const ES_TABS: Strings["tabs"] = {
  insert: "Insertar",
  refresh: "Alertas",
  import: "Importar",
  inspect: "Inspeccionar",
  functions: "Funciones",
};

/** "a, b, c and d" / "a, b, c y d". */
const series = (items: readonly string[], and: string) =>
  items.length < 2
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;

const en: Strings = {
  title: "Scale Tracker",
  languageSwitch: "Español",
  tabs: EN_TABS,
  outsideExcel: {
    title: "Open Scale Tracker inside Excel",
    body: "This pane works inside Excel (Microsoft 365, Excel on the web). In Excel: Home > Add-ins > Upload My Add-in, choose manifest.xml, then Home > Scale Tracker.",
  },
  start: {
    heading: "Track your company's scaling, month by month",
    about: (phases) =>
      `Scale Tracker follows your company through the four phases of the scaling framework: ${series(phases, "and")}. It adds a tracking workbook to this file (a dashboard, one monthly timeline for your numbers, each phase's targets and plan, the risks) and the SCALE.* functions for any cell.`,
    steps: [
      "Insert the tracker, with the options below.",
      `Enter your monthly numbers on the Tracking sheet, or import them from your own sheet (${EN_TABS.import}).`,
      `Refresh the flags (${EN_TABS.refresh}): what is on track, to watch or at risk.`,
    ],
    action: "Get started",
    help: "How it works (help page)",
  },
  tracker: {
    copies: (tracking, sheets) =>
      `This workbook holds more than one tracker (${sheets.join(", ")}). The pane works on the one in ${tracking}, which the workbook's names point to; it does not read or change the others.`,
  },
  next: {
    afterInsert:
      "Next: enter your monthly numbers on the Tracking sheet, or import them from a block of your own sheet.",
    toImport: `Go to ${EN_TABS.import}`,
    afterImport:
      "Next: refresh the flags, so the new numbers are coloured and what needs attention is listed.",
    afterRebuild:
      "Next: refresh the flags, so the list of what needs attention is read from the rebuilt workbook.",
    toRefresh: `Go to ${EN_TABS.refresh}`,
    afterRefresh: (dashboard, flagged) =>
      `What to look at: ${flagged ? "the RISK and WATCH rows above (a click selects the cell), then " : ""}the dashboard (${dashboard}): the phase reached against the schedule, each metric's gap and ETA, and plan completion. After new numbers, refresh again.`,
  },
  insert: {
    intro:
      "Insert the tracking workbook: a dashboard, one monthly timeline where you type your numbers, the thresholds and the risks. Your own sheets are never changed.",
    language: "Workbook language",
    company: "Company name",
    companyHint: "Shown on the dashboard.",
    currency: "Currency code",
    currencyHint: "Three letters, such as USD or EUR.",
    firstMonth: "First month of the timeline",
    months: "Months on the timeline",
    monthsHint: "From 12 to 120; 36 covers the four phases' schedule.",
    run: "Insert tracking workbook",
    running: "Inserting…",
    created: "Created these sheets:",
    renamed: (name, taken) => `${name} (the name ${taken} was taken)`,
    skippedNames: (names) =>
      `These workbook names already existed and were left as they were: ${names}.`,
    goToDashboard: "Go to the dashboard",
    left: (left) => {
      const what = [
        left.sheets.length
          ? `${left.sheets.length === 1 ? "the sheet" : `${left.sheets.length} sheets:`} ${left.sheets.map((s) => s.name).join(", ")}`
          : "",
        left.names.length
          ? `${left.names.length} workbook name${left.names.length === 1 ? "" : "s"} (listed below)`
          : "",
      ].filter(Boolean);
      const lost = left.lost.length
        ? ` It took over ${left.lost.length} broken name${left.lost.length === 1 ? "" : "s"} (#REF!) of an earlier tracker (listed below).`
        : "";
      return left.checked
        ? `Still in the workbook from this insert: ${what.join("; ") || "no sheet or name"}.${lost} "Remove what the insert left" deletes exactly these${left.lost.length ? " and puts the broken names back" : ""}; your own sheets and names stay. Then insert again.`
        : `Excel could not be read afterwards, so the add-in cannot tell what is left. These may be in the workbook: ${what.join("; ")}.${lost} Check for them and delete them by hand (none of your own sheets or names is among them), then insert again.`;
    },
    leftNames: (names, lost) =>
      [
        names.length ? `Workbook names: ${names.join(", ")}.` : "",
        lost.length ? `Broken names taken over: ${lost.join(", ")}.` : "",
      ]
        .filter(Boolean)
        .join(" "),
    leftNamesSummary: (count) => `The ${count} name${count === 1 ? "" : "s"}`,
    removeLeft: "Remove what the insert left",
    removingLeft: "Removing…",
    rebuildIntro: (
      months,
      first,
      values,
      budgetValues,
      cells,
      thresholds,
      planEntries,
    ) =>
      `A tracking workbook is already here: ${months} months from ${first}, ${values} value${values === 1 ? "" : "s"} typed${budgetValues ? `, ${budgetValues} budget value${budgetValues === 1 ? "" : "s"}` : ""}${cells ? `, ${cells} input${cells === 1 ? "" : "s"} of the Departments, Channels and Tools sheets` : ""}, ${thresholds} threshold edit${thresholds === 1 ? "" : "s"}, ${planEntries} plan entr${planEntries === 1 ? "y" : "ies"}. Rebuild makes it again with the options below and carries all of that, by calendar month; its old sheets are replaced only once the new ones are complete.`,
    rebuildHint:
      "Keep the options as they are to rebuild with the current template version.",
    rebuild: "Rebuild tracking workbook",
    rebuilding: "Rebuilding…",
    dropIntro:
      "Nothing was changed. Change the first month or the number of months so that the timeline holds them, or rebuild without them:",
    rebuildWithout: (count) =>
      `Rebuild without ${count === 1 ? "this value" : `these ${count} values`}`,
    rebuilt: "Rebuilt the tracking workbook:",
    rebuildStopped: (stage, oldSheets, temporary, moved) =>
      stage === "replace"
        ? `The new tracking workbook is in place and the workbook's names point to it. ${oldSheets.length ? `Old sheets still there: ${oldSheets.join(", ")}; delete them. ` : ""}${temporary.length ? `Rename these new sheets if you like: ${temporary.map((t) => `${t.name} (was to be ${t.final})`).join(", ")}.` : ""}`
        : `Excel stopped twice, and some names now point to the new sheets: ${moved.join(", ")}. Both trackers are in the workbook with the same data: rebuild again, which reads each value through its name, then delete the sheets of the one no name points to.`,
    removedLeft: (left) =>
      `Removed what the insert left: ${
        [
          left.sheets.length
            ? `${left.sheets.length} sheet${left.sheets.length === 1 ? "" : "s"} (${left.sheets.map((s) => s.name).join(", ")})`
            : "",
          left.names.length
            ? `${left.names.length} workbook name${left.names.length === 1 ? "" : "s"}`
            : "",
          left.lost.length
            ? `${left.lost.length} broken name${left.lost.length === 1 ? "" : "s"} put back`
            : "",
        ]
          .filter(Boolean)
          .join(", ") || "nothing, as it was gone already"
      }. Insert the tracking workbook again when you are ready.`,
  },
  refresh: {
    intro:
      "Rebuild the colours of the risk flags for the current months and thresholds, and list what needs attention in the reporting month. Your own conditional formats stay.",
    run: "Refresh risk flags",
    running: "Refreshing…",
    rebuilding: "Rebuilding…",
    stale:
      "Inputs or thresholds changed since the last refresh: the list may be out of date.",
    untracked:
      "This Excel does not tell the pane about edits: refresh again after you change inputs or thresholds.",
    summary: (ok, watch, risk) => `${ok} OK, ${watch} WATCH, ${risk} RISK`,
    reportingMonth: (month) => `Levels of ${month}:`,
    plan: (phases) =>
      `Plan completion: ${phases.map((p, i) => `P${i + 1} ${p}`).join(", ")}.`,
    none: "Nothing to watch: every flag with a value is OK.",
    noValues:
      "No values yet: type monthly values on the Tracking sheet, then refresh.",
    columns: {
      metric: "Metric, level, against",
      value: "Value",
      target: "Target",
    },
    phase: (n) => `phase ${n}`,
    risksPhase: "Risks",
    contextPhase: "Convention",
    selectHint: "Select the cell in the sheet",
    unreadable: (sheet) =>
      `Excel cannot read the conditional formats of ${sheet} (one of them is damaged, for example a duplicated rule), so its flags were left as they were. Rebuilding removes every conditional format on the cells Scale Tracker colours on ${sheet}, yours on those cells included, and adds the flags again; formats elsewhere on the sheet stay.`,
    rebuild: (sheet) => `Rebuild the flags of ${sheet}`,
    rebuilt: (sheet, rules) => `Rebuilt the flags of ${sheet}: ${rules} rules.`,
    incomplete: (refreshed, kept, unreadable) =>
      `Refreshed: ${refreshed.join(", ") || "none"}. Kept their previous flags (or hold both sets until the next refresh): ${kept.join(", ") || "none"}.` +
      (unreadable.length
        ? ` Not read, as Excel cannot read their rules (refresh again to rebuild them): ${unreadable.join(", ")}.`
        : ""),
    outOfRange: (count) =>
      `${count} cell${count === 1 ? "" : "s"} cannot be right for their measure (pasted values skip Excel's checks) and ${count === 1 ? "is" : "are"} not judged:`,
    outOfRangeCell: (address, value, problem) =>
      `${address} holds ${value}: ${problem}`,
    unusual: (count) =>
      `${count} typed value${count === 1 ? " looks" : "s look"} unusual beside ${count === 1 ? "its" : "their"} neighbours (the levels count ${count === 1 ? "it" : "them"} as typed). Check the unit:`,
    monthsCompleted: (months) =>
      `${months.length === 1 ? "The month" : "The months"} inserted on the Tracking sheet now ${months.length === 1 ? "has its" : "have their"} formulas: ${months.join(", ")}.`,
    departments: {
      heading: "Departments: each function's worst KPI level",
      noLevel: "no values",
      none: "No department KPI is WATCH or RISK.",
      kpi: (words, level) => `${words}: ${level}`,
    },
  },
  import: {
    intro:
      "Select a block of your own sheet with monthly numbers (metrics as rows and months as columns, the transpose, or metric, month, value), then read it: you see what goes where, on the Tracking, Departments and Channels sheets or in the budget, before anything is written.",
    read: "Read the selection",
    reading: "Reading…",
    writing: "Writing…",
    source: (address) => `From ${address}:`,
    target: {
      label: "Import into",
      tracking: "Tracking (actuals)",
      budget: "The budget",
    },
    sheets: SHEET_NAMES.en,
    summary: (values, computed, unchanged, sheet) =>
      `${values} value${values === 1 ? "" : "s"} for the ${sheet} sheet` +
      (computed ? `, ${computed} of them typed over computed cells` : "") +
      (unchanged ? `; ${unchanged} already there` : "") +
      ".",
    nothing: (sheet) =>
      `The selection has no value to import, or the ${sheet} sheet already holds them all.`,
    refused: (count) =>
      `${count} value${count === 1 ? "" : "s"} refused, so nothing will be written. Fix ${count === 1 ? "it" : "them"} in your sheet, then read the selection again:`,
    columns: {
      measure: "Measure",
      month: "Month",
      value: "Value",
      cell: "Cell",
    },
    more: (count) => `and ${count} more`,
    overwrites: (count) =>
      `${count} cell${count === 1 ? " holds a number" : "s hold numbers"} typed before, which the import would replace:`,
    overwrite: (address, previous, value) =>
      `${address}: ${previous} → ${value}`,
    replaceTyped: (count) =>
      `Replace ${count === 1 ? "this typed value" : `these ${count} typed values`}`,
    write: (count, sheet) =>
      `Write ${count} value${count === 1 ? "" : "s"} into ${sheet}`,
    wrote: (count, kept, sheet) =>
      `Wrote ${count} value${count === 1 ? "" : "s"} into the ${sheet} sheet.` +
      (kept
        ? ` Kept ${kept} typed value${kept === 1 ? "" : "s"} as ${kept === 1 ? "it was" : "they were"}.`
        : ""),
    changed: (count, sheet) =>
      `${count} cell${count === 1 ? "" : "s"} of the ${sheet} sheet changed since the preview:`,
    changedCell: (address, seen, now) =>
      `${address}: ${seen} in the preview, ${now} now`,
    emptyCell: "empty",
    moved: (sheet) =>
      `Rows or month columns of the ${sheet} sheet moved since the preview (inserted or deleted), or the sheet was renamed or deleted.`,
    partly: (written, total) =>
      `It wrote ${written} of the ${total} values before it stopped; the others were not written. Read the selection again: the preview shows what is still to write. Written:`,
    partlyUnchecked: (total, sheet) =>
      `The add-in could not read the ${sheet} sheet afterwards, so any of the ${total} values may have been written. Read the selection again: the preview shows what is still to write.`,
    example: {
      caption:
        "A layout it reads (a title row above it, Total rows and empty rows are skipped; months may be dates):",
      corner: "KPI",
      months: ["Jan 2026", "Feb 2026"],
      rows: [
        ["MRR", "120,000", "126,000"],
        ["Churn", "2.1%", "1.9%"],
      ],
    },
    skipped: (count) =>
      `${count} row${count === 1 ? "" : "s"} skipped, not read as measures:`,
    unknown: (count) =>
      `${count} row${count === 1 ? " names" : "s name"} no measure. Choose what ${count === 1 ? "it is" : "each is"}; the workbook remembers your choice for the next import:`,
    unknownLabel: (label) => `Measure for "${label}"`,
    choose: "Choose a measure",
    closest: "Closest",
    mapped: "Read as the measure you chose (remembered in this workbook):",
    unusual: (count) =>
      `${count} value${count === 1 ? " looks" : "s look"} unusual beside ${count === 1 ? "its" : "their"} neighbours; ${count === 1 ? "it is" : "they are"} written all the same. Check the unit:`,
  },
  inspect: {
    kpis: {
      intro:
        "Department KPIs of the selection, judged against their targets as SCALE.RISK judges them (the same in every phase):",
      columns: { kpi: "KPI", value: "Value", level: "Level", gap: "Gap" },
      target: (target) => `target ${target}`,
      formula: "Formula to copy",
      noValue: "No value to judge here: see its month cells.",
      cannotJudge:
        "SCALE.RISK cannot judge this value: check the cell and what it is computed from.",
      targetCell: {
        edited:
          "Judged against the target typed in the workbook, as its flag is. SCALE.RISK judges against the seed's target, so there is no formula to copy.",
        cleared:
          "Target cleared (blank or 0): this check is switched off and its flag is blank. Type a target to judge it again.",
        text: "The target cell holds text, so the flag shows #N/A: type a number in it, or clear it to switch the check off.",
      },
    },
    intro:
      "Select two columns (metric, value) or metric rows (a row of months counts its latest month), then inspect: the phase reached and the gap to the next phase, as SCALE.PHASE and SCALE.GAP give them.",
    run: "Inspect selection",
    running: "Inspecting…",
    writingFormulas: "Writing formulas…",
    phaseReached: (phase) => `Phase reached by the selection: ${phase}`,
    workbookTargets: "Targets from this workbook's Thresholds sheet.",
    builtInTargets: "Built-in targets: this workbook has no Thresholds sheet.",
    columns: {
      metric: "Metric",
      value: "Value",
      phase: "Phase",
      gap: "Gap to next",
    },
    empty:
      "The selection has no metric or SaaS measure with a value. Select two columns (metric id, value) or a metric row.",
    tooLarge: (cells, max) =>
      `The selection holds ${cells.toLocaleString("en-US")} cells; Inspect reads up to ${max.toLocaleString("en-US")}. Select fewer rows (the metrics you want to check), then inspect again.`,
    writeFormulas: "Write formulas beside the selection",
    wroteFormulas: (count, address, withPhase, workbookTargets) =>
      `Wrote ${count} formula${count === 1 ? "" : "s"} into ${address}: per metric the gap to its next phase, as Inspect shows it (the level for a risk indicator)${withPhase ? ", and the phase reached below them" : ""}, ${workbookTargets ? "with this workbook's Thresholds tables" : "with the built-in targets"}. They reference your cells, so they follow your edits.`,
    formulasTwoColumns:
      "Select two columns (metric id, value) to write formulas beside them.",
    formulasNotEmpty: (address) =>
      `${address}, right of the selection, is not empty, so nothing was written. Clear those cells or select cells with an empty column to their right.`,
    formulasNoMetrics:
      "The selection has no metric id with a value, so there is nothing to write formulas for.",
    contextIntro:
      "SaaS measures: judged against a public convention where there is one (Thresholds sheet, third table), as information; they never count toward the phase.",
    contextColumns: {
      measure: "Measure",
      value: "Value",
      level: "Level",
      gap: "Gap to convention",
    },
    noConvention: "No convention",
    switchedOff: "Off",
  },
  functions: {
    intro:
      "Type these in any cell. Each button writes the example into the active cell.",
    insert: "Insert example",
    writing: "Writing the example…",
    inserted: (f) => `Wrote ${f} into the active cell.`,
    notEmpty:
      "The active cell is not empty. Select an empty cell, then insert the example.",
    kpis: {
      heading: "Department KPIs",
      help: "The risk, gap and target functions also take the seed's 32 department KPIs, each judged against its target in every phase. Pick one; each button writes its formula with the target as the value.",
      label: "KPI",
    },
  },
  errors: WORKBOOK_ERROR_MESSAGES.en,
  officeErrors: {
    InvalidSelection: "Select cells (one block), then inspect again.",
  },
  viewFailed:
    "This part of the pane could not load. Close the pane and open it again (Home > Scale Tracker).",
  loading: "Loading…",
  cellGone:
    "That cell is no longer where the last refresh found it: its sheet was renamed or deleted. Refresh the risk flags, then try again.",
};

const es: Strings = {
  title: "Scale Tracker",
  languageSwitch: "English",
  tabs: ES_TABS,
  outsideExcel: {
    title: "Abre Scale Tracker dentro de Excel",
    body: "Este panel funciona dentro de Excel (Microsoft 365, Excel en la web). En Excel: Inicio > Complementos > Cargar mi complemento, elige manifest.xml y luego Inicio > Scale Tracker.",
  },
  start: {
    heading: "Sigue el escalamiento de tu empresa, mes a mes",
    about: (phases) =>
      `Scale Tracker acompaña a tu empresa por las cuatro fases del marco de escalamiento: ${series(phases, "y")}. Añade a este archivo un libro de seguimiento (un panel, un calendario mensual para tus números, los objetivos y el plan de cada fase, los riesgos) y las funciones SCALE.* para cualquier celda.`,
    steps: [
      "Inserta el libro de seguimiento, con las opciones de abajo.",
      `Escribe tus números mensuales en la hoja Seguimiento o impórtalos desde tu propia hoja (${ES_TABS.import}).`,
      `Actualiza las alertas (${ES_TABS.refresh}): qué va bien, qué vigilar y qué está en riesgo.`,
    ],
    action: "Empezar",
    help: "Cómo funciona (página de ayuda)",
  },
  tracker: {
    copies: (tracking, sheets) =>
      `Este libro tiene más de un libro de seguimiento (${sheets.join(", ")}). El panel trabaja con el de ${tracking}, al que apuntan los nombres del libro; no lee ni cambia los demás.`,
  },
  next: {
    afterInsert:
      "Siguiente: escribe tus números mensuales en la hoja Seguimiento o impórtalos desde un bloque de tu propia hoja.",
    toImport: `Ir a ${ES_TABS.import}`,
    afterImport:
      "Siguiente: actualiza las alertas, para colorear los números nuevos y ver qué requiere atención.",
    afterRebuild:
      "Siguiente: actualiza las alertas, para que la lista de lo que requiere atención se lea del libro reconstruido.",
    toRefresh: `Ir a ${ES_TABS.refresh}`,
    afterRefresh: (dashboard, flagged) =>
      `Qué mirar: ${flagged ? "las filas RISK y WATCH de arriba (un clic selecciona la celda) y luego " : ""}el panel (${dashboard}): la fase alcanzada frente al calendario, la brecha y el plazo de cada métrica y el avance del plan. Con números nuevos, vuelve a actualizar.`,
  },
  insert: {
    intro:
      "Inserta el libro de seguimiento: un panel, un calendario mensual donde escribes tus números, los umbrales y los riesgos. Tus hojas nunca se modifican.",
    language: "Idioma del libro",
    company: "Nombre de la empresa",
    companyHint: "Se muestra en el panel.",
    currency: "Código de moneda",
    currencyHint: "Tres letras, como USD o EUR.",
    firstMonth: "Primer mes del calendario",
    months: "Meses del calendario",
    monthsHint: "De 12 a 120; 36 cubren el calendario de las cuatro fases.",
    run: "Insertar libro de seguimiento",
    running: "Insertando…",
    created: "Hojas creadas:",
    renamed: (name, taken) => `${name} (el nombre ${taken} estaba ocupado)`,
    skippedNames: (names) =>
      `Estos nombres ya existían y se dejaron como estaban: ${names}.`,
    goToDashboard: "Ir al panel",
    left: (left) => {
      const what = [
        left.sheets.length
          ? `${left.sheets.length === 1 ? "la hoja" : `${left.sheets.length} hojas:`} ${left.sheets.map((s) => s.name).join(", ")}`
          : "",
        left.names.length
          ? `${left.names.length} nombre${left.names.length === 1 ? "" : "s"} del libro (en la lista de abajo)`
          : "",
      ].filter(Boolean);
      const lost = left.lost.length
        ? ` Tomó ${left.lost.length === 1 ? "un nombre roto" : `${left.lost.length} nombres rotos`} (#REF!) de un libro de seguimiento anterior (en la lista de abajo).`
        : "";
      return left.checked
        ? `Siguen en el libro tras esta inserción: ${what.join("; ") || "ninguna hoja ni nombre"}.${lost} «Quitar lo que dejó la inserción» borra exactamente esto${left.lost.length ? " y vuelve a poner los nombres rotos" : ""}; tus hojas y nombres se mantienen. Después vuelve a insertar.`
        : `Excel no se pudo leer después, así que el complemento no sabe qué quedó. Puede que sigan en el libro: ${what.join("; ")}.${lost} Compruébalo y bórralos a mano (ninguna de tus hojas o nombres está entre ellos) y vuelve a insertar.`;
    },
    leftNames: (names, lost) =>
      [
        names.length ? `Nombres del libro: ${names.join(", ")}.` : "",
        lost.length ? `Nombres rotos tomados: ${lost.join(", ")}.` : "",
      ]
        .filter(Boolean)
        .join(" "),
    leftNamesSummary: (count) =>
      `${count === 1 ? "El nombre" : `Los ${count} nombres`}`,
    removeLeft: "Quitar lo que dejó la inserción",
    removingLeft: "Quitando…",
    rebuildIntro: (
      months,
      first,
      values,
      budgetValues,
      cells,
      thresholds,
      planEntries,
    ) =>
      `Ya hay un libro de seguimiento aquí: ${months} meses desde ${first}, ${values} ${values === 1 ? "valor escrito" : "valores escritos"}${budgetValues ? `, ${budgetValues} ${budgetValues === 1 ? "valor del presupuesto" : "valores del presupuesto"}` : ""}${cells ? `, ${cells} ${cells === 1 ? "dato" : "datos"} de las hojas Áreas, Canales y Herramientas` : ""}, ${thresholds} ${thresholds === 1 ? "umbral editado" : "umbrales editados"}, ${planEntries} ${planEntries === 1 ? "entrada" : "entradas"} del plan. Reconstruir lo crea de nuevo con las opciones de abajo y conserva todo eso, por mes del calendario; sus hojas anteriores se sustituyen solo cuando las nuevas están completas.`,
    rebuildHint:
      "Deja las opciones como están para reconstruirlo con la versión actual de la plantilla.",
    rebuild: "Reconstruir libro de seguimiento",
    rebuilding: "Reconstruyendo…",
    dropIntro:
      "No se cambió nada. Cambia el primer mes o el número de meses para que el calendario los contenga, o reconstruye sin ellos:",
    rebuildWithout: (count) =>
      `Reconstruir sin ${count === 1 ? "este valor" : `estos ${count} valores`}`,
    rebuilt: "Libro de seguimiento reconstruido:",
    rebuildStopped: (stage, oldSheets, temporary, moved) =>
      stage === "replace"
        ? `El nuevo libro de seguimiento está en su sitio y los nombres del libro apuntan a él. ${oldSheets.length ? `Siguen las hojas anteriores: ${oldSheets.join(", ")}; bórralas. ` : ""}${temporary.length ? `Cambia el nombre de estas hojas nuevas si quieres: ${temporary.map((t) => `${t.name} (iba a ser ${t.final})`).join(", ")}.` : ""}`
        : `Excel se detuvo dos veces y algunos nombres apuntan ya a las hojas nuevas: ${moved.join(", ")}. Los dos libros de seguimiento están en el libro con los mismos datos: vuelve a reconstruir, que lee cada valor por su nombre, y después borra las hojas del que no tenga ningún nombre apuntándole.`,
    removedLeft: (left) =>
      `Se quitó lo que dejó la inserción: ${
        [
          left.sheets.length
            ? `${left.sheets.length} hoja${left.sheets.length === 1 ? "" : "s"} (${left.sheets.map((s) => s.name).join(", ")})`
            : "",
          left.names.length
            ? `${left.names.length} nombre${left.names.length === 1 ? "" : "s"} del libro`
            : "",
          left.lost.length
            ? `${left.lost.length} nombre${left.lost.length === 1 ? " roto repuesto" : "s rotos repuestos"}`
            : "",
        ]
          .filter(Boolean)
          .join(", ") || "nada, ya no estaba"
      }. Vuelve a insertar el libro de seguimiento cuando quieras.`,
  },
  refresh: {
    intro:
      "Reconstruye los colores de las alertas para los meses y umbrales actuales y lista lo que requiere atención en el mes del informe. Tus formatos condicionales se mantienen.",
    run: "Actualizar alertas",
    running: "Actualizando…",
    rebuilding: "Reconstruyendo…",
    stale:
      "Los datos o umbrales cambiaron desde la última actualización: la lista puede estar desactualizada.",
    untracked:
      "Este Excel no avisa al panel de los cambios: vuelve a actualizar después de cambiar datos o umbrales.",
    summary: (ok, watch, risk) => `${ok} OK, ${watch} WATCH, ${risk} RISK`,
    reportingMonth: (month) => `Niveles de ${month}:`,
    plan: (phases) =>
      `Avance del plan: ${phases.map((p, i) => `P${i + 1} ${p}`).join(", ")}.`,
    none: "Nada que vigilar: todas las alertas con valor están en OK.",
    noValues:
      "Aún no hay valores: escribe los valores mensuales en la hoja Seguimiento y actualiza.",
    columns: {
      metric: "Métrica, nivel, frente a",
      value: "Valor",
      target: "Objetivo",
    },
    phase: (n) => `fase ${n}`,
    risksPhase: "Riesgos",
    contextPhase: "Convención",
    selectHint: "Seleccionar la celda en la hoja",
    unreadable: (sheet) =>
      `Excel no puede leer los formatos condicionales de ${sheet} (uno está dañado, por ejemplo una regla duplicada), así que sus alertas quedaron como estaban. Reconstruir quita todos los formatos condicionales de las celdas que Scale Tracker colorea en ${sheet}, incluidos los tuyos en esas celdas, y vuelve a añadir las alertas; los formatos del resto de la hoja se mantienen.`,
    rebuild: (sheet) => `Reconstruir las alertas de ${sheet}`,
    rebuilt: (sheet, rules) =>
      `Alertas de ${sheet} reconstruidas: ${rules} reglas.`,
    incomplete: (refreshed, kept, unreadable) =>
      `Actualizadas: ${refreshed.join(", ") || "ninguna"}. Conservan sus alertas anteriores (o tienen ambos juegos hasta la próxima actualización): ${kept.join(", ") || "ninguna"}.` +
      (unreadable.length
        ? ` Sin leer, porque Excel no puede leer sus reglas (vuelve a actualizar para reconstruirlas): ${unreadable.join(", ")}.`
        : ""),
    outOfRange: (count) =>
      `${count} celda${count === 1 ? "" : "s"} no ${count === 1 ? "puede" : "pueden"} ser correcta${count === 1 ? "" : "s"} para su medida (los valores pegados saltan las comprobaciones de Excel) y no se evalúa${count === 1 ? "" : "n"}:`,
    outOfRangeCell: (address, value, problem) =>
      `${address} contiene ${value}: ${problem}`,
    unusual: (count) =>
      `${count} valor${count === 1 ? " escrito parece inusual" : "es escritos parecen inusuales"} junto a sus vecinos (los niveles ${count === 1 ? "lo cuentan" : "los cuentan"} tal cual). Revisa la unidad:`,
    monthsCompleted: (months) =>
      `${months.length === 1 ? "El mes insertado" : "Los meses insertados"} en la hoja Seguimiento ya ${months.length === 1 ? "tiene sus" : "tienen sus"} fórmulas: ${months.join(", ")}.`,
    departments: {
      heading: "Áreas: el peor nivel de los KPI de cada función",
      noLevel: "sin valores",
      none: "Ningún KPI de las áreas está en WATCH ni en RISK.",
      kpi: (words, level) => `${words}: ${level}`,
    },
  },
  import: {
    intro:
      "Selecciona un bloque de tu hoja con números mensuales (métricas en filas y meses en columnas, al revés, o métrica, mes, valor) y léelo: verás qué va a dónde, en las hojas Seguimiento, Áreas y Canales o en el presupuesto, antes de escribir nada.",
    read: "Leer la selección",
    reading: "Leyendo…",
    writing: "Escribiendo…",
    source: (address) => `Desde ${address}:`,
    target: {
      label: "Importar en",
      tracking: "Seguimiento (reales)",
      budget: "El presupuesto",
    },
    sheets: SHEET_NAMES.es,
    summary: (values, computed, unchanged, sheet) =>
      `${values} valor${values === 1 ? "" : "es"} para la hoja ${sheet}` +
      (computed ? `, ${computed} sobre celdas calculadas` : "") +
      (unchanged ? `; ${unchanged} ya estaban` : "") +
      ".",
    nothing: (sheet) =>
      `La selección no tiene valores que importar, o la hoja ${sheet} ya los tiene todos.`,
    refused: (count) =>
      `${count} valor${count === 1 ? " rechazado" : "es rechazados"}, así que no se escribirá nada. Corrígel${count === 1 ? "o" : "os"} en tu hoja y vuelve a leer la selección:`,
    columns: { measure: "Medida", month: "Mes", value: "Valor", cell: "Celda" },
    more: (count) => `y ${count} más`,
    overwrites: (count) =>
      `${count} celda${count === 1 ? " tiene un número escrito" : "s tienen números escritos"} antes, que la importación sustituiría:`,
    overwrite: (address, previous, value) =>
      `${address}: ${previous} → ${value}`,
    replaceTyped: (count) =>
      `Sustituir ${count === 1 ? "este valor escrito" : `estos ${count} valores escritos`}`,
    write: (count, sheet) =>
      `Escribir ${count} valor${count === 1 ? "" : "es"} en ${sheet}`,
    wrote: (count, kept, sheet) =>
      `${count} valor${count === 1 ? " escrito" : "es escritos"} en la hoja ${sheet}.` +
      (kept
        ? ` Se mantuvieron ${kept} valor${kept === 1 ? "" : "es"} escrito${kept === 1 ? "" : "s"}.`
        : ""),
    changed: (count, sheet) =>
      `${count} celda${count === 1 ? "" : "s"} de la hoja ${sheet} ${count === 1 ? "cambió" : "cambiaron"} desde la vista previa:`,
    changedCell: (address, seen, now) =>
      `${address}: ${seen} en la vista previa, ${now} ahora`,
    emptyCell: "vacía",
    moved: (sheet) =>
      `Filas o columnas de meses de la hoja ${sheet} se movieron desde la vista previa (se insertaron o eliminaron), o la hoja se renombró o eliminó.`,
    partly: (written, total) =>
      `Escribió ${written} de los ${total} valores antes de detenerse; los demás no se escribieron. Vuelve a leer la selección: la vista previa muestra lo que falta por escribir. Escritos:`,
    partlyUnchecked: (total, sheet) =>
      `El complemento no pudo leer la hoja ${sheet} después, así que cualquiera de los ${total} valores puede haberse escrito. Vuelve a leer la selección: la vista previa muestra lo que falta por escribir.`,
    example: {
      caption:
        "Un formato que lee (con una fila de título encima; las filas Total y las vacías se omiten; los meses pueden ser fechas):",
      corner: "KPI",
      months: ["ene 2026", "feb 2026"],
      rows: [
        ["MRR", "120.000", "126.000"],
        ["Churn", "2,1 %", "1,9 %"],
      ],
    },
    skipped: (count) =>
      `${count} fila${count === 1 ? " omitida" : "s omitidas"}, no leída${count === 1 ? "" : "s"} como medida${count === 1 ? "" : "s"}:`,
    unknown: (count) =>
      `${count} fila${count === 1 ? " no nombra" : "s no nombran"} ninguna medida. Elige qué es cada una; el libro recuerda tu elección para la próxima importación:`,
    unknownLabel: (label) => `Medida para "${label}"`,
    choose: "Elige una medida",
    closest: "Más parecidas",
    mapped: "Leídas como la medida que elegiste (recordado en este libro):",
    unusual: (count) =>
      `${count} valor${count === 1 ? " parece inusual" : "es parecen inusuales"} junto a sus vecinos; se escribe${count === 1 ? "" : "n"} igualmente. Revisa la unidad:`,
  },
  inspect: {
    kpis: {
      intro:
        "KPI de las áreas en la selección, juzgados frente a su objetivo como los juzga SCALE.RIESGO (igual en todas las fases):",
      columns: { kpi: "KPI", value: "Valor", level: "Nivel", gap: "Brecha" },
      target: (target) => `objetivo ${target}`,
      formula: "Fórmula para copiar",
      noValue: "Aquí no hay valor que juzgar: mira sus celdas de los meses.",
      cannotJudge:
        "SCALE.RIESGO no puede juzgar este valor: revisa la celda y de dónde se calcula.",
      targetCell: {
        edited:
          "Juzgado frente al objetivo escrito en el libro, como su indicador. SCALE.RIESGO juzga frente al objetivo de la semilla, así que no hay fórmula que copiar.",
        cleared:
          "Objetivo borrado (vacío o 0): esta comprobación está desactivada y su indicador queda en blanco. Escribe un objetivo para volver a juzgarla.",
        text: "La celda del objetivo tiene texto, así que el indicador muestra #N/A: escribe un número o bórrala para desactivar la comprobación.",
      },
    },
    intro:
      "Selecciona dos columnas (métrica, valor) o filas de métricas (en una fila de meses cuenta el último mes) e inspecciona: la fase alcanzada y la brecha a la siguiente fase, como SCALE.PHASE y SCALE.GAP.",
    run: "Inspeccionar selección",
    running: "Inspeccionando…",
    writingFormulas: "Escribiendo fórmulas…",
    phaseReached: (phase) => `Fase alcanzada por la selección: ${phase}`,
    workbookTargets: "Objetivos de la hoja de umbrales de este libro.",
    builtInTargets:
      "Objetivos por defecto: este libro no tiene hoja de umbrales.",
    columns: {
      metric: "Métrica",
      value: "Valor",
      phase: "Fase",
      gap: "Brecha a la siguiente",
    },
    empty:
      "La selección no tiene ninguna métrica ni medida SaaS con valor. Selecciona dos columnas (id de métrica, valor) o una fila de métrica.",
    tooLarge: (cells, max) =>
      `La selección tiene ${cells.toLocaleString("es-ES")} celdas; Inspeccionar lee hasta ${max.toLocaleString("es-ES")}. Selecciona menos filas (las métricas que quieras comprobar) y vuelve a inspeccionar.`,
    writeFormulas: "Escribir fórmulas junto a la selección",
    wroteFormulas: (count, address, withPhase, workbookTargets) =>
      `Se escribieron ${count} fórmula${count === 1 ? "" : "s"} en ${address}: por métrica, la brecha a su siguiente fase, como la muestra Inspeccionar (el nivel para un indicador de riesgo)${withPhase ? " y, debajo, la fase alcanzada" : ""}, ${workbookTargets ? "con las tablas de umbrales de este libro" : "con los objetivos por defecto"}. Hacen referencia a tus celdas, así que siguen tus cambios.`,
    formulasTwoColumns:
      "Selecciona dos columnas (id de métrica, valor) para escribir fórmulas junto a ellas.",
    formulasNotEmpty: (address) =>
      `${address}, a la derecha de la selección, no está vacío, así que no se escribió nada. Vacía esas celdas o selecciona celdas con una columna vacía a su derecha.`,
    formulasNoMetrics:
      "La selección no tiene ningún id de métrica con valor, así que no hay fórmulas que escribir.",
    contextIntro:
      "Medidas SaaS: se comparan con una convención pública donde la hay (hoja Umbrales, tercera tabla), como información; nunca cuentan para la fase.",
    contextColumns: {
      measure: "Medida",
      value: "Valor",
      level: "Nivel",
      gap: "Brecha a la convención",
    },
    noConvention: "Sin convención",
    switchedOff: "Desactivada",
  },
  functions: {
    intro:
      "Escríbelas en cualquier celda. Cada botón escribe el ejemplo en la celda activa.",
    insert: "Insertar ejemplo",
    writing: "Escribiendo el ejemplo…",
    inserted: (f) => `Se escribió ${f} en la celda activa.`,
    notEmpty:
      "La celda activa no está vacía. Selecciona una celda vacía y vuelve a insertar el ejemplo.",
    kpis: {
      heading: "KPIs por área",
      help: "Las funciones de riesgo, brecha y objetivo también aceptan los 32 KPIs por área de la semilla, cada uno juzgado frente a su objetivo en todas las fases. Elige uno; cada botón escribe su fórmula con el objetivo como valor.",
      label: "KPI",
    },
  },
  errors: WORKBOOK_ERROR_MESSAGES.es,
  officeErrors: {
    InvalidSelection:
      "Selecciona celdas (un solo bloque) y vuelve a inspeccionar.",
  },
  viewFailed:
    "Esta parte del panel no se pudo cargar. Cierra el panel y vuelve a abrirlo (Inicio > Scale Tracker).",
  loading: "Cargando…",
  cellGone:
    "Esa celda ya no está donde la encontró la última actualización: su hoja se renombró o se eliminó. Actualiza las alertas e inténtalo de nuevo.",
};

export const STRINGS: Readonly<Record<Language, Strings>> = { en, es };

/** Office's display language ("es-MX") -> the pane's language. */
export function languageOf(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("es") ? "es" : "en";
}
