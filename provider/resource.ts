/**
 * `PublishCdnStream`: one TRTC mix-and-relay task (StartPublishCdnStream / UpdatePublishCdnStream /
 * StopPublishCdnStream) as a Pulumi dynamic resource, type token `pulumi-nodejs:dynamic/trtc:PublishCdnStream`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PublishCdnStreamArgs, PublishCdnStreamInputs } from "./args";
import { warnNoEffect } from "./no-effect-warnings";
import { providerOptions, registeredOptions } from "./options";
import { ARGUMENT_KEYS, OPTIONS_KEY, isArgument } from "./outputs";
import { PROVIDER_SOURCE, RESOURCE_TYPE } from "./provider";
import { secretInput } from "./secret-inputs";
import { SECRET_OUTPUTS } from "./secrets";

type Applied<K extends keyof PublishCdnStreamInputs> = pulumi.Output<PublishCdnStreamInputs[K]>;

/**
 * The property map PublishCdnStream registers (without `__provider`): every computed output and argument
 * name, secret leaves wrapped, and stray names passed through for check to reject. Exported so the
 * benchmarks' no-op resource can register exactly the same shape.
 */
export function inputProperties(args: PublishCdnStreamArgs): Record<string, unknown> {
  const props: Record<string, unknown> = {
    taskId: undefined,
    sequenceNumber: undefined,
    requestId: undefined,
    endpoint: undefined,
    region: undefined,
    finished: undefined,
  };
  // Every argument, so each becomes an output even when the user leaves it out (pulumi/pulumi#5174).
  for (const key of ARGUMENT_KEYS) {
    const value = args?.[key];
    // Secret leaves as inputs too, so state holds no plaintext UserSig/push URL even if the user passed a
    // literal; only the leaves, so an unknown push URL leaves the list's shape known (secrets.ts).
    props[key] = secretInput(key, value);
  }
  // Anything else a JavaScript or untyped program passed (a stray `region`, a PascalCase `SdkAppId`) goes
  // to check, which rejects it by name, rather than being dropped here without a word.
  for (const [key, value] of Object.entries(args ?? {})) {
    if (value !== undefined && !isArgument(key)) props[key] = value;
  }
  return props;
}

/**
 * A TRTC task that mixes (or relays) room streams and pushes the result to CDNs and/or back into rooms.
 *
 * - Changing `publishCdnParams`, `feedBackRoomParams`, `videoParams` contents, the audio mixing lists,
 *   `seiParams` or `singleSubscribeParams` updates the running task in place (same TaskId).
 * - Changing the room, the robot (`agentParams`), `withTranscoding`, `recordParams`, the audio encoding, or
 *   adding/removing video replaces it: the old task is stopped before the new one starts, on every
 *   replacement path (`--replace`, `replacementTrigger`, ...) unless `deleteBeforeReplace: false` is set.
 * - Credentials come from `tencentcloud:secretId` / `tencentcloud:secretKey` (secret) / `tencentcloud:region`
 *   / `tencentcloud:securityToken` stack config, else `TENCENTCLOUD_*` environment variables; `trtc:endpoint`
 *   or `TRTC_ENDPOINT` points it at the local emulator.
 * - Arguments Tencent documents as taking effect only elsewhere (e.g. `maxVideoUser` in a grid layout) are
 *   accepted, as Tencent accepts them, and the resource warns about each one when the program runs.
 * - TRTC has no Describe call, so `pulumi refresh` cannot see the task. A task that ended on its own (idle for
 *   `agentParams.maxIdleTime`) is discovered by the next Update: that `up` fails saying so and records it
 *   as finished; the following `up` starts a replacement, and `refresh` drops it from state.
 *
 * @example
 * ```ts
 * const cfg = new pulumi.Config();
 * const live = new PublishCdnStream("live", {
 *   sdkAppId: 1400188366, roomId: "295066", roomIdType: 0, withTranscoding: 1,
 *   agentParams: { userId: "room_295066_relay", userSig: cfg.requireSecret("robotUserSig"), maxIdleTime: 30 },
 *   audioParams: { audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64 } },
 *   videoParams: { videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 } },
 *   publishCdnParams: [{ publishCdnUrl: cfg.requireSecret("pushUrl"), isTencentCdn: 1 }],
 * });
 * export const taskId = live.taskId;
 * ```
 */
