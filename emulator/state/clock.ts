/**
 * The emulator's two notions of "now".
 *
 * `wall()` is the injected clock as given: signatures and rate-limit windows use it, because a client signs
 * with its own real clock. `now()` adds an offset a test can push forward through the control API, so task
 * time (idle expiry, timestamps in the task view) can jump an hour without every later request failing
 * with `AuthFailure.SignatureExpire`.
 */

/** Milliseconds since the epoch. */
export type ClockFn = () => number;

/** Task time = wall time + an offset that only moves forward. */
export class EmulatorClock {
  private offsetMs: number;

  /** @param wall the injected clock (default `Date.now`); @param offsetMs a persisted offset to resume from. */
  constructor(
    private readonly wall: ClockFn = Date.now,
    offsetMs = 0,
  ) {
    this.offsetMs = offsetMs;
  }

  /** Task time in milliseconds. */
  now(): number {
    return this.wall() + this.offsetMs;
  }

  /** Wall time in milliseconds, unaffected by {@link advance}. */
  wallNow(): number {
    return this.wall();
  }

  /** How far task time runs ahead of wall time. */
  offset(): number {
    return this.offsetMs;
  }

  /** Moves task time forward; negative amounts are refused so expiry never has to run backwards. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("advance needs a finite, non-negative number of milliseconds");
    this.offsetMs += ms;
  }

  /** Back to wall time (used by the control API's reset). */
  reset(): void {
    this.offsetMs = 0;
  }
}
