/**
 * The invariants a run must keep, checked by comparing the stack's state with the emulator's tasks:
 * orphans (running, absent from state), lost TaskIds (in state, unknown to the emulator) and duplicates
 * (more than one running task for one room + robot UserId).
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
}

/** TaskIds of the relay resources in a stack's state (the resource id is the TaskId). */
export async function stateTaskIds(stack: Stack): Promise<string[]> {
  const deployment = await stack.exportStack();
  return (deployment.deployment.resources ?? [])
    .filter((r: any) => String(r.type).endsWith(":PublishCdnStream") && typeof r.id === "string" && r.id !== "")
    .map((r: any) => r.id as string);
}

/** Compares state and emulator. */
export function compare(stateIds: readonly string[], tasks: readonly EmulatorTask[]): Audit {
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
  };
}

/** Audits a stack against the rig's emulator. */
export async function auditStack(stack: Stack, rig: HarnessEnv): Promise<Audit> {
  return compare(await stateTaskIds(stack), await rig.tasks());
}
