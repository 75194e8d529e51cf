/**
 * One task's page: what it is (status, room, SequenceNumber, robots, masked push targets), its layout as
 * it is now (the renderer's SVG inlined, with the problems it found), who is in its rooms, its history,
 * the relay callbacks sent for it and its redacted parameters; plus presence forms for each of its rooms
 * and an expire button.
 */
import type { EmulatorCore } from "../core";
import { callbackSection } from "./callbacks";
import { expireForm, presenceForm } from "./controls";
import { anchorList, robotList, statusBadge, table, targetList, taskLink } from "./fragments";
import { html, raw, type Html } from "./html";
import { inlineSvg, taskLayout } from "./layout";
import { documentFrame, layoutSvgUrl, section, UI_PREFIX } from "./shell";
import { taskView, type TaskView } from "./view";

function summary(t: TaskView): Html {
  return html`<h1>Task ${statusBadge(t)}</h1>
<p class="task-id"><code data-field="taskId">${t.taskId}</code></p>
<dl class="summary">
<dt>SdkAppId</dt><dd><code>${t.sdkAppId}</code></dd>
<dt>Room</dt><dd><code>${t.roomId}</code></dd>
<dt>SequenceNumber</dt><dd data-field="sequenceNumber">${t.sequenceNumber ?? "— (never updated)"}</dd>
<dt>Mode</dt><dd>${t.transcoding ? "mix (transcoding)" : "single stream, no transcoding"}</dd>
<dt>Created</dt><dd class="time">${t.createdAt}</dd>
<dt>Last change</dt><dd class="time">${t.updatedAt}</dd>
${t.finishedAt ? html`<dt>Finished</dt><dd class="time">${t.finishedAt} (${t.finishReason})</dd>` : ""}
${t.kickedBy ? html`<dt>Kicked by</dt><dd data-field="kickedBy">${taskLink(t.kickedBy.TaskId)}: its robot <code>${t.kickedBy.UserId}</code> entered room <code>${t.kickedBy.RoomId}</code> with the same UserId</dd>` : ""}
${t.idleSince ? html`<dt>Idle since</dt><dd class="time">${t.idleSince} <span class="muted">(expires after MaxIdleTime)</span></dd>` : ""}
<dt>Robots</dt><dd>${robotList(t.robots)}</dd>
<dt>Push targets</dt><dd>${targetList(t.targets)}</dd>
</dl>`;
}

function layout(core: EmulatorCore, taskId: string): Html {
  const task = core.store.getTask(taskId);
  if (!task) return html``;
  let drawing: ReturnType<typeof taskLayout>;
  try {
    drawing = taskLayout(task, core.store.listRooms());
  } catch (e) {
    return html`<h2>Layout</h2><p class="error">The layout could not be drawn: ${(e as Error).message}</p>`;
  }
  const { canvas, kind, problems } = drawing;
  return html`<h2>Layout <span class="muted">${kind}, ${canvas.width}×${canvas.height}${canvas.assumed ? " (assumed)" : ""}</span></h2>
<figure class="layout">${raw(inlineSvg(drawing.svg))}</figure>
<p><a href="${layoutSvgUrl(taskId)}">layout.svg</a></p>
${problems.length === 0 ? "" : html`<ul class="problems">${problems.map((p) => html`<li class="${p.severity}"><code>${p.path}</code> ${p.message}</li>`)}</ul>`}`;
}

function rooms(t: TaskView): Html {
  return html`<h2>Room presence</h2>${table(
    ["RoomId", "Anchors"],
    t.rooms.map(
      (r) =>
        html`<tr data-room="${t.sdkAppId}/${r.roomId}"><td><code>${r.roomId}</code></td><td>${r.known ? anchorList(r.anchors) : html`<span class="muted">not told yet</span>`}</td></tr>`,
    ),
    "No rooms.",
  )}`;
}

function history(t: TaskView): Html {
  return html`<h2>History</h2>${table(
    ["At", "Action", "SequenceNumber", "RequestId"],
    t.history.map(
      (h) =>
        html`<tr data-action="${h.Action}"><td class="time">${h.At}</td><td><code>${h.Action}</code></td><td class="num">${h.SequenceNumber ?? ""}</td><td><code>${h.RequestId}</code></td></tr>`,
    ),
    "No calls yet.",
  )}`;
}

/** The live sections of a task's page, or undefined when there is no such task (any more). */
export function taskSections(core: EmulatorCore, taskId: string): Record<string, Html> | undefined {
  const task = core.store.getTask(taskId);
  if (!task) return undefined;
  const view = taskView(task, core.store.listRooms());
  return {
    summary: summary(view),
    layout: layout(core, taskId),
    rooms: rooms(view),
    history: history(view),
    callbacks: callbackSection(core, taskId),
    params: html`<details><summary>All parameters (secrets masked)</summary><pre>${JSON.stringify(view.params, null, 2)}</pre></details>`,
  };
}

/** Shown in place of a task's sections once the task is gone (unknown id, or after a reset). */
export const missingTask = (taskId: string): Html =>
  html`<h1>No such task</h1><p>The emulator has no task <code>${taskId}</code> (a reset forgets every task).</p>`;

/** The whole page of one task, or undefined when there is no such task. */
export function taskPage(core: EmulatorCore, taskId: string): Html | undefined {
  const task = core.store.getTask(taskId);
  const s = taskSections(core, taskId);
  if (!task || !s) return undefined;
  const view = taskView(task, core.store.listRooms());
  const events = `${UI_PREFIX}/events?task=${encodeURIComponent(taskId)}`;
  return documentFrame(
    `Task in room ${view.roomId}`,
    events,
    html`<p><a href="${UI_PREFIX}/">← all tasks</a></p>
${section("summary", s.summary)}
${section("layout", s.layout)}
<div class="columns">
<div>${section("rooms", s.rooms)}<h3>Set room presence</h3>${view.rooms.map((r) => presenceForm(view.sdkAppId, r))}</div>
<div>${section("history", s.history)}${view.status === "running" ? html`<h3>Finish it</h3>${expireForm(taskId)}` : ""}</div>
</div>
${section("callbacks", s.callbacks)}
${section("params", s.params)}`,
  );
}
