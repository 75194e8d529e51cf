/**
 * Instruments TrtcClient calls for the client-only benchmark without changing the client: for each
 * attempt of each call it records when the process-wide limiter granted it, when undici started writing
 * it on a socket, and the RequestId it was answered with, which joins it to the emulator's request log
 * (arrival time, outcome). Times are wall-clock milliseconds (`performance.timeOrigin + performance.now()`),
 * comparable with the emulator's `Date.now()`-based log on the same machine.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Dispatcher } from "undici";
import type { RetryEvent } from "../trtc/client/retry";
import { sharedLimiter, type SlidingWindowLimiter } from "../trtc/client/rate-limit";
import { EvenSpacingLimiter } from "./even-spacing-limiter";

/** One attempt of one call. */
export interface AttemptTrace {
  /** When the call resumed with the limiter's grant (it signs and sends in the same turn). */
  grantAt: number;
  /**
   * When the baseline limiter resolved the grant, the time it spaces (`even` only). Calls started in
   * one synchronous loop resume only at its end, however early they were resolved.
   */
  resolvedAt?: number;
  /** When undici started writing it on a connected socket (`onRequestStart`). */
  sendAt?: number;
  /** The RequestId it was answered with (joins it to the emulator's log). */
  requestId?: string;
}

/** One call (one Start or Stop) and its attempts. */
export interface CallTrace {
  attempts: AttemptTrace[];
  /** The call's outcome: its TaskId, or the error code it failed with. */
  taskId?: string;
  error?: string;
}

/** Which limiter the calls go through: the client's own (`log`) or the pre-issue-14 baseline (`even`). */
export type LimiterKind = "log" | "even";

const current = new AsyncLocalStorage<CallTrace>();

/** Wall-clock ms with sub-ms resolution. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/** Runs one client call with `trace` collecting its attempts. */
export function traced<T>(trace: CallTrace, call: () => Promise<T>): Promise<T> {
  return current.run(trace, call);
}

/**
 * Hooks the process-wide limiter of `host` and `action` (the one every TrtcClient of the process uses) so
 * that each grant is recorded; with `even`, grants come from an {@link EvenSpacingLimiter} instead.
 * Returns a function that removes the hook.
 */
export function hookLimiter(host: string, action: string, limit: number, kind: LimiterKind): () => void {
  const shared = sharedLimiter(host, action, limit);
  const source = kind === "even" ? new EvenSpacingLimiter({ limit }) : shared;
  const acquire = source.acquire.bind(source) as SlidingWindowLimiter["acquire"];
  shared.acquire = (signal?: AbortSignal) =>
    acquire(signal).then((permit) => {
      const resolved = (permit as { grantedAt?: number } | undefined)?.grantedAt;
      current.getStore()?.attempts.push({
        grantAt: wallNow(),
        ...(resolved === undefined ? {} : { resolvedAt: performance.timeOrigin + resolved }),
      });
      return permit;
    });
  return () => {
    delete (shared as { acquire?: unknown }).acquire;
  };
}

/** The client's `onRetry`: the failed attempt's RequestId, for the join with the emulator's log. */
export function recordRetry(event: RetryEvent): void {
  const attempts = current.getStore()?.attempts;
  const last = attempts?.[attempts.length - 1];
  if (last && event.error.requestId) last.requestId = event.error.requestId;
}

/** Records the RequestId of a call's last attempt (its answer). */
export function recordAnswer(trace: CallTrace, requestId: string | undefined): void {
  const last = trace.attempts[trace.attempts.length - 1];
  if (last && requestId) last.requestId = requestId;
}

/**
 * Runs one API call under `trace` ({@link traced}) and records its outcome: the TaskId it answered, or the
 * error code it failed with, and the RequestId of its last attempt either way. Never rejects.
 */
export function tracedCall(trace: CallTrace, call: () => Promise<{ TaskId?: string; RequestId: string }>): Promise<void> {
  return traced(trace, call).then(
    (r) => {
      trace.taskId = r.TaskId;
      recordAnswer(trace, r.RequestId);
    },
    (e: { code?: string; requestId?: string }) => {
      trace.error = e.code ?? String(e);
      recordAnswer(trace, e.requestId);
    },
  );
}

/** Wraps a dispatcher so that each request records when undici starts writing it on a socket. */
export function sendTimes(dispatcher: Dispatcher): Dispatcher {
  return dispatcher.compose((dispatch) => (opts, handler) => {
    const attempts = current.getStore()?.attempts;
    const attempt = attempts?.[attempts.length - 1];
    const h = handler as Record<string, unknown>;
    const wrapped: Record<string, unknown> = {};
    for (const name of ["onRequestUpgrade", "onResponseStart", "onResponseData", "onResponseEnd", "onResponseError"]) {
      if (typeof h[name] === "function") wrapped[name] = (h[name] as (...a: unknown[]) => unknown).bind(handler);
    }
    wrapped.onRequestStart = (controller: unknown, context: unknown) => {
      if (attempt) attempt.sendAt ??= wallNow();
      return (h.onRequestStart as ((c: unknown, x: unknown) => unknown) | undefined)?.call(handler, controller, context);
    };
    return dispatch(opts, wrapped as Dispatcher.DispatchHandler);
  });
}

/** Blocks the event loop `stallMs` out of every `periodMs`, the way a long GC pause or a busy handler would. */
export function blockLoop(stallMs: number, periodMs: number): { stop: () => Array<[number, number]> } {
  const stalls: Array<[number, number]> = [];
  let timer: NodeJS.Timeout | undefined;
  const block = (): void => {
    const start = wallNow();
    while (wallNow() - start < stallMs) {
      // Busy on purpose: nothing else in this process may run.
    }
    stalls.push([start, wallNow()]);
    timer = setTimeout(block, periodMs - stallMs);
  };
  if (stallMs > 0) timer = setTimeout(block, periodMs - stallMs);
  return {
    stop: () => {
      clearTimeout(timer);
      return stalls;
    },
  };
}
