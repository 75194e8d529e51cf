/**
 * SVG for the things painted on the canvas: one group per cell and per watermark. Each group carries its
 * geometry as data attributes (`data-cell-index`, `data-user-id`, `data-x`, ...) so a browser test can read
 * the layout back from the DOM; coordinates are canvas pixels because the viewBox is the canvas.
 */
import { DYNAMIC_POS_NAMES, PLACEHOLDER_MODE_NAMES, RENDER_MODE_NAMES, modeName, shorten } from "./labels";
import { el, formatNumber as n, type SvgNode } from "./svg";
import type { CellGeometry, WatermarkGeometry } from "./types";

/** Fill colours for cells, one per distinct user in order of appearance (16 = the stream limit). */
export const PALETTE = [
  "#2563eb",
  "#059669",
  "#d97706",
  "#7c3aed",
  "#db2777",
  "#0d9488",
  "#ea580c",
  "#4f46e5",
  "#65a30d",
  "#0891b2",
  "#e11d48",
  "#9333ea",
  "#16a34a",
  "#ca8a04",
  "#0284c7",
  "#c026d3",
];

/** Ids of the shared `<defs>` entries, prefixed per drawing. */
export interface DefIds {
  readonly hatch: string;
  readonly checker: string;
  readonly audio: string;
  clip(cellIndex: number): string;
  watermarkClip(watermarkIndex: number): string;
}

/** Shared text styling: white with a dark outline so labels read on any fill. */
export const LABEL_STYLE = {
  fill: "#ffffff",
  stroke: "#000000",
  "stroke-opacity": 0.55,
  "paint-order": "stroke",
  "stroke-linejoin": "round",
};

function cellTitle(cell: CellGeometry): string {
  if (cell.userId === undefined) return "anonymous cell (no user given to fill it)";
  return cell.byEntryOrder ? `${cell.userId} (anonymous cell, by entry order)` : cell.userId;
}

/** The text lines shown in a cell, most important first (lines that do not fit are cut by the clip path). */
export function cellLines(cell: CellGeometry): string[] {
  const lines = [shorten(cell.userId ?? "anonymous cell", 48)];
  if (cell.userId === undefined) lines.push("no user given to fill it");
  if (cell.byEntryOrder) lines.push("filled by entry order");
  const place =
    cell.role === "big" ? "big picture" : cell.role === "small" ? "small window" : cell.role === "grid" ? "grid cell" : `z ${cell.z}`;
  lines.push(
    cell.role === "single"
      ? `${cell.streamType} · relayed as is, no transcoding`
      : `${cell.streamType} · ${place} · ${modeName(RENDER_MODE_NAMES, cell.renderMode)}`,
  );
  if (cell.roomId !== undefined) lines.push(`room ${shorten(cell.roomId, 40)}`);
  if (cell.audioOnly) lines.push("audio only: no video in this cell");
  // URLs get a line of their own so that shortening one to the cell width never hides what it is for.
  if (cell.placeholderImage)
    lines.push(`placeholder image (${modeName(PLACEHOLDER_MODE_NAMES, cell.placeholderRenderMode ?? 3)}):`, cell.placeholderImage);
  if (cell.transparentTemplate) lines.push("transparent template:", cell.transparentTemplate);
  if (cell.customCrop) {
    const c = cell.customCrop;
    lines.push(`custom crop of the source: ${c.w}×${c.h} at ${c.x},${c.y}`);
  }
  if (cell.customRender) lines.push(`custom render ${cell.customRender.w}×${cell.customRender.h}, radius ${cell.customRender.radius}`);
  return lines;
}

/** Font size for a cell's labels: proportional to the cell, readable on the smallest windows. */
export function cellFontSize(cell: CellGeometry, base: number): number {
  return Math.max(9, Math.min(base, Math.floor(cell.w / 16), Math.floor(cell.h / 5)));
}

/**
 * The cell's text, centred: corners are where watermarks and small windows usually sit. The first line
 * (the user) is larger; a block taller than the cell starts at the top and is cut by the clip path.
 */
function labelBlock(cell: CellGeometry, lines: string[], font: number, pad: number): SvgNode[] {
  const title = Math.round(font * 1.25);
  const step = font * 1.3;
  const height = title + step * (lines.length - 1);
  const top = Math.max(cell.y + pad, cell.y + (cell.h - height) / 2);
  const cx = cell.x + cell.w / 2;
  // DejaVu Sans averages about 0.6 em per character; shortening in the middle keeps file names readable.
  const fit = (line: string, size: number) => shorten(line, Math.max(8, Math.floor((cell.w - 2 * pad) / (size * 0.6))));
  return lines.map((line, i) =>
    el(
      "text",
      {
        x: cx,
        y: top + title + (i === 0 ? 0 : step * i) - font * 0.2,
        "text-anchor": "middle",
        "font-size": i === 0 ? title : font,
        "font-weight": i === 0 ? "bold" : undefined,
      },
      fit(line, i === 0 ? title : font),
    ),
  );
}

