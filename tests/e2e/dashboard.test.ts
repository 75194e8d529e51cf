/**
 * The emulator dashboard in a real browser (Debian's Chromium driven by playwright-core) while the real
 * Pulumi engine deploys, updates and destroys a relay task against the emulator:
 * - the home page lists the task, the task page draws every cell where the program declared it;
 * - a new `up` with a changed layout shows up on the open page without a reload;
 * - no txSecret, UserSig or SecretKey reaches the page;
 * - the presence and fault forms change what the control API reports;
 * - the relay callbacks the emulator sent for the task (to examples/callback-receiver) are listed;
 * - screenshots are kept in test-artifacts/ (and docs/dashboard.png with DASHBOARD_DOC_SCREENSHOT=1).
 *
 * Chromium is required, not optional: a machine without it gets it from scripts/ensure-chromium.sh, and
 * when that cannot install it the suite fails with the script's reason.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { PublishCdnStream, type PublishCdnStreamArgs } from "pulumi-trtc-relay";
import { startReceiver, type Receiver } from "../../examples/callback-receiver";
import { sideBySideVideo } from "../../examples/side-by-side";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../layout/png";
import { inlineStack, openEnv, REPO, type E2eEnv } from "./harness";

// Evaluated inside the page; the test project compiles without the DOM library.
declare const document: any;
declare const window: any;

const SECRET = {
  robotSig: "eJwDASHBOARDROBOTSIG0123456789abcdefXYZ",
  feedbackSig: "eJwDASHBOARDFEEDBACKSIG9876543210fedcba",
  txSecret: "dashboardtxsecret0123456789abcdef",
};
const ROOM = "295066";
const FEEDBACK_ROOM = "295067";
const PUSH_URL = `rtmp://3891.livepush.myqcloud.com/live/dashboard?txSecret=${SECRET.txSecret}&txTime=7FFFFFFF`;

/** One custom-layout cell as the program declares it. */
interface Cell {
  userId: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The seed example 6 video settings (two anchors side by side), as examples/side-by-side.ts builds them. */
const SIDE_BY_SIDE: Cell[] = [
  { userId: "Trtc_User_0", x: 0, y: 0, w: 640, h: 720 },
  { userId: "Trtc_User_1", x: 640, y: 0, w: 640, h: 720 },
];
/** The changed layout: a big picture on the left, two stacked on the right. */
const THREE_UP: Cell[] = [
  { userId: "Trtc_User_0", x: 0, y: 0, w: 800, h: 720 },
  { userId: "Trtc_User_1", x: 800, y: 0, w: 480, h: 360 },
  { userId: "Trtc_User_2", x: 800, y: 360, w: 480, h: 360 },
];

function args(cells: Cell[]): PublishCdnStreamArgs {
  const video = sideBySideVideo({ userId: "Trtc_User_0", roomId: ROOM }, { userId: "Trtc_User_1", roomId: ROOM });
  return {
    sdkAppId: 1400188366,
    roomId: ROOM,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: `relay_${ROOM}_dashboard`, userSig: SECRET.robotSig, maxIdleTime: 30 },
    audioParams: { audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 } },
    videoParams: {
      ...video,
      layoutParams: {
        mixLayoutMode: 4,
        mixLayoutList: cells.map((c) => ({
          userMediaStream: { userInfo: { userId: c.userId, roomId: ROOM, roomIdType: 0 }, streamType: 0 },
          imageWidth: c.w,
          imageHeight: c.h,
          locationX: c.x,
          locationY: c.y,
          zOrder: 0,
          renderMode: 0,
        })),
      },
    },
    feedBackRoomParams: [{ roomId: FEEDBACK_ROOM, roomIdType: 0, userId: `feedback_${FEEDBACK_ROOM}`, userSig: SECRET.feedbackSig }],
    publishCdnParams: [{ publishCdnUrl: PUSH_URL, isTencentCdn: 1 }],
  };
}

