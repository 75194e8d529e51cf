/**
 * Who is mixed or relayed: TRTC users, their streams, and the identifier types shared by every struct
 * that names a room or a user (spec §5.4, §5.5, §5.10, §5.11, §5.17).
 */
import type { Builder } from "./builder";
import { int, oneOf } from "./common";
import { roomId, userId } from "./identifiers";

/** UserId and RoomId, with TRTC's lengths and character sets (identifiers.ts). */
export { roomId, userId };

/** `0` integer room ID, `1` string room ID. */
export const roomIdType = () => oneOf([0, 1], ["integer room ID", "string room ID"]);

/** The largest integer room ID TRTC issues (general TRTC docs: 1–4294967294; UNSURE for this API). */
export const MAX_INTEGER_ROOM_ID = 4294967294;

/** The user structs for one site. */
export function buildUserStructs(b: Builder) {
  const MixUserInfo = b.struct(
    "MixUserInfo",
    {
      UserId: userId().meta({ description: "The user's TRTC UserId." }),
      RoomId: roomId()
        .optional()
        .meta({
          description:
            "The user's room, always a string (`\"295066\"`), even for an integer room; the task's main room when " +
            "omitted. Dynamic layouts (`mixLayoutMode` 1-3) mix the main room only; in a custom layout (4) it must " +
            "equal the room given for this user in `mixLayoutList`.",
        }),
      RoomIdType: roomIdType().optional().meta({ description: "The type of `roomId`; must match the real type of the user's room." }),
    },
    { description: "A TRTC user, optionally in a room other than the task's main room." },
  );
  const UserMediaStream = b.struct(
    "UserMediaStream",
    {
      UserInfo: MixUserInfo.optional().meta({ description: "The user whose stream is meant." }),
      StreamType: oneOf([0, 1], ["camera/main stream", "screen-share stream"])
        .optional()
        .meta({ description: "Which of the user's streams.", default: 0 }),
    },
    { description: "One user's camera or screen-share stream." },
  );
  const McuUserInfoParams = b.struct(
    "McuUserInfoParams",
    {
      UserInfo: MixUserInfo.meta({ description: "The user." }),
      SoundLevel: int(0, 100).optional().meta({
        description: "Mixing volume, `100` being the original volume. Only effective in `subscribeAudioList`.",
        default: 100,
      }),
    },
    { description: "One entry of an audio allow-list or block-list." },
  );
  const SingleSubscribeParams = b.struct(
    "SingleSubscribeParams",
    {
      UserMediaStream: UserMediaStream.meta({
        description: "The stream to relay; only valid with `withTranscoding: 0`.",
      }),
    },
    { description: "The one stream a single-stream relay forwards, without transcoding." },
  );
  const MaxVideoUser = b.struct(
    "MaxVideoUser",
    { UserMediaStream: UserMediaStream.meta({ description: "The big-picture user's stream." }) },
    { description: "The big-picture user of the floating (`mixLayoutMode: 1`) and screen-sharing (2) layouts." },
  );
  return { MixUserInfo, UserMediaStream, McuUserInfoParams, SingleSubscribeParams, MaxVideoUser };
}
