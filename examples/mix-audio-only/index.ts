/**
 * Seed example 2, "Mix Audio & Relay": an audio-only task (no videoParams) mixing exactly two anchors
 * (the allow-list) and pushing the mix to a Tencent CDN. Mixing needs `withTranscoding: 1`.
 *
 * Stack config (optional): robotUserSig (secret), pushUrl (secret), sdkAppId, roomId.
 * Provider config: see examples/mix-audio-video-cdn.
 */
import * as pulumi from "@pulumi/pulumi";
import { PublishCdnStream } from "pulumi-trtc-relay";
import { LOCAL_SDK_APP_ID, LOCAL_USERSIG, exportProgram, localPushUrl, secretSetting } from "../local-defaults";

/** The program: one audio-only mixing task. */
export default async function program() {
  const cfg = new pulumi.Config();
  const roomId = cfg.get("roomId") ?? "295066";

  const live = new PublishCdnStream("mix-audio-only", {
    sdkAppId: cfg.getNumber("sdkAppId") ?? LOCAL_SDK_APP_ID,
    roomId,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: `relay_${roomId}_mixaudio`, userSig: secretSetting(cfg, "robotUserSig", LOCAL_USERSIG), maxIdleTime: 30 },
    audioParams: {
      audioEncode: { sampleRate: 48000, codec: 0, bitRate: 64, channel: 2 },
      subscribeAudioList: ["Trtc_User_0", "Trtc_User_1"].map((userId) => ({ userInfo: { userId, roomId, roomIdType: 0 } })),
    },
    publishCdnParams: [{ publishCdnUrl: secretSetting(cfg, "pushUrl", localPushUrl("trtc_audio_mix")), isTencentCdn: 1 }],
  });

  return { taskId: live.taskId, sequenceNumber: live.sequenceNumber, endpoint: live.endpoint };
}

exportProgram(module, program);
