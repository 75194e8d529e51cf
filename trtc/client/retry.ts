/**
 * The retry loop: runs one operation's attempts under the retry table (retry-policy.ts), an attempt cap
 * and an overall deadline, with full-jitter exponential backoff.
 *
 * It knows nothing about HTTP: an attempt is a function that resolves or throws a TencentCloudError.
 */
import { ClientErrorCode, TencentCloudError } from "./errors";
import { decide, mayHaveApplied, type Decision } from "./retry-policy";

/** Base of the backoff for ordinary transient failures (the AWS SDK's value). */
export const DEFAULT_BASE_DELAY_MS = 100;
/** Base of the backoff after a throttled answer: Tencent counts per second, so start near half a window. */
export const THROTTLED_BASE_DELAY_MS = 500;
/** No single wait is longer than this, however many attempts came before. */
export const MAX_BACKOFF_MS = 20_000;
/** Attempts per operation, first one included. */
export const DEFAULT_MAX_ATTEMPTS = 8;
/** Overall budget of one operation: limiter waits, attempts and backoff together. */
export const DEFAULT_DEADLINE_MS = 60_000;

/** Backoff parameters (tests shrink them; production uses the defaults above). */
export interface BackoffSettings {
  /** Base for `retry` decisions. */
  baseMs: number;
  /** Base for `retry-throttled` decisions. */
  throttledBaseMs: number;
  /** Cap on any single delay. */
  capMs: number;
}

/** The production backoff. */
export const DEFAULT_BACKOFF: Readonly<BackoffSettings> = Object.freeze({
  baseMs: DEFAULT_BASE_DELAY_MS,
  throttledBaseMs: THROTTLED_BASE_DELAY_MS,
  capMs: MAX_BACKOFF_MS,
});

/**
 * Full jitter: a uniform delay in `[0, min(cap, base * 2^retryIndex))`. Spreads simultaneous retriers
 * (many resources throttled in the same second) instead of bunching them up again.
 * `retryIndex` is 0 for the first retry.
 */
export function backoffDelay(
  retryIndex: number,
  throttled: boolean,
  settings: BackoffSettings = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const base = throttled ? settings.throttledBaseMs : settings.baseMs;
  const ceiling = Math.min(settings.capMs, base * 2 ** Math.min(retryIndex, 30));
  return Math.floor(random() * ceiling);
}

/** What an `onRetry` hook is told before each retry. */
export interface RetryEvent {
  /** The operation's action. */
  action: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** The failure. */
  error: TencentCloudError;
  /** The table's decision for it. */
  decision: Decision;
  /** How long the loop waits before the next attempt. */
  delayMs: number;
}

/** What each attempt is given. */
export interface AttemptContext {
  /** 1-based attempt number. */
  attempt: number;
  /** Aborted when the operation's deadline passes; pass it to waits and requests. */
  signal: AbortSignal;
  /** Milliseconds left before the deadline. */
  remainingMs: () => number;
  /** True when the previous attempt was refused as `AuthFailure.SignatureExpire`. */
  resign: boolean;
}

/** Options of {@link runWithRetry}. */
export interface RetryOptions {
  /** The action, for the table. */
  action: string;
  /** Attempt cap, first attempt included. Default {@link DEFAULT_MAX_ATTEMPTS}. */
  maxAttempts?: number;
  /** Overall budget in ms. Default {@link DEFAULT_DEADLINE_MS}. */
  deadlineMs?: number;
  /** Backoff parameters. Default {@link DEFAULT_BACKOFF}. */
  backoff?: BackoffSettings;
  /** Called before every retry; for logs, tests and benchmarks. */
  onRetry?: (event: RetryEvent) => void;
  /** Source of jitter. Default `Math.random`. */
  random?: () => number;
  /** Monotonic clock in ms. Default `performance.now`. */
  clock?: () => number;
}

/**
 * Outcome of {@link runWithRetry}: a value; proof that an earlier attempt took effect; or a failure whose
 * effect is unknown (a Start that may have run), which only the caller can explain.
 */
