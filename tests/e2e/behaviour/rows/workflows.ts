/**
 * Workflows that already behaved when issue 19 was filed, kept here so they stay that way: ignoreChanges on
 * nested paths, retainOnDelete, protect, aliases after a rename, --target and stack references. Each row
 * asserts what the emulator ran (Starts, Updates with their SequenceNumbers, Stops), not only the exit code.
 */
import { inState, remember, requestsOf, task } from "../checks";
import type { Expr, OptionSpec, Row } from "../model";
import { mixArgs, program, pushUrl, resource } from "../programs";
import { pulumi, up, urnOf, verify, write } from "../steps";

/** The mix of `room` with video bitrate `bitRate` and background colour `colour`. */
function mixOf(room: string, bitRate: number, colour: string): { [k: string]: Expr } {
  const args = mixArgs(room);
  const video = args.videoParams as { [k: string]: any };
  args.videoParams = { ...video, videoEncode: { ...video.videoEncode, bitRate }, backGroundColor: colour };
  return args;
}

/** A verify step: no Start, Update or Stop other than `counts` reached the emulator so far. */
const requestCounts = (counts: { start: number; update: number; stop: number }) =>
  verify(`the emulator answered ${counts.start} Start, ${counts.update} Update, ${counts.stop} Stop`, async (ctx) => {
    expect({
      start: await requestsOf(ctx, "StartPublishCdnStream"),
      update: await requestsOf(ctx, "UpdatePublishCdnStream"),
      stop: await requestsOf(ctx, "StopPublishCdnStream"),
    }).toEqual(counts);
  });

const live = (room: string, options?: OptionSpec) => program(resource("live", mixArgs(room), options));

