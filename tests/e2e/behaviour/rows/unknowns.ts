/**
 * Unknown values in every updatable group: preview must show what the up then does, and a saved plan
 * (`preview --save-plan`, `up --plan`) must be executable. The unknown comes from another task's
 * `sequenceNumber`, which an in-place update of that task makes unknown in preview and then bumps, so
 * the group really changes and the up really updates.
 *
 * Each row tries both forms: a known shape with one unknown leaf (a string built with
 * `pulumi.interpolate`), and a wholly unknown group (built inside `apply`), which previews as an update
 * too (docs/RESOURCE.md, "Preview unknowns").
 */
import { inState, task } from "../checks";
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

/** The program at version `v` (other's background colour), with live's group built from other's sequenceNumber. */
function unknownProgram(g: Group, room: string, v: number, whole: boolean) {
  const base = g.relay ? relayArgs : mixArgs;
  const value = whole ? { $after: seq, value: g.value({ $it: true }, room) } : g.value(seq, room);
  const otherRoom = `${Number(room) + 1}`;
  const otherVideo = mixArgs(otherRoom).videoParams as { [k: string]: Expr };
  return program(
    resource("other", mixArgs(otherRoom, { videoParams: { ...otherVideo, backGroundColor: `0x0000F${v}` } })),
    resource("live", base(room, { [g.name]: value })),
  );
}

/** live kept its TaskId, took `updates` Updates, and the emulator holds the resolved value. */
const updatedInPlace = (g: Group, updates: number): ReturnType<typeof verify> =>
  verify(`live updated in place (${updates} Update(s)), the resolved value sent`, async (ctx) => {
    const live = await inState(ctx, "live");
    expect(live.id).toBe(ctx.vars.live);
    const t = await task(ctx, live.id);
    expect(t.Status).toBe("running");
    expect(t.History.filter((h) => h.Action === "UpdatePublishCdnStream")).toHaveLength(updates);
    expect(g.sent(t.Params)).toEqual(g.expected(updates));
  });

function unknownRow(g: Group, index: number): Row {
  const room = `${420001 + index * 100}`;
  return {
    id: `unknown-${g.name}`,
    item: 2,
    workflow: `Unknown values in ${g.name}: one leaf, then the whole group (preview --save-plan, up --plan)`,
    expected:
      "Preview shows an in-place update of live (same as the up); `up --plan` succeeds and updates it in place " +
      "(same TaskId, SequenceNumber +1) with the resolved value, for a known shape with one unknown leaf and for a wholly unknown group.",
    steps: [
      write(unknownProgram(g, room, 0, false)),
      pulumi(["up"], { ok: true, ops: { other: "create", live: "create" } }),
      verify("remember live's TaskId", async (ctx) => {
        ctx.vars.live = (await inState(ctx, "live")).id;
      }),
      write(unknownProgram(g, room, 1, false)),
      preview({ other: "update", live: "update" }, ["--save-plan", (ctx) => ctx.file("leaf.plan.json")]),
      pulumi(["up", "--plan", (ctx) => ctx.file("leaf.plan.json")], { ok: true, ops: { other: "update", live: "update" } }),
      updatedInPlace(g, 1),
      write(unknownProgram(g, room, 2, true)),
      preview({ other: "update", live: "update" }, ["--save-plan", (ctx) => ctx.file("whole.plan.json")]),
      pulumi(["up", "--plan", (ctx) => ctx.file("whole.plan.json")], { ok: true, ops: { other: "update", live: "update" } }),
      updatedInPlace(g, 2),
    ],
  };
}

export const unknownRows: Row[] = GROUPS.map(unknownRow);
