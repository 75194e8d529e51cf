/**
 * SVG to PNG through headless Chromium (playwright-core driving the system's /usr/bin/chromium).
 *
 * Why a browser: the SVG is meant to be looked at in one, so rasterising with the same engine shows
 * exactly what a reader will see (fonts, patterns, clip paths). playwright-core is loaded only when a PNG
 * is asked for, so the renderer itself stays dependency-free.
 */
import { existsSync } from "node:fs";

/** Where the Debian/Ubuntu `chromium` package installs the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a quiet, offline, sandbox-less (container-friendly) headless browser. */
export const CHROMIUM_ARGS: ReadonlyArray<string> = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Raised when no Chromium is installed where {@link svgToPng} looks. */
export class ChromiumMissingError extends Error {
  readonly code = "ChromiumMissing";
  constructor(readonly executablePath: string) {
    super(`PNG output needs Chromium at ${executablePath}, which does not exist. Install it with: apt-get install -y chromium`);
    this.name = "ChromiumMissingError";
  }
}

/** Options for {@link svgToPng}. */
export interface PngOptions {
  /** Browser binary; default {@link CHROMIUM_PATH}. */
  readonly executablePath?: string;
  /** Give up after this many milliseconds (launch plus rendering); default 60 000. */
  readonly timeoutMs?: number;
}

/**
 * playwright-core, loaded here rather than at the top: importing the renderer must not require it. It is an
 * optional dependency (npm installs it unless told to omit optional ones), so its absence gets a message
 * saying how to add it rather than a bare MODULE_NOT_FOUND.
 */
function loadPlaywright(): typeof import("playwright-core") {
  try {
    return require("playwright-core") as typeof import("playwright-core");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw e;
    throw new Error(
      "PNG export needs playwright-core, an optional dependency this install left out; add it with `npm install playwright-core`",
    );
  }
}

/**
 * Rasterises an SVG document at `size` (its canvas size, one CSS pixel per TRTC pixel).
 * The page may not load anything: every request is aborted, so a drawing can never reach the network.
 *
 * @throws ChromiumMissingError when the browser is not installed.
 */
export async function svgToPng(svg: string, size: { width: number; height: number }, opts: PngOptions = {}): Promise<Buffer> {
  const executablePath = opts.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const timeout = opts.timeoutMs ?? 60_000;
  const { chromium } = loadPlaywright();
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true, timeout });
  try {
    const page = await browser.newPage({
      viewport: { width: Math.ceil(size.width), height: Math.ceil(size.height) },
      deviceScaleFactor: 1,
    });
    page.setDefaultTimeout(timeout);
    await page.route("**/*", (route) => route.abort());
    const markup = svg.replace(/^<\?xml[^>]*\?>\s*/, "");
    await page.setContent(
      `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:#000}svg{display:block}</style></head><body>${markup}</body></html>`,
    );
    return await page.screenshot({ type: "png", clip: { x: 0, y: 0, width: Math.ceil(size.width), height: Math.ceil(size.height) } });
  } finally {
    await browser.close();
  }
}
