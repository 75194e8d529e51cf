/**
 * Client-side rate limiting: at most `limit` requests per action in any window of one second, shared by
 * every TrtcClient in the process (a Pulumi deployment runs many resources in one provider process, and
 * Tencent counts them all against the same 20 requests/s per action). The guarantee is per process: two
 * provider processes (two stacks deployed at once) each have their own limiter and each spend the budget.
 *
 * Tencent does not document its window (spec §9), so this limiter keeps the strongest guarantee: no
 * interval of `windowMs + marginMs` holds more than `limit` logged grants, whatever its alignment and
 * whatever the timers do. It keeps a log of the last `limit` grants; grant `k + limit` is given no earlier
 * than grant `k` + `windowMs + marginMs`. A timer that fires late only delays grants: it can never let
 * more through than the log allows, so a stall of the event loop cannot release a burst that breaks the
 * window (tests/unit/rate-limit.test.ts simulates such stalls).
 *
 * A grant is logged at the latest moment the limiter can see, so that its log follows the requests on
 * the wire rather than the promises it resolved:
 * - when its caller resumes. A resolved promise runs its continuation only once the code that triggered
 *   the grant gives the event loop back: 100 calls started in one synchronous loop each validate their
 *   body first, and the first grants wait for all 100 validations. A microtask queued with the grant
 *   stamps it again just before the continuation runs, and the limiter decides nothing while the log
 *   holds a stamp that is not final yet (so one synchronous stretch of code gets at most one grant);
 * - when the request starts on a socket ({@link Permit.sent}): a new connection can take tens of
 *   milliseconds, and a later grant must not be counted from before it. Only the last `limit` grants are
 *   logged, so a send more than about one window after its grant no longer moves it (docs/CLIENT.md).
 *
 * The margin turns the guarantee on logged times into one on arrival times at the server: while the
 * delays from send to arrival differ by less than the margin, `arrival[k + limit] - arrival[k]` stays
 * above `windowMs`, so neither a fixed nor a sliding server-side window of one second sees `limit + 1`.
 * docs/CLIENT.md has the measured delays behind its size. A request throttled anyway (a stall of more
 * than the margin on the way) was not executed and is retried by the retry table (retry-policy.ts).
 *
 * Grants are also at least `minSpacingMs` apart (default half the even spacing, 25 ms at 20/s), so a
 * queue of requests reaches the server one by one rather than in a clump it must queue, which would add
 * its own queueing delay to the spread the margin has to cover. Budget that went unused is not lost:
 * after an idle moment or a stall in which no timer could fire, the slots whose grants are older than the
 * window are free again and are spent at twice the steady rate. Waiters are served first come, first
 * served; a lone request never waits.
 */

/** The window Tencent's limit is stated in. */
export const RATE_WINDOW_MS = 1000;
/**
 * Added to the window, so that send-to-arrival delays that differ by up to this much cannot squeeze
 * `limit + 1` arrivals into one server-side second. Costs 3 % of the throughput under sustained demand
 * (20 per 1.03 s = 19.4/s). Sized from the measured spread of those delays (docs/CLIENT.md).
 */
export const RATE_MARGIN_MS = 30;

/** Options of {@link SlidingWindowLimiter}. */
export interface LimiterOptions {
  /** Grants per window. */
  limit: number;
  /** Window length in ms. Default {@link RATE_WINDOW_MS}. */
  windowMs?: number;
  /** Safety margin added to the window, in ms, ≥ 0. Default {@link RATE_MARGIN_MS}. */
  marginMs?: number;
  /**
   * Least time between two grants in ms, ≥ 0. Default `windowMs / (2 × limit)` (25 ms for 20/s): half
   * the even spacing, so budget left by an idle moment or a stall is caught up at twice the steady rate.
   */
  minSpacingMs?: number;
  /** Clock in ms (monotonic). Default `performance.now`; tests inject a manual clock. */
  now?: () => number;
  /** Timer; returns a cancel function. Default `setTimeout`. Tests inject a manual scheduler. */
  schedule?: (fn: () => void, ms: number) => () => void;
}

/** What a grant gives its caller. */
export interface Permit {
  /**
   * Call when the request starts on a socket (undici's `onRequestStart`): the grant is logged at that
   * time if it is later. Calling it is optional, and calling it again or late does no harm.
   */
  sent(): void;
}

/** One logged grant: its time, and whether the caller has resumed (until then, `at` may still move). */
interface Grant {
  at: number;
  final: boolean;
}

