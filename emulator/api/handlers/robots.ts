/**
 * Robot seats (spec §2.2 rule 14): a task's relay robot (`AgentParams.UserId`, in the main room) and each
 * push-back robot (`FeedBackRoomParams[].UserId`, in its target room) occupy a UserId in a room. What a
 * Start does when a seat is taken depends on `robotCollision` (docs/EMULATOR.md, "Robot collisions"):
 * - `kick` (default, what Tencent documents): the Start succeeds and whoever entered first with that UserId
 *   is kicked; a task whose robot is kicked ends (kick.ts);
 * - `refuse`: the Start is refused up front with `InvalidParameter` (an emulator invention, kept as an option).
 */
import type { TaskRecord } from "../../state/task";

/** What a Start does when one of its robot UserIds is already in the room. */
export type RobotCollisionMode = "kick" | "refuse";

/** The modes, for option and flag checks. */
export const ROBOT_COLLISION_MODES: readonly RobotCollisionMode[] = ["kick", "refuse"];

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

/** Every collision between `params` and the running tasks of `sdkAppId`, in seat order. */
export function findRobotCollisions(sdkAppId: number, params: Record<string, unknown>, tasks: readonly TaskRecord[]): RobotCollision[] {
  const taken = new Map<string, TaskRecord>();
  for (const task of tasks) {
    if (task.Status !== "running" || task.SdkAppId !== sdkAppId) continue;
    for (const seat of robotSeats(task.Params)) taken.set(`${seat.roomId}\u0000${seat.userId}`, task);
  }
  return robotSeats(params).flatMap((seat) => {
    const holder = taken.get(`${seat.roomId}\u0000${seat.userId}`);
    return holder ? [{ seat, holder }] : [];
  });
}

/** The first collision between `params` and the running tasks, if any. */
export function findRobotCollision(
  sdkAppId: number,
  params: Record<string, unknown>,
  tasks: readonly TaskRecord[],
): RobotCollision | undefined {
  return findRobotCollisions(sdkAppId, params, tasks)[0];
}

/** The InvalidParameter detail for a collision (`refuse` mode); names the UserId, never a UserSig. */
export function collisionMessage({ seat, holder }: RobotCollision): string {
  return `${seat.path}: the UserId \`${seat.userId}\` collides with a robot of running task ${holder.TaskId} in room ${seat.roomId}; robot UserIds must be unique in a room.`;
}
