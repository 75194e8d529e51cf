/** Video of the mixed stream (API structs `McuVideoParams`, `VideoEncode`, `McuLayoutParams`, spec §5.6-5.8). */
import type * as pulumi from "@pulumi/pulumi";
import type { McuLayoutArgs } from "./layout";
import type { MaxVideoUserArgs } from "./users";
import type { McuWaterMarkParamsArgs } from "./watermark";

/**
 * Output video encoding (API struct `VideoEncode`, spec §5.7). All fields are required when the output has
 * video. For a single-stream relay, give the upstream's real values.
 */
export interface VideoEncodeArgs {
  /** Width in px, 0-1920. */
  readonly width: pulumi.Input<number>;
  /** Height in px, 0-1920. */
  readonly height: pulumi.Input<number>;
  /** Frames per second, 1-60 (international site: 0-60). */
  readonly fps: pulumi.Input<number>;
  /** Bit rate in kbps, 1-10000 (international site: 0-10000). */
  readonly bitRate: pulumi.Input<number>;
  /** Key-frame interval in seconds, 1-5. */
  readonly gop: pulumi.Input<number>;
}

/** Mixing layout (API struct `McuLayoutParams`, spec §5.8). */
export interface McuLayoutParamsArgs {
  /**
   * `1` floating (default), `2` screen sharing, `3` grid — dynamic layouts of the main room only — or `4`
   * custom (`mixLayoutList`, may mix several rooms). At most 16 mixed streams.
   */
  readonly mixLayoutMode?: pulumi.Input<number>;
  /** Dynamic layouts only: `0` audio-only users take no cell (default), `1` they do. */
  readonly pureAudioHoldPlaceMode?: pulumi.Input<number>;
  /** The cells of a custom layout (mode 4 only), at most 16. */
  readonly mixLayoutList?: pulumi.Input<pulumi.Input<McuLayoutArgs>[]>;
  /** The big-picture user of the floating (1) and screen-sharing (2) layouts. */
  readonly maxVideoUser?: pulumi.Input<MaxVideoUserArgs>;
  /** Dynamic layouts: `0` crop, `1` scale, `2` scale with black bars. Default not documented (crop in practice). */
  readonly renderMode?: pulumi.Input<number>;
  /** China site only, dynamic layouts only: keep upstream SEI, `1` keep (default) or `0` drop. */
  readonly enableStreamSEI?: pulumi.Input<number>;
}

/**
 * Video parameters (API struct `McuVideoParams`, spec §5.6). Omit for an audio-only task. Adding or
 * removing it replaces the task (the service cannot switch between audio-only and video); any change of
 * its contents is an in-place update that sends the whole object.
 */
export interface McuVideoParamsArgs {
  /** Output encoding. Required for audio+video output. */
  readonly videoEncode?: pulumi.Input<VideoEncodeArgs>;
  /** The mixing layout. */
  readonly layoutParams?: pulumi.Input<McuLayoutParamsArgs>;
  /** Canvas colour as `0xRRGGBB`, e.g. `0x000000`. Default not documented (black in practice). */
  readonly backGroundColor?: pulumi.Input<string>;
  /** Canvas background image URL (png/jpg/jpeg, at most 2K and 5 MB); wins over `backGroundColor`. */
  readonly backgroundImageUrl?: pulumi.Input<string>;
  /** Image or text watermarks. Removing the list sends `[]`, which removes every watermark. */
  readonly waterMarkList?: pulumi.Input<pulumi.Input<McuWaterMarkParamsArgs>[]>;
  /** Background image mode: `0` crop, `1` scale with black bars, `2` stretch (default). */
  readonly backgroundRenderMode?: pulumi.Input<number>;
}
