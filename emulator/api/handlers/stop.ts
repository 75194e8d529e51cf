/**
 * StopPublishCdnStream: finishes a running task. Stopping a finished task answers
 * `FailedOperation.TaskFinished` (Tencent does not document this case; see docs/EMULATOR.md).
 */
import { finishTask } from "../../state/task";
import type { Handler } from "./context";
import { findRunningTask } from "./lookup";

/** Stops the task named by a validated Stop body. `RecordKey` is accepted and has no effect here. */
export const stopHandler: Handler = (body, ctx) => {
  const found = findRunningTask(ctx.store, body);
  const taskId = body.TaskId as string;
  if ("error" in found) return { ok: false, error: found.error, taskId };
  const { task } = found;
  const now = ctx.clock.now();
  finishTask(task, "stopped", now);
  task.History.push({ Action: "StopPublishCdnStream", At: task.FinishedAt as string, RequestId: ctx.requestId });
  ctx.store.putTask(task);
  return { ok: true, fields: { TaskId: task.TaskId }, taskId };
};
