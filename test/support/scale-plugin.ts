/**
 * The SCALE.* functions registered in HyperFormula, a real formula engine, so tests can
 * evaluate them from formulas on sheets (references, ranges, blanks, spills) the way Excel calls them.
 * This file only translates values between HyperFormula and the Excel shapes the functions take.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import * as scale from "../../src/functions/functions";
import { isExcelError } from "../../src/functions/errors";
import { resolve } from "../../src/core/lookup";
import { PHASE_METRICS } from "../../src/core/catalog";

type ExcelCell = string | number | boolean | null;

function toExcel(v: unknown): ExcelCell | ExcelCell[][] {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map((c) => toExcel(c) as ExcelCell));
  if (v === EmptyValue || v === undefined) return null;
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val;
  return v as ExcelCell;
}

function fromExcel(v: unknown): unknown {
  if (isExcelError(v)) return new CellError(v.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, v.message);
  if (Array.isArray(v)) {
    const rows = (v as unknown[][]).map((row) => row.map((c) => (c === "" ? EmptyValue : fromExcel(c))));
    return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : SimpleRangeValue.onlyValues(rows as never);
  }
  return v;
}

const range = { argumentType: FunctionArgumentType.RANGE };
const optionalRange = { argumentType: FunctionArgumentType.RANGE, optionalArg: true };
const scalar = { argumentType: FunctionArgumentType.SCALAR };
const optionalScalar = { argumentType: FunctionArgumentType.SCALAR, optionalArg: true };

/** A string literal argument, known before evaluation (HyperFormula sizes spills at parse time). */
function literal(ast: { args: unknown[] }, i: number): string | undefined {
  const arg = ast.args[i] as { type?: string; value?: unknown } | undefined;
  return arg?.type === "STRING" && typeof arg.value === "string" ? arg.value : undefined;
}

export class ScalePlugin extends FunctionPlugin {
  static implementedFunctions = {
    "SCALE.PHASE": { method: "phase", parameters: [range, optionalRange, optionalScalar, optionalRange] },
    "SCALE.GAP": { method: "gap", sizeOfResultArrayMethod: "pairedSize", parameters: [range, range, scalar, optionalScalar, optionalRange] },
    "SCALE.RISK": { method: "risk", sizeOfResultArrayMethod: "riskSize", parameters: [range, range, optionalScalar, optionalRange] },
    "SCALE.TARGET": { method: "target", sizeOfResultArrayMethod: "firstArgSize", parameters: [range, scalar, optionalRange] },
    "SCALE.METRICS": { method: "metrics", sizeOfResultArrayMethod: "catalogSize", parameters: [optionalScalar] },
    "SCALE.ETA": { method: "eta", parameters: [scalar, range, scalar, optionalRange] },
    "SCALE.SCORE": { method: "score", parameters: [range, optionalRange, optionalScalar, optionalRange] },
  };

  private call(name: string, fn: (...args: any[]) => unknown, ast: any, state: any) {
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
      // Excel passes an error in an argument straight through without calling the function.
      const failed = args.find((a) => a instanceof CellError);
      // Excel passes an argument left empty (`=SCALE.SCORE(A1:B5,,1)`) as null; HyperFormula
      // would hand a range parameter a 1x1 range holding an empty cell instead.
      const excelArgs = args.map((a, i) => (ast.args[i]?.type === "EMPTY" ? null : toExcel(a)));
      return (failed ?? fromExcel(fn(...excelArgs))) as never;
    });
  }

  phase(ast: any, state: any) {
    return this.call("SCALE.PHASE", scale.phase, ast, state);
  }

  gap(ast: any, state: any) {
    return this.call("SCALE.GAP", scale.gap, ast, state);
  }

  risk(ast: any, state: any) {
    return this.call("SCALE.RISK", scale.risk, ast, state);
  }

  target(ast: any, state: any) {
    return this.call("SCALE.TARGET", scale.target, ast, state);
  }

  metrics(ast: any, state: any) {
    return this.call("SCALE.METRICS", scale.metrics, ast, state);
  }

  eta(ast: any, state: any) {
    return this.call("SCALE.ETA", scale.eta, ast, state);
  }

  score(ast: any, state: any) {
    return this.call("SCALE.SCORE", scale.score, ast, state);
  }

  pairedSize(ast: any, state: any): ArraySize {
    const [ids, values] = [0, 1].map((i) => this.argumentSize(ast, i, state));
    return ids.width * ids.height === 1 ? values : ids;
  }

  riskSize(ast: any, state: any): ArraySize {
    const id = literal(ast, 0);
    return id !== undefined && resolve(id).kind === "group" ? ArraySize.scalar() : this.pairedSize(ast, state);
  }

  firstArgSize(ast: any, state: any): ArraySize {
    return this.argumentSize(ast, 0, state);
  }

  /** Size of a range argument, read from the formula's syntax (HyperFormula sizes spills before evaluating). */
  private argumentSize(ast: any, i: number, state: any): ArraySize {
    const arg = ast.args[i];
    if (arg?.type !== "CELL_RANGE") return ArraySize.scalar();
    const start = arg.start.toSimpleCellAddress(state.formulaAddress);
    const end = arg.end.toSimpleCellAddress(state.formulaAddress);
    return new ArraySize(end.col - start.col + 1, end.row - start.row + 1);
  }

  catalogSize(ast: any): ArraySize {
    const lang = literal(ast, 0);
    return lang !== undefined && !["en", "es"].includes(lang.toLowerCase()) ? ArraySize.scalar() : new ArraySize(8, PHASE_METRICS.length + 1);
  }
}

let registered = false;

/** A workbook engine with SCALE.* available. */
export function engine(sheets: Record<string, (string | number | boolean | null)[][]>): HyperFormula {
  if (!registered) {
    HyperFormula.registerFunctionPlugin(ScalePlugin, {
      enGB: { "SCALE.PHASE": "SCALE.PHASE", "SCALE.GAP": "SCALE.GAP", "SCALE.RISK": "SCALE.RISK", "SCALE.TARGET": "SCALE.TARGET", "SCALE.METRICS": "SCALE.METRICS", "SCALE.ETA": "SCALE.ETA", "SCALE.SCORE": "SCALE.SCORE" },
    });
    registered = true;
  }
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
}
