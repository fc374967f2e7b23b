/**
 * Throughput of the evaluation core and of SCALE.PHASE on a large range (Node, one core).
 * Reports figures; asserts nothing.
 */
import { PHASE_METRICS, PHASE_NUMBERS } from "../src/core/catalog";
import { levelOf, metricRule } from "../src/core/evaluate";
import { eta, phase, risk } from "../src/functions/functions";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Single-metric level evaluations per second: a value judged against a metric's phase target. */
function evalsPerSecond(): number {
  const rules = PHASE_METRICS.flatMap((m) =>
    PHASE_NUMBERS.map((p) => metricRule(m, p)),
  );
  const values = rules.map((r, i) => r.threshold * (0.85 + (i % 7) * 0.05));
  const n = 5_000_000;
  let sink = 0;
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const k = i % rules.length;
      if (levelOf(values[k], rules[k]) === "RISK") sink++;
    }
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  if (sink < 0) console.error(sink);
  return Math.round(n / median(runs));
}

/** SCALE.PHASE over a 100,000 x 2 range of ids and values, as Excel would pass it. */
function phase100kRowsMs(): number {
  const rows = Array.from({ length: 100_000 }, (_, i) => {
    const m = PHASE_METRICS[i % PHASE_METRICS.length];
    return [m.id, m.targets[i % 4]] as [string, number];
  });
  phase(rows);
  const runs: number[] = [];
  for (let run = 0; run < 7; run++) {
    const t0 = process.hrtime.bigint();
    const result = phase(rows);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (typeof result !== "number")
      throw new Error(
        `PHASE failed in the benchmark: ${JSON.stringify(result)}`,
      );
  }
  return Math.round(median(runs) * 10) / 10;
}

/** Whole SCALE.RISK calls on one cell (lookup, input checks, level), as a recalculating sheet makes them. */
function riskCallsPerSecond(): number {
  const cells = PHASE_METRICS.map(
    (m, i) => [[[m.id]], [[m.targets[i % 4]]], (i % 4) + 1] as const,
  );
  const n = 500_000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const [id, value, p] = cells[i % cells.length];
    risk(id as unknown as string[][], value as unknown as number[][], p);
  }
  return Math.round(n / (Number(process.hrtime.bigint() - t0) / 1e9));
}

/** The same calls with the whole thresholds table passed (each call gets its own copy, as from Excel). */
function riskCallsWithThresholdsPerSecond(): number {
  const table = () => [
    ["Id", "P1", "P2", "P3", "P4"],
    ...PHASE_METRICS.map((m) => [m.id, ...m.targets]),
  ];
  const cells = PHASE_METRICS.map(
    (m, i) => [[[m.id]], [[m.targets[i % 4]]], (i % 4) + 1, table()] as const,
  );
  const n = 100_000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const [id, value, p, thresholds] = cells[i % cells.length];
    risk(
      id as unknown as string[][],
      value as unknown as number[][],
      p,
      thresholds as unknown as (string | number)[][],
    );
  }
  return Math.round(n / (Number(process.hrtime.bigint() - t0) / 1e9));
}

/** Calls per second of `call(i)`: the median of five timings of n/5 calls, after a warm-up the JIT settles in. */
function perSecond(n: number, call: (i: number) => unknown): number {
  for (let i = 0; i < 50_000; i++) call(i);
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n / 5; i++) call(i);
    runs.push(n / 5 / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  return Math.round(median(runs));
}

const thresholdsTable = (edit: number) => [
  ["Id", "P1", "P2", "P3", "P4"],
  ...PHASE_METRICS.map((m, i) => [m.id, ...m.targets.map((t) => (i === 0 ? t * edit : t))]),
];

/** SCALE.RISK calls alternating between two different thresholds tables, as two blocks of a sheet would (each call its own copy). */
function riskCallsWithTwoTablesPerSecond(): number {
  const copies = [1, 1.1].map((edit) => Array.from({ length: 4 }, () => thresholdsTable(edit)));
  return perSecond(200_000, (i) => {
    const m = PHASE_METRICS[i % PHASE_METRICS.length];
    return risk([[m.id]], [[m.targets[i % 4]]], (i % 4) + 1, copies[i % 2][(i >> 1) % 4]);
  });
}

/** SCALE.RISK calls given a table with one bad cell: each gets the #VALUE! the first call found. */
function riskCallsWithBadTablePerSecond(): number {
  const bad = () => {
    const t = thresholdsTable(1) as (string | number)[][];
    t[5][2] = "n/a";
    return t;
  };
  const copies = Array.from({ length: 4 }, bad);
  return perSecond(200_000, (i) => risk([["mrr"]], [[600_000]], 1, copies[i % 4]));
}

/** SCALE.ETA over 36-month rows of MRR, as a dashboard column of ETA cells would call it. */
function etaCallsPerSecond(): number {
  const rows = Array.from({ length: 16 }, (_, k) => [Array.from({ length: 36 }, (_, t) => 50_000 * Math.pow(1.03 + k * 0.002, t))]);
  return perSecond(1_000_000, (i) => eta("mrr", rows[i % rows.length], 4));
}

export async function run(): Promise<Record<string, number>> {
  return {
    evalsPerSecond: evalsPerSecond(),
    riskCallsPerSecond: riskCallsPerSecond(),
    riskCallsWithThresholdsPerSecond: riskCallsWithThresholdsPerSecond(),
    riskCallsWithTwoTablesPerSecond: riskCallsWithTwoTablesPerSecond(),
    riskCallsWithBadTablePerSecond: riskCallsWithBadTablePerSecond(),
    etaCallsPerSecond: etaCallsPerSecond(),
    phase100kRowsMs: phase100kRowsMs(),
  };
}
