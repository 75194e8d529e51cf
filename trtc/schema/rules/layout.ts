/** Rules about the video canvas and its cells (spec §2.2(6)–(8), (12), §5.8, §5.9, §5.12, §5.13). */
import { MAX_MIXED_STREAMS } from "../audio";
import { MAX_CROP } from "../layout";
import { type Rule, type Json, type Path, arr, at, has, int, obj, perRun, str } from "./model";

const LAYOUT: Path = ["VideoParams", "LayoutParams"];
const CELLS: Path = [...LAYOUT, "MixLayoutList"];

/** The layout mode in force: the given one, else the documented default 1 (floating). */
const modeOf = (layout: Json | undefined): number | undefined => (layout?.MixLayoutMode === undefined ? 1 : int(layout.MixLayoutMode));

/** Each cell as an object, with its index (malformed cells are the schema's business). */
const cells = perRun(
  (body: Json): ReadonlyArray<readonly [Json, number]> =>
    arr(at(body, ...CELLS)).flatMap((c, i): Array<[Json, number]> => (obj(c) ? [[obj(c) as Json, i]] : [])),
);

/** Start with video must say how to encode it (the VideoEncode fields are "required when outputting video"). */
export const startVideoNeedsEncode: Rule = {
  id: "start-video-needs-encode",
  source: "spec §2.1, §5.7",
  summary: "Start with videoParams needs videoParams.videoEncode (omit videoParams for audio only).",
  check(body, report) {
    const video = obj(body.VideoParams);
    if (video && !has(video, "VideoEncode")) {
      report(["VideoParams", "VideoEncode"], "is required when videoParams is given (omit videoParams for an audio-only task)", "missing");
    }
  },
};

/** Cells must lie on the canvas; only checkable when the canvas size is in the same request. */
export const cellsInsideCanvas: Rule = {
  id: "cells-inside-canvas",
  source: "spec §2.2(7), §5.9",
  summary: "locationX + imageWidth ≤ videoEncode.width and locationY + imageHeight ≤ videoEncode.height.",
  check(body, report) {
    const encode = obj(at(body, "VideoParams", "VideoEncode"));
    const width = int(encode?.Width);
    const height = int(encode?.Height);
    for (const [cell, i] of cells(body)) {
      const x = (int(cell.LocationX) ?? 0) + (int(cell.ImageWidth) ?? 0);
      const y = (int(cell.LocationY) ?? 0) + (int(cell.ImageHeight) ?? 0);
      if (width !== undefined && x > width) report([...CELLS, i], `locationX + imageWidth (${x}) exceeds videoEncode.width (${width})`);
      if (height !== undefined && y > height)
        report([...CELLS, i], `locationY + imageHeight (${y}) exceeds videoEncode.height (${height})`);
    }
  },
};

/** Custom placeholder rendering needs its box, and the box must fit in the cell. */
export const customRenderBox: Rule = {
  id: "custom-render-box",
  source: "spec §2.2(8), §5.13",
  summary: "backgroundRenderMode 4 needs backgroundCustomRender, whose width/height fit the cell and radius ≤ min(width, height)/2.",
  check(body, report) {
    for (const [cell, i] of cells(body)) {
      const box = obj(cell.BackgroundCustomRender);
      const path = [...CELLS, i, "BackgroundCustomRender"];
      if (int(cell.BackgroundRenderMode) === 4 && !has(cell, "BackgroundCustomRender")) {
        report(path, "is required when backgroundRenderMode is 4 (custom render)", "missing");
      }
      if (!box) continue;
      const [w, h, r] = [int(box.Width), int(box.Height), int(box.Radius)];
      const [cw, ch] = [int(cell.ImageWidth), int(cell.ImageHeight)];
      if (w !== undefined && cw !== undefined && w > cw) report([...path, "Width"], `(${w}) exceeds the cell's imageWidth (${cw})`);
      if (h !== undefined && ch !== undefined && h > ch) report([...path, "Height"], `(${h}) exceeds the cell's imageHeight (${ch})`);
      if (r !== undefined && w !== undefined && h !== undefined && r * 2 > Math.min(w, h)) {
        report([...path, "Radius"], `(${r}) exceeds half of min(width, height) (${Math.min(w, h) / 2})`);
      }
    }
  },
};

