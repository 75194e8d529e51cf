/**
 * What the dashboard may show of a task: a copy built field by field with every push URL passed through
 * `redactUrl`, UserSigs dropped, and the raw parameters (for the "all parameters" panel) masked the way the
 * control API masks them (state/masked.ts). Pages render only from these views, never from a
 * stored `TaskRecord`, so no page can reach a secret by accident.
 */
import { redactUrl, redactValue } from "../../trtc/redact";
import { maskedParams, taskSecrets } from "../state/masked";
import type { RoomRecord } from "../state/store";
import type { FinishReason, HistoryEntry, KickedBy, TaskRecord, TaskStatus } from "../state/task";
import { taskRooms } from "../state/rooms";

/** A robot the task put into a room (its UserSig is never part of the view). */
export interface RobotView {
  readonly role: "relay" | "push-back";
  readonly userId: string;
  readonly roomId: string;
}

/** A CDN push target with its authentication secret masked. */
export interface TargetView {
  readonly url: string;
  readonly tencentCdn: boolean;
}

/** Who is in one of the task's rooms, as told through the control API. */
export interface RoomView {
  readonly roomId: string;
  readonly anchors: ReadonlyArray<string>;
  /** False until the control API said anything about the room. */
  readonly known: boolean;
}

/** The dashboard's view of one task. */
export interface TaskView {
  readonly taskId: string;
  readonly sdkAppId: number;
  readonly roomId: string;
  readonly status: TaskStatus;
  readonly finishReason?: FinishReason;
  /** Which later task took the robot's seat, for a task that finished `kicked`. */
  readonly kickedBy?: KickedBy;
  readonly sequenceNumber: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt?: string;
  readonly transcoding: boolean;
  readonly robots: ReadonlyArray<RobotView>;
  readonly targets: ReadonlyArray<TargetView>;
  readonly history: ReadonlyArray<HistoryEntry>;
  readonly rooms: ReadonlyArray<RoomView>;
  readonly idleSince: string | null;
  /** The merged parameters, redacted. */
  readonly params: Record<string, unknown>;
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(asObj) : []);
const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

function robotsOf(task: TaskRecord): RobotView[] {
  const agent = asObj(task.Params.AgentParams);
  const robots: RobotView[] = [{ role: "relay", userId: str(agent.UserId), roomId: task.RoomId }];
  for (const room of asList(task.Params.FeedBackRoomParams))
    robots.push({ role: "push-back", userId: str(room.UserId), roomId: str(room.RoomId) });
  return robots;
}

/** The anchors of a room, or an empty unknown room. */
export function roomView(rooms: ReadonlyArray<RoomRecord>, sdkAppId: number, roomId: string): RoomView {
  const room = rooms.find((r) => r.SdkAppId === sdkAppId && r.RoomId === roomId);
  return { roomId, anchors: room ? [...room.Anchors] : [], known: room !== undefined };
}

/** Builds the redacted view of `task`, with presence from `rooms`. */
export function taskView(task: TaskRecord, rooms: ReadonlyArray<RoomRecord>): TaskView {
  const secrets = taskSecrets(task.Params);
  return {
    taskId: task.TaskId,
    sdkAppId: task.SdkAppId,
    roomId: task.RoomId,
    status: task.Status,
    finishReason: task.FinishReason,
    kickedBy: task.KickedBy ? { ...task.KickedBy } : undefined,
    sequenceNumber: task.SequenceNumber,
    createdAt: task.CreatedAt,
    updatedAt: task.UpdatedAt,
    finishedAt: task.FinishedAt,
    transcoding: task.Params.WithTranscoding === 1,
    robots: robotsOf(task),
    // A push URL may also embed a UserSig-like token in another parameter; the literals catch that too.
    targets: asList(task.Params.PublishCdnParams).map((t) => ({
      url: redactValue(redactUrl(str(t.PublishCdnUrl)), secrets),
      tencentCdn: t.IsTencentCdn === 1,
    })),
    history: task.History.map((h) => ({ ...h })),
    rooms: taskRooms(task).map((roomId) => roomView(rooms, task.SdkAppId, roomId)),
    idleSince: task.Presence.IdleSince,
    params: maskedParams(task.Params),
  };
}
