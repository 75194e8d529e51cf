/**
 * pulumi-trtc-relay: Tencent Cloud TRTC mix-and-relay-to-CDN tasks as the Pulumi resource
 * {@link PublishCdnStream}, plus the pieces it is built from for direct use (the API client, its errors,
 * the TC3 signer, UserSigs, relay status callbacks). The local emulator is a separate entry point, `pulumi-trtc-relay/emulator`.
 */
export { PublishCdnStream } from "./resource";
export type {
  PublishCdnStreamArgs,
  PublishCdnStreamInputs,
  AgentParamsArgs,
  AudioEncodeArgs,
  McuAudioParamsArgs,
  McuUserInfoParamsArgs,
  MixUserInfoArgs,
  UserMediaStreamArgs,
  MaxVideoUserArgs,
  SingleSubscribeParamsArgs,
  McuVideoParamsArgs,
  VideoEncodeArgs,
  McuLayoutParamsArgs,
  McuLayoutArgs,
  McuCustomCropArgs,
  McuBackgroundCustomRenderArgs,
  McuWaterMarkParamsArgs,
  McuWaterMarkImageArgs,
  McuWaterMarkTextArgs,
  McuPublishCdnParamArgs,
  McuFeedBackRoomParamsArgs,
  McuSeiParamsArgs,
  McuLayoutVolumeArgs,
  McuPassThroughArgs,
  McuRecordParamsArgs,
  McuStorageParamsArgs,
  CloudStorageArgs,
  McuCloudVodArgs,
  McuTencentVodArgs,
} from "./args";
export type { PublishCdnStreamState } from "./outputs";
// The TRTC library's public API, re-exported so `import { TrtcClient } from "pulumi-trtc-relay"` keeps working.
export * from "../trtc";
