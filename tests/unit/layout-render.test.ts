/**
 * renderLayout on the seed examples and on hand-made custom layouts: cell geometry, painting order,
 * cell decorations, watermarks, key-style detection, and that no secret reaches the drawing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { toPulumiCase } from "../../trtc/casing";
import { renderLayout } from "../../layout/render";
import type { CellGeometry } from "../../layout/types";

const SEED_DIR = join(__dirname, "..", "fixtures", "seed");
const seed = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(SEED_DIR, name), "utf8"));

/** The geometry a test compares: what a reader of the picture would check. */
const geometry = (cells: CellGeometry[]) =>
  cells.map(({ index, userId, x, y, w, h, z, streamType, roomId }) => ({ index, userId, x, y, w, h, z, streamType, roomId }));

const TWO_CELLS = (roomOfUser1: string) => [
  { index: 0, userId: "Trtc_User_0", x: 0, y: 0, w: 640, h: 720, z: 0, streamType: "camera", roomId: "295066" },
  { index: 1, userId: "Trtc_User_1", x: 640, y: 0, w: 640, h: 720, z: 0, streamType: "camera", roomId: roomOfUser1 },
];

/**
 * Expected drawing of every seed body; a new seed file without an entry here fails the coverage test.
 * Tencent's custom-layout examples send `PureAudioHoldPlaceMode: 0`, which only takes effect in dynamic
 * layouts: accepted, and listed as a "no-effect" warning (trtc/schema/rules/no-effect.ts).
 */
const SEED_EXPECTATIONS: Record<string, { kind: string; canvas: [number, number]; cells: unknown[]; problems: string[] }> = {
  "start-mix-audio-video-cdn.json": { kind: "custom", canvas: [1280, 720], cells: TWO_CELLS("295066"), problems: ["no-effect"] },
  "start-mix-feedback-room.json": { kind: "custom", canvas: [1280, 720], cells: TWO_CELLS("295066"), problems: ["no-effect"] },
  "start-mix-layout-sei.json": { kind: "custom", canvas: [1280, 720], cells: TWO_CELLS("295066"), problems: ["no-effect"] },
  "start-mix-cross-room.json": { kind: "custom", canvas: [1280, 720], cells: TWO_CELLS("295067"), problems: ["no-effect"] },
  "start-relay-single-audio-video.json": {
    kind: "single",
    canvas: [1280, 720],
    cells: [{ index: 0, userId: "Trtc_User_0", x: 0, y: 0, w: 1280, h: 720, z: 0, streamType: "camera", roomId: "295066" }],
    problems: [],
  },
  "start-mix-audio-only-cdn.json": { kind: "audio-only", canvas: [640, 360], cells: [], problems: ["audio-only-task"] },
  "start-relay-single-audio-only.json": { kind: "audio-only", canvas: [640, 360], cells: [], problems: ["audio-only-task"] },
  "update-cdn-urls.json": { kind: "unchanged", canvas: [640, 360], cells: [], problems: ["layout-unchanged"] },
  "update-mix-users-layout.json": {
    kind: "custom",
    // No VideoEncode in the update: the canvas is the cells' bounding box (the example's second cell sits
    // at 640,360 with height 720), and the problem list says the size is assumed.
    canvas: [1280, 1080],
    cells: [
      { index: 0, userId: "Trtc_User_3", x: 0, y: 0, w: 640, h: 720, z: 0, streamType: "camera", roomId: "48111" },
      { index: 1, userId: "Trtc_User_0", x: 640, y: 360, w: 640, h: 720, z: 0, streamType: "camera", roomId: "48111" },
    ],
    problems: ["missing-video-encode"],
  },
};

describe("seed examples", () => {
  const files = readdirSync(SEED_DIR).filter((f) => f.endsWith(".json") && !f.startsWith("stop-"));

  test("every seed body with a layout question has an expectation here", () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(files.filter((f) => !(f in SEED_EXPECTATIONS))).toEqual([]);
  });

  test.each(Object.entries(SEED_EXPECTATIONS))("%s draws the documented geometry", (file, want) => {
    const r = renderLayout(seed(file));
    expect(r.kind).toBe(want.kind);
    expect([r.canvas.width, r.canvas.height]).toEqual(want.canvas);
    expect(geometry(r.cells)).toEqual(want.cells);
    expect(r.problems.map((p) => p.code)).toEqual(want.problems);
    expect(r.svg).toContain(`viewBox="0 0 ${want.canvas[0]} ${want.canvas[1]}"`);
  });

  test("the two-cell seed has its red background and its image watermark at 64,64 (z 3) drawn above the cells", () => {
    const r = renderLayout(seed("start-mix-audio-video-cdn.json"));
    expect(r.svg).toContain('<rect class="canvas" x="0" y="0" width="1280" height="720" fill="#ff0000"/>');
    expect(r.watermarks).toEqual([expect.objectContaining({ index: 0, kind: "image", x: 64, y: 64, w: 64, h: 64, z: 3 })]);
    expect(r.watermarks[0].label).toMatch(/^https:\/\/xkt-course-1304449343\.cos\.ap.*\.png$/);
    const lastCell = r.svg.lastIndexOf('data-cell-index="1"');
    expect(r.svg.indexOf('data-watermark-index="0"')).toBeGreaterThan(lastCell);
  });

  test.each(readdirSync(SEED_DIR).filter((f) => f.endsWith(".json")))(
    "%s: no UserSig, push URL or room-robot secret reaches the SVG",
    (file) => {
      const body = seed(file);
      const { svg, problems } = renderLayout(body);
      const text = svg + JSON.stringify(problems);
      expect(text).not.toMatch(/rtmp:\/\//);
      expect(text).not.toMatch(/txSecret/i);
      expect(text).not.toContain("eJw"); // every UserSig in the seeds starts with the zlib/base64 prefix eJw
      expect(text).not.toContain("trtc_partner_test");
    },
  );
});

