/**
 * The command lines of the benchmarks (`npm run bench`, bench/main.ts; `npm run bench:client`,
 * bench/client-pace.ts), kept in the shared harness so that unit tests check them without importing bench/.
 */
import { CommandLineError, type CommandLineSpec, parseCommandLine } from "./command-line";
import type { LimiterKind } from "./pace-probe";

/** The command line of `npm run bench`. */
const BENCH_OPTIONS = {
  quick: { kind: "switch", help: "sizes 20 and 40, fewer repetitions; writes to a temporary file unless --out says otherwise" },
  reps: { kind: "count", value: "N", help: "throughput repetitions (default 1: a full run already takes ~20 min here)" },
  out: { kind: "text", value: "FILE", help: "where the report goes (default docs/BENCHMARKS.md)" },
  render: {
    kind: "text",
    value: "RAW.json",
    help: "re-render the report from a run's raw samples (the JSON a run leaves in the temp dir); measures nothing",
  },
} as const satisfies CommandLineSpec;

/** What `npm run bench -- ...` asked for. */
export interface BenchArgs {
  /** Sizes 20 and 40 and fewer repetitions; the report goes to a temporary file unless `out` is given. */
  quick: boolean;
  /** Throughput repetitions; default 1 (a full run already takes ~20 min here). */
  reps?: number;
  /** Where the report goes. */
  out?: string;
  /** Re-render the report from a run's raw samples (the JSON a run leaves in the temp dir); measures nothing. */
  render?: string;
}

/**
 * Parses `--quick`, `--reps N`, `--out FILE`, `--render RAW.json`.
 *
 * @throws CommandLineError naming anything else, or a `--reps` that is not a whole number from 1 up.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { quick, ...rest } = parseCommandLine("npm run bench", argv, BENCH_OPTIONS);
  return { quick: quick === true, ...rest };
}

/** Parsed flags. */
export interface PaceArgs {
  n: number;
  clients: number;
  limiters: LimiterKind[];
  server: "process" | "in-process";
  rateWindow: "fixed" | "sliding";
  stallMs: number;
  periodMs: number;
  loops: Array<"quiet" | "stalled">;
  /** Requests that warm the emulator up before each measurement (0 = none). */
  warmup: number;
  /** Synchronous work (ms) the loop starting the calls does before each one, as validating a big body would. */
  callWorkMs: number;
  json?: string;
}

/** Parses the flags above; throws a CommandLineError naming the bad one. */
export function parsePaceArgs(argv: readonly string[]): PaceArgs {
  const a: PaceArgs = {
    n: 200,
    clients: 4,
    limiters: ["log"],
    server: "process",
    rateWindow: "sliding",
    stallMs: 300,
    periodMs: 1000,
    loops: ["quiet", "stalled"],
    warmup: 40,
    callWorkMs: 0,
  };
  const int = (flag: string, v: string | undefined, min: number): number => {
    if (!/^\d+$/.test(v ?? "") || Number(v) < min) throw new CommandLineError(`bench:client: ${flag} needs an integer ≥ ${min}, got ${v}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const v = argv[i + 1];
    i++;
    if (flag === "--n") a.n = int(flag, v, 21);
    else if (flag === "--clients") a.clients = int(flag, v, 1);
    else if (flag === "--stall-ms") a.stallMs = int(flag, v, 0);
    else if (flag === "--period-ms") a.periodMs = int(flag, v, 1);
    else if (flag === "--warmup") a.warmup = int(flag, v, 0);
    else if (flag === "--call-work-ms") a.callWorkMs = int(flag, v, 0);
    else if (flag === "--json" && v) a.json = v;
    else if (flag === "--limiter" && (v === "log" || v === "even" || v === "both")) a.limiters = v === "both" ? ["even", "log"] : [v];
    else if (flag === "--server" && (v === "process" || v === "in-process")) a.server = v;
    else if (flag === "--rate-window" && (v === "fixed" || v === "sliding")) a.rateWindow = v;
    else if (flag === "--loops" && v && v.split(",").every((l) => l === "quiet" || l === "stalled"))
      a.loops = v.split(",") as PaceArgs["loops"];
    else throw new CommandLineError(`bench:client: unknown or incomplete argument ${JSON.stringify(flag)}`);
  }
  if (a.stallMs >= a.periodMs) throw new CommandLineError("bench:client: --stall-ms must be less than --period-ms");
  // Two phases and their retries must fit the emulator's request log (the last 1000 entries).
  if (a.n > 450) throw new CommandLineError("bench:client: --n is at most 450");
  return a;
}
