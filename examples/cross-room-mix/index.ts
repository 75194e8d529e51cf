/**
 * Seed example 7, "Cross-Room Stream Relaying": a PK mix of an anchor in this room (295066) and one in
 * another room (295067). Only the custom layout (mode 4) mixes rooms, and both anchors are named in the
 * audio allow-list so the other room's anchor is not heard twice.
 *
 * Stack config (optional): robotUserSig (secret), pushUrl (secret), sdkAppId, roomId, otherRoomId.
 * Provider config: see examples/mix-audio-video-cdn.
 */
import * as pulumi from "@pulumi/pulumi";
import { PublishCdnStream } from "pulumi-trtc-relay";
import { LOCAL_SDK_APP_ID, LOCAL_USERSIG, exportProgram, localPushUrl, secretSetting } from "../local-defaults";
import { sideBySideVideo, type Anchor } from "../side-by-side";

/** The program: one cross-room mixing task. */
export default async function program() {
  const cfg = new pulumi.Config();
  const roomId = cfg.get("roomId") ?? "295066";
  const home: Anchor = { userId: "Trtc_User_0", roomId };
  const guest: Anchor = { userId: "Trtc_User_1", roomId: cfg.get("otherRoomId") ?? "295067" };

  const live = new PublishCdnStream("cross-room-mix", {
    sdkAppId: cfg.getNumber("sdkAppId") ?? LOCAL_SDK_APP_ID,
    roomId,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: `relay_${roomId}_pk`, userSig: secretSetting(cfg, "robotUserSig", LOCAL_USERSIG), maxIdleTime: 30 },
    audioParams: {
      audioEncode: { sampleRate: 48000, codec: 0, bitRate: 64, channel: 2 },
      subscribeAudioList: [home, guest].map((a) => ({ userInfo: { userId: a.userId, roomId: a.roomId, roomIdType: 0 } })),
    },
    videoParams: sideBySideVideo(home, guest),
    publishCdnParams: [{ publishCdnUrl: secretSetting(cfg, "pushUrl", localPushUrl("trtc_cross_room")), isTencentCdn: 1 }],
  });

  return { taskId: live.taskId, sequenceNumber: live.sequenceNumber, endpoint: live.endpoint };
}

exportProgram(module, program);
