/**
 * Small pieces several pages draw the same way: status badges, push targets, robots, anchor lists.
 */
import { html, type Html } from "./html";
import { taskPageUrl } from "./shell";
import type { RobotView, TargetView, TaskView } from "./view";

/** "running", or "finished (stopped)" and the like, as a coloured badge. */
export const statusBadge = (task: Pick<TaskView, "status" | "finishReason">): Html =>
  html`<span class="badge ${task.status}" data-status="${task.status}">${task.status}${task.finishReason ? ` (${task.finishReason})` : ""}</span>`;

/** The push URLs, already masked by the view. */
export const targetList = (targets: ReadonlyArray<TargetView>): Html =>
  targets.length === 0
    ? html`<span class="muted">none</span>`
    : html`<ul class="targets">${targets.map((t) => html`<li><code class="target">${t.url}</code>${t.tencentCdn ? html` <span class="tag">Tencent CDN</span>` : ""}</li>`)}</ul>`;

/** The robots by UserId and room. */
export const robotList = (robots: ReadonlyArray<RobotView>): Html =>
  html`<ul class="robots">${robots.map((r) => html`<li><code>${r.userId}</code> <span class="muted">${r.role} in room</span> <code>${r.roomId}</code></li>`)}</ul>`;

/** A list of anchors, or a note that nobody is there. */
export const anchorList = (anchors: ReadonlyArray<string>): Html =>
  anchors.length === 0
    ? html`<span class="muted">nobody</span>`
    : html`${anchors.map((a, i) => html`${i > 0 ? ", " : ""}<code class="anchor">${a}</code>`)}`;

/** A link to a task's page, labelled with its TaskId. */
export const taskLink = (taskId: string): Html =>
  html`<a class="task-link" href="${taskPageUrl(taskId)}" data-task-id="${taskId}"><code>${taskId}</code></a>`;

/** A table, or a muted line when there are no rows. */
export function table(headers: ReadonlyArray<string>, rows: ReadonlyArray<Html>, empty: string): Html {
  if (rows.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<table><thead><tr>${headers.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`;
}
