/**
 * The Thresholds sheet's two tables as the template lays them out and as readers find them: the
 * column headers in both languages and where each table keeps its columns. The template writes
 * the sheet from these (thresholds.ts, layout.ts) and the thresholds parser reads a range by them
 * (../thresholds-parser.ts), so the two cannot drift.
 */

/** Column headers of the template's Thresholds tables; the parser finds columns by these. */
export const THRESHOLD_HEADERS = {
  id: "Id",
  targets: ["P1", "P2", "P3", "P4"],
  floors: ["Floor P1", "Floor P2", "Floor P3", "Floor P4"],
  threshold: "Threshold",
} as const;

/** The Spanish workbook's headers of the same columns; the parser finds either. */
export const THRESHOLD_HEADERS_ES = {
  ...THRESHOLD_HEADERS,
  floors: ["Mínimo P1", "Mínimo P2", "Mínimo P3", "Mínimo P4"],
  threshold: "Umbral",
} as const;

export const thresholdHeaders = (language: "en" | "es") =>
  language === "es" ? THRESHOLD_HEADERS_ES : THRESHOLD_HEADERS;

/** 0-based columns of a thresholds range. */
export interface ThresholdColumns {
  readonly id: number;
  readonly targets?: readonly number[];
  readonly floors?: readonly number[];
  readonly threshold?: number;
}

/**
 * Where the template's two tables keep their columns (0-based), so a table's data body passed
 * without its header row (`ScaleThresholds` instead of `ScaleThresholds[#All]`) is read too.
 * The template lays its Thresholds sheet out from these.
 */
export const TEMPLATE_TABLES = {
  targets: { width: 13, id: 0, targets: [4, 5, 6, 7], floors: [8, 9, 10, 11] },
  risks: { width: 7, id: 0, threshold: 5 },
} as const satisfies Record<string, ThresholdColumns & { width: number }>;
