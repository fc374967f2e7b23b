/**
 * What the workbook looks like on a screen at 100% zoom (product.md 10, "Screen"): column widths
 * in pixels, the Tracking sheet's frozen columns on a laptop, the dashboard's table at 1,024.
 */
import { SheetSpec } from "./types";
import { cellPosition } from "./formulas";

/** The workbook's font (styles.ts FONT), Calibri 11: its widest digit is 7 pixels at 100% zoom. */
const MAX_DIGIT_WIDTH = 7;

/** A column Excel was given no width for: 8.43 characters, stored as 9.140625. */
const DEFAULT_WIDTH = 9.140625;

/** The frozen columns must leave the months room on a laptop with the task pane open. */
export const FROZEN_MAX_PIXELS = 400;

/** The dashboard's main table reads without scrolling on a 1,024-pixel-wide screen. */
export const DASHBOARD_MAX_PIXELS = 1024;

/**
 * A column width in characters, as an .xlsx `col` element stores it, in pixels:
 * Truncate(((256 * width + Truncate(128 / MDW)) / 256) * MDW), MDW the maximum digit width
 * (ECMA-376 Part 1, 18.3.1.13 `col`; Microsoft's notes on it:
 * https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/727f4736-6cba-40e3-b4d3-ce319885780e).
 */
export const columnPixels = (width: number): number =>
  Math.trunc(
    ((256 * width + Math.trunc(128 / MAX_DIGIT_WIDTH)) / 256) * MAX_DIGIT_WIDTH,
  );

/**
 * The same width in points, as Office.js's RangeFormat.columnWidth takes it (its unit is the
 * point: office-js #187, #3036), so both writers give a column the same pixels. 96 px = 72 pt.
 */
export const columnPoints = (width: number): number =>
  (columnPixels(width) * 72) / 96;

const letterColumn = (letter: string) => cellPosition(`${letter}1`).col;

/** The pixels of a sheet's columns `first`..`last` (1-based). */
export function columnsPixels(
  sheet: SheetSpec,
  first: number,
  last: number,
): number {
  const widths = new Map(
    Object.entries(sheet.columnWidths).map(([letter, w]) => [
      letterColumn(letter),
      w,
    ]),
  );
  let pixels = 0;
  for (let c = first; c <= last; c++)
    pixels += columnPixels(widths.get(c) ?? DEFAULT_WIDTH);
  return pixels;
}

/** How wide the sheet's frozen columns are on screen: 0 where nothing is frozen. */
export const frozenPixels = (sheet: SheetSpec): number =>
  columnsPixels(sheet, 1, sheet.freeze?.columns ?? 0);
