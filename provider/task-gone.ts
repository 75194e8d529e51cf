/**
 * Recognising "this task is no longer running" in Update and Stop answers — TRTC's only window onto a
 * task's state, since there is no Describe call (spec §6).
 */

/**
 * Codes meaning the TaskId no longer names a running task. TaskFinished is documented for Update;
 * Tencent does not document what Stop of a stopped or expired task answers (spec §4.3), so every
 * "gone" code it defines is accepted: ResourceNotFound (documented for all three actions),
 * FailedOperation.TaskNotExist and InvalidParameter.TaskId (defined in TRTC's errors.go).
 */
export const TASK_GONE_CODES: ReadonlySet<string> = new Set([
  "FailedOperation.TaskFinished",
  "ResourceNotFound",
  "FailedOperation.TaskNotExist",
  "InvalidParameter.TaskId",
]);

/** True for an error (any object with a `code`) saying the task is gone. */
export function isTaskGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TASK_GONE_CODES.has(code);
}
