/**
 * What the emulator saw during one benchmark phase: requests and throttled answers (deltas of
 * `/_emulator/stats`), other error answers, and the most requests per action that arrived within any
 * 1000 ms (from `/_emulator/requests`), which shows whether a client kept under the limit.
 */
import { emulatorControl, type RunningEmulator } from "../emulator";

/** Counters of one phase. */
export interface PhaseTraffic {
  /** API requests that reached the emulator's limiter. */
  requests: number;
  /** Of those, answered `RequestLimitExceeded`. */
  throttled: number;
  /** Answers that were errors other than throttling. */
  otherErrors: number;
  /** Most requests of one action that arrived in any 1000 ms interval. */
  maxPerSlidingSecond: number;
  /**
   * Time from the first to the last request arrival of the phase. Unlike the phase's wall time it holds
   * almost none of the engine's own cost, so (requests - 1) / 20 s over it shows how close the client's
   * limiter came to the API limit even when engine timings are noisy.
   */
  spanMs: number;
}

interface Stats {
  requests: Record<string, number>;
  throttled: Record<string, number>;
}

interface LogEntry {
  at: string;
  action: string;
  outcome: string;
}

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

const control = <T>(emulator: RunningEmulator, route: string): Promise<T> => emulatorControl<T>(emulator.url, "GET", route);

/** Most timestamps (ms) of one key within any interval of `windowMs`. */
export function maxInWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/**
 * Starts watching: returns a function that, called when the phase is over, reports the phase's traffic.
 * The request log keeps the last 1000 entries, so call it right after each phase.
 */
export async function watchTraffic(emulator: RunningEmulator): Promise<() => Promise<PhaseTraffic>> {
  const before = await control<Stats>(emulator, "stats");
  const since = Date.now();
  return async () => {
    const after = await control<Stats>(emulator, "stats");
    const { requests } = await control<{ requests: LogEntry[] }>(emulator, "requests");
    const mine = requests.filter((e) => Date.parse(e.at) >= since);
    const byAction = new Map<string, number[]>();
    for (const e of mine) byAction.set(e.action, [...(byAction.get(e.action) ?? []), Date.parse(e.at)]);
    return {
      requests: sum(after.requests) - sum(before.requests),
      throttled: sum(after.throttled) - sum(before.throttled),
      otherErrors: mine.filter((e) => e.outcome !== "ok" && e.outcome !== "RequestLimitExceeded").length,
      maxPerSlidingSecond: Math.max(0, ...[...byAction.values()].map((t) => maxInWindow(t))),
      spanMs: mine.length > 1 ? Math.max(...mine.map((e) => Date.parse(e.at))) - Math.min(...mine.map((e) => Date.parse(e.at))) : 0,
    };
  };
}