/** A caller waiting in a limiter's queue for a permit of type `P`. */
export interface Waiter<P = Permit> {
  resolve: (permit: P) => void;
  reject: (reason: unknown) => void;
  /** Stops listening to the caller's signal; the limiter calls it when it grants. */
  detach: () => void;
}

/**
 * Queues a caller until the limiter's `pump` grants it (shifting it off `queue`, then `detach` and
 * `resolve`), or until `signal` aborts: the caller then leaves the queue, takes no grant, and the promise
 * rejects with the signal's reason. Shared with the even-spacing limiter the tests and benchmarks compare
 * against, so both queue the same way.
 */
export function enqueue<P>(queue: Waiter<P>[], pump: () => void, signal?: AbortSignal): Promise<P> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<P>((resolve, reject) => {
    const waiter: Waiter<P> = { resolve, reject, detach: () => undefined };
    if (signal) {
      const onAbort = (): void => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        reject(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      waiter.detach = () => signal.removeEventListener("abort", onAbort);
    }
    queue.push(waiter);
    pump();
  });
}

const realSchedule = (fn: () => void, ms: number): (() => void) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/**
 * A FIFO limiter that keeps every interval of `windowMs + marginMs` within `limit` grants, from a log of
 * the last `limit` grants.
 */
export class SlidingWindowLimiter {
  private limitValue: number;
  private readonly windowMs: number;
  private readonly spanMs: number;
  private readonly minSpacingMs: number | undefined;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  /** The most recent grants in the order given; never more than `limit` of them. */
  private readonly grants: Grant[] = [];
  private readonly queue: Waiter[] = [];
  private cancelTimer: (() => void) | undefined;
  /** A pump is queued behind the stamping microtasks. */
  private deferred = false;

  /** @throws RangeError when `limit` is not a positive integer, `windowMs` is not positive, or a margin or spacing is negative. */
  constructor(options: LimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1)
      throw new RangeError(`rate limit must be a positive integer, got ${options.limit}`);
    const windowMs = options.windowMs ?? RATE_WINDOW_MS;
    const marginMs = options.marginMs ?? RATE_MARGIN_MS;
    if (!(windowMs > 0) || !(marginMs >= 0) || !((options.minSpacingMs ?? 0) >= 0))
      throw new RangeError(
        `rate window must be positive, margin and spacing non-negative; got ${windowMs}, ${marginMs} and ${options.minSpacingMs} ms`,
      );
    this.limitValue = options.limit;
    this.windowMs = windowMs;
    this.spanMs = windowMs + marginMs;
    this.minSpacingMs = options.minSpacingMs;
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
    if (Number.isInteger(limit) && limit >= 1 && limit < this.limitValue) {
      this.limitValue = limit;
      this.grants.splice(0, Math.max(0, this.grants.length - limit));
    }
  }

  /**
   * Resolves when the caller may send one request, with a {@link Permit} to report when it was sent.
   * Rejects with the signal's reason if it aborts first (the caller's deadline), and then takes no grant.
   */
  acquire(signal?: AbortSignal): Promise<Permit> {
    return enqueue(this.queue, () => this.pump(), signal);
  }

  /** Grants to waiters while the log allows, then arms one timer for the next opening. */
  private pump(): void {
    while (this.queue.length > 0) {
      if (this.grants.some((g) => !g.final)) {
        // A caller has not resumed yet, so its stamp may still move: decide after the stamping
        // microtasks, which were queued before this one.
        if (!this.deferred) {
          this.deferred = true;
          queueMicrotask(() => {
            this.deferred = false;
            this.pump();
          });
        }
        return;
      }
      const full = this.grants.length >= this.limitValue;
      // Read the clock for every grant: a grant is logged when it happens, not when it was due.
      const t = this.now();
      const stamps = this.grants.map((g) => g.at);
      const spacing = this.minSpacingMs ?? this.windowMs / (2 * this.limitValue);
      const openAt = Math.max(full ? Math.min(...stamps) + this.spanMs : -Infinity, Math.max(-Infinity, ...stamps) + spacing);
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
      this.grantTo(this.queue.shift() as Waiter, t);
    }
  }

  private grantTo(waiter: Waiter, t: number): void {
    const grant: Grant = { at: t, final: false };
    this.grants.push(grant);
    if (this.grants.length > this.limitValue) this.grants.shift();
    const restamp = (): void => {
      grant.at = Math.max(grant.at, this.now());
    };
    waiter.detach();
    waiter.resolve({ sent: restamp });
    queueMicrotask(() => {
      restamp();
      grant.final = true;
    });
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
