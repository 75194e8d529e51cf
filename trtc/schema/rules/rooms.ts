/** Rules about which rooms users come from (spec §2.1, §2.2(11), §5.5, §5.22). */
import { MAX_INTEGER_ROOM_ID } from "../users";
import { type Json, type Path, type Rule, arr, at, int, obj, perRun, str } from "./model";

/** Where a MixUserInfo sits: an audio subscription list, a layout cell, the big picture or the single stream. */
type UserSource = "audio" | "cell" | "bigPicture" | "single";

/** Every MixUserInfo in a body, with its path (derived once per rules run). */
export const mixUsers = perRun(everyMixUser);

function everyMixUser(body: Json): ReadonlyArray<{ readonly path: Path; readonly info: Json; readonly source: UserSource }> {
  const out: Array<{ path: Path; info: Json; source: "audio" | "cell" | "bigPicture" | "single" }> = [];
  const add = (path: Path, source: (typeof out)[number]["source"]) => {
    const info = obj(at(body, ...path));
    if (info) out.push({ path, info, source });
  };
  for (const list of ["SubscribeAudioList", "UnSubscribeAudioList"]) {
    arr(at(body, "AudioParams", list)).forEach((_, i) => add(["AudioParams", list, i, "UserInfo"], "audio"));
  }
  arr(at(body, "VideoParams", "LayoutParams", "MixLayoutList")).forEach((_, i) =>
    add(["VideoParams", "LayoutParams", "MixLayoutList", i, "UserMediaStream", "UserInfo"], "cell"),
  );
  add(["VideoParams", "LayoutParams", "MaxVideoUser", "UserMediaStream", "UserInfo"], "bigPicture");
  add(["SingleSubscribeParams", "UserMediaStream", "UserInfo"], "single");
  return out;
}

const INTEGER_ROOM = /^[1-9][0-9]{0,9}$/;

/**
 * An integer room's ID is still sent as a string, but must be that integer (spec §2.1: "must match the real
 * type of the room"). The 1–4294967294 range is TRTC's general rule for integer rooms (UNSURE here).
 */
export const roomIdMatchesType: Rule = {
  id: "room-id-matches-type",
  source: "spec §2.1, §5.5, §5.22",
  summary: "roomId is a decimal integer from 1 to 4294967294 wherever roomIdType is 0.",
  check(body, report) {
    const places: Array<{ path: Path; o: Json | undefined }> = [
      { path: [], o: body },
      ...arr(body.FeedBackRoomParams).map((r, i) => ({ path: ["FeedBackRoomParams", i] as Path, o: obj(r) })),
      ...mixUsers(body).map(({ path, info }) => ({ path, o: info })),
    ];
    for (const { path, o } of places) {
      const id = str(o?.RoomId);
      if (int(o?.RoomIdType) !== 0 || id === undefined) continue;
      if (!INTEGER_ROOM.test(id) || Number(id) > MAX_INTEGER_ROOM_ID) {
        report(
          [...path, "RoomId"],
          `must be a decimal integer from 1 to ${MAX_INTEGER_ROOM_ID} when roomIdType is 0 (got ${JSON.stringify(id)})`,
        );
      }
    }
  },
};

/**
 * Dynamic layouts (modes 1–3) mix one room only, so any user named in them must be in the main room.
 * Applied only to Start (Update does not carry the main room) and only when video is mixed: an audio-only
 * task has no layout, and cross-room audio mixing is documented (spec §2.5 cross-room example) — UNSURE.
 */
export const dynamicLayoutSingleRoom: Rule = {
  id: "dynamic-layout-single-room",
  source: "spec §2.2(11), §5.5",
  summary: "With mixLayoutMode 1, 2 or 3, every named user is in the main room.",
  check(body, report) {
    const layout = obj(at(body, "VideoParams", "LayoutParams"));
    if (!obj(body.VideoParams)) return;
    const mode = layout?.MixLayoutMode === undefined ? 1 : int(layout.MixLayoutMode);
    const main = str(body.RoomId);
    const mainType = int(body.RoomIdType);
    if (mode === undefined || mode === 4 || main === undefined) return;
    for (const { path, info, source } of mixUsers(body)) {
      if (source === "cell" || source === "single") continue;
      const room = str(info.RoomId);
      const type = int(info.RoomIdType);
      if (room !== undefined && room !== main) {
        report(
          [...path, "RoomId"],
          `must be the main roomId (${JSON.stringify(main)}) with mixLayoutMode ${mode}; use mixLayoutMode 4 to mix other rooms (got ${JSON.stringify(room)})`,
        );
      } else if (type !== undefined && mainType !== undefined && type !== mainType) {
        report([...path, "RoomIdType"], `must be the main roomIdType (${mainType}) with mixLayoutMode ${mode} (got ${type})`);
      }
    }
  },
};

/** In a custom layout, a whitelisted user's audio comes from the same room as their cell (spec §5.5). */
export const audioRoomMatchesCell: Rule = {
  id: "audio-room-matches-cell",
  source: "spec §5.5",
  summary: "With mixLayoutMode 4, a subscribeAudioList user's roomId equals the roomId of that user's cell.",
  check(body, report) {
    if (int(at(body, "VideoParams", "LayoutParams", "MixLayoutMode")) !== 4) return;
    const main = str(body.RoomId);
    const roomOf = (info: Json) => str(info.RoomId) ?? main;
    const cellRooms = new Map<string, Set<string>>();
    for (const { info, source } of mixUsers(body)) {
      const user = str(info.UserId);
      const room = roomOf(info);
      if (source !== "cell" || user === undefined || room === undefined) continue;
      cellRooms.set(user, (cellRooms.get(user) ?? new Set<string>()).add(room));
    }
    for (const { path, info, source } of mixUsers(body)) {
      const user = str(info.UserId);
      const room = roomOf(info);
      if (source !== "audio" || path[1] !== "SubscribeAudioList" || user === undefined || room === undefined) continue;
      const rooms = cellRooms.get(user);
      if (rooms && !rooms.has(room)) {
        report(
          [...path, "RoomId"],
          `must match the roomId of ${JSON.stringify(user)}'s cell in videoParams.layoutParams.mixLayoutList (${[...rooms].map((r) => JSON.stringify(r)).join(" or ")}), got ${JSON.stringify(room)}`,
        );
      }
    }
  },
};
