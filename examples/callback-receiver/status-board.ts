/**
 * The latest push status of every (task, URL) pair, built from callbacks that may arrive out of order and
 * repeat (CONNECTING and RECOVERING are re-sent every 5 s).
 */
import type { RelayCdnStatusEvent, RelayCdnStatusName } from "../../trtc/callbacks";

/** What the board knows about one push URL of one task. */
export interface UrlStatus {
  status: RelayCdnStatusName;
  /** `EventMsTs` of the event that set `status`. */
  eventMsTs: number;
  errorCode?: number;
  errorMsg?: string;
}

/** How an event changed the board. */
export type BoardChange =
  | { applied: true; previous?: RelayCdnStatusName }
  /** Older than what the board already holds: a late delivery that must not roll the status back. */
  | { applied: false; current: RelayCdnStatusName };

/** Per-task, per-URL status, ordered by the events' own timestamps rather than by arrival. */
export class StatusBoard {
  private readonly tasks = new Map<string, Map<string, UrlStatus>>();

  /** Applies `event` unless an event with a later `eventMsTs` already set this URL's status. */
  record(event: RelayCdnStatusEvent): BoardChange {
    let urls = this.tasks.get(event.taskId);
    if (!urls) this.tasks.set(event.taskId, (urls = new Map()));
    const current = urls.get(event.url);
    // Equal timestamps are applied: a repeat of the same status is harmless, and ties have no better order.
    if (current && current.eventMsTs > event.eventMsTs) return { applied: false, current: current.status };
    urls.set(event.url, {
      status: event.status,
      eventMsTs: event.eventMsTs,
      ...(event.errorCode !== undefined ? { errorCode: event.errorCode } : {}),
      ...(event.errorMsg !== undefined ? { errorMsg: event.errorMsg } : {}),
    });
    return current ? { applied: true, previous: current.status } : { applied: true };
  }

  /** The status of one URL of one task, if any callback mentioned it. */
  statusOf(taskId: string, url: string): UrlStatus | undefined {
    return this.tasks.get(taskId)?.get(url);
  }

  /** Every URL of a task with its status (raw URLs: redact before printing). */
  urlsOf(taskId: string): ReadonlyMap<string, UrlStatus> {
    return this.tasks.get(taskId) ?? new Map();
  }

  /** Task ids seen so far, in first-seen order. */
  taskIds(): string[] {
    return [...this.tasks.keys()];
  }
}
