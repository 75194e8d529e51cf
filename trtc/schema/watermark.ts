/** Image and text watermarks (spec §5.14–§5.16). */
import type { Builder } from "./builder";
import { colour, httpUrl, int, oneOf, oneOfText, text } from "./common";

const dynamicPosType = () => oneOf([0, 1, 2], ["fixed", "random position every second", "bouncing"]);

/** The watermark structs for one site. */
export function buildWatermarkStructs(b: Builder) {
  const McuWaterMarkImage = b.struct("McuWaterMarkImage", {
    WaterMarkUrl: httpUrl(),
    WaterMarkWidth: int(),
    WaterMarkHeight: int(),
    LocationX: int(),
    LocationY: int(),
    ZOrder: int().optional(),
    DynamicPosType: dynamicPosType().optional(),
  });
  const McuWaterMarkText = b.struct("McuWaterMarkText", {
    Text: text(),
    WaterMarkWidth: int(),
    WaterMarkHeight: int(),
    LocationX: int(),
    LocationY: int(),
    FontSize: int(1),
    FontColor: colour().optional(),
    BackGroundColor: colour().optional(),
    DynamicPosType: dynamicPosType().optional(),
    ZOrder: int().optional(),
    Font: oneOfText(["Tencent", "SourceHanSans"]).optional(),
  });
  const McuWaterMarkParams = b.struct("McuWaterMarkParams", {
    WaterMarkType: oneOf([0, 1], ["image", "text"]).optional(),
    WaterMarkImage: McuWaterMarkImage.optional(),
    WaterMarkText: McuWaterMarkText.optional(),
  });
  return { McuWaterMarkImage, McuWaterMarkText, McuWaterMarkParams };
}
