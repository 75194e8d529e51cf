/**
 * pulumi-trtc-relay: Tencent Cloud TRTC mix-and-relay-to-CDN tasks as the Pulumi resource
 * {@link PublishCdnStream}, plus the pieces it is built from for direct use (the API client, its errors,
 * the TC3 signer, UserSigs, relay status callbacks). The local emulator is a separate entry point, `pulumi-trtc-relay/emulator`.
 */
export { PublishCdnStream } from "./resource";
export type {
  PublishCdnStreamArgs, PublishCdnStreamInputs,
  AgentParamsArgs, AudioEncodeArgs, McuAudioParamsArgs, McuUserInfoParamsArgs, MixUserInfoArgs, UserMediaStreamArgs,
  MaxVideoUserArgs, SingleSubscribeParamsArgs, McuVideoParamsArgs, VideoEncodeArgs, McuLayoutParamsArgs, McuLayoutArgs,
  McuCustomCropArgs, McuBackgroundCustomRenderArgs, McuWaterMarkParamsArgs, McuWaterMarkImageArgs, McuWaterMarkTextArgs,
  McuPublishCdnParamArgs, McuFeedBackRoomParamsArgs, McuSeiParamsArgs, McuLayoutVolumeArgs, McuPassThroughArgs,
  McuRecordParamsArgs, McuStorageParamsArgs, CloudStorageArgs, McuCloudVodArgs, McuTencentVodArgs,
} from "./args";
export type { PublishCdnStreamState } from "./outputs";
export { TrtcClient, type TrtcClientOptions, type TrtcCredentials } from "./api/client";
export { TencentCloudError, StartOutcomeUnknownError } from "./api/errors";
export { ValidationError, validateRequest, formatIssue, type ValidationIssue } from "./api/validate";
export { tc3Authorization } from "./api/sign";
export {
  genUserSig, verifyUserSig,
  type GenUserSigInput, type VerifyUserSigOptions, type VerifyUserSigResult, type UserSigRejection,
} from "./usersig";
export {
  signCallback, callbackSignMatches, verifyCallback, RelayCdnStatus, relayCdnStatusName, relayCdnStatusBody,
  parseRelayCdnStatusEvent, EVENT_GROUP_CLOUD_PUBLISH, EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS,
  type VerifyCallbackInput, type VerifyCallbackResult, type CallbackRejection, type CallbackHeaders,
  type RelayCdnStatusEvent, type RelayCdnStatusEventInput, type RelayCdnStatusName, type RelayCdnStatusCode,
  type CallbackIssue, type ParseEventResult,
} from "./callbacks";