let current = args(SIDE_BY_SIDE);
const program = async () => {
  const live = new PublishCdnStream("dashboard", current);
  return { taskId: live.taskId, sequenceNumber: live.sequenceNumber };
};

/** Where screenshots go; gitignored. */
const ARTIFACTS = path.join(REPO, "test-artifacts");

/** Installs Chromium where it is missing; throws (with the script's reason on stderr) when it cannot. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  execFileSync("bash", [path.join(REPO, "scripts", "ensure-chromium.sh")], { stdio: ["ignore", "inherit", "inherit"] });
}

/** Each cell as the page shows it: data attributes, the SVG's own geometry, and where it landed on screen. */
function readCells(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector("figure.layout svg");
    const view = svg.viewBox.baseVal;
    const box = svg.getBoundingClientRect();
    const scale = box.width / view.width;
    return [...document.querySelectorAll("figure.layout g.cell")].map((g: any) => {
      const rect = g.querySelector(":scope > rect");
      const b = rect.getBBox();
      const screen = rect.getBoundingClientRect();
      const d = g.dataset;
      return {
        userId: d.userId,
        data: [Number(d.x), Number(d.y), Number(d.w), Number(d.h)],
        bbox: [b.x, b.y, b.width, b.height],
        // Back from screen pixels to canvas pixels; the stroke is centred on the edge, so inset by it.
        screen: [(screen.left - box.left) / scale, (screen.top - box.top) / scale, screen.width / scale, screen.height / scale],
        stroke: Number(rect.getAttribute("stroke-width") ?? 0),
      };
    });
  });
}

async function expectCellsAt(page: Page, declared: Cell[]): Promise<void> {
  const cells = await readCells(page);
  expect(cells.map((c) => ({ userId: c.userId, data: c.data, bbox: c.bbox }))).toEqual(
    declared.map((c) => ({ userId: c.userId, data: [c.x, c.y, c.w, c.h], bbox: [c.x, c.y, c.w, c.h] })),
  );
  for (const [i, c] of cells.entries()) {
    const want = [declared[i].x, declared[i].y, declared[i].w, declared[i].h];
    // The painted box includes half the stroke on each side; allow that plus a pixel of rounding.
    const slack = c.stroke + 1;
    c.screen.forEach((v, k) => expect({ cell: i, k, off: Math.abs(v - want[k]) <= slack }).toEqual({ cell: i, k, off: true }));
  }
}

