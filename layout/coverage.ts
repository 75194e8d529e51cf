/**
 * Rectangle geometry for the problem checks: intersection, and whether a rectangle is completely covered
 * by a union of others. Layouts have at most 16 cells, so exact coordinate compression is cheap.
 */
import type { Rect } from "./types";

/** The overlap of two rectangles, or undefined when they do not overlap with positive area. */
export function intersect(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.w, b.x + b.w);
  const bottom = Math.min(a.y + a.h, b.y + b.h);
  return right > x && bottom > y ? { x, y, w: right - x, h: bottom - y } : undefined;
}

/**
 * True when every point of `target` lies inside at least one of `covers`.
 *
 * The edges of all rectangles split `target` into a grid of slabs; the target is covered exactly when each
 * slab's centre is inside some cover (edges are where coverage can change, so a slab is all-or-nothing).
 */
export function isFullyCovered(target: Rect, covers: ReadonlyArray<Rect>): boolean {
  if (target.w <= 0 || target.h <= 0) return false;
  const clipped = covers.map((c) => intersect(target, c)).filter((c): c is Rect => c !== undefined);
  if (clipped.length === 0) return false;
  const xs = uniqueSorted([target.x, target.x + target.w, ...clipped.flatMap((c) => [c.x, c.x + c.w])]);
  const ys = uniqueSorted([target.y, target.y + target.h, ...clipped.flatMap((c) => [c.y, c.y + c.h])]);
  for (let i = 0; i + 1 < xs.length; i++) {
    const cx = (xs[i] + xs[i + 1]) / 2;
    for (let j = 0; j + 1 < ys.length; j++) {
      const cy = (ys[j] + ys[j + 1]) / 2;
      if (!clipped.some((c) => cx > c.x && cx < c.x + c.w && cy > c.y && cy < c.y + c.h)) return false;
    }
  }
  return true;
}

function uniqueSorted(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
