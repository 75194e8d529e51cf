/**
 * A fleet of relay tasks as one Pulumi program: task `i` mixes two anchors of its own room with its own
 * robot, so any two running tasks with the same room and robot are a duplicate. Changing `generation`
 * changes every task's CDN target, an in-place Update (same TaskId, next SequenceNumber).
 */
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { PublishCdnStream, type PublishCdnStreamArgs } from "../../provider";

/** SdkAppId of every fleet task. */
export const SDK_APP_ID = 1400188366;

/** Secret values a fleet carries; none may appear in plaintext anywhere (see secrets-audit.ts). */
export interface FleetSecrets {
  /** The robot's UserSig (`agentParams.userSig`). */
  userSig: string;
  /** The push URL's `txSecret`. */
  txSecret: string;
}

/** The room and robot of task `i`: what identifies a task when its TaskId is unknown. */
export const identity = (i: number): { roomId: string; robot: string } => ({ roomId: String(810000 + i), robot: `relay_robot_${i}` });

/** The arguments of task `i` in generation `generation`. */
export function fleetArgs(i: number, generation: number, secrets: FleetSecrets): PublishCdnStreamArgs {
  const { roomId, robot } = identity(i);
  const anchor = (userId: string, x: number) => ({
    userMediaStream: { userInfo: { userId, roomId, roomIdType: 0 } },
    imageWidth: 640,
    imageHeight: 720,
    locationX: x,
    locationY: 0,
  });
  return {
    sdkAppId: SDK_APP_ID,
    roomId,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: robot, userSig: `${secrets.userSig}-${i}`, maxIdleTime: 30 },
    audioParams: { audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 } },
    videoParams: {
      videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 },
      layoutParams: { mixLayoutMode: 4, mixLayoutList: [anchor(`anchor_${i}_a`, 0), anchor(`anchor_${i}_b`, 640)] },
    },
    publishCdnParams: [
      {
        publishCdnUrl: `rtmp://3891.livepush.myqcloud.com/live/task${i}g${generation}?txSecret=${secrets.txSecret}&txTime=62635BDE`,
        isTencentCdn: 1,
      },
    ],
  };
}

/** The stream name generation `generation` pushes to; tells which generation a running task has. */
export const streamOf = (i: number, generation: number): string => `/live/task${i}g${generation}?`;

/** A mutable fleet: the program reads `size` and `generation` each time the engine runs it. */
export interface Fleet {
  size: number;
  generation: number;
  secrets: FleetSecrets;
  program: PulumiFn;
}

/** A fleet of `size` tasks at generation 1. */
export function makeFleet(size: number, secrets: FleetSecrets): Fleet {
  const fleet: Fleet = {
    size,
    generation: 1,
    secrets,
    program: async () => {
      for (let i = 0; i < fleet.size; i++) new PublishCdnStream(`task-${i}`, fleetArgs(i, fleet.generation, fleet.secrets));
      return {};
    },
  };
  return fleet;
}
