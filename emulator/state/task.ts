/**
 * A relay task as the emulator keeps it. The record is stored, persisted and shown by the control API in
 * one PascalCase shape, so what `GET /_emulator/tasks` prints is exactly what survives a restart.
 */
import { cloneJson } from "./json";

/** `running` until Stop, idle expiry or a control-API expiry. */
export type TaskStatus = "running" | "finished";

/**
 * Why a task ended: Stop, `MaxIdleTime` without anchors, `POST /_emulator/tasks/<id>/expire`, or its robot
 * kicked out of a room by a later Start whose robot has the same UserId (`--robot-collision kick`).
 */
export type FinishReason = "stopped" | "idle" | "expired" | "kicked";

/** Who took a kicked task's robot seat: the later task and the seat (room and UserId). */
export interface KickedBy {
  TaskId: string;
  RoomId: string;
  UserId: string;
}

/** One accepted API call on a task. Rejected calls are in the request log, not here. */
export interface HistoryEntry {
  Action: string;
  /** ISO time (task clock). */
  At: string;
  /** Present for Update. */
  SequenceNumber?: number;
  RequestId: string;
}

/** What the idle-expiry rule needs to remember about the task's rooms. */
export interface TaskPresence {
  /** True once any anchor was present in one of the task's rooms; a task never joined stays up until stopped. */
  AnchorsSeen: boolean;
  /** ISO time the rooms became empty after anchors had been there; null while anchors are present. */
  IdleSince: string | null;
}

/** The stored task, also the control API's view of it. */
export interface TaskRecord {
  TaskId: string;
  SdkAppId: number;
  RoomId: string;
  RoomIdType: number;
  Status: TaskStatus;
  FinishReason?: FinishReason;
  /** Present when `FinishReason` is `kicked`. */
  KickedBy?: KickedBy;
  /** Last applied Update SequenceNumber; null until the first Update succeeds. */
  SequenceNumber: number | null;
  /** The Start body merged with every accepted Update, PascalCase, exactly as sent (secrets included). */
  Params: Record<string, unknown>;
  CreatedAt: string;
  UpdatedAt: string;
  FinishedAt?: string;
  History: HistoryEntry[];
  Presence: TaskPresence;
}

/** Documented default of `AgentParams.MaxIdleTime` (spec §5.1). */
export const DEFAULT_MAX_IDLE_SECONDS = 30;

/** ISO string of a millisecond time. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** The task's `AgentParams.MaxIdleTime` in seconds, or the documented default. */
export function maxIdleSeconds(task: TaskRecord): number {
  const agent = task.Params.AgentParams as { MaxIdleTime?: unknown } | undefined;
  return typeof agent?.MaxIdleTime === "number" ? agent.MaxIdleTime : DEFAULT_MAX_IDLE_SECONDS;
}

/** Builds the record for a task that Start just created. */
export function newTask(taskId: string, body: Record<string, unknown>, nowMs: number, requestId: string): TaskRecord {
  const at = iso(nowMs);
  return {
    TaskId: taskId,
    SdkAppId: body.SdkAppId as number,
    RoomId: body.RoomId as string,
    RoomIdType: body.RoomIdType as number,
    Status: "running",
    SequenceNumber: null,
    Params: cloneJson(body),
    CreatedAt: at,
    UpdatedAt: at,
    History: [{ Action: "StartPublishCdnStream", At: at, RequestId: requestId }],
    Presence: { AnchorsSeen: false, IdleSince: null },
  };
}

/** Marks a task finished at `atMs`; a no-op on a task that already finished. */
export function finishTask(task: TaskRecord, reason: FinishReason, atMs: number): void {
  if (task.Status === "finished") return;
  task.Status = "finished";
  task.FinishReason = reason;
  task.FinishedAt = iso(atMs);
  task.UpdatedAt = task.FinishedAt;
}
