/**
 * TrtcClient: the three relay actions over TRTC API 3.0, one validated, signed, rate-limited, retried
 * request per call.
 *
 * On the wire it matches Tencent's Node SDK (spec §7.7): POST `/`, JSON body without nulls, the common
 * `X-TC-*` headers, `Content-Type: application/json`, TC3 signature over `content-type;host` with the
 * credential-scope service always `trtc` (the SDK derives it from the host name, which breaks on
 * `127.0.0.1:port`). Unlike the SDK it validates first, limits itself to the documented 20 requests/s, and
 * retries by the table in retry-policy.ts.
 */
import type { Dispatcher } from "undici";
import { ACTIONS, REGIONS, SERVICE, isActionName, type ActionName, type RequestOf } from "../actions";
import { exactIntegers, stringifyApiJson } from "../json";
import { resolveEndpoint, type Endpoint } from "./endpoint";
import { ClientErrorCode, StartOutcomeUnknownError, TencentCloudError, type Reached, type StartIdentity } from "./errors";
import { sharedLimiter, type Permit } from "./rate-limit";
import { redactText, secretsIn } from "../redact";
import { DEFAULT_BACKOFF, DEFAULT_DEADLINE_MS, DEFAULT_MAX_ATTEMPTS, runWithRetry, type BackoffSettings, type RetryEvent } from "./retry";
import { isRetryable } from "./retry-policy";
import type { Site } from "../schema";
import { tc3Authorization } from "./sign";
import { TransportError, sendRequest } from "./transport";
import { ValidationError, validateRequest } from "../validate";
import { LANGUAGES, readAnswer, requestHeaders, stripNulls, type Language } from "./wire";

/** Per-request timeout: connect, send and the whole answer. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** API credentials. A `token` means temporary (STS) credentials. */
export interface TrtcCredentials {
  /** `AKID...` key id. */
  secretId: string;
  /** Key secret; kept in a closure, never in an enumerable property. */
  secretKey: string;
  /** STS session token, sent as `X-TC-Token`. */
  token?: string;
}

/** Options of {@link TrtcClient}. */
export interface TrtcClientOptions {
  /** API credentials. */
  credentials: TrtcCredentials;
  /** `X-TC-Region`, e.g. `ap-guangzhou`; must be served by the site. */
  region: string;
  /** Host or URL. Default `https://trtc.tencentcloudapi.com`; `http://127.0.0.1:<port>` for the emulator. */
  endpoint?: string;
  /** Per-request timeout in ms. Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Overall budget of one call (limiter waits, attempts, backoff) in ms. Default 60 000. */
  deadlineMs?: number;
  /** Requests per second per action, shared process-wide; `Infinity` disables. Default: the action table's 20. */
  rateLimitPerSecond?: number;
  /** Attempts per call, first included. Default 8. */
  maxAttempts?: number;
  /** `X-TC-Language` for error messages. Default: not sent (Tencent's default). */
  language?: Language;
  /** Undici dispatcher. Default: a shared keep-alive Agent. */
  dispatcher?: Dispatcher;
  /** Called before every retry. */
  onRetry?: (event: RetryEvent) => void;
  /** Wall clock in ms for `X-TC-Timestamp`. Default `Date.now`. */
  now?: () => number;
  /** Whose metadata validates bodies. Default: `intl` if the host contains `.intl.`, else `cn`. */
  site?: Site;
  /** Backoff parameters (tests shrink them). Default 100 ms / 500 ms throttled / 20 s cap. */
  backoff?: Partial<BackoffSettings>;
}

/** What Start and Stop return. */
export interface TaskResult {
  /** The task. */
  TaskId: string;
  /** The request that succeeded (or, when applied by an earlier attempt, the one that proved it). */
  RequestId: string;
}

/**
 * An Update body as {@link TrtcClient.updatePublishCdnStream} takes it. `SequenceNumber` is a uint64
 * (spec §0, §3.2): a number (exact up to 2^53), a bigint or a decimal string (both exact up to
 * 18446744073709551615, e.g. a nanosecond timestamp). It is sent as a bare JSON integer, digit for digit.
 */
