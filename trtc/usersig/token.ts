/**
 * The wire format of a TLS signature version 2 ("UserSig"): a JSON document, zlib-deflated, base64-encoded
 * with `+/=` swapped for `*-_`, and the HMAC that authenticates its fields.
 *
 * This file is the one place that knows the format; the generator and the verifier both build on it.
 * It mirrors Tencent's reference `tls-sig-api-v2` (Node) byte for byte when encoding, and decodes what
 * the other reference implementations emit too (Go writes the fields in another order, uncompressed).
 */
import { createHmac } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";
import { z } from "zod";

/** The only document version this module reads or writes. */
export const USERSIG_VERSION = "2.0";

/**
 * The decoded document. Key order matters when encoding: it is the order `tls-sig-api-v2` writes, so our
 * output is byte-identical to Tencent's for the same inputs.
 */
export interface UserSigDoc {
  "TLS.ver": typeof USERSIG_VERSION;
  "TLS.identifier": string;
  "TLS.sdkappid": number;
  "TLS.time": number;
  "TLS.expire": number;
  /** Standard base64 of the user buffer (PrivateMapKey tickets carry room permissions here). */
  "TLS.userbuf"?: string;
  /** Standard base64 of the 32-byte HMAC-SHA256. */
  "TLS.sig": string;
}

/** The fields the HMAC covers: everything but the version and the signature itself. */
export type SignedFields = Pick<UserSigDoc, "TLS.identifier" | "TLS.sdkappid" | "TLS.time" | "TLS.expire" | "TLS.userbuf">;

// Real UserSigs are a few hundred bytes; the caps stop a hostile token from costing memory (zip bomb).
const MAX_TOKEN_CHARS = 8192;
const MAX_INFLATED_BYTES = 16384;

const docSchema = z.object({
  "TLS.ver": z.literal(USERSIG_VERSION),
  "TLS.identifier": z.string().min(1),
  "TLS.sdkappid": z.number().int().nonnegative(),
  "TLS.time": z.number().int(),
  "TLS.expire": z.number().int(),
  "TLS.userbuf": z.string().optional(),
  "TLS.sig": z.string().min(1),
});

/** The exact string Tencent signs; field order and trailing newlines are part of the format. */
export function signedContent(fields: SignedFields): string {
  let content =
    `TLS.identifier:${fields["TLS.identifier"]}\n` +
    `TLS.sdkappid:${fields["TLS.sdkappid"]}\n` +
    `TLS.time:${fields["TLS.time"]}\n` +
    `TLS.expire:${fields["TLS.expire"]}\n`;
  if (fields["TLS.userbuf"] !== undefined) content += `TLS.userbuf:${fields["TLS.userbuf"]}\n`;
  return content;
}

/** The raw 32-byte HMAC-SHA256 of {@link signedContent} under the application's SDK secret key. */
export function userSigHmac(secretKey: string, fields: SignedFields): Buffer {
  return createHmac("sha256", secretKey).update(signedContent(fields), "utf8").digest();
}

/** Serializes a document into a UserSig string (deflate at zlib's default level, as the reference does). */
export function encodeUserSig(doc: UserSigDoc): string {
  const ordered: UserSigDoc = {
    "TLS.ver": doc["TLS.ver"],
    "TLS.identifier": doc["TLS.identifier"],
    "TLS.sdkappid": doc["TLS.sdkappid"],
    "TLS.time": doc["TLS.time"],
    "TLS.expire": doc["TLS.expire"],
    ...(doc["TLS.userbuf"] !== undefined ? { "TLS.userbuf": doc["TLS.userbuf"] } : {}),
    "TLS.sig": doc["TLS.sig"],
  };
  const base64 = deflateSync(Buffer.from(JSON.stringify(ordered), "utf8")).toString("base64");
  return base64.replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
}

/**
 * Parses a UserSig string back into its document, or returns `undefined` when it is not one
 * (bad alphabet, not zlib, not JSON, wrong version or field types). Never throws.
 */
export function decodeUserSig(userSig: unknown): UserSigDoc | undefined {
  if (typeof userSig !== "string" || userSig.length === 0 || userSig.length > MAX_TOKEN_CHARS) return undefined;
  // Node's base64 decoder silently skips foreign characters; reject them so a mangled token is "malformed".
  if (!/^[A-Za-z0-9*\-_]+$/.test(userSig)) return undefined;
  const base64 = userSig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
  try {
    const json = inflateSync(Buffer.from(base64, "base64"), { maxOutputLength: MAX_INFLATED_BYTES }).toString("utf8");
    const parsed = docSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as UserSigDoc) : undefined;
  } catch {
    return undefined;
  }
}
