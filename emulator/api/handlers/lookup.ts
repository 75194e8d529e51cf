/**
 * Finding the task an Update or Stop addresses. A TaskId of another SdkAppId is reported exactly like an
 * unknown one, so one app cannot learn that another app's task exists.
 */
import { apiErrors, type ApiError } from "../errors";
import type { EmulatorStore } from "../../state/store";
import type { TaskRecord } from "../../state/task";

/** The running task for `(SdkAppId, TaskId)`, or the error to answer. */
export function findRunningTask(store: EmulatorStore, body: Record<string, unknown>): { task: TaskRecord } | { error: ApiError } {
  const taskId = body.TaskId as string;
  const task = store.getTask(taskId);
  if (!task || task.SdkAppId !== body.SdkAppId) return { error: apiErrors.resourceNotFound(taskId) };
  if (task.Status === "finished") return { error: apiErrors.taskFinished(taskId, task.FinishReason ?? "finished") };
  return { task };
}