export class PublishCdnStream extends pulumi.CustomResource {
  /** The TaskId Start returned; also the resource id. */
  declare readonly taskId: pulumi.Output<string>;
  /**
   * The last SequenceNumber sent with an Update (0 after Start). Always a safe integer (at most 2^53 − 1):
   * Pulumi's numbers are float64, so the resource counts 1, 2, 3… (or, after an "outdated" answer, from the
   * current time in milliseconds) and never stores a uint64 past 2^53. Tencent types the field uint64; to
   * send a larger one (a nanosecond timestamp), use `TrtcClient` with a bigint or a decimal string.
   */
  declare readonly sequenceNumber: pulumi.Output<number>;
  /** RequestId of the last Start or Update, for Tencent support. */
  declare readonly requestId: pulumi.Output<string>;
  /** The endpoint the task was started at (from config); changing it replaces the task. */
  declare readonly endpoint: pulumi.Output<string>;
  /** The region the task was started in (from config); changing it replaces the task. */
  declare readonly region: pulumi.Output<string>;
  /** True once an Update found that the task had ended on its own; the next `up` replaces it. */
  declare readonly finished: pulumi.Output<boolean | undefined>;

  /** As applied. */
  declare readonly sdkAppId: Applied<"sdkAppId">;
  /** As applied. */
  declare readonly roomId: Applied<"roomId">;
  /** As applied. */
  declare readonly roomIdType: Applied<"roomIdType">;
  /** As applied. Secret (UserSig). */
  declare readonly agentParams: Applied<"agentParams">;
  /** As applied. */
  declare readonly withTranscoding: Applied<"withTranscoding">;
  /** As applied. */
  declare readonly audioParams: Applied<"audioParams">;
  /** As applied. */
  declare readonly videoParams: Applied<"videoParams">;
  /** As applied. */
  declare readonly singleSubscribeParams: Applied<"singleSubscribeParams">;
  /** As applied. Secret (push URLs carry txSecret). */
  declare readonly publishCdnParams: Applied<"publishCdnParams">;
  /** As applied. */
  declare readonly seiParams: Applied<"seiParams">;
  /** As applied. Secret (UserSigs). */
  declare readonly feedBackRoomParams: Applied<"feedBackRoomParams">;
  /** As applied. Secret (storage keys). */
  declare readonly recordParams: Applied<"recordParams">;

  /**
   * @param name The unique name of the resource.
   * @param args The Start request in camelCase; see {@link PublishCdnStreamArgs}.
   * @param opts Resource options. `additionalSecretOutputs` is extended, never replaced; `deleteBeforeReplace`
   *   defaults to true; `replaceOnChanges` and `customTimeouts` are applied by the provider (provider/options.ts;
   *   docs/RESOURCE.md, "Pulumi options").
   * @throws Error when `opts.import` or `opts.id` is set: TRTC has no Describe call, and Pulumi's dynamic host
   *   cannot import; the message names the native provider plugin, which can.
   */
  constructor(name: string, args: PublishCdnStreamArgs, opts?: pulumi.CustomResourceOptions) {
    const props = inputProperties(args);
    // Options only the provider can honour (replaceOnChanges, customTimeouts), handed over as an input.
    const handed = providerOptions(opts);
    if (handed) props[OPTIONS_KEY] = handed;
    // What pulumi.dynamic.Resource does, with a fixed provider text instead of a serialized closure.
    props.__provider = PROVIDER_SOURCE;
    super(RESOURCE_TYPE, name, props, registeredOptions(name, opts, SECRET_OUTPUTS));
    // Not attached to the resource (log.warn(message, this)): in an inline Automation API program of many
    // resources, warnings attached to resources left the preview waiting forever (136 at once, CLI v3.259,
    // @pulumi/pulumi 3.248), so the resource's name leads the message instead.
    warnNoEffect(args ?? {}, this, (message) => pulumi.log.warn(`PublishCdnStream "${name}": ${message}`));
  }
}
