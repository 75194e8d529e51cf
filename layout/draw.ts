/**
 * Assembles the SVG document: canvas background, cells and watermarks in painting order, then an overlay
 * that marks every problem (red outline and hatching) so it is visible even when the cell is buried.
 */
import { CANVAS_IMAGE_MODE_NAMES, modeName, shorten } from "./labels";
import { LABEL_STYLE, PALETTE, drawCell, drawWatermark, type DefIds } from "./draw-items";
import { el, serialize, type SvgNode } from "./svg";
import type { CellGeometry, LayoutKind, Problem, Rect, WatermarkGeometry } from "./types";

/** What {@link drawLayout} needs. */
export interface DrawInput {
  readonly canvas: { readonly width: number; readonly height: number; readonly assumed: boolean };
  readonly kind: LayoutKind;
  readonly backgroundColour: string;
  readonly backgroundImage?: string;
  readonly backgroundRenderMode: number;
  readonly cells: ReadonlyArray<CellGeometry>;
  readonly watermarks: ReadonlyArray<WatermarkGeometry>;
  readonly problems: ReadonlyArray<Problem>;
  /** A sentence shown in the middle of an otherwise empty canvas (audio-only task, no users given). */
  readonly notice?: string;
  readonly idPrefix: string;
}

const RED = "#ff1744";

function defIds(prefix: string): DefIds {
  const safe = prefix.replace(/[^A-Za-z0-9_-]/g, "_") || "trtc";
  return {
    hatch: `${safe}-hatch`,
    checker: `${safe}-checker`,
    audio: `${safe}-audio`,
    clip: (i) => `${safe}-clip-${i}`,
    watermarkClip: (i) => `${safe}-wm-clip-${i}`,
  };
}

