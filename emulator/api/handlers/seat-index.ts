/**
 * Finding the running tasks that hold a robot seat (robots.ts) without walking every task: the store files
 * each running task under its seats, and a Start reads only the tasks filed under the seats it would take.
 */
import type { EmulatorStore } from "../../state/store";
import type { TaskKeyIndex } from "../../state/task-index";
import type { TaskRecord } from "../../state/task";
import { robotSeats } from "./robots";

const seatKey = (sdkAppId: number, roomId: string, userId: string): string => `${sdkAppId}\u0000${roomId}\u0000${userId}`;

/** Running tasks by the seats their robots occupy, per SdkAppId, from {@link robotSeats}. */
export const RUNNING_ROBOT_SEATS: TaskKeyIndex = {
  name: "running tasks by robot seat",
  keysOf: (task) => robotSeats(task.Params).map((seat) => seatKey(task.SdkAppId, seat.roomId, seat.userId)),
};

/**
 * The running tasks of `sdkAppId` holding any seat `params` would take, oldest first: exactly the tasks
 * among which `findRobotCollision` can find a holder, in the order it would meet them.
 */
export function seatHolders(store: EmulatorStore, sdkAppId: number, params: Record<string, unknown>): TaskRecord[] {
  const keys = robotSeats(params).map((seat) => seatKey(sdkAppId, seat.roomId, seat.userId));
  return store.runningTasksBy(RUNNING_ROBOT_SEATS, keys);
}
