/**
 * Checks UserSigs the way TRTC's servers would: the emulator uses it to accept or refuse a robot's ticket,
 * and users can use it to test the tickets their own backend issues.
 */
import { timingSafeEqual } from "node:crypto";
import { systemSeconds } from "./generate";
import { decodeUserSig, userSigHmac } from "./token";

/** Options of {@link verifyUserSig}. */
export interface VerifyUserSigOptions {
  /** The application the ticket must be for. */
  sdkAppId: number;
  /** The application's SDK secret key. */
  secretKey: string;
  /** When given, the ticket must be for exactly this user. */
  userId?: string;
  /** Clock in UNIX seconds. Defaults to the system clock. */
  now?: () => number;
}

/**
 * Why a ticket was refused. Checked in this order: `malformed` (not a UserSig at all), `sdkappid` and
 * `identifier` (meant for another app or user, as Tencent's Go verifier checks first), `signature` (not
 * issued with this key, or altered), `expired` (genuine but past `TLS.time + TLS.expire`).
 */
export type UserSigRejection = "malformed" | "sdkappid" | "identifier" | "signature" | "expired";

/** Outcome of {@link verifyUserSig}; the rejection carries a reason only, never the key or the signature. */
export type VerifyUserSigResult =
  | {
      ok: true;
      /** The user the ticket was issued to. */
      identifier: string;
      /** The application the ticket was issued for. */
      sdkAppId: number;
      /** When it was issued, UNIX seconds. */
      issuedAt: number;
      /** Last second at which it is still valid, UNIX seconds. */
      expiresAt: number;
      /** The signed user buffer, when the ticket carries one (PrivateMapKey). */
      userBuf?: Buffer;
    }
  | { ok: false; reason: UserSigRejection };

/**
 * Verifies a UserSig against an application and key.
 *
 * Malformed, foreign, altered and expired tickets are answers, not exceptions; only unusable options
 * (an empty key, a non-integer sdkAppId) throw, because they are programming errors.
 * @example
 * const r = verifyUserSig(userSig, { sdkAppId: 1400000000, secretKey, userId: "relay_robot" });
 * if (!r.ok) throw new Error(`agentParams.userSig rejected: ${r.reason}`);
 */
export function verifyUserSig(userSig: string, options: VerifyUserSigOptions): VerifyUserSigResult {
  if (!Number.isSafeInteger(options.sdkAppId) || options.sdkAppId < 1) throw new RangeError("sdkAppId must be a positive integer");
  if (typeof options.secretKey !== "string" || options.secretKey.length === 0) {
    throw new TypeError("secretKey must be a non-empty string");
  }
  const doc = decodeUserSig(userSig);
  if (!doc) return { ok: false, reason: "malformed" };
  if (doc["TLS.sdkappid"] !== options.sdkAppId) return { ok: false, reason: "sdkappid" };
  if (options.userId !== undefined && doc["TLS.identifier"] !== options.userId) return { ok: false, reason: "identifier" };

  const expected = userSigHmac(options.secretKey, doc);
  const presented = Buffer.from(doc["TLS.sig"], "base64");
  // timingSafeEqual needs equal lengths; a wrong length is already a mismatch and leaks nothing about the HMAC.
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return { ok: false, reason: "signature" };

  const expiresAt = doc["TLS.time"] + doc["TLS.expire"];
  if (Math.floor((options.now ?? systemSeconds)()) > expiresAt) return { ok: false, reason: "expired" };
  return {
    ok: true,
    identifier: doc["TLS.identifier"],
    sdkAppId: doc["TLS.sdkappid"],
    issuedAt: doc["TLS.time"],
    expiresAt,
    ...(doc["TLS.userbuf"] !== undefined ? { userBuf: Buffer.from(doc["TLS.userbuf"], "base64") } : {}),
  };
}
