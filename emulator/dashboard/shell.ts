/**
 * The document frame every dashboard page shares: header, stylesheet, script, and the `data-events` URL
 * the script subscribes to. Sections carry `data-section` names; the event stream replaces exactly those,
 * so forms outside them keep what the user typed while the page follows the emulator.
 */
import { html, type Html } from "./html";

/** Where the dashboard's own files live (under the control prefix, so they never shadow the API at `/`). */
export const UI_PREFIX = "/_emulator/ui";

/** The URL of a task's page. */
export const taskPageUrl = (taskId: string): string => `${UI_PREFIX}/tasks/${encodeURIComponent(taskId)}`;

/** The URL of a task's layout drawing as a standalone SVG file. */
export const layoutSvgUrl = (taskId: string): string => `/_emulator/tasks/${encodeURIComponent(taskId)}/layout.svg`;

/** One live region of a page. */
export const section = (name: string, content: Html): Html => html`<div class="section" data-section="${name}">${content}</div>`;

/** Wraps a page body; `events` is the event-stream URL that keeps the page's sections current. */
export function documentFrame(title: string, events: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · trtc-emulator</title>
<link rel="stylesheet" href="${UI_PREFIX}/style.css">
<script src="${UI_PREFIX}/script.js" defer></script>
</head>
<body data-events="${events}" data-updates="0">
<header><a class="home" href="${UI_PREFIX}/">trtc-emulator</a><span class="subtitle">relay tasks, rooms and faults</span><span class="live" data-live="connecting">connecting…</span></header>
<main>
${body}
</main>
</body>
</html>
`;
}
