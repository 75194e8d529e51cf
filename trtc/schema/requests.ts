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

  const sdkAppId = () => int(1).meta({ description: "The SDKAppID of the TRTC application whose room is relayed, e.g. `1400188366`." });
  // Opaque, ~72–80 characters in the examples (spec §2.3); the bound only stops absurd input.
  const taskId = () => text({ max: 512 }).meta({ description: "The task, as Start returned it." });
  const withTranscoding = () =>
    oneOf([0, 1], ["relay without transcoding", "transcode (required for mixing)"]).meta({
      description:
        "Whether the task transcodes, which decides whether transcoding is billed. Mixing needs 1; 0 relays one " +
        "stream (`singleSubscribeParams`) as it is, its video codec following the upstream's.",
    });
  const cdnTargets = () => list(cdn.McuPublishCdnParam, { max: MAX_TARGETS, noun: "CDN targets" });
  const feedBackRooms = () => list(robots.McuFeedBackRoomParams, { max: MAX_TARGETS, noun: "push-back rooms" });

  // The parameters Update can carry, each replacing the task's value when given (spec §3.1); Start takes
  // the same ones, so both requests spread this one list.
  const updatableParams = () => ({
    AudioParams: audio.McuAudioParams.optional().meta({
      description: "Audio encoding and who is heard. Needed at Start: audio is always transcoded (at no charge).",
    }),
    VideoParams: video.McuVideoParams.optional().meta({
      description: "Video encoding, layout, background and watermarks; omit it for an audio-only task.",
    }),
    SingleSubscribeParams: users.SingleSubscribeParams.optional().meta({
      description: "The one stream relayed without transcoding (`withTranscoding: 0`).",
    }),
    PublishCdnParams: cdnTargets()
      .optional()
      .meta({ description: "The CDNs the output is pushed to. At least one of this and `feedBackRoomParams` is needed." }),
    SeiParams: sei.McuSeiParams.optional().meta({ description: "SEI injected into the output." }),
    FeedBackRoomParams: feedBackRooms()
      .optional()
      .meta({
        description:
          "TRTC rooms the output is pushed back into. At least one of this and `publishCdnParams` is needed; needs " +
          "TRTC SDK 10.4 or later and Tencent's enablement.",
      }),
  });

  const StartPublishCdnStreamRequest = b.struct(
    "StartPublishCdnStreamRequest",
    {
      SdkAppId: sdkAppId(),
      RoomId: roomId().meta({
        description: 'The ID of the room whose streams are relayed (the main room), always a string (`"295066"`).',
      }),
      RoomIdType: roomIdType().meta({ description: "The type of `roomId`; must match the room's real type." }),
      AgentParams: robots.AgentParams.meta({ description: "The relay robot that joins the room." }),
      WithTranscoding: withTranscoding(),
      ...updatableParams(),
      RecordParams: record.McuRecordParams.optional().meta({ description: "Recording of the relayed output." }),
    },
    {
      description:
        "Starts a task that mixes the audio and video streams of one or more TRTC rooms into one stream, encodes it " +
        "and pushes it to CDNs over RTMP and/or back into TRTC rooms, or relays one user's stream without " +
        "transcoding. The task stops by itself once every mixed anchor has been gone for `agentParams.maxIdleTime`.",
    },
  );
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
