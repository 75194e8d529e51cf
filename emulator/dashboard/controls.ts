/**
 * The forms that drive the control API from a page. They hold no logic of their own: each names the
 * control route it calls (`data-control`), and the page script sends what the user typed there with
 * fetch, so the emulator's existing checks (anchor lists, fault specs) answer, and their messages show.
 */
import { INJECTABLE_ERRORS } from "../api/errors";
import { ACTION_NAMES } from "../api/router";
import { html, type Html } from "./html";
import type { RoomView } from "./view";

const result = html`<output class="result" aria-live="polite"></output>`;

/**
 * Sets who is in a room (`PUT /_emulator/rooms/<SdkAppId>/<RoomId>`). With a fixed room the ids are
 * hidden fields; without one (the home page) the user types them.
 */
export function presenceForm(sdkAppId?: number, room?: RoomView): Html {
  const where = room
    ? html`<input type="hidden" name="sdkAppId" value="${sdkAppId}"><input type="hidden" name="roomId" value="${room.roomId}">
<span class="label">Room <code>${room.roomId}</code></span>`
    : html`<label>SdkAppId <input name="sdkAppId" inputmode="numeric" required value="${sdkAppId ?? ""}"></label>
<label>RoomId <input name="roomId" required></label>`;
  return html`<form class="control" data-control="presence">
${where}
<label>Anchors <input name="anchors" value="${room?.anchors.join(", ") ?? ""}" placeholder="user1, user2 (empty: nobody)"></label>
<button type="submit">Set anchors</button> ${result}
</form>`;
}

/** Adds a fault (`POST /_emulator/faults`); empty fields are left out of the spec. */
export function faultForm(): Html {
  const actions = ["*", ...ACTION_NAMES].map((a) => html`<option value="${a}">${a === "*" ? "* (every action)" : a}</option>`);
  const errors = Object.keys(INJECTABLE_ERRORS).map((code) => html`<option value="${code}">${code}</option>`);
  return html`<form class="control" data-control="fault">
<label>Action <select name="action">${actions}</select></label>
<label>Error <select name="error"><option value="">(none)</option>${errors}</select></label>
<label>Drop <select name="drop"><option value="">(no)</option><option value="before">before acting</option><option value="after">after acting</option></select></label>
<label>Latency ms <input name="latencyMs" type="number" min="0" step="1"></label>
<label>Count <input name="count" type="number" min="1" step="1"></label>
<label>Probability <input name="probability" type="number" min="0" max="1" step="0.05"></label>
<button type="submit">Add fault</button> ${result}
</form>
<form class="control" data-control="clear-faults"><button type="submit">Clear all faults</button> ${result}</form>`;
}

/** Finishes a running task now (`POST /_emulator/tasks/<TaskId>/expire`), as if the cloud ended it. */
export function expireForm(taskId: string): Html {
  return html`<form class="control" data-control="expire"><input type="hidden" name="taskId" value="${taskId}">
<button type="submit">Expire task now</button> ${result}</form>`;
}
