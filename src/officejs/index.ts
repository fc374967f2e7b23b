/**
 * What the task pane asks of Excel, in one interface: the pane's components receive it as a prop
 * (App's `host`) and never call Office themselves, as Microsoft's React task pane template does.
 * `excelHost` (host.ts) implements it with Excel.run; each operation is a folder here (insert/,
 * import/, refresh/, inspect/), read -> plan (pure) -> write. Errors come back as WorkbookError
 * (errors.ts), whose code the pane turns into a sentence.
 */
import type {
  InsertLeft,
  InsertOptions,
  InsertResult,
  RebuildOutcome,
  RefreshResult,
  TrackerRead,
} from "./operations";
import type { Dropped } from "../core/rebuild";
import type {
  ImportPlan,
  ImportPreview,
  ImportTarget,
  ImportWritten,
} from "./operations";
import type { Language } from "../core/catalog";
import type { FormulaPlan, SelectedCells } from "./inspect/plan";

/** A tracker already in the workbook, found through its names (product.md 11). */
export interface TrackerFound {
  /** The Tracking sheet the workbook's names point to: the tracker the pane reads and writes. */
  tracking: string;
  /** The dashboard sheet the names point to, where it is still there. */
  dashboard?: string;
  /** Every sheet named like a Tracking sheet ("Tracking", "Tracking (2)", "Seguimiento"), `tracking` included. */
  trackingSheets: string[];
  /** Whether a month cell of the Tracking sheet's rows holds a typed number. */
  hasNumbers: boolean;
}

/** The pane's one look for a tracker (App's, handed to the views): still looking, none, or found. */
export type TrackerState = "looking" | "none" | TrackerFound;

export type { SelectedCells, FormulaPlan, Inspection } from "./inspect/plan";
export type {
  InsertLeft,
  InsertOptions,
  InsertResult,
  RebuildOutcome,
  RebuildResult,
  TrackerRead,
  FlaggedCell,
  RefreshResult,
} from "./operations";
export type { UnusualCell } from "./refresh/plan";
export type { DepartmentFlag, DepartmentLevels } from "./refresh/seed-sheets";
export type {
  ImportCell,
  ImportPlan,
  ImportPreview,
  ImportTarget,
} from "./operations";

export interface Host {
  /** The tracker in the workbook, or undefined when its names are not there (two syncs): the pane's one look for it. */
  findTracker(): Promise<TrackerFound | undefined>;
  insert(options: InsertOptions): Promise<InsertResult>;
  /** Once findTracker found one: the tracker's options and what a rebuild would carry; undefined without one (two syncs). */
  readTracker(): Promise<TrackerRead | undefined>;
  /** Rebuilds the tracker with `options` (excel/rebuild.ts); `confirmed`: the values the user agreed to leave out. */
  rebuild(
    options: InsertOptions,
    confirmed?: readonly Dropped[],
  ): Promise<RebuildOutcome>;
  /** Deletes what an insert Excel stopped part-way left (InsertIncompleteError.left) and nothing else; returns what it removed. */
  removeInsertLeft(left: InsertLeft): Promise<InsertLeft>;
  refresh(): Promise<RefreshResult>;
  /** Writes SCALE formulas referencing the selection into the empty column to its right (formula-builder.ts). */
  writeFormulasBeside(language: Language): Promise<FormulaPlan>;
  /** Clears the conditional formats on the cells the add-in colours on one template sheet and adds its flags again. */
  rebuildFlags(sheet: string): Promise<{ rulesAdded: number }>;
  readSelection(): Promise<SelectedCells>;
  /** Reads the selected block and the rows of the sheet imported into (one sync): what an import would write where, its messages in `language` (the pane's). */
  readImport(
    language: Language,
    /** Labels the user mapped to a measure, over those the workbook remembers. */
    mapping?: Readonly<Record<string, string>>,
    /** Tracking's actuals (the default) or the budget (product.md 12). */
    target?: ImportTarget,
  ): Promise<ImportPreview>;
  /** Writes a read import's values (one sync); typed values only with `replaceTyped`. */
  writeImport(plan: ImportPlan, replaceTyped: boolean): Promise<ImportWritten>;
  /** Selects a cell given as "'Sheet name'!M4" and shows its sheet. */
  select(address: string): Promise<void>;
  /** Writes into the active cell if it is empty; false (and nothing written) if it is not. */
  writeFormula(formula: string): Promise<boolean>;
  /** Calls back when a worksheet changes, with its id when Excel gives it; returns a function that stops listening. */
  onChanged(callback: (worksheetId?: string) => void): Promise<() => void>;
}
