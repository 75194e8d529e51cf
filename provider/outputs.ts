/**
 * The resource's stored state, and the one place that makes it safe for the engine.
 *
 * The dynamic-provider host converts outputs with protobuf `Struct.fromJavaScript`, which throws
 * `Unexpected struct type.` on `undefined` (and on a bigint) — after Start already succeeded, leaking the
 * task. Everything returned from create/update/read therefore goes through {@link sanitize}.
 */
import type { PublishCdnStreamInputs } from "./args";

/** Values the provider computes, stored beside the inputs as applied. */
export interface ComputedState {
  /** The TaskId returned by Start; also the resource's id. */
  taskId: string;
  /** The last SequenceNumber sent with an Update; 0 right after Start. The next Update sends this + 1. */
  sequenceNumber: number;
  /** RequestId of the last successful Start or Update call, for support tickets. */
  requestId: string;
  /** The endpoint the task was started at; Update and Stop must go to the same place. */
  endpoint: string;
  /** The region the task was started in. */
  region: string;
  /**
   * Set when an Update was answered "task finished / not found": the task ended on its own (idle expiry,
   * the 30-day TaskId limit, or a stop outside Pulumi). The next `up` replaces it; `refresh` drops it.
   */
  finished?: boolean;
}

/**
 * What each computed output is, for the package schema and the argument reference (codegen/). `number` for the
 * sequence number: a fallback after an outdated number uses the time in milliseconds, well past 2^31.
 */
export const COMPUTED_OUTPUTS: Readonly<
  Record<keyof ComputedState, { readonly type: "string" | "number" | "boolean"; readonly description: string }>
> = {
  taskId: { type: "string", description: "The TaskId Start returned; also the resource's id." },
  sequenceNumber: {
    type: "number",
    description: "The last SequenceNumber sent with an Update; 0 right after Start. The next Update sends this + 1.",
  },
  requestId: { type: "string", description: "RequestId of the last successful Start or Update, for support tickets." },
  endpoint: {
    type: "string",
    description: "The endpoint the task was started at; Update and Stop go there. A change of the configured endpoint replaces the task.",
  },
  region: {
    type: "string",
    description: "The region the task was started in. A change of the configured region replaces the task.",
  },
  finished: {
    type: "boolean",
    description:
      "Set once an Update found that the task had ended on its own (idle expiry, the 30-day TaskId limit, or a stop " +
      "outside Pulumi); the next `up` replaces it and `refresh` drops it.",
  },
};

/** The full output state: the inputs as applied plus {@link ComputedState}. */
export type PublishCdnStreamState = PublishCdnStreamInputs & ComputedState;

/** Every argument name (the top-level keys of {@link PublishCdnStreamInputs}). */
export const ARGUMENT_KEYS: readonly (keyof PublishCdnStreamInputs)[] = [
  "sdkAppId",
  "roomId",
  "roomIdType",
  "agentParams",
  "withTranscoding",
  "audioParams",
  "videoParams",
  "singleSubscribeParams",
  "publishCdnParams",
  "seiParams",
  "feedBackRoomParams",
  "recordParams",
];

/** True when `key` is one of {@link ARGUMENT_KEYS}. */
export const isArgument = (key: string): key is keyof PublishCdnStreamInputs => (ARGUMENT_KEYS as readonly string[]).includes(key);

/** The names of {@link ComputedState}: outputs that are not arguments. */
export const COMPUTED_KEYS: readonly (keyof ComputedState)[] = ["taskId", "sequenceNumber", "requestId", "endpoint", "region", "finished"];

/** The dynamic-provider host's own property, never an argument. */
export const PROVIDER_KEY = "__provider";

/**
 * The resource options the resource hands to its provider (options.ts): never an argument, never sent to
 * the API, never a change.
 */
export const OPTIONS_KEY = "__options";

/**
 * A deep copy containing only JSON values: `undefined` members are dropped, `undefined` array items become
 * `null` (JSON's rule), NaN/Infinity become `null`. Throws on bigint and cycles, which callers treat as a
 * post-Start failure rather than letting the host fail later with an opaque message.
 */
export function sanitize<T>(value: T): T {
  const text = JSON.stringify(value);
  return (text === undefined ? {} : JSON.parse(text)) as T;
}

/** The arguments alone, shallow: `__provider`, `__options` and computed outputs removed, values untouched. */
export function pickArguments(props: Record<string, unknown> | undefined): PublishCdnStreamInputs {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props ?? {})) {
    if (key === PROVIDER_KEY || key === OPTIONS_KEY || (COMPUTED_KEYS as readonly string[]).includes(key)) continue;
    out[key] = value;
  }
  return out as unknown as PublishCdnStreamInputs;
}

/** The arguments alone: `__provider`, `__options` and computed outputs removed, then sanitised. */
export function argumentsOf(props: Record<string, unknown> | undefined): PublishCdnStreamInputs {
  return sanitize(pickArguments(props));
}

/** The complete state to store: the arguments as applied plus the computed values, sanitised once. */
export function buildState(applied: PublishCdnStreamInputs, computed: ComputedState): PublishCdnStreamState {
  return sanitize({ ...pickArguments(applied as unknown as Record<string, unknown>), ...computed });
}

/**
 * `state` (from {@link buildState}) with new computed values, which alone are sanitised: create builds the
 * state before Start, so arguments that cannot be stored fail before any task exists.
 */
export function withComputed(state: PublishCdnStreamState, computed: Partial<ComputedState>): PublishCdnStreamState {
  return { ...state, ...sanitize(computed) };
}
