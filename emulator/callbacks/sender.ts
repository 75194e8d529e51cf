/**
 * Sends relay-to-CDN callbacks the way Tencent documents (spec §10): every status event becomes one signed
 * POST, queued so that an API answer never waits for a receiver; a failed attempt is retried at once, then
 * every `retryIntervalMs`, and no attempt starts `giveUpAfterMs` after the first one.
 *
 * First attempts go out one at a time in event order, so a healthy receiver sees each URL's sequence in
 * order; retries run on their own timers and may overtake, exactly the reordering the docs warn about
 * (receivers sort by EventMsTs).
 */
import { redactUrl } from "../../trtc/redact";
import { relayCdnStatusBody, RelayCdnStatus } from "../../trtc/callbacks/event";
import { signCallback } from "../../trtc/callbacks/sign";
import type { EmulatorClock } from "../state/clock";
import { iso, type TaskRecord } from "../state/task";
import { viewTarget, type CallbackTarget, type CallbackTargetView } from "./config";
import { CallbackPoster } from "./post";
import { PushStateTracker, type CallbackCause, type PushFaultSpec, type PushStatusEvent } from "./push-state";
import type { CallbackDeliveryView, DeliveryState } from "./view";

/** What {@link CallbackSender} needs from the emulator. */
export interface SenderDeps {
  /** Task time stamps the events and `CallbackTs`; wall time stamps the attempts. */
  clock: EmulatorClock;
  /** Initial target (options or CLI). */
  target?: CallbackTarget;
  /** Receives one line per finished callback, URLs redacted. */
  log?: (line: string) => void;
  /** How many callbacks the control API keeps; the oldest finished ones are dropped first. Default 1000. */
  historyLimit?: number;
}

interface Delivery {
  view: CallbackDeliveryView;
  body: string;
  headers: Record<string, string>;
  target: CallbackTarget;
  /** Monotonic time of the first attempt. */
  firstAt?: number;
  timer?: NodeJS.Timeout;
  wake?: () => void;
}

const FINAL: ReadonlySet<DeliveryState> = new Set(["delivered", "gave-up", "cancelled"]);
const CAUSE_OF_ACTION: Record<string, CallbackCause> = {
  StartPublishCdnStream: "start",
  UpdatePublishCdnStream: "update",
  StopPublishCdnStream: "stop",
};

/** The emulator's callback sender: push-URL state, the delivery queue, retries and their history. */
export class CallbackSender {
  private readonly tracker = new PushStateTracker();
  private readonly poster = new CallbackPoster();
  private readonly history: Delivery[] = [];
  private readonly queue: Delivery[] = [];
  private readonly pending = new Set<Delivery>();
  private readonly idleWaiters: Array<() => void> = [];
  private target: CallbackTarget | undefined;
  private pumping = false;
  private closed = false;
  private nextId = 1;

  /** @param tasks tasks already stored (a `--data` restart): their URLs count as pushing, not re-announced. */
  constructor(
    private readonly deps: SenderDeps,
    tasks: readonly TaskRecord[] = [],
  ) {
    this.target = deps.target;
    this.tracker.adopt(tasks);
  }

  /** Sets or (with `undefined`) clears the target. Callbacks already queued keep the target they were made for. */
  configure(target: CallbackTarget | undefined): CallbackTargetView {
    this.target = target;
    return this.config();
  }

  /** The current target, key withheld. */
  config(): CallbackTargetView {
    return viewTarget(this.target);
  }

  /**
   * Announces whatever changed in `task`'s push URLs since the last call. `cause` is an action name or a
   * {@link CallbackCause}. The state moves even with no target, so configuring one later sends no stale events.
   * An unknown task (`undefined`) changes nothing.
   */
  sync(task: TaskRecord | undefined, cause: string): CallbackDeliveryView[] {
    if (!task) return [];
    const reason = CAUSE_OF_ACTION[cause] ?? (cause as CallbackCause);
    return this.enqueue(task, this.tracker.sync(task, reason, this.deps.clock.now()));
  }

  /** Injects a push fault; returns the callbacks it queued, or a message naming what does not match. */
  fault(task: TaskRecord, spec: PushFaultSpec): CallbackDeliveryView[] | string {
    const events = this.tracker.fault(task, spec, this.deps.clock.now());
    return typeof events === "string" ? events : this.enqueue(task, events);
  }

  /** Every callback kept, oldest first. */
  list(): CallbackDeliveryView[] {
    return this.history.map((d) => structuredClone(d.view));
  }

  /** Counts per state, for a dashboard's summary line. */
  counts(): Record<DeliveryState, number> {
    const counts: Record<DeliveryState, number> = { queued: 0, sending: 0, retrying: 0, delivered: 0, "gave-up": 0, cancelled: 0 };
    for (const d of this.history) counts[d.view.state] += 1;
    return counts;
  }

