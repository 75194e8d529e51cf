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
  const VideoEncode = b.struct(
    "VideoEncode",
    {
      Width: int(0, MAX_CANVAS).meta({ description: "Output width.", unit: "px" }),
      // 1080 before 2025-03-14, 1920 since (spec §13.5).
      Height: int(0, MAX_CANVAS).meta({ description: "Output height.", unit: "px" }),
      // The international metadata admits 0 where China's starts at 1 (spec §13.4).
      Fps: b.bySite({ cn: int(1, 60), intl: int(0, 60) }).meta({ description: "Output frame rate.", unit: "fps" }),
      BitRate: b.bySite({ cn: int(1, 10000), intl: int(0, 10000) }).meta({ description: "Output video bit rate.", unit: "kbps" }),
      Gop: int(1, 5).meta({ description: "Key-frame interval.", unit: "s" }),
    },
    {
      description:
        "Output video encoding; every field is needed when the output has video. For a single-stream relay, give " +
        "the upstream's real values. The codec cannot be chosen (without transcoding it follows the upstream's).",
    },
  );
  const McuVideoParams = b.struct(
    "McuVideoParams",
    {
      VideoEncode: VideoEncode.optional().meta({ description: "Output video encoding; needed for audio and video output." }),
      LayoutParams: layout.McuLayoutParams.optional().meta({ description: "The mixing layout." }),
      BackGroundColor: colour()
        .optional()
        .meta({ description: "Canvas colour, e.g. `0x000000`. Default not documented (black in practice)." }),
      BackgroundImageUrl: httpUrl().optional().meta({
        description: "Canvas background image (png, jpg or jpeg; at most 2K and 5 MB); wins over `backGroundColor`.",
      }),
      WaterMarkList: list(watermarks.McuWaterMarkParams).optional().meta({ description: "Image or text watermarks." }),
      BackgroundRenderMode: oneOf([0, 1, 2], ["crop", "scale with black bars", "stretch"])
        .optional()
        .meta({ description: "How the background image fills the canvas.", default: 2 }),
    },
    {
      description:
        "Video of the relayed stream: encoding, layout, background and watermarks. Omit it for an audio-only task; " +
        "a task cannot switch between audio-only and video.",
    },
  );
  return { VideoEncode, McuVideoParams };
}
