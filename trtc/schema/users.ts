/**
 * Who is mixed or relayed: TRTC users, their streams, and the identifier types shared by every struct
 * that names a room or a user (spec §5.4, §5.5, §5.10, §5.11, §5.17).
 */
import type { Builder } from "./builder";
import { int, oneOf, text } from "./common";

/**
 * A TRTC UserId. This API does not state a limit; TRTC's general rule is at most 32 bytes (spec §5.1,
 * UNSURE), and enforcing it early beats a robot that silently fails to enter the room.
 */
export const userId = () => text({ maxBytes: 32 });

/**
 * A room ID, always a JSON string. String rooms are at most 64 bytes in TRTC's general docs (UNSURE);
 * whether an integer room's ID is numeric is a cross-field rule (it depends on `RoomIdType`).
 */
export const roomId = () => text({ maxBytes: 64 });

/** `0` integer room ID, `1` string room ID. */
export const roomIdType = () => oneOf([0, 1], ["integer room ID", "string room ID"]);

/** The largest integer room ID TRTC issues (general TRTC docs: 1–4294967294; UNSURE for this API). */
export const MAX_INTEGER_ROOM_ID = 4294967294;

/** The user structs for one site. */
export function buildUserStructs(b: Builder) {
  const MixUserInfo = b.struct("MixUserInfo", {
    UserId: userId(),
    RoomId: roomId().optional(),
    RoomIdType: roomIdType().optional(),
  });
  const UserMediaStream = b.struct("UserMediaStream", {
    UserInfo: MixUserInfo.optional(),
    StreamType: oneOf([0, 1], ["camera/main stream", "screen-share stream"]).optional(),
  });
  const McuUserInfoParams = b.struct("McuUserInfoParams", {
    UserInfo: MixUserInfo,
    SoundLevel: int(0, 100).optional(),
  });
  const SingleSubscribeParams = b.struct("SingleSubscribeParams", { UserMediaStream });
  const MaxVideoUser = b.struct("MaxVideoUser", { UserMediaStream });
  return { MixUserInfo, UserMediaStream, McuUserInfoParams, SingleSubscribeParams, MaxVideoUser };
}
