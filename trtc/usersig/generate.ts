/**
 * Issues UserSigs: the tickets a TRTC user (here, usually the relay robot `agentParams.userId` or a
 * feed-back-room user) presents to join a room. Output is identical to Tencent's `tls-sig-api-v2`.
 */
import { encodeUserSig, USERSIG_VERSION, userSigHmac, type SignedFields } from "./token";

/** Inputs of {@link genUserSig}. */
export interface GenUserSigInput {
  /** The TRTC application id (`SdkAppId`). */
  sdkAppId: number;
  /** The application's SDK secret key from the TRTC console (not a Tencent Cloud API SecretKey). */
  secretKey: string;
  /** The user the ticket is for. */
  userId: string;
  /** Lifetime in seconds from `now()`, e.g. `86400` for one day. */
  expireSeconds: number;
  /** Clock in UNIX seconds (fractions are floored). Defaults to the system clock. */
  now?: () => number;
  /**
   * Optional user buffer signed into the ticket (a PrivateMapKey's room permissions). Strings are taken
   * as UTF-8 bytes, as the reference implementation does.
   */
  userBuf?: Uint8Array | string;
}

const MAX_SDK_APP_ID = 0xffffffff;

/** Seconds since the epoch, floored, as every reference implementation stamps `TLS.time`. */
export const systemSeconds = (): number => Date.now() / 1000;

/**
 * Rejects input the reference would silently turn into a useless or forgeable ticket. Messages name the
 * property and the rule, never the secret's value.
 */
function checkInput(input: GenUserSigInput): void {
  const { sdkAppId, secretKey, userId, expireSeconds, now, userBuf } = input;
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId < 1 || sdkAppId > MAX_SDK_APP_ID) {
    throw new RangeError(`sdkAppId must be an integer from 1 to ${MAX_SDK_APP_ID}`);
  }
  if (typeof secretKey !== "string" || secretKey.length === 0) throw new TypeError("secretKey must be a non-empty string");
  if (typeof userId !== "string" || userId.length === 0) throw new TypeError("userId must be a non-empty string");
  // The signed content is newline-separated "TLS.<name>:<value>" lines; a control character in the id could
  // make one ticket's content equal another's, so it is refused rather than signed.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(userId)) throw new RangeError("userId must not contain control characters");
  if (!Number.isSafeInteger(expireSeconds) || expireSeconds < 1) {
    throw new RangeError("expireSeconds must be a positive integer number of seconds");
  }
  if (now !== undefined && typeof now !== "function") throw new TypeError("now must be a function returning UNIX seconds");
  if (userBuf !== undefined && typeof userBuf !== "string" && !(userBuf instanceof Uint8Array)) {
    throw new TypeError("userBuf must be a string or a Uint8Array");
  }
}

/**
 * Generates a UserSig (TLS signature version 2).
 *
 * @throws RangeError/TypeError naming the offending property when the input is unusable.
 * @example
 * const userSig = genUserSig({ sdkAppId: 1400000000, secretKey, userId: "relay_robot", expireSeconds: 86400 });
 */
export function genUserSig(input: GenUserSigInput): string {
  checkInput(input);
  const time = Math.floor((input.now ?? systemSeconds)());
  if (!Number.isSafeInteger(time) || time < 0) throw new RangeError("now must return non-negative UNIX seconds");
  const fields: SignedFields = {
    "TLS.identifier": input.userId,
    "TLS.sdkappid": input.sdkAppId,
    "TLS.time": time,
    "TLS.expire": input.expireSeconds,
    ...(input.userBuf !== undefined ? { "TLS.userbuf": Buffer.from(input.userBuf).toString("base64") } : {}),
  };
  const sig = userSigHmac(input.secretKey, fields).toString("base64");
  return encodeUserSig({ "TLS.ver": USERSIG_VERSION, ...fields, "TLS.sig": sig });
}
