/**
 * Unknown values in every updatable group: preview must show what the up then does, and a saved plan
 * (`preview --save-plan`, `up --plan`) must be executable. The unknown comes from another task's
 * `sequenceNumber`, which an in-place update of that task makes unknown in preview and then bumps, so
 * the group really changes and the up really updates.
 *
 * Two rows, each with one task per group (six, in rooms of their own) beside `other`: a known shape with one
 * unknown leaf (a string built with `pulumi.interpolate`, which Pulumi YAML says too), and a wholly unknown group
 * (built inside `apply`), which previews as an update too (docs/RESOURCE.md, "Preview unknowns"). One stack for
 * all six groups costs four CLI runs where a row per group cost thirty.
 */
import { task } from "../checks";
import type { Expr, Row } from "../model";
import { SECRET, mixArgs, program, ref, relayArgs, resource } from "../programs";
import { preview, pulumi, verify, write } from "../steps";

const seq = ref("other", "sequenceNumber");
const text = (...parts: Array<string | Expr>): Expr => ({ $interpolate: parts });

/** One updatable group: its value built from a number, and where the emulator shows what was sent. */
interface Group {
  name: string;
  /** The live task is a single-stream relay rather than a mix. */
  relay?: boolean;
  value(n: Expr, room: string): Expr;
  sent(params: Record<string, any>): unknown;
  /** What `sent` must be once `n` resolved to this number. */
  expected(n: number): unknown;
}

const GROUPS: Group[] = [
  {
    name: "publishCdnParams",
    value: (n) => [
      {
        publishCdnUrl: text("rtmp://3891.livepush.myqcloud.com/live/k", n, `?txSecret=${SECRET.txSecret}&txTime=7FFFFFFF`),
        isTencentCdn: 1,
      },
    ],
    sent: (p) => p.PublishCdnParams[0].PublishCdnUrl,
    expected: (n) => `rtmp://3891.livepush.myqcloud.com/live/k${n}?txSecret=${SECRET.txSecret}&txTime=7FFFFFFF`,
  },
  {
    name: "feedBackRoomParams",
    value: (n, room) => [
      { roomId: `${Number(room) + 50}`, roomIdType: 0, userId: `fb_${room}`, userSig: text(`${SECRET.feedbackSig}-`, n) },
    ],
    sent: (p) => p.FeedBackRoomParams[0].UserSig,
    expected: (n) => `${SECRET.feedbackSig}-${n}`,
  },
  {
    name: "videoParams",
    // The mix's own video, with the background colour unknown.
    value: (n, room) => ({ ...(mixArgs(room).videoParams as { [k: string]: Expr }), backGroundColor: text("0x00000", n) }),
    sent: (p) => p.VideoParams.BackGroundColor,
    expected: (n) => `0x00000${n}`,
  },
  {
    name: "audioParams",
    value: (n) => ({
      audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 },
      subscribeAudioList: [{ userInfo: { userId: text("Trtc_User_", n) } }],
    }),
    sent: (p) => p.AudioParams.SubscribeAudioList[0].UserInfo.UserId,
    expected: (n) => `Trtc_User_${n}`,
  },
  {
    name: "seiParams",
    value: (n) => ({ layoutVolume: { appData: text("sei-", n), payloadType: 100, interval: 1000, followIdr: 1 } }),
    sent: (p) => p.SeiParams.LayoutVolume.AppData,
    expected: (n) => `sei-${n}`,
  },
  {
    name: "singleSubscribeParams",
    relay: true,
    value: (n, room) => ({ userMediaStream: { userInfo: { userId: text("Trtc_User_", n), roomId: room, roomIdType: 0 }, streamType: 0 } }),
    sent: (p) => p.SingleSubscribeParams.UserMediaStream.UserInfo.UserId,
    expected: (n) => `Trtc_User_${n}`,
  },
];

/** The resource holding `g`'s unknowns. */
const liveOf = (g: Group): string => `live-${g.name}`;

/** The program at version `v` (other's background colour), each group's task built from other's sequenceNumber. */
function unknownProgram(v: number, whole: boolean, roomBase: number) {
  const otherRoom = `${roomBase}`;
  const otherVideo = mixArgs(otherRoom).videoParams as { [k: string]: Expr };
  return program(
    resource("other", mixArgs(otherRoom, { videoParams: { ...otherVideo, backGroundColor: `0x0000F${v}` } })),
    ...GROUPS.map((g, i) => {
      const room = `${roomBase + 1 + i * 100}`;
      const value = whole ? { $after: seq, value: g.value({ $it: true }, room) } : g.value(seq, room);
      return resource(liveOf(g), (g.relay ? relayArgs : mixArgs)(room, { [g.name]: value }));
    }),
  );
}

/** Every task's op in a run: other and each group's task `op`. */
const allOps = (op: "create" | "update"): Record<string, "create" | "update"> =>
  Object.fromEntries(["other", ...GROUPS.map(liveOf)].map((n) => [n, op]));

/** Each group's task kept its TaskId, took one Update, and the emulator holds the resolved value. */
const updatedInPlace: ReturnType<typeof verify> = verify(
  "every group's task updated in place (one Update), the resolved value sent",
  async (ctx) => {
    const problems: string[] = [];
    const state = await ctx.state(); // one `stack export` for all six
    for (const g of GROUPS) {
      const live = state.find((r) => r.name === liveOf(g));
      if (!live) throw new Error(`state has no ${liveOf(g)}`);
      const t = await task(ctx, live.id);
      const updates = t.History.filter((h) => h.Action === "UpdatePublishCdnStream").length;
      const seen = { taskId: live.id, status: t.Status, updates, sent: g.sent(t.Params) };
      const want = { taskId: ctx.vars[liveOf(g)], status: "running", updates: 1, sent: g.expected(1) };
      if (JSON.stringify(seen) !== JSON.stringify(want))
        problems.push(`${g.name}: ${JSON.stringify(seen)}, expected ${JSON.stringify(want)}`);
    }
    if (problems.length > 0) throw new Error(problems.join("\n"));
  },
);

function unknownRow(whole: boolean, roomBase: number): Row {
  const form = whole ? "whole" : "leaf";
  return {
    id: `unknown-${form}`,
    item: 2,
    workflow: `Unknown values in every updatable group, ${whole ? "each group wholly unknown (apply)" : "one unknown leaf in a known shape (interpolate)"} (preview --save-plan, up --plan)`,
    expected:
      "Preview shows an in-place update of each group's task (same as the up); `up --plan` succeeds and updates each in place " +
      `(same TaskId, SequenceNumber +1) with the resolved value, for ${whole ? "a wholly unknown group" : "a known shape with one unknown leaf"}.`,
    steps: [
      write(unknownProgram(0, whole, roomBase)),
      pulumi(["up"], { ok: true, ops: allOps("create") }),
      verify("remember each group's TaskId", async (ctx) => {
        const state = await ctx.state();
        for (const g of GROUPS) ctx.vars[liveOf(g)] = state.find((r) => r.name === liveOf(g))?.id;
      }),
      write(unknownProgram(1, whole, roomBase)),
      preview(allOps("update"), ["--save-plan", (ctx) => ctx.file(`${form}.plan.json`)]),
      pulumi(["up", "--plan", (ctx) => ctx.file(`${form}.plan.json`)], { ok: true, ops: allOps("update") }),
      updatedInPlace,
    ],
  };
}

export const unknownRows: Row[] = [unknownRow(false, 420000), unknownRow(true, 430000)];
