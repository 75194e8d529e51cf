/**
 * Seed example 6, "Mix AV & Relay with layout": the two-anchor mix with volume/layout SEI injected
 * (payload type 100 every second, guaranteed on key frames), so players can draw per-anchor overlays.
 *
 * Stack config (optional): robotUserSig (secret), pushUrl (secret), sdkAppId, roomId, seiAppData.
 * Provider config: see examples/mix-audio-video-cdn.
 */
import * as pulumi from "@pulumi/pulumi";
import { PublishCdnStream } from "pulumi-trtc-relay";
import { LOCAL_SDK_APP_ID, LOCAL_USERSIG, exportProgram, localPushUrl, secretSetting } from "../local-defaults";
import { sideBySideVideo } from "../side-by-side";

/** The program: one mixing task with layout SEI. */
export default async function program() {
  const cfg = new pulumi.Config();
  const roomId = cfg.get("roomId") ?? "295066";

  const live = new PublishCdnStream("mix-layout-sei", {
    sdkAppId: cfg.getNumber("sdkAppId") ?? LOCAL_SDK_APP_ID,
    roomId,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: `relay_${roomId}_sei`, userSig: secretSetting(cfg, "robotUserSig", LOCAL_USERSIG), maxIdleTime: 30 },
    audioParams: { audioEncode: { sampleRate: 48000, codec: 0, bitRate: 64, channel: 2 } },
    videoParams: sideBySideVideo({ userId: "Trtc_User_0", roomId }, { userId: "Trtc_User_1", roomId }),
    seiParams: { layoutVolume: { appData: cfg.get("seiAppData") ?? "layout_sei_test", payloadType: 100, interval: 1000, followIdr: 1 } },
    publishCdnParams: [{ publishCdnUrl: secretSetting(cfg, "pushUrl", localPushUrl("trtc_layout_sei")), isTencentCdn: 1 }],
  });

  return { taskId: live.taskId, sequenceNumber: live.sequenceNumber, endpoint: live.endpoint };
}

exportProgram(module, program);
