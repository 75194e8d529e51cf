/**
 * The request bodies of the three actions (spec §2.1, §3.1, §4.1) and every struct they use, for one site.
 */
import type { Builder } from "./builder";
import { int, list, oneOf, text } from "./common";
import { buildAudioStructs } from "./audio";
import { MAX_TARGETS, buildCdnStructs } from "./cdn";
import { buildLayoutStructs } from "./layout";
import { buildRecordStructs, recordKey } from "./record";
import { buildRobotStructs } from "./robots";
import { buildSeiStructs } from "./sei";
import { buildUserStructs, roomId, roomIdType } from "./users";
import { buildVideoStructs } from "./video";
import { buildWatermarkStructs } from "./watermark";

/** Every struct and request schema for the site of `b`. */
export function buildRequestSchemas(b: Builder) {
  const users = buildUserStructs(b);
  const robots = buildRobotStructs(b);
  const audio = buildAudioStructs(b, users);
  const layout = buildLayoutStructs(b, users);
  const watermarks = buildWatermarkStructs(b);
  const video = buildVideoStructs(b, layout, watermarks);
  const sei = buildSeiStructs(b);
  const cdn = buildCdnStructs(b);
  const record = buildRecordStructs(b);

  const sdkAppId = () => int(1);
  // Opaque, ~72–80 characters in the examples (spec §2.3); the bound only stops absurd input.
  const taskId = () => text({ max: 512 });
  const withTranscoding = () => oneOf([0, 1], ["relay without transcoding", "transcode (required for mixing)"]);
  const cdnTargets = () => list(cdn.McuPublishCdnParam, { max: MAX_TARGETS, noun: "CDN targets" });
  const feedBackRooms = () => list(robots.McuFeedBackRoomParams, { max: MAX_TARGETS, noun: "push-back rooms" });

  // The parameters Update can carry, each replacing the task's value when given (spec §3.1); Start takes
  // the same ones, so both requests spread this one list.
  const updatableParams = () => ({
    AudioParams: audio.McuAudioParams.optional(),
    VideoParams: video.McuVideoParams.optional(),
    SingleSubscribeParams: users.SingleSubscribeParams.optional(),
    PublishCdnParams: cdnTargets().optional(),
    SeiParams: sei.McuSeiParams.optional(),
    FeedBackRoomParams: feedBackRooms().optional(),
  });

  const StartPublishCdnStreamRequest = b.struct("StartPublishCdnStreamRequest", {
    SdkAppId: sdkAppId(),
    RoomId: roomId(),
    RoomIdType: roomIdType(),
    AgentParams: robots.AgentParams,
    WithTranscoding: withTranscoding(),
    ...updatableParams(),
    RecordParams: record.McuRecordParams.optional(),
  });
  const UpdatePublishCdnStreamRequest = b.struct("UpdatePublishCdnStreamRequest", {
    SdkAppId: sdkAppId(),
    TaskId: taskId(),
    SequenceNumber: int(),
    WithTranscoding: withTranscoding(),
    ...updatableParams(),
  });
  const StopPublishCdnStreamRequest = b.struct("StopPublishCdnStreamRequest", {
    SdkAppId: sdkAppId(),
    TaskId: taskId(),
    RecordKey: b.onlyOn("cn", recordKey().optional()),
  });

  return {
    ...users,
    ...robots,
    ...audio,
    ...layout,
    ...watermarks,
    ...video,
    ...sei,
    ...cdn,
    ...record,
    StartPublishCdnStreamRequest,
    UpdatePublishCdnStreamRequest,
    StopPublishCdnStreamRequest,
  };
}

/** The schema set {@link buildRequestSchemas} returns. */
export type RequestSchemas = ReturnType<typeof buildRequestSchemas>;
