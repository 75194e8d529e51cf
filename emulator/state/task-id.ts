/**
 * TaskIds shaped like Tencent's. Decoding the documented examples (spec §2.3, §3.5) as base64 with `/`
 * written `-` and `=` written `.` gives 52 bytes that share a 7-byte prefix within one SdkAppId and end in
 * 0x01; the emulator reproduces that shape (72 characters, ending `..`, may contain `-` and `+`) so clients
 * that store, log or validate TaskIds meet realistic values. The bytes mean nothing beyond that.
 */
import { createHash, randomBytes } from "node:crypto";

/** Length in bytes of the decoded id, as in Tencent's examples. */
const ID_BYTES = 52;
/** Bytes derived from the SdkAppId, so one app's ids share a prefix the way Tencent's do. */
const APP_PREFIX_BYTES = 7;

/** A fresh TaskId for a task of `sdkAppId`. */
export function newTaskId(sdkAppId: number): string {
  const prefix = createHash("sha256").update(`trtc-emulator:${sdkAppId}`).digest().subarray(0, APP_PREFIX_BYTES);
  const bytes = Buffer.concat([prefix, randomBytes(ID_BYTES - APP_PREFIX_BYTES - 1), Buffer.from([0x01])]);
  return bytes.toString("base64").replace(/\//g, "-").replace(/=/g, ".");
}
