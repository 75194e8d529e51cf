/**
 * Robot UserSig checks: when the emulator has been told an application's SDK secret key, a robot whose
 * ticket would not let it into a TRTC room is refused at Start (and at Update, for a push-back robot that
 * is new to the task) with `InvalidParameter`.
 *
 * Why a synchronous error: Tencent documents no UserSig error for these three actions (spec §8.3 lists
 * `InvalidParameter.UserSig` for TRTC generally but not for them, and advises the generic code). On the
 * real service the robot's room entry presumably fails after Start answered, and the task then pushes
 * nothing. The emulator surfaces that failure where a client can act on it — before a TaskId exists —
 * and says in the message that this is its own choice. See docs/EMULATOR.md.
 *
 * Applications without a known key are not checked (the emulator cannot tell a good ticket from a bad one).
 * Messages name the robot's path, UserId and the reason; never the ticket or the key.
 */
import { verifyUserSig, type UserSigRejection } from "../../trtc/usersig/verify";
import { apiErrors, type ApiError } from "./errors";

type Params = Record<string, unknown>;

/** One robot whose ticket the check looks at. */
interface Robot {
  path: string;
  roomId: unknown;
  userId: string;
  userSig: unknown;
}

const REASONS: Record<UserSigRejection, string> = {
  malformed: "is not a UserSig",
  sdkappid: "was issued for another SdkAppId",
  identifier: "was issued for another UserId",
  signature: "does not verify with the application's SDK secret key",
  expired: "has expired",
};

function robots(params: Params): Robot[] {
  const found: Robot[] = [];
  const agent = params.AgentParams as Params | undefined;
  // The relay robot's ticket is optional to the API: only a ticket that is present is checked.
  if (typeof agent?.UserId === "string" && agent.UserSig !== undefined) {
    found.push({ path: "AgentParams.UserSig", roomId: params.RoomId, userId: agent.UserId, userSig: agent.UserSig });
  }
  const feedback = Array.isArray(params.FeedBackRoomParams) ? (params.FeedBackRoomParams as Params[]) : [];
  feedback.forEach((robot, i) => {
    if (typeof robot?.UserId === "string") {
      found.push({ path: `FeedBackRoomParams[${i}].UserSig`, roomId: robot.RoomId, userId: robot.UserId, userSig: robot.UserSig });
    }
  });
  return found;
}

const seat = (r: Pick<Robot, "roomId" | "userId">): string => `${String(r.roomId)}\u0000${r.userId}`;

/**
 * The error for the first robot whose UserSig would be refused, or undefined.
 *
 * @param body A validated Start or Update body.
 * @param keys SDK secret keys by SdkAppId.
 * @param nowMs The emulator's task clock (so `POST /_emulator/clock` ages tickets too).
 * @param running For Update: the task's current Params; robots already seated there are not re-checked,
 *   because only a robot entering a room presents its ticket.
 */
export function robotUserSigError(
  body: Params,
  keys: ReadonlyMap<number, string> | undefined,
  nowMs: number,
  running?: Params,
): ApiError | undefined {
  const sdkAppId = body.SdkAppId as number;
  const secretKey = keys?.get(sdkAppId);
  if (secretKey === undefined) return undefined;
  const seated = new Set(running ? robots(running).map(seat) : []);
  for (const robot of robots(body)) {
    if (running && (robot.path.startsWith("AgentParams") || seated.has(seat(robot)))) continue;
    const result =
      typeof robot.userSig === "string"
        ? verifyUserSig(robot.userSig, { sdkAppId, secretKey, userId: robot.userId, now: () => nowMs / 1000 })
        : ({ ok: false, reason: "malformed" } as const);
    if (!result.ok) {
      return apiErrors.invalidParameter(
        // "<path> refused", not "<path>: ...": the package's redaction masks whatever follows "UserSig:".
        `${robot.path} refused: the robot \`${robot.userId}\` cannot enter room ${String(robot.roomId)}; its ticket ` +
          `${REASONS[result.reason]} (emulator check; Tencent documents no specific error for this).`,
      );
    }
  }
  return undefined;
}

/**
 * Parses `{ "1400188366": "key" }` or a Map into the key ring; throws a RangeError naming the bad entry
 * (by SdkAppId, never by key).
 */
export function toKeyRing(keys: Record<string, string> | ReadonlyMap<number, string> | undefined): Map<number, string> {
  const ring = new Map<number, string>();
  const entries: [string | number, unknown][] = keys instanceof Map ? [...keys.entries()] : Object.entries(keys ?? {});
  for (const [rawId, key] of entries) {
    const id = Number(rawId);
    if (!Number.isSafeInteger(id) || id < 1 || id > 0xffffffff) {
      throw new RangeError(`trtc-emulator: sdkSecretKeys: "${String(rawId).slice(0, 20)}" is not an SdkAppId`);
    }
    if (typeof key !== "string" || key === "")
      throw new RangeError(`trtc-emulator: sdkSecretKeys: the key for ${id} must be a non-empty string`);
    ring.set(id, key);
  }
  return ring;
}
