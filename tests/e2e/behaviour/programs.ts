/**
 * Programs for the rows: a mixing task per room with its own robot, built as data (model.ts), so rows say
 * only what differs. Rooms are numeric strings and each resource gets its own robot UserId, so tasks of
 * one row never collide unless the row means them to.
 */
import type { Expr, OptionSpec, ProgramSpec, Ref, ResourceSpec } from "./model";

/** The SdkAppId every row uses. */
export const SDK_APP_ID = 1400188366;

/** Secret-looking values the rows plant and then look for in state and output. */
export const SECRET = {
  robotSig: "eJwBEHAVEROBOTSIG-0a1b2c3d4e5f",
  txSecret: "behavetxsecret00112233445566",
  feedbackSig: "eJwBEHAVEFEEDBACK-99aa88bb77",
};

/** A push URL carrying the planted txSecret. */
export const pushUrl = (stream: string): string =>
  `rtmp://3891.livepush.myqcloud.com/live/${stream}?txSecret=${SECRET.txSecret}&txTime=7FFFFFFF`;

/** The relay robot's UserId in `room`. */
export const robotOf = (room: string): string => `relay_${room}`;

/** An anchor of `room` in the layout. */
const anchor = (userId: string, room: string, x: number): { [k: string]: Expr } => ({
  userMediaStream: { userInfo: { userId, roomId: room, roomIdType: 0 }, streamType: 0 },
  imageWidth: 640,
  imageHeight: 720,
  locationX: x,
  locationY: 0,
});

/** A two-anchor mixing task in `room` pushed to one CDN, with `over` replacing top-level arguments. */
export function mixArgs(room: string, over: { [k: string]: Expr } = {}): { [k: string]: Expr } {
  return {
    sdkAppId: SDK_APP_ID,
    roomId: room,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: robotOf(room), userSig: SECRET.robotSig, maxIdleTime: 30 },
    audioParams: {
      audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 },
      subscribeAudioList: [{ userInfo: { userId: "Trtc_User_0" } }],
    },
    videoParams: {
      videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 },
      layoutParams: { mixLayoutMode: 4, mixLayoutList: [anchor("Trtc_User_0", room, 0), anchor("Trtc_User_1", room, 640)] },
      backGroundColor: "0x000000",
    },
    publishCdnParams: [{ publishCdnUrl: pushUrl(`s${room}`), isTencentCdn: 1 }],
    ...over,
  };
}

/** A single-stream relay (no transcoding) of one anchor of `room`. */
export function relayArgs(room: string, over: { [k: string]: Expr } = {}): { [k: string]: Expr } {
  return {
    sdkAppId: SDK_APP_ID,
    roomId: room,
    roomIdType: 0,
    withTranscoding: 0,
    agentParams: { userId: robotOf(room), userSig: SECRET.robotSig, maxIdleTime: 30 },
    audioParams: { audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 } },
    videoParams: { videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 } },
    singleSubscribeParams: { userMediaStream: { userInfo: { userId: "Trtc_User_0", roomId: room, roomIdType: 0 }, streamType: 0 } },
    publishCdnParams: [{ publishCdnUrl: pushUrl(`r${room}`), isTencentCdn: 1 }],
    ...over,
  };
}

/** One resource. */
export const resource = (name: string, args: { [k: string]: Expr }, options?: OptionSpec): ResourceSpec => ({ name, args, options });

/** A program of the given resources. */
export const program = (...resources: ResourceSpec[]): ProgramSpec => ({ resources });

/** An output of a resource of the same program. */
export const ref = (name: string, prop: string): Ref => ({ $ref: name, prop });
