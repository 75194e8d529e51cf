/**
 * Server-side throttling (spec §9): at most N requests per action and SecretId per second, answered with
 * `RequestLimitExceeded` beyond that. Tencent does not document its window, so both readings are here:
 * `fixed` (the default) counts each one-second window of the wall clock, the most lenient reading;
 * `sliding` counts the admitted requests of the last 1000 ms before each arrival, the strictest. A client
 * that stays under the sliding one is safe against either.
 *
 * It also counts what it saw, per action, so a client's own limiter can be checked from the outside:
 * `maxPerSecond` (admitted, fixed windows), `maxReceivedPerSecond` (everything that reached the limiter,
 * fixed windows) and `maxReceivedPerSlidingSecond` (the same over any 1000 ms interval: the strict view).
 */

/** How the emulator counts a second: each fixed wall-clock second, or the 1000 ms before each arrival. */
export type RateWindow = "fixed" | "sliding";

/** Every {@link RateWindow}, for option and flag checks. */
export const RATE_WINDOWS: readonly RateWindow[] = ["fixed", "sliding"];

/** Counters exposed by `GET /_emulator/stats`. */
export interface RateStats {
  /** The configured limit; 0 = throttling off. */
  limitPerSecond: number;
  /** Which window the limit is applied over. */
  window: RateWindow;
  /** Requests per action that passed authentication and reached the limiter. */
  requests: Record<string, number>;
  /** Of those, how many were answered `RequestLimitExceeded`. */
  throttled: Record<string, number>;
  /** Most admitted requests in one fixed second, for one SecretId. */
  maxPerSecond: Record<string, number>;
  /** Most received requests in one fixed second, for one SecretId. */
  maxReceivedPerSecond: Record<string, number>;
  /** Most received requests in any 1000 ms interval, for one SecretId. */
  maxReceivedPerSlidingSecond: Record<string, number>;
}

interface Window {
  second: number;
  received: number;
  admitted: number;
  /** Arrival times (ms) within the last second, for the sliding view. */
  recent: number[];
  /** Admission times (ms) within the last second, for the sliding window. */
  recentAdmitted: number[];
}

/** Drops the times that are 1000 ms or more before `nowMs`: what is left is the interval (now - 1000, now]. */
const keepLastSecond = (times: number[], nowMs: number): void => {
  while (times.length > 0 && times[0] <= nowMs - 1000) times.shift();
};

/** Fixed- or sliding-window limiter keyed by action and SecretId. */
export class RateLimiter {
  private windows = new Map<string, Window>();
  private stats!: RateStats;

  /**
   * @param limitPerSecond 0 turns throttling off (counting continues).
   * @param window `fixed` (default) or `sliding`; see {@link RateWindow}.
   */
  constructor(
    private readonly limitPerSecond: number,
    private readonly window: RateWindow = "fixed",
  ) {
    this.reset();
  }

  /** Counts one request at wall time `nowMs`; true when it may proceed. */
  admit(action: string, secretId: string, nowMs: number): boolean {
    const key = `${action}\u0000${secretId}`;
    const second = Math.floor(nowMs / 1000);
    let w = this.windows.get(key);
    if (!w) {
      w = { second, received: 0, admitted: 0, recent: [], recentAdmitted: [] };
      this.windows.set(key, w);
    }
    if (w.second !== second) {
      w.second = second;
      w.received = 0;
      w.admitted = 0;
    }
    w.received += 1;
    w.recent.push(nowMs);
    keepLastSecond(w.recent, nowMs);
    keepLastSecond(w.recentAdmitted, nowMs);

    const s = this.stats;
    s.requests[action] = (s.requests[action] ?? 0) + 1;
    s.maxReceivedPerSecond[action] = Math.max(s.maxReceivedPerSecond[action] ?? 0, w.received);
    s.maxReceivedPerSlidingSecond[action] = Math.max(s.maxReceivedPerSlidingSecond[action] ?? 0, w.recent.length);

    const admittedInWindow = this.window === "sliding" ? w.recentAdmitted.length : w.admitted;
    const allowed = this.limitPerSecond <= 0 || admittedInWindow < this.limitPerSecond;
    if (allowed) {
      w.admitted += 1;
      w.recentAdmitted.push(nowMs);
      s.maxPerSecond[action] = Math.max(s.maxPerSecond[action] ?? 0, w.admitted);
    } else {
      s.throttled[action] = (s.throttled[action] ?? 0) + 1;
    }
    return allowed;
  }

  /** The configured limit. */
  get limit(): number {
    return this.limitPerSecond;
  }

  /** The configured window. */
  get windowKind(): RateWindow {
    return this.window;
  }

  /** A copy of the counters. */
  snapshot(): RateStats {
    return JSON.parse(JSON.stringify(this.stats)) as RateStats;
  }

  /** Forgets windows and counters (control API reset). */
  reset(): void {
    this.windows.clear();
    this.stats = {
      limitPerSecond: this.limitPerSecond,
      window: this.window,
      requests: {},
      throttled: {},
      maxPerSecond: {},
      maxReceivedPerSecond: {},
      maxReceivedPerSlidingSecond: {},
    };
  }
}
