/**
 * Fills in the UserSigs of robots whose `userSig` the user left out, at the moment a task STARTS (create,
 * and a replacement's create) or a push-back robot is added by Update. Never anywhere else: a ticket
 * generated once is stored (as a secret output) and reused, so an `up` never changes it by itself.
 */
import { genUserSig } from "../../trtc/usersig/generate";

type Props = Record<string, any>;

/**
 * The robot tickets {@link fillRobotUserSigs} fills in, as camelCase paths (list items without an index), each with
 * what the argument reference says about it. The API requires a push-back robot's UserSig; the argument is
 * optional anyway, because the provider can generate it (codegen/ reads this table to make it so).
 */
export const FILLED_USERSIGS = {
  "agentParams.userSig":
    "When omitted and the stack config holds the application's SDK secret key (`trtc:sdkSecretKey` or " +
    "`trtc:sdkSecretKeys`), the provider generates it at Start (valid `trtc:userSigExpireSeconds`, 180 days by " +
    "default) and keeps it, as a secret output, for the task's life.",
  "feedBackRoomParams.userSig":
    "Required by the API, but may be omitted when the stack config holds the application's SDK secret key " +
    "(`trtc:sdkSecretKey` or `trtc:sdkSecretKeys`): the provider then generates it when the robot first joins " +
    "(Start, or the Update that adds it), stores it as a secret output and reuses it afterwards. Without a key, " +
    "check reports it as missing.",
} as const;

/** What {@link fillRobotUserSigs} needs; see settings.ts. */
export interface UserSigIssuer {
  /** The SDK secret key of an application, if configured. */
  keyFor(sdkAppId: number): string | undefined;
  /** Lifetime of each generated UserSig in seconds. */
  expireSeconds: number;
  /** Clock in UNIX seconds (tests). */
  now?: () => number;
}

/** The filled body and the paths that were filled, e.g. `feedBackRoomParams[1].userSig` (never the values). */
export interface FillResult {
  body: Props;
  generated: string[];
}

const isPlainObject = (v: unknown): v is Props => v !== null && typeof v === "object" && !Array.isArray(v);
const lacksSig = (robot: unknown): robot is Props =>
  isPlainObject(robot) &&
  typeof robot.userId === "string" &&
  robot.userId !== "" &&
  (robot.userSig === undefined || robot.userSig === null || robot.userSig === "");

/**
 * Returns a copy of the camelCase `body` in which every robot (`agentParams`, each `feedBackRoomParams[i]`)
 * without a `userSig` has one generated for its `userId`, when a key is configured for `body.sdkAppId`.
 * Robots that already carry a ticket are left alone; with no key nothing changes (the relay robot's
 * ticket is optional to the API, and check has already refused a push-back robot without one).
 */
export function fillRobotUserSigs(body: Props, issuer: UserSigIssuer): FillResult {
  const out: Props = structuredClone(body);
  const generated: string[] = [];
  const sdkAppId = out.sdkAppId;
  if (!Number.isSafeInteger(sdkAppId)) return { body: out, generated };
  const secretKey = issuer.keyFor(sdkAppId);
  if (secretKey === undefined) return { body: out, generated };

  const issue = (robot: Props, path: string): void => {
    robot.userSig = genUserSig({ sdkAppId, secretKey, userId: robot.userId, expireSeconds: issuer.expireSeconds, now: issuer.now });
    generated.push(path);
  };
  if (lacksSig(out.agentParams)) issue(out.agentParams, "agentParams.userSig");
  if (Array.isArray(out.feedBackRoomParams)) {
    out.feedBackRoomParams.forEach((robot: unknown, i: number) => {
      if (lacksSig(robot)) issue(robot, `feedBackRoomParams[${i}].userSig`);
    });
  }
  return { body: out, generated };
}
