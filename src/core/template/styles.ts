/** The cell styles of the template, in one place: both writers translate these. Colours are #RRGGBB. */
import { CellStyle } from "./types";

export interface StyleSpec {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly center?: boolean;
}

/**
 * The workbook's font, Excel's default: the column widths are computed with its 7-pixel digits
 * (screen.ts). A style changes weight, slant, size or colour, never the face.
 */
export const FONT = { name: "Calibri", size: 11 } as const;

/** The built-in style of the workbook's Excel tables (the Thresholds tables), named by both writers. */
export const TABLE_STYLE = "TableStyleLight9";

export const STYLES: Readonly<Record<CellStyle, StyleSpec>> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true, fill: "#F2F2F2" },
  header: { bold: true, color: "#FFFFFF", fill: "#107C41" },
  section: { bold: true, color: "#107C41", fill: "#E2EFDA" },
  label: { bold: true },
  input: { fill: "#FFFDE7" },
  computed: { fill: "#F3F3F3" },
  flag: { bold: true, center: true },
  note: { italic: true, color: "#666666" },
  working: { italic: true, color: "#808080" },
};