function defs(ids: DefIds): SvgNode {
  return el(
    "defs",
    {},
    el(
      "pattern",
      { id: ids.hatch, width: 12, height: 12, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      el("rect", { width: 5, height: 12, fill: RED, "fill-opacity": 0.45 }),
    ),
    el(
      "pattern",
      { id: ids.checker, width: 12, height: 12, patternUnits: "userSpaceOnUse" },
      el("rect", { width: 12, height: 12, fill: "#ffffff" }),
      el("rect", { width: 6, height: 6, fill: "#9ca3af" }),
      el("rect", { x: 6, y: 6, width: 6, height: 6, fill: "#9ca3af" }),
    ),
    el(
      "pattern",
      { id: ids.audio, width: 16, height: 16, patternUnits: "userSpaceOnUse" },
      el("rect", { width: 16, height: 16, fill: "#374151" }),
      el("circle", { cx: 8, cy: 8, r: 2, fill: "#6b7280" }),
    ),
  );
}

function background(input: DrawInput, font: number): SvgNode[] {
  const { width, height } = input.canvas;
  const out: SvgNode[] = [el("rect", { class: "canvas", x: 0, y: 0, width, height, fill: input.backgroundColour })];
  if (input.backgroundImage) {
    const mode = modeName(CANVAS_IMAGE_MODE_NAMES, input.backgroundRenderMode);
    out.push(
      el(
        "g",
        { class: "background-image", "data-background-image": input.backgroundImage },
        el("rect", {
          x: 0,
          y: 0,
          width,
          height,
          fill: "#ffffff",
          "fill-opacity": 0.08,
          stroke: "#ffffff",
          "stroke-width": 4,
          "stroke-dasharray": "16 8",
        }),
        el(
          "text",
          { x: font, y: height - font, "font-size": font, ...LABEL_STYLE, "stroke-width": 3 },
          `background image (${mode}): ${input.backgroundImage}`,
        ),
      ),
    );
  }
  return out;
}

/** Cells and watermarks in one painting order: ascending z, cells before watermarks, then list order. */
function paintOrder(cells: ReadonlyArray<CellGeometry>, marks: ReadonlyArray<WatermarkGeometry>) {
  type Item = { z: number; kind: number; order: number; cell?: CellGeometry; mark?: WatermarkGeometry };
  const items: Item[] = [
    ...cells.map((c) => ({ z: c.z, kind: 0, order: c.drawOrder, cell: c })),
    ...marks.map((w) => ({ z: w.z, kind: 1, order: w.index, mark: w })),
  ];
  return items.sort((a, b) => a.z - b.z || a.kind - b.kind || a.order - b.order);
}

function problemRect(p: Problem, input: DrawInput): Rect | undefined {
  if (p.cellIndex !== undefined) return input.cells.find((c) => c.index === p.cellIndex);
  if (p.watermarkIndex !== undefined) return input.watermarks.find((w) => w.index === p.watermarkIndex);
  return undefined;
}

function overlay(input: DrawInput, ids: DefIds, font: number): SvgNode[] {
  const { width, height } = input.canvas;
  const marks: SvgNode[] = [];
  const canvasWide = input.problems.filter((p) => p.severity === "error" && problemRect(p, input) === undefined);
  if (canvasWide.length) {
    marks.push(
      el("rect", {
        class: "problem-frame",
        x: 3,
        y: 3,
        width: width - 6,
        height: height - 6,
        fill: "none",
        stroke: RED,
        "stroke-width": 6,
        "stroke-dasharray": "18 8",
      }),
    );
  }
  input.problems.forEach((p, i) => {
    const r = problemRect(p, input);
    if (!r) return;
    // Clamp to the canvas so a cell hanging off an edge still shows a visible marker on that edge.
    const x = Math.min(Math.max(r.x, 0), width - 8);
    const y = Math.min(Math.max(r.y, 0), height - 8);
    const w = Math.max(8, Math.min(r.x + r.w, width) - x);
    const h = Math.max(8, Math.min(r.y + r.h, height) - y);
    marks.push(
      el(
        "g",
        {
          class: `problem problem-${p.code}`,
          "data-problem-index": i,
          "data-problem-code": p.code,
          "data-cell-index": p.cellIndex,
          "data-watermark-index": p.watermarkIndex,
        },
        el("title", {}, p.message),
        el("rect", {
          x,
          y,
          width: w,
          height: h,
          fill: `url(#${ids.hatch})`,
          stroke: RED,
          "stroke-width": 4,
          "stroke-dasharray": p.code === "cell-hidden" ? "12 6" : undefined,
        }),
      ),
    );
  });
  if (input.problems.length) {
    const size = Math.max(10, Math.round(font * 0.8));
    const shown = input.problems.slice(0, 5);
    const lines = shown.map(
      (p) => `${p.severity === "error" ? "✖" : "⚠"} ${shorten(p.message, Math.max(30, Math.floor(width / (size * 0.55))))}`,
    );
    if (input.problems.length > shown.length) lines.push(`… and ${input.problems.length - shown.length} more`);
    const boxH = size * 1.35 * lines.length + size;
    marks.push(
      el(
        "g",
        { class: "problem-list", "font-size": size },
        el("rect", { x: 0, y: height - boxH, width, height: boxH, fill: "#000000", "fill-opacity": 0.7 }),
        lines.map((line, i) =>
          el(
            "text",
            {
              x: size / 2,
              y: height - boxH + size * 1.35 * (i + 1),
              fill: i < shown.length && shown[i].severity === "error" ? "#ff8a80" : "#ffe082",
            },
            line,
          ),
        ),
      ),
    );
  }
  return marks;
}

/** Serialises the whole drawing. The viewBox is the canvas, so SVG user units are TRTC pixels. */
export function drawLayout(input: DrawInput): string {
  const { width, height } = input.canvas;
  const ids = defIds(input.idPrefix);
  const font = Math.max(12, Math.round(Math.min(width, height) / 36));
  const colours = new Map<string, string>();
  const colourOf = (c: CellGeometry): string => {
    const key = c.userId ?? `#${c.index}`;
    if (!colours.has(key)) colours.set(key, PALETTE[colours.size % PALETTE.length]);
    return colours.get(key)!;
  };
  const painted = paintOrder(input.cells, input.watermarks).map((item) =>
    item.cell ? drawCell(item.cell, colourOf(item.cell), ids, font) : drawWatermark(item.mark!, font, ids.watermarkClip(item.mark!.index)),
  );
  const summary = `${input.kind} layout, ${width}×${height}${input.canvas.assumed ? " (assumed)" : ""}, ${input.cells.length} cells, ${input.problems.length} problems`;
  const root = el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      "font-family": "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif",
      "data-layout-kind": input.kind,
      "data-canvas-width": width,
      "data-canvas-height": height,
      "data-canvas-assumed": String(input.canvas.assumed),
    },
    el("title", {}, summary),
    input.problems.length > 0 && el("desc", {}, input.problems.map((p) => p.message).join("\n")),
    defs(ids),
    background(input, font),
    el("g", { class: "cells" }, painted),
    input.notice &&
      el(
        "text",
        { class: "notice", x: width / 2, y: height / 2, "text-anchor": "middle", "font-size": font, ...LABEL_STYLE, "stroke-width": 3 },
        input.notice,
      ),
    el("g", { class: "problems" }, overlay(input, ids, font)),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}\n`;
}
