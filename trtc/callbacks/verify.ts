/**
 * One call a callback receiver makes per request: check the `Sign` header against the raw body, then
 * validate and type the relay-to-CDN status event.
 */
import type { IncomingHttpHeaders } from "node:http";
import { EVENT_GROUP_CLOUD_PUBLISH, EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS, parseRelayCdnStatusEvent } from "./event";
import type { CallbackIssue, RelayCdnStatusEvent } from "./event";
import { assertCallbackKey, callbackSignMatches } from "./sign";

/** Request headers as Node's `http` module, the Fetch API or a plain object hand them over. */
export type CallbackHeaders = IncomingHttpHeaders | Headers | Readonly<Record<string, string | string[] | undefined>>;

/** Input of {@link verifyCallback}. */
export interface VerifyCallbackInput {
  /** The body exactly as received, before any JSON parsing (a re-serialized body will not match). */
  rawBody: string | Buffer;
  /** The request headers; `Sign` and `SdkAppId` are read from them, case-insensitively. */
  headers?: CallbackHeaders;
  /** The `Sign` value, when the caller extracted it already; takes precedence over `headers`. */
  sign?: string;
  /** The callback key configured in the TRTC console. */
  key: string;
}

/**
 * Why a callback was refused:
 * - `signature`: no `Sign`, or it does not match (wrong key, or body altered); answer 401.
 * - `malformed`: signed correctly but not a JSON object; answer 400.
 * - `unsupported-event`: a genuine event of another group/type (e.g. a room event sent to this URL);
 *   answer 200 so Tencent stops retrying, and ignore it.
 * - `schema`: a relay-to-CDN event with missing or mistyped fields; answer 400. `issues` lists them.
 */
export type CallbackRejection = "signature" | "malformed" | "unsupported-event" | "schema";

/** Outcome of {@link verifyCallback}. Messages never quote the key, the `Sign` or the body. */
export type VerifyCallbackResult =
  | { ok: true; event: RelayCdnStatusEvent }
  | { ok: false; reason: CallbackRejection; message: string; issues?: CallbackIssue[] };

function header(headers: CallbackHeaders | undefined, name: string): string | string[] | undefined {
  if (headers === undefined) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/**
 * Verifies and parses one relay-to-CDN status callback.
 * @throws TypeError only for an empty `key` (a configuration error, not a bad request).
 * @example
 * const r = verifyCallback({ rawBody, headers: req.headers, key: process.env.TRTC_CALLBACK_KEY! });
 * if (r.ok) console.log(r.event.taskId, redactUrl(r.event.url), r.event.status);
 */
export function verifyCallback(input: VerifyCallbackInput): VerifyCallbackResult {
  assertCallbackKey(input.key);
  const sign = input.sign ?? header(input.headers, "Sign");
  if (typeof sign !== "string" || sign.length === 0) {
    // An array means the header was sent twice: ambiguous, so refused rather than guessed.
    return { ok: false, reason: "signature", message: Array.isArray(sign) ? "more than one Sign header" : "missing Sign header" };
  }
  if (!callbackSignMatches(input.rawBody, input.key, sign)) {
    return { ok: false, reason: "signature", message: "Sign does not match the body under the configured callback key" };
  }

  let body: unknown;
  try {
    body = JSON.parse(Buffer.isBuffer(input.rawBody) ? input.rawBody.toString("utf8") : input.rawBody);
  } catch {
    return { ok: false, reason: "malformed", message: "body is not valid JSON" };
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, reason: "malformed", message: "body is not a JSON object" };
  }
  const { EventGroupId: group, EventType: type } = body as Record<string, unknown>;
  if (
    typeof group === "number" &&
    typeof type === "number" &&
    (group !== EVENT_GROUP_CLOUD_PUBLISH || type !== EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS)
  ) {
    return {
      ok: false,
      reason: "unsupported-event",
      message: `EventGroupId ${group} / EventType ${type} is not a relay-to-CDN status event (${EVENT_GROUP_CLOUD_PUBLISH}/${EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS})`,
    };
  }

  const parsed = parseRelayCdnStatusEvent(body);
  if (!parsed.ok) {
    return {
      ok: false,
      reason: "schema",
      message: `not a valid relay-to-CDN status event: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues: parsed.issues,
    };
  }
  const appHeader = header(input.headers, "SdkAppId");
  const sdkAppId = typeof appHeader === "string" && /^\d+$/.test(appHeader.trim()) ? Number(appHeader.trim()) : undefined;
  return { ok: true, event: sdkAppId !== undefined ? { sdkAppId, ...parsed.event } : parsed.event };
}
