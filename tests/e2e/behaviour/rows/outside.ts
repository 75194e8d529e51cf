/**
 * Work done behind Pulumi's back or around it: a task that ended on its own then `pulumi refresh`, and
 * `pulumi state delete` then up. TRTC has no Describe call, so refresh cannot see a task end; what the
 * provider learns comes from the next Update (docs/RESOURCE.md, Refresh).
 */
import { audit, inState, remember, requestsOf, task } from "../checks";
import type { Row } from "../model";
import { mixArgs, program, resource } from "../programs";
import { emulator, pulumi, up, upFails, urnOf, verify, write } from "../steps";

/** Ends the task remembered as `live` the way idle expiry does (docs/EMULATOR.md, `POST tasks/<id>/expire`). */
const expireLive = emulator("live's task ends on its own (idle expiry)", async (ctx) => {
  await ctx.emulator.control("POST", `tasks/${encodeURIComponent(ctx.vars.live)}/expire`);
});

export const outsideRows: Row[] = [
  {
    id: "refresh-after-ended",
    workflow: "A task ended behind Pulumi's back (idle expiry), then refresh, up with a change, refresh, up",
    expected:
      "The first refresh cannot see the end (no Describe) and changes nothing; the up's Update reveals it " +
      "(TaskFinished, the error says to rerun or refresh) and state records it finished; the next refresh drops " +
      "it; the next up starts one new task. No Stop is sent for the ended task.",
    steps: [
      write(program(resource("live", mixArgs("450001")))),
      up({ live: "create" }),
      remember("live"),
      expireLive,
      pulumi(["refresh"], { ok: true }),
      verify("refresh changed nothing: live still in state with its TaskId", async (ctx) => {
        expect((await inState(ctx, "live")).id).toBe(ctx.vars.live);
        expect((await task(ctx, ctx.vars.live)).FinishReason).toBe("expired");
      }),
      write(
        program(
          resource("live", {
            ...mixArgs("450001"),
            videoParams: { ...(mixArgs("450001").videoParams as object), backGroundColor: "0x00FF00" },
          }),
        ),
      ),
      upFails([/is no longer running/]),
      verify("state records the task finished; one Update was refused, none applied", async (ctx) => {
        expect((await inState(ctx, "live")).outputs.finished).toBe(true);
        expect((await task(ctx, ctx.vars.live)).SequenceNumber).toBeNull();
        expect(await requestsOf(ctx, "UpdatePublishCdnStream")).toBe(1);
      }),
      pulumi(["refresh"], { ok: true }),
      verify("refresh dropped the finished task from state", async (ctx) => {
        expect(await ctx.state()).toEqual([]);
      }),
      up({ live: "create" }),
      verify("one new task runs, in state; two Starts, no Stop", async (ctx) => {
        const now = await inState(ctx, "live");
        expect(now.id).not.toBe(ctx.vars.live);
        expect(await audit(ctx)).toEqual({ running: 1, inState: 1, orphans: [], lost: [] });
        expect(await requestsOf(ctx, "StartPublishCdnStream")).toBe(2);
        expect(await requestsOf(ctx, "StopPublishCdnStream")).toBe(0);
      }),
    ],
  },
  {
    id: "state-delete-then-up",
    workflow: "pulumi state delete <urn>, then up (the task still runs)",
    expected:
      "state delete forgets the task without stopping it (one orphan). refuse: the up's Start is refused, the " +
      "error naming the running TaskId it collides with; after the user stops that TaskId, the up converges. " +
      'kick: the up\'s Start kicks the forgotten robot, its task ends "kicked", one task runs, in state.',
    perCollisionMode: true,
    steps: [
      write(program(resource("live", mixArgs("450002")))),
      up({ live: "create" }),
      remember("live"),
      pulumi(["state", "delete", urnOf("live"), "--yes"], { ok: true }),
      verify("forgotten, still running: one orphan", async (ctx) => {
        expect(await audit(ctx)).toEqual({ running: 1, inState: 0, orphans: [ctx.vars.live], lost: [] });
      }),
      {
        kind: "pulumi",
        args: ["up"],
        expect: { ok: true, ops: { live: "create" } },
        byMode: {
          refuse: { ok: false, output: [/collides with a robot of running task/] },
        },
      },
      verify("refuse: nothing new runs, the error named the orphan; kick: the orphan was kicked", async (ctx) => {
        if (ctx.mode === "refuse") {
          expect(ctx.last().output).toContain(ctx.vars.live);
          expect(await audit(ctx)).toEqual({ running: 1, inState: 0, orphans: [ctx.vars.live], lost: [] });
          // The manual step the refusal asks for: stop the TaskId it names, outside Pulumi.
          await ctx.emulator.client().stopPublishCdnStream({ SdkAppId: 1400188366, TaskId: ctx.vars.live });
        } else {
          expect((await task(ctx, ctx.vars.live)).FinishReason).toBe("kicked");
          expect((await audit(ctx)).orphans).toEqual([]);
        }
      }),
      {
        kind: "pulumi",
        args: ["up"],
        expect: { ok: true, ops: { live: "none" } },
        byMode: { refuse: { ok: true, ops: { live: "create" } } },
      },
      verify("one task runs and state holds it; the forgotten one ended", async (ctx) => {
        expect(await audit(ctx)).toMatchObject({ running: 1, inState: 1, orphans: [], lost: [] });
        expect((await task(ctx, ctx.vars.live)).Status).toBe("finished");
        expect(await requestsOf(ctx, "StartPublishCdnStream")).toBe(ctx.mode === "refuse" ? 3 : 2);
      }),
    ],
  },
];