export type UpdatePublishCdnStreamInput = Omit<RequestOf<"UpdatePublishCdnStream">, "SequenceNumber"> & {
  SequenceNumber: number | bigint | string;
};

/** A decimal string of digits (no sign, no exponent), the text form the client accepts for a uint64. */
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * The body as it goes on the wire: nulls stripped (as the SDKs do), a decimal-string `SequenceNumber`
 * turned into its bigint, and every integer beyond 2^53 made an exact bigint (trtc/json.ts). A string
 * that is not decimal digits is left for the schema to refuse by name.
 */
function toWire(body: unknown): unknown {
  const clean = stripNulls(body) as Record<string, unknown>;
  if (clean !== null && typeof clean === "object" && typeof clean.SequenceNumber === "string" && DECIMAL.test(clean.SequenceNumber)) {
    return exactIntegers({ ...clean, SequenceNumber: BigInt(clean.SequenceNumber) });
  }
  return exactIntegers(clean);
}

/** What Update (and Stop) return: `appliedByEarlierAttempt` when a lost answer's attempt turned out applied. */
export interface UpdateResult extends TaskResult {
  /** True when a retry was answered "outdated"/"not found" because an earlier attempt had taken effect. */
  appliedByEarlierAttempt?: boolean;
}

interface Internals {
  readonly endpoint: Endpoint;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly maxAttempts: number;
  readonly rateLimit: number;
  readonly language?: Language;
  readonly dispatcher?: Dispatcher;
  readonly onRetry?: (event: RetryEvent) => void;
  readonly now: () => number;
  readonly backoff: BackoffSettings;
  /** Server time minus local time, learned from a SignatureExpire answer's Date header. */
  clockOffsetMs: number;
  /** Signs a payload; the closure is the only holder of the secret key. */
  readonly authorize: (host: string, timestamp: number, payload: string) => string;
  /** The session token, if any; a closure for the same reason as `authorize`. */
  readonly token: () => string | undefined;
  /** The credential values to mask by value in every message. */
  readonly secrets: () => string[];
}

/** A TRTC relay API client. Construct one per provider call; all instances share the rate limiters. */
export class TrtcClient {
  /** `X-TC-Region`. */
  readonly region: string;
  /** The URL requests go to. */
  readonly endpoint: string;
  /** The site whose metadata validates requests. */
  readonly site: Site;
  declare private readonly internals: Internals;

