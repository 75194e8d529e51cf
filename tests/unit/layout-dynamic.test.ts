/**
 * The dynamic layouts (1 floating, 2 screen sharing, 3 grid): slot geometry on a 1280×720 canvas, the
 * big-picture choice (MaxVideoUser), audio-only users (PureAudioHoldPlaceMode) and the 16-stream limit.
 * Expected pixel values are worked out by hand from the proportions documented in layout/dynamic.ts.
 */
import { floatingSlots, gridSlots, screenShareSlots } from "../../layout/dynamic";
import { renderLayout } from "../../layout/render";
import type { CellGeometry } from "../../layout/types";

const users = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);
const rects = (cells: CellGeometry[]) => cells.map((c) => [c.x, c.y, c.w, c.h]);

function body(mode: number, layout: Record<string, unknown> = {}, encode = { Width: 1280, Height: 720 }) {
  return {
    RoomId: "8848",
    WithTranscoding: 1,
    VideoParams: { VideoEncode: { ...encode, Fps: 15, BitRate: 1500, Gop: 2 }, LayoutParams: { MixLayoutMode: mode, ...layout } },
  };
}
const bigUser = (userId: string, streamType = 0) => ({
  MaxVideoUser: { UserMediaStream: { UserInfo: { UserId: userId }, StreamType: streamType } },
});

// Floating small windows are 256×144; gaps are 51.2 px across and 28.8 px down, so the columns start at
// 51, 358, 666, 973 and the rows (from the bottom) at 547, 374, 202, 29.
const FX = [51, 358, 666, 973];
const FY = [547, 374, 202, 29];

describe("floating (mixLayoutMode 1)", () => {
  test("1 user fills the canvas", () => {
    const r = renderLayout(body(1), { users: ["solo"] });
    expect(r.kind).toBe("floating");
    expect(r.cells).toEqual([expect.objectContaining({ userId: "solo", role: "big", x: 0, y: 0, w: 1280, h: 720, z: 0 })]);
  });

  test("2 users: the second floats bottom-left, above the first", () => {
    const r = renderLayout(body(1), { users: ["a", "b"] });
    expect(rects(r.cells)).toEqual([
      [0, 0, 1280, 720],
      [51, 547, 256, 144],
    ]);
    expect(r.cells.map((c) => [c.userId, c.role, c.z])).toEqual([
      ["a", "big", 0],
      ["b", "small", 1],
    ]);
  });

  test("5 users: four small windows fill the bottom row left to right", () => {
    const r = renderLayout(body(1), { users: users(5) });
    expect(rects(r.cells).slice(1)).toEqual(FX.map((x) => [x, 547, 256, 144]));
  });

  test("16 users: 1 big + 15 small in 4 rows of 4 from the bottom-left, the top row one short", () => {
    const r = renderLayout(body(1), { users: users(16) });
    const want = [[0, 0, 1280, 720], ...Array.from({ length: 15 }, (_, i) => [FX[i % 4], FY[Math.floor(i / 4)], 256, 144])];
    expect(rects(r.cells)).toEqual(want);
    expect(r.problems).toEqual([]);
  });

  test("no small window is hidden and all stay on the canvas", () => {
    for (const n of [1, 2, 5, 16]) {
      const slots = floatingSlots({ width: 1280, height: 720 }, n);
      expect(slots).toHaveLength(n);
      for (const s of slots) expect(s.x >= 0 && s.y >= 0 && s.x + s.w <= 1280 && s.y + s.h <= 720).toBe(true);
    }
  });
});

