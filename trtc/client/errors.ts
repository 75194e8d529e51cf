/**
 * Errors as data. Every failure of a TRTC call, whether Tencent answered with `Response.Error` or the
 * network failed first, surfaces as one {@link TencentCloudError} that callers branch on by `code`,
 * `retryable` and `reached`, never by parsing the message.
 *
 * Secrets are masked in the constructor (see redact.ts), so no later `console.log(err)`, Pulumi
 * diagnostic or serialized state can leak what a message happened to quote.
 */
import { redactText } from "../redact";

/** Who has to act: `client` (fix the request, the credentials or the quota) or `server` (wait, retry). */
export type Fault = "client" | "server";

/**
 * Whether the request reached Tencent: `no` (it provably never left: connect failed), `maybe` (it was
 * written but no answer came back), `yes` (Tencent, or a gateway in front of it, answered).
 */
export type Reached = "no" | "maybe" | "yes";

/**
 * Codes for failures that Tencent's SDKs report as `ClientError.*` or that only this client produces.
 * Tencent's Terraform provider retries on the first two by these exact names.
 */
export const ClientErrorCode = {
  /** Connection refused, reset, DNS failure, TLS failure, socket closed mid-answer. */
  NetworkError: "ClientError.NetworkError",
  /** No complete answer within the per-request timeout (connect, headers or body). */
  Timeout: "ClientError.Timeout",
  /** HTTP status other than 200: Tencent always answers API errors with 200, so this is a gateway speaking. */
  HttpStatusCodeError: "ClientError.HttpStatusCodeError",
  /** A 200 whose body is not Tencent's `{"Response": ...}` envelope. */
  InvalidResponse: "ClientError.InvalidResponse",
  /** The operation's overall deadline ran out (while waiting, retrying or in flight). */
  DeadlineExceeded: "ClientError.DeadlineExceeded",
  /** A Start may or may not have created a task; see {@link StartOutcomeUnknownError}. */
  StartOutcomeUnknown: "ClientError.StartOutcomeUnknown",
} as const;

/** Constructor input of {@link TencentCloudError}. */
export interface TencentCloudErrorInit {
  /** Tencent's `Error.Code`, or a {@link ClientErrorCode}. */
  code: string;
  /** Human-readable text; redacted before it is kept. */
  message: string;
  /** The API action, e.g. `UpdatePublishCdnStream`. */
  action: string;
  /** `Response.RequestId`, when Tencent answered. */
  requestId?: string;
  /** Whether the retry table would try this (code, action) again. Default false. */
  retryable?: boolean;
  /** True for rate-limit refusals. Default: the code is `RequestLimitExceeded[.*]`. */
  throttling?: boolean;
  /** HTTP status of the answer, when there was one. */
  httpStatus?: number;
  /** How many requests were sent for this operation. Default 1. */
  attempts?: number;
  /** Default: derived from the code by {@link faultOf}. */
  fault?: Fault;
  /** Default `yes` when a request id is present, else `maybe`. */
  reached?: Reached;
  /** Node/undici error code behind a transport failure (`ECONNREFUSED`, `UND_ERR_SOCKET`, ...). */
  transportCode?: string;
  /** The earlier failure this one wraps (e.g. the last attempt behind a deadline). */
  cause?: TencentCloudError;
  /** Literal secrets of the call (SecretKey, token, UserSigs) to mask wherever they appear. */
  secrets?: Iterable<string | undefined>;
}

const THROTTLING = /^RequestLimitExceeded(\.|$)/;

/**
 * Fault by code. Server faults are those a retry or a wait can cure; everything Tencent documents as a
 * request, credential or quota problem is the client's.
 */
const SERVER_FAULT =
  /^(InternalError|ServiceUnavailable|ResourceUnavailable|ResourceInsufficient|ResourceInUse|ClientError\.(NetworkError|Timeout|DeadlineExceeded|StartOutcomeUnknown|InvalidResponse))(\.|$)/;

/** Classifies a code as a `client` or `server` fault (an HTTP status >= 500 is always the server's). */
export function faultOf(code: string, httpStatus?: number): Fault {
  if (code === ClientErrorCode.HttpStatusCodeError) return httpStatus !== undefined && httpStatus < 500 ? "client" : "server";
  return SERVER_FAULT.test(code) ? "server" : "client";
}

/** True for `RequestLimitExceeded` and its sub-codes. */
export const isThrottling = (code: string): boolean => THROTTLING.test(code);