describe("key style", () => {
  test("a Pulumi-style (camelCase) body draws exactly what its API-style twin draws", () => {
    const api = seed("start-mix-cross-room.json");
    const a = renderLayout(api);
    const p = renderLayout(toPulumiCase(api));
    expect(p.keyStyle).toBe("pulumi");
    expect(a.keyStyle).toBe("api");
    expect(p.cells).toEqual(a.cells);
    expect(p.svg).toBe(a.svg);
  });

  test("problem paths come in both spellings whatever the input style", () => {
    const body = toPulumiCase<Record<string, unknown>>(seed("start-mix-audio-video-cdn.json"));
    const vp = body.videoParams as { layoutParams: { mixLayoutList: Array<Record<string, unknown>> } };
    vp.layoutParams.mixLayoutList[1].locationX = 700;
    const [problem] = renderLayout(body).problems;
    expect(problem.path).toBe("videoParams.layoutParams.mixLayoutList[1]");
    expect(problem.apiPath).toBe("VideoParams.LayoutParams.MixLayoutList[1]");
    expect(problem.message).toBe(
      "videoParams.layoutParams.mixLayoutList[1]: locationX + imageWidth (1340) exceeds videoEncode.width (1280)",
    );
  });

  test("a non-object input is refused with a TypeError that says what is expected", () => {
    expect(() => renderLayout("nope")).toThrow(/params must be a StartPublishCdnStream body/);
    expect(() => renderLayout([1, 2])).toThrow(TypeError);
  });
});

/** A custom-layout body on a 1280×720 canvas with the given cells. */
function custom(cells: unknown[], extra: Record<string, unknown> = {}) {
  return {
    WithTranscoding: 1,
    VideoParams: {
      VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1500, Gop: 2 },
      LayoutParams: { MixLayoutMode: 4, MixLayoutList: cells },
      ...extra,
    },
  };
}
const cell = (userId: string | undefined, x: number, y: number, w: number, h: number, more: Record<string, unknown> = {}) => ({
  ...(userId === undefined ? {} : { UserMediaStream: { UserInfo: { UserId: userId } } }),
  LocationX: x,
  LocationY: y,
  ImageWidth: w,
  ImageHeight: h,
  ...more,
});

