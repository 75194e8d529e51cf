/** Image and text watermarks (spec §5.14–§5.16). */
import type { Builder } from "./builder";
import { colour, httpUrl, int, oneOf, oneOfText, text } from "./common";

const dynamicPosType = () => oneOf([0, 1, 2], ["fixed", "random position every second", "bouncing"]);

/** The watermark structs for one site. */
export function buildWatermarkStructs(b: Builder) {
  const McuWaterMarkImage = b.struct(
    "McuWaterMarkImage",
    {
      WaterMarkUrl: httpUrl().meta({ description: "The image (png, jpg or jpeg; at most 2K and 5 MB)." }),
      WaterMarkWidth: int().meta({ description: "Width of the watermark.", unit: "px" }),
      WaterMarkHeight: int().meta({ description: "Height of the watermark.", unit: "px" }),
      LocationX: int().meta({ description: "Left edge of the watermark on the canvas.", unit: "px" }),
      LocationY: int().meta({ description: "Top edge of the watermark on the canvas.", unit: "px" }),
      ZOrder: int().optional().meta({ description: "Stacking layer; higher is on top.", default: 0 }),
      DynamicPosType: dynamicPosType().optional().meta({ description: "Whether and how the watermark moves.", default: 0 }),
    },
    { description: "An image watermark." },
  );
  const McuWaterMarkText = b.struct(
    "McuWaterMarkText",
    {
      Text: text().meta({ description: "The text." }),
      WaterMarkWidth: int().meta({ description: "Width of the watermark.", unit: "px" }),
      WaterMarkHeight: int().meta({ description: "Height of the watermark.", unit: "px" }),
      LocationX: int().meta({ description: "Left edge of the watermark on the canvas.", unit: "px" }),
      LocationY: int().meta({ description: "Top edge of the watermark on the canvas.", unit: "px" }),
      FontSize: int(1).meta({ description: "Font size." }),
      FontColor: colour().optional().meta({ description: "Text colour.", default: "0xFFFFFF" }),
      BackGroundColor: colour().optional().meta({ description: "Box colour; transparent when omitted." }),
      DynamicPosType: dynamicPosType().optional().meta({ description: "Whether and how the watermark moves.", default: 0 }),
      ZOrder: int().optional().meta({ description: "Stacking layer; higher is on top.", default: 0 }),
      Font: oneOfText(["Tencent", "SourceHanSans"]).optional().meta({ description: "The font.", default: "Tencent" }),
    },
    { description: "A text watermark." },
  );
  const McuWaterMarkParams = b.struct(
    "McuWaterMarkParams",
    {
      WaterMarkType: oneOf([0, 1], ["image", "text"])
        .optional()
        .meta({ description: "The kind of watermark: image needs `waterMarkImage`, text `waterMarkText`.", default: 0 }),
      WaterMarkImage: McuWaterMarkImage.optional().meta({ description: "The image watermark, for `waterMarkType: 0`." }),
      WaterMarkText: McuWaterMarkText.optional().meta({ description: "The text watermark, for `waterMarkType: 1`." }),
    },
    { description: "One watermark on the canvas." },
  );
  return { McuWaterMarkImage, McuWaterMarkText, McuWaterMarkParams };
}
