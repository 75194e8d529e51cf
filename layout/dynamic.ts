/**
 * The three dynamic layouts Tencent arranges by itself (MixLayoutMode 1 floating, 2 screen sharing,
 * 3 grid), reproduced from the documented description (spec §5.8). Tencent publishes the shapes but not
 * pixel values, so the exact proportions below are this package's choice, stated here once:
 *
 * - Floating: the first stream fills the canvas; up to 15 small windows of 1/5 × 1/5 of the canvas float
 *   above it, 4 to a row, in rows filled from the bottom-left upward (4 rows at most), spaced evenly so four
 *   windows and five equal gaps span the width and four rows and five gaps the height.
 * - Grid: equal cells, sized by the bracket the number of streams falls in — 1 → 1×1, 2 → 2×1, 3–4 → 2×2,
 *   5–6 → 3×2, 7–9 → 3×3, 10–16 → 4×4 (columns × rows; swapped on a portrait canvas). Cells keep their
 *   bracket size, so pictures only change size when a bracket boundary is crossed; rows are filled left to
 *   right, a partly filled last row is centred, and the occupied rows are centred vertically.
 * - Screen sharing: the big picture on the left; up to 15 small windows of 1/8 × 1/8 of the canvas on the
 *   right, in one column (up to 8 windows) or two (9–15), each filled top to bottom, the column next to the
 *   big picture first. The big picture takes the remaining width.
 */
import type { Rect } from "./types";

/** Floating and screen-sharing layouts show one big picture and at most this many small ones. */
export const MAX_SMALL_WINDOWS = 15;

/** Floating small windows: 4 per row, 4 rows, each 1/5 of the canvas in each dimension. */
export const FLOATING = { perRow: 4, rows: 4, fraction: 1 / 5 } as const;

/** Screen sharing: up to 2 columns of up to 8 small windows, each 1/8 of the canvas in each dimension. */
export const SCREEN_SHARE = { perColumn: 8, columns: 2, fraction: 1 / 8 } as const;

/** Grid brackets: up to `max` streams use `columns` × `rows` equal cells (landscape canvas). */
export const GRID_BRACKETS: ReadonlyArray<{ readonly max: number; readonly columns: number; readonly rows: number }> = [
  { max: 1, columns: 1, rows: 1 },
  { max: 2, columns: 2, rows: 1 },
  { max: 4, columns: 2, rows: 2 },
  { max: 6, columns: 3, rows: 2 },
  { max: 9, columns: 3, rows: 3 },
  { max: 16, columns: 4, rows: 4 },
];

/** A canvas size in pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Slots for `count` streams in the floating layout: slot 0 is the full-canvas picture. */
export function floatingSlots(canvas: Size, count: number): Rect[] {
  if (count <= 0) return [];
  const { width: W, height: H } = canvas;
  const w = Math.round(W * FLOATING.fraction);
  const h = Math.round(H * FLOATING.fraction);
  const gapX = (W - FLOATING.perRow * w) / (FLOATING.perRow + 1);
  const gapY = (H - FLOATING.rows * h) / (FLOATING.rows + 1);
  const slots: Rect[] = [{ x: 0, y: 0, w: W, h: H }];
  for (let i = 0; i < Math.min(count - 1, MAX_SMALL_WINDOWS); i++) {
    const row = Math.floor(i / FLOATING.perRow);
    const col = i % FLOATING.perRow;
    slots.push({ x: Math.round(gapX + col * (w + gapX)), y: Math.round(H - (row + 1) * (h + gapY)), w, h });
  }
  return slots;
}

/** Slots for `count` streams (1–16) in the grid layout, in fill order. */
export function gridSlots(canvas: Size, count: number): Rect[] {
  if (count <= 0) return [];
  const bracket = GRID_BRACKETS.find((b) => count <= b.max) ?? GRID_BRACKETS[GRID_BRACKETS.length - 1];
  const portrait = canvas.height > canvas.width;
  const columns = portrait ? bracket.rows : bracket.columns;
  const rows = portrait ? bracket.columns : bracket.rows;
  const n = Math.min(count, columns * rows);
  const w = Math.floor(canvas.width / columns);
  const h = Math.floor(canvas.height / rows);
  const usedRows = Math.ceil(n / columns);
  const top = (canvas.height - usedRows * h) / 2;
  const slots: Rect[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / columns);
    const inRow = row === usedRows - 1 ? n - row * columns : columns;
    const left = (canvas.width - inRow * w) / 2;
    slots.push({ x: Math.round(left + (i % columns) * w), y: Math.round(top + row * h), w, h });
  }
  return slots;
}

/** Slots for `count` streams in the screen-sharing layout: slot 0 is the big picture on the left. */
export function screenShareSlots(canvas: Size, count: number): Rect[] {
  if (count <= 0) return [];
  const { width: W, height: H } = canvas;
  const smalls = Math.min(count - 1, MAX_SMALL_WINDOWS);
  const w = Math.round(W * SCREEN_SHARE.fraction);
  const h = Math.round(H * SCREEN_SHARE.fraction);
  const columns = Math.ceil(smalls / SCREEN_SHARE.perColumn);
  const slots: Rect[] = [{ x: 0, y: 0, w: W - columns * w, h: H }];
  for (let i = 0; i < smalls; i++) {
    const col = Math.floor(i / SCREEN_SHARE.perColumn);
    const row = i % SCREEN_SHARE.perColumn;
    slots.push({ x: W - (columns - col) * w, y: row * h, w, h });
  }
  return slots;
}