export type RetryOutcome<T> =
  | { kind: "value"; value: T; attempts: number }
  | { kind: "applied"; evidence: TencentCloudError; attempts: number }
  | { kind: "unknown"; error: TencentCloudError; attempts: number };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds or the table, the attempt cap or the deadline says stop.
 * Throws the last TencentCloudError with `attempts` set, or a `ClientError.DeadlineExceeded` wrapping it
 * when the deadline left no room for the retry the table asked for.
 */
export async function runWithRetry<T>(attempt: (ctx: AttemptContext) => Promise<T>, options: RetryOptions): Promise<RetryOutcome<T>> {
  const clock = options.clock ?? (() => performance.now());
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadlineAt = clock() + deadlineMs;
  const remainingMs = (): number => Math.max(0, deadlineAt - clock());
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(deadlineReason(options.action, deadlineMs)), deadlineMs);
  let possiblyApplied = false;
  let previous: TencentCloudError | undefined;
  let resigned = false;
  let resign = false;
  try {
    for (let n = 1; ; n++) {
      let error: TencentCloudError;
      try {
        const value = await attempt({ attempt: n, signal: controller.signal, remainingMs, resign });
        return { kind: "value", value, attempts: n };
      } catch (thrown) {
        if (!(thrown instanceof TencentCloudError)) throw thrown;
        error = thrown;
      }
      error.attempts = n;
      const { decision } = decide(options.action, error, possiblyApplied);
      possiblyApplied ||= mayHaveApplied(error);
      if (decision === "applied") return { kind: "applied", evidence: error, attempts: n };
      if (decision === "outcome-unknown") return { kind: "unknown", error, attempts: n };
      if (decision === "fail") throw cutByDeadline(error, previous, options.action, deadlineMs, n);
      if (decision === "resign" && resigned) throw error;
      if (n >= maxAttempts) throw error;
      const delayMs = decision === "resign" ? 0 : backoffDelay(n - 1, decision === "retry-throttled", options.backoff, options.random);
      if (controller.signal.aborted || delayMs >= remainingMs()) throw deadlineExceeded(options.action, deadlineMs, error, n);
      previous = error;
      resign = decision === "resign";
      resigned ||= resign;
      options.onRetry?.({ action: options.action, attempt: n, error, decision, delayMs });
      if (delayMs > 0) await sleep(delayMs);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** The abort reason the deadline signal carries, so an aborted attempt can say why it stopped. */
export class DeadlineReason extends Error {
  constructor(
    readonly action: string,
    readonly deadlineMs: number,
  ) {
    super(`${action}: the operation deadline of ${deadlineMs} ms passed`);
    this.name = "DeadlineReason";
  }
}

const deadlineReason = (action: string, deadlineMs: number): DeadlineReason => new DeadlineReason(action, deadlineMs);

/**
 * An attempt the deadline cut short says only "deadline"; when earlier attempts failed, the
 * error that made us retry is the one worth reporting, so it becomes the cause. Whether the cut attempt
 * reached Tencent still comes from the cut attempt.
 */
function cutByDeadline(
  error: TencentCloudError,
  previous: TencentCloudError | undefined,
  action: string,
  deadlineMs: number,
  attempts: number,
): TencentCloudError {
  // Not keyed on the abort signal: the attempt's own timeout, trimmed to the remaining budget, can fire first.
  if (!previous || error.code !== ClientErrorCode.DeadlineExceeded) return error;
  return deadlineExceeded(action, deadlineMs, previous, attempts, error.reached);
}

/** The error thrown when the deadline leaves no room for the retry the table asked for. */
export function deadlineExceeded(
  action: string,
  deadlineMs: number,
  last: TencentCloudError,
  attempts: number,
  reached = last.reached,
): TencentCloudError {
  return new TencentCloudError({
    code: ClientErrorCode.DeadlineExceeded,
    action,
    message: `${action} did not succeed within its ${deadlineMs} ms deadline after ${attempts} attempt(s); last error ${last.code}: ${last.message}`,
    requestId: last.requestId,
    httpStatus: last.httpStatus,
    attempts,
    reached,
    retryable: false,
    fault: "server",
    cause: last,
  });
}
