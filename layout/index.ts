/**
 * `pulumi-trtc-relay/layout`: draw a relay task's video layout as SVG (and PNG through Chromium).
 *
 * @example
 * import { renderLayout } from "pulumi-trtc-relay/layout";
 * const { svg, cells, problems } = renderLayout(args, { users: ["alice", "bob"] });
 */
export { renderLayout, ASSUMED_CANVAS, AUDIO_ONLY_DRAWING } from "./render";
export { svgToPng, ChromiumMissingError, CHROMIUM_PATH, CHROMIUM_ARGS, type PngOptions } from "./png";
export { extractTaskBody, LayoutInputError } from "./input";
export { floatingSlots, gridSlots, screenShareSlots, GRID_BRACKETS, FLOATING, SCREEN_SHARE, MAX_SMALL_WINDOWS } from "./dynamic";
export { MAX_MIXED_STREAMS } from "./problems";
export { escapeText, escapeAttr } from "./svg";
export type {
  CellGeometry,
  CellRole,
  LayoutKind,
  Problem,
  ProblemCode,
  Rect,
  RenderOptions,
  RenderResult,
  StreamKind,
  WatermarkGeometry,
} from "./types";
