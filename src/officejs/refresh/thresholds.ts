/**
 * The thresholds the sheet's formulas use (the cells the names point at), translated into the
 * core's overrides: laid out as the Thresholds tables and read by parseOverrides, as SCALE.*
 * reads them. A text cell, or a floor typed for a metric that has none, is refused naming the cell.
 */
import {
  CONTEXT_THRESHOLDS,
  PHASE_METRICS,
  RISK_INDICATORS,
} from "../../core/catalog";
import { Cell, isBlank, isEmpty } from "../../core/cell";
import { Overrides } from "../../core/overrides";
import {
  OverridesError,
  noFloor,
  parseOverrides,
} from "../../core/thresholds-parser";
import { THRESHOLD_HEADERS } from "../../core/template/thresholds-layout";
import { cellAddress, parseAddress } from "../../core/address";
import { WorkbookError } from "../errors";
import { Reads, present } from "./read";

/** The numbers in a thresholds name's cells, "" where empty (that check is off); a text cell is refused, naming the cell. */
function thresholdNumbers(range: Excel.Range): (number | "")[] {
  const a = parseAddress(range.address);
  return (range.values[0] as Cell[]).map((v, k) => {
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (isBlank(v)) return "";
    throw new WorkbookError(
      "badThresholds",
      `${cellAddress(a.sheet, a.start.col + k, a.start.row)} holds ${JSON.stringify(v)}, not a number`,
    );
  });
}

/** A floor typed for a metric that has none (product.md section 4): refused naming the cell, as SCALE.* refuses it. */
function refuseStrayFloors(reads: Reads): void {
  for (const [id, range] of reads.strayFloors) {
    if (!present(range)) continue;
    const a = parseAddress(range.address);
    (range.values[0] as Cell[]).forEach((v, k) => {
      if (isEmpty(v)) return;
      throw new WorkbookError(
        "badThresholds",
        `${cellAddress(a.sheet, a.start.col + k, a.start.row)} holds ${JSON.stringify(v)}: ${noFloor(id)}`,
      );
    });
  }
}

/**
 * The thresholds the sheet's formulas use (the cells the names point at), as core overrides:
 * laid out as the Thresholds tables and read by parseOverrides, as SCALE.* reads them.
 */
export function overridesFrom(reads: Reads): Overrides {
  refuseStrayFloors(reads);
  const h = THRESHOLD_HEADERS;
  const rows: Cell[][] = [[h.id, ...h.targets, ...h.floors]];
  PHASE_METRICS.forEach((m, i) => {
    const targets = reads.targets[i];
    if (!present(targets)) return;
    const floor = reads.floors.get(m.id);
    const floors = present(floor) ? thresholdNumbers(floor) : ["", "", "", ""];
    rows.push([m.id, ...thresholdNumbers(targets), ...floors]);
  });
  rows.push([h.id, h.threshold]);
  RISK_INDICATORS.forEach((ind, i) => {
    const cell = reads.thresholds[i];
    if (present(cell)) rows.push([ind.qualifiedId, thresholdNumbers(cell)[0]]);
  });
  // The third table's conventions: an Id and a Threshold, as a risk indicator's.
  CONTEXT_THRESHOLDS.forEach((c, i) => {
    const cell = reads.contextThresholds[i];
    if (present(cell)) rows.push([c.id, thresholdNumbers(cell)[0]]);
  });
  try {
    return parseOverrides(rows);
  } catch (e) {
    if (e instanceof OverridesError)
      throw new WorkbookError("badThresholds", e.message);
    throw e;
  }
}
