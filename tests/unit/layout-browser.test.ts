/**
 * The drawing in a real browser (headless Chromium via playwright-core): the SVG parses as XML even with
 * hostile input, the geometry can be read back from the DOM's data attributes and matches what the
 * renderer returned and what the browser laid out, and the PNG shows the cells' colours where they are.
 * Skipped only when Chromium is not installed (install with `apt-get install -y chromium`).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, svgToPng } from "../../layout/png";
import { renderLayout } from "../../layout/render";

// These run inside the page (page.evaluate); the test project compiles without the DOM library, so the
// few browser globals used are declared here, local to this module.
declare const DOMParser: any;
declare const Image: any;
declare const document: any;

const SEED = join(__dirname, "..", "fixtures", "seed");
const seed = (name: string) => JSON.parse(readFileSync(join(SEED, name), "utf8"));
const maybe = existsSync(CHROMIUM_PATH) ? describe : describe.skip;

// Launching Chromium on a busy 2-core machine can take many seconds; nothing here asserts on time.
jest.setTimeout(120_000);

maybe("layout SVG in Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
    page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Parses SVG text with the browser's XML parser; returns the parser error text, or "" when well-formed. */
  const parseError = (svg: string) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return doc.getElementsByTagName("parsererror")[0]?.textContent ?? "";
    }, svg);

  test("the drawings parse as XML, hostile user ids included, and the text reads back unchanged", async () => {
    const hostile = `</text><script>alert("x")</script>&amp;\u0001`;
    const body = {
      VideoParams: {
        VideoEncode: { Width: 640, Height: 360 },
        LayoutParams: {
          MixLayoutMode: 4,
          MixLayoutList: [{ UserMediaStream: { UserInfo: { UserId: hostile } }, ImageWidth: 320, ImageHeight: 180 }],
        },
      },
    };
    const { svg } = renderLayout(body);
    expect(await parseError(svg)).toBe("");
    const read = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        id: doc.querySelector("[data-cell-index]")?.getAttribute("data-user-id"),
        scripts: doc.getElementsByTagName("script").length,
      };
    }, svg);
    expect(read).toEqual({ id: hostile.replace("\u0001", "\uFFFD"), scripts: 0 });
    for (const file of [
      "start-mix-cross-room.json",
      "start-relay-single-audio-video.json",
      "start-mix-audio-only-cdn.json",
      "update-mix-users-layout.json",
    ]) {
      expect(await parseError(renderLayout(seed(file)).svg)).toBe("");
    }
  });

  test("cell geometry read from the DOM equals the returned cells and the browser's own layout of each cell", async () => {
    const { svg, cells } = renderLayout(
      {
        VideoParams: {
          VideoEncode: { Width: 1280, Height: 720 },
          LayoutParams: { MixLayoutMode: 1, MaxVideoUser: { UserMediaStream: { UserInfo: { UserId: "host" } } } },
        },
      },
      { users: ["a", "host", "b", "c", "d", "e"] },
    );
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.setContent(`<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*\?>\s*/, "")}</body>`);
    const fromDom = await page.$$eval("g.cell", (groups) =>
      groups.map((g) => {
        const box = (g.querySelector(":scope > rect") as any).getBBox();
        const d = (g as any).dataset;
        return {
          index: Number(d.cellIndex),
          userId: d.userId,
          x: Number(d.x),
          y: Number(d.y),
          w: Number(d.w),
          h: Number(d.h),
          z: Number(d.z),
          box: [box.x, box.y, box.width, box.height],
        };
      }),
    );
    expect(fromDom).toEqual(
      cells.map((c) => ({ index: c.index, userId: c.userId, x: c.x, y: c.y, w: c.w, h: c.h, z: c.z, box: [c.x, c.y, c.w, c.h] })),
    );
    const viewBox = await page.$eval("svg", (s) => s.getAttribute("viewBox"));
    expect(viewBox).toBe("0 0 1280 720");
  });

  test("the PNG has each cell's colour inside it and the background colour where no cell is", async () => {
    const body = {
      VideoParams: {
        VideoEncode: { Width: 640, Height: 360 },
        BackGroundColor: "0x00FF00",
        LayoutParams: {
          MixLayoutMode: 4,
          MixLayoutList: [
            { UserMediaStream: { UserInfo: { UserId: "left" } }, ImageWidth: 200, ImageHeight: 300, LocationX: 0, LocationY: 0 },
            { UserMediaStream: { UserInfo: { UserId: "right" } }, ImageWidth: 200, ImageHeight: 300, LocationX: 400, LocationY: 0 },
          ],
        },
      },
    };
    const { svg, canvas } = renderLayout(body);
    const png = await svgToPng(svg, canvas);
    const pixels = await page.evaluate(
      async (dataUrl) => {
        const img = new Image();
        img.src = dataUrl;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext("2d");
        ctx.drawImage(img, 0, 0);
        const at = (x: number, y: number): number[] => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3));
        return { size: [img.width, img.height], left: at(20, 280), right: at(420, 280), gap: at(300, 340) };
      },
      `data:image/png;base64,${png.toString("base64")}`,
    );
    // Cells are the first two palette colours at 90 % over the green background: #2563eb and #059669.
    const blend = (hex: string) =>
      [1, 3, 5].map((i) => Math.round(0.9 * parseInt(hex.slice(i, i + 2), 16) + 0.1 * [0, 255, 0][(i - 1) / 2]));
    const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]) <= 12);
    expect(pixels.size).toEqual([640, 360]);
    expect({ left: pixels.left, ok: near(pixels.left, blend("#2563eb")) }).toEqual({ left: pixels.left, ok: true });
    expect({ right: pixels.right, ok: near(pixels.right, blend("#059669")) }).toEqual({ right: pixels.right, ok: true });
    expect(pixels.gap).toEqual([0, 255, 0]);
  });
});
