/**
 * Problem detection: cells off the canvas, buried cells, empty cells, too many streams, missing
 * VideoEncode, audio-only tasks, watermarks past the edge; and that each problem is drawn.
 */
import { isFullyCovered, intersect } from "../../layout/coverage";
import { renderLayout } from "../../layout/render";

function custom(
  cells: unknown[],
  extra: Record<string, unknown> = {},
  encode: Record<string, number> | null = { Width: 1280, Height: 720 },
) {
  return {
    WithTranscoding: 1,
    VideoParams: {
      ...(encode ? { VideoEncode: { ...encode, Fps: 15, BitRate: 1500, Gop: 2 } } : {}),
      LayoutParams: { MixLayoutMode: 4, MixLayoutList: cells },
      ...extra,
    },
  };
}
const cell = (userId: string, x: number, y: number, w: number, h: number, more: Record<string, unknown> = {}) => ({
  UserMediaStream: { UserInfo: { UserId: userId } },
  LocationX: x,
  LocationY: y,
  ImageWidth: w,
  ImageHeight: h,
  ...more,
});

describe("coverage geometry", () => {
  test("intersect returns the overlap, or undefined for touching or disjoint rectangles", () => {
    expect(intersect({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 10, h: 10 })).toEqual({ x: 5, y: 5, w: 5, h: 5 });
    expect(intersect({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 5, h: 5 })).toBeUndefined();
  });

  test("a rectangle covered by the union of two halves is fully covered; a one-pixel gap is found", () => {
    const target = { x: 0, y: 0, w: 100, h: 100 };
    expect(
      isFullyCovered(target, [
        { x: 0, y: 0, w: 50, h: 100 },
        { x: 50, y: 0, w: 50, h: 100 },
      ]),
    ).toBe(true);
    expect(
      isFullyCovered(target, [
        { x: 0, y: 0, w: 50, h: 100 },
        { x: 51, y: 0, w: 49, h: 100 },
      ]),
    ).toBe(false);
    expect(isFullyCovered(target, [{ x: -10, y: -10, w: 200, h: 200 }])).toBe(true);
    expect(isFullyCovered(target, [])).toBe(false);
  });

  test("an L-shaped gap left by three covers is found", () => {
    const covers = [
      { x: 0, y: 0, w: 100, h: 50 },
      { x: 0, y: 50, w: 50, h: 50 },
      { x: 50, y: 50, w: 49, h: 49 },
    ];
    expect(isFullyCovered({ x: 0, y: 0, w: 100, h: 100 }, covers)).toBe(false);
  });
});

describe("cells off the canvas", () => {
  test("a cell past the right and bottom edges is an error naming both sums, drawn hatched in red", () => {
    const r = renderLayout(custom([cell("a", 0, 0, 640, 720), cell("b", 1000, 500, 400, 300)]));
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "cell-off-canvas",
        severity: "error",
        cellIndex: 1,
        path: "videoParams.layoutParams.mixLayoutList[1]",
        message:
          "videoParams.layoutParams.mixLayoutList[1]: locationX + imageWidth (1400) exceeds videoEncode.width (1280) and locationY + imageHeight (800) exceeds videoEncode.height (720)",
      }),
    ]);
    expect(r.svg).toMatch(
      /<g class="problem problem-cell-off-canvas" data-problem-index="0" data-problem-code="cell-off-canvas" data-cell-index="1">/,
    );
    // The marker is clamped to the visible part of the cell: 1000..1280 × 500..720.
    expect(r.svg).toContain('<rect x="1000" y="500" width="280" height="220" fill="url(#trtc-hatch)" stroke="#ff1744"');
  });

  test("a cell entirely beyond the canvas says so and still gets a marker on the edge", () => {
    const r = renderLayout(custom([cell("a", 0, 0, 640, 360), cell("gone", 1300, 100, 100, 100)]));
    expect(r.problems[0].message).toMatch(/gone's camera cell is entirely off the canvas$/);
    expect(r.svg).toContain('<rect x="1272" y="100" width="8" height="100" fill="url(#trtc-hatch)"');
  });

  test("a cell exactly filling the canvas is fine", () => {
    expect(renderLayout(custom([cell("a", 0, 0, 1280, 720)])).problems).toEqual([]);
  });

  test("negative offsets are named too", () => {
    const r = renderLayout(custom([cell("a", -10, 0, 100, 100)]));
    expect(r.problems.map((p) => p.message)).toEqual(["videoParams.layoutParams.mixLayoutList[0]: locationX (-10) is negative"]);
  });
});

