/**
 * The home page: every task (running first, then finished), the rooms the control API knows, the active
 * faults, and the forms for presence and faults. Its sections are recomputed for the event stream.
 */
import type { EmulatorCore } from "../core";
import { faultForm, presenceForm } from "./controls";
import { anchorList, statusBadge, table, targetList, taskLink } from "./fragments";
import { html, type Html } from "./html";
import { documentFrame, section, UI_PREFIX } from "./shell";
import { taskView, type TaskView } from "./view";

function taskRow(t: TaskView): Html {
  const robot = t.robots[0];
  return html`<tr data-task-row="${t.taskId}">
<td>${taskLink(t.taskId)}</td>
<td><code>${t.sdkAppId}</code> / <code>${t.roomId}</code></td>
<td><code>${robot?.userId}</code>${t.robots.length > 1 ? html` <span class="muted">+${t.robots.length - 1}</span>` : ""}</td>
<td>${targetList(t.targets)}</td>
<td class="num" data-field="sequenceNumber">${t.sequenceNumber ?? "—"}</td>
<td>${statusBadge(t)}</td>
<td class="time">${t.finishedAt ?? t.updatedAt}</td>
</tr>`;
}

const TASK_HEADERS = ["TaskId", "SdkAppId / RoomId", "Robot", "Push targets", "Seq", "Status", "Last change"];

/** The live sections of the home page, keyed by `data-section` name. */
export function homeSections(core: EmulatorCore): Record<string, Html> {
  const rooms = core.store.listRooms();
  const views = core.store.listTasks().map((t) => taskView(t, rooms));
  const running = views.filter((t) => t.status === "running");
  const finished = views.filter((t) => t.status !== "running").reverse();
  const faults = core.faults.list();
  return {
    running: html`<h2>Running tasks <span class="count">${running.length}</span></h2>${table(TASK_HEADERS, running.map(taskRow), "No running tasks.")}`,
    finished: html`<h2>Finished tasks <span class="count">${finished.length}</span></h2>${table(TASK_HEADERS, finished.map(taskRow), "No finished tasks.")}`,
    rooms: html`<h2>Rooms</h2>${table(
      ["SdkAppId", "RoomId", "Anchors", "Told at"],
      rooms.map(
        (r) =>
          html`<tr data-room="${r.SdkAppId}/${r.RoomId}"><td><code>${r.SdkAppId}</code></td><td><code>${r.RoomId}</code></td><td>${anchorList(r.Anchors)}</td><td class="time">${r.UpdatedAt}</td></tr>`,
      ),
      "The control API has not been told about any room.",
    )}`,
    faults: html`<h2>Faults <span class="count">${faults.length}</span></h2>${table(
      ["#", "Action", "Effect", "Latency ms", "Count", "Probability", "Hits"],
      faults.map(
        (
          f,
        ) => html`<tr data-fault-id="${f.id}"><td>${f.id}</td><td><code>${f.action}</code></td><td>${f.error ? html`error <code>${f.error}</code>` : f.drop ? `drop ${f.drop}` : "—"}</td>
<td class="num">${f.latencyMs ?? "—"}</td><td class="num">${f.count ?? "∞"}</td><td class="num">${f.probability ?? 1}</td><td class="num">${f.hits}</td></tr>`,
      ),
      "No faults: every request is answered normally.",
    )}`,
  };
}

/** The whole home page. */
export function homePage(core: EmulatorCore): Html {
  const s = homeSections(core);
  const firstApp = core.store.listTasks()[0]?.SdkAppId;
  return documentFrame(
    "Tasks",
    `${UI_PREFIX}/events`,
    html`${section("running", s.running)}
${section("finished", s.finished)}
<div class="columns">
<div>${section("rooms", s.rooms)}<h3>Set room presence</h3>${presenceForm(firstApp)}</div>
<div>${section("faults", s.faults)}<h3>Inject a fault</h3>${faultForm()}</div>
</div>`,
  );
}
