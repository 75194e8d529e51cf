/**
 * Seed example 5, "Mix AV, then Feedback": the two-anchor mix is pushed back into another TRTC room
 * (630777) by a second robot instead of to a CDN. Push-back needs TRTC SDK 10.4+ and enabling by Tencent.
 *
 * Stack config (optional): robotUserSig (secret), feedbackUserSig (secret), sdkAppId, roomId,
 * feedbackRoomId. Provider config: see examples/mix-audio-video-cdn.
 */
import * as pulumi from "@pulumi/pulumi";
import { PublishCdnStream } from "pulumi-trtc-relay";
import { LOCAL_SDK_APP_ID, LOCAL_USERSIG, exportProgram, secretSetting } from "../local-defaults";
import { sideBySideVideo } from "../side-by-side";

/** The program: one mixing task feeding another room. */
export default async function program() {
  const cfg = new pulumi.Config();
  const roomId = cfg.get("roomId") ?? "295066";
  const feedbackRoomId = cfg.get("feedbackRoomId") ?? "630777";

  const live = new PublishCdnStream("mix-feedback-room", {
    sdkAppId: cfg.getNumber("sdkAppId") ?? LOCAL_SDK_APP_ID,
    roomId,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: `relay_${roomId}_feedback`, userSig: secretSetting(cfg, "robotUserSig", LOCAL_USERSIG), maxIdleTime: 30 },
    audioParams: { audioEncode: { sampleRate: 48000, codec: 0, bitRate: 64, channel: 2 } },
    videoParams: sideBySideVideo({ userId: "Trtc_User_0", roomId }, { userId: "Trtc_User_1", roomId }),
    feedBackRoomParams: [
      {
        roomId: feedbackRoomId,
        roomIdType: 0,
        userId: `feedback_${feedbackRoomId}_from_${roomId}`,
        userSig: secretSetting(cfg, "feedbackUserSig", LOCAL_USERSIG),
      },
    ],
  });

  return { taskId: live.taskId, sequenceNumber: live.sequenceNumber, endpoint: live.endpoint };
}

exportProgram(module, program);
