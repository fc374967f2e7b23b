/**
 * The command line's own main() (src/cli) run in this process, so a test needs no build of lib/:
 * its exit code and what it printed, on stdout and stderr apart and together in order.
 */
import { main } from "../../src/cli/cli";

export interface Ran {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr as they came. */
  readonly said: string;
}

/** `scale-tracker ...args` */
export async function runInProcess(args: readonly string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const said: string[] = [];
  const keep = (into: string[]) => (...x: unknown[]) => {
    into.push(x.join(" "));
    said.push(x.join(" "));
  };
  const log = jest.spyOn(console, "log").mockImplementation(keep(out));
  const error = jest.spyOn(console, "error").mockImplementation(keep(err));
  try {
    const status = await main(["node", "scale-tracker", ...args]);
    return { status, stdout: out.join("\n"), stderr: err.join("\n"), said: said.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
