import { ClientErrorCode, TencentCloudError, type Reached } from "../../trtc/client/errors";
import { RETRY_TABLE, decide, isRetryable, mayHaveApplied, type Decision } from "../../trtc/client/retry-policy";
import {
  DEFAULT_BACKOFF,
  MAX_BACKOFF_MS,
  THROTTLED_BASE_DELAY_MS,
  backoffDelay,
  runWithRetry,
  type RetryEvent,
} from "../../trtc/client/retry";

const START = "StartPublishCdnStream";
const UPDATE = "UpdatePublishCdnStream";
const STOP = "StopPublishCdnStream";

describe("retry table", () => {
  // [action, code, reached, possiblyApplied, expected decision]
  const rows: [string, string, Reached, boolean, Decision][] = [
    [START, "RequestLimitExceeded", "yes", false, "retry-throttled"],
    [UPDATE, "RequestLimitExceeded.UinLimitExceeded", "yes", false, "retry-throttled"],
    [STOP, "RequestLimitExceeded.IPLimitExceeded", "yes", true, "retry-throttled"],
    [START, "AuthFailure.SignatureExpire", "yes", false, "resign"],
    [UPDATE, "FailedOperation.RequestOutdated", "yes", true, "applied"],
    [UPDATE, "FailedOperation.OutdateRequest", "yes", true, "applied"],
    [UPDATE, "FailedOperation.RequestOutdated", "yes", false, "fail"],
    [STOP, "ResourceNotFound", "yes", true, "applied"],
    [STOP, "FailedOperation.TaskFinished", "yes", true, "applied"],
    [STOP, "ResourceNotFound", "yes", false, "fail"],
    [START, ClientErrorCode.NetworkError, "no", false, "retry"],
    [START, ClientErrorCode.Timeout, "no", false, "retry"],
    [START, ClientErrorCode.NetworkError, "maybe", false, "outcome-unknown"],
    [START, ClientErrorCode.Timeout, "maybe", false, "outcome-unknown"],
    [START, ClientErrorCode.HttpStatusCodeError, "maybe", false, "outcome-unknown"],
    [START, ClientErrorCode.DeadlineExceeded, "maybe", false, "outcome-unknown"],
    [START, ClientErrorCode.DeadlineExceeded, "no", false, "fail"],
    [START, "InternalError", "yes", false, "outcome-unknown"],
    [START, "InternalError.DbError", "yes", false, "outcome-unknown"],
    [UPDATE, "InternalError", "yes", false, "retry"],
    [STOP, "InternalError", "yes", false, "retry"],
    [UPDATE, ClientErrorCode.Timeout, "maybe", false, "retry"],
    [STOP, ClientErrorCode.NetworkError, "maybe", false, "retry"],
    [STOP, ClientErrorCode.HttpStatusCodeError, "maybe", false, "retry"],
    [UPDATE, ClientErrorCode.HttpStatusCodeError, "yes", false, "fail"],
    [UPDATE, "ServiceUnavailable", "yes", false, "retry"],
    [START, "ServiceUnavailable", "yes", false, "fail"],
    [START, "FailedOperation.RestrictedConcurrency", "yes", false, "fail"],
    [UPDATE, "FailedOperation.TaskFinished", "yes", false, "fail"],
    [START, "InvalidParameter", "yes", false, "fail"],
    [STOP, "AuthFailure.SignatureFailure", "yes", false, "fail"],
    [UPDATE, ClientErrorCode.DeadlineExceeded, "maybe", false, "fail"],
  ];
  test.each(rows)("%s %s (reached %s, earlier attempt may have applied: %s) -> %s", (action, code, reached, possiblyApplied, expected) => {
    expect(decide(action, { code, reached }, possiblyApplied).decision).toBe(expected);
  });

  test("every row says why, and the last row is a catch-all that fails", () => {
    for (const rule of RETRY_TABLE) expect(rule.why.length).toBeGreaterThan(30);
    const last = RETRY_TABLE[RETRY_TABLE.length - 1];
    expect(last.codes).toEqual(["*"]);
    expect(last.decision).toBe("fail");
  });

  test("a prefix row matches sub-codes but not look-alikes", () => {
    expect(decide(UPDATE, { code: "RequestLimitExceededX", reached: "yes" }).decision).toBe("fail");
    expect(decide(UPDATE, { code: "InternalErrorX", reached: "yes" }).decision).toBe("fail");
  });

  test("isRetryable follows the table, and is false for conditional successes", () => {
    expect(isRetryable(START, { code: "RequestLimitExceeded", reached: "yes" })).toBe(true);
    expect(isRetryable(START, { code: "InternalError", reached: "yes" })).toBe(false);
    expect(isRetryable(UPDATE, { code: "InternalError", reached: "yes" })).toBe(true);
    expect(isRetryable(UPDATE, { code: "FailedOperation.RequestOutdated", reached: "yes" })).toBe(false);
  });

  test("mayHaveApplied: lost answers and InternalError may have taken effect; refusals did not", () => {
    expect(mayHaveApplied({ code: ClientErrorCode.Timeout, reached: "maybe" })).toBe(true);
    expect(mayHaveApplied({ code: "InternalError", reached: "yes" })).toBe(true);
    expect(mayHaveApplied({ code: "RequestLimitExceeded", reached: "yes" })).toBe(false);
    expect(mayHaveApplied({ code: ClientErrorCode.NetworkError, reached: "no" })).toBe(false);
  });
});

