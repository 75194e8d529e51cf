/**
 * What the emulator saw during one benchmark phase: requests and throttled answers (deltas of
 * `/_emulator/stats`), other error answers, and the most requests per action that arrived within any
 * 1000 ms (from `/_emulator/requests`), which shows whether a client kept under the limit.
 */
import { emulatorControl, type RateStats, type RequestLogEntry } from "../emulator";
import type { EmulatorEndpoint } from "../harness";
import { maxInWindow } from "../harness/stats";

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

type Stats = Pick<RateStats, "requests" | "throttled">;
type LogEntry = Pick<RequestLogEntry, "at" | "action" | "outcome">;

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

const control = <T>(emulator: EmulatorEndpoint, route: string): Promise<T> => emulatorControl<T>(emulator.url, "GET", route);

/**
 * Starts watching: returns a function that, called when the phase is over, reports the phase's traffic.
 * The request log keeps the last 1000 entries, so call it right after each phase.
 */
export async function watchTraffic(emulator: EmulatorEndpoint): Promise<() => Promise<PhaseTraffic>> {
  const before = await control<Stats>(emulator, "stats");
  const since = Date.now();
  return async () => {
    const after = await control<Stats>(emulator, "stats");
    const { requests } = await control<{ requests: LogEntry[] }>(emulator, "requests");
    const mine = requests.map((e) => ({ ...e, ms: Date.parse(e.at) })).filter((e) => e.ms >= since);
    const byAction = new Map<string, number[]>();
    for (const e of mine) byAction.set(e.action, [...(byAction.get(e.action) ?? []), e.ms]);
    const times = mine.map((e) => e.ms);
    return {
      requests: sum(after.requests) - sum(before.requests),
      throttled: sum(after.throttled) - sum(before.throttled),
      otherErrors: mine.filter((e) => e.outcome !== "ok" && e.outcome !== "RequestLimitExceeded").length,
      maxPerSlidingSecond: Math.max(0, ...[...byAction.values()].map((t) => maxInWindow(t))),
      spanMs: times.length > 1 ? Math.max(...times) - Math.min(...times) : 0,
    };
  };
}
