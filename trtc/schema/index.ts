/**
 * The TRTC relay API's schemas, built once per site at module load (validation runs in hot paths: the
 * provider's check, the client before every send, the emulator on every request).
 *
 * Types are inferred from the schemas; each holds the fields of both sites, so one type covers a body
 * for either (the runtime schema of each site then rejects the other site's fields).
 */
import type { z } from "zod";
import { type Site, builderFor } from "./builder";
import { type RequestSchemas, buildRequestSchemas } from "./requests";

export { type Site, type StructDoc, type StructInfo, SITES, structInfoOf } from "./builder";
export { type FieldMeta, type Unit, FIELD_META_KEYS, fieldMetaOf } from "./meta";
export * from "./responses";
export {
  START_RULES,
  UPDATE_RULES,
  STOP_RULES,
  NO_EFFECT_RULES,
  noEffectNotices,
  runRules,
  type Rule,
  type RuleContext,
  type Report,
  type Path,
  type NoEffectRule,
  type NoEffectNotice,
  type EffectCondition,
} from "./rules";

/** Every struct and request schema, per site. */
export const SCHEMAS: Readonly<Record<Site, RequestSchemas>> = {
  cn: buildRequestSchemas(builderFor("cn")),
  intl: buildRequestSchemas(builderFor("intl")),
};

type Of<K extends keyof RequestSchemas> = z.infer<RequestSchemas[K]>;

/** Body of `StartPublishCdnStream` (spec §2.1). */
export type StartPublishCdnStreamRequest = Of<"StartPublishCdnStreamRequest">;
/** Body of `UpdatePublishCdnStream` (spec §3.1). */
export type UpdatePublishCdnStreamRequest = Of<"UpdatePublishCdnStreamRequest">;
/** Body of `StopPublishCdnStream` (spec §4.1). */
export type StopPublishCdnStreamRequest = Of<"StopPublishCdnStreamRequest">;
/** The relay robot (spec §5.1). */
export type AgentParams = Of<"AgentParams">;
/** Output audio and the audio white/blacklists (spec §5.2). */
export type McuAudioParams = Of<"McuAudioParams">;
/** Output audio encoding (spec §5.3). */
export type AudioEncode = Of<"AudioEncode">;
/** One entry of an audio white/blacklist (spec §5.4). */
export type McuUserInfoParams = Of<"McuUserInfoParams">;
/** A user, optionally in another room (spec §5.5). */
export type MixUserInfo = Of<"MixUserInfo">;
/** Output video (spec §5.6). */
export type McuVideoParams = Of<"McuVideoParams">;
/** Output video encoding (spec §5.7). */
export type VideoEncode = Of<"VideoEncode">;
/** Mix layout (spec §5.8). */
export type McuLayoutParams = Of<"McuLayoutParams">;
/** One cell of a custom layout (spec §5.9). */
export type McuLayout = Of<"McuLayout">;
/** A user's camera or screen-share stream (spec §5.10). */
export type UserMediaStream = Of<"UserMediaStream">;
/** The big-picture user of floating and screen-sharing layouts (spec §5.11). */
export type MaxVideoUser = Of<"MaxVideoUser">;
/** Crop of an input stream (spec §5.12). */
export type McuCustomCrop = Of<"McuCustomCrop">;
/** Custom placeholder rendering box (spec §5.13). */
export type McuBackgroundCustomRender = Of<"McuBackgroundCustomRender">;
/** One watermark (spec §5.14). */
export type McuWaterMarkParams = Of<"McuWaterMarkParams">;
/** Image watermark (spec §5.15). */
export type McuWaterMarkImage = Of<"McuWaterMarkImage">;
/** Text watermark (spec §5.16). */
export type McuWaterMarkText = Of<"McuWaterMarkText">;
/** The one stream a single-stream relay forwards (spec §5.17). */
export type SingleSubscribeParams = Of<"SingleSubscribeParams">;
/** One CDN target (spec §5.18). */
export type McuPublishCdnParam = Of<"McuPublishCdnParam">;
/** SEI of the mix (spec §5.19). */
export type McuSeiParams = Of<"McuSeiParams">;
/** Volume/layout SEI (spec §5.20). */
export type McuLayoutVolume = Of<"McuLayoutVolume">;
/** Pass-through SEI (spec §5.21). */
export type McuPassThrough = Of<"McuPassThrough">;
/** One push-back room and its robot (spec §5.22). */
export type McuFeedBackRoomParams = Of<"McuFeedBackRoomParams">;
/** Recording of the relay (spec §5.23). */
export type McuRecordParams = Of<"McuRecordParams">;
/** Where recordings go (spec §5.24). */
export type McuStorageParams = Of<"McuStorageParams">;
/** COS or S3 storage (spec §5.25). */
export type CloudStorage = Of<"CloudStorage">;
/** VOD storage (spec §5.26). */
export type McuCloudVod = Of<"McuCloudVod">;
/** Tencent VOD parameters (spec §5.27). */
export type McuTencentVod = Of<"McuTencentVod">;
