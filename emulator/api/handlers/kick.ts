/**
 * `robotCollision: "kick"`, the default: what Tencent documents when a Start's robot takes a UserId that
 * is already in the room. Room entry: "two users with the same userId enter the same room, and the user
 * who enters the room first will be kicked out" (the web SDK's `KICKED_OUT` event, reason `kick`;
 * https://www.tencentcloud.com/document/product/647/48421). Relay robots: a robot UserId that collides
 * with another user or robot in the room makes the task end abnormally (StartPublishCdnStream's
 * `AgentParams.UserId`; spec §2.2 rule 14). So the new Start succeeds, and whoever held the seat leaves:
 * - a running task of the same SdkAppId whose relay or push-back robot holds it ends, `FinishReason`
 *   `kicked`, with `KickedBy` naming the new task and the seat (its push URLs then get DISCONNECTING and
 *   IDLE callbacks, cause `kicked`: request.ts);
 * - an anchor with that UserId, as told through the control API, leaves the room's anchor list.
 * Robot entry is modelled as instant at Start; Tencent's robot enters after Start answers (UNSURE 12).
 */
import { finishTask, type TaskRecord } from "../../state/task";
import type { HandlerContext } from "./context";
import { findRobotCollisions, robotSeats } from "./robots";

/**
 * Ends the tasks and removes the anchors whose seats `started` (just stored) now takes; `holders` are the
 * running tasks that held any of those seats before the Start (`seatHolders`, seat-index.ts, read without
 * walking the store). Returns the tasks it ended, for their callbacks.
 */
export function kickSeatHolders(started: TaskRecord, holders: readonly TaskRecord[], ctx: HandlerContext): TaskRecord[] {
  const now = ctx.clock.now();
  const kicked: TaskRecord[] = [];
  for (const { seat, holder } of findRobotCollisions(started.SdkAppId, started.Params, holders)) {
    if (holder.Status !== "running") continue; // two seats of one holder: ended by the first
    finishTask(holder, "kicked", now);
    holder.KickedBy = { TaskId: started.TaskId, RoomId: seat.roomId, UserId: seat.userId };
    ctx.store.putTask(holder);
    kicked.push(holder);
  }
  for (const seat of robotSeats(started.Params)) {
    const anchors = ctx.store.getRoom(started.SdkAppId, seat.roomId)?.Anchors ?? [];
    if (anchors.includes(seat.userId))
      ctx.presence.setAnchors(
        started.SdkAppId,
        seat.roomId,
        anchors.filter((a) => a !== seat.userId),
      );
  }
  return kicked;
}
