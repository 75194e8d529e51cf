/**
 * Secrets: never in plaintext in the state file, the exported state, the engine's output or an error
 * message. A dynamic provider is never told which values the program marked secret, so its messages name
 * the property instead of printing room ids, UserIds or URLs.
 */
import { audit, inState, task } from "../checks";
import type { Expr, Row, RowContext } from "../model";
import { SDK_APP_ID, SECRET, mixArgs, program, pushUrl, resource } from "../programs";
import { fault, pulumi, verify, write } from "../steps";

const ROOM = "446688";
const BAD_ROOM = "44x66";
const ROBOT = "relay_secret_room";
const STREAM = "secretroomstream";
/**
 * Marked secret by the program (`pulumi.secret`), not through secret config: the CLI masks secret config
 * values in everything it prints, but knows nothing of values a program wraps itself.
 */
const room: Expr = { $secret: ROOM };

/** A mix whose room id the program marks secret, and writes nowhere else. */
const secretRoom = (roomId: Expr) =>
  program(
    resource("live", {
      sdkAppId: SDK_APP_ID,
      roomId,
      roomIdType: 0,
      withTranscoding: 1,
      agentParams: { userId: ROBOT, userSig: SECRET.robotSig, maxIdleTime: 30 },
      audioParams: { audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 } },
      videoParams: { videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 }, layoutParams: { mixLayoutMode: 3 } },
      publishCdnParams: [{ publishCdnUrl: pushUrl(STREAM), isTencentCdn: 1 }],
    }),
  );

/** Neither the secret room id nor the robot nor the push URL (not even without its txSecret) may show. */
const hidden = () => [ROOM, ROBOT, pushUrl(STREAM).split("?")[0], SECRET.txSecret, SECRET.robotSig];

/** Every secret the everyday row plants: UserSigs, txSecret, a storage key, the API SecretKey. */
const planted = (ctx: RowContext) => [SECRET.robotSig, SECRET.txSecret, SECRET.feedbackSig, STORAGE_KEY, ctx.emulator.secretKey];
const STORAGE_KEY = "COSKEYbehave0011223344";

/** A mix with a push-back robot, recording to storage, and its push URL from secret config. */
const everyday = (stream: string) =>
  program(
    resource(
      "live",
      mixArgs("447001", {
        publishCdnParams: [{ publishCdnUrl: { $secretConfig: stream }, isTencentCdn: 1 }],
        feedBackRoomParams: [{ roomId: "447002", roomIdType: 0, userId: "fb_447001", userSig: SECRET.feedbackSig }],
        recordParams: {
          uniRecord: 3,
          mcuStorageParams: { cloudStorage: { vendor: 0, region: "ap-guangzhou", bucket: "b", accessKey: "AK", secretKey: STORAGE_KEY } },
        },
      }),
    ),
  );

export const secretRows: Row[] = [
  {
    id: "secrets-everywhere",
    workflow: "Secrets in state, exported state, stack outputs and engine output (up, preview --diff, update)",
    expected: "No UserSig, txSecret, storage key or API SecretKey in plaintext anywhere; the task got them all.",
    config: { pushA: { value: pushUrl("everydayA"), secret: true }, pushB: { value: pushUrl("everydayB"), secret: true } },
    steps: [
      write(everyday("pushA")),
      pulumi(["up"], { ok: true, ops: { live: "create" }, hidden: planted }),
      write(everyday("pushB")),
      pulumi(["preview", "--diff"], { ok: true, ops: { live: "update" }, hidden: planted }),
      pulumi(["up"], { ok: true, ops: { live: "update" }, hidden: planted }),
      pulumi(["stack", "export"], { ok: true, output: ["ciphertext"], hidden: planted }),
      pulumi(["stack", "output", "--json"], { ok: true, hidden: planted }),
      verify("the state file holds none of them; the emulator got every one", async (ctx) => {
        const text = ctx.stateText();
        for (const value of planted(ctx)) expect(text).not.toContain(value);
        const t = (await ctx.emulator.running())[0];
        expect(t.Params.PublishCdnParams[0].PublishCdnUrl).toBe(pushUrl("everydayB"));
        expect(t.Params.FeedBackRoomParams[0].UserSig).toBe(SECRET.feedbackSig);
        expect(t.Params.RecordParams.McuStorageParams.CloudStorage.SecretKey).toBe(STORAGE_KEY);
      }),
    ],
  },
  {
    id: "secret-room-id",
    item: 5,
    workflow: "roomId wrapped in pulumi.secret; a lost Start answer, the robot collision that follows, a bad room id",
    expected:
      "Every error names the property (roomId, agentParams.userId) instead of its value, and still says what to do: " +
      "refuse mode names the running TaskId to stop; kick mode's Start takes the seat, the lost task ends kicked. " +
      "A bad secret roomId fails preview without printing it.",
    perCollisionMode: true,
    steps: [
      write(secretRoom(room)),
      fault({ action: "StartPublishCdnStream", drop: "after", count: 1 }),
      pulumi(["up"], { ok: false, output: [/outcome unknown/, /RoomId "<roomId>"/], hidden }),
      verify("the lost Start's task runs, unknown to state", async (ctx) => {
        const a = await audit(ctx);
        expect({ running: a.running, inState: a.inState, orphans: a.orphans.length }).toEqual({ running: 1, inState: 0, orphans: 1 });
        ctx.vars.orphan = a.orphans[0];
      }),
      {
        kind: "pulumi",
        args: ["up"],
        expect: { ok: false },
        byMode: {
          refuse: { ok: false, output: [/collides with a robot of running task/, /room <roomId>/], hidden },
          kick: { ok: true, ops: { live: "create" }, hidden },
        },
      },
      verify("refuse: the error names the running TaskId, which the user stops; kick: the lost task was kicked", async (ctx) => {
        if (ctx.mode === "refuse") {
          expect(ctx.last().output).toContain(ctx.vars.orphan);
          await ctx.emulator.client().stopPublishCdnStream({ SdkAppId: SDK_APP_ID, TaskId: ctx.vars.orphan });
        } else {
          expect((await task(ctx, ctx.vars.orphan)).FinishReason).toBe("kicked");
        }
      }),
      {
        kind: "pulumi",
        args: ["up"],
        expect: { ok: true, ops: { live: "create" }, hidden },
        byMode: { kick: { ok: true, ops: { live: "none" }, hidden } },
      },
      verify("one task, in state, no orphan", async (ctx) => {
        const a = await audit(ctx);
        expect(a).toEqual({ running: 1, inState: 1, orphans: [], lost: [] });
        expect((await inState(ctx, "live")).outputs.roomId).toBe(ROOM);
      }),
      write(secretRoom({ $secret: BAD_ROOM })),
      pulumi(["preview"], { ok: false, output: [/roomId/, /must be a decimal integer/], hidden: () => [BAD_ROOM, ...hidden()] }),
    ],
  },
];
