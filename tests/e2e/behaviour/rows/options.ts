/**
 * Resource options the dynamic-provider host never passes to its provider (replaceOnChanges,
 * customTimeouts, import): each is honoured or refused with a message saying what to use.
 */
import { inState, stoppedBeforeStarted, task } from "../checks";
import type { Expr, OptionSpec, Row } from "../model";
import { mixArgs, program, pushUrl, resource } from "../programs";
import { clearFaults, fault, preview, pulumi, up, upFails, verify, write } from "../steps";

const ROOM = "430001";

/** The mix with push stream `stream` and layout mode `layout` (3: screen sharing, 4: custom). */
function mix(stream: string, layout: 3 | 4, options: OptionSpec) {
  const args = mixArgs(ROOM, { publishCdnParams: [{ publishCdnUrl: pushUrl(stream), isTencentCdn: 1 }] });
  if (layout === 3) (args.videoParams as { [k: string]: Expr }).layoutParams = { mixLayoutMode: 3 };
  return program(resource("live", args, options));
}

const remember = verify("remember live's TaskId", async (ctx) => {
  ctx.vars.live = (await inState(ctx, "live")).id;
});

const stopThenStart = verify("live replaced: the old task stopped before the new one started", async (ctx) => {
  await stoppedBeforeStarted(ctx, "live", ctx.vars.live);
  ctx.vars.live = (await inState(ctx, "live")).id;
});

const sameTask = verify("live kept its task", async (ctx) => {
  expect((await inState(ctx, "live")).id).toBe(ctx.vars.live);
});

/**
 * Short enough that the client's eight attempts (full-jitter backoff from 500 ms) almost never fit inside
 * (under 1e-4 per run), so each failure is the deadline's, which the message names.
 */
const TIMEOUTS = { create: "2s", update: "2500ms", delete: "3s" };
/** A refused request the client retries until its deadline (the gateway refused it, so Start may retry). */
const throttle = (action: string) => fault({ action, error: "RequestLimitExceeded" });

export const optionRows: Row[] = [
  {
    id: "replace-on-changes",
    item: 3,
    workflow: 'replaceOnChanges: ["publishCdnParams"], then ["*"]',
    expected:
      "A change under a listed path previews and applies as a replacement (stop first); a change elsewhere " +
      'updates in place; changing the option alone changes nothing; with ["*"] any change replaces.',
    steps: [
      write(mix("a", 4, { replaceOnChanges: ["publishCdnParams"] })),
      up({ live: "create" }),
      remember,
      write(mix("b", 4, { replaceOnChanges: ["publishCdnParams"] })),
      preview({ live: "replace" }),
      up({ live: "replace" }),
      stopThenStart,
      write(mix("b", 3, { replaceOnChanges: ["publishCdnParams"] })),
      up({ live: "update" }),
      sameTask,
      write(mix("b", 3, { replaceOnChanges: ["*"] })),
      up({ live: "none" }),
      sameTask,
      write(mix("b", 4, { replaceOnChanges: ["*"] })),
      up({ live: "replace" }),
      stopThenStart,
    ],
  },
  {
    id: "custom-timeouts",
    item: 3,
    workflow: 'customTimeouts { create: "2s", update: "2500ms", delete: "3s" } against a throttling API',
    expected:
      "Each operation gives up at its own timeout (the error names it), not at the client's 60 s default; " +
      "nothing half-done: no task from the failed create, no Update applied, the task still running after the failed delete.",
    steps: [
      write(mix("a", 4, { customTimeouts: TIMEOUTS })),
      throttle("StartPublishCdnStream"),
      upFails(["StartPublishCdnStream did not succeed within its 2000 ms deadline"]),
      verify("no task was started", async (ctx) => {
        expect(await ctx.emulator.tasks()).toEqual([]);
      }),
      clearFaults,
      up({ live: "create" }),
      remember,
      throttle("UpdatePublishCdnStream"),
      write(mix("a", 3, { customTimeouts: TIMEOUTS })),
      upFails(["UpdatePublishCdnStream did not succeed within its 2500 ms deadline"]),
      verify("no Update was applied", async (ctx) => {
        expect((await task(ctx, ctx.vars.live)).SequenceNumber).toBeNull();
      }),
      clearFaults,
      throttle("StopPublishCdnStream"),
      pulumi(["destroy"], { ok: false, output: ["StopPublishCdnStream did not succeed within its 3000 ms deadline"] }),
      verify("the task still runs and is still in state", async (ctx) => {
        expect((await task(ctx, ctx.vars.live)).Status).toBe("running");
        expect((await inState(ctx, "live")).id).toBe(ctx.vars.live);
      }),
      clearFaults,
      pulumi(["destroy"], { ok: true, ops: { live: "delete" } }),
      verify("stopped", async (ctx) => {
        expect((await task(ctx, ctx.vars.live)).FinishReason).toBe("stopped");
      }),
    ],
  },
];