  constructor(options: TrtcClientOptions) {
    const { credentials } = options ?? ({} as TrtcClientOptions);
    for (const key of ["secretId", "secretKey"] as const) {
      if (typeof credentials?.[key] !== "string" || credentials[key].trim() === "")
        throw new TypeError(`TrtcClient: credentials.${key} must be a non-empty string`);
    }
    if (credentials.token !== undefined && typeof credentials.token !== "string")
      throw new TypeError("TrtcClient: credentials.token must be a string when set");
    const endpoint = resolveEndpoint(options.endpoint, options.site);
    const regions: readonly string[] = REGIONS[endpoint.site];
    if (!regions.includes(options.region)) {
      throw new TypeError(
        `TrtcClient: region must be one of ${regions.join(", ")} on the ${endpoint.site} site, got ${JSON.stringify(options.region)}`,
      );
    }
    if (options.language !== undefined && !LANGUAGES.includes(options.language))
      throw new TypeError(`TrtcClient: language must be one of ${LANGUAGES.join(", ")}`);
    const positive = (name: string, v: number | undefined, fallback: number, allowInfinity = false): number => {
      if (v === undefined) return fallback;
      if (!(typeof v === "number" && v > 0 && (Number.isInteger(v) || (allowInfinity && v === Infinity))))
        throw new TypeError(`TrtcClient: ${name} must be a positive integer${allowInfinity ? " or Infinity" : ""}, got ${v}`);
      return v;
    };
    this.region = options.region;
    this.endpoint = endpoint.url;
    this.site = endpoint.site;
    const { secretId, secretKey, token } = credentials;
    const internals: Internals = {
      endpoint,
      timeoutMs: positive("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS),
      deadlineMs: positive("deadlineMs", options.deadlineMs, DEFAULT_DEADLINE_MS),
      maxAttempts: positive("maxAttempts", options.maxAttempts, DEFAULT_MAX_ATTEMPTS),
      rateLimit: positive("rateLimitPerSecond", options.rateLimitPerSecond, 0, true),
      language: options.language,
      dispatcher: options.dispatcher,
      onRetry: options.onRetry,
      now: options.now ?? Date.now,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      clockOffsetMs: 0,
      authorize: (host, timestamp, payload) => tc3Authorization({ secretId, secretKey, service: SERVICE, host, timestamp, payload }),
      token: () => token || undefined,
      secrets: () => [secretKey, token].filter((s): s is string => !!s),
    };
    // Not enumerable, so util.inspect, JSON.stringify and Pulumi diagnostics never walk into it.
    Object.defineProperty(this, "internals", { value: internals, enumerable: false });
  }

  /** Starts a relay task. Never repeated once it may have reached Tencent: see StartOutcomeUnknownError. */
  async startPublishCdnStream(body: RequestOf<"StartPublishCdnStream">): Promise<TaskResult> {
    const { TaskId, RequestId } = await this.call("StartPublishCdnStream", body);
    return { TaskId, RequestId };
  }

  /**
   * Updates a running task; retried with the same SequenceNumber. The SequenceNumber may be a bigint or
   * a decimal string beyond 2^53 ({@link UpdatePublishCdnStreamInput}); it is sent exactly.
   */
  async updatePublishCdnStream(body: UpdatePublishCdnStreamInput): Promise<UpdateResult> {
    const { TaskId, RequestId, appliedByEarlierAttempt } = await this.call("UpdatePublishCdnStream", body);
    return appliedByEarlierAttempt ? { TaskId, RequestId, appliedByEarlierAttempt } : { TaskId, RequestId };
  }

  /** Stops a task. */
  async stopPublishCdnStream(body: RequestOf<"StopPublishCdnStream">): Promise<UpdateResult> {
    const { TaskId, RequestId, appliedByEarlierAttempt } = await this.call("StopPublishCdnStream", body);
    return appliedByEarlierAttempt ? { TaskId, RequestId, appliedByEarlierAttempt } : { TaskId, RequestId };
  }

  /**
   * Any action of the table: validates `body` (throws {@link ValidationError} without sending), then sends
   * it under the rate limit and the retry table. Resolves to the answer's `Response`.
   */
  async call(action: ActionName, body: unknown): Promise<UpdateResult & Record<string, unknown>> {
    if (!isActionName(action)) throw new TypeError(`TrtcClient: unknown action ${JSON.stringify(action)}`);
    const clean = toWire(body);
    const checked = validateRequest(action, clean, { site: this.site });
    if (!checked.ok) throw new ValidationError(action, checked.issues);
    const payload = stringifyApiJson(clean);
    const i = this.internals;
    const secrets = [...i.secrets(), ...secretsIn(clean)];
    const outcome = await runWithRetry((ctx) => this.attempt(action, payload, secrets, ctx), {
      action,
      maxAttempts: i.maxAttempts,
      deadlineMs: i.deadlineMs,
      backoff: i.backoff,
      onRetry: i.onRetry,
    });
    if (outcome.kind === "value") return outcome.value;
    if (outcome.kind === "unknown") throw new StartOutcomeUnknownError(startIdentity(clean), outcome.error, secrets);
    const taskId = (clean as { TaskId?: string }).TaskId ?? "";
    return { TaskId: taskId, RequestId: outcome.evidence.requestId ?? "", appliedByEarlierAttempt: true };
  }

  /** One attempt: a limiter slot, a fresh signature, one exchange, one parsed answer. */
  private async attempt(
    action: ActionName,
    payload: string,
    secrets: string[],
    ctx: { signal: AbortSignal; remainingMs: () => number },
  ): Promise<UpdateResult & Record<string, unknown>> {
    const i = this.internals;
    const limit = i.rateLimit || ACTIONS[action].rateLimitPerSecond;
    let permit: Permit | undefined;
    if (limit !== Infinity) {
      permit = await sharedLimiter(i.endpoint.host, action, limit)
        .acquire(ctx.signal)
        .catch(() => {
          throw this.failure(
            action,
            ClientErrorCode.DeadlineExceeded,
            `${action} waited for the rate limiter until its ${i.deadlineMs} ms deadline`,
            "no",
            secrets,
          );
        });
    }
    const timestamp = Math.floor((i.now() + i.clockOffsetMs) / 1000);
    const { host } = i.endpoint;
    const authorization = i.authorize(host, timestamp, payload);
    const headers = requestHeaders({ host, action, region: this.region, timestamp, token: i.token(), language: i.language, authorization });
    const budget = ctx.remainingMs();
    const timeoutMs = Math.max(1, Math.min(i.timeoutMs, budget));
    let answer: ReturnType<typeof readAnswer>;
    try {
      answer = readAnswer(
        action,
        await sendRequest({
          url: i.endpoint.url,
          headers,
          body: payload,
          timeoutMs,
          signal: ctx.signal,
          dispatcher: i.dispatcher,
          onStart: () => permit?.sent(),
        }),
        (t) => redactText(t, secrets),
      );
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      // A timeout shortened by the deadline, or the deadline's own abort, is the deadline's doing.
      const timedOut = e.kind === "timeout" || e.kind === "connect-timeout";
      const deadline = e.kind === "aborted" || (timedOut && budget < i.timeoutMs);
      const code = deadline ? ClientErrorCode.DeadlineExceeded : timedOut ? ClientErrorCode.Timeout : ClientErrorCode.NetworkError;
      const what = deadline
        ? `the ${i.deadlineMs} ms deadline passed during the request (${e.message})`
        : timedOut
          ? `${e.message} (${i.timeoutMs} ms)`
          : e.message;
      throw this.failure(action, code, `${action} to ${host}: ${what}`, e.sent, secrets, { transportCode: e.transportCode });
    }
    if (answer.ok) return answer.response;
    if (answer.code === "AuthFailure.SignatureExpire") this.learnClockOffset(answer.serverDate);
    const { code, message, reached, httpStatus, requestId } = answer;
    throw this.failure(action, code, message, reached, secrets, { httpStatus, requestId });
  }

  /** Re-signing after SignatureExpire uses the server's clock, taken from the answer's Date header. */
  private learnClockOffset(date: string | undefined): void {
    const server = date ? Date.parse(date) : NaN;
    if (Number.isFinite(server)) this.internals.clockOffsetMs = server - this.internals.now();
  }

  /** A TencentCloudError with this call's secrets masked and the table's `retryable` verdict. */
  private failure(
    action: ActionName,
    code: string,
    message: string,
    reached: Reached,
    secrets: string[],
    extra: { httpStatus?: number; requestId?: string; transportCode?: string } = {},
  ): TencentCloudError {
    return new TencentCloudError({ code, action, message, reached, retryable: isRetryable(action, { code, reached }), secrets, ...extra });
  }
}

/** The only handles on a task whose TaskId never arrived. */
function startIdentity(body: unknown): StartIdentity {
  const b = body as { SdkAppId: number; RoomId: string; RoomIdType?: number; AgentParams: { UserId: string; MaxIdleTime?: number } };
  return {
    sdkAppId: b.SdkAppId,
    roomId: b.RoomId,
    roomIdType: b.RoomIdType,
    robotUserId: b.AgentParams.UserId,
    maxIdleTime: b.AgentParams.MaxIdleTime,
  };
}
