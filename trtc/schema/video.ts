/** Video of the mixed output: encoding, layout, background and watermarks (spec §5.6, §5.7). */
import type { Builder } from "./builder";
import { colour, httpUrl, int, list, oneOf } from "./common";
import { MAX_CANVAS, type buildLayoutStructs } from "./layout";
import type { buildWatermarkStructs } from "./watermark";

/** The video structs for one site. */
export function buildVideoStructs(
  b: Builder,
  layout: ReturnType<typeof buildLayoutStructs>,
  watermarks: ReturnType<typeof buildWatermarkStructs>,
) {
  const VideoEncode = b.struct("VideoEncode", {
    Width: int(0, MAX_CANVAS),
    // 1080 before 2025-03-14, 1920 since (spec §13.5).
    Height: int(0, MAX_CANVAS),
    // The international metadata admits 0 where China's starts at 1 (spec §13.4).
    Fps: b.bySite({ cn: int(1, 60), intl: int(0, 60) }),
    BitRate: b.bySite({ cn: int(1, 10000), intl: int(0, 10000) }),
    Gop: int(1, 5),
  });
  const McuVideoParams = b.struct("McuVideoParams", {
    VideoEncode: VideoEncode.optional(),
    LayoutParams: layout.McuLayoutParams.optional(),
    BackGroundColor: colour().optional(),
    BackgroundImageUrl: httpUrl().optional(),
    WaterMarkList: list(watermarks.McuWaterMarkParams).optional(),
    BackgroundRenderMode: oneOf([0, 1, 2], ["crop", "scale with black bars", "stretch"]).optional(),
  });
  return { VideoEncode, McuVideoParams };
}
