/**
 * `renderLayout`: a StartPublishCdnStream body in, a picture of its video layout out.
 *
 * Pure: no I/O, no clock, no randomness; the same input always gives the same SVG. It reads only the
 * layout-related parameters, so push URLs and UserSigs never reach the drawing.
 */
import { arrangeCustom, arrangeSingle } from "./arrange-custom";
import { arrangeDynamic } from "./arrange-dynamic";
import { drawLayout } from "./draw";
import { emptyCellProblems, hiddenCellProblems, noEffectProblems, offCanvasProblems, problemAt, watermarkProblems } from "./problems";
import { readLayout, type LayoutModel } from "./read";
import type { CellGeometry, LayoutKind, Problem, RenderOptions, RenderResult } from "./types";

/** Canvas drawn when VideoEncode does not say (a common 16:9 output size). */
export const ASSUMED_CANVAS = { width: 1280, height: 720 } as const;

/** Size of the notice drawn for an audio-only task, which has no canvas of its own. */
export const AUDIO_ONLY_DRAWING = { width: 640, height: 360 } as const;

function canvasOf(model: LayoutModel): { width: number; height: number; assumed: boolean } {
  if (model.encodeSize) return { ...model.encodeSize, assumed: false };
  // Without VideoEncode the custom cells themselves are the best guess of the intended canvas.
  const right = Math.max(0, ...model.customCells.map((c) => c.x + c.w));
  const bottom = Math.max(0, ...model.customCells.map((c) => c.y + c.h));
  return model.mode === 4 && right > 0 && bottom > 0
    ? { width: right, height: bottom, assumed: true }
    : { ...ASSUMED_CANVAS, assumed: true };
}

function noVideo(model: LayoutModel, idPrefix: string): RenderResult {
  const problems = [
    ...model.notes,
    ...noEffectProblems(model.apiBody),
    model.isUpdate
      ? problemAt(
          "layout-unchanged",
          "warning",
          ["VideoParams"],
          "is omitted, so the update leaves the video layout unchanged and there is nothing to draw",
        )
      : problemAt(
          "audio-only-task",
          "warning",
          ["VideoParams"],
          "is absent, so the task relays audio only and has no video canvas or layout to draw",
        ),
  ];
  const canvas = { ...AUDIO_ONLY_DRAWING, assumed: true };
  const kind = model.isUpdate ? "unchanged" : "audio-only";
  const svg = drawLayout({
    canvas,
    kind,
    backgroundColour: "#1f2937",
    backgroundRenderMode: 2,
    cells: [],
    watermarks: [],
    problems,
    notice: model.isUpdate ? "Update without videoParams: layout unchanged" : "Audio-only task: no video canvas",
    idPrefix,
  });
  return { svg, cells: [], watermarks: [], problems, canvas, kind, keyStyle: model.keyStyle };
}

/**
 * Draws the layout of a StartPublishCdnStream (or UpdatePublishCdnStream) body, given in Pulumi camelCase
 * or API PascalCase. Returns the SVG, each cell's geometry, each watermark's, and the problems found
 * (also drawn: red outline and hatching on the cell, or a red frame for canvas-wide ones).
 *
 * @example
 * const { svg, cells, problems } = renderLayout(body, { users: ["alice", "bob", "carol"] });
 * @throws TypeError when `params` is not an object.
 */
export function renderLayout(params: unknown, opts: RenderOptions = {}): RenderResult {
  const model = readLayout(params);
  const idPrefix = opts.idPrefix ?? "trtc";
  if (!model.hasVideo) return noVideo(model, idPrefix);

  const audioOnlyUsers = opts.audioOnlyUsers ?? [];
  const canvas = canvasOf(model);
  const problems: Problem[] = [...model.notes];
  if (canvas.assumed) {
    // An update that omits VideoEncode keeps the running task's canvas (spec §3): unknown here, not wrong.
    const [severity, rule] = model.isUpdate
      ? (["warning", "is omitted, so the update keeps the running task's canvas size, which this body does not say"] as const)
      : (["error", "width and height are required for video output"] as const);
    problems.push(
      problemAt(
        "missing-video-encode",
        severity,
        ["VideoParams", "VideoEncode"],
        `${rule}; drawn on an assumed ${canvas.width}×${canvas.height} canvas`,
      ),
    );
  }

  let kind: LayoutKind;
  let cells: CellGeometry[];
  let notice: string | undefined;
  if (model.withTranscoding === 0) {
    kind = "single";
    cells = arrangeSingle(model, canvas, audioOnlyUsers);
  } else if (model.mode === 4) {
    kind = "custom";
    const arranged = arrangeCustom(model, opts.users ?? [], audioOnlyUsers);
    cells = arranged.cells;
    problems.push(...arranged.problems);
  } else {
    let mode = model.mode;
    if (mode !== 1 && mode !== 2 && mode !== 3) {
      problems.push(
        problemAt(
          "unreadable-value",
          "warning",
          ["VideoParams", "LayoutParams", "MixLayoutMode"],
          `must be 1, 2, 3 or 4 (got ${mode}); drawn as 1 (floating)`,
        ),
      );
      mode = 1;
    }
    const arranged = arrangeDynamic(model, mode as 1 | 2 | 3, canvas, opts.users, audioOnlyUsers);
    kind = arranged.kind;
    cells = arranged.cells;
    problems.push(...arranged.problems);
    if (cells.length === 0) notice = `${kind} layout: no users to place (pass opts.users or --users)`;
  }

  problems.push(
    ...emptyCellProblems(cells),
    ...offCanvasProblems(model.apiBody, cells, canvas),
    ...hiddenCellProblems(cells, canvas),
    ...watermarkProblems(model.watermarks, canvas),
    ...noEffectProblems(model.apiBody),
  );
  const svg = drawLayout({
    canvas,
    kind,
    backgroundColour: model.backgroundColour,
    backgroundImage: model.backgroundImage,
    backgroundRenderMode: model.backgroundRenderMode,
    cells,
    watermarks: model.watermarks,
    problems,
    notice,
    idPrefix,
  });
  return { svg, cells, watermarks: model.watermarks, problems, canvas, kind, keyStyle: model.keyStyle };
}
