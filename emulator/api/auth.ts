/**
 * TC3-HMAC-SHA256 verification the way Tencent's gateway answers (spec §7.3, §8.2, §12.3), in this order:
 * malformed header -> `AuthFailure.InvalidAuthorization`; timestamp more than 300 s off ->
 * `AuthFailure.SignatureExpire`; unknown SecretId -> `AuthFailure.SecretIdNotFound`; session token not
 * matching the credential -> `AuthFailure.TokenFailure`; wrong scope date or service, a signed header
 * missing from the request, or a different signature -> `AuthFailure.SignatureFailure`.
 *
 * The signature is recomputed with exactly the headers the client listed in SignedHeaders, from the values
 * actually received, using the shared signer in trtc/client/sign.ts.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { SERVICE } from "../../trtc/actions";
import { canonicalRequest, parseAuthorization, scopeDate, signature, stringToSign } from "../../trtc/client/sign";
import { apiErrors, type ApiError } from "./errors";

/** Credential-scope service of every TRTC request, whatever host the client used (from the action table). */
export const TRTC_SERVICE = SERVICE;

/** Tencent's allowed distance between X-TC-Timestamp and server time, in seconds. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/**
 * The emulator's documented local-only SecretId. Public by design: it authenticates nothing but a local
 * emulator, and lets every client and test sign without configuration.
 */
export const DEFAULT_SECRET_ID = "AKIDtrtcemulatorlocal000000000000000";

/** The matching local-only SecretKey (public, like {@link DEFAULT_SECRET_ID}). */
export const DEFAULT_SECRET_KEY = "trtcemulatorlocalsecretkey000000";

/** A key pair the emulator accepts; `token` makes it a temporary (STS) credential. */
export interface EmulatorCredential {
  secretId: string;
  secretKey: string;
  /** When set, requests must send this X-TC-Token; when unset, requests must send none. */
  token?: string;
}

/** The outcome of {@link authenticate}; `secretId` is filled whenever the header named one. */
export type AuthResult = { ok: true; secretId: string } | { ok: false; error: ApiError; secretId?: string };

const constantTimeEqual = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const headerValue = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
};

/** The SecretId named by an Authorization header, if it parses; used for rate limiting without auth. */
export function claimedSecretId(headers: IncomingHttpHeaders): string | undefined {
  return parseAuthorization(headerValue(headers, "authorization"))?.secretId;
}

/** Verifies one request. `nowMs` is wall time; `body` the exact bytes received. */
export function authenticate(
  method: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  credentials: readonly EmulatorCredential[],
  nowMs: number,
): AuthResult {
  const raw = headerValue(headers, "authorization");
  if (!raw) return { ok: false, error: apiErrors.invalidAuthorization("the Authorization header is missing.") };
  const auth = parseAuthorization(raw);
  if (!auth) {
    return {
      ok: false,
      error: apiErrors.invalidAuthorization(
        "expected `TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<service>/tc3_request, SignedHeaders=<h1;h2>, Signature=<hex>`.",
      ),
    };
  }
  const { secretId } = auth;
  if (!auth.signedHeaders.includes("content-type") || !auth.signedHeaders.includes("host")) {
    return { ok: false, secretId, error: apiErrors.invalidAuthorization("SignedHeaders must include content-type and host.") };
  }

  const tsRaw = headerValue(headers, "x-tc-timestamp");
  if (tsRaw === undefined) return { ok: false, secretId, error: apiErrors.missingParameter(["X-TC-Timestamp"]) };
  if (!/^\d{1,12}$/.test(tsRaw.trim())) {
    return { ok: false, secretId, error: apiErrors.invalidParameter("X-TC-Timestamp must be UNIX time in seconds.") };
  }
  const timestamp = Number(tsRaw.trim());
  const nowSeconds = Math.floor(nowMs / 1000);
  if (Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, secretId, error: apiErrors.signatureExpire(timestamp, nowSeconds) };
  }

  const credential = credentials.find((c) => c.secretId === secretId);
  if (!credential) return { ok: false, secretId, error: apiErrors.secretIdNotFound() };

  const token = headerValue(headers, "x-tc-token");
  if (credential.token === undefined && token) {
    return { ok: false, secretId, error: apiErrors.tokenFailure("X-TC-Token was sent but this SecretId is a long-term key.") };
  }
  if (credential.token !== undefined && !(token && constantTimeEqual(token, credential.token))) {
    return { ok: false, secretId, error: apiErrors.tokenFailure("this SecretId is temporary; X-TC-Token is missing or wrong.") };
  }

  const expectedDate = scopeDate(timestamp);
  if (auth.date !== expectedDate) {
    return {
      ok: false,
      secretId,
      error: apiErrors.signatureFailure(`credential date ${auth.date} is not the UTC date ${expectedDate} of X-TC-Timestamp.`),
    };
  }
  if (auth.service !== TRTC_SERVICE) {
    return { ok: false, secretId, error: apiErrors.signatureFailure(`credential service \`${auth.service}\` is not \`${TRTC_SERVICE}\`.`) };
  }

  const signed: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(headers, name);
    if (value === undefined)
      return { ok: false, secretId, error: apiErrors.signatureFailure(`signed header \`${name}\` is absent from the request.`) };
    signed[name] = value;
  }
  const verify = (values: Record<string, string>): boolean => {
    const toSign = stringToSign(timestamp, TRTC_SERVICE, canonicalRequest(method, values, body));
    return constantTimeEqual(signature(credential.secretKey, expectedDate, TRTC_SERVICE, toSign), auth.signature);
  };
  if (verify(signed)) return { ok: true, secretId };
  // Tencent's Node SDK sends `Host: name:port` but signs `host:name`; real endpoints have no port, so this
  // only matters locally, and accepting it is what lets the official SDK run unchanged.
  const hostOnly = signed.host?.replace(/:\d+$/, "");
  if (hostOnly !== undefined && hostOnly !== signed.host && verify({ ...signed, host: hostOnly })) return { ok: true, secretId };
  return { ok: false, secretId, error: apiErrors.signatureFailure("the signature does not match the request.") };
}