/** A failed TRTC API call, as data. */
export class TencentCloudError extends Error {
  /** Tencent's error code or a {@link ClientErrorCode}; the only thing callers should match on. */
  readonly code: string;
  /** The API action that failed. */
  readonly action: string;
  /** `Response.RequestId`, for Tencent support tickets. */
  readonly requestId?: string;
  /** Whether retrying this (code, action) is safe and useful, per the retry table. */
  readonly retryable: boolean;
  /** True for rate-limit refusals. */
  readonly throttling: boolean;
  /** HTTP status, when an HTTP answer arrived. */
  readonly httpStatus?: number;
  /** Requests sent for this operation; the retry layer sets it when it gives up. */
  attempts: number;
  /** Who has to act. */
  readonly fault: Fault;
  /** Whether the request reached Tencent. */
  readonly reached: Reached;
  /** Node/undici error code behind a transport failure. */
  readonly transportCode?: string;

  constructor(init: TencentCloudErrorInit) {
    super(redactText(init.message, init.secrets), init.cause ? { cause: init.cause } : undefined);
    this.name = "TencentCloudError";
    this.code = init.code;
    this.action = init.action;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    this.throttling = init.throttling ?? isThrottling(init.code);
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    this.attempts = init.attempts ?? 1;
    this.fault = init.fault ?? faultOf(init.code, init.httpStatus);
    this.reached = init.reached ?? (init.requestId ? "yes" : "maybe");
    if (init.transportCode !== undefined) this.transportCode = init.transportCode;
  }

  /** A plain object for logs and Pulumi diagnostics (all fields already redacted). */
  toJSON(): Record<string, unknown> {
    const { name, code, action, requestId, retryable, throttling, httpStatus, attempts, fault, reached, transportCode, message } = this;
    return { name, code, message, action, requestId, retryable, throttling, httpStatus, attempts, fault, reached, transportCode };
  }
}

/** What identifies a relay task that a Start may have created, for finding and stopping it by hand. */
export interface StartIdentity {
  /** `SdkAppId` of the Start request. */
  sdkAppId: number;
  /** `RoomId` of the Start request. */
  roomId: string;
  /** `RoomIdType` (1 = string room) decides which RemoveUser variant applies. */
  roomIdType?: number;
  /** `AgentParams.UserId`: the relay robot, the one handle on the task that is known without a TaskId. */
  robotUserId: string;
  /** `AgentParams.MaxIdleTime` in seconds (default 30): when an unattended task ends by itself. */
  maxIdleTime?: number;
}

/**
 * A StartPublishCdnStream whose request may have reached Tencent but whose answer never came (or was
 * `InternalError`). Start has no idempotency key, so it is not repeated here. The message says what may be
 * running, what starting it again does under Tencent's documented room rule (the user or robot that entered
 * a room first with a UserId is kicked when another enters with the same UserId, and a kicked relay robot's
 * task ends), and how to find and stop the task without starting again.
 */
export class StartOutcomeUnknownError extends TencentCloudError {
  /** `SdkAppId` of the Start. */
  readonly sdkAppId: number;
  /** `RoomId` of the Start. */
  readonly roomId: string;
  /** `AgentParams.UserId` of the Start. */
  readonly robotUserId: string;

  constructor(identity: StartIdentity, cause: TencentCloudError, secrets?: Iterable<string | undefined>) {
    const removeUser = identity.roomIdType === 1 ? "RemoveUserByStrRoomId" : "RemoveUser";
    const idle = identity.maxIdleTime ?? 30;
    super({
      code: ClientErrorCode.StartOutcomeUnknown,
      action: cause.action,
      requestId: cause.requestId,
      httpStatus: cause.httpStatus,
      attempts: cause.attempts,
      reached: "maybe",
      fault: "server",
      retryable: false,
      transportCode: cause.transportCode,
      cause,
      secrets,
      message:
        `StartPublishCdnStream outcome unknown: the request may have reached Tencent but ended with ${cause.code} (${cause.message}). ` +
        `A relay task may be running for SdkAppId ${identity.sdkAppId}, RoomId "${identity.roomId}", robot UserId "${identity.robotUserId}" (AgentParams.UserId). ` +
        "Start has no idempotency key, so it was not repeated. Starting it again with the same robot UserId does not leave two tasks running, " +
        "by Tencent's documented room rule: a user or robot entering a room with a UserId already there kicks the one that entered first, " +
        "and a kicked relay robot's task ends (if the earlier robot enters after the new one, the new task is the one that ends, and its next Update or Stop says so). " +
        `To find the task instead: its TaskId arrives in the relay-to-CDN callback (EventType 401) for that UserId, ` +
        `and the robot shows in the room's user list in the TRTC console. To stop it: call StopPublishCdnStream with that TaskId, ` +
        `or remove the robot with ${removeUser} (SdkAppId ${identity.sdkAppId}, RoomId "${identity.roomId}", UserIds ["${identity.robotUserId}"]); ` +
        `otherwise it ends by itself ${idle} s after the last mixed anchor leaves the room.`,
    });
    this.name = "StartOutcomeUnknownError";
    this.sdkAppId = identity.sdkAppId;
    this.roomId = identity.roomId;
    this.robotUserId = identity.robotUserId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), sdkAppId: this.sdkAppId, roomId: this.roomId, robotUserId: this.robotUserId };
  }
}
