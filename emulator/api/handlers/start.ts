/**
 * StartPublishCdnStream: respects the concurrency limit, creates a running task and seats its robots,
 * kicking whoever held their UserIds (default) or refusing the Start (`robotCollision: "refuse"`).
 */
import { apiErrors } from "../errors";
import { newTask } from "../../state/task";
import { newTaskId } from "../../state/task-id";
import { robotUserSigError } from "../usersig-check";
import type { Handler } from "./context";
import { kickSeatHolders } from "./kick";
import { collisionMessage, findRobotCollision } from "./robots";
import { seatHolders } from "./seat-index";

/** Creates a task from a validated Start body. */
export const startHandler: Handler = (body, ctx) => {
  const sdkAppId = body.SdkAppId as number;
  // Read before the new task is stored: afterwards it would hold the seats itself.
  const holders = seatHolders(ctx.store, sdkAppId, body);
  const collision = ctx.robotCollision === "refuse" ? findRobotCollision(sdkAppId, body, holders) : undefined;
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
  ctx.store.putTask(task);
  const kicked = ctx.robotCollision === "refuse" ? [] : kickSeatHolders(task, holders, ctx);
  ctx.presence.track(task);
  return { ok: true, fields: { TaskId: taskId }, taskId, kicked };
};
