/**
 * Seed example 4, "Relay Audio": one anchor's audio relayed to a CDN without transcoding the stream
 * (`withTranscoding: 0`, no videoParams: an audio-only task).
 *
 * Stack config (optional): robotUserSig (secret), pushUrl (secret), sdkAppId, roomId, anchorUserId.
 * Provider config: see examples/mix-audio-video-cdn.
 */
import * as pulumi from "@pulumi/pulumi";
import { PublishCdnStream } from "pulumi-trtc-relay";
import { LOCAL_SDK_APP_ID, LOCAL_USERSIG, exportProgram, localPushUrl, secretSetting } from "../local-defaults";

/** The program: one single-stream audio relay. */
export default async function program() {
  const cfg = new pulumi.Config();
  const roomId = cfg.get("roomId") ?? "295066";

  const live = new PublishCdnStream("relay-single-audio-only", {
    sdkAppId: cfg.getNumber("sdkAppId") ?? LOCAL_SDK_APP_ID,
    roomId,
    roomIdType: 0,
    withTranscoding: 0,
    agentParams: { userId: `relay_${roomId}_singleaudio`, userSig: secretSetting(cfg, "robotUserSig", LOCAL_USERSIG), maxIdleTime: 30 },
    audioParams: { audioEncode: { sampleRate: 48000, codec: 0, bitRate: 64, channel: 2 } },
    singleSubscribeParams: {
      userMediaStream: { userInfo: { userId: cfg.get("anchorUserId") ?? "Trtc_User_0", roomId, roomIdType: 0 }, streamType: 0 },
    },
    publishCdnParams: [{ publishCdnUrl: secretSetting(cfg, "pushUrl", localPushUrl("trtc_single_audio")), isTencentCdn: 1 }],
  });

  return { taskId: live.taskId, sequenceNumber: live.sequenceNumber, endpoint: live.endpoint };
}

exportProgram(module, program);
