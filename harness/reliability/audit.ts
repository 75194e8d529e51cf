/**
 * The invariants a run must keep, checked by comparing the stack's state with the emulator's tasks:
 * orphans (running, absent from state), lost TaskIds (in state, unknown to the emulator), duplicates
 * (more than one running task for one room + robot UserId) and stale TaskIds (state says running, the
 * emulator says finished: what a robot kicked by a later Start with the same UserId would leave behind).
 */
import type { Stack } from "@pulumi/pulumi/automation";
import type { EmulatorTask, HarnessEnv } from "../env";

/** The outcome of {@link auditStack}. */
export interface Audit {
  /** PublishCdnStream resources in state. */
  inState: number;
  /** Running tasks in the emulator. */
  running: number;
  /** TaskIds of running tasks no resource in state holds. */
  orphans: string[];
  /** TaskIds in state the emulator has never heard of. */
  lost: string[];
  /** `room/robot` keys with more than one running task. */
  duplicates: string[];
  /** TaskIds state holds as running (not recorded `finished`) whose emulator task has finished. */
  stale: string[];
}

/** A relay resource in state: its TaskId (the resource id) and whether state records the task as finished. */
export interface StateEntry {
  id: string;
  finished: boolean;
}

/** The relay resources in a stack's state. */
export async function stateEntries(stack: Stack): Promise<StateEntry[]> {
  const deployment = await stack.exportStack();
  return (deployment.deployment.resources ?? [])
    .filter((r: any) => String(r.type).endsWith(":PublishCdnStream") && typeof r.id === "string" && r.id !== "")
    .map((r: any) => ({ id: r.id as string, finished: r.outputs?.finished === true }));
}

/** TaskIds of the relay resources in a stack's state (the resource id is the TaskId). */
export async function stateTaskIds(stack: Stack): Promise<string[]> {
  return (await stateEntries(stack)).map((e) => e.id);
}

/** Compares state and emulator; `entries` may be bare TaskIds (then none counts as recorded finished). */
export function compare(entries: ReadonlyArray<string | StateEntry>, tasks: readonly EmulatorTask[]): Audit {
  const state = entries.map((e) => (typeof e === "string" ? { id: e, finished: false } : e));
  const stateIds = state.map((e) => e.id);
  const finished = new Set(tasks.filter((t) => t.Status !== "running").map((t) => t.TaskId));
  const known = new Set(tasks.map((t) => t.TaskId));
  const held = new Set(stateIds);
  const running = tasks.filter((t) => t.Status === "running");
  const seats = new Map<string, number>();
  for (const t of running) {
    const key = `${t.RoomId}/${t.Params?.AgentParams?.UserId}`;
    seats.set(key, (seats.get(key) ?? 0) + 1);
  }
  return {
    inState: stateIds.length,
    running: running.length,
    orphans: running.filter((t) => !held.has(t.TaskId)).map((t) => t.TaskId),
    lost: stateIds.filter((id) => !known.has(id)),
    duplicates: [...seats].filter(([, n]) => n > 1).map(([k]) => k),
    stale: state.filter((e) => !e.finished && finished.has(e.id)).map((e) => e.id),
  };
}

/** Audits a stack against the rig's emulator. */
export async function auditStack(stack: Stack, rig: HarnessEnv): Promise<Audit> {
  return compare(await stateEntries(stack), await rig.tasks());
}
