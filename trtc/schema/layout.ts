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
  const McuCustomCrop = b.struct(
    "McuCustomCrop",
    {
      LocationX: int(0, MAX_CROP).meta({ description: "Left edge of the crop in the input stream.", unit: "px" }),
      LocationY: int(0, MAX_CROP).meta({ description: "Top edge of the crop in the input stream.", unit: "px" }),
      Width: int(1, MAX_CROP).meta({ description: "Width of the crop; `locationX + width` at most 10000.", unit: "px" }),
      Height: int(1, MAX_CROP).meta({ description: "Height of the crop; `locationY + height` at most 10000.", unit: "px" }),
    },
    { description: "A crop applied to the input stream before it is placed in its cell." },
  );
  const McuBackgroundCustomRender = b.struct(
    "McuBackgroundCustomRender",
    {
      Width: int(1, MAX_CANVAS).meta({ description: "Width of the box; at most the cell's `imageWidth`.", unit: "px" }),
      Height: int(1, MAX_CANVAS).meta({ description: "Height of the box; at most the cell's `imageHeight`.", unit: "px" }),
      Radius: int(0, MAX_CANVAS)
        .optional()
        .meta({ description: "Corner radius; at most half the smaller of `width` and `height`.", unit: "px", default: 0 }),
    },
    { description: "The box the placeholder image is rendered into, for `backgroundRenderMode: 4`." },
  );
  const McuLayout = b.struct(
    "McuLayout",
    {
      UserMediaStream: users.UserMediaStream.optional().meta({
        description: "The user this cell is reserved for. Omit it for an anonymous cell, filled in room-entry order.",
      }),
      // Cells lie on a canvas of at most 1920x1920, so larger coordinates can never fit (UNSURE: the doc
      // bounds them only by the canvas, which is checked when VideoEncode is in the same request).
      ImageWidth: int(0, MAX_CANVAS).optional().meta({ description: "Cell width.", unit: "px", default: 0 }),
      ImageHeight: int(0, MAX_CANVAS).optional().meta({ description: "Cell height.", unit: "px", default: 0 }),
      LocationX: int(0, MAX_CANVAS).optional().meta({
        description: "Left edge of the cell; `locationX + imageWidth` must fit the canvas width.",
        unit: "px",
        default: 0,
      }),
      LocationY: int(0, MAX_CANVAS).optional().meta({
        description: "Top edge of the cell; `locationY + imageHeight` must fit the canvas height.",
        unit: "px",
        default: 0,
      }),
      ZOrder: int(0).optional().meta({ description: "Stacking layer; higher is on top.", default: 0 }),
      RenderMode: oneOf([0, 1, 2], ["crop", "scale and show background", "scale with black background"])
        .optional()
        .meta({ description: "How the stream fills the cell.", default: 0 }),
      // Documented as "not effective, not supported yet" (spec §13.8); still accepted, in the same notation.
      BackGroundColor: colour().optional().meta({ description: "Cell background colour. Documented by Tencent as not effective yet." }),
      BackgroundImageUrl: httpUrl()
        .optional()
        .meta({
          description:
            "Placeholder image shown while the user is absent or the camera is off, stretched to the cell " +
            "(png, jpg, jpeg, bmp, gif or webm; at most 2K and 5 MB).",
        }),
      CustomCrop: McuCustomCrop.optional().meta({ description: "Crop applied to the input stream." }),
      BackgroundRenderMode: oneOf([0, 1, 2, 3, 4], ["crop", "scale with background", "scale with black", "stretch", "custom render"])
        .optional()
        .meta({ description: "How the placeholder image fills the cell.", default: 3 }),
      TransparentUrl: httpUrl()
        .optional()
        .meta({
          description:
            "PNG alpha-mask template for the cell (rounded corners, shapes, translucency); only with `renderMode: 0` " +
            "(at most 2K and 5 MB).",
        }),
      BackgroundCustomRender: McuBackgroundCustomRender.optional().meta({
        description: "Where the placeholder image goes; required with `backgroundRenderMode: 4`.",
      }),
      BackGroundColorMode: int(0, 3, "must be an integer from 0 to 3 (bit 0: placeholder, bit 1: video)")
        .optional()
        .meta({
          description:
            "Bitmask of where `backGroundColor` fills the bars: bit 0 when scaling the placeholder, bit 1 when " + "scaling the video.",
          default: 0,
        }),
      EnableStreamSEI: b.onlyOn(
        "cn",
        enableStreamSei().optional().meta({ description: "Whether this cell's upstream SEI is kept.", default: 1 }),
      ),
    },
    { description: "One cell of a custom layout (`mixLayoutMode: 4`)." },
  );
  const McuLayoutParams = b.struct(
    "McuLayoutParams",
    {
      MixLayoutMode: oneOf([1, 2, 3, 4], ["floating", "screen sharing", "grid", "custom"])
        .optional()
        .meta({
          description:
            "The layout: 1-3 are dynamic layouts of the main room only; 4 places the cells of `mixLayoutList` and " +
            "may mix several rooms. At most 16 streams are mixed.",
          default: 1,
        }),
      PureAudioHoldPlaceMode: oneOf([0, 1], ["audio-only users take no cell", "audio-only users take a cell"])
        .optional()
        .meta({ description: "Dynamic layouts only: whether audio-only users take a cell.", default: 0 }),
      MixLayoutList: list(McuLayout, { max: MAX_MIXED_STREAMS, noun: "layout cells" })
        .optional()
        .meta({ description: "The cells of a custom layout (`mixLayoutMode: 4` only)." }),
      MaxVideoUser: users.MaxVideoUser.optional().meta({
        description: "The big-picture user of the floating (1) and screen-sharing (2) layouts.",
      }),
      RenderMode: oneOf([0, 1, 2], ["crop", "scale", "scale with black bars"])
        .optional()
        .meta({ description: "Dynamic layouts: how each stream fills its cell. Default not documented (crop in practice)." }),
      EnableStreamSEI: b.onlyOn(
        "cn",
        enableStreamSei().optional().meta({ description: "Dynamic layouts only: whether upstream SEI is kept.", default: 1 }),
      ),
    },
    { description: "The mixing layout." },
  );
  return { McuCustomCrop, McuBackgroundCustomRender, McuLayout, McuLayoutParams };
}
