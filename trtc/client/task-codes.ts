/**
 * The error codes that tell a caller what became of a task: TRTC's only window onto a task's state, since
 * there is no Describe call (spec §6). The retry table (retry-policy.ts) and the Pulumi lifecycle both read
 * these sets, so "gone" and "outdated" mean the same thing everywhere.
 */

/**
 * Codes meaning the TaskId no longer names a running task. TaskFinished is documented for Update;
 * Tencent does not document what Stop of a stopped or expired task answers (spec §4.3), so every
 * "gone" code it defines is accepted: ResourceNotFound (documented for all three actions),
 * FailedOperation.TaskNotExist and InvalidParameter.TaskId (defined in TRTC's errors.go).
 */
export const TASK_GONE_CODES: readonly string[] = [
  "FailedOperation.TaskFinished",
  "ResourceNotFound",
  "FailedOperation.TaskNotExist",
  "InvalidParameter.TaskId",
];

/**
 * Codes meaning an Update's SequenceNumber was not above the last one the task applied. Both spellings occur
 * in Tencent's docs (StartPublishCdnStream / UpdatePublishCdnStream pages, spec §4.2).
 */
export const OUTDATED_CODES: readonly string[] = ["FailedOperation.RequestOutdated", "FailedOperation.OutdateRequest"];

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** True for an error (any object with a `code`) saying the task is gone. */
export function isTaskGone(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === "string" && TASK_GONE_CODES.includes(code);
}

/** True for an error (any object with a `code`) saying an Update's SequenceNumber was outdated. */
export function isOutdated(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === "string" && OUTDATED_CODES.includes(code);
}
