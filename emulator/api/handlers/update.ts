/**
 * UpdatePublishCdnStream: checks the task, the immutable parts, the task the Update would make (merged,
 * then judged by every Start rule: update-rules.ts) and the SequenceNumber, then applies the merge.
 *
 * The SequenceNumber is compared last among the request checks and stored only on success, so a rejected
 * Update never burns a number and a client retrying an `InternalError` with the same number gets through
 * (spec §3.2). It is a uint64 (spec §0): a bigint past 2^53, compared exactly.
 */
import { apiErrors } from "../errors";
import { iso } from "../../state/task";
import { robotUserSigError } from "../usersig-check";
import type { Handler } from "./context";
import { findRunningTask } from "./lookup";
import { immutableViolation, mergeUpdate, mergedTaskViolation } from "./update-rules";

/** Applies a validated Update body. */
export const updateHandler: Handler = (body, ctx) => {
  const found = findRunningTask(ctx.store, body);
  const taskId = body.TaskId as string;
  if ("error" in found) return { ok: false, error: found.error, taskId };
  const { task } = found;

  const violation = immutableViolation(task.Params, body);
  if (violation) return { ok: false, error: apiErrors.invalidParameter(violation), taskId };
  const badUserSig = robotUserSigError(body, ctx.sdkSecretKeys, ctx.clock.now(), task.Params);
  if (badUserSig) return { ok: false, error: badUserSig, taskId };

  const merged = mergeUpdate(task.Params, body);
  const broken = mergedTaskViolation(merged, ctx.site);
  if (broken) return { ok: false, error: apiErrors.invalidParameter(broken), taskId };

  // number or bigint: JavaScript compares the two kinds exactly.
  const sequence = body.SequenceNumber as number | bigint;
  if (task.SequenceNumber !== null && sequence <= task.SequenceNumber) {
    return { ok: false, error: apiErrors.requestOutdated(sequence, task.SequenceNumber), taskId };
  }

  const now = ctx.clock.now();
  task.Params = merged;
  task.SequenceNumber = sequence;
  task.UpdatedAt = iso(now);
  task.History.push({ Action: "UpdatePublishCdnStream", At: task.UpdatedAt, SequenceNumber: sequence, RequestId: ctx.requestId });
  // A new layout may name other rooms, which changes whose presence keeps the task alive.
  ctx.presence.track(task);
  ctx.store.putTask(task);
  return { ok: true, fields: { TaskId: task.TaskId }, taskId };
};
