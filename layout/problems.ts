/**
 * What is visibly wrong with a layout once its cells are placed: cells outside the canvas or fully buried
 * under later cells, too many mixed streams, watermarks outside the canvas.
 *
 * Where a fact is also a request rule (cells inside the canvas, at most 16 streams), the rule and the limit
 * come from the shared schema table (trtc/schema/) rather than being restated here, and such
 * problems are errors. The rest (buried cells, empty cells, watermarks past the edge, too many users in
 * the room for a dynamic layout) are about the picture, not the request, and are computed from the cells
 * as placed so the drawing can mark the exact rectangle.
 */
import { formatPath } from "../trtc/casing";
import { noEffectNotices } from "../trtc/schema/rules/no-effect";
import { MAX_MIXED_STREAMS } from "../trtc/schema/audio";
import { cellsInsideCanvas } from "../trtc/schema/rules/layout";
import { intersect, isFullyCovered } from "./coverage";
import type { CellGeometry, Problem, ProblemCode, Rect, WatermarkGeometry } from "./types";

/** A step of a property path: a key in API (PascalCase) spelling, or a list index. */
export type PathPart = string | number;

/** At most 16 input streams are mixed (spec §2.2(6), §5.8); audio-only users count too. */
export { MAX_MIXED_STREAMS };

/** Builds a problem whose message starts with the camelCase property path. */
export function problemAt(
  code: ProblemCode,
  severity: Problem["severity"],
  path: ReadonlyArray<PathPart>,
  rule: string,
  on: { cellIndex?: number; watermarkIndex?: number } = {},
): Problem {
  const pulumiPath = formatPath(path, "pulumi");
  return {
    code,
    severity,
    path: pulumiPath,
    apiPath: formatPath(path, "api"),
    message: pulumiPath ? `${pulumiPath}: ${rule}` : rule,
    ...on,
  };
}

const CELL_LIST: PathPart[] = ["VideoParams", "LayoutParams", "MixLayoutList"];
const LAYOUT: PathPart[] = ["VideoParams", "LayoutParams"];

/** Where a cell comes from in the body: its `MixLayoutList` entry, or the layout parameters for dynamic cells. */
export function cellPath(cell: CellGeometry): PathPart[] {
  return cell.role === "custom" ? [...CELL_LIST, cell.index] : cell.role === "single" ? ["SingleSubscribeParams"] : LAYOUT;
}

function who(cell: CellGeometry): string {
  return cell.userId === undefined ? `anonymous cell ${cell.index}` : `${cell.userId}'s ${cell.streamType} cell`;
}

/** Custom cells of zero size: ImageWidth and ImageHeight default to 0, so a forgotten size draws nothing. */
export function emptyCellProblems(cells: ReadonlyArray<CellGeometry>): Problem[] {
  return cells
    .filter((cell) => cell.w <= 0 || cell.h <= 0)
    .map((cell) =>
      problemAt(
        "cell-empty",
        "warning",
        cellPath(cell),
        `imageWidth × imageHeight is ${cell.w} × ${cell.h}, so ${who(cell)} shows nothing (both default to 0)`,
        {
          cellIndex: cell.index,
        },
      ),
    );
}

/**
 * Custom cells reaching past the canvas, by the shared request rule (`cells-inside-canvas`, run on the API
 * body), one problem per cell. Negative offsets are the schema's (they are not unsigned integers) but are
 * named here too, because the drawing cannot show such a cell whole.
 */
export function offCanvasProblems(
  apiBody: Record<string, unknown>,
  cells: ReadonlyArray<CellGeometry>,
  canvas: { width: number; height: number },
): Problem[] {
  const rules = new Map<number, string[]>();
  const add = (index: number, rule: string) => rules.set(index, [...(rules.get(index) ?? []), rule]);
  for (const cell of cells) {
    if (cell.role !== "custom") continue;
    if (cell.x < 0) add(cell.index, `locationX (${cell.x}) is negative`);
    if (cell.y < 0) add(cell.index, `locationY (${cell.y}) is negative`);
  }
  cellsInsideCanvas.check(
    apiBody,
    (path, rule) => {
      const index = path[path.length - 1];
      if (typeof index === "number") add(index, rule);
    },
    { site: "cn" },
  );
  const frame: Rect = { x: 0, y: 0, w: canvas.width, h: canvas.height };
  const out: Problem[] = [];
  for (const cell of cells) {
    const broken = cell.role === "custom" ? rules.get(cell.index) : undefined;
    if (!broken) continue;
    const tail = cell.w > 0 && cell.h > 0 && !intersect(cell, frame) ? `; ${who(cell)} is entirely off the canvas` : "";
    out.push(problemAt("cell-off-canvas", "error", cellPath(cell), broken.join(" and ") + tail, { cellIndex: cell.index }));
  }
  return out;
}

