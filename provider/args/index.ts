/**
 * The arguments of {@link PublishCdnStreamArgs}: the whole `StartPublishCdnStream` request (spec §2.1) in
 * camelCase, `pulumi.Input` all the way down. Each struct group lives in its own file; the API's PascalCase
 * body is obtained by upper-casing the first letter of every key (trtc/casing.ts), so field names
 * here must stay exactly the API's names with a lower-case first letter.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AgentParamsArgs } from "./agent";
import type { McuAudioParamsArgs } from "./audio";
import type { McuFeedBackRoomParamsArgs, McuPublishCdnParamArgs } from "./destinations";
import type { McuRecordParamsArgs } from "./record";
import type { McuSeiParamsArgs } from "./sei";
import type { SingleSubscribeParamsArgs } from "./users";
import type { McuVideoParamsArgs } from "./video";

export type { AgentParamsArgs } from "./agent";
export type { AudioEncodeArgs, McuAudioParamsArgs, McuUserInfoParamsArgs } from "./audio";
export type { McuFeedBackRoomParamsArgs, McuPublishCdnParamArgs } from "./destinations";
export type { McuBackgroundCustomRenderArgs, McuCustomCropArgs, McuLayoutArgs } from "./layout";
export type {
  CloudStorageArgs,
  McuCloudVodArgs,
  McuRecordParamsArgs,
  McuStorageParamsArgs,
  McuTencentVodArgs,
} from "./record";
export type { McuLayoutVolumeArgs, McuPassThroughArgs, McuSeiParamsArgs } from "./sei";
export type { MaxVideoUserArgs, MixUserInfoArgs, SingleSubscribeParamsArgs, UserMediaStreamArgs } from "./users";
export type { McuLayoutParamsArgs, McuVideoParamsArgs, VideoEncodeArgs } from "./video";
export type { McuWaterMarkImageArgs, McuWaterMarkParamsArgs, McuWaterMarkTextArgs, WaterMarkBoxArgs } from "./watermark";

/**
 * Arguments of a `PublishCdnStream`: one TRTC mix-and-relay (or single-stream relay) task.
 * At least one of `publishCdnParams` and `feedBackRoomParams` is required.
 * Credentials, region and endpoint are not arguments: they come from stack config or the environment.
 */
export interface PublishCdnStreamArgs {
  /** The TRTC SDKAppID of the room's application, e.g. `1400188366`. Changing it replaces the task. */
  readonly sdkAppId: pulumi.Input<number>;
  /** The main room ID, always a string (`"295066"`), even for integer rooms. Changing it replaces the task. */
  readonly roomId: pulumi.Input<string>;
  /** `0` integer room ID, `1` string room ID; must match the room. Changing it replaces the task. */
  readonly roomIdType: pulumi.Input<number>;
  /** The relay robot that joins the room. Changing any part replaces the task. Secret output. */
  readonly agentParams: pulumi.Input<AgentParamsArgs>;
  /**
   * `1` transcode (required for mixing; transcoding is billed), `0` relay one stream as is (needs
   * `singleSubscribeParams`). Changing it replaces the task.
   */
  readonly withTranscoding: pulumi.Input<number>;
  /** Audio encoding and mixing lists. Required at start by the service. */
  readonly audioParams?: pulumi.Input<McuAudioParamsArgs>;
  /** Video encoding and layout; omit for an audio-only task. Adding or removing it replaces the task. */
  readonly videoParams?: pulumi.Input<McuVideoParamsArgs>;
  /** The one stream relayed with `withTranscoding: 0`. Removing it replaces the task. */
  readonly singleSubscribeParams?: pulumi.Input<SingleSubscribeParamsArgs>;
  /**
   * CDN push targets, at most 10. Changing the list updates in place; removing the last target replaces
   * the task (Update cannot express "no CDN targets"). Secret output: push URLs carry `txSecret`.
   */
  readonly publishCdnParams?: pulumi.Input<pulumi.Input<McuPublishCdnParamArgs>[]>;
  /** SEI to inject. Updated in place; removing it sends an empty `seiParams`. */
  readonly seiParams?: pulumi.Input<McuSeiParamsArgs>;
  /**
   * Rooms the output is pushed back into, at most 10. Changing the list updates in place; removing the last
   * room replaces the task. Secret output: entries carry UserSigs.
   */
  readonly feedBackRoomParams?: pulumi.Input<pulumi.Input<McuFeedBackRoomParamsArgs>[]>;
  /** Recording of the output. Changing it replaces the task. Secret output: it can carry storage keys. */
  readonly recordParams?: pulumi.Input<McuRecordParamsArgs>;
}

/** {@link PublishCdnStreamArgs} as the provider receives them: every `Input` resolved to a plain value. */
export type PublishCdnStreamInputs = pulumi.Unwrap<PublishCdnStreamArgs>;
