/**
 * Tencent Cloud API 3.0's wire format for one request and one answer, as Tencent's Node SDK speaks it
 * (spec §7.7): which headers go out in which order, how the body is serialized, and how an answer is
 * read (non-200, error envelope, success envelope, garbage). Pure functions; no I/O, no secrets kept.
 */
import { ACTIONS, API_VERSION, type ActionName } from "../actions";
import { ClientErrorCode, type Reached } from "./errors";
import { ErrorResponse } from "../schema";
import type { WireResponse } from "./transport";

/** `X-TC-RequestClient`: names this client in Tencent's request statistics, as each SDK names itself. */
export const REQUEST_CLIENT = "PULUMI_TRTC_RELAY";
/** Languages Tencent answers messages in (`X-TC-Language`). */
export const LANGUAGES = ["zh-CN", "en-US"] as const;
/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];
/** How much of an unexpected answer an error quotes. */
const EXCERPT_CHARS = 200;

/** Removes null and undefined object fields at any depth, as Tencent's SDKs do before serializing. */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripNulls) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = stripNulls(v);
    return out as T;
  }
  return value;
}

/** What goes into the headers of one request. */
export interface HeaderInput {
  /** `Host`, exactly as signed. */
  host: string;
  action: ActionName;
  region: string;
  /** `X-TC-Timestamp`, UNIX seconds, exactly as signed. */
  timestamp: number;
  /** STS session token, if any. */
  token?: string;
  language?: Language;
  /** The TC3 `Authorization` value for this exact host, timestamp and body. */
  authorization: string;
}

/** The request headers, in the order Tencent's Node SDK sends them. */
export function requestHeaders(input: HeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    Host: input.host,
    "X-TC-Action": input.action,
    "X-TC-Region": input.region,
    "X-TC-Timestamp": String(input.timestamp),
    "X-TC-Version": API_VERSION,
  };
  if (input.token) headers["X-TC-Token"] = input.token;
  headers["X-TC-RequestClient"] = REQUEST_CLIENT;
  if (input.language) headers["X-TC-Language"] = input.language;
  headers["Content-Type"] = "application/json";
  headers.Authorization = input.authorization;
  return headers;
}

/** An answer that is not a success, as data for a TencentCloudError. */
export interface AnswerFailure {
  ok: false;
  code: string;
  message: string;
  reached: Reached;
  httpStatus: number;
  requestId?: string;
  /** The answer's `Date` header: the server's clock, for re-signing after `AuthFailure.SignatureExpire`. */
  serverDate?: string;
}

/** A read answer: the success `Response`, or why not. */
export type Answer = { ok: true; response: Record<string, unknown> & { TaskId: string; RequestId: string } } | AnswerFailure;

/**
 * Reads one HTTP answer the way Tencent's SDKs do: non-200 is a gateway speaking (the request may or may
 * not have reached the action when it is a 5xx); `Response.Error` is an API error; anything else must be
 * the action's success envelope. `mask` redacts the body before it is quoted.
 */
export function readAnswer(action: ActionName, res: WireResponse, mask: (text: string) => string): Answer {
  // Mask before cutting, so the cut cannot leave half of a secret that then no longer matches.
  const masked = mask(res.body);
  const excerpt = masked.length > EXCERPT_CHARS ? `${masked.slice(0, EXCERPT_CHARS)}…` : masked;
  const fail = (code: string, message: string, reached: Reached, extra: Partial<AnswerFailure> = {}): AnswerFailure => ({
    ok: false,
    code,
    message,
    reached,
    httpStatus: res.status,
    ...extra,
  });
  if (res.status !== 200)
    return fail(ClientErrorCode.HttpStatusCodeError, `${action}: HTTP ${res.status}: ${excerpt}`, res.status >= 500 ? "maybe" : "yes");
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    return fail(ClientErrorCode.InvalidResponse, `${action}: the answer is not JSON: ${excerpt}`, "maybe");
  }
  const error = ErrorResponse.safeParse(json);
  if (error.success) {
    const { Error: apiError, RequestId } = error.data.Response;
    const id = RequestId ? ` (RequestId ${RequestId})` : "";
    return fail(apiError.Code, `${action} failed with ${apiError.Code}: ${apiError.Message}${id}`, "yes", {
      requestId: RequestId,
      serverDate: res.headers.date,
    });
  }
  const ok = ACTIONS[action].response.safeParse(json);
  if (!ok.success) return fail(ClientErrorCode.InvalidResponse, `${action}: the answer is not a ${action} response: ${excerpt}`, "maybe");
  return { ok: true, response: ok.data.Response };
}
