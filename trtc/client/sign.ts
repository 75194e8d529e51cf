/**
 * TC3-HMAC-SHA256, Tencent Cloud API 3.0's request signature (spec §7.3), as pure functions.
 *
 * The pieces are exported separately because the emulator verifies a request by recomputing exactly the
 * canonical request the client chose to sign, whatever headers it listed.
 */
import { createHash, createHmac } from "node:crypto";

/** The algorithm token that opens every Authorization header. */
export const TC3_ALGORITHM = "TC3-HMAC-SHA256";

/** Inputs of {@link tc3Authorization}. */
export interface Tc3Input {
  /** Access key id (`AKID...`). */
  secretId: string;
  /** Access key secret; never leaves this function. */
  secretKey: string;
  /** Credential-scope service; always `trtc` for this API, whatever the endpoint host. */
  service: string;
  /** Host header value exactly as sent (with `:port` when the URL has one). */
  host: string;
  /** `X-TC-Action`; only signed when `signedHeaders` lists `x-tc-action`. */
  action?: string;
  /** `X-TC-Timestamp`, UNIX seconds. */
  timestamp: number;
  /** The exact body bytes sent. */
  payload: string | Buffer;
  /** Content-Type exactly as sent. Default `application/json`. */
  contentType?: string;
  /** Header names to sign. Default `["content-type", "host"]`, as Tencent's SDKs do. */
  signedHeaders?: string[];
  /** Extra header values, for signed headers other than content-type, host and x-tc-action. */
  headers?: Record<string, string>;
  /** HTTP method. Default `POST`. */
  method?: string;
}

const sha256Hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, msg: string): Buffer => createHmac("sha256", key).update(msg, "utf8").digest();

/** UTC `YYYY-MM-DD` of a UNIX timestamp: the credential-scope date. */
export function scopeDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** Canonical header block and the `SignedHeaders` list, both lower-cased, trimmed and sorted (spec §7.3). */
export function canonicalHeaders(headers: Record<string, string>): { canonical: string; signed: string } {
  const entries = Object.entries(headers)
    .map(([k, v]) => [k.trim().toLowerCase(), String(v).trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    canonical: entries.map(([k, v]) => `${k}:${v}\n`).join(""),
    signed: entries.map(([k]) => k).join(";"),
  };
}

/** The canonical request string for a POST to `/` (GET query strings are not used by this client). */
export function canonicalRequest(method: string, headers: Record<string, string>, payload: string | Buffer, query = ""): string {
  const { canonical, signed } = canonicalHeaders(headers);
  return [method.toUpperCase(), "/", query, canonical, signed, sha256Hex(payload)].join("\n");
}

/** `StringToSign` for a canonical request. */
export function stringToSign(timestamp: number, service: string, canonical: string): string {
  return [TC3_ALGORITHM, String(timestamp), `${scopeDate(timestamp)}/${service}/tc3_request`, sha256Hex(canonical)].join("\n");
}

/** The derived signing key: HMAC chain over date, service and `tc3_request`. */
export function signingKey(secretKey: string, date: string, service: string): Buffer {
  return hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request");
}

/** Lower-case hex signature of a string to sign. */
export function signature(secretKey: string, date: string, service: string, toSign: string): string {
  return createHmac("sha256", signingKey(secretKey, date, service))
    .update(toSign, "utf8")
    .digest("hex");
}

/** Picks the values of the headers to be signed from the well-known inputs and `headers`. */
function signedHeaderValues(input: Tc3Input): Record<string, string> {
  const names = (input.signedHeaders ?? ["content-type", "host"]).map((h) => h.trim().toLowerCase());
  const known: Record<string, string | undefined> = {
    "content-type": input.contentType ?? "application/json",
    host: input.host,
    "x-tc-action": input.action,
    "x-tc-timestamp": String(input.timestamp),
  };
  const extra = Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = extra[name] ?? known[name];
    if (value === undefined) throw new Error(`tc3Authorization: no value for signed header '${name}'`);
    out[name] = value;
  }
  if (!("content-type" in out) || !("host" in out)) throw new Error("tc3Authorization: signedHeaders must include content-type and host");
  return out;
}

/**
 * The `Authorization` header value for one request:
 * `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=<list>, Signature=<hex>`.
 * Reproduces the official vectors of spec §7.4 and §7.5.
 */
export function tc3Authorization(input: Tc3Input): string {
  const headers = signedHeaderValues(input);
  const canonical = canonicalRequest(input.method ?? "POST", headers, input.payload);
  const date = scopeDate(input.timestamp);
  const sig = signature(input.secretKey, date, input.service, stringToSign(input.timestamp, input.service, canonical));
  const { signed } = canonicalHeaders(headers);
  return `${TC3_ALGORITHM} Credential=${input.secretId}/${date}/${input.service}/tc3_request, SignedHeaders=${signed}, Signature=${sig}`;
}

/** The parts of a parsed Authorization header. */
export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses an Authorization header; `undefined` when it is not a well-formed TC3 header. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (!header) return undefined;
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;_-]+),\s*Signature=([0-9a-f]{64})$/i.exec(
      header.trim(),
    );
  if (!m) return undefined;
  return { secretId: m[1], date: m[2], service: m[3], signedHeaders: m[4].toLowerCase().split(";"), signature: m[5].toLowerCase() };
}
