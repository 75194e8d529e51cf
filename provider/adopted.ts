/**
 * The state of a task adopted by `pulumi import`: what the import id carries (lifecycle/import-id.ts) and where
 * the provider was pointed, none of the task's arguments. TRTC has no Describe call, so those arguments are
 * unknown until the next `up` takes them from the program; the diff table (diff.ts) and update
 * (lifecycle/update.ts) read such a state as "known only to the program", never as "absent".
 */
import type { ComputedState } from "./outputs";

type Props = Record<string, unknown>;

/** Arguments Start requires, so every state create or update writes has them and an adopted state has none. */
const START_REQUIRED = ["roomId", "agentParams"] as const;

/** The state recorded for an imported task; `sequenceNumber` only when the import id carried one. */
export function adoptedState(
  sdkAppId: number,
  computed: Pick<ComputedState, "taskId" | "endpoint" | "region"> & { sequenceNumber?: number },
): Props {
  const state: Props = { sdkAppId, taskId: computed.taskId, requestId: "", endpoint: computed.endpoint, region: computed.region };
  if (computed.sequenceNumber !== undefined) state.sequenceNumber = computed.sequenceNumber;
  return state;
}

/**
 * True for a state whose task arguments are unknown: one `pulumi import` recorded, or the minimal state a
 * create keeps when recording its outputs failed after Start (lifecycle/create.ts); either way the program's
 * arguments are applied in place rather than compared.
 */
export function isAdopted(state: Props): boolean {
  return typeof state.taskId === "string" && START_REQUIRED.every((key) => state[key] === undefined || state[key] === null);
}
