/**
 * The robots a task puts into TRTC rooms: the relay robot that subscribes (AgentParams, spec §5.1) and
 * the push-back robots that publish the mix into other rooms (McuFeedBackRoomParams, spec §5.22).
 */
import type { Builder } from "./builder";
import { int, text } from "./common";
import { roomId, roomIdType, userId } from "./users";

/** A UserSig: a credential, so messages about it never show it. */
const userSig = () => text({ secret: true });

/** The robot structs for one site. */
export function buildRobotStructs(b: Builder) {
  const AgentParams = b.struct(
    "AgentParams",
    {
      UserId: userId().meta({
        description:
          "The robot's TRTC UserId. It must not be used by any other user or robot in the room (a collision " +
          "kicks the robot out and ends the task); embedding the room ID is recommended, e.g. `room_1234_rtmp_1`.",
      }),
      // Optional here, unlike the push-back robot's (spec §13.7).
      UserSig: userSig().optional().meta({ description: "UserSig of `userId` (Tencent doc 647/45910), the robot's ticket into the room." }),
      MaxIdleTime: int(5, 86400)
        .optional()
        .meta({
          description:
            "How long the task keeps running after every mixed anchor has left the room (or become audience); " +
            "then it stops by itself.",
          unit: "s",
          default: 30,
        }),
    },
    { description: "The robot user the relay task joins the room as. UpdatePublishCdnStream cannot change it." },
  );
  const McuFeedBackRoomParams = b.struct(
    "McuFeedBackRoomParams",
    {
      RoomId: roomId().meta({ description: "The target room's ID, always a string." }),
      RoomIdType: roomIdType().meta({ description: "The type of `roomId`; must match the target room." }),
      UserId: userId().meta({
        description: "The push-back robot's UserId; must not be used by any other user or robot in the room.",
      }),
      UserSig: userSig().meta({ description: "UserSig of `userId`, the push-back robot's ticket into the room." }),
    },
    {
      description:
        "One TRTC room the output is pushed back into, and the robot that publishes it there. Needs TRTC SDK " +
        "10.4 or later and Tencent's enablement.",
    },
  );
  return { AgentParams, McuFeedBackRoomParams };
}
