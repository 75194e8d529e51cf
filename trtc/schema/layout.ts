/** Where mixed streams go on the canvas (spec §5.8, §5.9, §5.12, §5.13). */
import type { Builder } from "./builder";
import { colour, httpUrl, int, list, oneOf } from "./common";
import { MAX_MIXED_STREAMS } from "./audio";
import type { buildUserStructs } from "./users";

/** Widest and tallest output canvas, so the largest any cell coordinate can usefully be (spec §5.7). */
export const MAX_CANVAS = 1920;

/** Custom crops are expressed in a 10000-unit space (spec §5.12). */
export const MAX_CROP = 10000;

/** `0|1` switch documented only on the China site (spec §13.4). */
const enableStreamSei = () => oneOf([0, 1], ["drop upstream SEI", "keep upstream SEI"]);

/** The layout structs for one site. */
export function buildLayoutStructs(b: Builder, users: ReturnType<typeof buildUserStructs>) {
  const McuCustomCrop = b.struct("McuCustomCrop", {
    LocationX: int(0, MAX_CROP),
    LocationY: int(0, MAX_CROP),
    Width: int(1, MAX_CROP),
    Height: int(1, MAX_CROP),
  });
  const McuBackgroundCustomRender = b.struct("McuBackgroundCustomRender", {
    Width: int(1, MAX_CANVAS),
    Height: int(1, MAX_CANVAS),
    Radius: int(0, MAX_CANVAS).optional(),
  });
  const McuLayout = b.struct("McuLayout", {
    UserMediaStream: users.UserMediaStream.optional(),
    // Cells lie on a canvas of at most 1920x1920, so larger coordinates can never fit (UNSURE: the doc
    // bounds them only by the canvas, which is checked when VideoEncode is in the same request).
    ImageWidth: int(0, MAX_CANVAS).optional(),
    ImageHeight: int(0, MAX_CANVAS).optional(),
    LocationX: int(0, MAX_CANVAS).optional(),
    LocationY: int(0, MAX_CANVAS).optional(),
    ZOrder: int(0).optional(),
    RenderMode: oneOf([0, 1, 2], ["crop", "scale and show background", "scale with black background"]).optional(),
    // Documented as "not effective, not supported yet" (spec §13.8); still accepted, in the same notation.
    BackGroundColor: colour().optional(),
    BackgroundImageUrl: httpUrl().optional(),
    CustomCrop: McuCustomCrop.optional(),
    BackgroundRenderMode: oneOf(
      [0, 1, 2, 3, 4],
      ["crop", "scale with background", "scale with black", "stretch", "custom render"],
    ).optional(),
    TransparentUrl: httpUrl().optional(),
    BackgroundCustomRender: McuBackgroundCustomRender.optional(),
    BackGroundColorMode: int(0, 3, "must be an integer from 0 to 3 (bit 0: placeholder, bit 1: video)").optional(),
    EnableStreamSEI: b.onlyOn("cn", enableStreamSei().optional()),
  });
  const McuLayoutParams = b.struct("McuLayoutParams", {
    MixLayoutMode: oneOf([1, 2, 3, 4], ["floating", "screen sharing", "grid", "custom"]).optional(),
    PureAudioHoldPlaceMode: oneOf([0, 1], ["audio-only users take no cell", "audio-only users take a cell"]).optional(),
    MixLayoutList: list(McuLayout, { max: MAX_MIXED_STREAMS, noun: "layout cells" }).optional(),
    MaxVideoUser: users.MaxVideoUser.optional(),
    RenderMode: oneOf([0, 1, 2], ["crop", "scale", "scale with black bars"]).optional(),
    EnableStreamSEI: b.onlyOn("cn", enableStreamSei().optional()),
  });
  return { McuCustomCrop, McuBackgroundCustomRender, McuLayout, McuLayoutParams };
}