/** Polls the control API until `check` passes (the page's fetch is asynchronous). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 100; i++) {
    last = await read();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} never happened; last seen: ${JSON.stringify(last)}`);
}

let env: E2eEnv;
let receiver: Receiver;
let stack: Awaited<ReturnType<typeof inlineStack>>;
let browser: Browser;
let page: Page;
let taskId = "";

beforeAll(async () => {
  ensureChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  receiver = await startReceiver({ key: "dashboardCallbackKey42", log: () => undefined });
  env = await openEnv({ callback: { url: receiver.url, key: "dashboardCallbackKey42" } });
  stack = await inlineStack(env, "dashboard", "dev", program);
  const up = await stack.up();
  taskId = up.outputs.taskId.value;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  page.setDefaultTimeout(60_000);
  // Nothing but the emulator: the dashboard must work offline. Only other hosts are intercepted, because an
  // intercepted EventSource response is delivered only once it ends, which a live stream never does.
  await page.route(
    (url) => !url.href.startsWith(env.emulator.url),
    (route) => route.abort(),
  );
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
  await receiver?.close();
});

describe("the emulator dashboard in Chromium, following a real deployment", () => {
  test("the home page lists the running task with its room, robot and masked push target", async () => {
    await page.goto(`${env.emulator.url}/`);
    const row = page.locator(`[data-section="running"] tr[data-task-row="${taskId}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(ROOM);
    expect(text).toContain(`relay_${ROOM}_dashboard`);
    expect(text).toContain("rtmp://3891.livepush.myqcloud.com/live/dashboard?txSecret=***&txTime=7FFFFFFF");
    await page.waitForSelector('[data-live="live"]');
  });

  test("the task page draws every cell at the declared coordinates", async () => {
    await page.click(`a.task-link[data-task-id="${taskId}"]`);
    await page.waitForSelector("figure.layout g.cell");
    expect(await page.locator('[data-field="taskId"]').innerText()).toBe(taskId);
    expect(await page.$eval("figure.layout svg", (s: any) => s.getAttribute("viewBox"))).toBe("0 0 1280 720");
    await expectCellsAt(page, SIDE_BY_SIDE);
    await page.waitForSelector('[data-live="live"]');
  });

  test("a new up with a changed layout is drawn on the open page without a reload", async () => {
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const updatesBefore = Number(await page.getAttribute("body", "data-updates"));
    current = args(THREE_UP);
    const up = await stack.up();
    expect(up.summary.resourceChanges?.update).toBe(1);
    expect(up.outputs.taskId.value).toBe(taskId);
    await page.waitForFunction(() => document.querySelectorAll("figure.layout g.cell").length === 3, undefined, { timeout: 60_000 });
    await expectCellsAt(page, THREE_UP);
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    expect(Number(await page.getAttribute("body", "data-updates"))).toBeGreaterThan(updatesBefore);
    const [task] = await env.running();
    expect(task.SequenceNumber).toBe(up.outputs.sequenceNumber.value);
    await page.waitForFunction(
      (seq) => document.querySelector('[data-section="summary"] [data-field="sequenceNumber"]')?.textContent === String(seq),
      task.SequenceNumber,
    );
    expect(await page.locator('[data-section="history"] tr[data-action="UpdatePublishCdnStream"]').count()).toBe(1);
  });

  test("the task page lists the relay callbacks sent for the task, delivered to the receiver", async () => {
    const delivered = page.locator('[data-section="callbacks"] td[data-state="delivered"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-section="callbacks"] td[data-state="delivered"]').length >= 1);
    const sent = (await env.control("GET", "callbacks")).callbacks.filter((c: { taskId: string }) => c.taskId === taskId);
    expect(await page.locator('[data-section="callbacks"] tr[data-callback-id]').count()).toBeGreaterThanOrEqual(1);
    expect(await delivered.count()).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(await page.innerText('[data-section="callbacks"]')).toContain("txSecret=***");
  });

  test("no txSecret, UserSig or SecretKey is anywhere in the page or the layout file", async () => {
    const html = await page.content();
    const svg = await (await fetch(`${env.emulator.url}/_emulator/tasks/${encodeURIComponent(taskId)}/layout.svg`)).text();
    for (const text of [html, svg, await page.innerText("body")]) {
      for (const secret of [SECRET.txSecret, SECRET.robotSig, SECRET.feedbackSig, env.emulator.secretKey, "dashboardCallbackKey42"])
        expect(text.includes(secret)).toBe(false);
    }
    // The parameters panel still says which fields were there.
    expect(html).toMatch(/&quot;UserSig&quot;: &quot;\*\*\*&quot;|"UserSig": "\*\*\*"/);
    expect(svg).toContain("data-cell-index");
  });

  test("the presence form sets a room's anchors through the control API, and the page shows them", async () => {
    const form = page.locator(`form[data-control="presence"]:has(input[name="roomId"][value="${ROOM}"])`);
    await form.locator('input[name="anchors"]').fill("Trtc_User_0, Trtc_User_1");
    await form.locator('button[type="submit"]').click();
    await form.locator("output.ok", { hasText: "done" }).waitFor();
    const rooms = await eventually(
      async () => (await env.control("GET", "rooms")).rooms as Array<{ RoomId: string; Anchors: string[] }>,
      (list) => list.some((r) => r.RoomId === ROOM),
      "the room update",
    );
    expect(rooms.find((r) => r.RoomId === ROOM)?.Anchors).toEqual(["Trtc_User_0", "Trtc_User_1"]);
    expect((await env.control("GET", `tasks/${encodeURIComponent(taskId)}`)).Presence.AnchorsSeen).toBe(true);
    const shown = page.locator(`[data-section="rooms"] tr[data-room="1400188366/${ROOM}"] code.anchor`);
    await page.waitForFunction(() => document.querySelectorAll('[data-section="rooms"] code.anchor').length === 2);
    expect(await shown.allInnerTexts()).toEqual(["Trtc_User_0", "Trtc_User_1"]);
  });

  test("screenshots of the task page are kept", async () => {
    // Filling the presence form scrolled down; the picture should start at the header.
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = path.join(ARTIFACTS, "dashboard-task.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
    if (process.env.DASHBOARD_DOC_SCREENSHOT === "1") await page.screenshot({ path: path.join(REPO, "docs", "dashboard.png") });
  });

  test("the fault form adds and clears faults through the control API, and refusals are shown", async () => {
    await page.goto(`${env.emulator.url}/`);
    const form = page.locator('form[data-control="fault"]');
    await form.locator('select[name="action"]').selectOption("UpdatePublishCdnStream");
    await form.locator('select[name="error"]').selectOption("InternalError");
    await form.locator('input[name="count"]').fill("2");
    await form.locator('button[type="submit"]').click();
    await form.locator("output.ok", { hasText: "done" }).waitFor();
    const faults = await eventually(
      async () => (await env.control("GET", "faults")).faults as any[],
      (f) => f.length === 1,
      "the fault",
    );
    expect(faults[0]).toMatchObject({ action: "UpdatePublishCdnStream", error: "InternalError", count: 2, hits: 0 });
    await page.locator(`[data-section="faults"] tr[data-fault-id="${faults[0].id}"]`).waitFor();

    // An error and a drop at once is not a fault spec: the emulator refuses it and the page says why.
    await form.locator('select[name="drop"]').selectOption("after");
    await form.locator('button[type="submit"]').click();
    await form.locator("output.failed", { hasText: "refused" }).waitFor();
    expect((await env.control("GET", "faults")).faults).toHaveLength(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard-home.png"), fullPage: true });

    const clear = page.locator('form[data-control="clear-faults"]');
    await clear.locator('button[type="submit"]').click();
    await clear.locator("output.ok", { hasText: "done" }).waitFor();
    expect((await env.control("GET", "faults")).faults).toEqual([]);
    await page.locator('[data-section="faults"]', { hasText: "No faults" }).waitFor();
  });

  test("text from the control API is shown as text on the open page, never as markup", async () => {
    const anchors = ['<img src=x id="pwned" onerror="window.__pwned=1">', "</code><script>window.__pwned=2</script>"];
    const room = 'r"><b id="pwned2">bold</b>';
    await env.control("PUT", `rooms/1400188366/${encodeURIComponent(room)}`, { anchors });
    await page.waitForFunction(
      (want) => [...document.querySelectorAll('[data-section="rooms"] code.anchor')].some((c: any) => c.textContent === want),
      anchors[0],
    );
    const seen = await page.evaluate(() => ({
      injected: [document.getElementById("pwned"), document.getElementById("pwned2")].filter(Boolean).length,
      ran: window.__pwned ?? null,
      text: document.querySelector('[data-section="rooms"]').textContent,
    }));
    expect({ injected: seen.injected, ran: seen.ran }).toEqual({ injected: 0, ran: null });
    for (const t of [...anchors, room]) expect(seen.text).toContain(t);
  });

  test("destroy moves the task to the finished list on the open page", async () => {
    await stack.destroy();
    const row = page.locator(`[data-section="finished"] tr[data-task-row="${taskId}"]`);
    await row.waitFor();
    expect(await row.locator("[data-status]").innerText()).toBe("finished (stopped)");
    expect(await page.locator(`[data-section="running"] tr[data-task-row]`).count()).toBe(0);
  });
});
