/**
 * Room presence and idle expiry (spec §2, §4, §12.8): a task stops by itself once every mixed anchor has
 * been out of its rooms for `AgentParams.MaxIdleTime` seconds. The emulator cannot see real rooms, so a
 * test tells it who is in which room; a task whose anchors never arrived stays up until stopped.
 *
 * Expiry is evaluated lazily (before every API or control request) and by an unref'd timer, both against
 * task time, so a fake clock or `POST /_emulator/clock` drives it deterministically. Neither walks every
 * task: a sweep returns at once until the earliest deadline may have come, and then reads only the tasks
 * counting down; a room change re-evaluates only the tasks that mix that room.
 */
import type { EmulatorClock } from "./clock";
import { roomKey, type EmulatorStore, type RoomRecord } from "./store";
import { finishTask, iso, maxIdleSeconds, type TaskRecord } from "./task";
import type { TaskKeyIndex } from "./task-index";

/** The rooms whose anchors keep a task alive: the main room plus any room a mixed user is named in. */
export function taskRooms(task: TaskRecord): string[] {
  const rooms = new Set<string>([task.RoomId]);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== "object") return;
    const obj = value as Record<string, unknown>;
    const info = obj.UserInfo as { RoomId?: unknown } | undefined;
    if (info && typeof info.RoomId === "string") rooms.add(info.RoomId);
    for (const inner of Object.values(obj)) visit(inner);
  };
  // FeedBackRoomParams are output rooms, not mixed inputs, so they are left out on purpose.
  visit([task.Params.AudioParams, task.Params.VideoParams, task.Params.SingleSubscribeParams]);
  return [...rooms];
}

/** True when any of the task's rooms has at least one anchor. */
export function hasAnchors(store: EmulatorStore, task: TaskRecord): boolean {
  return taskRooms(task).some((roomId) => (store.getRoom(task.SdkAppId, roomId)?.Anchors.length ?? 0) > 0);
}

/** Updates a running task's presence bookkeeping from the current rooms; returns whether it changed. */
export function refreshPresence(store: EmulatorStore, task: TaskRecord, nowMs: number): boolean {
  if (task.Status !== "running") return false;
  const present = hasAnchors(store, task);
  const p = task.Presence;
  if (present && (p.IdleSince !== null || !p.AnchorsSeen)) {
    task.Presence = { AnchorsSeen: true, IdleSince: null };
    return true;
  }
  if (!present && p.AnchorsSeen && p.IdleSince === null) {
    task.Presence = { AnchorsSeen: true, IdleSince: iso(nowMs) };
    return true;
  }
  return false;
}

/** When an idle task will expire (ms, task time), or undefined when it is not counting down. */
export function expiryDeadline(task: TaskRecord): number | undefined {
  if (task.Status !== "running" || task.Presence.IdleSince === null) return undefined;
  return Date.parse(task.Presence.IdleSince) + maxIdleSeconds(task) * 1000;
}

/** Running tasks by each room whose anchors keep them alive (`<SdkAppId>/<RoomId>`, from {@link taskRooms}). */
export const TASKS_BY_ROOM: TaskKeyIndex = {
  name: "running tasks by mixed room",
  keysOf: (task) => taskRooms(task).map((roomId) => roomKey(task.SdkAppId, roomId)),
};

const COUNTING = "counting";

/** Running tasks whose idle countdown runs (they have an {@link expiryDeadline}), all under one key. */
export const COUNTING_DOWN: TaskKeyIndex = {
  name: "running tasks counting down to idle expiry",
  keysOf: (task) => (expiryDeadline(task) === undefined ? [] : [COUNTING]),
};

/** Owns presence changes, the lazy sweep and the expiry timer. */
export class RoomPresence {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /**
   * No deadline is earlier than this (ms, task time): a lower bound, exact after each full sweep, lowered
   * whenever a deadline is set ({@link note}). -Infinity until the first sweep (tasks loaded from a data file).
   */
  private earliest = -Infinity;

  /** @param onExpire called for each task the sweep finishes, after it is stored. */
  constructor(
    private readonly store: EmulatorStore,
    private readonly clock: EmulatorClock,
    private readonly onExpire: (task: TaskRecord) => void = () => undefined,
  ) {}

  /** Replaces the anchor list of a room and re-evaluates the running tasks that mix it. */
  setAnchors(sdkAppId: number, roomId: string, anchors: string[]): RoomRecord {
    this.sweep();
    const room: RoomRecord = { SdkAppId: sdkAppId, RoomId: roomId, Anchors: [...new Set(anchors)], UpdatedAt: iso(this.clock.now()) };
    this.store.putRoom(room);
    const now = this.clock.now();
    // Presence of a task depends on its own rooms only, so tasks that do not mix this room cannot change.
    const changed = this.store
      .runningTasksBy(TASKS_BY_ROOM, [roomKey(sdkAppId, roomId)])
      .filter((task) => refreshPresence(this.store, task, now));
    if (changed.length > 0) this.store.putTasks(changed);
    changed.forEach((task) => this.note(task));
    return room;
  }

  /** Picks up presence for a task that was just started or updated (its rooms may already hold anchors). */
  track(task: TaskRecord): void {
    refreshPresence(this.store, task, this.clock.now());
    this.note(task);
  }

  /** Finishes every task whose idle deadline has passed; FinishedAt is the deadline, not the sweep time. */
  sweep(): TaskRecord[] {
    const now = this.clock.now();
    if (now < this.earliest) {
      if (!this.timer) this.schedule();
      return [];
    }
    const expired: TaskRecord[] = [];
    let earliest = Infinity;
    for (const task of this.store.runningTasksBy(COUNTING_DOWN, [COUNTING])) {
      const deadline = expiryDeadline(task);
      if (deadline === undefined) continue;
      if (deadline <= now) {
        finishTask(task, "idle", deadline);
        expired.push(task);
      } else earliest = Math.min(earliest, deadline);
    }
    this.earliest = earliest;
    if (expired.length > 0) {
      this.store.putTasks(expired);
      expired.forEach((t) => this.onExpire(t));
    }
    this.schedule();
    return expired;
  }

  /** Arms the timer for the earliest deadline; unref'd so it never keeps a process alive. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || this.earliest === Infinity) return;
    const due = Math.max(this.earliest, 0);
    // Capped so that a clock advanced through the control API is noticed within a minute even when idle.
    const delay = Math.min(Math.max(due - this.clock.now(), 0) + 5, 60_000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sweep();
    }, delay);
    this.timer.unref();
  }

  /** Stops the timer for good. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Lowers {@link earliest} (and re-arms the timer) when `task` now counts down to an earlier deadline. */
  private note(task: TaskRecord): void {
    const deadline = expiryDeadline(task);
    if (deadline === undefined || deadline >= this.earliest) return;
    this.earliest = deadline;
    this.schedule();
  }
}
