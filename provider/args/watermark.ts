/** Watermarks (API structs `McuWaterMarkParams`, `McuWaterMarkImage`, `McuWaterMarkText`, spec §5.14-5.16). */
import type * as pulumi from "@pulumi/pulumi";

/** Where a watermark sits on the canvas: the box both image and text watermarks have (px). */
export interface WaterMarkBoxArgs {
  /** Width in px. Required. */
  readonly waterMarkWidth: pulumi.Input<number>;
  /** Height in px. Required. */
  readonly waterMarkHeight: pulumi.Input<number>;
  /** Left edge in px. Required. */
  readonly locationX: pulumi.Input<number>;
  /** Top edge in px. Required. */
  readonly locationY: pulumi.Input<number>;
}

/** An image watermark (spec §5.15). Positions and sizes in px. */
export interface McuWaterMarkImageArgs extends WaterMarkBoxArgs {
  /** Image URL (png/jpg/jpeg, at most 2K and 5 MB). Required. */
  readonly waterMarkUrl: pulumi.Input<string>;
  /** Stacking layer. Default 0. */
  readonly zOrder?: pulumi.Input<number>;
  /** `0` fixed (default), `1` jumps to a random position every second, `2` bounces along the edges. */
  readonly dynamicPosType?: pulumi.Input<number>;
}

/** A text watermark (spec §5.16). Positions and sizes in px. */
export interface McuWaterMarkTextArgs extends WaterMarkBoxArgs {
  /** The text. Required. */
  readonly text: pulumi.Input<string>;
  /** Font size. Required. */
  readonly fontSize: pulumi.Input<number>;
  /** Text colour `0xRRGGBB`. Default white. */
  readonly fontColor?: pulumi.Input<string>;
  /** Box colour `0xRRGGBB`. Default transparent. */
  readonly backGroundColor?: pulumi.Input<string>;
  /** As for image watermarks; default 0. */
  readonly dynamicPosType?: pulumi.Input<number>;
  /** Stacking layer. Default 0. */
  readonly zOrder?: pulumi.Input<number>;
  /** `"Tencent"` (default) or `"SourceHanSans"`. */
  readonly font?: pulumi.Input<string>;
}

/** One watermark (API struct `McuWaterMarkParams`, spec §5.14). */
export interface McuWaterMarkParamsArgs {
  /** `0` image (default, needs `waterMarkImage`), `1` text (needs `waterMarkText`). */
  readonly waterMarkType?: pulumi.Input<number>;
  /** The image watermark, for type 0. */
  readonly waterMarkImage?: pulumi.Input<McuWaterMarkImageArgs>;
  /** The text watermark, for type 1. */
  readonly waterMarkText?: pulumi.Input<McuWaterMarkTextArgs>;
}