  /** Resolves once no callback is queued, being sent or waiting for a retry. */
  settled(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops finished callbacks from the history; ones still in flight stay. */
  clearHistory(): void {
    const keep = this.history.filter((d) => !FINAL.has(d.view.state));
    this.history.splice(0, this.history.length, ...keep);
  }

  /** Control API reset: cancels everything pending and forgets push state and history; keeps the target. */
  reset(): void {
    this.cancelAll();
    this.history.length = 0;
    this.tracker.reset();
  }

  /** Cancels everything pending and closes connections; nothing is sent afterwards. */
  close(): void {
    this.closed = true;
    this.cancelAll();
    this.poster.close();
  }

  private enqueue(task: TaskRecord, events: PushStatusEvent[]): CallbackDeliveryView[] {
    const target = this.target;
    if (!target || this.closed || events.length === 0) return [];
    const made = events.map((event) => this.build(task, event, target));
    for (const d of made) {
      this.history.push(d);
      this.pending.add(d);
      this.queue.push(d);
    }
    this.trimHistory();
    // setImmediate: the API answer is written before the first byte of any callback.
    setImmediate(() => void this.pump());
    return made.map((d) => structuredClone(d.view));
  }

  private build(task: TaskRecord, event: PushStatusEvent, target: CallbackTarget): Delivery {
    const agent = task.Params.AgentParams as { UserId?: unknown } | undefined;
    const userId = typeof agent?.UserId === "string" ? agent.UserId : "";
    const callbackTs = Math.max(this.deps.clock.now(), event.eventMsTs);
    const roomType = task.RoomIdType === 0 ? 0 : 1;
    const error = {
      ...(event.errorCode !== undefined ? { errorCode: event.errorCode } : {}),
      ...(event.errorMsg !== undefined ? { errorMsg: event.errorMsg } : {}),
    };
    // One body for every attempt: a retry is the same callback, so its signature does not change either.
    const body = relayCdnStatusBody({
      callbackTs,
      roomId: task.RoomId,
      roomType,
      eventMsTs: event.eventMsTs,
      userId,
      taskId: task.TaskId,
      url: event.url,
      status: event.status,
      ...error,
    });
    return {
      body,
      target,
      headers: { "Content-Type": "application/json", Sign: signCallback(body, target.key), SdkAppId: String(task.SdkAppId) },
      view: {
        id: this.nextId++,
        taskId: task.TaskId,
        sdkAppId: task.SdkAppId,
        roomId: task.RoomId,
        userId,
        url: redactUrl(event.url),
        status: event.status,
        statusCode: RelayCdnStatus[event.status],
        eventMsTs: event.eventMsTs,
        callbackTs,
        cause: event.cause,
        ...error,
        target: redactUrl(target.url),
        state: "queued",
        attempts: [],
      },
    };
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let d = this.queue.shift(); d; d = this.queue.shift()) {
        if (d.view.state !== "queued") continue;
        d.firstAt = performance.now();
        if (!(await this.attempt(d))) void this.retry(d);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** One attempt; true when the callback is finished (delivered or cancelled meanwhile). */
  private async attempt(d: Delivery): Promise<boolean> {
    d.view.state = "sending";
    delete d.view.nextAttemptAt;
    const at = iso(this.deps.clock.wallNow());
    const outcome = await this.poster.post({ url: d.target.url, body: d.body, headers: d.headers, timeoutMs: d.target.answerTimeoutMs });
    // Reset or close may have cancelled it while the request was out.
    if ((d.view.state as DeliveryState) === "cancelled") return true;
    d.view.attempts.push({ at, ...outcome });
    if (outcome.outcome === "answered" && outcome.httpStatus === 200) {
      this.finish(d, "delivered");
      return true;
    }
    return false;
  }

  private async retry(d: Delivery): Promise<void> {
    const { retryIntervalMs, giveUpAfterMs } = d.target;
    for (;;) {
      // Attempt 2 is immediate; attempt n > 2 is due (n - 2) intervals after the first attempt.
      const n = d.view.attempts.length + 1;
      const sinceFirst = performance.now() - (d.firstAt as number);
      const due = n === 2 ? sinceFirst : Math.max((n - 2) * retryIntervalMs, sinceFirst);
      if (due >= giveUpAfterMs) return this.finish(d, "gave-up");
      const dueIn = due - sinceFirst;
      if (dueIn > 0) {
        d.view.state = "retrying";
        d.view.nextAttemptAt = iso(this.deps.clock.wallNow() + dueIn);
        await new Promise<void>((resolve) => {
          d.wake = resolve;
          d.timer = setTimeout(resolve, dueIn);
        });
        d.timer = undefined;
        d.wake = undefined;
      }
      if (d.view.state === "cancelled" || (await this.attempt(d))) return;
    }
  }

  private finish(d: Delivery, state: DeliveryState): void {
    d.view.state = state;
    delete d.view.nextAttemptAt;
    this.pending.delete(d);
    if (state !== "cancelled") {
      const v = d.view;
      const last = v.attempts[v.attempts.length - 1];
      const how = state === "delivered" ? "delivered" : `gave up (last: ${last?.outcome}${last?.httpStatus ? ` ${last.httpStatus}` : ""})`;
      this.deps.log?.(
        `trtc-emulator: callback ${v.id} task ${v.taskId} ${v.url} ${v.status} to ${v.target}: ${how} after ${v.attempts.length} attempt(s)`,
      );
    }
    if (this.pending.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private cancelAll(): void {
    this.queue.length = 0;
    for (const d of [...this.pending]) {
      if (d.timer) clearTimeout(d.timer);
      d.wake?.();
      this.finish(d, "cancelled");
    }
  }

  private trimHistory(): void {
    const limit = this.deps.historyLimit ?? 1000;
    while (this.history.length > limit) {
      const index = this.history.findIndex((d) => FINAL.has(d.view.state));
      if (index < 0) return;
      this.history.splice(index, 1);
    }
  }
}