/** One cell as an SVG group. `fill` is the user's palette colour. */
export function drawCell(cell: CellGeometry, fill: string, ids: DefIds, baseFont: number): SvgNode {
  const font = cellFontSize(cell, baseFont);
  const pad = Math.max(4, Math.round(font * 0.6));
  const lines = cellLines(cell);
  const render = cell.customRender;
  return el(
    "g",
    {
      class: `cell cell-${cell.role}${cell.audioOnly ? " cell-audio-only" : ""}`,
      "data-cell-index": cell.index,
      "data-user-id": cell.userId ?? "",
      "data-x": cell.x,
      "data-y": cell.y,
      "data-w": cell.w,
      "data-h": cell.h,
      "data-z": cell.z,
      "data-draw-order": cell.drawOrder,
      "data-role": cell.role,
      "data-stream-type": cell.streamType,
      "data-render-mode": cell.renderMode,
      "data-audio-only": String(cell.audioOnly),
      "data-by-entry-order": String(cell.byEntryOrder),
      "data-placeholder": String(cell.placeholderImage !== undefined),
      "data-transparent-template": String(cell.transparentTemplate !== undefined),
    },
    el("title", {}, `${cellTitle(cell)}: ${cell.w}×${cell.h} at ${cell.x},${cell.y}, z ${cell.z}`),
    el(
      "clipPath",
      { id: ids.clip(cell.index) },
      el("rect", { x: cell.x, y: cell.y, width: Math.max(0, cell.w), height: Math.max(0, cell.h) }),
    ),
    el("rect", {
      x: cell.x,
      y: cell.y,
      width: Math.max(0, cell.w),
      height: Math.max(0, cell.h),
      fill: cell.audioOnly ? `url(#${ids.audio})` : fill,
      "fill-opacity": cell.userId === undefined ? 0.45 : 0.9,
      stroke: "#ffffff",
      "stroke-width": 2,
      // Screen-share streams get a dashed border, so camera and screen of one user are told apart.
      "stroke-dasharray": cell.streamType === "screen" ? "10 6" : undefined,
    }),
    cell.transparentTemplate !== undefined &&
      el("rect", {
        x: cell.x + cell.w - 3 * font,
        y: cell.y + cell.h - 3 * font,
        width: 3 * font,
        height: 3 * font,
        fill: `url(#${ids.checker})`,
        class: "transparent-template-mark",
      }),
    render &&
      el("rect", {
        class: "custom-render",
        x: cell.x + (cell.w - render.w) / 2,
        y: cell.y + (cell.h - render.h) / 2,
        width: Math.max(0, render.w),
        height: Math.max(0, render.h),
        rx: render.radius,
        ry: render.radius,
        fill: "none",
        stroke: "#ffffff",
        "stroke-width": 2,
        "stroke-dasharray": "6 4",
      }),
    el(
      "g",
      { "clip-path": `url(#${ids.clip(cell.index)})`, ...LABEL_STYLE, "stroke-width": Math.max(2, font / 6) },
      labelBlock(cell, lines, font, pad),
      el(
        "text",
        { x: cell.x + cell.w - pad, y: cell.y + cell.h - pad, "text-anchor": "end", "font-size": Math.max(9, Math.round(font * 0.85)) },
        `#${cell.index}`,
      ),
    ),
  );
}

/** One watermark as an SVG group: the text itself for text watermarks, a marked box for images. */
export function drawWatermark(wm: WatermarkGeometry, baseFont: number, clipId: string): SvgNode {
  const small = Math.max(10, Math.round(baseFont * 0.7));
  const moving = wm.dynamicPosType !== 0 ? ` · moves (${modeName(DYNAMIC_POS_NAMES, wm.dynamicPosType)})` : "";
  const caption = `${wm.kind} watermark #${wm.index} · ${wm.w}×${wm.h} · z ${wm.z}${moving}`;
  const box = el("rect", {
    x: wm.x,
    y: wm.y,
    width: Math.max(0, wm.w),
    height: Math.max(0, wm.h),
    fill: wm.kind === "text" ? (wm.backgroundColor ?? "none") : "#ffffff",
    "fill-opacity": wm.kind === "text" ? 1 : 0.35,
    stroke: "#ffffff",
    "stroke-width": 2,
    "stroke-dasharray": "4 3",
  });
  const attrs = {
    class: `watermark watermark-${wm.kind}`,
    "data-watermark-index": wm.index,
    "data-kind": wm.kind,
    "data-x": wm.x,
    "data-y": wm.y,
    "data-w": wm.w,
    "data-h": wm.h,
    "data-z": wm.z,
  };
  if (wm.kind === "text") {
    const size = wm.fontSize && wm.fontSize > 0 ? wm.fontSize : small;
    return el(
      "g",
      attrs,
      el("title", {}, `${caption}: ${wm.label}`),
      el("clipPath", { id: clipId }, el("rect", { x: wm.x, y: wm.y, width: Math.max(0, wm.w), height: Math.max(0, wm.h) })),
      box,
      // Only the box is the watermark: text that does not fit is cut, as a fixed-size overlay would be.
      el("text", { x: wm.x, y: wm.y + size, "font-size": size, fill: wm.fontColor ?? "#ffffff", "clip-path": `url(#${clipId})` }, wm.label),
    );
  }
  // The caption goes beside the box: an image watermark is usually too small to hold readable text.
  return el(
    "g",
    attrs,
    el("title", {}, `${caption}: ${wm.label}`),
    box,
    el("path", {
      d: `M${n(wm.x)} ${n(wm.y + wm.h)} L${n(wm.x + wm.w / 2)} ${n(wm.y + wm.h / 3)} L${n(wm.x + wm.w)} ${n(wm.y + wm.h)}`,
      fill: "none",
      stroke: "#ffffff",
      "stroke-width": 2,
    }),
    el(
      "g",
      { "font-size": small, ...LABEL_STYLE, "stroke-width": 3 },
      el("text", { x: wm.x + wm.w + 8, y: wm.y + small }, caption),
      el("text", { x: wm.x + wm.w + 8, y: wm.y + small * 2.3 }, wm.label),
    ),
  );
}
