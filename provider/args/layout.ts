/** One cell of a custom layout (API structs `McuLayout`, `McuCustomCrop`, `McuBackgroundCustomRender`, §5.9-5.13). */
import type * as pulumi from "@pulumi/pulumi";
import type { UserMediaStreamArgs } from "./users";

/** A crop applied to the input stream before it is placed (API struct `McuCustomCrop`, spec §5.12). */
export interface McuCustomCropArgs {
  /** Left edge in px, at least 0. */
  readonly locationX: pulumi.Input<number>;
  /** Top edge in px, at least 0. */
  readonly locationY: pulumi.Input<number>;
  /** Width in px, above 0; `locationX + width` at most 10000. */
  readonly width: pulumi.Input<number>;
  /** Height in px, above 0; `locationY + height` at most 10000. */
  readonly height: pulumi.Input<number>;
}

/** The placeholder image's custom render box, for `backgroundRenderMode: 4` (spec §5.13). */
export interface McuBackgroundCustomRenderArgs {
  /** Width in px, above 0 and at most the cell's `imageWidth`. */
  readonly width: pulumi.Input<number>;
  /** Height in px, above 0 and at most the cell's `imageHeight`. */
  readonly height: pulumi.Input<number>;
  /** Corner radius in px, at most min(width, height)/2. Default 0 (square). */
  readonly radius?: pulumi.Input<number>;
}

/** One cell of a custom layout, `mixLayoutMode: 4` (API struct `McuLayout`, spec §5.9). */
export interface McuLayoutArgs {
  /** The user this cell is reserved for. Omit for an anonymous cell, filled in room-entry order. */
  readonly userMediaStream?: pulumi.Input<UserMediaStreamArgs>;
  /** Cell width in px. Default 0. */
  readonly imageWidth?: pulumi.Input<number>;
  /** Cell height in px. Default 0. */
  readonly imageHeight?: pulumi.Input<number>;
  /** Left edge in px. Default 0; `locationX + imageWidth` must fit the canvas width. */
  readonly locationX?: pulumi.Input<number>;
  /** Top edge in px. Default 0; `locationY + imageHeight` must fit the canvas height. */
  readonly locationY?: pulumi.Input<number>;
  /** Stacking layer; higher is on top. Default 0. */
  readonly zOrder?: pulumi.Input<number>;
  /** `0` crop (default), `1` scale and show the background, `2` scale on black. */
  readonly renderMode?: pulumi.Input<number>;
  /** Documented by Tencent as not effective yet. `0xRRGGBB`. */
  readonly backGroundColor?: pulumi.Input<string>;
  /** Placeholder image shown while the user is absent or the camera is off (at most 2K and 5 MB). */
  readonly backgroundImageUrl?: pulumi.Input<string>;
  /** Crop applied to the input stream. */
  readonly customCrop?: pulumi.Input<McuCustomCropArgs>;
  /** Placeholder mode: `0` crop, `1` scale+background, `2` scale+black, `3` stretch (default), `4` custom. */
  readonly backgroundRenderMode?: pulumi.Input<number>;
  /** PNG alpha-mask template (rounded corners, shapes); only with `renderMode: 0`. */
  readonly transparentUrl?: pulumi.Input<string>;
  /** Required with `backgroundRenderMode: 4`. */
  readonly backgroundCustomRender?: pulumi.Input<McuBackgroundCustomRenderArgs>;
  /** Bitmask 0-3, default 0: bit 0 colours the placeholder's bars, bit 1 the video's bars. */
  readonly backGroundColorMode?: pulumi.Input<number>;
  /** China site only: keep this cell's upstream SEI, `1` (default) or `0`. */
  readonly enableStreamSEI?: pulumi.Input<number>;
}