describe("custom layout", () => {
  test("cells paint in ZOrder order, ties in list order, and the SVG follows that order", () => {
    const r = renderLayout(
      custom([
        cell("top", 0, 0, 100, 100, { ZOrder: 5 }),
        cell("base", 0, 0, 1280, 720),
        cell("mid-a", 50, 50, 100, 100, { ZOrder: 2 }),
        cell("mid-b", 60, 60, 100, 100, { ZOrder: 2 }),
      ]),
    );
    const byOrder = [...r.cells].sort((a, b) => a.drawOrder - b.drawOrder).map((c) => c.userId);
    expect(byOrder).toEqual(["base", "mid-a", "mid-b", "top"]);
    const positions = byOrder.map((u) => r.svg.indexOf(`data-user-id="${u}"`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test("a screen-share stream is marked as such and dashed", () => {
    const r = renderLayout(
      custom([{ ...cell("teacher", 0, 0, 640, 360), UserMediaStream: { UserInfo: { UserId: "teacher" }, StreamType: 1 } }]),
    );
    expect(r.cells[0].streamType).toBe("screen");
    expect(r.svg).toContain('data-stream-type="screen"');
    expect(r.svg).toContain('stroke-dasharray="10 6"');
  });

  test("placeholder image, transparent template, custom crop and custom render are recorded and drawn, URLs without their query", () => {
    const r = renderLayout(
      custom([
        cell("a", 0, 0, 640, 360, {
          RenderMode: 1,
          BackgroundImageUrl: "https://img.example.com/ph/wait.png?q-signature=SECRETSIG&x=1",
          BackgroundRenderMode: 4,
          BackgroundCustomRender: { Width: 320, Height: 180, Radius: 20 },
          TransparentUrl: "https://user:pw@img.example.com/mask/round.png",
          CustomCrop: { LocationX: 10, LocationY: 20, Width: 300, Height: 200 },
        }),
      ]),
    );
    const [c] = r.cells;
    expect(c).toMatchObject({
      renderMode: 1,
      placeholderImage: "https://img.example.com/ph/wait.png?…",
      placeholderRenderMode: 4,
      transparentTemplate: "https://img.example.com/mask/round.png",
      customCrop: { x: 10, y: 20, w: 300, h: 200 },
      customRender: { w: 320, h: 180, radius: 20 },
    });
    expect(r.svg).not.toContain("SECRETSIG");
    expect(r.svg).not.toContain("pw@");
    // The custom-render box is centred in the cell with the given corner radius.
    expect(r.svg).toContain('<rect class="custom-render" x="160" y="90" width="320" height="180" rx="20" ry="20"');
    expect(r.svg).toContain('class="transparent-template-mark"');
    expect(r.svg).toContain("placeholder image (custom render):");
    expect(r.svg).toContain(">https://img.example.com/ph/wait.png?…<");
    expect(r.svg).toContain("custom crop of the source: 300×200 at 10,20");
    expect(r.svg).toContain("scale");
  });

  test("anonymous cells are filled by room-entry order, skipping users other cells name", () => {
    const r = renderLayout(custom([cell(undefined, 0, 0, 640, 720), cell("bob", 640, 0, 640, 360), cell(undefined, 640, 360, 640, 360)]), {
      users: ["bob", "alice", "carol", "dave"],
    });
    expect(r.cells.map((c) => [c.userId, c.byEntryOrder])).toEqual([
      ["alice", true],
      ["bob", false],
      ["carol", true],
    ]);
    const unfilled = renderLayout(custom([cell(undefined, 0, 0, 640, 720)]));
    expect(unfilled.cells[0].userId).toBeUndefined();
    expect(unfilled.svg).toContain('data-user-id=""');
    expect(unfilled.svg).toContain("anonymous cell");
  });

  test("an audio-only user's cell says so", () => {
    const r = renderLayout(custom([cell("radio", 0, 0, 640, 360)]), { audioOnlyUsers: ["radio"] });
    expect(r.cells[0].audioOnly).toBe(true);
    expect(r.svg).toContain('data-audio-only="true"');
    expect(r.svg).toContain("audio only: no video in this cell");
  });

  test("a background image is marked with its URL (no query) and its BackgroundRenderMode", () => {
    const r = renderLayout(
      custom([cell("a", 0, 0, 640, 360)], { BackgroundImageUrl: "https://cdn.example.com/bg/stage.jpg?sign=abc", BackgroundRenderMode: 0 }),
    );
    expect(r.svg).toContain('data-background-image="https://cdn.example.com/bg/stage.jpg?…"');
    expect(r.svg).toContain("background image (crop): https://cdn.example.com/bg/stage.jpg?…");
    expect(r.svg).not.toContain("sign=abc");
  });

  test("a text watermark is drawn with its text, font size and colours at its position", () => {
    const r = renderLayout(
      custom([cell("a", 0, 0, 1280, 720)], {
        WaterMarkList: [
          {
            WaterMarkType: 1,
            WaterMarkText: {
              Text: "LIVE",
              WaterMarkWidth: 200,
              WaterMarkHeight: 50,
              LocationX: 1000,
              LocationY: 20,
              FontSize: 36,
              FontColor: "0xFFFF00",
              BackGroundColor: "0x000000",
              DynamicPosType: 2,
            },
          },
        ],
      }),
    );
    expect(r.watermarks[0]).toMatchObject({
      kind: "text",
      label: "LIVE",
      x: 1000,
      y: 20,
      w: 200,
      h: 50,
      fontSize: 36,
      fontColor: "#ffff00",
      backgroundColor: "#000000",
      dynamicPosType: 2,
    });
    expect(r.svg).toMatch(/<text x="1000" y="56" font-size="36" fill="#ffff00"[^>]*>LIVE<\/text>/);
    expect(r.svg).toContain("moves (bounces)");
  });

  test("values of the wrong type are reported as unreadable and drawn with the API default", () => {
    const r = renderLayout(custom([cell("a", 0, 0, 640, 360, { ZOrder: "3" })]));
    expect(r.cells[0].z).toBe(0);
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "unreadable-value",
        path: "videoParams.layoutParams.mixLayoutList[0].zOrder",
        message: expect.stringMatching(/must be a number \(got a string\)/),
      }),
    ]);
  });

  test("the same input always gives the same SVG (pure)", () => {
    const body = seed("start-mix-cross-room.json");
    expect(renderLayout(body, { users: ["x"] }).svg).toBe(renderLayout(body, { users: ["x"] }).svg);
  });

  test("idPrefix keeps element ids of two drawings apart", () => {
    const r = renderLayout(seed("start-mix-cross-room.json"), { idPrefix: "second" });
    expect(r.svg).toContain('id="second-hatch"');
    expect(r.svg).toContain('clip-path="url(#second-clip-0)"');
    expect(r.svg).not.toContain('id="trtc-');
  });
});
