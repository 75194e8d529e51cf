/**
 * Quickstart — seed example 1, "Mix AV & Relay to CDN": two anchors side by side in a custom 1280x720
 * layout with an image watermark, mixed audio and video pushed to a Tencent CDN.
 *
 * Stack config (project namespace; all optional, local-emulator defaults otherwise):
 *   robotUserSig (secret)  UserSig of the relay robot
 *   pushUrl      (secret)  the RTMP push URL, usually with txSecret
 *   sdkAppId, roomId       the TRTC application and room
 * Provider config: tencentcloud:secretId / tencentcloud:secretKey (secret) / tencentcloud:region, and
 * trtc:endpoint (e.g. the emulator's http://127.0.0.1:<port>), or the TENCENTCLOUD_* / TRTC_ENDPOINT env.
 */
import * as pulumi from "@pulumi/pulumi";
import { PublishCdnStream } from "pulumi-trtc-relay";
import { LOCAL_SDK_APP_ID, LOCAL_USERSIG, exportProgram, localPushUrl, secretSetting } from "../local-defaults";

/** The program: one mixing task; returns its TaskId and where it runs. */
export default async function program() {
  const cfg = new pulumi.Config();
  const roomId = cfg.get("roomId") ?? "295066";
  const user = (userId: string) => ({ userId, roomId, roomIdType: 0 });

  const live = new PublishCdnStream("mix-audio-video-cdn", {
    sdkAppId: cfg.getNumber("sdkAppId") ?? LOCAL_SDK_APP_ID,
    roomId,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: {
      userId: `relay_${roomId}_mixav`,
      userSig: secretSetting(cfg, "robotUserSig", LOCAL_USERSIG),
      maxIdleTime: 30,
    },
    audioParams: { audioEncode: { sampleRate: 48000, codec: 0, bitRate: 64, channel: 2 } },
    videoParams: {
      videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 },
      layoutParams: {
        // Tencent's example also sends pureAudioHoldPlaceMode: 0, which only takes effect in dynamic layouts
        // (modes 1-3); left out here, since the resource warns about arguments without effect.
        mixLayoutMode: 4,
        mixLayoutList: [
          {
            userMediaStream: { userInfo: user("Trtc_User_0"), streamType: 0 },
            imageWidth: 640,
            imageHeight: 720,
            locationX: 0,
            locationY: 0,
            zOrder: 0,
            renderMode: 0,
          },
          {
            userMediaStream: { userInfo: user("Trtc_User_1"), streamType: 0 },
            imageWidth: 640,
            imageHeight: 720,
            locationX: 640,
            locationY: 0,
            zOrder: 0,
            renderMode: 0,
          },
        ],
      },
      backGroundColor: "0xFF0000",
      waterMarkList: [
        {
          waterMarkType: 0,
          waterMarkImage: {
            waterMarkUrl: "https://xkt-course-1304449343.cos.ap-beijing.myqcloud.com/test/mark/37f9eb62-ca72-430e-bfca-e700b59b20e0.png",
            waterMarkWidth: 64,
            waterMarkHeight: 64,
            locationX: 64,
            locationY: 64,
            zOrder: 3,
          },
        },
      ],
    },
    publishCdnParams: [{ publishCdnUrl: secretSetting(cfg, "pushUrl", localPushUrl("trtc_publishcdn_test1")), isTencentCdn: 1 }],
  });

  return { taskId: live.taskId, sequenceNumber: live.sequenceNumber, endpoint: live.endpoint, region: live.region };
}

exportProgram(module, program);
