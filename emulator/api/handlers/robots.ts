/**
 * Robot seats (spec §2.2 rule 14): a task's relay robot (`AgentParams.UserId`, in the main room) and each
 * push-back robot (`FeedBackRoomParams[].UserId`, in its target room) occupy a UserId in a room. Tencent
 * kicks a robot whose UserId is already taken, and the task dies; the emulator refuses such a Start up front
 * with `InvalidParameter`, which is what a client can act on.
 */
import type { TaskRecord } from "../../state/task";

/** One UserId taken in one room, with the API path that set it (for the error message). */
export interface RobotSeat {
  roomId: string;
  userId: string;
  path: string;
}

/** The seats a Start body (or a stored task's Params) occupies. */
export function robotSeats(params: Record<string, unknown>): RobotSeat[] {
  const seats: RobotSeat[] = [];
  const agent = params.AgentParams as { UserId?: unknown } | undefined;
  if (typeof params.RoomId === "string" && typeof agent?.UserId === "string") {
    seats.push({ roomId: params.RoomId, userId: agent.UserId, path: "AgentParams.UserId" });
  }
  const feedback = Array.isArray(params.FeedBackRoomParams) ? params.FeedBackRoomParams : [];
  feedback.forEach((fb: { RoomId?: unknown; UserId?: unknown }, i) => {
    if (typeof fb?.RoomId === "string" && typeof fb.UserId === "string") {
      seats.push({ roomId: fb.RoomId, userId: fb.UserId, path: `FeedBackRoomParams[${i}].UserId` });
    }
  });
  return seats;
}

/** A seat of the new task already held by a running task of the same SdkAppId. */
export interface RobotCollision {
  seat: RobotSeat;
  holder: TaskRecord;
}

/** The first collision between `params` and the running tasks, if any. */
export function findRobotCollision(
  sdkAppId: number,
  params: Record<string, unknown>,
  tasks: readonly TaskRecord[],
): RobotCollision | undefined {
  const taken = new Map<string, TaskRecord>();
  for (const task of tasks) {
    if (task.Status !== "running" || task.SdkAppId !== sdkAppId) continue;
    for (const seat of robotSeats(task.Params)) taken.set(`${seat.roomId}\u0000${seat.userId}`, task);
  }
  for (const seat of robotSeats(params)) {
    const holder = taken.get(`${seat.roomId}\u0000${seat.userId}`);
    if (holder) return { seat, holder };
  }
  return undefined;
}

/** The InvalidParameter detail for a collision; names the UserId, never a UserSig. */
export function collisionMessage({ seat, holder }: RobotCollision): string {
  return `${seat.path}: the UserId \`${seat.userId}\` collides with a robot of running task ${holder.TaskId} in room ${seat.roomId}; robot UserIds must be unique in a room.`;
}
