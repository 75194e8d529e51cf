/**
 * The data the layout renderer produces: where each mixed stream lands on the output canvas, and what is
 * wrong with the layout. Coordinates are TRTC output pixels, origin top-left, exactly as the API uses them.
 */

/** An axis-aligned rectangle in canvas pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** `UserMediaStream.StreamType`: 0 is the camera (main) stream, 1 the screen-share (sub) stream. */
export type StreamKind = "camera" | "screen";

/**
 * Why a cell is where it is: a custom-layout entry, the big or a small picture of the floating and
 * screen-sharing layouts, a grid cell, or the whole canvas of a single-stream relay.
 */
export type CellRole = "custom" | "big" | "small" | "grid" | "single";

/** One picture on the canvas. */
export interface CellGeometry extends Rect {
  /** `MixLayoutList` index for custom layouts; arrangement slot (0 = big picture) for dynamic ones. */
  readonly index: number;
  /** The stream's user, or undefined for an anonymous custom cell no known user fills. */
  readonly userId?: string;
  /** True when the cell names no user and was given one by room-entry order (from `opts.users`). */
  readonly byEntryOrder: boolean;
  readonly streamType: StreamKind;
  readonly role: CellRole;
  /** `ZOrder` for custom cells; 0 for a big picture or grid cell, 1 for small windows floating above it. */
  readonly z: number;
  /** Painting order, 0 first: ascending z, ties in list order (later entries paint over earlier ones). */
  readonly drawOrder: number;
  /** `RenderMode` as drawn (0 crop, 1 scale, 2 scale on black; single-stream relays are passed through). */
  readonly renderMode: number;
  /** The user is audio-only (from `opts.audioOnlyUsers`): the cell shows no video. */
  readonly audioOnly: boolean;
  /** `MixUserInfo.RoomId` when given (cross-room mixing). */
  readonly roomId?: string;
  /** Placeholder image (`BackgroundImageUrl`) as a label: scheme, host and path only, never the query. */
  readonly placeholderImage?: string;
  /** `BackgroundRenderMode` of the placeholder image (default 3, stretch) when one is set. */
  readonly placeholderRenderMode?: number;
  /** PNG alpha template (`TransparentUrl`) as a label, query removed. */
  readonly transparentTemplate?: string;
  /** `CustomCrop`, in the source stream's pixels. */
  readonly customCrop?: Rect;
  /** `BackgroundCustomRender`: the rounded rectangle the placeholder is drawn into, centred in the cell. */
  readonly customRender?: { readonly w: number; readonly h: number; readonly radius: number };
}

/** A text or image watermark as placed on the canvas. */
export interface WatermarkGeometry extends Rect {
  /** `WaterMarkList` index. */
  readonly index: number;
  readonly kind: "image" | "text";
  readonly z: number;
  /** Image URL label (query removed) or the watermark text. */
  readonly label: string;
  /** 0 fixed; 1 jumps to a random place every second; 2 bounces along the edges (spec §5.15). */
  readonly dynamicPosType: number;
  readonly fontSize?: number;
  /** CSS colours, already converted from `0xRRGGBB`. */
  readonly fontColor?: string;
  readonly backgroundColor?: string;
}

/** What a {@link Problem} is about. */
export type ProblemCode =
  | "audio-only-task"
  | "layout-unchanged"
  | "missing-video-encode"
  | "cell-off-canvas"
  | "cell-empty"
  | "cell-hidden"
  | "too-many-streams"
  | "watermark-off-canvas"
  | "max-video-user-absent"
  | "screen-share-without-max-video-user"
  | "no-effect"
  | "unreadable-value";

/** Something in the layout that will not look the way its author probably meant. */
export interface Problem {
  readonly code: ProblemCode;
  /** "error": the layout is wrong or will be rejected; "warning": legal but probably unintended. */
  readonly severity: "error" | "warning";
  /** The property at fault, Pulumi style: `videoParams.layoutParams.mixLayoutList[1]`. */
  readonly path: string;
  /** The same property in API style: `VideoParams.LayoutParams.MixLayoutList[1]`. */
  readonly apiPath: string;
  /** One sentence naming the property in camelCase and the rule broken. */
  readonly message: string;
  /** The cell (by {@link CellGeometry.index}) or watermark the problem is drawn on. */
  readonly cellIndex?: number;
  readonly watermarkIndex?: number;
}

/** Options for {@link renderLayout}. */
export interface RenderOptions {
  /** Users in the room, in room-entry order (dynamic layouts and anonymous custom cells are filled from it). */
  readonly users?: ReadonlyArray<string>;
  /** Which of the users publish audio only (they need not also appear in `users`). */
  readonly audioOnlyUsers?: ReadonlyArray<string>;
  /** Prefix for element ids (patterns, clip paths), so several drawings can share one HTML page. */
  readonly idPrefix?: string;
}

/** Which arrangement was drawn ("unchanged": an Update body without videoParams, so nothing to draw). */
export type LayoutKind = "audio-only" | "unchanged" | "single" | "floating" | "screen-share" | "grid" | "custom";

/** What {@link renderLayout} returns. */
export interface RenderResult {
  readonly svg: string;
  readonly cells: CellGeometry[];
  readonly watermarks: WatermarkGeometry[];
  readonly problems: Problem[];
  /** Canvas size in pixels (also the SVG viewBox); `assumed` when VideoEncode did not give it. */
  readonly canvas: { readonly width: number; readonly height: number; readonly assumed: boolean };
  readonly kind: LayoutKind;
  /** Key style detected in the input, so callers can print paths the way the user wrote them. */
  readonly keyStyle: "pulumi" | "api";
}
