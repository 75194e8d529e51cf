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
  const AgentParams = b.struct("AgentParams", {
    UserId: userId(),
    // Optional here, unlike the push-back robot's (spec §13.7).
    UserSig: userSig().optional(),
    MaxIdleTime: int(5, 86400).optional(),
  });
  const McuFeedBackRoomParams = b.struct("McuFeedBackRoomParams", {
    RoomId: roomId(),
    RoomIdType: roomIdType(),
    UserId: userId(),
    UserSig: userSig(),
  });
  return { AgentParams, McuFeedBackRoomParams };
}
