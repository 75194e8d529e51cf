/**
 * Where the dashboard answers. `POST /` stays the API; a browser's `GET /` (it asks for `text/html`) gets
 * the home page, while a `GET /` without `text/html` still gets the API's `UnsupportedProtocol` as before,
 * so scripts and SDKs see no difference. Everything else lives under `/_emulator/ui/`, plus each task's
 * drawing at `/_emulator/tasks/<TaskId>/layout.svg` next to the task's control-API record.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorCore } from "../core";
import { sendBody } from "../http-io";
import { streamSections } from "./events";
import { html, type Html } from "./html";
import { taskLayout } from "./layout";
import { homePage, homeSections } from "./page";
import { SCRIPT } from "./script";
import { documentFrame, UI_PREFIX } from "./shell";
import { STYLE } from "./style";
import { missingTask, taskPage, taskSections } from "./task-page";

const LAYOUT_SVG = /^\/_emulator\/tasks\/([^/]+)\/layout\.svg$/;
const TASK_PAGE = /^\/_emulator\/ui\/tasks\/([^/]+)$/;

/**
 * Scripts only from this server, no inline script at all: even if some text slipped past escaping it could
 * not run. Inline styles stay allowed because SVG drawings may use them.
 */
const PAGE_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
};

/** True for requests the dashboard answers; see the module comment for which. */
export function isDashboardRoute(req: IncomingMessage, pathname: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (pathname === "/") return /\btext\/html\b/i.test(req.headers.accept ?? "");
  return pathname === UI_PREFIX || pathname.startsWith(`${UI_PREFIX}/`) || LAYOUT_SVG.test(pathname);
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string): void {
  sendBody(res, status, `${type}; charset=utf-8`, body, PAGE_HEADERS, req.method === "HEAD");
}

const decode = (part: string): string | undefined => {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
};

function notFound(req: IncomingMessage, res: ServerResponse, what: Html): void {
  send(req, res, 404, "text/html", documentFrame("Not found", "", html`<p><a href="${UI_PREFIX}/">← all tasks</a></p>${what}`).text);
}

/** Answers a request {@link isDashboardRoute} accepted. */
export function handleDashboardRequest(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  req.resume();
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  if (pathname === "/" || pathname === UI_PREFIX || pathname === `${UI_PREFIX}/`)
    return send(req, res, 200, "text/html", homePage(core).text);
  if (pathname === `${UI_PREFIX}/style.css`) return send(req, res, 200, "text/css", STYLE);
  if (pathname === `${UI_PREFIX}/script.js`) return send(req, res, 200, "text/javascript", SCRIPT);
  if (pathname === `${UI_PREFIX}/events`) {
    const taskId = url.searchParams.get("task");
    if (taskId === null) return streamSections(res, () => homeSections(core));
    // A task that disappears (reset) leaves a note in its summary instead of stale data.
    return streamSections(
      res,
      () =>
        taskSections(core, taskId) ?? {
          summary: missingTask(taskId),
          layout: html``,
          rooms: html``,
          history: html``,
          callbacks: html``,
          params: html``,
        },
    );
  }
  const pageMatch = TASK_PAGE.exec(pathname);
  if (pageMatch) {
    const taskId = decode(pageMatch[1]) ?? "";
    const page = taskPage(core, taskId);
    return page ? send(req, res, 200, "text/html", page.text) : notFound(req, res, missingTask(taskId));
  }
  const svgMatch = LAYOUT_SVG.exec(pathname);
  const task = svgMatch ? core.store.getTask(decode(svgMatch[1]) ?? "") : undefined;
  if (task) return send(req, res, 200, "image/svg+xml", taskLayout(task, core.store.listRooms()).svg);
  notFound(
    req,
    res,
    svgMatch ? missingTask(decode(svgMatch[1]) ?? "") : html`<h1>Not found</h1><p>No dashboard page <code>${pathname}</code>.</p>`,
  );
}
