/**
 * Cells of a custom layout (MixLayoutMode 4) and of a single-stream relay (WithTranscoding 0).
 *
 * A custom cell that names no user is anonymous: Tencent fills it with users in room-entry order
 * (spec §5.9), skipping users another cell names. When `opts.users` is given the drawing does the same,
 * so the reader sees who would appear where.
 */
import type { CustomCellSpec, LayoutModel } from "./read";
import { MAX_MIXED_STREAMS, tooManyStreams } from "./problems";
import type { CellGeometry, Problem } from "./types";

/** Painting order: ascending ZOrder, ties by list order (a later entry paints over an earlier one). */
export function paintingOrder(specs: ReadonlyArray<{ readonly index: number; readonly z: number }>): Map<number, number> {
  const sorted = [...specs].sort((a, b) => a.z - b.z || a.index - b.index);
  return new Map(sorted.map((s, order) => [s.index, order]));
}

function streamKey(userId: string | undefined, spec: CustomCellSpec): string {
  return userId === undefined ? `#anonymous-${spec.index}` : `${userId}/${spec.streamType}/${spec.roomId ?? ""}`;
}

/** Places every `MixLayoutList` entry where it says, filling anonymous cells by entry order. */
export function arrangeCustom(
  model: LayoutModel,
  users: ReadonlyArray<string>,
  audioOnlyUsers: ReadonlyArray<string>,
): { cells: CellGeometry[]; problems: Problem[] } {
  const audioOnly = new Set(audioOnlyUsers);
  const named = new Set(model.customCells.map((c) => c.userId).filter((u): u is string => u !== undefined));
  const waiting = [...new Set(users)].filter((u) => !named.has(u));
  const order = paintingOrder(model.customCells);

  const cells = model.customCells.map((spec): CellGeometry => {
    const filled = spec.userId === undefined ? waiting.shift() : undefined;
    const userId = spec.userId ?? filled;
    return {
      index: spec.index,
      x: spec.x,
      y: spec.y,
      w: spec.w,
      h: spec.h,
      userId,
      byEntryOrder: filled !== undefined,
      streamType: spec.streamType,
      role: "custom",
      z: spec.z,
      drawOrder: order.get(spec.index) ?? spec.index,
      renderMode: spec.renderMode,
      audioOnly: userId !== undefined && audioOnly.has(userId),
      roomId: spec.roomId,
      placeholderImage: spec.placeholderImage,
      placeholderRenderMode: spec.placeholderRenderMode,
      transparentTemplate: spec.transparentTemplate,
      customCrop: spec.customCrop,
      customRender: spec.customRender,
    };
  });

  // Every cell is an input stream (a placeholder-only cell counts, spec §2.2(6)); so is every audio-only or
  // whitelisted user whose audio is mixed without a cell.
  const streams = new Set(cells.map((c, i) => streamKey(c.userId, model.customCells[i])));
  const inCells = new Set(cells.map((c) => c.userId));
  const audioExtra = [...new Set([...audioOnlyUsers, ...model.audioSubscribers])].filter((u) => !inCells.has(u));
  const total = streams.size + audioExtra.length;
  const problems: Problem[] = [];
  if (total > MAX_MIXED_STREAMS) {
    const what = audioExtra.length ? `streams (${streams.size} layout cells and ${audioExtra.length} audio-only users)` : "layout cells";
    problems.push(tooManyStreams(total, ["VideoParams", "LayoutParams", "MixLayoutList"], what));
  }
  return { cells, problems };
}

/** A relay without transcoding passes one user's stream through: it is the whole canvas. */
export function arrangeSingle(
  model: LayoutModel,
  canvas: { width: number; height: number },
  audioOnlyUsers: ReadonlyArray<string>,
): CellGeometry[] {
  const userId = model.single?.userId;
  return [
    {
      index: 0,
      x: 0,
      y: 0,
      w: canvas.width,
      h: canvas.height,
      userId,
      byEntryOrder: false,
      streamType: model.single?.streamType ?? "camera",
      role: "single",
      z: 0,
      drawOrder: 0,
      renderMode: 0,
      audioOnly: userId !== undefined && audioOnlyUsers.includes(userId),
      roomId: model.single?.roomId,
    },
  ];
}
