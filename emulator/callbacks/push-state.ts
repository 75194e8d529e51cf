/**
 * The push status of every CDN URL of every task, and the status events a change implies (spec §10):
 * a URL that appears goes CONNECTING -> RUNNING; one that disappears, or whose task ends, goes
 * DISCONNECTING -> IDLE; an injected blip goes RECOVERING -> RUNNING and an injected failure
 * RECOVERING -> FAILURE -> IDLE.
 *
 * Events are derived by comparing the task with what was last announced rather than by hooking each rule
 * that can change a URL list, so Start, Update, Stop, idle expiry and a control-API expiry all go through
 * one comparison and cannot disagree about which sequence a change deserves.
 */
import { redactUrl } from "../../trtc/redact";
import type { RelayCdnStatusName } from "../../trtc/callbacks/event";
import type { TaskRecord } from "../state/task";

/** What made a URL's status change; shown with each callback in the control API. */
export type CallbackCause = "start" | "update" | "stop" | "idle" | "expired" | "kicked" | "fault:recover" | "fault:fail";

/** One status change of one push URL, stamped with task time. */
export interface PushStatusEvent {
  taskId: string;
  url: string;
  status: RelayCdnStatusName;
  /** Strictly increasing per task and URL, even when several events share one millisecond. */
  eventMsTs: number;
  cause: CallbackCause;
  errorCode?: number;
  errorMsg?: string;
}

/** An injected per-URL fault (`POST /_emulator/callbacks/faults`). */
export interface PushFaultSpec {
  taskId: string;
  /** The push URL as sent, or as the control API shows it (redacted); every pushing URL when absent. */
  url?: string;
  /** `recover`: a blip the push survives; `fail`: the push is lost until an Update replaces the URL. */
  kind: "recover" | "fail";
  /** Sent with FAILURE (Tencent documents no codes for it). */
  errorCode?: number;
  /** Sent with FAILURE. */
  errorMsg?: string;
}

/** `pushing`: CONNECTING..RUNNING announced; `failed`: FAILURE and IDLE sent while still listed; `gone`: ended. */
type UrlState = "pushing" | "failed" | "gone";

interface UrlEntry {
  state: UrlState;
  /** Last EventMsTs used for this URL, kept after `gone` so a re-added URL keeps counting upwards. */
  lastMs: number;
}

/** The CDN URLs a task pushes to, in request order, without duplicates. */
export function pushUrls(task: TaskRecord): string[] {
  const list = Array.isArray(task.Params.PublishCdnParams) ? task.Params.PublishCdnParams : [];
  const urls = list.map((p: { PublishCdnUrl?: unknown }) => p?.PublishCdnUrl).filter((u): u is string => typeof u === "string");
  return [...new Set(urls)];
}

/** Per-task, per-URL push state and the events that move it. */
export class PushStateTracker {
  private readonly tasks = new Map<string, Map<string, UrlEntry>>();

  /** Takes the URLs of already running tasks (a `--data` restart) as pushing, so they are not re-announced. */
  adopt(tasks: readonly TaskRecord[]): void {
    for (const task of tasks) {
      if (task.Status !== "running") continue;
      const urls = this.urlsOf(task.TaskId);
      for (const url of pushUrls(task)) urls.set(url, { state: "pushing", lastMs: 0 });
    }
  }

  /** The events that bring what was announced for `task` in line with the task as it is now. */
  sync(task: TaskRecord, cause: CallbackCause, nowMs: number): PushStatusEvent[] {
    const wanted = task.Status === "running" ? pushUrls(task) : [];
    const urls = this.urlsOf(task.TaskId);
    const events: PushStatusEvent[] = [];
    for (const [url, entry] of urls) {
      if (wanted.includes(url) || entry.state === "gone") continue;
      // A failed URL already said IDLE; dropping it from the list ends it silently.
      if (entry.state === "pushing") events.push(...this.move(task.TaskId, url, entry, ["DISCONNECTING", "IDLE"], cause, nowMs));
      entry.state = "gone";
    }
    for (const url of wanted) {
      let entry = urls.get(url);
      if (entry && entry.state !== "gone") continue;
      if (!entry) urls.set(url, (entry = { state: "gone", lastMs: 0 }));
      events.push(...this.move(task.TaskId, url, entry, ["CONNECTING", "RUNNING"], cause, nowMs));
      entry.state = "pushing";
    }
    return events;
  }

  /** The events of an injected fault, or a message saying why it cannot apply. */
  fault(task: TaskRecord, spec: PushFaultSpec, nowMs: number): PushStatusEvent[] | string {
    if (task.Status !== "running") return `task ${task.TaskId} is ${task.Status}; only a running task's pushes can fail`;
    const urls = this.urlsOf(task.TaskId);
    const pushing = [...urls].filter(([, e]) => e.state === "pushing").map(([url]) => url);
    const targets = spec.url === undefined ? pushing : pushing.filter((u) => u === spec.url || redactUrl(u) === spec.url);
    if (targets.length === 0) {
      return spec.url === undefined
        ? `task ${task.TaskId} has no URL that is pushing`
        : `url ${redactUrl(spec.url)} is not a pushing URL of task ${task.TaskId} (pushing: ${pushing.map(redactUrl).join(", ") || "none"})`;
    }
    const events: PushStatusEvent[] = [];
    for (const url of targets) {
      const entry = urls.get(url) as UrlEntry;
      if (spec.kind === "recover") {
        events.push(...this.move(task.TaskId, url, entry, ["RECOVERING", "RUNNING"], "fault:recover", nowMs));
        continue;
      }
      const [recovering, failure, idle] = this.move(task.TaskId, url, entry, ["RECOVERING", "FAILURE", "IDLE"], "fault:fail", nowMs);
      const error = {
        ...(spec.errorCode !== undefined ? { errorCode: spec.errorCode } : {}),
        ...(spec.errorMsg !== undefined ? { errorMsg: spec.errorMsg } : {}),
      };
      events.push(recovering, { ...failure, ...error }, idle);
      entry.state = "failed";
    }
    return events;
  }

  /** Forgets everything (control API reset). */
  reset(): void {
    this.tasks.clear();
  }

  private urlsOf(taskId: string): Map<string, UrlEntry> {
    let urls = this.tasks.get(taskId);
    if (!urls) this.tasks.set(taskId, (urls = new Map()));
    return urls;
  }

  private move(
    taskId: string,
    url: string,
    entry: UrlEntry,
    statuses: RelayCdnStatusName[],
    cause: CallbackCause,
    nowMs: number,
  ): PushStatusEvent[] {
    return statuses.map((status) => {
      // Task time can stand still (an injected clock) or repeat within a millisecond; the order must not.
      entry.lastMs = Math.max(nowMs, entry.lastMs + 1);
      return { taskId, url, status, eventMsTs: entry.lastMs, cause };
    });
  }
}
