/**
 * The tasks every benchmark variant declares: N relay tasks in N rooms, each a two-cell mix pushed to one
 * CDN URL. Generation 2 changes only the push URL, which PublishCdnStream applies in place (Update), so
 * the update phase measures Update calls, not replacements.
 *
 * The credentials-shaped strings are placeholders for the emulator; none is valid on Tencent Cloud.
 */
import type { PublishCdnStreamArgs } from "../provider/args";

/** The SdkAppId of Tencent's own examples; the emulator accepts any. */
export const BENCH_SDK_APP_ID = 1400188366;

/**
 * The arguments of task `i` in generation `generation` (1 = create, 2 = update). `base` keeps each
 * stack's rooms and robots apart: a task a failed baseline destroy left running must not share a robot
 * with the next scenario's task (that Start would kick the leftover's robot, as TRTC does, and end it).
 */
export function taskArgs(i: number, generation: number, base = 0): PublishCdnStreamArgs {
  const room = String(700000 + base + i); // roomIdType 0: a decimal integer
  const cell = (user: number, x: number) => ({
    userMediaStream: { userInfo: { userId: `user_${base + i}_${user}`, roomId: room, roomIdType: 0 } },
    imageWidth: 640,
    imageHeight: 720,
    locationX: x,
    locationY: 0,
  });
  return {
    sdkAppId: BENCH_SDK_APP_ID,
    roomId: room,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: `relay_${base + i}`, userSig: `bench-usersig-${i}`, maxIdleTime: 300 },
    audioParams: {
      audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 },
      subscribeAudioList: [{ userInfo: { userId: `user_${base + i}_0` } }],
    },
    videoParams: {
      videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 },
      layoutParams: { mixLayoutMode: 4, mixLayoutList: [cell(0, 0), cell(1, 640)] },
      backGroundColor: "0x000000",
    },
    publishCdnParams: [
      {
        publishCdnUrl: `rtmp://3891.livepush.myqcloud.com/live/bench_${i}_g${generation}?txSecret=00bench00secret00${i}&txTime=7FFFFFFF`,
        isTencentCdn: 1,
      },
    ],
  };
}