/** Crops are expressed in a 10000-unit space. */
export const cropInsideBounds: Rule = {
  id: "crop-inside-bounds",
  source: "spec §5.12",
  summary: "customCrop: locationX + width ≤ 10000 and locationY + height ≤ 10000.",
  check(body, report) {
    for (const [cell, i] of cells(body)) {
      const crop = obj(cell.CustomCrop);
      if (!crop) continue;
      const [x, y, w, h] = [int(crop.LocationX), int(crop.LocationY), int(crop.Width), int(crop.Height)];
      const path = [...CELLS, i, "CustomCrop"];
      if (x !== undefined && w !== undefined && x + w > MAX_CROP) report(path, `locationX + width (${x + w}) exceeds ${MAX_CROP}`);
      if (y !== undefined && h !== undefined && y + h > MAX_CROP) report(path, `locationY + height (${y + h}) exceeds ${MAX_CROP}`);
    }
  },
};

/**
 * A custom layout needs its cells. The other mode-bound layout fields (mixLayoutList outside mode 4,
 * maxVideoUser outside modes 1 and 2, …) are accepted and reported as having no effect (no-effect.ts):
 * Tencent documents them as "only takes effect in …", never as errors.
 */
export const layoutFieldsMatchMode: Rule = {
  id: "layout-fields-match-mode",
  source: "spec §2.2(12), §5.8",
  summary: "mixLayoutMode 4 (custom) needs at least one mixLayoutList cell.",
  check(body, report) {
    const layout = obj(at(body, ...LAYOUT));
    const mode = modeOf(layout);
    if (!layout || mode !== 4) return;
    // UNSURE (spec §5.8): a custom layout without cells has nothing to place, so it is refused here.
    if (arr(layout.MixLayoutList).length === 0 && (layout.MixLayoutList === undefined || Array.isArray(layout.MixLayoutList))) {
      report(CELLS, "needs at least one cell when mixLayoutMode is 4 (custom)", "missing");
    }
  },
};

/** At most 16 inputs are mixed; audio-only users and placeholder-only cells count too. */
export const mixedStreamLimit: Rule = {
  id: "mixed-stream-limit",
  source: "spec §2.2(6), §5.8",
  summary: "Custom-layout cells plus audio-only whitelisted users total at most 16 streams.",
  check(body, report) {
    // Cells are only mixed in a custom layout; elsewhere they have no effect (no-effect.ts).
    const list = modeOf(obj(at(body, ...LAYOUT))) === 4 ? arr(at(body, ...CELLS)) : [];
    const audio = arr(at(body, "AudioParams", "SubscribeAudioList"));
    // Either list alone over the limit is already reported by the schema.
    if (list.length > MAX_MIXED_STREAMS || audio.length > MAX_MIXED_STREAMS || list.length === 0 || audio.length === 0) return;
    const main = str(body.RoomId) ?? "";
    const key = (info: unknown) => `${str(at(info, "RoomId")) ?? main}/${str(at(info, "UserId"))}`;
    const withCell = new Set<string>();
    let streams = 0;
    for (const cell of list) {
      streams += 1;
      const info = at(cell, "UserMediaStream", "UserInfo");
      if (str(at(info, "UserId")) !== undefined) withCell.add(key(info));
    }
    for (const entry of audio) {
      const info = at(entry, "UserInfo");
      if (str(at(info, "UserId")) === undefined || !withCell.has(key(info))) streams += 1;
    }
    if (streams > MAX_MIXED_STREAMS) {
      report(
        ["AudioParams", "SubscribeAudioList"],
        `together with videoParams.layoutParams.mixLayoutList mixes ${streams} streams; at most ${MAX_MIXED_STREAMS} can be mixed`,
      );
    }
  },
};
