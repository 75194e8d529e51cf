/**
 * Room presence and idle expiry (spec §2, §4, §12.8): a task stops by itself once every mixed anchor has
 * been out of its rooms for `AgentParams.MaxIdleTime` seconds. The emulator cannot see real rooms, so a
 * test tells it who is in which room; a task whose anchors never arrived stays up until stopped.
 *
 * Expiry is evaluated lazily (before every API or control request) and by an unref'd timer, both against
 * task time, so a fake clock or `POST /_emulator/clock` drives it deterministically.
 */
import type { EmulatorClock } from "./clock";
import type { EmulatorStore, RoomRecord } from "./store";
import { finishTask, iso, maxIdleSeconds, type TaskRecord } from "./task";

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

/** Owns presence changes, the lazy sweep and the expiry timer. */
export class RoomPresence {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /** @param onExpire called for each task the sweep finishes, after it is stored. */
  constructor(
    private readonly store: EmulatorStore,
    private readonly clock: EmulatorClock,
    private readonly onExpire: (task: TaskRecord) => void = () => undefined,
  ) {}

  /** Replaces the anchor list of a room and re-evaluates every running task of that app. */
  setAnchors(sdkAppId: number, roomId: string, anchors: string[]): RoomRecord {
    this.sweep();
    const room: RoomRecord = { SdkAppId: sdkAppId, RoomId: roomId, Anchors: [...new Set(anchors)], UpdatedAt: iso(this.clock.now()) };
    this.store.putRoom(room);
    const now = this.clock.now();
    let changed = false;
    for (const task of this.store.listTasks()) {
      if (task.SdkAppId === sdkAppId && refreshPresence(this.store, task, now)) changed = true;
    }
    if (changed) this.store.flush();
    this.schedule();
    return room;
  }

  /** Picks up presence for a task that was just started (its rooms may already hold anchors). */
  track(task: TaskRecord): void {
    refreshPresence(this.store, task, this.clock.now());
    this.schedule();
  }

  /** Finishes every task whose idle deadline has passed; FinishedAt is the deadline, not the sweep time. */
  sweep(): TaskRecord[] {
    const now = this.clock.now();
    const expired: TaskRecord[] = [];
    for (const task of this.store.listTasks()) {
      const deadline = expiryDeadline(task);
      if (deadline !== undefined && deadline <= now) {
        finishTask(task, "idle", deadline);
        expired.push(task);
      }
    }
    if (expired.length > 0) {
      this.store.flush();
      expired.forEach((t) => this.onExpire(t));
    }
    this.schedule();
    return expired;
  }

  /** Arms the timer for the earliest deadline; unref'd so it never keeps a process alive. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    const deadlines = this.store
      .listTasks()
      .map(expiryDeadline)
      .filter((d): d is number => d !== undefined);
    if (deadlines.length === 0) return;
    // Capped so that a clock advanced through the control API is noticed within a minute even when idle.
    const delay = Math.min(Math.max(Math.min(...deadlines) - this.clock.now(), 0) + 5, 60_000);
    this.timer = setTimeout(() => this.sweep(), delay);
    this.timer.unref();
  }

  /** Stops the timer for good. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
