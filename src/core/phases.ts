/**
 * The four phases (product.md section 1), apart from the rest of the catalog so that the task
 * pane's first screen can name them without loading the catalog's tables; catalog.ts re-exports them.
 */
import type { Localized, PhaseNumber } from "./types";

export interface Phase {
  readonly number: PhaseNumber;
  readonly id: string;
  readonly name: Localized;
  readonly horizon: Localized;
  /**
   * The month (1 = the timeline's first) from which the schedule expects this phase reached:
   * the seed's horizons, phase 1 in months 1-6, phase 2 in year 1, phase 3 in year 2, phase 4 from year 3.
   */
  readonly expectedFrom: number;
}

export const PHASES: readonly Phase[] = [
  {
    number: 1,
    id: "initial",
    name: { en: "Initial scaling", es: "Escalamiento Inicial" },
    horizon: { en: "months 1-6", es: "meses 1-6" },
    expectedFrom: 6,
  },
  {
    number: 2,
    id: "operational",
    name: { en: "Operational scaling", es: "Escalamiento Operacional" },
    horizon: { en: "year 1", es: "año 1" },
    expectedFrom: 12,
  },
  {
    number: 3,
    id: "market",
    name: { en: "Market scaling", es: "Escalamiento de Mercado" },
    horizon: { en: "year 2", es: "año 2" },
    expectedFrom: 24,
  },
  {
    number: 4,
    id: "global",
    name: { en: "Global scaling", es: "Escalamiento Global" },
    horizon: { en: "year 3+", es: "año 3+" },
    expectedFrom: 36,
  },
];

export const FIRST_PHASE = PHASES[0].number;
export const LAST_PHASE = PHASES[PHASES.length - 1].number;

/**
 * The phase a month or a metric is judged against (product.md 6.4, "Target phase"): one past the
 * phase reached, the last phase at most; the first where none is reached (blank or an error).
 * The sheet's formula for it is template/formulas.ts's targetPhaseFormula, built from the same constants.
 */
export const targetPhaseOf = (reached: number | undefined): PhaseNumber =>
  reached === undefined
    ? FIRST_PHASE
    : (Math.min(reached + 1, LAST_PHASE) as PhaseNumber);
