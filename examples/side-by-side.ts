/**
 * The seed page's video settings shared by examples 5-7: a 1280x720 canvas at 15 fps, two anchors side by
 * side in a custom layout (mode 4, which may mix rooms), a red background and an image watermark.
 */
import type { McuVideoParamsArgs } from "pulumi-trtc-relay";

/** One anchor of the layout: left cell first. */
export interface Anchor {
  userId: string;
  roomId: string;
}

/** Video parameters placing `left` and `right` in two 640x720 cells. */
export function sideBySideVideo(left: Anchor, right: Anchor): McuVideoParamsArgs {
  const cell = (a: Anchor, locationX: number) => ({
    userMediaStream: { userInfo: { userId: a.userId, roomId: a.roomId, roomIdType: 0 }, streamType: 0 },
    imageWidth: 640,
    imageHeight: 720,
    locationX,
    locationY: 0,
    zOrder: 0,
    renderMode: 0,
  });
  return {
    videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 },
    // The seed's pureAudioHoldPlaceMode: 0 only takes effect in dynamic layouts, so it is left out.
    layoutParams: { mixLayoutMode: 4, mixLayoutList: [cell(left, 0), cell(right, 640)] },
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
  };
}
