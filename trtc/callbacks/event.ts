/**
 * The relay-to-CDN status callback (spec §10): its wire schema, the typed event we hand to users, and the
 * inverse (event -> wire body) that the emulator and tests use to send one. Both directions live here so
 * the field names and the status table exist exactly once.
 */
import { z } from "zod";
import { formatPath } from "../casing";

/** `EventGroupId` of cloud-publish events (`EVENT_GROUP_CLOUD_PUBLISH`). */
export const EVENT_GROUP_CLOUD_PUBLISH = 4;
/** `EventType` of the relay-to-CDN status event (`EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS`), the group's only type. */
export const EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS = 401;

/**
 * Push status of one CDN URL of a task, by `Payload.Status` code. Typical sequences: start or URL added
 * `CONNECTING -> RUNNING`; stop or URL removed `RUNNING -> DISCONNECTING -> IDLE`; a blip
 * `RUNNING -> RECOVERING -> RUNNING`; a failure `RUNNING -> RECOVERING -> FAILURE -> IDLE`.
 */
export const RelayCdnStatus = {
  /** Not started, or ended; sent once. */
  IDLE: 0,
  /** Connecting to the CDN; repeated every 5 s for up to 60 s. */
  CONNECTING: 1,
  /** Pushing; sent once. */
  RUNNING: 2,
  /** Reconnecting after an interruption; repeated every 5 s for up to 60 s. */
  RECOVERING: 3,
  /** Connecting or recovering failed or timed out; replace the URL with an update. Sent once. */
  FAILURE: 4,
  /** Being torn down; sent once. */
  DISCONNECTING: 5,
} as const;

/** A status name, e.g. `"RUNNING"`. */
export type RelayCdnStatusName = keyof typeof RelayCdnStatus;
/** A status code as sent on the wire, 0 to 5. */
export type RelayCdnStatusCode = (typeof RelayCdnStatus)[RelayCdnStatusName];

const STATUS_NAMES = Object.keys(RelayCdnStatus) as RelayCdnStatusName[];

/** The name of a wire status code, or `undefined` for a code outside 0..5. */
export function relayCdnStatusName(code: number): RelayCdnStatusName | undefined {
  return STATUS_NAMES.find((name) => RelayCdnStatus[name] === code);
}

/** A verified relay-to-CDN status event, camelCased, with the doc's type inconsistencies resolved. */
export interface RelayCdnStatusEvent {
  /** From the `SdkAppId` header when present. Headers are not covered by `Sign`; trust it only as a hint. */
  sdkAppId?: number;
  /** When Tencent sent the callback, ms since the epoch (`CallbackTs`). */
  callbackTs: number;
  /** The room, always as a string (numeric rooms arrive as JSON numbers). */
  roomId: string;
  /** 0 numeric room id, 1 string room id, when sent. */
  roomType?: 0 | 1;
  /** When the status changed, ms since the epoch. Sort by this: callbacks can arrive out of order. */
  eventMsTs: number;
  /** The relay robot (`agentParams.userId` of the task). */
  userId: string;
  /** The task, always as a string (the EN docs type it Number). */
  taskId: string;
  /** The push URL this status is about. Carries its `txSecret`: log it only through `redactUrl`. */
  url: string;
  /** Status name. */
  status: RelayCdnStatusName;
  /** Status code as sent. */
  statusCode: RelayCdnStatusCode;
  /** Tencent's error code for this URL, when sent. */
  errorCode?: number;
  /** Tencent's error message for this URL, when sent. */
  errorMsg?: string;
}

/** One schema violation, with the path spelled as in the body (`EventInfo.Payload.Status`). */
export interface CallbackIssue {
  path: string;
  message: string;
}

// The CN docs type some of these String and the EN docs Number; both are accepted.
const integer = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/, "expected an integer")
    .transform(Number),
]);
const id = z.union([z.string().min(1), z.number().int().nonnegative().transform(String)]);

const wireSchema = z.object({
  EventGroupId: z.literal(EVENT_GROUP_CLOUD_PUBLISH),
  EventType: z.literal(EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS),
  CallbackTs: integer,
  EventInfo: z
    .object({
      RoomId: id,
      RoomType: z.union([z.literal(0), z.literal(1)]).optional(),
      EventMsTs: integer.optional(),
      // The docs' sample JSON spells it this way; the field table says EventMsTs.
      EventTsMs: integer.optional(),
      UserId: z.string(),
      TaskId: id,
      Payload: z.object({
        Url: z.string().min(1),
        Status: z.number().int().min(0).max(5),
        ErrorCode: integer.optional(),
        ErrorMsg: z.string().optional(),
      }),
    })
    .refine((info) => info.EventMsTs !== undefined || info.EventTsMs !== undefined, {
      message: "EventMsTs (or its misspelling EventTsMs) is required",
      path: ["EventMsTs"],
    }),
});

/** The result of {@link parseRelayCdnStatusEvent}. */
export type ParseEventResult = { ok: true; event: RelayCdnStatusEvent } | { ok: false; issues: CallbackIssue[] };

/** Validates an already-JSON-parsed body and maps it to a {@link RelayCdnStatusEvent}. */
export function parseRelayCdnStatusEvent(body: unknown): ParseEventResult {
  const parsed = wireSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path, "api") || "(body)", message: i.message })) };
  }
  const { CallbackTs, EventInfo: info } = parsed.data;
  const { Payload: payload } = info;
  const statusCode = payload.Status as RelayCdnStatusCode;
  return {
    ok: true,
    event: {
      callbackTs: CallbackTs,
      roomId: info.RoomId,
      ...(info.RoomType !== undefined ? { roomType: info.RoomType } : {}),
      eventMsTs: (info.EventMsTs ?? info.EventTsMs) as number,
      userId: info.UserId,
      taskId: info.TaskId,
      url: payload.Url,
      status: relayCdnStatusName(statusCode) as RelayCdnStatusName,
      statusCode,
      ...(payload.ErrorCode !== undefined ? { errorCode: payload.ErrorCode } : {}),
      ...(payload.ErrorMsg !== undefined ? { errorMsg: payload.ErrorMsg } : {}),
    },
  };
}

/** What {@link relayCdnStatusBody} needs: an event without the fields only the receiver knows. */
export type RelayCdnStatusEventInput = Omit<RelayCdnStatusEvent, "sdkAppId" | "statusCode">;

/**
 * The JSON body Tencent would send for `event` (fields in the documented order, `EventMsTs` spelled as in
 * the field table, numeric room ids as numbers). Sign the returned string, not a re-serialization of it.
 */
export function relayCdnStatusBody(event: RelayCdnStatusEventInput): string {
  const numericRoom = event.roomType === 0 && /^\d+$/.test(event.roomId);
  return JSON.stringify({
    EventGroupId: EVENT_GROUP_CLOUD_PUBLISH,
    EventType: EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS,
    CallbackTs: event.callbackTs,
    EventInfo: {
      RoomId: numericRoom ? Number(event.roomId) : event.roomId,
      ...(event.roomType !== undefined ? { RoomType: event.roomType } : {}),
      EventMsTs: event.eventMsTs,
      UserId: event.userId,
      TaskId: event.taskId,
      Payload: {
        Url: event.url,
        Status: RelayCdnStatus[event.status],
        ...(event.errorCode !== undefined ? { ErrorCode: event.errorCode } : {}),
        ...(event.errorMsg !== undefined ? { ErrorMsg: event.errorMsg } : {}),
      },
    },
  });
}
