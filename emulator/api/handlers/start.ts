/**
 * StartPublishCdnStream: seats the robots, respects the concurrency limit, creates a running task.
 */
import { apiErrors } from "../errors";
import { newTask } from "../../state/task";
import { newTaskId } from "../../state/task-id";
import { robotUserSigError } from "../usersig-check";
import type { Handler } from "./context";
import { collisionMessage, findRobotCollision } from "./robots";
import { seatHolders } from "./seat-index";

/** Creates a task from a validated Start body. */
export const startHandler: Handler = (body, ctx) => {
  const sdkAppId = body.SdkAppId as number;
  const collision = findRobotCollision(sdkAppId, body, seatHolders(ctx.store, sdkAppId, body));
  if (collision) return { ok: false, error: apiErrors.invalidParameter(collisionMessage(collision)) };

  const limit = ctx.maxConcurrentTasks;
  if (limit !== undefined && ctx.store.countTasks().running >= limit) {
    return { ok: false, error: apiErrors.restrictedConcurrency(limit) };
  }
  const badUserSig = robotUserSigError(body, ctx.sdkSecretKeys, ctx.clock.now());
  if (badUserSig) return { ok: false, error: badUserSig };

  let taskId = newTaskId(sdkAppId);
  while (ctx.store.getTask(taskId)) taskId = newTaskId(sdkAppId);
  const task = newTask(taskId, body, ctx.clock.now(), ctx.requestId);
  ctx.presence.track(task);
  ctx.store.putTask(task);
  return { ok: true, fields: { TaskId: taskId }, taskId };
};