describe("backoffDelay (full jitter)", () => {
  test("stays within [0, min(cap, base * 2^n)) for every attempt and both bases", () => {
    for (let n = 0; n < 12; n++) {
      for (const throttled of [false, true]) {
        const base = throttled ? DEFAULT_BACKOFF.throttledBaseMs : DEFAULT_BACKOFF.baseMs;
        const ceiling = Math.min(MAX_BACKOFF_MS, base * 2 ** n);
        expect(backoffDelay(n, throttled, DEFAULT_BACKOFF, () => 0)).toBe(0);
        expect(backoffDelay(n, throttled, DEFAULT_BACKOFF, () => 0.999999)).toBe(Math.floor(ceiling * 0.999999));
        for (let i = 0; i < 50; i++) {
          const d = backoffDelay(n, throttled);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(ceiling);
        }
      }
    }
  });

  test("throttled answers back off from a larger base; the cap holds for huge attempt numbers", () => {
    expect(backoffDelay(0, true, DEFAULT_BACKOFF, () => 0.5)).toBe(THROTTLED_BASE_DELAY_MS / 2);
    expect(backoffDelay(0, false, DEFAULT_BACKOFF, () => 0.5)).toBe(50);
    expect(backoffDelay(1000, true, DEFAULT_BACKOFF, () => 0.5)).toBe(MAX_BACKOFF_MS / 2);
  });
});

const err = (code: string, reached: Reached, action = UPDATE) =>
  new TencentCloudError({ code, action, message: `${code} happened`, reached, requestId: reached === "yes" ? "req-1" : undefined });

const fast = { baseMs: 1, throttledBaseMs: 2, capMs: 5 };