describe("hidden cells", () => {
  test("a cell buried under one higher-ZOrder cell is reported with who covers it", () => {
    const r = renderLayout(custom([cell("big", 0, 0, 1280, 720, { ZOrder: 1 }), cell("under", 100, 100, 200, 200, { ZOrder: 0 })]));
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "cell-hidden",
        severity: "warning",
        cellIndex: 1,
        message:
          "videoParams.layoutParams.mixLayoutList[1]: under's camera cell (zOrder 0) is completely covered by big (zOrder 1) painted above it",
      }),
    ]);
    expect(r.svg).toContain('data-problem-code="cell-hidden"');
    expect(r.svg).toContain('stroke-dasharray="12 6"');
  });

  test("equal ZOrder: the later list entry paints over the earlier one", () => {
    const r = renderLayout(custom([cell("first", 0, 0, 200, 200), cell("second", 0, 0, 200, 200)]));
    expect(r.problems.map((p) => [p.code, p.cellIndex])).toEqual([["cell-hidden", 0]]);
  });

  test("a cell covered only by the union of two others is hidden; a sliver left visible is not", () => {
    const left = cell("l", 0, 0, 640, 720, { ZOrder: 1 });
    const right = cell("r", 640, 0, 640, 720, { ZOrder: 1 });
    expect(renderLayout(custom([cell("bg", 0, 0, 1280, 720), left, right])).problems.map((p) => p.cellIndex)).toEqual([0]);
    const narrower = cell("r", 641, 0, 639, 720, { ZOrder: 1 });
    expect(renderLayout(custom([cell("bg", 0, 0, 1280, 720), left, narrower])).problems).toEqual([]);
  });

  test("a covering cell with a transparent template lets the one beneath show, so nothing is hidden", () => {
    const r = renderLayout(
      custom([
        cell("under", 0, 0, 300, 300),
        cell("mask", 0, 0, 300, 300, { ZOrder: 1, TransparentUrl: "https://x.example.com/round.png" }),
      ]),
    );
    expect(r.problems).toEqual([]);
  });

  test("what lies off the canvas does not count: the visible part decides", () => {
    const r = renderLayout(custom([cell("half-off", 1180, 0, 200, 100), cell("cover", 1180, 0, 100, 100, { ZOrder: 1 })]));
    expect(r.problems.map((p) => p.code)).toEqual(["cell-off-canvas", "cell-hidden"]);
  });
});