describe("grid (mixLayoutMode 3)", () => {
  test.each([
    [1, [[0, 0, 1280, 720]]],
    [
      2,
      [
        [0, 0, 640, 720],
        [640, 0, 640, 720],
      ],
    ],
    [
      3,
      [
        [0, 0, 640, 360],
        [640, 0, 640, 360],
        [320, 360, 640, 360], // the partly filled last row is centred
      ],
    ],
    [
      4,
      [
        [0, 0, 640, 360],
        [640, 0, 640, 360],
        [0, 360, 640, 360],
        [640, 360, 640, 360],
      ],
    ],
    [9, [0, 240, 480].flatMap((y) => [1, 427, 853].map((x) => [x, y, 426, 240]))],
    [16, [0, 180, 360, 540].flatMap((y) => [0, 320, 640, 960].map((x) => [x, y, 320, 180]))],
  ])("%i users", (n, want) => {
    const r = renderLayout(body(3), { users: users(n as number) });
    expect(r.kind).toBe("grid");
    expect(rects(r.cells)).toEqual(want);
    expect(r.cells.map((c) => c.userId)).toEqual(users(n as number));
    expect(new Set(r.cells.map((c) => c.role))).toEqual(new Set(["grid"]));
  });

  test("10 users keep the 4×4 cell size; the three used rows are centred vertically", () => {
    const slots = gridSlots({ width: 1280, height: 720 }, 10);
    expect(slots.map((s) => [s.w, s.h])).toEqual(Array(10).fill([320, 180]));
    expect(slots.map((s) => s.y)).toEqual([90, 90, 90, 90, 270, 270, 270, 270, 450, 450]);
    expect(slots.slice(8).map((s) => s.x)).toEqual([320, 640]);
  });

  test("a portrait canvas swaps the grid: 2 users stack vertically", () => {
    const r = renderLayout(body(3, {}, { Width: 720, Height: 1280 }), { users: ["a", "b"] });
    expect(rects(r.cells)).toEqual([
      [0, 0, 720, 640],
      [0, 640, 720, 640],
    ]);
  });

  test("MaxVideoUser does not reorder a grid (it only applies to modes 1 and 2)", () => {
    const r = renderLayout(body(3, bigUser("c")), { users: ["a", "b", "c"] });
    expect(r.cells.map((c) => c.userId)).toEqual(["a", "b", "c"]);
  });
});

describe("screen sharing (mixLayoutMode 2)", () => {
  test("1 user: the big picture alone fills the canvas, scaled (not cropped) by default", () => {
    const r = renderLayout(body(2, bigUser("host")), { users: ["host"] });
    expect(r.kind).toBe("screen-share");
    expect(r.cells).toEqual([expect.objectContaining({ userId: "host", role: "big", x: 0, y: 0, w: 1280, h: 720, renderMode: 1 })]);
  });

  test("3 users: big on the left, two 160×90 windows stacked in one column on the right", () => {
    const r = renderLayout(body(2, bigUser("host")), { users: ["a", "host", "b"] });
    expect(rects(r.cells)).toEqual([
      [0, 0, 1120, 720],
      [1120, 0, 160, 90],
      [1120, 90, 160, 90],
    ]);
    expect(r.cells.map((c) => c.userId)).toEqual(["host", "a", "b"]);
    expect(r.cells.map((c) => c.renderMode)).toEqual([1, 0, 0]);
  });

  test("9 users: 8 small windows fill exactly one column", () => {
    const r = renderLayout(body(2, bigUser("u0")), { users: users(9) });
    expect(rects(r.cells)).toEqual([[0, 0, 1120, 720], ...Array.from({ length: 8 }, (_, i) => [1120, i * 90, 160, 90])]);
  });

  test("10 users open a second column; the column next to the big picture fills first", () => {
    const slots = screenShareSlots({ width: 1280, height: 720 }, 10);
    expect(slots[0]).toEqual({ x: 0, y: 0, w: 960, h: 720 });
    expect(slots.slice(1, 9).every((s) => s.x === 960)).toBe(true);
    expect(slots[9]).toEqual({ x: 1120, y: 0, w: 160, h: 90 });
  });

  test("without MaxVideoUser the first user to enter takes the big picture, with a warning", () => {
    const r = renderLayout(body(2), { users: ["first", "second"] });
    expect(r.cells[0].userId).toBe("first");
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([
      ["screen-share-without-max-video-user", "videoParams.layoutParams.maxVideoUser"],
    ]);
  });

  test("an explicit RenderMode applies to every cell, big picture included", () => {
    const r = renderLayout(body(2, { ...bigUser("a"), RenderMode: 2 }), { users: ["a", "b"] });
    expect(r.cells.map((c) => c.renderMode)).toEqual([2, 2]);
  });
});

