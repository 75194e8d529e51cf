/**
 * What every action handler receives and returns. Handlers see a body that already passed the shared
 * schema (trtc/validate.ts) and apply only the rules a server alone can know: task state,
 * sequence numbers, robot seats and the concurrency limit.
 */
import type { EmulatorClock } from "../../state/clock";
import type { ApiError } from "../errors";
import type { RoomPresence } from "../../state/rooms";
import type { EmulatorStore } from "../../state/store";
import type { TaskRecord } from "../../state/task";
import type { RobotCollisionMode } from "./robots";

/** Shared state and per-request facts. */
export interface HandlerContext {
  store: EmulatorStore;
  clock: EmulatorClock;
  presence: RoomPresence;
  /** The RequestId this request will be answered with; recorded in the task history. */
  requestId: string;
  /** Running-task limit; undefined = unlimited. */
  maxConcurrentTasks?: number;
  /** SDK secret keys by SdkAppId: robot UserSigs of these applications are checked (usersig-check.ts). */
  sdkSecretKeys?: ReadonlyMap<number, string>;
  /** What a Start does when a robot UserId is already in the room (robots.ts); default `kick`. */
  robotCollision?: RobotCollisionMode;
}

/**
 * A handler's answer: the success fields (without RequestId) or an API error; `taskId` for the log;
 * `kicked`, the tasks a Start ended by taking their robots' seats (their callbacks are sent too).
 */
export type HandlerResult =
  | { ok: true; fields: Record<string, unknown>; taskId: string; kicked?: TaskRecord[] }
  | { ok: false; error: ApiError; taskId?: string };

/** An action handler. */
export type Handler = (body: Record<string, unknown>, ctx: HandlerContext) => HandlerResult;