describe("other problems", () => {
  test("a cell without a size shows nothing and is reported", () => {
    const r = renderLayout(custom([cell("a", 0, 0, 640, 360), { UserMediaStream: { UserInfo: { UserId: "nosize" } } }]));
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "cell-empty", cellIndex: 1, message: expect.stringContaining("imageWidth × imageHeight is 0 × 0") }),
    ]);
  });

  test("17 custom cells exceed the 16-stream limit", () => {
    const cells = Array.from({ length: 17 }, (_, i) => cell(`u${i}`, (i % 4) * 320, Math.floor(i / 4) * 144, 320, 144));
    const r = renderLayout(custom(cells));
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "too-many-streams",
        path: "videoParams.layoutParams.mixLayoutList",
        message: expect.stringContaining("17 layout cells, but at most 16"),
      }),
    ]);
  });

  test("16 cells plus an audio-only user without a cell also exceed it", () => {
    const cells = Array.from({ length: 16 }, (_, i) => cell(`u${i}`, (i % 4) * 320, Math.floor(i / 4) * 180, 320, 180));
    const r = renderLayout(custom(cells), { audioOnlyUsers: ["radio"] });
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringContaining("17 streams (16 layout cells and 1 audio-only users)")]);
    expect(renderLayout(custom(cells)).problems).toEqual([]);
  });

  test("Start with videoParams but no videoEncode: error, drawn on an assumed canvas with a red frame", () => {
    const r = renderLayout(custom([cell("a", 0, 0, 640, 480), cell("b", 640, 0, 640, 480)], {}, null));
    expect(r.canvas).toEqual({ width: 1280, height: 480, assumed: true });
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "missing-video-encode", severity: "error", path: "videoParams.videoEncode" }),
    ]);
    expect(r.svg).toContain('data-canvas-assumed="true"');
    expect(r.svg).toContain('class="problem-frame"');
  });

  test("a dynamic layout without videoEncode is drawn on 1280×720", () => {
    const r = renderLayout({ VideoParams: { LayoutParams: { MixLayoutMode: 3 } } }, { users: ["a"] });
    expect(r.canvas).toEqual({ width: 1280, height: 720, assumed: true });
    expect(r.problems.map((p) => p.code)).toEqual(["missing-video-encode"]);
  });

  test("an audio-only task has no canvas: the problem says so and the drawing is a notice", () => {
    const r = renderLayout({ WithTranscoding: 1, AudioParams: { AudioEncode: { SampleRate: 48000, Channel: 2, BitRate: 64 } } });
    expect(r.kind).toBe("audio-only");
    expect(r.cells).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: "audio-only-task", path: "videoParams" })]);
    expect(r.svg).toContain("Audio-only task: no video canvas");
  });

  test("a watermark past the edge is a warning on that watermark", () => {
    const wm = {
      WaterMarkType: 0,
      WaterMarkImage: {
        WaterMarkUrl: "https://x.example.com/m.png",
        WaterMarkWidth: 100,
        WaterMarkHeight: 100,
        LocationX: 1200,
        LocationY: 0,
      },
    };
    const r = renderLayout(custom([cell("a", 0, 0, 1280, 720)], { WaterMarkList: [wm] }));
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "watermark-off-canvas",
        watermarkIndex: 0,
        path: "videoParams.waterMarkList[0].waterMarkImage",
        message: expect.stringContaining("locationX + waterMarkWidth (1300) exceeds videoEncode.width (1280)"),
      }),
    ]);
    expect(r.svg).toContain('data-watermark-index="0"');
  });

  test("an unknown MixLayoutMode is drawn as floating with a warning", () => {
    const r = renderLayout(
      { VideoParams: { VideoEncode: { Width: 640, Height: 360 }, LayoutParams: { MixLayoutMode: 7 } } },
      { users: ["a"] },
    );
    expect(r.kind).toBe("floating");
    expect(r.problems.map((p) => p.message)).toEqual([
      "videoParams.layoutParams.mixLayoutMode: must be 1, 2, 3 or 4 (got 7); drawn as 1 (floating)",
    ]);
  });

  test("problems are listed in the drawing too, errors and warnings marked apart", () => {
    const r = renderLayout(
      custom([cell("big", 0, 0, 1280, 720, { ZOrder: 1 }), cell("under", 0, 0, 10, 10), cell("off", 1279, 0, 10, 10, { ZOrder: 2 })]),
    );
    expect(r.svg).toContain('<g class="problem-list"');
    expect(r.svg).toContain("✖ videoParams.layoutParams.mixLayoutList[2]: locationX + imageWidth (1289)");
    expect(r.svg).toContain("⚠ videoParams.layoutParams.mixLayoutList[1]: under");
    expect(r.svg).toContain("<desc>");
  });
});