describe("MaxVideoUser", () => {
  test("floating: the named camera takes the big picture; the others keep entry order", () => {
    const r = renderLayout(body(1, bigUser("c")), { users: ["a", "b", "c", "d"] });
    expect(r.cells.map((c) => [c.userId, c.role])).toEqual([
      ["c", "big"],
      ["a", "small"],
      ["b", "small"],
      ["d", "small"],
    ]);
  });

  test("a named screen stream takes the big picture and the user's camera stays among the small windows", () => {
    const r = renderLayout(body(2, bigUser("teacher", 1)), { users: ["s1", "teacher", "s2"] });
    expect(r.cells.map((c) => [c.userId, c.streamType, c.role])).toEqual([
      ["teacher", "screen", "big"],
      ["s1", "camera", "small"],
      ["teacher", "camera", "small"],
      ["s2", "camera", "small"],
    ]);
  });

  test("a MaxVideoUser not in the room is reported and the first user gets the big picture", () => {
    const r = renderLayout(body(1, bigUser("ghost")), { users: ["a", "b"] });
    expect(r.cells[0].userId).toBe("a");
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "max-video-user-absent", message: expect.stringContaining("ghost is not among the users") }),
    ]);
  });

  test("without opts.users the body's own users (MaxVideoUser, then the audio whitelist) stand in for the room", () => {
    const b = {
      ...body(1, bigUser("host")),
      AudioParams: { SubscribeAudioList: [{ UserInfo: { UserId: "guest" } }, { UserInfo: { UserId: "host" } }] },
    };
    const r = renderLayout(b);
    expect(r.cells.map((c) => [c.userId, c.role])).toEqual([
      ["host", "big"],
      ["guest", "small"],
    ]);
  });

  test("with no users at all the canvas is drawn empty with a hint", () => {
    const r = renderLayout(body(3));
    expect(r.cells).toEqual([]);
    expect(r.svg).toContain("grid layout: no users to place (pass opts.users or --users)");
  });
});

describe("PureAudioHoldPlaceMode", () => {
  const room = ["a", "voice", "b"];

  test("0 (default): audio-only users take no cell", () => {
    const r = renderLayout(body(3, { PureAudioHoldPlaceMode: 0 }), { users: room, audioOnlyUsers: ["voice"] });
    expect(r.cells.map((c) => c.userId)).toEqual(["a", "b"]);
    expect(rects(r.cells)).toEqual([
      [0, 0, 640, 720],
      [640, 0, 640, 720],
    ]);
  });

  test("1: audio-only users hold a cell, drawn as audio only", () => {
    const r = renderLayout(body(3, { PureAudioHoldPlaceMode: 1 }), { users: room, audioOnlyUsers: ["voice"] });
    expect(r.cells.map((c) => [c.userId, c.audioOnly])).toEqual([
      ["a", false],
      ["voice", true],
      ["b", false],
    ]);
    expect(rects(r.cells)[2]).toEqual([320, 360, 640, 360]);
    expect(r.svg).toContain('data-audio-only="true"');
  });

  test("an audio-only first entrant does not take the floating big picture when it holds no place", () => {
    const r = renderLayout(body(1), { users: ["voice", "a", "b"], audioOnlyUsers: ["voice"] });
    expect(r.cells.map((c) => [c.userId, c.role])).toEqual([
      ["a", "big"],
      ["b", "small"],
    ]);
  });

  test("audio-only users listed only in audioOnlyUsers join the room after the others", () => {
    const r = renderLayout(body(3, { PureAudioHoldPlaceMode: 1 }), { users: ["a"], audioOnlyUsers: ["late"] });
    expect(r.cells.map((c) => c.userId)).toEqual(["a", "late"]);
  });
});

describe("more than 16 streams", () => {
  test("the 17th entrant is not mixed, and the problem names it", () => {
    const r = renderLayout(body(3), { users: users(17) });
    expect(r.cells).toHaveLength(16);
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "too-many-streams",
        severity: "error",
        path: "videoParams.layoutParams",
        message: expect.stringMatching(/17 streams in the room, but at most 16 .*not mixed: u16$/),
      }),
    ]);
    expect(r.svg).toContain('class="problem-frame"');
  });

  test("audio-only users count towards the 16 even when they hold no cell", () => {
    const r = renderLayout(body(1), { users: users(15), audioOnlyUsers: ["v1", "v2"] });
    expect(r.cells).toHaveLength(15);
    expect(r.problems.map((p) => p.code)).toEqual(["too-many-streams"]);
    expect(r.problems[0].message).toMatch(/not mixed: v2$/);
  });

  test("a screen-share big picture keeps its place when the room overflows", () => {
    const r = renderLayout(body(2, bigUser("u5", 1)), { users: users(16) });
    expect(r.cells[0]).toMatchObject({ userId: "u5", streamType: "screen", role: "big" });
    expect(r.cells).toHaveLength(16);
    expect(r.problems.find((p) => p.code === "too-many-streams")?.message).toMatch(/not mixed: u15$/);
  });
});
