/**
 * The one table of TRTC relay actions, shared by the client and the emulator: per action, its request
 * schema per site, response schema, cross-field rules, rate limit and documented error codes.
 */
import type { z } from "zod";
import { type Rule, SCHEMAS, START_RULES, STOP_RULES, type Site, TaskResponse, UPDATE_RULES } from "./schema";

/** API version of every action here (spec §0). */
export const API_VERSION = "2019-07-22";

/** Credential-scope service, whatever the host (spec §7.1). */
export const SERVICE = "trtc";

/** Regions each site accepts in `X-TC-Region` for these actions (spec §1). */
export const REGIONS = {
  cn: ["ap-beijing", "ap-guangzhou", "ap-hongkong", "ap-shanghai"],
  intl: ["ap-guangzhou", "ap-hongkong", "ap-singapore"],
} as const satisfies Record<Site, readonly string[]>;

/** A region some site accepts. */
export type Region = (typeof REGIONS)[Site][number];

/** API host of each site (spec §7.1). */
export const HOSTS = {
  cn: "trtc.tencentcloudapi.com",
  intl: "trtc.intl.tencentcloudapi.com",
} as const satisfies Record<Site, string>;

/** The documented per-action rate limit, requests per second (spec §1, §9). */
export const RATE_LIMIT_PER_SECOND = 20;

/** Error codes every action documents (spec §2.4, §3.4, §4.3). */
const AUTH_ERRORS = [
  "AuthFailure",
  "AuthFailure.UnRealNameAuthenticated",
  "AuthFailure.UnauthorizedOperation",
  "AuthFailure.UnsupportedOperation",
] as const;

/** What the client and the emulator need to know about one action. */
export interface ActionSpec<Req extends z.ZodType = z.ZodType> {
  /** The request body schema for each site (strict: unknown keys are errors). */
  readonly request: Readonly<Record<Site, Req>>;
  /** The success envelope `{"Response": {...}}`. */
  readonly response: typeof TaskResponse;
  /** Cross-field rules run after (and alongside) the schema. */
  readonly rules: readonly Rule[];
  /**
   * Whether the same request may be sent again after an ambiguous failure. Start has no idempotency
   * token and may already have created a task (spec §8.4); Update repeats safely with the same
   * SequenceNumber; Stop's intent is idempotent.
   */
  readonly repeatable: boolean;
  /** Requests per second the API allows for this action. */
  readonly rateLimitPerSecond: number;
  /** The business error codes the action documents, besides the common ones (spec §8.2). */
  readonly errors: readonly string[];
}

const spec = <Req extends z.ZodType>(s: ActionSpec<Req>): ActionSpec<Req> => s;

/** The three actions of the relay API family. */
export const ACTIONS = {
  StartPublishCdnStream: spec({
    request: { cn: SCHEMAS.cn.StartPublishCdnStreamRequest, intl: SCHEMAS.intl.StartPublishCdnStreamRequest },
    response: TaskResponse,
    rules: START_RULES,
    repeatable: false,
    rateLimitPerSecond: RATE_LIMIT_PER_SECOND,
    errors: [
      ...AUTH_ERRORS,
      "FailedOperation",
      "FailedOperation.RestrictedConcurrency",
      "InternalError",
      "InvalidParameter",
      "InvalidParameter.SdkAppId",
      "MissingParameter",
      "ResourceNotFound",
      "UnsupportedOperation",
    ],
  }),
  UpdatePublishCdnStream: spec({
    request: { cn: SCHEMAS.cn.UpdatePublishCdnStreamRequest, intl: SCHEMAS.intl.UpdatePublishCdnStreamRequest },
    response: TaskResponse,
    rules: UPDATE_RULES,
    repeatable: true,
    rateLimitPerSecond: RATE_LIMIT_PER_SECOND,
    errors: [
      ...AUTH_ERRORS,
      "FailedOperation",
      "FailedOperation.RequestOutdated",
      "FailedOperation.TaskFinished",
      "InternalError",
      "InvalidParameter",
      "MissingParameter",
      "ResourceNotFound",
      "UnsupportedOperation",
    ],
  }),
  StopPublishCdnStream: spec({
    request: { cn: SCHEMAS.cn.StopPublishCdnStreamRequest, intl: SCHEMAS.intl.StopPublishCdnStreamRequest },
    response: TaskResponse,
    rules: STOP_RULES,
    repeatable: true,
    rateLimitPerSecond: RATE_LIMIT_PER_SECOND,
    errors: [
      ...AUTH_ERRORS,
      "FailedOperation.CRUnsupportMethod",
      "InternalError",
      "InvalidParameter",
      "MissingParameter",
      "ResourceNotFound",
    ],
  }),
} as const;

/** `StartPublishCdnStream` | `UpdatePublishCdnStream` | `StopPublishCdnStream`. */
export type ActionName = keyof typeof ACTIONS;

/** Every action name, in table order. */
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

/** Whether `name` is one of the table's actions (for the emulator's `X-TC-Action` dispatch). */
export function isActionName(name: unknown): name is ActionName {
  return typeof name === "string" && Object.hasOwn(ACTIONS, name);
}

/** The request body type of action `A`. */
export type RequestOf<A extends ActionName> = z.infer<(typeof ACTIONS)[A]["request"]["cn"]>;

/** The `Response` object of a successful answer to action `A`. */
export type ResponseOf<A extends ActionName> = z.infer<(typeof ACTIONS)[A]["response"]>["Response"];
