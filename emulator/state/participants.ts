/**
 * Who takes part in a task's mix, for idle expiry. Tencent stops a task once "all mixed anchors have left
 * the room (or switched to audience)" for `MaxIdleTime` (spec §2, §4, §5.1): what keeps a task alive is its
 * participants, not whoever else is in the room. They are:
 * - single-stream relay (`SingleSubscribeParams`): the relayed user, in their room;
 * - the users the task names: custom-layout cells (mode 4), the big-picture user, the audio allow-list
 *   (`SubscribeAudioList`), each in their room (default: the main room, spec §5.5);
 * - where Tencent picks the users itself, every non-robot user of the main room who is not on the audio
 *   block-list (`UnSubscribeAudioList`): the dynamic layouts (floating, screen sharing, grid, spec §5.8),
 *   anonymous custom cells ("filled by room-entry order", §5.9), and the audio of a task with no
 *   allow-list ("absent or [] = mix all anchors", §5.2).
 * Robots never count: the task's own, and the relay and push-back robots other running tasks seat in the
 * room (a push-back robot publishes there, but it is not an anchor of this mix).
 */
import { mixUsers } from "../../trtc/schema/rules/rooms";
import { type EmulatorStore, roomKey } from "./store";
import type { TaskRecord } from "./task";
import type { TaskKeyIndex } from "./task-index";

/** One named participant. */
export interface NamedParticipant {
  readonly roomId: string;
  readonly userId: string;
}

/** The participants of a task, as {@link taskParticipants} finds them. */
export interface Participants {
  /** Users the task names, each in their room. */
  readonly named: readonly NamedParticipant[];
  /** Set when Tencent picks users from the main room: that room and the block-listed users who do not count. */
  readonly fromRoom?: { readonly roomId: string; readonly blocked: ReadonlySet<string> };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The participants of `task` (see the module comment). */
export function taskParticipants(task: TaskRecord): Participants {
  const params = task.Params;
  const main = task.RoomId;
  const users = mixUsers(params);
  const named = (sources: ReadonlyArray<(typeof users)[number]["source"]>, list?: string): NamedParticipant[] =>
    users.flatMap(({ info, source, path }) => {
      const userId = str(info.UserId);
      if (!sources.includes(source) || userId === undefined || (list !== undefined && path[1] !== list)) return [];
      return [{ roomId: str(info.RoomId) ?? main, userId }];
    });

  if (obj(params.SingleSubscribeParams)) {
    const single = named(["single"]);
    // A relay naming no user (UserInfo is optional) relays whoever Tencent picks (UNSURE): the main room.
    return single.length > 0 ? { named: single } : { named: [], fromRoom: { roomId: main, blocked: new Set() } };
  }

  const video = obj(params.VideoParams);
  const layout = obj(video?.LayoutParams);
  const mode = layout?.MixLayoutMode ?? 1;
  const cells = Array.isArray(layout?.MixLayoutList) ? layout.MixLayoutList : [];
  const allowList = named(["audio"], "SubscribeAudioList");
  const videoPicks =
    video !== undefined &&
    (mode === 1 ||
      mode === 2 ||
      mode === 3 ||
      (mode === 4 && cells.some((c) => str(obj(obj(obj(c)?.UserMediaStream)?.UserInfo)?.UserId) === undefined)));
  const audioPicks = allowList.length === 0;
  const chosen = [
    ...(video && mode === 4 ? named(["cell"]) : []),
    ...(video && (mode === 1 || mode === 2) ? named(["bigPicture"]) : []),
    ...allowList,
  ];
  if (!videoPicks && !audioPicks) return { named: chosen };
  const blocked = new Set(
    named(["audio"], "UnSubscribeAudioList")
      .filter((u) => u.roomId === main)
      .map((u) => u.userId),
  );
  return { named: chosen, fromRoom: { roomId: main, blocked } };
}

/** The rooms a task seats robots in: its main room (relay robot) and each push-back room that names a robot. */
function robotRooms(task: TaskRecord): Array<{ roomId: string; userId: string }> {
  const rooms: Array<{ roomId: string; userId: string }> = [];
  const agent = str(obj(task.Params.AgentParams)?.UserId);
  if (agent !== undefined) rooms.push({ roomId: task.RoomId, userId: agent });
  const feedback = Array.isArray(task.Params.FeedBackRoomParams) ? task.Params.FeedBackRoomParams : [];
  for (const fb of feedback) {
    const roomId = str(obj(fb)?.RoomId);
    const userId = str(obj(fb)?.UserId);
    if (roomId !== undefined && userId !== undefined) rooms.push({ roomId, userId });
  }
  return rooms;
}

/** The robot UserIds seated in `roomId` by the running tasks of one application (relay and push-back robots). */
export function robotsIn(tasks: readonly TaskRecord[], sdkAppId: number, roomId: string): Set<string> {
  const robots = new Set<string>();
  for (const task of tasks) {
    if (task.SdkAppId !== sdkAppId || task.Status !== "running") continue;
    for (const seat of robotRooms(task)) if (seat.roomId === roomId) robots.add(seat.userId);
  }
  return robots;
}

/** Running tasks by each room they seat a robot in (`roomKey`), so presence reads a room's robots by key. */
export const ROBOTS_BY_ROOM: TaskKeyIndex = {
  name: "running tasks by the rooms their robots sit in",
  keysOf: (task) => robotRooms(task).map((seat) => roomKey(task.SdkAppId, seat.roomId)),
};

/** {@link robotsIn} over the store's running tasks, read through {@link ROBOTS_BY_ROOM} rather than a scan. */
export function seatedRobots(store: EmulatorStore, sdkAppId: number, roomId: string): Set<string> {
  return robotsIn(store.runningTasksBy(ROBOTS_BY_ROOM, [roomKey(sdkAppId, roomId)]), sdkAppId, roomId);
}
