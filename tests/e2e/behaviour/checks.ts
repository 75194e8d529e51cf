/**
 * Assertions rows share: what the emulator ran for a resource, stop-before-start of a replacement, and the
 * audit of emulator tasks against state (orphans: running but not in state; lost: in state, not running).
 */
import type { EmulatorTask } from "../harness";
import type { RowContext, StateResource, Step } from "./model";

/** The state resource called `name`; fails when state has none. */
export async function inState(ctx: RowContext, name: string, project?: string): Promise<StateResource> {
  const found = (await ctx.state(project)).find((r) => r.name === name);
  if (!found) throw new Error(`state has no ${name}`);
  return found;
}

/** The emulator's task with this TaskId; fails when it has none. */
export async function task(ctx: RowContext, taskId: string): Promise<EmulatorTask> {
  const found = (await ctx.emulator.tasks()).find((t) => t.TaskId === taskId);
  if (!found) throw new Error(`the emulator has no task ${taskId}`);
  return found;
}

/** A step remembering the TaskId state holds for `name` as `ctx.vars[key]`. */
export const remember = (name: string, key = name): Step => ({
  kind: "verify",
  what: `remember ${name}'s TaskId as ${key}`,
  check: async (ctx) => {
    ctx.vars[key] = (await inState(ctx, name)).id;
  },
});

/**
 * The old task was stopped by a Stop (not kicked, not expired) no later than the new one started, and the
 * new one is the one state records for `name` and the only one running in its room.
 */
export async function stoppedBeforeStarted(ctx: RowContext, name: string, oldTaskId: string): Promise<void> {
  const now = await inState(ctx, name);
  expect(now.id).not.toBe(oldTaskId);
  const old = await task(ctx, oldTaskId);
  const fresh = await task(ctx, now.id);
  expect({ status: old.Status, reason: old.FinishReason }).toEqual({ status: "finished", reason: "stopped" });
  expect(old.History.map((h) => h.Action)).toContain("StopPublishCdnStream");
  expect(Date.parse(old.FinishedAt!)).toBeLessThanOrEqual(Date.parse(fresh.CreatedAt));
  expect(fresh.Status).toBe("running");
  const inRoom = (await ctx.emulator.running()).filter((t) => t.RoomId === fresh.RoomId);
  expect(inRoom.map((t) => t.TaskId)).toEqual([now.id]);
}

/** A verify step for {@link stoppedBeforeStarted} against the TaskId remembered as `key`. */
export const expectStopThenStart = (name: string, key = name): Step => ({
  kind: "verify",
  what: `${name}: the old task stopped before its replacement started`,
  check: (ctx) => stoppedBeforeStarted(ctx, name, ctx.vars[key]),
});

/** Emulator tasks against state. */
export interface Audit {
  running: number;
  inState: number;
  /** Running tasks state does not know (they would run on, unmanaged). */
  orphans: string[];
  /** Tasks state holds that are not running. */
  lost: string[];
}

/** Counts running tasks against the PublishCdnStreams in state. */
export async function audit(ctx: RowContext, project?: string): Promise<Audit> {
  const running = (await ctx.emulator.running()).map((t) => t.TaskId);
  const ids = (await ctx.state(project)).map((r) => r.id);
  return {
    running: running.length,
    inState: ids.length,
    orphans: running.filter((id) => !ids.includes(id)),
    lost: ids.filter((id) => !running.includes(id)),
  };
}

/** How many API requests of `action` the emulator has answered. */
export async function requestsOf(ctx: RowContext, action: string): Promise<number> {
  return (await ctx.emulator.requests()).filter((r) => r.action === action).length;
}
