/**
 * The emulator against real web pages in Chromium (playwright-core, Debian's /usr/bin/chromium, which
 * scripts/setup.sh installs). Chromium's `--host-resolver-rules` plays the attacker's DNS: the names
 * `rebind.test` and `attacker.test` resolve to 127.0.0.1, exactly what a DNS-rebinding page achieves.
 * - a page reached by a foreign name (rebinding) gets nothing from any route;
 * - a foreign page's form POST to `/_emulator/reset` (cross-site request forgery) is refused and changes
 *   nothing;
 * - the dashboard's own form, same-origin, still works.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../layout/png";
import { APP, useEmulator } from "../helpers/emulator-harness";

// Evaluated inside the page; the test project compiles without the DOM library.
declare const document: any;

// Launching Chromium on a busy 2-core machine can take many seconds; nothing here asserts on time.
jest.setTimeout(120_000);

const emu = useEmulator();
let browser: Browser;
let page: Page;
let attacker: Server;
let attackerPort = 0;

/** The attacker's site: a page whose form posts to whatever `target` it is given, on load. */
const attackPage = (target: string): string => `<!doctype html><html><body>
<form id="f" method="POST" action="${target}" enctype="application/x-www-form-urlencoded"><input name="x" value="1"></form>
<script>document.getElementById("f").submit();</script></body></html>`;

beforeAll(async () => {
  attacker = createServer((req, res) => {
    const target = new URL(req.url ?? "/", "http://attacker.test").searchParams.get("target") ?? "";
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(attackPage(target));
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP rebind.test 127.0.0.1, MAP attacker.test 127.0.0.1"],
    headless: true,
  });
  page = await browser.newPage();
  page.setDefaultTimeout(60_000);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

describe("the emulator in Chromium, against foreign pages", () => {
  test("a page reached by a rebound name gets the refusal, not the tasks, the dashboard or the API", async () => {
    await emu.api().start();
    const base = `http://rebind.test:${emu.get().port}`;
    for (const path of ["/_emulator/tasks?reveal=secrets", "/_emulator/tasks", "/", "/_emulator/ui/"]) {
      const res = await page.goto(`${base}${path}`);
      expect({ path, status: res?.status() }).toEqual({ path, status: 403 });
      const text = await page.innerText("body");
      expect(text).toContain("--allow-host");
      expect(text).not.toContain("TaskId");
    }
    // The rebound page's own script, same-origin from the browser's point of view, reads nothing either.
    const seen = await page.evaluate(async () => {
      const r = await fetch("/_emulator/tasks?reveal=secrets");
      return { status: r.status, text: await r.text() };
    });
    expect(seen.status).toBe(403);
    expect(seen.text).not.toContain("TaskId");
  });

  test("a cross-site form POST to /_emulator/reset is refused and the tasks stay", async () => {
    const running = (await emu.api().control("GET", "stats")).json.tasks.running as number;
    expect(running).toBeGreaterThan(0);
    const target = `${emu.get().url}/_emulator/reset`;
    const answered = page.waitForResponse((r) => r.url() === target);
    await page.goto(`http://attacker.test:${attackerPort}/?target=${encodeURIComponent(target)}`);
    const res = await answered;
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain("cross-site");
    expect((await emu.api().control("GET", "stats")).json.tasks.running).toBe(running);
  });

  test("the dashboard's own presence form (same origin) is accepted", async () => {
    await page.goto(`${emu.get().url}/`);
    const form = page.locator('form[data-control="presence"]');
    await form.locator('input[name="sdkAppId"]').fill(String(APP));
    await form.locator('input[name="roomId"]').fill("browser-guard-room");
    await form.locator('input[name="anchors"]').fill("anchor_a, anchor_b");
    await form.locator('button[type="submit"]').click();
    await form.locator("output.ok", { hasText: "done" }).waitFor();
    const rooms = (await emu.api().control("GET", "rooms")).json.rooms as Array<{ RoomId: string; Anchors: string[] }>;
    expect(rooms.find((r) => r.RoomId === "browser-guard-room")?.Anchors).toEqual(["anchor_a", "anchor_b"]);
    expect(await page.evaluate(() => document.querySelector("[data-live]")?.getAttribute("data-live"))).not.toBe("failed");
  });
});