describe("runWithRetry", () => {
  test("retries until success, reporting each retry with its decision and the attempt count", async () => {
    const events: RetryEvent[] = [];
    const script = [err("RequestLimitExceeded", "yes"), err("InternalError", "yes")];
    const out = await runWithRetry(
      async ({ attempt }) => {
        const next = script.shift();
        if (next) throw next;
        return `ok on ${attempt}`;
      },
      { action: UPDATE, backoff: fast, onRetry: (e) => events.push(e) },
    );
    expect(out).toEqual({ kind: "value", value: "ok on 3", attempts: 3 });
    expect(events.map((e) => [e.attempt, e.error.code, e.decision])).toEqual([
      [1, "RequestLimitExceeded", "retry-throttled"],
      [2, "InternalError", "retry"],
    ]);
    for (const e of events) expect(e.delayMs).toBeLessThan(5);
  });

  test("an outdated answer to a retry after InternalError is the earlier attempt's success", async () => {
    const script = [err("InternalError", "yes"), err("FailedOperation.RequestOutdated", "yes")];
    const out = await runWithRetry(
      async () => {
        throw script.shift();
      },
      { action: UPDATE, backoff: fast },
    );
    expect(out.kind).toBe("applied");
    expect(out.attempts).toBe(2);
  });

  test("an outdated answer after only throttled attempts is a real failure (nothing of ours was applied)", async () => {
    const script = [err("RequestLimitExceeded", "yes"), err("FailedOperation.RequestOutdated", "yes")];
    await expect(
      runWithRetry(
        async () => {
          throw script.shift();
        },
        { action: UPDATE, backoff: fast },
      ),
    ).rejects.toMatchObject({ code: "FailedOperation.RequestOutdated", attempts: 2 });
  });

  test("re-signs once on SignatureExpire, without waiting, and fails on a second expiry", async () => {
    const seen: boolean[] = [];
    const events: RetryEvent[] = [];
    await expect(
      runWithRetry(
        async ({ resign }) => {
          seen.push(resign);
          throw err("AuthFailure.SignatureExpire", "yes", START);
        },
        { action: START, backoff: fast, onRetry: (e) => events.push(e) },
      ),
    ).rejects.toMatchObject({ code: "AuthFailure.SignatureExpire", attempts: 2 });
    expect(seen).toEqual([false, true]);
    expect(events.map((e) => e.delayMs)).toEqual([0]);
  });

  test("stops at maxAttempts with the last error and its attempt count", async () => {
    let calls = 0;
    await expect(
      runWithRetry(
        async () => {
          calls++;
          throw err("RequestLimitExceeded", "yes", START);
        },
        { action: START, backoff: fast, maxAttempts: 4 },
      ),
    ).rejects.toMatchObject({ code: "RequestLimitExceeded", attempts: 4, retryable: false });
    expect(calls).toBe(4);
  });

  test("Start with a lost answer is not repeated: the outcome is 'unknown', for the caller to explain", async () => {
    let calls = 0;
    const out = await runWithRetry(
      async () => {
        calls++;
        throw err(ClientErrorCode.NetworkError, "maybe", START);
      },
      { action: START, backoff: fast },
    );
    expect(out).toMatchObject({ kind: "unknown", attempts: 1, error: { code: ClientErrorCode.NetworkError, attempts: 1 } });
    expect(calls).toBe(1);
  });

  test("gives up with DeadlineExceeded (wrapping the last error) when the next wait would pass the deadline", async () => {
    const started = Date.now();
    const failure = runWithRetry(
      async () => {
        throw err("InternalError", "yes");
      },
      { action: UPDATE, backoff: { baseMs: 40, throttledBaseMs: 40, capMs: 40 }, random: () => 0.99, deadlineMs: 150, maxAttempts: 100 },
    );
    await expect(failure).rejects.toMatchObject({
      code: ClientErrorCode.DeadlineExceeded,
      retryable: false,
      cause: { code: "InternalError" },
    });
    const e = (await failure.catch((x: unknown) => x)) as TencentCloudError;
    expect(e.attempts).toBeGreaterThanOrEqual(2);
    expect(e.attempts).toBeLessThanOrEqual(4);
    expect(e.message).toMatch(/150 ms deadline.*InternalError/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("the attempt's signal aborts at the deadline with a reason that names it", async () => {
    let reason: unknown;
    await expect(
      runWithRetry(
        ({ signal }) =>
          new Promise((_, reject) =>
            signal.addEventListener("abort", () => {
              reason = signal.reason;
              reject(err(ClientErrorCode.DeadlineExceeded, "maybe"));
            }),
          ),
        { action: UPDATE, deadlineMs: 30 },
      ),
    ).rejects.toMatchObject({ code: ClientErrorCode.DeadlineExceeded });
    expect(String(reason)).toMatch(/deadline of 30 ms/);
  });

  test("errors that are not TencentCloudErrors are bugs and pass through untouched", async () => {
    const bug = new TypeError("bug");
    await expect(runWithRetry(async () => Promise.reject(bug), { action: UPDATE })).rejects.toBe(bug);
  });
});
