/**
 * Client-side rate limiting: at most `limit` requests per action in any window of one second, shared by
 * every TrtcClient in the process (a Pulumi deployment runs many resources in one provider process, and
 * Tencent counts them all against the same 20 requests/s per action).
 *
 * Tencent does not document its window (spec §9), so this limiter keeps the strongest guarantee: no
 * sliding window of `windowMs` contains more than `limit` grants, whatever its alignment. It does so by
 * spacing grants at least `(windowMs + marginMs) / limit` apart (a token bucket of capacity 1): then any
 * `limit + 1` grants span at least `windowMs + marginMs`, so no window of `windowMs` can hold them.
 *
 * Why even spacing rather than "20 at once, then wait": requests handled one at a time reach the server
 * with nearly the same delay, while a burst of 20 spreads out on the way (signing, connecting) and could
 * squeeze 21 arrivals into one server-side second. The margin absorbs the remaining jitter between
 * "granted here" and "arrived there". Waiters are served first come, first served; a lone request never
 * waits.
 */

/** The window Tencent's limit is stated in. */
export const RATE_WINDOW_MS = 1000;
/**
 * Added to the window so that up to this much jitter on the way cannot squeeze `limit + 1` arrivals into
 * one server-side second. Costs 9 % of the throughput (20 per 1.1 s = 18.2/s), which no deployment notices.
 */
export const RATE_MARGIN_MS = 100;

/** Options of {@link SlidingWindowLimiter}. */
export interface LimiterOptions {
  /** Grants per window. */
  limit: number;
  /** Window length. Default {@link RATE_WINDOW_MS}. */
  windowMs?: number;
  /** Safety margin added to the window. Default {@link RATE_MARGIN_MS}. */
  marginMs?: number;
  /** Clock in ms (monotonic). Default `performance.now`; tests inject a manual clock. */
  now?: () => number;
  /** Timer; returns a cancel function. Default `setTimeout`. Tests inject a manual scheduler. */
  schedule?: (fn: () => void, ms: number) => () => void;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  detach: () => void;
}

const realSchedule = (fn: () => void, ms: number): (() => void) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/** A FIFO limiter that keeps every sliding window within the limit by spacing grants evenly. */
export class SlidingWindowLimiter {
  private limitValue: number;
  private readonly spanMs: number;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  /** Time of the most recent grant. */
  private lastGrant = -Infinity;
  private readonly queue: Waiter[] = [];
  private cancelTimer: (() => void) | undefined;

  constructor(options: LimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1)
      throw new RangeError(`rate limit must be a positive integer, got ${options.limit}`);
    this.limitValue = options.limit;
    this.spanMs = (options.windowMs ?? RATE_WINDOW_MS) + (options.marginMs ?? RATE_MARGIN_MS);
    this.now = options.now ?? (() => performance.now());
    this.schedule = options.schedule ?? realSchedule;
  }

  /** Grants per window. */
  get limit(): number {
    return this.limitValue;
  }

  /** Requests waiting for a grant. */
  get pending(): number {
    return this.queue.length;
  }

  /** Lowers the limit (never raises it: a shared limiter obeys its strictest user). */
  tighten(limit: number): void {
    if (Number.isInteger(limit) && limit >= 1 && limit < this.limitValue) this.limitValue = limit;
  }

  /**
   * Resolves when the caller may send one request. Rejects with the signal's reason if it aborts first
   * (the caller's deadline), and then takes no grant.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, detach: () => undefined };
      if (signal) {
        const onAbort = (): void => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(signal.reason);
        };
        signal.addEventListener("abort", onAbort, { once: true });
        waiter.detach = () => signal.removeEventListener("abort", onAbort);
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Grants to waiters while the window allows, then arms one timer for the next opening. */
  private pump(): void {
    while (this.queue.length > 0) {
      const t = this.now();
      const openAt = this.nextOpening();
      if (t < openAt) {
        if (!this.cancelTimer) {
          this.cancelTimer = this.schedule(
            () => {
              this.cancelTimer = undefined;
              this.pump();
            },
            Math.ceil(openAt - t),
          );
        }
        return;
      }
      const waiter = this.queue.shift() as Waiter;
      this.lastGrant = t;
      waiter.detach();
      waiter.resolve();
    }
  }

  /** The earliest time the next grant keeps the spacing (and so every window within the limit). */
  private nextOpening(): number {
    return this.lastGrant + this.spanMs / this.limitValue;
  }
}

/**
 * Process-wide limiters keyed by endpoint host and action. Module state on purpose: every client in the
 * process must draw from the same budget.
 */
const registry = new Map<string, SlidingWindowLimiter>();

/**
 * The process-wide limiter for one host and action. The first caller creates it; a later caller asking for
 * a lower limit lowers it for everyone, so the strictest setting in the process wins.
 */
export function sharedLimiter(host: string, action: string, limit: number): SlidingWindowLimiter {
  const key = `${host.toLowerCase()} ${action}`;
  let limiter = registry.get(key);
  if (!limiter) {
    limiter = new SlidingWindowLimiter({ limit });
    registry.set(key, limiter);
  } else {
    limiter.tighten(limit);
  }
  return limiter;
}
