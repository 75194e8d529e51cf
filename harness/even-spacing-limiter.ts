/**
 * The client limiter as it was before issue 14, kept as a baseline: the client-only benchmark measures it
 * beside the current one (`--limiter even`), and the limiter's unit tests use it as the negative control
 * of "budget missed during a stall is spent afterwards".
 *
 * It spaces grants at least `(windowMs + marginMs) / limit` apart (a token bucket of capacity 1), so its
 * ceiling is `windowMs / (windowMs + marginMs)` of the limit, and time in which no grant could be given
 * (an idle moment, a stalled event loop) is lost for good.
 */
import { enqueue, type LimiterOptions, type Waiter as LimiterWaiter } from "../trtc/client/rate-limit";

/** The margin the baseline shipped with. */
export const EVEN_SPACING_MARGIN_MS = 100;

/** What the baseline's grant gives: its time (the limiter's clock), and a `sent` that does nothing. */
export interface EvenSpacingPermit {
  /** When the limiter resolved the grant (what it spaced), which the caller may act on much later. */
  grantedAt: number;
  sent(): void;
}

type Waiter = LimiterWaiter<EvenSpacingPermit>;

/** FIFO limiter that spaces grants evenly; same options and `acquire` contract as `SlidingWindowLimiter`. */
export class EvenSpacingLimiter {
  private readonly gapMs: number;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  private lastGrant = -Infinity;
  private readonly queue: Waiter[] = [];
  private cancelTimer: (() => void) | undefined;

  /** @throws RangeError when `limit` is not a positive integer. */
  constructor(options: LimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1)
      throw new RangeError(`rate limit must be a positive integer, got ${options.limit}`);
    this.gapMs = ((options.windowMs ?? 1000) + (options.marginMs ?? EVEN_SPACING_MARGIN_MS)) / options.limit;
    this.now = options.now ?? (() => performance.now());
    this.schedule =
      options.schedule ??
      ((fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      });
  }

  /** Resolves when the caller may send; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<EvenSpacingPermit> {
    return enqueue(this.queue, () => this.pump(), signal);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const t = this.now();
      const openAt = this.lastGrant + this.gapMs;
      if (t < openAt) {
        this.cancelTimer ??= this.schedule(
          () => {
            this.cancelTimer = undefined;
            this.pump();
          },
          Math.ceil(openAt - t),
        );
        return;
      }
      const waiter = this.queue.shift() as Waiter;
      this.lastGrant = t;
      waiter.detach();
      waiter.resolve({ grantedAt: t, sent: () => undefined });
    }
  }
}
