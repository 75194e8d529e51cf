/**
 * The front end's code taken away while its resources still exist (`npm uninstall pulumi-trtc-relay`
 * before `pulumi destroy`): the error says what is missing and how to recover, nothing is lost, and
 * reinstalling lets the same command finish.
 */
import { inState, task } from "../checks";
import type { Row } from "../model";
import { mixArgs, program, resource } from "../programs";
import { pulumi, up, verify, write } from "../steps";

export const installRows: Row[] = [
  {
    id: "uninstalled-before-destroy",
    item: 6,
    workflow: "The package uninstalled before pulumi destroy, then reinstalled",
    expected:
      "destroy fails saying the package is missing from the project and how to recover (install it, run the command " +
      "again); the task keeps running and stays in state; after reinstalling, destroy stops it.",
    steps: [
      write(program(resource("live", mixArgs("460001")))),
      up({ live: "create" }),
      verify("remember live's TaskId", async (ctx) => {
        ctx.vars.live = (await inState(ctx, "live")).id;
      }),
      { kind: "uninstall" },
      pulumi(["destroy"], { ok: false }),
      verify("the error says what is missing and what to do; the task runs on, still in state", async (ctx) => {
        expect(ctx.last().output).toMatch(ctx.fe.uninstalledError);
        expect((await task(ctx, ctx.vars.live)).Status).toBe("running");
        expect((await inState(ctx, "live")).id).toBe(ctx.vars.live);
      }),
      { kind: "reinstall" },
      pulumi(["destroy"], { ok: true, ops: { live: "delete" } }),
      verify("stopped", async (ctx) => {
        expect((await task(ctx, ctx.vars.live)).FinishReason).toBe("stopped");
        expect(await ctx.state()).toEqual([]);
      }),
    ],
  },
];