export const workflowRows: Row[] = [
  {
    id: "ignore-changes-nested",
    workflow: 'ignoreChanges: ["videoParams.videoEncode.bitRate"] (a nested leaf)',
    expected:
      "A change of the ignored leaf alone makes no Update (SequenceNumber stays null); a change elsewhere in the " +
      "same group updates in place and sends the old bitrate, not the new one.",
    steps: [
      write(program(resource("live", mixOf("440001", 1536, "0x000000"), { ignoreChanges: ["videoParams.videoEncode.bitRate"] }))),
      up({ live: "create" }),
      remember("live"),
      write(program(resource("live", mixOf("440001", 3000, "0x000000"), { ignoreChanges: ["videoParams.videoEncode.bitRate"] }))),
      up({ live: "none" }),
      verify("no Update: the task keeps 1536 kbps, SequenceNumber null", async (ctx) => {
        const t = await task(ctx, ctx.vars.live);
        expect(t.SequenceNumber).toBeNull();
        expect(t.Params.VideoParams.VideoEncode.BitRate).toBe(1536);
      }),
      write(program(resource("live", mixOf("440001", 3000, "0xFF0000"), { ignoreChanges: ["videoParams.videoEncode.bitRate"] }))),
      up({ live: "update" }),
      verify("one Update (SequenceNumber 1): the new colour, the old bitrate, same TaskId", async (ctx) => {
        const t = await task(ctx, ctx.vars.live);
        expect((await inState(ctx, "live")).id).toBe(ctx.vars.live);
        expect(t.SequenceNumber).toBe(1);
        expect(t.Params.VideoParams.BackGroundColor).toBe("0xFF0000");
        expect(t.Params.VideoParams.VideoEncode.BitRate).toBe(1536);
      }),
      requestCounts({ start: 1, update: 1, stop: 0 }),
    ],
  },
  {
    id: "retain-on-delete",
    workflow: "retainOnDelete: true, then the resource removed from the program",
    expected:
      "The up deletes it from state without a Stop: the task runs on, outside Pulumi's management, as asked; " +
      "no other task is started.",
    steps: [
      write(live("440002", { retainOnDelete: true })),
      up({ live: "create" }),
      remember("live"),
      write(program()),
      up({ live: "delete" }),
      verify("still running, no longer in state, never stopped", async (ctx) => {
        expect((await task(ctx, ctx.vars.live)).Status).toBe("running");
        expect(await ctx.state()).toEqual([]);
      }),
      requestCounts({ start: 1, update: 0, stop: 0 }),
    ],
  },
  {
    id: "protect",
    workflow: "protect: true, pulumi destroy, then protect removed and destroy again",
    expected:
      "The protected destroy fails naming the protection before any API call; the task runs on, still in state. " +
      "Once unprotected (an up with no API call), destroy stops it.",
    steps: [
      write(live("440003", { protect: true })),
      up({ live: "create" }),
      remember("live"),
      pulumi(["destroy"], { ok: false, output: [/protected/] }),
      verify("still running and in state, protected", async (ctx) => {
        expect((await task(ctx, ctx.vars.live)).Status).toBe("running");
        expect((await inState(ctx, "live")).protect).toBe(true);
      }),
      requestCounts({ start: 1, update: 0, stop: 0 }),
      write(live("440003")),
      up({ live: "none" }),
      pulumi(["destroy"], { ok: true, ops: { live: "delete" } }),
      verify("stopped", async (ctx) => {
        expect((await task(ctx, ctx.vars.live)).FinishReason).toBe("stopped");
        expect(await ctx.state()).toEqual([]);
      }),
      requestCounts({ start: 1, update: 0, stop: 1 }),
    ],
  },
  {
    id: "alias-rename",
    workflow: 'A resource renamed from "live" to "main" with aliases: [{ name: "live" }]',
    expected: "The rename is no change at all: same TaskId, no Start, Update or Stop; state holds main only.",
    steps: [
      write(live("440004")),
      up({ live: "create" }),
      remember("live"),
      write(program(resource("main", mixArgs("440004"), { aliases: [{ name: "live" }] }))),
      up({ main: "none", live: "none" }),
      verify("main holds live's task, which still runs untouched", async (ctx) => {
        const state = await ctx.state();
        expect(state.map((r) => [r.name, r.id])).toEqual([["main", ctx.vars.live]]);
        const t = await task(ctx, ctx.vars.live);
        expect({ status: t.Status, seq: t.SequenceNumber }).toEqual({ status: "running", seq: null });
      }),
      requestCounts({ start: 1, update: 0, stop: 0 }),
    ],
  },
  {
    id: "target",
    workflow: "Two resources changed, pulumi up --target <one urn>, then a plain up",
    expected:
      "The targeted up updates only the target (its SequenceNumber 1, the other's null); the plain up then " +
      "updates the other; no Start or Stop beyond the first two Starts.",
    steps: [
      write(program(resource("a", mixOf("440005", 1536, "0x000000")), resource("b", mixOf("440006", 1536, "0x000000")))),
      up({ a: "create", b: "create" }),
      remember("a"),
      remember("b"),
      write(program(resource("a", mixOf("440005", 1536, "0x00FF00")), resource("b", mixOf("440006", 1536, "0x00FF00")))),
      up({ a: "update", b: "none" }, ["--target", urnOf("a")]),
      verify("a updated (SequenceNumber 1), b untouched (null)", async (ctx) => {
        expect((await task(ctx, ctx.vars.a)).SequenceNumber).toBe(1);
        expect((await task(ctx, ctx.vars.b)).SequenceNumber).toBeNull();
        expect((await task(ctx, ctx.vars.b)).Params.VideoParams.BackGroundColor).toBe("0x000000");
      }),
      up({ a: "none", b: "update" }),
      verify("b updated now, same TaskIds", async (ctx) => {
        expect((await task(ctx, ctx.vars.b)).SequenceNumber).toBe(1);
        expect((await ctx.state()).map((r) => r.id).sort()).toEqual([ctx.vars.a, ctx.vars.b].sort());
      }),
      requestCounts({ start: 2, update: 2, stop: 0 }),
    ],
  },
  {
    id: "stack-reference",
    workflow: "A push stream name read from another stack (StackReference), then changed there",
    expected:
      "The consumer starts with the producer's value; after the producer changes it, the consumer's up updates " +
      "the push URL in place (same TaskId, SequenceNumber 1) with the new value.",
    steps: [
      write({ resources: [], outputs: { stream: "k1" } }, "producer"),
      pulumi(["up"], { ok: true }, "producer"),
      write(
        program(
          resource("live", {
            ...mixArgs("440007"),
            publishCdnParams: [
              {
                publishCdnUrl: {
                  $interpolate: [
                    "rtmp://3891.livepush.myqcloud.com/live/",
                    { $stackOutput: { project: "producer", stack: "dev", name: "stream" } },
                    pushUrl("").slice(pushUrl("").indexOf("?")),
                  ],
                },
                isTencentCdn: 1,
              },
            ],
          }),
        ),
      ),
      up({ live: "create" }),
      remember("live"),
      verify("the task pushes to stream k1", async (ctx) => {
        expect((await task(ctx, ctx.vars.live)).Params.PublishCdnParams[0].PublishCdnUrl).toMatch(/\/live\/k1\?/);
      }),
      write({ resources: [], outputs: { stream: "k2" } }, "producer"),
      pulumi(["up"], { ok: true }, "producer"),
      up({ live: "update" }),
      verify("same task, SequenceNumber 1, now pushing to k2", async (ctx) => {
        const t = await task(ctx, ctx.vars.live);
        expect((await inState(ctx, "live")).id).toBe(ctx.vars.live);
        expect(t.SequenceNumber).toBe(1);
        expect(t.Params.PublishCdnParams[0].PublishCdnUrl).toMatch(/\/live\/k2\?/);
      }),
      requestCounts({ start: 1, update: 1, stop: 0 }),
    ],
  },
];
