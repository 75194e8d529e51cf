/**
 * Replacement, on every path the engine has. TRTC seats one robot UserId once per room, so a replacement
 * must stop the old task before the new one starts (docs/RESOURCE.md); the only exception is a user who
 * set `deleteBeforeReplace: false` and gets what they asked for.
 */
import { expectStopThenStart, inState, remember, task } from "../checks";
import type { Row } from "../model";
import { mixArgs, program, resource } from "../programs";
import { up, urnOf, verify, write } from "../steps";

const ROOM = "410001";
const live = (options = {}) => program(resource("live", mixArgs(ROOM), options));
const anchorOf = (room: string) => resource("anchor", mixArgs(room), { deleteBeforeReplace: false });

const SAME_IN_BOTH_MODES =
  "Stopped before started, so the two robots never meet: the same outcome whether the emulator refuses a " +
  "colliding Start or kicks the robot already seated.";

export const replaceRows: Row[] = [
  {
    id: "replace-diff",
    workflow: "A change the diff replaces (roomId)",
    expected: "Old task stopped, then the new one started in the new room; one task running.",
    steps: [
      write(live()),
      up({ live: "create" }),
      remember("live"),
      write(program(resource("live", mixArgs("410002")))),
      up({ live: "replace" }),
      verify("the old task stopped before the new one started", async (ctx) => {
        const now = await inState(ctx, "live");
        const old = await task(ctx, ctx.vars.live);
        const fresh = await task(ctx, now.id);
        expect(old.FinishReason).toBe("stopped");
        expect(Date.parse(old.FinishedAt!)).toBeLessThanOrEqual(Date.parse(fresh.CreatedAt));
        expect((await ctx.emulator.running()).map((t) => t.TaskId)).toEqual([now.id]);
      }),
    ],
  },
  {
    id: "dbr-false",
    workflow: "deleteBeforeReplace: false, then a replacement",
    expected:
      "The user's choice wins: the new task starts before the old one stops (here in another room, so the " +
      "robots do not meet); both existed at once, then one runs.",
    steps: [
      write(live({ deleteBeforeReplace: false })),
      up({ live: "create" }),
      remember("live"),
      write(program(resource("live", mixArgs("410003"), { deleteBeforeReplace: false }))),
      up({ live: "replace" }),
      verify("created first, deleted after", async (ctx) => {
        const now = await inState(ctx, "live");
        const old = await task(ctx, ctx.vars.live);
        const fresh = await task(ctx, now.id);
        expect(old.FinishReason).toBe("stopped");
        expect(Date.parse(fresh.CreatedAt)).toBeLessThanOrEqual(Date.parse(old.FinishedAt!));
        expect((await ctx.emulator.running()).map((t) => t.TaskId)).toEqual([now.id]);
      }),
    ],
  },
];
