/**
 * A task's layout as it is now: `renderLayout` over the task's merged parameters, with the anchors the
 * control API says are in the task's rooms as the room-entry order, so dynamic layouts (floating, grid,
 * screen sharing) fill the way the cloud would fill them. The renderer reads only layout fields, so push
 * URLs and UserSigs never reach the drawing.
 */
import { renderLayout } from "../../layout/render";
import type { RenderResult } from "../../layout/types";
import type { RoomRecord } from "../state/store";
import { taskRooms } from "../state/rooms";
import type { TaskRecord } from "../state/task";

/** Draws `task`'s current layout; element ids are prefixed so the drawing can sit inside a page. */
export function taskLayout(task: TaskRecord, rooms: ReadonlyArray<RoomRecord>): RenderResult {
  const users: string[] = [];
  for (const roomId of taskRooms(task)) {
    const room = rooms.find((r) => r.SdkAppId === task.SdkAppId && r.RoomId === roomId);
    for (const anchor of room?.Anchors ?? []) if (!users.includes(anchor)) users.push(anchor);
  }
  return renderLayout(task.Params, { users, idPrefix: "task-layout" });
}

/** The drawing as an element to inline in HTML (the XML declaration is only valid at the top of a file). */
export const inlineSvg = (svg: string): string => svg.replace(/^<\?xml[^>]*\?>\s*/, "");