/**
 * Cells whose visible part is completely covered by cells painted after them. A cell with a transparent
 * template (`TransparentUrl`) lets what is beneath show through, so it does not count as covering.
 */
export function hiddenCellProblems(cells: ReadonlyArray<CellGeometry>, canvas: { width: number; height: number }): Problem[] {
  const frame: Rect = { x: 0, y: 0, w: canvas.width, h: canvas.height };
  const out: Problem[] = [];
  for (const cell of cells) {
    const visible = intersect(cell, frame);
    if (!visible) continue;
    const above = cells.filter((c) => c.drawOrder > cell.drawOrder && c.transparentTemplate === undefined);
    if (!isFullyCovered(visible, above)) continue;
    const coverers = above.filter((c) => intersect(visible, c)).map((c) => `${c.userId ?? `cell ${c.index}`} (zOrder ${c.z})`);
    out.push(
      problemAt(
        "cell-hidden",
        "warning",
        cellPath(cell),
        `${who(cell)} (zOrder ${cell.z}) is completely covered by ${coverers.join(", ")} painted above it`,
        {
          cellIndex: cell.index,
        },
      ),
    );
  }
  return out;
}

/** More than {@link MAX_MIXED_STREAMS} streams; `dropped` names what will not be mixed, when known. */
export function tooManyStreams(count: number, path: ReadonlyArray<PathPart>, what: string, dropped: ReadonlyArray<string> = []): Problem {
  const tail = dropped.length ? `; not mixed: ${dropped.join(", ")}` : "";
  return problemAt(
    "too-many-streams",
    "error",
    path,
    `${count} ${what}, but at most ${MAX_MIXED_STREAMS} streams are mixed (audio-only users count)${tail}`,
  );
}

/** Watermarks reaching outside the canvas. */
export function watermarkProblems(marks: ReadonlyArray<WatermarkGeometry>, canvas: { width: number; height: number }): Problem[] {
  const out: Problem[] = [];
  for (const wm of marks) {
    const key = wm.kind === "text" ? "WaterMarkText" : "WaterMarkImage";
    const rules: string[] = [];
    if (wm.x < 0 || wm.y < 0) rules.push(`locationX/locationY (${wm.x}, ${wm.y}) must not be negative`);
    if (wm.x + wm.w > canvas.width) rules.push(`locationX + waterMarkWidth (${wm.x + wm.w}) exceeds videoEncode.width (${canvas.width})`);
    if (wm.y + wm.h > canvas.height)
      rules.push(`locationY + waterMarkHeight (${wm.y + wm.h}) exceeds videoEncode.height (${canvas.height})`);
    if (rules.length) {
      out.push(
        problemAt("watermark-off-canvas", "warning", ["VideoParams", "WaterMarkList", wm.index, key], rules.join(" and "), {
          watermarkIndex: wm.index,
        }),
      );
    }
  }
  return out;
}

/** The parts of a body the picture is about; no-effect notices elsewhere (recording, SEI) are not its business. */
const PICTURED = new Set(["VideoParams", "AudioParams"]);

/**
 * Layout and audio fields that are present but have no effect where they are, by the shared no-effect
 * table (trtc/schema/rules/no-effect.ts): warnings, since Tencent accepts them, e.g.
 * `videoParams.layoutParams.maxVideoUser: has no effect: it only takes effect with mixLayoutMode 1 …`.
 */
export function noEffectProblems(apiBody: Record<string, unknown>): Problem[] {
  return noEffectNotices(apiBody)
    .filter((n) => PICTURED.has(String(n.path[0])))
    .map((n) => problemAt("no-effect", "warning", n.path, n.rule));
}
