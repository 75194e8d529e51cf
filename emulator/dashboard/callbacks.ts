/**
 * The relay callbacks (spec §10) the emulator sent for one task, as `GET /_emulator/callbacks` lists them:
 * which push URL changed to which status, why, and how the receiver answered. The sender already masks
 * push URLs and the receiver; they pass through `redactUrl` again here so this page never depends on it.
 */
import { redactUrl } from "../../trtc/redact";
import type { EmulatorCore } from "../core";
import { table } from "./fragments";
import { html, type Html } from "./html";

function lastAttempt(attempts: ReadonlyArray<{ outcome: string; httpStatus?: number; error?: string }>): string {
  const a = attempts[attempts.length - 1];
  if (!a) return "—";
  const what = a.outcome === "answered" ? `HTTP ${a.httpStatus}` : a.outcome === "error" ? `error ${a.error ?? ""}`.trim() : "timeout";
  return attempts.length > 1 ? `${what} (${attempts.length} attempts)` : what;
}

/** The callbacks section of a task's page. */
export function callbackSection(core: EmulatorCore, taskId: string): Html {
  const target = core.callbacks.config();
  const sent = core.callbacks.list().filter((c) => c.taskId === taskId);
  const where =
    target.enabled && target.url
      ? html`sent to <code>${redactUrl(target.url)}</code>`
      : html`<span class="muted">no receiver configured (<code>PUT /_emulator/callback</code>)</span>`;
  return html`<h2>Relay callbacks <span class="count">${sent.length}</span></h2><p>${where}</p>${table(
    ["#", "Push URL", "Status", "Cause", "Delivery", "Receiver answered"],
    sent.map(
      (
        c,
      ) => html`<tr data-callback-id="${c.id}"><td>${c.id}</td><td><code>${redactUrl(c.url)}</code></td><td><code>${c.status}</code> (${c.statusCode})${c.errorMsg ? html` <span class="muted">${c.errorMsg}</span>` : ""}</td>
<td>${c.cause}</td><td data-state="${c.state}">${c.state}</td><td>${lastAttempt(c.attempts)}</td></tr>`,
    ),
    "No callbacks for this task.",
  )}`;
}
