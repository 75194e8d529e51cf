/**
 * The callback signature (spec §10): `Sign = base64(HMAC-SHA256(key, rawBody))` over the body bytes exactly
 * as sent, keyed with the callback key set in the TRTC console.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Throws unless `key` is usable; a missing key is a configuration error, never a per-request answer. */
export function assertCallbackKey(key: unknown): asserts key is string {
  if (typeof key !== "string" || key.length === 0) throw new TypeError("key must be the non-empty callback key from the TRTC console");
}

/**
 * Signs a callback body. The emulator uses it to send callbacks; receivers should call
 * {@link callbackSignMatches} (or `verifyCallback`) rather than compare strings themselves.
 * @example
 * fetch(receiverUrl, { method: "POST", body, headers: { "Content-Type": "application/json", Sign: signCallback(body, key) } });
 */
export function signCallback(rawBody: string | Buffer, key: string): string {
  assertCallbackKey(key);
  return createHmac("sha256", key).update(rawBody).digest("base64");
}

/**
 * Whether `sign` is the signature of `rawBody` under `key`, compared in constant time. The base64 text is
 * compared as sent (not decoded) because Node's base64 decoder ignores stray characters.
 */
export function callbackSignMatches(rawBody: string | Buffer, key: string, sign: string): boolean {
  const expected = Buffer.from(signCallback(rawBody, key), "utf8");
  const given = Buffer.from(sign, "utf8");
  // timingSafeEqual requires equal lengths; a length mismatch is a mismatch and reveals only the length.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
